package textdiff

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"same", "the red house", "the red house", "the red house"},
		{"replace", "the red house", "the blue house", "the [-red-]{+blue+} house"},
		{"insert", "the house", "the big house", "the {+big +}house"},
		{"delete", "the big house.", "the house.", "the [-big -]house."},
		{"punctuation", "a house.", "a home.", "a [-house-]{+home+}."},
		{"from empty", "", "new text", "{+new text+}"},
		{"to empty", "old text", "", "[-old text-]"},
		{"apostrophe word", "Mexico’s role", "Mexico’s new role", "Mexico’s {+new +}role"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Words(tc.a, tc.b).Format())
		})
	}
}

// rebuild returns the old and new texts a diff describes.
func rebuild(d Diff) (string, string) {
	var a, b strings.Builder
	for _, c := range d {
		if c.Op != Insert {
			a.WriteString(c.Text)
		}
		if c.Op != Delete {
			b.WriteString(c.Text)
		}
	}
	return a.String(), b.String()
}

func FuzzWords(f *testing.F) {
	f.Add("The U.S., Mexico and the Persecution", "The U.S. and Mexico: the persecution")
	f.Add("a b c d e", "e d c b a")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := Words(a, b)
		gotA, gotB := rebuild(d)
		if gotA != a || gotB != b {
			t.Fatalf("diff of %q → %q rebuilds %q → %q", a, b, gotA, gotB)
		}
		if (a == b) == d.Changed() {
			t.Fatalf("Changed() = %v for %q → %q", d.Changed(), a, b)
		}
	})
}
