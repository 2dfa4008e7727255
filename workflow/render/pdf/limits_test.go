package pdf

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

// pdfCost returns the bytes Render allocates and the characters it
// measures to set the edition of a project whose one unit is text.
func pdfCost(t testing.TB, text string) (allocated, work uint64) {
	w, err := fixture.OneUnit(text)
	require.NoError(t, err)
	ed := render.NewEdition(w, w.Docs[0])
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m0 := measured.Load()
	_, err = Renderer{Paper: render.A4}.Render(ed)
	m1 := measured.Load()
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	return after.TotalAlloc - before.TotalAlloc, uint64(m1 - m0)
}

// TestHostileLinear checks that setting a hostile unit costs no more than
// linearly in its size: for each of fixture.Hostile, at n and 4n bytes,
// the characters measured to lay it out (beyond what a one-character unit
// takes) grow at most 5 times, where quadratic work would grow 16 times;
// each character is measured a few times at most; and each byte costs at
// most 400 bytes of memory allocated, or 1 KB at 64 KiB, where a unit is
// still read as Markdown (as many links, or one link that long). It
// counts work and bytes, never time. Bytes allocated are no measure of
// growth here: the buffers of a PDF double as they grow, so their total
// jumps.
func TestHostileLinear(t *testing.T) {
	baseAlloc, baseWork := pdfCost(t, "x")
	for _, h := range fixture.Hostile {
		t.Run(h.Name, func(t *testing.T) {
			n := 64 << 10
			a1, w1 := pdfCost(t, fixture.Repeat(h.Pattern, n))
			a4, w4 := pdfCost(t, fixture.Repeat(h.Pattern, 4*n))
			w1, w4 = w1-min(w1, baseWork), w4-min(w4, baseWork)
			a1, a4 = a1-min(a1, baseAlloc), a4-min(a4, baseAlloc)
			assert.LessOrEqual(t, w4, 5*w1, "%d characters measured at %d bytes, %d at %d", w1, n, w4, 4*n)
			assert.LessOrEqual(t, w4, uint64(8*4*n), "%d characters measured for %d bytes", w4, 4*n)
			assert.LessOrEqual(t, a1, uint64(1024*n), "%d bytes allocated for %d bytes", a1, n)
			assert.LessOrEqual(t, a4, uint64(400*4*n), "%d bytes allocated for %d bytes", a4, 4*n)
		})
	}
}

// TestLongLink checks that a link whose URL is longer than maxLinkURL
// is set as its text, without a link annotation on each of its lines,
// and said so at the translation's line; a link just within the limit is
// a link.
func TestLongLink(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		link bool
	}{
		{"within", maxLinkURL, true},
		{"beyond", maxLinkURL + 1, false},
		{"bare and 60 KB", 60 << 10, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := "https://example.org/" + fixture.Repeat("a/", tc.n-len("https://example.org/"))
			w, err := fixture.OneUnit("See " + url + " now.")
			require.NoError(t, err)
			ed := render.NewEdition(w, w.Docs[0])
			require.Empty(t, ed.Warnings)
			files, err := Renderer{Paper: render.A4}.Render(ed)
			require.NoError(t, err)
			doc, err := readPDF(files[0].Data)
			require.NoError(t, err)
			annots := 0
			for _, p := range doc.pages() {
				for _, a := range doc.annots(p) {
					annots += strings.Count(string(a), "/URI (https://example.org/")
				}
			}
			if tc.link {
				assert.Greater(t, annots, 1, "a link on each of its lines")
				assert.Empty(t, files[0].Warnings)
				return
			}
			assert.Zero(t, annots)
			assert.Contains(t, squeeze(strings.Join(pageTexts(doc), "")), squeeze(url[:200]))
			require.Len(t, files[0].Warnings, 1)
			wn := files[0].Warnings[0]
			assert.Equal(t, "limits", wn.Check)
			assert.Equal(t, "locales/one.es.toml", wn.File)
			assert.Equal(t, ed.Rows[2].Cells[1].Line, wn.Line)
			assert.Equal(t, fmt.Sprintf("a link of %d bytes is longer than the 2048 the PDF makes links of; its text is set without the link", tc.n), wn.Msg)
		})
	}
}
