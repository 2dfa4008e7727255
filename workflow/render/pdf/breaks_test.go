package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInvisibleBreaks: a zero-width space and a soft hyphen are never
// drawn, and a line may break at either as at a space, the soft hyphen
// then drawn as a hyphen that the PDF's text leaves out; a line that
// does not break there runs the word together.
func TestInvisibleBreaks(t *testing.T) {
	m, err := newMetrics()
	require.NoError(t, err)
	d := &document{}
	const size = 10
	text := "aaaa\u200bbbbb cccc\u00addddd"
	w := func(s string) float64 { return m.width(regular, size, s) }
	for _, tc := range []struct {
		name  string
		width float64
		want  []string
	}{
		{"one line", w("aaaabbbb ccccdddd") + 0.01, []string{"aaaabbbb ccccdddd"}},
		{"broken at the soft hyphen", w("aaaabbbb ccccddd"), []string{"aaaabbbb cccc-", "dddd"}},
		{"broken at the zero-width space", w("aaaabbb"), []string{"aaaa", "bbbb", "cccc-", "dddd"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runs := d.add(m, nil, run{text: text, face: regular, size: size}, nil)
			for _, r := range runs {
				assert.NotContains(t, r.text, "\u200b")
				assert.NotContains(t, r.text, "\u00ad")
			}
			var got []string
			for _, l := range m.wrap(runs, tc.width) {
				var b strings.Builder
				hyphens := 0
				for _, p := range l.pieces {
					b.WriteString(p.text)
					if p.hyphen {
						hyphens++
						assert.Equal(t, "-", p.text)
					}
				}
				s := strings.TrimRight(b.String(), " ")
				got = append(got, s)
				assert.Equal(t, strings.HasSuffix(s, "-"), hyphens == 1, "%q: a hyphen at a soft hyphen only", s)
				assert.LessOrEqual(t, l.width, tc.width+w("-"), "%q: wider than the line and a hanging hyphen", s)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
