package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// TestCharactersOutsideTheFonts sets translations with characters the
// PDF's fonts lack, beyond the Basic Multilingual Plane (where fpdf
// panicked) and within it, invisible ones and control characters. What
// no font has is set as U+FFFD and named in a warning at the locale
// file's line, invisible characters are left out with no warning, and no
// character is drawn in a font that lacks it (a .notdef box).
func TestCharactersOutsideTheFonts(t *testing.T) {
	tests := []struct {
		name string
		text string
		// drawn is what the PDF's text must hold; warning, what the
		// warning says, or "" for none.
		drawn, warning string
	}{
		{"emoji", "Hola 😀 mundo", "Hola \ufffd mundo", "the PDF fonts have no glyph for 😀 U+1F600; set as \ufffd U+FFFD"},
		{"mathematical and CJK extension B", "𝔘 y 𠀀", "\ufffd y \ufffd", "no glyph for 𝔘 U+1D518, 𠀀 U+20000;"},
		{"emoji with a variation selector and joiner", "👨\u200d👩\u200d👧 ❤\ufe0f", "\ufffd\ufffd\ufffd \ufffd", "no glyph for 👨 U+1F468, 👩 U+1F469, 👧 U+1F467, ❤ U+2764;"},
		{"invisible characters", "pa\u200bla\u00adbra\u200c\u200d\u2060\ufeff fin\u202e\u2066\u200e", "palabra fin", ""},
		{"a control character is named, not written", "timbre\u0007 y \u001b[31mrojo", "timbre\ufffd y \ufffd[31mrojo", "no glyph for U+0007, U+001B;"},
		{"many", strings.Repeat("😀🙂🙃😉😊😇🥰😍🤩😘", 3), strings.Repeat("\ufffd", 30), "😍 U+1F60D and others (30 characters in all);"},
		{"spaces a face lacks", "a\u2003b\u3000c", "a b c", ""},
		{"Greek falls back to the Go fonts", "λόγος", "λόγος", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, err := fixture.Load("source/a.md", "# Title\n\nThe paragraph.\n\nAnother `code` one.\n", []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
				switch u.Text {
				case "The paragraph.":
					return tc.text, false
				case "Another `code` one.":
					return "Otro `" + tc.text + "`.", false
				}
				return "Título", false
			})
			require.NoError(t, err)
			ed := render.NewEdition(w, w.Docs[0])
			files, err := Renderer{Paper: render.A4}.Render(ed)
			require.NoError(t, err)
			require.Len(t, files, 1)
			doc, err := readPDF(files[0].Data)
			require.NoError(t, err)
			text := strings.Join(pageTexts(doc), "\n")
			assert.Contains(t, text, tc.drawn)
			checkDrawnInTheirFonts(t, doc)
			if tc.warning == "" {
				assert.Empty(t, files[0].Warnings)
				return
			}
			require.Len(t, files[0].Warnings, 2, "one for the paragraph, one for the code span")
			for i, line := range []int{ed.Rows[1].Cells[1].Line, ed.Rows[2].Cells[1].Line} {
				wn := files[0].Warnings[i]
				assert.Equal(t, "locales/a.es.toml", wn.File)
				assert.Equal(t, line, wn.Line)
				assert.Equal(t, ed.Rows[i+1].ID, wn.ID)
				assert.Equal(t, "glyphs", wn.Check)
				assert.Contains(t, wn.Msg, tc.warning)
				assert.NotContains(t, wn.String(), "\u0007")
				assert.NotContains(t, wn.String(), "\u001b")
			}
		})
	}
}

// TestCharactersOutsideTheFontsEverywhere puts them where text reaches
// fpdf other than in a cell: the title (the running title, the outline
// and the metadata) and a heading (the outline), in both languages. The
// file is well formed, the outline says U+FFFD, the metadata keeps the
// characters themselves, and the source's are warned of at the source's
// line.
func TestCharactersOutsideTheFontsEverywhere(t *testing.T) {
	src := "# The 😀 title 𝔘\n\n## A heading 𠀀\n\n" + strings.Repeat("A paragraph long enough to fill pages. ", 600) + "\n"
	w, err := fixture.Load("source/a.md", src, []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
		return "ES 🙂 " + u.Text, false
	})
	require.NoError(t, err)
	ed := render.NewEdition(w, w.Docs[0])
	files, err := Renderer{Paper: render.A4}.Render(ed)
	require.NoError(t, err)
	doc, err := readPDF(files[0].Data)
	require.NoError(t, err)
	require.Greater(t, len(doc.pages()), 2)
	checkDrawnInTheirFonts(t, doc)
	assert.Equal(t, []string{"The \ufffd title \ufffd", "A heading \ufffd | ES \ufffd A heading \ufffd"}, doc.outline())
	assert.Equal(t, "The 😀 title 𝔘 | ES 🙂 The 😀 title 𝔘", textString(doc.objs[doc.info], "/Title"))
	var got []string
	for _, wn := range files[0].Warnings {
		got = append(got, wn.File+":"+wn.ID)
	}
	assert.Equal(t, []string{"source/a.md:title", "locales/a.es.toml:title", "source/a.md:h-a-heading", "locales/a.es.toml:h-a-heading", "locales/a.es.toml:p-a-paragraph-long-enough-to"}, got)
}

// checkDrawnInTheirFonts checks that every character drawn is one its
// font has: none is a .notdef box.
func checkDrawnInTheirFonts(t *testing.T, doc *pdfDoc, extra ...Font) {
	t.Helper()
	m, err := newMetrics(extra...)
	require.NoError(t, err)
	byName := map[string]face{}
	for f := range extra0 {
		byName[faces[f].family+faces[f].style] = f
	}
	for i := range extra {
		byName[extraFamily(i)] = extra0 + face(i)
	}
	drawn := doc.drawn()
	require.NotEmpty(t, drawn)
	for name, runes := range drawn {
		f, ok := byName[name]
		require.True(t, ok, "text drawn in a font bitext does not embed: %q", name)
		for _, r := range runes {
			if r != ' ' {
				assert.True(t, m.covers(f, r), "%q (%U) is drawn in %s, which has no glyph for it", r, r, name)
			}
		}
	}
}

// FuzzCover checks that cover hands fpdf only characters the faces it
// picks have, and sets a replacement for each character it counts as
// missing.
func FuzzCover(f *testing.F) {
	for _, s := range []string{"Hola 😀 mundo", "«¿Qué?» —dijo— ñandú", "α 50\u202f%", "pa\u200bla\u00adbra", "\x07\x1b[31m", "中文 𠀀 𝔘", "\xff\xfe invalid", "a\u0301 e\u0308"} {
		f.Add(s, uint8(regular))
	}
	m, err := newMetrics()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, s string, fc uint8) {
		start := face(fc % uint8(extra0))
		var miss missing
		segs := m.cover(s, start, &miss)
		replaced := 0
		for _, seg := range segs {
			for _, r := range seg.text {
				if !m.covers(seg.face, r) {
					t.Fatalf("cover(%q) sets %q (%U) in %s %s, which lacks it", s, r, r, faces[seg.face].family, faces[seg.face].style)
				}
				if r == replacement {
					replaced++
				}
			}
		}
		if replaced < miss.n {
			t.Fatalf("cover(%q): %d missing but %d replaced", s, miss.n, replaced)
		}
	})
}

// FuzzDocument sets any translation in a PDF, with no recover between it
// and fpdf: no input panics, and the file reads back.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{"Hola 😀 mundo[^1]", "*a* **b** `c😀` [d](https://e.org)", "pa\u200bla\u00adbra \x07", strings.Repeat("palabra", 200), "www." + strings.Repeat("a", 500) + ".org"} {
		f.Add(s)
	}
	m, err := newMetrics()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, s string) {
		w, err := fixture.Load("source/a.md", "# Title\n\nThe paragraph.[^1]\n\n[^1]: A note.\n", []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
			if u.Kind == segment.Paragraph {
				return s, false
			}
			return "ES " + u.Text, false
		})
		if err != nil {
			t.Skip(err) // not text a locale file can hold
		}
		ed := render.NewEdition(w, w.Docs[0])
		data, _, err := Renderer{Paper: render.A4}.document(ed, 1, m)
		require.NoError(t, err)
		_, err = readPDF(data)
		require.NoError(t, err)
	})
}
