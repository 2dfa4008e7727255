package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/internal/mdsame"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// TestMarkdownStrikeRoundTrip renders a source with strikethrough in
// every place a unit has text, translated by copying the English: the
// translation's Markdown edition, rewritten from its spans, is the source
// again (the corpus test's property), and so is the English one.
func TestMarkdownStrikeRoundTrip(t *testing.T) {
	src := "# A ~~Draft~~ Title\n\nThe count was ~~forty~~ fifty-two, not ~~~three~~~ and a~~b~~c.\n\n" +
		"A ~single~ tilde, ~~*emphasis* and [a link](https://example.org/a)~~, **~~struck strong~~**, ~~`code`~~.\n\n" +
		"- An item ~~removed~~ kept.\n\n> A quote, ~~struck~~.\n\n| Year | ~~Cases~~ |\n| --- | --- |\n| 2018 | ~~396~~ 397 |\n\n" +
		"A note.[^1]\n\n[^1]: The note, ~~wrong~~ right.\n"
	w, err := fixture.Load("source/struck.md", src, []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
		return u.Text, false
	})
	require.NoError(t, err)
	files, err := Markdown{}.Render(NewEdition(w, w.Docs[0]))
	require.NoError(t, err)
	require.Len(t, files, 2)
	for _, f := range files {
		assert.Empty(t, mdsame.Diff([]byte(src), f.Data), "%s is the source", f.Name)
		assert.Contains(t, string(f.Data), "**~~struck strong~~**", f.Name)
	}
}
