package render

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// stageCosts returns the bytes allocated to make the edition of a
// project whose one unit is text, and to render it with each text
// renderer.
func stageCosts(t testing.TB, text string) map[string]uint64 {
	w, err := fixture.OneUnit(text)
	require.NoError(t, err)
	var ed *Edition
	costs := map[string]uint64{"edition": allocated(func() { ed = NewEdition(w, w.Docs[0]) })}
	for _, r := range renderers {
		name := fmt.Sprintf("%T", r)
		costs[name] = allocated(func() {
			_, err := r.Render(ed)
			require.NoError(t, err)
		})
	}
	return costs
}

// TestHostileLinear checks that no stage costs more than linearly in a
// hostile unit's size: for each of fixture.Hostile, at n and 4n bytes,
// the bytes each stage allocates for the unit (beyond what it allocates
// for a one-character unit) grow at most 5 times, where quadratic work
// would grow 16 times (give or take a buffer's doubling), and past the
// Markdown limits stay within 64 bytes per byte of the unit. It counts
// bytes, never time; work that allocates nothing is bounded by the
// limits, which TestLimits checks.
func TestHostileLinear(t *testing.T) {
	base := stageCosts(t, "x")
	for _, h := range fixture.Hostile {
		t.Run(h.Name, func(t *testing.T) {
			for _, n := range []int{1 << 10, 64 << 10} {
				small, large := stageCosts(t, fixture.Repeat(h.Pattern, n)), stageCosts(t, fixture.Repeat(h.Pattern, 4*n))
				for stage, b := range base {
					s, l := sub(small[stage], b), sub(large[stage], b)
					assert.LessOrEqual(t, l, 5*s+128<<10, "%s at %d bytes allocates %d bytes; at %d, %d", stage, n, s, 4*n, l)
					if n > MaxMarkdownBytes/4 {
						assert.LessOrEqual(t, l, uint64(64*4*n), "%s allocates %d bytes for %d bytes of %q", stage, l, 4*n, h.Pattern)
					}
				}
			}
		})
	}
}

func sub(a, b uint64) uint64 {
	if a < b {
		return 0
	}
	return a - b
}

// TestLimits checks where reading a unit as Markdown stops: a text of
// MaxMarkdownBytes bytes or MaxMarkup marks is read, one byte or mark more
// is shown as written with a warning at the translation's line, and a
// text with no markup is never too long.
func TestLimits(t *testing.T) {
	emph := "*a* "
	pad := func(s string, n int) string { return s + fixture.Repeat("b", n-len(s)) }
	tests := []struct {
		name, text string
		// read says the unit is read as Markdown; warning is what the
		// warning says otherwise.
		read    bool
		warning string
	}{
		{"at the byte limit", pad(emph, MaxMarkdownBytes), true, ""},
		{"a byte over", pad(emph, MaxMarkdownBytes+1), false, "the text is 65,537 bytes, more than the 65,536 bitext reads as Markdown in one unit; it is shown as written, its Markdown as text"},
		{"at the mark limit", fixture.Repeat(emph, MaxMarkup/2*len(emph)), true, ""},
		{"a mark over", fixture.Repeat(emph, MaxMarkup/2*len(emph)) + "_", false, "the text has 1,025 Markdown marks (* _ ` [ ] < > ! & \\ ~ @ {), more than the 1,024 bitext reads in one unit; it is shown as written, its Markdown as text"},
		{"a megabyte of plain text", fixture.Repeat("plain words ", 1<<20), false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, err := fixture.OneUnit(tc.text)
			require.NoError(t, err)
			ed := NewEdition(w, w.Docs[0])
			row := ed.Rows[2]
			require.Equal(t, "p-the-second-paragraph", row.ID)
			cell := row.Cells[1]
			if tc.read {
				assert.Greater(t, len(cell.Spans), 1, "read as Markdown")
				assert.Empty(t, ed.Warnings)
				return
			}
			assert.Equal(t, []Span{{Kind: Text, Text: tc.text}}, cell.Spans, "shown as written")
			if tc.warning == "" {
				assert.Empty(t, ed.Warnings)
				return
			}
			assert.Equal(t, []Warning{{File: "locales/one.es.toml", Line: cell.Line, ID: row.ID, Check: "limits", Msg: tc.warning}}, ed.Warnings)
		})
	}
}

// TestLimitsSource checks that the source column is held to the same
// limits, warned of at the source's line.
func TestLimitsSource(t *testing.T) {
	src := "# Title\n\n" + fixture.Repeat("[", MaxMarkup+1) + "\n"
	w, err := fixture.Load("source/s.md", src, []string{"es"}, func(string, *segment.Unit) (string, bool) { return "", false })
	require.NoError(t, err)
	ed := NewEdition(w, w.Docs[0])
	var got []string
	for _, wn := range ed.Warnings {
		got = append(got, wn.String()[:strings.Index(wn.String(), ": the")])
	}
	// The untranslated Spanish column shows the same source text.
	assert.Equal(t, []string{"source/s.md:3: warning [limits] p", "source/s.md:3: warning [limits] p"}, got)
}
