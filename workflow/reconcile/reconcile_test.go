package reconcile

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/segment"
)

func doc(units ...segment.Unit) *segment.Document {
	return &segment.Document{Path: "a.md", Name: "a", Units: units}
}

func para(text string) segment.Unit { return segment.Unit{Kind: segment.Paragraph, Text: text} }

func note(label, text string) segment.Unit {
	return segment.Unit{Kind: segment.Note, Label: label, Text: text}
}

// prior turns a reconciled result into what the next run knows.
func prior(r *Result) Prior {
	var p Prior
	for _, u := range r.Units {
		p.Units = append(p.Units, Known{ID: u.ID, Kind: u.Kind, Text: u.Text})
	}
	return p
}

func ids(r *Result) []string {
	var out []string
	for _, u := range r.Units {
		out = append(out, u.ID)
	}
	return out
}

func origins(r *Result) []string {
	var out []string
	for _, o := range r.Origins {
		out = append(out, o.String())
	}
	return out
}

const (
	a = "Mexico faces a potentially historic presidential election on July 1st."
	b = "The presidential debates have included the positioning of these issues."
	c = "Mexican citizens residing in the U.S. will participate as voters."
	d = "The Trump administration has repeatedly asserted Mexico's failure."
)

func TestIDs(t *testing.T) {
	r := Reconcile(doc(
		segment.Unit{Kind: segment.Title, Text: "The U.S., Mexico"},
		segment.Unit{Kind: segment.Heading, Text: "Other Notes"},
		para(a), para(a), para("Other: description, hash."), para("¿Qué? ¡Sí! Árbol[^1]."), para("…"),
		note("1", "(id.)"),
	), Prior{})
	assert.Equal(t, []string{
		"title", "h-other-notes", "p-mexico-faces-a-potentially-historic", "p-mexico-faces-a-potentially-historic-2",
		"p-other-description-hash", "p-que-si-arbol", "p", "note-1",
	}, ids(r))
	for _, id := range ids(r) {
		assert.NotContains(t, id, ".", "go-i18n reads dots as nesting")
	}
}

func TestMatch(t *testing.T) {
	first := Reconcile(doc(para(a), para(b), para(c), para(d)), Prior{})
	p := prior(first)
	tests := []struct {
		name        string
		units       []segment.Unit
		wantIDs     []string
		wantOrigins []string
		wantRemoved []string
	}{
		{"unchanged", []segment.Unit{para(a), para(b), para(c), para(d)},
			[]string{"p-mexico-faces-a-potentially-historic", "p-the-presidential-debates-have-included", "p-mexican-citizens-residing-in-the", "p-the-trump-administration-has-repeatedly"},
			[]string{"same", "same", "same", "same"}, nil},
		{"edited", []segment.Unit{para(a), para(strings.Replace(b, "included", "put", 1)), para(c), para(d)},
			[]string{"p-mexico-faces-a-potentially-historic", "p-the-presidential-debates-have-included", "p-mexican-citizens-residing-in-the", "p-the-trump-administration-has-repeatedly"},
			[]string{"same", "edited", "same", "same"}, nil},
		{"moved", []segment.Unit{para(a), para(c), para(d), para(b)},
			[]string{"p-mexico-faces-a-potentially-historic", "p-mexican-citizens-residing-in-the", "p-the-trump-administration-has-repeatedly", "p-the-presidential-debates-have-included"},
			[]string{"same", "same", "same", "moved"}, nil},
		{"moved and edited", []segment.Unit{para(strings.Replace(d, "repeatedly", "often", 1)), para(a), para(b), para(c)},
			[]string{"p-the-trump-administration-has-repeatedly", "p-mexico-faces-a-potentially-historic", "p-the-presidential-debates-have-included", "p-mexican-citizens-residing-in-the"},
			[]string{"edited", "same", "same", "same"}, nil},
		{"inserted", []segment.Unit{para(a), para("A wholly new paragraph about shelters."), para(b), para(c), para(d)},
			[]string{"p-mexico-faces-a-potentially-historic", "p-a-wholly-new-paragraph-about", "p-the-presidential-debates-have-included", "p-mexican-citizens-residing-in-the", "p-the-trump-administration-has-repeatedly"},
			[]string{"same", "new", "same", "same", "same"}, nil},
		{"deleted", []segment.Unit{para(a), para(c), para(d)},
			[]string{"p-mexico-faces-a-potentially-historic", "p-mexican-citizens-residing-in-the", "p-the-trump-administration-has-repeatedly"},
			[]string{"same", "same", "same"}, []string{"p-the-presidential-debates-have-included"}},
		{"replaced", []segment.Unit{para(a), para("Nothing in common with what was here."), para(c), para(d)},
			[]string{"p-mexico-faces-a-potentially-historic", "p-nothing-in-common-with-what", "p-mexican-citizens-residing-in-the", "p-the-trump-administration-has-repeatedly"},
			[]string{"same", "new", "same", "same"}, []string{"p-the-presidential-debates-have-included"}},
		{"split keeps the larger part", []segment.Unit{para(a), para("The presidential debates."), para("They have included the positioning of these issues."), para(c), para(d)},
			[]string{"p-mexico-faces-a-potentially-historic", "p-the-presidential-debates", "p-the-presidential-debates-have-included", "p-mexican-citizens-residing-in-the", "p-the-trump-administration-has-repeatedly"},
			[]string{"same", "new", "edited", "same", "same"}, nil},
		{"merge keeps the larger part", []segment.Unit{para(a), para(b + " " + c + " And more of the same."), para(d)},
			[]string{"p-mexico-faces-a-potentially-historic", "p-mexican-citizens-residing-in-the", "p-the-trump-administration-has-repeatedly"},
			[]string{"same", "edited", "same"}, []string{"p-the-presidential-debates-have-included"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Reconcile(doc(tc.units...), p)
			assert.Equal(t, tc.wantIDs, ids(r))
			assert.Equal(t, tc.wantOrigins, origins(r))
			var removed []string
			for _, k := range r.Removed {
				removed = append(removed, k.ID)
			}
			assert.Equal(t, tc.wantRemoved, removed)
		})
	}
}

func TestRestore(t *testing.T) {
	first := Reconcile(doc(para(a), para(b), para(c)), Prior{})
	second := Reconcile(doc(para(a), para(c)), prior(first))
	require.Len(t, second.Removed, 1)
	p := prior(second)
	p.Obsolete = second.Removed
	third := Reconcile(doc(para(a), para(c), para(b)), p)
	assert.Equal(t, []string{"same", "same", "restored"}, origins(third))
	assert.Equal(t, "p-the-presidential-debates-have-included", third.Units[2].ID)
	assert.Equal(t, []string{"p-the-presidential-debates-have-included"}, third.Restored)
}

func TestSingletons(t *testing.T) {
	first := Reconcile(doc(segment.Unit{Kind: segment.Title, Text: "Walls"}, segment.Unit{Kind: segment.Date, Text: "May 23, 2018"}, para(a)), Prior{})
	r := Reconcile(doc(segment.Unit{Kind: segment.Title, Text: "Bridges and tunnels"}, segment.Unit{Kind: segment.Date, Text: "June 1, 2018"}, para(a)), prior(first))
	assert.Equal(t, []string{"title", "date", "p-mexico-faces-a-potentially-historic"}, ids(r))
	assert.Equal(t, []string{"edited", "edited", "same"}, origins(r))
}

// TestNoteLabels inserts a note before others: its neighbours keep their
// labels, so text that cites them does not change; the new note takes a
// fresh label.
func TestNoteLabels(t *testing.T) {
	first := Reconcile(doc(para("One[^1] two[^2] three[^3]."), note("1", "Note one."), note("2", "(id.)"), note("3", "(id.)")), Prior{})
	second := Reconcile(doc(
		para("One[^1] new[^2] two[^3] three[^4]."),
		note("1", "Note one."), note("2", "A new note."), note("3", "(id.)"), note("4", "(id.)"),
	), prior(first))
	assert.Equal(t, "One[^1] new[^4] two[^2] three[^3].", second.Units[0].Text)
	assert.Equal(t, []string{"p-one-two-three", "note-1", "note-4", "note-2", "note-3"}, ids(second))
	assert.Equal(t, []string{"edited", "same", "new", "same", "same"}, origins(second))

	// Run again on the same source: nothing changes, though its note
	// numbers are not the labels.
	again := Reconcile(doc(
		para("One[^1] new[^2] two[^3] three[^4]."),
		note("1", "Note one."), note("2", "A new note."), note("3", "(id.)"), note("4", "(id.)"),
	), prior(second))
	assert.Equal(t, ids(second), ids(again))
	assert.Equal(t, "One[^1] new[^4] two[^2] three[^3].", again.Units[0].Text)
	assert.Equal(t, []string{"same", "same", "same", "same", "same"}, origins(again))
	assert.Equal(t, []string{"", "1", "4", "2", "3"}, []string{again.Units[0].Label, again.Units[1].Label, again.Units[2].Label, again.Units[3].Label, again.Units[4].Label})

	// Removing a note frees nothing: its label is not reused while known.
	third := Reconcile(doc(para("One[^1] three[^2]."), note("1", "Note one."), note("2", "(id.)")), prior(second))
	assert.Equal(t, "One[^1] three[^2].", third.Units[0].Text)
}

// corpus makes n paragraphs of seeded pseudo-English with a vocabulary big
// enough to be realistic.
func corpus(n int, seed uint64) []segment.Unit {
	r := rand.New(rand.NewPCG(seed, 1))
	units := make([]segment.Unit, n)
	for i := range units {
		var w []string
		for range 40 + r.IntN(60) {
			w = append(w, fmt.Sprintf("w%d", int(float64(20000)*r.Float64()*r.Float64())))
		}
		units[i] = para(strings.Join(w, " ") + ".")
	}
	return units
}

// BenchmarkReconcile matches an edited 20,000-unit document (5 % of units
// edited, 1 % inserted, a few moved) against its previous version.
func BenchmarkReconcile(b *testing.B) {
	old := corpus(20000, 1)
	first := Reconcile(doc(old...), Prior{})
	p := prior(first)
	r := rand.New(rand.NewPCG(2, 2))
	var next []segment.Unit
	for i, u := range old {
		switch x := r.IntN(100); {
		case x < 5:
			f := strings.Fields(u.Text)
			f[r.IntN(len(f))] = "changed"
			u.Text = strings.Join(f, " ")
		case x == 5:
			next = append(next, corpus(1, uint64(i)+100000)...)
		}
		next = append(next, u)
	}
	next[100], next[15000] = next[15000], next[100]
	b.ReportAllocs()
	for b.Loop() {
		res := Reconcile(doc(next...), p)
		if len(res.Units) != len(next) {
			b.Fatal("lost units")
		}
	}
}
