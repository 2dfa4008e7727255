package pdf

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
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
	b.WriteString("the PDF fonts have no glyph for ")
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
	b.WriteString("; set as \ufffd U+FFFD")
	return b.String()
}
