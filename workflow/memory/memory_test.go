package memory

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	a = "Mexico faces a potentially historic presidential election on July 1st."
	b = "The presidential debates have included the positioning of these issues."
	c = "Mexican citizens residing in the U.S. will participate as voters."
	d = "The Trump administration has repeatedly asserted Mexico's failure."
)

func TestSuggest(t *testing.T) {
	var m Memory
	m.Add(Entry{Doc: "doc", ID: "p-a", Source: a, Target: "México enfrenta una elección presidencial potencialmente histórica el 1 de julio."})
	m.Add(Entry{Doc: "doc", ID: "p-b", Source: b + " " + c, Target: "Los debates… Los ciudadanos…"})
	m.Add(Entry{Doc: "doc", ID: "p-gone", Source: d, Target: "La administración Trump ha afirmado reiteradamente…", Obsolete: true})
	m.Add(Entry{Doc: "doc", ID: "p-empty", Source: "Mexico faces a potentially historic presidential election on July 1st!", Target: ""})

	got := m.Suggest(strings.Replace(a, "July 1st", "Sunday, July 1st", 1), "doc", "", 3)
	require.Len(t, got, 1)
	assert.Equal(t, Suggestion{Entry: Entry{Doc: "doc", ID: "p-a", Source: a, Target: "México enfrenta una elección presidencial potencialmente histórica el 1 de julio."}, Score: 95, Relation: Similar}, got[0])

	assert.Empty(t, m.Suggest(a, "doc", "p-a", 3), "a unit's own translation is not suggested to it")
	assert.Empty(t, m.Suggest("Something else entirely, with other words.", "doc", "", 3))

	part := m.Suggest(c, "doc", "", 3)
	require.Len(t, part, 1)
	assert.Equal(t, PartOf, part[0].Relation)
	assert.Equal(t, 100, part[0].Score)

	whole := m.Suggest(a+" "+d, "doc", "", 3)
	require.Len(t, whole, 2)
	assert.Equal(t, []Relation{Contains, Contains}, []Relation{whole[0].Relation, whole[1].Relation})
	assert.True(t, whole[1].Obsolete || whole[0].Obsolete)
}

func TestSuggestAcrossDocuments(t *testing.T) {
	var m Memory
	m.Add(Entry{Doc: "second", ID: "p-near", Source: strings.Replace(a, "July 1st", "Sunday", 1), Target: "casi"})
	m.Add(Entry{Doc: "first", ID: "p-a", Source: a, Target: "México enfrenta…"})
	m.Add(Entry{Doc: "third", ID: "p-a2", Source: a, Target: "México enfrenta…"})
	m.Add(Entry{Source: a, Target: "De un proveedor", Origin: "vendor.tmx"})

	got := m.Suggest(a, "new", "p-new", 5)
	require.Len(t, got, 3, "the same translation from two documents is offered once")
	assert.Equal(t, Suggestion{Entry: Entry{Doc: "first", ID: "p-a", Source: a, Target: "México enfrenta…"}, Score: 100, Relation: Similar}, got[0], "an identical paragraph in another document comes first, at 100 %")
	assert.Equal(t, "vendor.tmx", got[1].Origin, "then the same text from an outside memory")
	assert.Equal(t, "p-near", got[2].ID)
	assert.Less(t, got[2].Score, 100, "a text that differs is never 100 %")

	assert.Equal(t, []Entry{{Doc: "first", ID: "p-a", Source: a, Target: "México enfrenta…"}, {Doc: "third", ID: "p-a2", Source: a, Target: "México enfrenta…"}, {Source: a, Target: "De un proveedor", Origin: "vendor.tmx"}}, m.Exact(a))
}

// sentences makes n paragraphs of seeded pseudo-English over a vocabulary
// big enough to be realistic.
func sentences(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 1))
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx%d", i, r.IntN(97))
	}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 20 + r.IntN(60) {
			// Zipf-like: common words often, rare ones rarely.
			b.WriteString(vocab[int(float64(len(vocab))*r.Float64()*r.Float64()*r.Float64())])
			b.WriteByte(' ')
		}
		out[i] = b.String()
	}
	return out
}

// BenchmarkSuggest measures the scale: suggestions for 20,000
// new units against a memory of 200,000, the index built included (the
// entries themselves are made before the clock starts, as loading them is
// the project's work, not the memory's).
func BenchmarkSuggest(b *testing.B) {
	mem := sentences(200000, 1)
	queries := sentences(20000, 2)
	for i := 0; i < len(queries); i += 10 {
		queries[i] = mem[i*7] // some exact matches
	}
	entries := make([]Entry, len(mem))
	for i, s := range mem {
		entries[i] = Entry{Doc: "d", ID: fmt.Sprint(i), Source: s, Target: "t" + s}
	}
	b.ResetTimer()
	for b.Loop() {
		var m Memory
		for _, e := range entries {
			m.Add(e)
		}
		found := 0
		for _, q := range queries {
			if len(m.Suggest(q, "new", "x", 3)) > 0 {
				found++
			}
		}
		if found < len(queries)/10 {
			b.Fatalf("only %d of %d queries found a suggestion", found, len(queries))
		}
	}
}
