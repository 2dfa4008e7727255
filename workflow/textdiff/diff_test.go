package textdiff

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

	// A paragraph rewritten from end to end: each side keeps its ends.
	old, new := rewrite(6000, 1), rewrite(6000, 2)
	got := Words(old, new).Compact(2)
	assert.Equal(t, "[-"+Abridge(old[:len(old)-1], 4)+"-]{+"+Abridge(new[:len(new)-1], 4)+"+}.", got)
	assert.Less(t, len(got), 200)
	// A sentence rewritten stays whole.
	sentence := "Little of substance as to migrant rights issues was proposed by any of the candidates."
	assert.Equal(t, "[-"+strings.TrimSuffix(sentence, ".")+"-]{+Nothing+}.", Words(sentence, "Nothing.").Compact(4))
}

func TestAbridge(t *testing.T) {
	tests := []struct {
		name, text, want string
		keep             int
	}{
		{"short", "one two", "one two", 1},
		{"just enough", "one two three", "one two three", 1},
		{"cut", "one two three four", "one … four", 1},
		{"punctuation kept", "“One, two, three, four, five, six, seven.”", "“One, two, … six, seven.”", 2},
		{"no keep", "one two three four", "one two three four", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Abridge(tc.text, tc.keep))
		})
	}
}

// rewrite returns a paragraph of n made-up words, a different one for each
// seed, as an author's complete rewrite of a long paragraph gives.
func rewrite(n, seed int) string {
	var b strings.Builder
	x := uint32(seed)*2654435761 + 1
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "w%d", x%5000)
	}
	b.WriteByte('.')
	return b.String()
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

// TestWordsMemoryLinear rewrites a paragraph of n and of 4n words: the
// diff may take four times the memory, not sixteen. Keeping the frontier
// of every step for the backtrack took O(D²), 1.5 GB at 6,000 words, and
// tidying by string concatenation copied the text once per edit.
func TestWordsMemoryLinear(t *testing.T) {
	const n = 600
	a, b := rewrite(n, 1), rewrite(n, 2)
	a4, b4 := rewrite(4*n, 1), rewrite(4*n, 2)
	tests := []struct {
		name string
		diff func(a, b string)
	}{
		{"Words", func(a, b string) { Words(a, b) }},
		// The exact search, without the budget that cuts it short.
		{"exact search", func(a, b string) { diffTokens(Tokens(a), Tokens(b), math.MaxInt) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			small := allocated(func() { tc.diff(a, b) })
			large := allocated(func() { tc.diff(a4, b4) })
			assert.Less(t, float64(large)/float64(small), 6.0, "%d bytes at %d words, %d at %d", small, n, large, 4*n)
		})
	}
}

// TestDiffTokensBudget: past its budget the search stops, within one more
// round of it, and the rest of the text is one replacement.
func TestDiffTokensBudget(t *testing.T) {
	const budget = 100000
	for _, n := range []int{2000, 8000} {
		ta, tb := Tokens(rewrite(n, 1)), Tokens(rewrite(n, 2))
		ops, work := diffTokens(ta, tb, budget)
		assert.LessOrEqual(t, work, budget+4*(len(ta)+len(tb)), "%d words", n)
		assertScript(t, ta, tb, ops)
	}
	// Well within the budget, it is a shortest diff.
	a := rewrite(300, 1)
	b := strings.Replace(a, " ", " new ", 1)
	ops, work := diffTokens(Tokens(a), Tokens(b), budget)
	assert.Less(t, work, budget)
	assert.Equal(t, 2, edits(ops))
}

// TestWordsRewrite: a paragraph rewritten from end to end is too costly to
// diff word by word, and reads as one replacement; a few words changed in
// a paragraph as long are marked one by one.
func TestWordsRewrite(t *testing.T) {
	a, b := rewrite(6000, 1), rewrite(6000, 2)
	d := Words(a, b)
	assert.Equal(t, Diff{{Delete, a[:len(a)-1]}, {Insert, b[:len(b)-1]}, {Equal, "."}}, d)

	words := strings.Fields(a)
	for i := 0; i < len(words); i += 50 {
		words[i] = "x" + words[i]
	}
	d = Words(a, strings.Join(words, " "))
	n := 0
	for _, c := range d {
		if c.Op == Insert {
			n++
			assert.True(t, strings.HasPrefix(c.Text, "x"), c.Text)
		}
	}
	assert.Equal(t, 120, n)
}

// assertScript checks that ops turn ta into tb: Equal pairs equal tokens,
// and every token of each side is used once, in order.
func assertScript(t *testing.T, ta, tb []string, ops []Op) {
	t.Helper()
	ia, ib := 0, 0
	for _, op := range ops {
		switch op {
		case Equal:
			require.True(t, ia < len(ta) && ib < len(tb) && ta[ia] == tb[ib], "Equal of different tokens at %d, %d", ia, ib)
			ia++
			ib++
		case Delete:
			require.Less(t, ia, len(ta))
			ia++
		case Insert:
			require.Less(t, ib, len(tb))
			ib++
		}
	}
	require.Equal(t, len(ta), ia)
	require.Equal(t, len(tb), ib)
}

func edits(ops []Op) int {
	n := 0
	for _, op := range ops {
		if op != Equal {
			n++
		}
	}
	return n
}

// distance is the least number of tokens to delete and insert to turn a
// into b, by the textbook dynamic program.
func distance(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1]
			} else {
				cur[j] = 1 + min(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// FuzzDiffTokens: the script turns a into b, is a shortest one when the
// budget allows, and is still a script when the budget runs out at once.
func FuzzDiffTokens(f *testing.F) {
	f.Add("the red house", "the blue house")
	f.Add("a b c a b b a", "c b a b a c")
	f.Add("Little of substance as to migrant rights issues was proposed", "Little of substance on migrant rights was proposed")
	f.Add("", "x y")
	f.Fuzz(func(t *testing.T, a, b string) {
		ta, tb := Tokens(a), Tokens(b)
		if len(ta)*len(tb) > 1<<20 {
			t.Skip("too long for the reference")
		}
		ops, _ := diffTokens(ta, tb, math.MaxInt)
		assertScript(t, ta, tb, ops)
		assert.Equal(t, distance(ta, tb), edits(ops), "%q → %q", ta, tb)
		ops, _ = diffTokens(ta, tb, 0)
		assertScript(t, ta, tb, ops)
	})
}
