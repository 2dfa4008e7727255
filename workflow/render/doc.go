// Package render turns a translated document into the editions a
// publisher puts online and in print. NewEdition lays the document out as
// aligned rows, one per unit, with a cell per language and the inline
// Markdown of each cell parsed into spans (raw HTML kept as text, unsafe
// links reduced to their text, note references numbered). Each output is
// a Renderer over that Edition, returning the files to write:
// BilingualHTML (<doc>.en-es.html), MonolingualHTML (<doc>.en.html,
// <doc>.es.html), Markdown (<doc>.es.md), and the PDF renderers in the
// subpackages pdf and chromium. Renderers write nothing themselves.
//
// Translations are untrusted, and every stage costs time and memory
// linear in the text: a unit past MaxMarkdownBytes or MaxMarkup is shown
// as written rather than read as Markdown, and what an edition shows
// otherwise than written is returned as Warnings (Edition.Warnings,
// File.Warnings), at the unit's file and line, for the command to print.
//
//	ed := render.NewEdition(w, w.Docs[0])
//	files, err := render.BilingualHTML{Paper: render.A4}.Render(ed)
//	for _, f := range files {
//		fmt.Println(f.Name, len(f.Data))
//	}
package render
