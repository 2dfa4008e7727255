package pdf

import (
	"bytes"
	_ "embed"
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
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
	nFaces
)

var faces = [nFaces]struct {
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
func addFonts(p *fpdf.Fpdf, used [nFaces]bool) error {
	for f, fc := range faces {
		if used[f] {
			p.AddUTF8FontFromBytes(fc.family, fc.style, bytes.Clone(fc.ttf))
		}
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("load fonts: %w", err)
	}
	return nil
}

// setFace selects a face and size (points) for drawing.
func setFace(p *fpdf.Fpdf, f face, size float64) {
	p.SetFont(faces[f].family, faces[f].style, size)
}

// metrics measures text the way fpdf will set it, from the fonts' own
// advance widths, and knows which characters each face has. It caches
// both per character.
type metrics struct {
	scratch *fpdf.Fpdf
	// widths[f][r] is 1 + the advance of rune r in face f, in thousandths
	// of an em; 0 means not measured yet.
	widths [nFaces][]uint16
	fonts  [nFaces]*sfnt.Font
	buf    sfnt.Buffer
	// has[f][r] is 1 when face f has a glyph for r, 2 when it has none, 0
	// when not looked up yet.
	has [nFaces][]uint8
}

func newMetrics() (*metrics, error) {
	scratch := fpdf.New("P", "mm", "A4", "")
	var all [nFaces]bool
	for f := range all {
		all[f] = true
	}
	if err := addFonts(scratch, all); err != nil {
		return nil, err
	}
	m := &metrics{scratch: scratch}
	for f := range m.widths {
		m.widths[f] = make([]uint16, 0x3000)
		m.has[f] = make([]uint8, 0x3000)
		fnt, err := sfnt.Parse(faces[f].ttf)
		if err != nil {
			return nil, fmt.Errorf("parse font %s %s: %w", faces[f].family, faces[f].style, err)
		}
		m.fonts[f] = fnt
	}
	return m, nil
}

// covers reports whether face f has a glyph for r.
func (m *metrics) covers(f face, r rune) bool {
	tab := m.has[f]
	if int(r) < len(tab) && tab[r] != 0 {
		return tab[r] == 1
	}
	g, err := m.fonts[f].GlyphIndex(&m.buf, r)
	ok := err == nil && g != 0
	if int(r) < len(tab) {
		tab[r] = 2
		if ok {
			tab[r] = 1
		}
	}
	return ok
}

// advance returns the advance of r in face f, in thousandths of an em.
func (m *metrics) advance(f face, r rune) int {
	tab := m.widths[f]
	if int(r) < len(tab) {
		if w := tab[r]; w != 0 {
			return int(w) - 1
		}
	}
	setFace(m.scratch, f, 10)
	w := m.scratch.GetStringSymbolWidth(string(r))
	if int(r) < len(tab) && w < 0xffff {
		tab[r] = uint16(w + 1)
	}
	return w
}

// width returns the width of s in face f at size points, in millimetres.
func (m *metrics) width(f face, size float64, s string) float64 {
	n := 0
	for _, r := range s {
		n += m.advance(f, r)
	}
	return float64(n) * size / 1000 * ptToMM
}

// ptToMM converts points to millimetres.
const ptToMM = 25.4 / 72

// substitutes are characters a face may lack, with what to set instead
// before falling back to another face.
var substitutes = map[rune]rune{
	'\u202f': '\u00a0', // narrow no-break space: a no-break space
	'\u2010': '-',      // hyphen
	'\u2011': '-',      // non-breaking hyphen
}

// cover cuts text set in face f into pieces each set in a face that has
// its characters: f, or f's fallback for what f lacks.
func (m *metrics) cover(text string, f face) []struct {
	text string
	face face
} {
	type seg = struct {
		text string
		face face
	}
	var out []seg
	var cur []rune
	curFace := f
	flush := func() {
		if len(cur) > 0 {
			out = append(out, seg{string(cur), curFace})
			cur = cur[:0]
		}
	}
	simple := true
	for _, r := range text {
		if !m.covers(f, r) {
			simple = false
			break
		}
	}
	if simple {
		return []seg{{text, f}}
	}
	for _, r := range text {
		face := f
		if !m.covers(f, r) {
			if s, ok := substitutes[r]; ok && m.covers(f, s) {
				r = s
			} else {
				face = faces[f].fallback
			}
		}
		if face != curFace {
			flush()
			curFace = face
		}
		cur = append(cur, r)
	}
	flush()
	return out
}
