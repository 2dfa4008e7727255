package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// TestCitationNumbers checks that the passages of the body, and only
// they, are numbered 1, 2, … in reading order.
func TestCitationNumbers(t *testing.T) {
	w, err := fixture.Load("source/long.md", fixture.Article(60), []string{"es"}, fixture.Spanish)
	require.NoError(t, err)
	ed := NewEdition(w, w.Docs[0])
	next := 1
	kinds := map[segment.Kind]bool{}
	for _, row := range ed.Rows {
		switch row.Kind {
		case segment.Paragraph, segment.Quote, segment.Item:
			assert.Equal(t, next, row.Para, "%s", row.ID)
			next++
			kinds[row.Kind] = true
		default:
			assert.Zero(t, row.Para, "%s: a %s is numbered", row.ID, row.Kind)
		}
	}
	assert.Len(t, kinds, 3, "the article has paragraphs, quotes and items")
}

// TestShared checks which notes are set once for both languages: those
// whose translation reads as the source does, not one shown in the
// original because it is not translated, nor one translated otherwise.
func TestShared(t *testing.T) {
	src := "# Title\n\nText.[^1] More.[^2] And.[^3]\n\n[^1]: https://example.org/a; https://example.org/b\n[^2]: See https://example.org/c.\n[^3]: https://example.org/d\n"
	w, err := fixture.Load("source/notes.md", src, []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
		switch {
		case u.Kind == segment.Note && u.Label == "2":
			return "Véase https://example.org/c.", false
		case u.Kind == segment.Note && u.Label == "3":
			return "", false // untranslated: the original stands in
		}
		return u.Text, false
	})
	require.NoError(t, err)
	ed := NewEdition(w, w.Docs[0])
	shared := map[int]bool{}
	for i := range ed.Rows {
		if ed.Shared(&ed.Rows[i], 1) {
			shared[ed.Rows[i].Note] = true
		}
		assert.False(t, ed.Shared(&ed.Rows[i], 0), "a column shared with itself")
		assert.False(t, ed.Shared(&ed.Rows[i], 2), "a column past the last")
	}
	assert.Equal(t, map[int]bool{1: true}, shared)
}
