package textdiff

import (
	"strings"
	"testing"
)

// BenchmarkWords diffs a 6,000-word paragraph with a word in ten changed,
// and rewritten from end to end, which the budget cuts short.
func BenchmarkWords(b *testing.B) {
	a := rewrite(6000, 1)
	words := strings.Fields(a)
	for i := 0; i < len(words); i += 10 {
		words[i] = "x" + words[i]
	}
	cases := []struct{ name, b string }{
		{"edit", strings.Join(words, " ")},
		{"rewrite", rewrite(6000, 2)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Words(a, c.b)
			}
		})
	}
}
