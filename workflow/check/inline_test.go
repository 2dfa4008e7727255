package check

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/project"
)

func TestInline(t *testing.T) {
	for _, tc := range []struct {
		text                     string
		urls, refs               []string
		code, links, images      int
		em, strong, strike, html int
		loose                    int
	}{
		{text: "plain text"},
		{text: "women.[^5] Also[^note-6]", refs: []string{"5", "note-6"}},
		{text: "see https://x.org/a_b.pdf; and www.y.org.", urls: []string{"https://x.org/a_b.pdf", "www.y.org"}},
		{text: "(https://en.wikipedia.org/wiki/Foo_(bar))", urls: []string{"https://en.wikipedia.org/wiki/Foo_(bar)"}},
		{text: "«https://x.org/a»", urls: []string{"https://x.org/a"}},
		{text: "[a *b*](https://x.org \"T\") ![i](i.png)", urls: []string{"https://x.org", "i.png"}, links: 1, images: 1, em: 1},
		{text: "<https://x.org> and <a@b.org>", urls: []string{"https://x.org", "a@b.org"}},
		{text: "`a*b*` and ``x`y``", code: 2},
		{text: "**strong** and *em* and _em_ and ~~gone~~", strong: 1, em: 2, strike: 1},
		{text: "***both***", strong: 1, em: 1},
		{text: "*open only", loose: 1},
		{text: "snake_case_word and 5 * 3"},
		{text: `H<sub>2</sub>O <!-- c -->`, html: 3},
		{text: `\*not emphasis\*`},
		{text: "[text](<dest with spaces>)", urls: []string{"dest with spaces"}, links: 1},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var in inline
			in.parse(tc.text)
			var urls, refs []string
			for i := range in.urls {
				urls = append(urls, in.url(i))
			}
			for _, r := range in.refs {
				refs = append(refs, tc.text[r.start:r.end])
			}
			assert.Equal(t, tc.urls, urls, "urls")
			assert.Equal(t, tc.refs, refs, "refs")
			assert.Equal(t, [8]int{tc.code, tc.links, tc.images, tc.em, tc.strong, tc.strike, tc.html, tc.loose},
				[8]int{in.codeSpans, in.links, in.images, in.em, in.strong, in.strike, len(in.html), in.looseEm + in.looseStrike},
				"code, links, images, em, strong, strike, html, loose")
		})
	}
}

// FuzzInline parses any text: the opaque spans are sorted, disjoint and
// within the text; every URL, note reference and HTML tag lies inside one;
// masking keeps the length and every byte outside them.
func FuzzInline(f *testing.F) {
	w, err := project.Load(project.Inputs{Root: os.DirFS("../..")}, project.Default())
	require.NoError(f, err)
	for _, e := range w.Docs[0].Locales[0].Entries {
		f.Add(e.Unit.Text)
		f.Add(e.Message.Other)
	}
	f.Add("[a *b*](https://x.org \"T\") ![i](i.png) `c` <b>x</b> ~~s~~ [^1] <https://y.org>")
	f.Fuzz(func(t *testing.T, s string) {
		var in inline
		in.parse(s)
		last := 0
		for _, sp := range in.opaque {
			require.True(t, sp.start >= last && sp.start < sp.end && sp.end <= len(s), "opaque %v after %d in %q", sp, last, s)
			last = sp.end
		}
		inside := func(sp span) bool {
			for _, o := range in.opaque {
				if o.start <= sp.start && sp.end <= o.end {
					return true
				}
			}
			return false
		}
		for _, list := range [][]span{in.urls, in.refs, in.html} {
			for _, sp := range list {
				require.True(t, inside(sp), "%v of %q is outside the opaque spans", sp, s)
			}
		}
		m := in.mask(nil)
		require.Len(t, m, len(s))
		var prose strings.Builder
		in.prose(func(off int, text string) {
			require.Equal(t, s[off:off+len(text)], text)
			require.Equal(t, text, string(m[off:off+len(text)]))
			prose.WriteString(text)
		})
		require.True(t, in.codeSpans >= 0 && in.em >= 0 && in.looseEm >= 0)
	})
}
