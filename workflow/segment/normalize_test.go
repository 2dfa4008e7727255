package segment

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean", "a b c", "a b c"},
		{"trim", "  a b \n", "a b"},
		{"collapse", "a \t\n  b", "a b"},
		{"line wrap", "one\ntwo\r\nthree", "one two three"},
		{"NFC", "Me\u0301xico", "México"},
		{"no-break space at the ends", "\u00a0 a \u00a0", "a"},
		{"no-break space kept inside", "80\u00a0%", "80\u00a0%"},
		{"no-break space in a run of spaces", "a \u00a0 b", "a b"},
		{"narrow no-break space kept", "10\u202f000", "10\u202f000"},
		{"only space", " \u00a0\t", ""},
		{"hard break", "one\u2028two", "one\u2028two"},
		{"hard break among spaces", "one \u2028\n two", "one\u2028two"},
		{"hard break at the ends", "\u2028one\u2028 ", "one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Normalize(tc.in))
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"a  b", "Me\u0301xico\n", "\u00a0x\u00a0\u00a0y ", "\t", "“I think” [Tex.]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if Normalize(got) != got {
			t.Fatalf("Normalize is not idempotent on %q", s)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Fatalf("%q is not NFC", got)
		}
		if strings.TrimFunc(got, unicode.IsSpace) != got {
			t.Fatalf("%q is not trimmed", got)
		}
		if strings.Contains(got, "  ") || strings.ContainsAny(got, "\t\n\r") {
			t.Fatalf("%q has uncollapsed white space", got)
		}
		// Re-wrapping changes nothing: every space may become a newline.
		if Normalize(strings.ReplaceAll(s, " ", "\n ")) != got {
			t.Fatalf("re-wrapping %q changes its normal form", s)
		}
	})
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"05-23-2018", "2018-05-23"},
		{"2018-05-23", "2018-05-23"},
		{"5/23/2018", "2018-05-23"},
		{"23-05-2018", "2018-05-23"},
		{"May 23, 2018", "2018-05-23"},
		{"23 May 2018", "2018-05-23"},
		{"02-30-2018", ""},
		{"Resources", ""},
		{"2018", ""},
	}
	for _, tc := range tests {
		got, ok := ParseDate(tc.in)
		assert.Equal(t, tc.want != "", ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
}
