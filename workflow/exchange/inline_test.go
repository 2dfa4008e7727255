package exchange

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPieces(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []Piece
	}{
		{"plain", "Just words, and more.", []Piece{{Text: "Just words, and more."}}},
		{"note reference", "asserted[^2] Mexico’s failure.[^3]", []Piece{{Text: "asserted"}, {Text: "[^2]", Code: true}, {Text: " Mexico’s failure."}, {Text: "[^3]", Code: true}}},
		{"link", "see [the report](https://example.org/a) now", []Piece{{Text: "see "}, {Text: "[", Code: true}, {Text: "the report"}, {Text: "](https://example.org/a)", Code: true}, {Text: " now"}}},
		{"emphasis", "a *big* deal", []Piece{{Text: "a "}, {Text: "*", Code: true}, {Text: "big"}, {Text: "*", Code: true}, {Text: " deal"}}},
		{"code span", "run `go test` here", []Piece{{Text: "run "}, {Text: "`go test`", Code: true}, {Text: " here"}}},
		{"bare URL", "see: https://www.wola.org/x and", []Piece{{Text: "see: "}, {Text: "https://www.wola.org/x", Code: true}, {Text: " and"}}},
		{"template", "Hello {{.Name}}!", []Piece{{Text: "Hello "}, {Text: "{{.Name}}", Code: true}, {Text: "!"}}},
		{"raw HTML", "a <b>bold</b> move", []Piece{{Text: "a "}, {Text: "<b>", Code: true}, {Text: "bold"}, {Text: "</b>", Code: true}, {Text: " move"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Pieces(tc.src)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.src, Join(got))
		})
	}
}

func FuzzPieces(f *testing.F) {
	for _, s := range []string{"a [^1] b", "[x](y) *z* `c` <i>h</i>", "**[a](b)**", "\\*not\\* {{x}}", "![img](a.png) http://x.org"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := Pieces(s)
		if Join(p) != s {
			t.Fatalf("Join(Pieces(%q)) = %q", s, Join(p))
		}
		for i := 1; i < len(p); i++ {
			if p[i].Code == p[i-1].Code {
				t.Fatalf("adjacent pieces of one kind in %q: %+v", s, p)
			}
		}
	})
}
