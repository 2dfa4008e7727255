package check

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/segment"
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

// hostileEnglish is an ordinary paragraph, with a number, a number in
// words, a link and a note, as a hostile translation's English.
const hostileEnglish = "The U.S., Mexico and the Persecution of Migrants on Both Sides of the Border, in [a report](https://example.org/report) of 2018: 2,000 people and six countries[^1]."

// TestChecksHostile runs every check on 1 MB of each hostile text as the
// translation of an ordinary paragraph: each message stays one readable
// line (listing a hundred thousand URLs or numbers made messages of
// megabytes), and four times the text takes about four times the memory:
// under 10 times, room for slices that double as they grow, where
// quadratic work would take 16 (an excerpt was cut for every unpaired
// mark, though only the first is shown).
func TestChecksHostile(t *testing.T) {
	const n = 1 << 16
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			var msgs []string
			run := func(size int) func() {
				return func() {
					e := newEntry(segment.Paragraph, hostileEnglish, h.text(size), language.Spanish)
					msgs = msgs[:0]
					for _, c := range checks {
						if c.scope == onCurrent || c.scope == onText {
							msgs = append(msgs, c.run(e))
						}
					}
				}
			}
			small := allocated(run(n))
			large := allocated(run(4 * n))
			for _, m := range msgs {
				assert.LessOrEqual(t, len(m), 2000, "message %.200q…", m)
			}
			assert.Less(t, float64(large)/float64(small+1<<20), 10.0, "%d bytes at %d, %d at %d", small, n, large, 4*n)
		})
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestNumbersInWordsLinear: an English of many numbers in digits against
// a translation of as many others in words (or the other way round) is
// matched through an index, not by reading all of one side for each
// number of the other.
func TestNumbersInWordsLinear(t *testing.T) {
	const n = 20000
	digits, words := strings.Repeat("7 y ", n), strings.Repeat("seis y ", n)
	for _, tc := range []struct{ name, src, dst string }{
		{"digits into words", strings.ReplaceAll(digits, " y ", " and "), words},
		{"words into digits", strings.ReplaceAll(strings.ReplaceAll(words, "seis", "six"), " y ", " and "), digits},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEntry(segment.Paragraph, tc.src, tc.dst, language.Spanish)
			msg := checkNumbers(e)
			assert.Contains(t, msg, "and 19990 more")
			steps := e.r.nums.srcIndex.steps + e.r.nums.dstIndex.steps
			assert.LessOrEqual(t, steps, 4*n, "%d steps", steps)
		})
	}
}
