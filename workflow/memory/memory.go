package memory

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"time"
)

// SuggestThreshold is the least similarity for offering a translation of
// another unit as a suggestion.
const SuggestThreshold = 0.75

// Relation says how a suggestion's source relates to the text it is
// offered for.
type Relation string

// The relations a suggestion can have.
const (
	// Similar: most words in common (all of them, for a 100 % match).
	Similar Relation = "similar"
	// PartOf: the text is a part of the suggestion's source, as after a split.
	PartOf Relation = "part of"
	// Contains: the suggestion's source is a part of the text, as after a merge.
	Contains Relation = "contains"
)

// Entry is a translation the memory holds.
type Entry struct {
	// Doc and ID name the unit the translation belongs to, when it comes
	// from the project (or a memory bitext exported).
	Doc, ID string
	// Kind is the unit's kind, when known.
	Kind string
	// Source is the source text the translation was made from, and Target
	// the translation.
	Source, Target string
	// Obsolete is set for a translation of a unit removed from its
	// document, kept in the history.
	Obsolete bool
	// Origin names an outside memory the entry was imported from
	// ("vendor.tmx"); empty for the project's own translations.
	Origin string
	// Created and Changed are the dates an outside memory gave.
	Created, Changed time.Time
}

// Suggestion is a translation offered for a text that needs one. It is
// shown to the translator, never filled in (but see Exact).
type Suggestion struct {
	Entry
	// Score is the similarity in percent: 100 for the same text, at most
	// 99 for any other.
	Score    int
	Relation Relation
}

// Memory is a translation memory for one pair of languages: the project's
// translations across all its documents, those kept in the history, and
// outside memories. Lookups go through two indexes, so that their cost
// does not grow with the memory: the exact text, and a bottom-k sketch of
// each source's words for similar ones. It is safe for concurrent
// lookups once filled.
type Memory struct {
	entries []entry
	once    sync.Once
	exact   map[string][]int32 // source text → entries
	index   map[uint64][]int32 // sketch hash → entries
	scratch sync.Pool          // []uint16 hit counts, one per entry
}

type entry struct {
	Entry
	bag bag
}

// Add puts a translation into the memory. Call it before the first
// lookup.
func (m *Memory) Add(e Entry) {
	if e.Target == "" {
		return
	}
	m.entries = append(m.entries, entry{Entry: e})
}

// Len returns the number of entries.
func (m *Memory) Len() int { return len(m.entries) }

// Entries returns the entries in the order they were added.
func (m *Memory) Entries() []Entry {
	out := make([]Entry, len(m.entries))
	for i := range m.entries {
		out[i] = m.entries[i].Entry
	}
	return out
}

// build indexes the entries: the words of every source (on every core:
// for a large memory it is most of the work), then each entry under its
// exact text and under each hash of its sketch, a fixed handful per entry
// whatever its length. The bags live in one arena per worker and the
// postings in one array, so that a memory of hundreds of thousands of
// entries costs a few allocations, not millions.
func (m *Memory) build() {
	n := len(m.entries)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/2048))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			lo, hi := w*n/workers, (w+1)*n/workers
			size := 0
			for i := lo; i < hi; i++ {
				size += len(m.entries[i].Source)/5 + 1
			}
			arena := make(bag, 0, size)
			for i := lo; i < hi; i++ {
				start := len(arena)
				arena = appendWords(arena, m.entries[i].Source)
				b := arena[start:len(arena):len(arena)]
				slices.Sort(b)
				m.entries[i].bag = b
			}
		})
	}
	wg.Wait()
	m.exact = make(map[string][]int32, n)
	for i := range m.entries {
		e := &m.entries[i]
		m.exact[e.Source] = append(m.exact[e.Source], int32(i))
	}
	// Postings in compressed rows: count, then place.
	slot := make(map[uint64]int32, n)
	var counts []int32
	for i := range m.entries {
		for _, h := range sketch(m.entries[i].bag) {
			k, ok := slot[h]
			if !ok {
				k = int32(len(counts))
				slot[h] = k
				counts = append(counts, 0)
			}
			counts[k]++
		}
	}
	starts := make([]int32, len(counts)+1)
	for k, c := range counts {
		starts[k+1] = starts[k] + c
	}
	postings := make([]int32, starts[len(counts)])
	fill := slices.Clone(starts[:len(counts)])
	for i := range m.entries {
		for _, h := range sketch(m.entries[i].bag) {
			k := slot[h]
			postings[fill[k]] = int32(i)
			fill[k]++
		}
	}
	m.index = make(map[uint64][]int32, len(slot))
	for h, k := range slot {
		m.index[h] = postings[starts[k]:starts[k+1]:starts[k+1]]
	}
	m.scratch.New = func() any { h := make([]uint16, n); return &h }
}

// Exact returns the entries whose source is text, in the order they were
// added.
func (m *Memory) Exact(text string) []Entry {
	m.once.Do(m.build)
	var out []Entry
	for _, i := range m.exact[text] {
		out = append(out, m.entries[i].Entry)
	}
	return out
}

// skipped reports whether an entry is the unit a lookup is for.
func skipped(e *entry, doc, id string) bool {
	return id != "" && e.ID == id && e.Doc == doc && e.Origin == ""
}

// Suggest returns up to limit translations whose source text is close to
// text, best first: the same text (100 %), similar texts (SuggestThreshold
// or more, scored on words), and texts that hold it or that it holds, as
// when a paragraph is split or two are merged. The translation of the
// unit itself (doc and id) is left out, and a translation already offered
// is not offered again.
func (m *Memory) Suggest(text, doc, id string, limit int) []Suggestion {
	if len(m.entries) == 0 || limit <= 0 {
		return nil
	}
	m.once.Do(m.build)
	q := wordBag(text)
	if len(q) == 0 {
		return nil
	}
	var out []Suggestion
	for _, i := range m.exact[text] {
		if e := &m.entries[i]; !skipped(e, doc, id) {
			out = append(out, Suggestion{Entry: e.Entry, Score: 100, Relation: Similar})
		}
	}
	// Words in more than a few entries say little about which is close:
	// they are left out, and the entries sharing the most of the rest are
	// measured exactly.
	frequent := min(max(64, len(m.entries)/100), 256)
	hp := m.scratch.Get().(*[]uint16)
	defer m.scratch.Put(hp)
	hits := *hp
	var touched []int32
	for _, h := range sketch(q) {
		post := m.index[h]
		if len(post) > frequent {
			continue
		}
		for _, e := range post {
			if hits[e] == 0 {
				touched = append(touched, e)
			}
			hits[e]++
		}
	}
	// The candidates: the entries sharing the most sketch hashes, found
	// by bucketing them by that count (at most sketchSize), best first.
	const candidates = 16
	var byHits [sketchSize + 1][]int32
	for _, e := range touched {
		if h := min(int(hits[e]), sketchSize); len(byHits[h]) < candidates {
			byHits[h] = append(byHits[h], e)
		}
	}
	for _, e := range touched {
		hits[e] = 0
	}
	best := make([]int32, 0, candidates)
	for h := sketchSize; h > 0 && len(best) < candidates; h-- {
		b := byHits[h]
		slices.Sort(b) // ties in the order entries were added
		best = append(best, b[:min(len(b), candidates-len(best))]...)
	}
	for _, i := range best {
		e := &m.entries[i]
		if skipped(e, doc, id) || e.Source == text {
			continue
		}
		k := common(q, e.bag)
		s := Suggestion{Entry: e.Entry}
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
		if s.Relation == Similar {
			s.Score = min(s.Score, 99) // 100 % is the same text
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		return cmp.Or(-cmp.Compare(a.Score, b.Score),
			cmp.Compare(boolInt(a.Doc != doc), boolInt(b.Doc != doc)),
			cmp.Compare(boolInt(a.Origin != ""), boolInt(b.Origin != "")),
			cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Origin, b.Origin), cmp.Compare(a.Target, b.Target))
	})
	// One suggestion per translation: the same Spanish from three
	// articles is one choice.
	seen := map[string]bool{}
	kept := out[:0]
	for _, s := range out {
		if seen[s.Target] {
			continue
		}
		seen[s.Target] = true
		kept = append(kept, s)
	}
	if len(kept) > limit {
		kept = kept[:limit]
	}
	return kept
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func percent(f float64) int { return int(f*100 + 0.5) }
