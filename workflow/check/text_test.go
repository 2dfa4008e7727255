package check

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/project"
)

func TestText(t *testing.T) {
	for _, tc := range []struct {
		text                     string
		urls, refs               []string
		code, links, images      int
		em, strong, strike, html int
		loose                    int
	}{
		{text: "plain text"},
		{text: "women.[^5] Also[^note-6]", refs: []string{"5", "note-6"}},
		{text: "see https://x.org/a_b.pdf; and www.y.org.", urls: []string{"https://x.org/a_b.pdf", "http://www.y.org"}},
		{text: "(https://en.wikipedia.org/wiki/Foo_(bar))", urls: []string{"https://en.wikipedia.org/wiki/Foo_(bar)"}},
		{text: "«https://x.org/a»"}, // no edition links it: linkify starts only after a space, *, _, ~ or (
		{text: "[a *b*](https://x.org \"T\") ![i](i.png)", urls: []string{"https://x.org", "i.png"}, links: 1, images: 1, em: 1},
		{text: "<https://x.org> and <a@b.org>", urls: []string{"https://x.org", "mailto:a@b.org"}},
		{text: "`a*b*` and ``x`y``", code: 2},
		{text: "**strong** and *em* and _em_ and ~~gone~~", strong: 1, em: 2, strike: 1},
		{text: "***both***", strong: 1, em: 1},
		{text: "*open only", loose: 1},
		{text: "snake_case_word and 5 * 3"},
		{text: `H<sub>2</sub>O <!-- c -->`, html: 3},
		{text: `\*not emphasis\*`},
		{text: "[text](<dest with spaces>)", urls: []string{"dest with spaces"}, links: 1},
		// What the editions link, and check's own scanner did not see.
		{text: "Lea nota_https://evil.example/phish hoy", urls: []string{"https://evil.example/phish"}},
		{text: "escriba a (user@evil.example)", urls: []string{"mailto:user@evil.example"}},
		{text: "en ftp://evil.example/x", urls: []string{"ftp://evil.example/x"}},
		// Emphasis may not cross a link's brackets: the edition prints the
		// underscores.
		{text: "El _informe [dice 80_](https://x.org) …", urls: []string{"https://x.org"}, links: 1, loose: 2},
		{text: "The _report_ [says 80](https://x.org) …", urls: []string{"https://x.org"}, links: 1, em: 1},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var in unitText
			in.parse(tc.text)
			var urls []string
			urls = append(urls, in.urls...)
			var refs []string
			refs = append(refs, in.refs...)
			assert.Equal(t, tc.urls, urls, "urls")
			assert.Equal(t, tc.refs, refs, "refs")
			assert.Equal(t, [8]int{tc.code, tc.links, tc.images, tc.em, tc.strong, tc.strike, tc.html, tc.loose},
				[8]int{in.codeSpans, in.links, in.images, in.em, in.strong, in.strike, len(in.html), in.looseEm + in.looseStrike},
				"code, links, images, em, strong, strike, html, loose")
		})
	}
}

// FuzzText reads any text: the opaque spans are sorted, disjoint and
// within the text; masking keeps the length and every byte outside them.
func FuzzText(f *testing.F) {
	w, err := project.Load(project.Inputs{Root: os.DirFS("../..")}, project.Default())
	require.NoError(f, err)
	for _, e := range w.Docs[0].Locales[0].Entries {
		f.Add(e.Unit.Text)
		f.Add(e.Message.Other)
	}
	f.Add("[a *b*](https://x.org \"T\") ![i](i.png) `c` <b>x</b> ~~s~~ [^1] <https://y.org> {{< x >}}")
	f.Fuzz(func(t *testing.T, s string) {
		var in unitText
		in.parse(s)
		last := 0
		for _, sp := range in.opaque {
			require.True(t, sp.start >= last && sp.start < sp.end && sp.end <= len(s), "opaque %v after %d in %q", sp, last, s)
			last = sp.end
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
