// Package exchange carries translation units to the tools translators
// work in and back: XLIFF 2.1 and XLIFF 1.2 (CAT tools such as OmegaT,
// Trados and memoQ), gettext PO (Poedit, Weblate, Translate Toolkit) and
// TMX 1.4b (translation memories). Each format is one file with a writer
// and a reader over one neutral type, Unit: its ID, kind and position,
// source and target, state, the source a stale target was made from,
// translator comments and suggestions. The Markdown of a unit's text is
// cut into text and inline codes (note references, links, code spans,
// placeholders), which the XLIFF writers mark so that CAT tools protect
// them; joining the pieces gives the Markdown back byte for byte.
//
// Writers return bytes and never fail on odd text; readers take bytes
// from anywhere (a translator's file is untrusted), run in linear time,
// and return an *Error naming the file and line of what they cannot read.
//
//	data := exchange.WriteXLIFF2(file)
//	back, err := exchange.Read("es.xlf", data)
package exchange
