package reconcile

import (
	"strconv"
	"strings"

	"github.com/hopeborder/bitext/workflow/segment"
)

// Known is a unit bitext has seen before, as its source-language message
// recorded it.
type Known struct {
	ID   string
	Kind segment.Kind
	// Text uses stable note labels.
	Text string
}

// Prior is what bitext knew of a document before this run.
type Prior struct {
	// Units are the previous source units, in document order (the source
	// locale file).
	Units []Known
	// Obsolete are units removed from the source earlier and kept in the
	// history, sorted by ID.
	Obsolete []Known
}

// Result is a document whose units carry stable IDs and note labels.
type Result struct {
	// Units are the document's units in reading order, with IDs, and with
	// note labels (and references to them) that survive renumbering.
	Units []segment.Unit
	// Origins says, for each unit, how it relates to the prior units.
	Origins []Origin
	// Scores holds, for each edited unit, the word similarity to its prior
	// text (1 for unchanged text).
	Scores []float64
	// Removed are the prior units no longer in the source, in prior order.
	Removed []Known
	// Restored lists the IDs of obsolete units that came back.
	Restored []string
}

// Reconcile gives the units of doc their IDs by matching them with the
// units bitext knew before. A unit keeps its ID when its text is unchanged,
// moved, re-wrapped or edited (see match); a unit that was removed and comes
// back gets its old ID back; only a truly new unit gets a new ID.
//
// Note labels are matched the same way, notes first: a note keeps its label
// when later notes are inserted before it, and every [^n] in the text is
// rewritten to the stable label. So a paragraph whose only change is that
// its note is now number 8 instead of 7 has not changed at all.
func Reconcile(doc *segment.Document, prior Prior) *Result {
	units := make([]segment.Unit, len(doc.Units))
	copy(units, doc.Units)
	res := &Result{
		Units:   units,
		Origins: make([]Origin, len(units)),
		Scores:  make([]float64, len(units)),
	}
	if unchanged(units, prior.Units) {
		// The common case, when a document is checked or rendered: nothing
		// changed since the last update, and matching is a comparison.
		for i := range units {
			units[i].ID = prior.Units[i].ID
			if units[i].Kind == segment.Note {
				units[i].Label = noteLabel(units[i].ID)
			}
			res.Origins[i], res.Scores[i] = Same, 1
		}
		return res
	}

	var oldNotes, oldText, obsNotes, obsText []Known
	for _, k := range prior.Units {
		if k.Kind == segment.Note {
			oldNotes = append(oldNotes, k)
		} else {
			oldText = append(oldText, k)
		}
	}
	for _, k := range prior.Obsolete {
		if k.Kind == segment.Note {
			obsNotes = append(obsNotes, k)
		} else {
			obsText = append(obsText, k)
		}
	}
	var noteIdx, textIdx []int
	for i := range units {
		if units[i].Kind == segment.Note {
			noteIdx = append(noteIdx, i)
		} else {
			textIdx = append(textIdx, i)
		}
	}

	taken := idAllocator{taken: map[string]bool{}, next: map[string]int{}}
	for _, k := range prior.Units {
		taken.taken[k.ID] = true
	}
	for _, k := range prior.Obsolete {
		taken.taken[k.ID] = true
	}
	usedPrior := map[string]bool{}

	// Notes first: their labels decide the text of everything that cites them.
	notePairs := match(items(oldNotes), items(obsNotes), unitItems(units, noteIdx))
	usedLabels := map[string]bool{}
	maxLabel := 0
	useLabel := func(l string) {
		usedLabels[l] = true
		if n, err := strconv.Atoi(l); err == nil && n > maxLabel {
			maxLabel = n
		}
	}
	for _, k := range oldNotes {
		useLabel(noteLabel(k.ID))
	}
	for _, k := range obsNotes {
		useLabel(noteLabel(k.ID))
	}
	relabel := map[string]string{}
	for j, i := range noteIdx {
		p := notePairs[j]
		if p.prior < 0 {
			continue
		}
		k := pick(oldNotes, obsNotes, p.prior)
		relabel[units[i].Label] = noteLabel(k.ID)
		units[i].ID = k.ID
		usedPrior[k.ID] = true
		res.Origins[i], res.Scores[i] = p.origin, p.score
	}
	for j, i := range noteIdx {
		if notePairs[j].prior >= 0 {
			continue
		}
		label := units[i].Label
		if usedLabels[label] {
			// The source's number now belongs to another note: take the
			// next free one.
			maxLabel++
			label = strconv.Itoa(maxLabel)
			for usedLabels[label] {
				maxLabel++
				label = strconv.Itoa(maxLabel)
			}
		}
		useLabel(label)
		relabel[units[i].Label] = label
	}
	for _, i := range noteIdx {
		units[i].Label = relabel[units[i].Label]
		if units[i].ID == "" {
			units[i].ID = taken.newID(&units[i])
		}
	}
	for _, i := range textIdx {
		units[i].Text = segment.RelabelRefs(units[i].Text, func(l string) string {
			if s, ok := relabel[l]; ok {
				return s
			}
			return l
		})
	}

	textPairs := match(items(oldText), items(obsText), unitItems(units, textIdx))
	for j, i := range textIdx {
		p := textPairs[j]
		if p.prior < 0 {
			continue
		}
		k := pick(oldText, obsText, p.prior)
		units[i].ID = k.ID
		usedPrior[k.ID] = true
		res.Origins[i], res.Scores[i] = p.origin, p.score
	}
	for _, i := range textIdx {
		if units[i].ID == "" {
			units[i].ID = taken.newID(&units[i])
		}
	}

	for _, k := range prior.Units {
		if !usedPrior[k.ID] {
			res.Removed = append(res.Removed, k)
		}
	}
	for _, k := range prior.Obsolete {
		if usedPrior[k.ID] {
			res.Restored = append(res.Restored, k.ID)
		}
	}
	return res
}

// unchanged reports whether units are the prior units, unit for unit, once
// the notes' source labels are read as the prior labels of the notes in the
// same places. It rewrites the references in units when they are.
func unchanged(units []segment.Unit, prior []Known) bool {
	if len(units) != len(prior) {
		return false
	}
	relabel := map[string]string{}
	for i := range units {
		u, k := &units[i], &prior[i]
		if u.Kind != k.Kind {
			return false
		}
		if u.Kind == segment.Note {
			if u.Text != k.Text {
				return false
			}
			relabel[u.Label] = noteLabel(k.ID)
		}
	}
	texts := make([]string, len(units))
	for i := range units {
		u := &units[i]
		texts[i] = u.Text
		if u.Kind != segment.Note && strings.Contains(u.Text, "[^") {
			texts[i] = segment.RelabelRefs(u.Text, func(l string) string {
				if s, ok := relabel[l]; ok {
					return s
				}
				return l
			})
		}
		if texts[i] != prior[i].Text {
			return false
		}
	}
	for i := range units {
		units[i].Text = texts[i]
	}
	return true
}

// noteLabel returns the label in a note's ID ("note-6" → "6").
func noteLabel(id string) string {
	return strings.TrimPrefix(id, segment.Note.IDPrefix()+"-")
}

func pick(old, obs []Known, i int) Known {
	if i < len(old) {
		return old[i]
	}
	return obs[i-len(old)]
}

func items(ks []Known) []item {
	its := make([]item, len(ks))
	for i, k := range ks {
		its[i] = item{kind: k.Kind, text: k.Text}
	}
	return its
}

func unitItems(units []segment.Unit, idx []int) []item {
	its := make([]item, len(idx))
	for j, i := range idx {
		its[j] = item{kind: units[i].Kind, text: units[i].Text}
	}
	return its
}
