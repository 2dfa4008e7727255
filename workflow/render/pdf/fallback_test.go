package pdf

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// systemFont reads a font Debian installs, skipping the test without it
// (failing with BITEXT_REQUIRE_TOOLS=1, as CI installs them).
func systemFont(t *testing.T, path, pkg string) Font {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("BITEXT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is missing (apt-get install %s), and BITEXT_REQUIRE_TOOLS=1", path, pkg)
		}
		t.Skipf("%s is missing (apt-get install %s)", path, pkg)
	}
	return Font{Name: path, TTF: data}
}

// edition is an article whose paragraph is translated as text, into tag.
func edition(t *testing.T, tag, text string) *render.Edition {
	t.Helper()
	w, err := fixture.Load("source/a.md", "# Title\n\nThe paragraph.\n", []string{tag}, func(_ string, u *segment.Unit) (string, bool) {
		if u.Text == "The paragraph." {
			return text, false
		}
		return "Title", false
	})
	require.NoError(t, err)
	return render.NewEdition(w, w.Docs[0])
}

// TestFallbackFonts sets text the PDF's own fonts lack with configured
// fonts (Debian's): Japanese in Droid Sans Fallback, check marks and
// stars in Noto Sans Symbols 2, each drawn in a font that has it, with
// no warning; and without the font, Japanese text stops the PDF with an
// error naming the locale, unit and characters, while a stray emoji is
// a warning and set as U+FFFD.
func TestFallbackFonts(t *testing.T) {
	droid := systemFont(t, "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "fonts-droid-fallback")
	symbols := systemFont(t, "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf", "fonts-noto-core")
	for _, f := range []Font{droid, symbols} {
		require.NoError(t, CheckFont(f))
	}
	tests := []struct {
		name, tag, text string
		fonts           []Font
		drawn, warn     string
		err             []string
	}{
		{"Japanese in a fallback font", "ja", "日本語の段落です。", []Font{symbols, droid}, "日本語の段落です。", "", nil},
		{"symbols in a fallback font", "es", "Hecho ✓ y ★ estrella", []Font{symbols}, "Hecho ✓ y ★ estrella", "", nil},
		{"Japanese without a font", "ja", "日本語の段落です ★", []Font{symbols}, "", "", []string{"locales/a.ja.toml:", "[fonts] p-the-paragraph: the PDF has no font for these characters of the Japanese text (ja): 日 U+65E5, 本 U+672C, 語 U+8A9E, の U+306E", "add a font that has them to fonts: in bitext.yaml"}},
		{"a stray emoji is a warning", "es", "Hola 😀 ✓", []Font{symbols}, "Hola \ufffd ✓", "the PDF fonts have no glyph for 😀 U+1F600; set as \ufffd U+FFFD", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ed := edition(t, tc.tag, tc.text)
			files, err := Renderer{Paper: render.A4, Fonts: tc.fonts}.Render(ed)
			if tc.err != nil {
				require.Error(t, err)
				for _, s := range tc.err {
					assert.Contains(t, err.Error(), s)
				}
				return
			}
			require.NoError(t, err)
			doc, err := readPDF(files[0].Data)
			require.NoError(t, err)
			// The words, whatever spaces extraction puts where the font
			// changes (the tagged PDF's word spaces).
			assert.Contains(t, strings.Join(strings.Fields(strings.Join(pageTexts(doc), "\n")), " "), tc.drawn)
			checkDrawnInTheirFonts(t, doc, tc.fonts...)
			if tc.warn == "" {
				assert.Empty(t, files[0].Warnings)
				return
			}
			require.Len(t, files[0].Warnings, 1)
			assert.Equal(t, "glyphs", files[0].Warnings[0].Check)
			assert.Contains(t, files[0].Warnings[0].Msg, tc.warn)
		})
	}
}

// TestCheckFont refuses what fpdf cannot embed, saying what to give
// instead.
func TestCheckFont(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"ttcf\x00\x01\x00\x00\x00\x00\x00\x01", "a font collection (.ttc)"},
		{"OTTO\x00\x0a\x00\x80\x00\x03\x00\x20", "PostScript (CFF) outlines"},
		{"<html>not a font", "not a TrueType font file"},
		{"", "not a font file"},
		{"\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "x.ttf: "},
	} {
		err := CheckFont(Font{Name: "x.ttf", TTF: []byte(tc.data)})
		require.Error(t, err, "%q", tc.data)
		assert.Contains(t, err.Error(), tc.want)
	}
	cjk := systemFont(t, "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "fonts-noto-cjk")
	assert.ErrorContains(t, CheckFont(cjk), "Droid Sans Fallback")
}

// TestScriptsThePDFCannotSet: an edition into or out of a language
// written right to left, or in a script that needs shaping, is refused
// with an error naming the language, whatever the fonts.
func TestScriptsThePDFCannotSet(t *testing.T) {
	for _, tc := range []struct{ tag, text, want string }{
		{"ar", "فقرة", "ar (Arabic) is written right to left"},
		{"he", "פסקה", "he (Hebrew) is written right to left"},
		{"fa", "بند", "fa (Persian) is written right to left"},
		{"ur", "پیرا", "ur (Urdu) is written right to left"},
		{"hi", "अनुच्छेद", "hi (Hindi) is written in a script whose letters join and reorder (Deva)"},
	} {
		ed := edition(t, tc.tag, tc.text)
		_, err := Renderer{Paper: render.A4}.Render(ed)
		require.Error(t, err, tc.tag)
		assert.Contains(t, err.Error(), tc.want)
		assert.Contains(t, err.Error(), "--engine chromium")
	}
	_, err := Renderer{Paper: render.A4}.Render(edition(t, "ja", "テキスト"))
	assert.ErrorContains(t, err, "[fonts]", "Japanese needs a font, not shaping")
}
