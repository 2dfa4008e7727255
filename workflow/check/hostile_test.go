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
	// The terms and typography checks, with the glossary.
	{"ranges in a URL", func(n int) string { return "https://x.org/" + rep("1-")(n) }},
	{"percents", rep("80 % ")},
	{"guillemets", rep("« ")},
	{"pattern forms", rep("administración Trump administración de ")},
	{"forbidden renderings", rep("guerra contra las drogas ")},
	{"term words", rep("drug ")},
}

func rep(p string) func(n int) string {
	return func(n int) string { return strings.Repeat(p, n/len(p)+1)[:n] }
}

// TestInlineLinear reads each hostile text at 16 KiB and at four times
// that, as the checks read a unit (package inline, the editions' own
// reading, and the counts made from it): the bytes allocated grow at most
// five times, where quadratic work would grow sixteen, and past the
// Markdown limits stay within 64 bytes a byte. goldmark rescans on some
// hostile text (goldmark issue #555, on emphasis): the limits every stage
// shares keep it from being read at all. It counts bytes, never time.
func TestInlineLinear(t *testing.T) {
	const n = 16 << 10
	base := allocated(func() { var in unitText; in.parse("x") })
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			small, large := h.text(n), h.text(4*n)
			s := sub(allocated(func() { var in unitText; in.parse(small) }), base)
			l := sub(allocated(func() { var in unitText; in.parse(large) }), base)
			assert.LessOrEqual(t, l, 5*s+128<<10, "%d bytes at %d, %d at %d", s, n, l, 4*n)
			assert.LessOrEqual(t, l, uint64(64*4*n), "%d bytes for %d bytes", l, 4*n)
		})
	}
}

func sub(a, b uint64) uint64 {
	if a < b {
		return 0
	}
	return a - b
}

// hostileEnglish is an ordinary paragraph, with a number, a number in
// words, a link and a note, as a hostile translation's English.
const hostileEnglish = "The U.S., Mexico and the Persecution of Migrants on Both Sides of the Border, in [a report](https://example.org/report) of 2018: 2,000 people and six countries[^1]."

// TestChecksHostile runs every check, with a glossary, on 1 MB of each
// hostile text as the translation of an ordinary paragraph (its English
// full of a glossary term's words): each message stays one readable
// line (listing a hundred thousand URLs or numbers made messages of
// megabytes), and four times the text takes about four times the memory:
// under 10 times, room for slices that double as they grow, where
// quadratic work would take 16 (an excerpt was cut for every unpaired
// mark, though only the first is shown).
func TestChecksHostile(t *testing.T) {
	const n = 1 << 16
	gloss := newGlossary(testGlossary(t), "es")
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			var msgs []string
			run := func(size int) func() {
				return func() {
					e := newEntry(segment.Paragraph, hostileEnglish+" "+rep("drug war ")(size/4), h.text(size), language.Spanish)
					e.r.gloss = gloss
					e.r.doc = newDocChoices(gloss, []string{h.text(size)})
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
