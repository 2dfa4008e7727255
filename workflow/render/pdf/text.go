package pdf

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/render"
)

// This file holds what text may reach fpdf outside the cells: the
// document's metadata, its outline and the language heads. fpdf's own
// conversion to UTF-16 reads a four-byte UTF-8 character as a
// three-byte one (and reads past the end of a string that ends in the
// middle of one), so no text goes to it that way unchecked.

// pdfTextString encodes s as a PDF text string, UTF-16BE with a byte-order
// mark, characters beyond the Basic Multilingual Plane as surrogate
// pairs: for the Info dictionary, which fpdf then writes as it is.
func pdfTextString(s string) string {
	b := make([]byte, 0, 2+2*len(s))
	b = append(b, 0xfe, 0xff)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// maxOutline bounds an outline entry, in characters: a heading of a
// hundred thousand characters is still one line in a viewer's outline.
const maxOutline = 200

// outlineText is s as fpdf may convert it for the outline: ignorable and
// control characters left out, characters beyond the Basic Multilingual
// Plane set as the replacement character, at most maxOutline
// characters. Viewers show the outline in their own fonts, which have
// more characters than the PDF's; a unit's characters its fonts lack
// have been warned of where the unit is set.
func outlineText(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		switch {
		case ignorable(r), unicode.IsControl(r):
			continue
		case r > 0xffff:
			r = replacement
		}
		if n == maxOutline {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// langName names tag in itself for a language head, if the fonts can
// show all of that name, else in English, else by the tag: a name the
// reader cannot read names nothing.
func (d *document) langName(tag language.Tag) string {
	for _, n := range []string{locale.Autonym(tag), locale.NameIn(language.English, tag)} {
		if d.showable(n, bold) {
			return n
		}
	}
	return tag.String()
}

// showable reports whether face f or its fallbacks have every character
// of s.
func (d *document) showable(s string, f face) bool {
	for _, r := range s {
		if _, _, ok := d.m.choose(f, r); !ok {
			return false
		}
	}
	return true
}

// message says which characters of a cell no face has, naming each by
// its code point and, where it is visible, as itself: a warning goes to
// a terminal, where a control character would act.
func (ms *missing) message() string {
	var b strings.Builder
	if ms.text {
		fmt.Fprintf(&b, "the PDF has no font for these characters of the %s text (%s): ", locale.NameIn(language.English, ms.lang), ms.lang)
	} else {
		b.WriteString("the PDF fonts have no glyph for ")
	}
	for i, r := range ms.first {
		if i > 0 {
			b.WriteString(", ")
		}
		if unicode.IsGraphic(r) && !unicode.Is(unicode.M, r) {
			b.WriteRune(r)
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "U+%04X", r)
	}
	if ms.n > len(ms.first) {
		if len(ms.first) == maxListed {
			b.WriteString(" and others")
		}
		fmt.Fprintf(&b, " (%d characters in all)", ms.n)
	}
	if ms.text {
		b.WriteString("; add a font that has them to fonts: in bitext.yaml (see \"Fonts\" in README.md)")
		return b.String()
	}
	b.WriteString("; set as \ufffd U+FFFD")
	return b.String()
}

// check names the finding about the missing characters: "fonts" when
// text is missing, which stops the PDF, else "glyphs", a warning.
func (ms *missing) check() string {
	if ms.text {
		return "fonts"
	}
	return "glyphs"
}

// fontErrors is the error of a PDF whose text a font is missing for, one
// line per cell, or nil.
func fontErrors(warnings []render.Warning) error {
	var lines []string
	for _, w := range warnings {
		if w.Check == "fonts" {
			lines = append(lines, fmt.Sprintf("%s:%d: [fonts] %s: %s", w.File, w.Line, w.ID, w.Msg))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return fmt.Errorf("not written: a font is missing for the text of %d %s:\n%s", len(lines), cells(len(lines)), strings.Join(lines, "\n"))
}

// shapedScripts are scripts whose letters change shape and place with
// their neighbours (Devanagari's conjuncts and vowel signs set before
// their consonant), which fpdf, setting one glyph per character, cannot
// do.
var shapedScripts = map[string]bool{"Deva": true, "Beng": true, "Guru": true, "Gujr": true, "Orya": true, "Taml": true, "Telu": true, "Knda": true,
	"Mlym": true, "Sinh": true, "Mymr": true, "Khmr": true, "Tibt": true, "Java": true, "Bali": true, "Laoo": true}

// checkScripts refuses the edition of column col in a language (its
// own or the source's) whose script bitext's
// PDF writer would set wrong, whatever the fonts: one written right to
// left (its words would come out in the wrong order, Arabic letters
// unjoined), or one that needs shaping. The HTML editions are right; a
// browser prints them.
func checkScripts(ed *render.Edition, col int) error {
	for _, l := range []render.Lang{ed.Langs[0], ed.Langs[col]} {
		s, conf := l.Tag.Script()
		if conf == language.No {
			continue
		}
		const fix = "the HTML editions are right: make the PDF from them with --engine chromium, or leave it out with --only html,md"
		switch {
		case locale.RightToLeft(l.Tag):
			// fpdf can neither order right-to-left text (the Unicode
			// bidirectional algorithm) nor shape Arabic's joined forms.
			return fmt.Errorf("%s (%s) is written right to left, which bitext's PDF writer cannot set (it neither orders right-to-left text nor joins Arabic letters); %s", l.Tag, locale.NameIn(language.English, l.Tag), fix)
		case shapedScripts[s.String()]:
			return fmt.Errorf("%s (%s) is written in a script whose letters join and reorder (%s), which bitext's PDF writer cannot set; %s", l.Tag, locale.NameIn(language.English, l.Tag), s, fix)
		}
	}
	return nil
}

func cells(n int) string {
	if n == 1 {
		return "cell"
	}
	return "cells"
}
