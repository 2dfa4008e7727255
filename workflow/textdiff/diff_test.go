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

func TestCompact(t *testing.T) {
	a := "The Trump administration has repeatedly asserted Mexico’s failure to act. In reality, Mexico and the U.S. have a long history of cooperation dating back to the Cold War, which has recently included increasing collaboration on joint management of migration flows."
	b := strings.Replace(a, "Cold War,", "Cold War[^27],", 1)
	assert.Equal(t, "… back to the Cold War{+[^27]+}, which has recently included increasing …", Words(a, b).Compact(5))
	assert.Equal(t, "the [-red-]{+blue+} house", Words("the red house", "the blue house").Compact(5))
	assert.Equal(t, "… six seven [-eight-]{+ocho+}", Words("one two three four five six seven eight", "one two three four five six seven ocho").Compact(2))
	assert.Equal(t, "{+uno +}one two …", Words("one two three four five six seven eight", "uno one two three four five six seven eight").Compact(2))
	assert.Equal(t, "… four «five six» [-seven-]{+siete+} eight, “nine ten” …", Words("one two three four «five six» seven eight, “nine ten” eleven twelve", "one two three four «five six» siete eight, “nine ten” eleven twelve").Compact(3))
}
