package reconcile

import (
	"cmp"
	"slices"
)

// SuggestThreshold is the least similarity for offering a translation of
// another unit as a suggestion.
const SuggestThreshold = 0.75

// Relation says how a suggestion's source relates to the unit it is
// offered for.
type Relation string

// The relations a suggestion can have.
const (
	// Similar: most words in common.
	Similar Relation = "similar"
	// PartOf: the unit is a part of the suggestion's source, as after a split.
	PartOf Relation = "part of"
	// Contains: the suggestion's source is a part of the unit, as after a merge.
	Contains Relation = "contains"
)

// Suggestion is a translation offered for a unit that needs one. It is
// shown to the translator, never filled in.
type Suggestion struct {
	// ID is the unit the translation belongs to.
	ID string
	// Score is the similarity in percent.
	Score    int
	Relation Relation
	// Source is the source text the translation was made from.
	Source string
	// Target is the translation.
	Target string
	// Obsolete is set when the unit was removed from the source.
	Obsolete bool
}

// Memory is a translation memory for one locale: source texts with their
// translations, searched by word similarity.
type Memory struct {
	entries []memEntry
	index   map[uint64][]int32 // sketch hash → entries
	hits    []uint16           // per entry, reused across queries
}

type memEntry struct {
	id, source, target string
	obsolete           bool
	bag                bag
}

// Add puts a translation into the memory.
func (m *Memory) Add(id, source, target string, obsolete bool) {
	m.entries = append(m.entries, memEntry{id: id, source: source, target: target, obsolete: obsolete})
	m.index = nil
}

// build indexes each entry by its sketch: a fixed handful of postings per
// entry, whatever its length.
func (m *Memory) build() {
	m.index = make(map[uint64][]int32, len(m.entries)*sketchSize/2)
	for i := range m.entries {
		e := &m.entries[i]
		e.bag = wordBag(e.source)
		for _, h := range sketch(e.bag) {
			m.index[h] = append(m.index[h], int32(i))
		}
	}
	m.hits = make([]uint16, len(m.entries))
}

// Suggest returns up to limit translations whose source text is close to
// text, best first: similar texts (SuggestThreshold or more), and texts that
// hold it or that it holds, as when a paragraph is split or two are merged.
// The unit's own translation, skip, is left out.
func (m *Memory) Suggest(text, skip string, limit int) []Suggestion {
	if len(m.entries) == 0 {
		return nil
	}
	if m.index == nil {
		m.build()
	}
	q := wordBag(text)
	if len(q) == 0 {
		return nil
	}
	// Words in more than a few entries say little about which is close:
	// they are left out, and the entries sharing the most of the rest are
	// measured exactly.
	frequent := min(max(64, len(m.entries)/100), 256)
	var touched []int32
	for _, h := range sketch(q) {
		post := m.index[h]
		if len(post) > frequent {
			continue
		}
		for _, e := range post {
			if m.hits[e] == 0 {
				touched = append(touched, e)
			}
			m.hits[e]++
		}
	}
	const candidates = 16
	best := make([]int32, 0, candidates+1)
	for _, e := range touched {
		i := len(best)
		for i > 0 && (m.hits[best[i-1]] < m.hits[e] || m.hits[best[i-1]] == m.hits[e] && best[i-1] > e) {
			i--
		}
		if i < candidates {
			best = slices.Insert(best, i, e)
			if len(best) > candidates {
				best = best[:candidates]
			}
		}
	}
	for _, e := range touched {
		m.hits[e] = 0
	}
	var out []Suggestion
	for _, i := range best {
		e := &m.entries[i]
		if e.id == skip || e.target == "" {
			continue
		}
		k := common(q, e.bag)
		s := Suggestion{ID: e.id, Source: e.source, Target: e.target, Obsolete: e.obsolete}
		nq, nc := len(q), len(e.bag)
		switch d := 2 * float64(k) / float64(nq+nc); {
		case d >= SuggestThreshold:
			s.Relation, s.Score = Similar, percent(d)
		case nq >= 4 && nq*5 >= nc && nq <= nc && float64(k) >= 0.9*float64(nq):
			s.Relation, s.Score = PartOf, percent(float64(k)/float64(nq))
		case nc >= 4 && nc*5 >= nq && nc <= nq && float64(k) >= 0.9*float64(nc):
			s.Relation, s.Score = Contains, percent(float64(k)/float64(nc))
		default:
			continue
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Suggestion) int {
		return cmp.Or(-cmp.Compare(a.Score, b.Score), cmp.Compare(a.ID, b.ID))
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func percent(f float64) int { return int(f*100 + 0.5) }
