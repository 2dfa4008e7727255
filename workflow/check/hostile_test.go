package check

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// hostile are texts made to make a checker quadratic: the patterns of the
// issue, each repeated over a unit, and ways around the first defences.
var hostile = []struct {
	name string
	text func(n int) string
}{
	{"note refs", rep("[^ ")},
	{"www", rep("www.")},
	{"glued www", rep("awww.")},
	{"dotted www", rep(".www.")},
	{"glued mailto", rep("amailto:")},
	{"glued http", rep("ahttp://")},
	{"emphasis", rep("*a ")},
	{"strong", rep("**")},
	{"brackets", rep("[")},
	{"link tails", rep("](")},
	{"angles", rep("<")},
	{"tags", rep("<a x")},
	{"comments", rep("<!--")},
	{"autolinks", rep("<ab:x")},
	{"ticks", rep("`")},
	{"tick runs", func(n int) string {
		var b strings.Builder
		for k := 1; b.Len() < n; k++ {
			b.WriteString(strings.Repeat("`", k) + "x")
		}
		return b.String()
	}},
	{"underscores", rep("_")},
	{"tildes", rep("~~")},
	{"tildes unmatched", func(n int) string { return rep("~~a ")(n/2) + rep("a~ ")(n/2) }},
	{"under and star", func(n int) string { return rep("_a ")(n/2) + rep("a* ")(n/2) }},
	{"dashes", rep("- ")},
	{"ordered", rep("1. ")},
	{"quotes", rep("> ")},
	{"long word", rep("a")},
	{"digits", rep("1,")},
	{"numbers", rep("1 ")},
	{"parens", rep("((((")},
	{"closing parens", rep(")")},
	{"URL then parens", func(n int) string { return "www.x" + rep(")")(n) }},
	{"URL then brackets", func(n int) string { return "www.x" + rep("]")(n) }},
	{"link then parens", func(n int) string { return "[a](" + rep("(")(n) }},
	{"brackets then tails", func(n int) string { return rep("[")(n/2) + rep("](")(n/2) }},
	{"questions", rep("¿")},
	{"templates", rep("{{.}}")},
}

func rep(p string) func(n int) string {
	return func(n int) string { return strings.Repeat(p, n/len(p)+1)[:n] }
}

// TestInlineLinear parses 1 MB of each hostile text: parsing, with every
// look ahead and every walk down the emphasis stack, stays within a few
// steps a byte. Searching again for a URL start at every "www." glued to
// a word, counting the parentheses of a URL again at every one it ends
// with, walking all the ~~ openers at every ~, or looking for the closer
// of every backtick run longer than 32 again took O(n²) or O(n^1.5).
func TestInlineLinear(t *testing.T) {
	const n = 1 << 20
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			var in inline
			in.parse(h.text(n))
			assert.LessOrEqual(t, in.steps, 12*n, "%d steps for %d bytes", in.steps, n)
		})
	}
}
