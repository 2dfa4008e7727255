package pdf

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/language"
)

// The text face, Caladea (SIL Open Font License; see fonts/README.md).
var (
	//go:embed fonts/Caladea-Regular.ttf
	caladeaRegular []byte
	//go:embed fonts/Caladea-Italic.ttf
	caladeaItalic []byte
	//go:embed fonts/Caladea-Bold.ttf
	caladeaBold []byte
	//go:embed fonts/Caladea-BoldItalic.ttf
	caladeaBoldItalic []byte
)

// face is one of the fonts an edition is set in.
type face uint8

// The faces: Caladea for text, Go Mono for code, and the Go fonts for any
// character Caladea lacks. All are TrueType embedded in bitext, so a build
// needs no font from the system.
const (
	regular face = iota
	italic
	bold
	boldItalic
	mono
	goRegular
	goItalic
	goBold
	goBoldItalic
	// extra0 and the faces after it are the fonts of the configuration
	// (Renderer.Fonts), tried in order after the Go fonts; each has one
	// style.
	extra0
	nFaces = extra0 + MaxFonts
)

// MaxFonts is how many fallback fonts a PDF may be given.
const MaxFonts = 8

// Font is a font file the PDF falls back to for characters its own fonts
// lack (configuration: fonts).
type Font struct {
	// Name names the font in messages: its path in the configuration.
	Name string
	// TTF is a TrueType font file (glyf outlines), as fpdf embeds them.
	TTF []byte
}

// CheckFont says why f cannot serve as a fallback font of the PDF, or
// returns nil: fpdf embeds TrueType outlines of a single font, not a
// collection (.ttc) nor PostScript (CFF) outlines (most .otf files,
// Noto CJK).
func CheckFont(f Font) error {
	if len(f.TTF) < 12 {
		return fmt.Errorf("%s: not a font file", f.Name)
	}
	switch string(f.TTF[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "ttcf":
		return fmt.Errorf("%s: a font collection (.ttc); the PDF embeds single TrueType fonts (.ttf): give one, such as Droid Sans Fallback (fonts-droid-fallback) for Chinese and Japanese", f.Name)
	case "OTTO":
		return fmt.Errorf("%s: PostScript (CFF) outlines; the PDF embeds TrueType outlines (.ttf): give a TrueType font, such as Droid Sans Fallback (fonts-droid-fallback) for Chinese and Japanese, or Noto Sans Devanagari (fonts-noto-core)", f.Name)
	default:
		return fmt.Errorf("%s: not a TrueType font file", f.Name)
	}
	if _, err := sfnt.Parse(f.TTF); err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	return nil
}

var faces = [extra0]struct {
	family, style string
	ttf           []byte
	// fallback is the face for characters this one lacks.
	fallback face
}{
	regular:      {"caladea", "", caladeaRegular, goRegular},
	italic:       {"caladea", "I", caladeaItalic, goItalic},
	bold:         {"caladea", "B", caladeaBold, goBold},
	boldItalic:   {"caladea", "BI", caladeaBoldItalic, goBoldItalic},
	mono:         {"gomono", "", gomono.TTF, goRegular},
	goRegular:    {"go", "", goregular.TTF, goRegular},
	goItalic:     {"go", "I", goitalic.TTF, goItalic},
	goBold:       {"go", "B", gobold.TTF, goBold},
	goBoldItalic: {"go", "BI", gobolditalic.TTF, goBoldItalic},
}

// addFonts registers the faces used with a document; fpdf embeds the
// subset of each that the text uses. Each document gets its own copy of
// the font files: when fpdf cuts a subset from a font whose glyphs
// outnumber its horizontal metrics (Go Mono), it appends to a slice of
// the file and so writes into it, and the next document cut from the
// same bytes would differ with what the last one set (and two at once
// would race).
func addFonts(p *fpdf.Fpdf, used [nFaces]bool, extra []Font) error {
	for f, fc := range faces {
		if used[f] {
			p.AddUTF8FontFromBytes(fc.family, fc.style, bytes.Clone(fc.ttf))
		}
	}
	for i, fnt := range extra {
		if used[extra0+face(i)] {
			p.AddUTF8FontFromBytes(extraFamily(i), "", bytes.Clone(fnt.TTF))
		}
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("load fonts: %w", err)
	}
	return nil
}

// setFace selects a face and size (points) for drawing.
func setFace(p *fpdf.Fpdf, f face, size float64) {
	if f >= extra0 {
		p.SetFont(extraFamily(int(f-extra0)), "", size)
		return
	}
	p.SetFont(faces[f].family, faces[f].style, size)
}

// extraFamily is the family name fpdf knows fallback font i by.
func extraFamily(i int) string { return "fallback" + strconv.Itoa(i) }

// metrics measures text the way fpdf will set it, from the fonts' own
// advance widths, and knows which characters each face has. It caches
// both per character, in pages of the Basic Multilingual Plane allocated
// as text reaches them.
type metrics struct {
	scratch *fpdf.Fpdf
	fonts   [nFaces]*sfnt.Font
	// extra are the fallback fonts of the configuration, faces extra0 on.
	extra []Font
	buf   sfnt.Buffer
	// widths[f][r>>pageBits][r&pageMask] is 1 + the advance of rune r in
	// face f, in thousandths of an em; 0 means not measured yet.
	widths [nFaces][0x10000 >> pageBits]*[1 << pageBits]uint16
	// has[f][…][…] is 1 when face f has a glyph for r, 2 when it has
	// none, 0 when not looked up yet.
	has [nFaces][0x10000 >> pageBits]*[1 << pageBits]uint8
	// measured counts the characters measured: the unit of work of
	// laying out, which the tests hold to linear.
	measured int
}

// measured is how many characters every document has measured so far
// (see metrics.measured).
var measured atomic.Int64

const (
	pageBits = 10
	pageMask = 1<<pageBits - 1
)

func newMetrics(extra ...Font) (*metrics, error) {
	if len(extra) > MaxFonts {
		return nil, fmt.Errorf("%d fallback fonts; the PDF takes at most %d", len(extra), MaxFonts)
	}
	scratch := fpdf.New("P", "mm", "A4", "")
	var all [nFaces]bool
	for f := range all {
		all[f] = true
	}
	if err := addFonts(scratch, all, extra); err != nil {
		return nil, err
	}
	m := &metrics{scratch: scratch, extra: extra}
	for f := range faces {
		fnt, err := sfnt.Parse(faces[f].ttf)
		if err != nil {
			return nil, fmt.Errorf("parse font %s %s: %w", faces[f].family, faces[f].style, err)
		}
		m.fonts[f] = fnt
	}
	for i, e := range extra {
		fnt, err := sfnt.Parse(e.TTF)
		if err != nil {
			return nil, fmt.Errorf("parse font %s: %w", e.Name, err)
		}
		m.fonts[extra0+face(i)] = fnt
	}
	return m, nil
}

// clone returns new metrics with the same fonts, for another goroutine.
func (m *metrics) clone() (*metrics, error) { return newMetrics(m.extra...) }

// covers reports whether face f has a glyph for r that fpdf can set: in
// the Basic Multilingual Plane, and not a control character.
func (m *metrics) covers(f face, r rune) bool {
	if r > 0xffff || r < 0x20 || r >= 0x7f && r < 0xa0 {
		return false
	}
	if m.fonts[f] == nil {
		return false
	}
	pg := m.has[f][r>>pageBits]
	if pg == nil {
		pg = new([1 << pageBits]uint8)
		m.has[f][r>>pageBits] = pg
	}
	if v := pg[r&pageMask]; v != 0 {
		return v == 1
	}
	g, err := m.fonts[f].GlyphIndex(&m.buf, r)
	ok := err == nil && g != 0
	pg[r&pageMask] = 2
	if ok {
		pg[r&pageMask] = 1
	}
	return ok
}

// advance returns the advance of r in face f, in thousandths of an em.
// Text is measured as cover leaves it; a character beyond the Basic
// Multilingual Plane, which fpdf cannot measure, is measured as the
// replacement character that stands for it.
func (m *metrics) advance(f face, r rune) int {
	m.measured++
	if r > 0xffff || r < 0 {
		r = replacement
	}
	pg := m.widths[f][r>>pageBits]
	if pg == nil {
		pg = new([1 << pageBits]uint16)
		m.widths[f][r>>pageBits] = pg
	}
	if w := pg[r&pageMask]; w != 0 {
		return int(w) - 1
	}
	setFace(m.scratch, f, 10)
	w := m.scratch.GetStringSymbolWidth(string(r))
	if w < 0xffff {
		pg[r&pageMask] = uint16(w + 1)
	}
	return w
}

// width returns the width of s in face f at size points, in millimetres.
func (m *metrics) width(f face, size float64, s string) float64 {
	return mm(m.units(f, s), size)
}

// units returns the advance of s in face f, in thousandths of an em.
func (m *metrics) units(f face, s string) int {
	n := 0
	for _, r := range s {
		n += m.advance(f, r)
	}
	return n
}

// mm converts an advance in thousandths of an em at size points to
// millimetres.
func mm(units int, size float64) float64 {
	return float64(units) * size / 1000 * ptToMM
}

// ptToMM converts points to millimetres.
const ptToMM = 25.4 / 72

// substitutes are characters a face may lack, with what to set instead
// before falling back to another face.
var substitutes = map[rune]rune{
	'\u202f': '\u00a0', // narrow no-break space: a no-break space
	'\u2007': '\u00a0', // figure space
	'\u2010': '-',      // hyphen
	'\u2011': '-',      // non-breaking hyphen
}

// replacement is what is set for a character no face has. The Go fonts
// have it, and readers know it for "a character that could not be shown".
const replacement = '\ufffd'

// ignorable reports whether r is meant to be invisible: zero-width spaces
// and joiners, soft hyphens, direction marks, the byte order mark,
// variation selectors, tags (Unicode's Default_Ignorable_Code_Point, near
// enough: format characters but the visible number signs of Arabic and
// Syriac). fpdf does not shape or hyphenate, so they are left out rather
// than set as a box.
func ignorable(r rune) bool {
	if r < 0xad {
		return false
	}
	return unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Prepended_Concatenation_Mark, r) ||
		unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// missing gathers the characters of a cell that no face has, for a
// warning: the first few, in order, and how many there were in all.
type missing struct {
	first []rune
	n     int
	// lang is the language of the cell.
	lang language.Tag
	// text is set when a missing character is text: a letter, mark or
	// digit of the Basic Multilingual Plane, the characters of a
	// script. Then the PDF is not made (see check).
	text bool
}

// isText reports whether r is a character of a script's text, which a
// font can give the PDF: letters, marks and digits of the Basic
// Multilingual Plane. Symbols, emoji and characters beyond the BMP
// (which fpdf cannot set at all) are not.
func isText(r rune) bool {
	return r <= 0xffff && (unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.Is(unicode.Nd, r))
}

// maxListed bounds the characters a warning names.
const maxListed = 8

func (ms *missing) add(r rune) {
	if ms == nil {
		return
	}
	ms.n++
	if isText(r) && !ms.text {
		// The text characters are the ones the error must name.
		ms.text = true
		ms.first = slices.DeleteFunc(ms.first, func(r rune) bool { return !isText(r) })
	}
	if ms.text && !isText(r) {
		return
	}
	if len(ms.first) < maxListed && !slices.Contains(ms.first, r) {
		ms.first = append(ms.first, r)
	}
}

// faced is text to set in one face.
type faced struct {
	text string
	face face
}

// cover cuts text set in face f into segments each set in a face that has
// its characters: f, or the next face of f's fallback chain that has
// them. Ignorable characters are left out; a space or hyphen no face has
// is set as its plain kind; anything else no face has is set as
// replacement and added to miss, which may be nil. fpdf can address no
// character beyond the Basic Multilingual Plane (it panics), so those
// never reach it.
//
// After the chain come the configured fonts (Renderer.Fonts), in order,
// before replacement.
func (m *metrics) cover(text string, f face, miss *missing) []faced {
	simple := true
	for _, r := range text {
		if !m.covers(f, r) {
			simple = false
			break
		}
	}
	if simple {
		return []faced{{text, f}}
	}
	var out []faced
	var cur []byte
	curFace := f
	for _, r := range text {
		face, r, ok := m.choose(f, r)
		if !ok {
			miss.add(r)
			face, r = m.choose1(f, replacement)
		}
		if r < 0 {
			continue
		}
		if face != curFace && len(cur) > 0 {
			out = append(out, faced{string(cur), curFace})
			cur = cur[:0]
		}
		curFace = face
		cur = utf8.AppendRune(cur, r)
	}
	if len(cur) > 0 {
		out = append(out, faced{string(cur), curFace})
	}
	return out
}

// choose returns the face and character to set r in, starting from face
// f, with r < 0 for a character to leave out. ok is false when no face
// can show r; then r is what was asked.
func (m *metrics) choose(f face, r rune) (face, rune, bool) {
	switch {
	case ignorable(r):
		return f, -1, true
	case r == '\t' || r == '\n' || r == '\r':
		return f, ' ', true
	case unicode.IsControl(r):
		return f, r, false
	}
	if g, s := m.choose1(f, r); s >= 0 {
		return g, s, true
	}
	switch {
	case unicode.Is(unicode.Zs, r):
		return f, ' ', true
	case unicode.Is(unicode.Pd, r):
		return f, '-', true
	}
	return f, r, false
}

// choose1 looks for r, or its substitute, along f's fallback chain and
// then in the configured fonts; the rune it returns is -1 when no face
// has either.
func (m *metrics) choose1(f face, r rune) (face, rune) {
	s, sub := substitutes[r]
	if f < extra0 {
		for g := f; ; g = faces[g].fallback {
			if m.covers(g, r) {
				return g, r
			}
			if sub && m.covers(g, s) {
				return g, s
			}
			if faces[g].fallback == g {
				break
			}
		}
	}
	for i := range m.extra {
		g := extra0 + face(i)
		if m.covers(g, r) {
			return g, r
		}
		if sub && m.covers(g, s) {
			return g, s
		}
	}
	return f, -1
}
