package reconcile

import (
	"cmp"
	"slices"

	"github.com/hopeborder/bitext/workflow/segment"
)

// Origin says how a unit of the new source relates to what came before.
type Origin int

// The ways a unit can have come about.
const (
	// New is a unit bitext has not seen before.
	New Origin = iota
	// Same is a unit whose text did not change.
	Same
	// Moved is a unit whose text did not change but whose place did.
	Moved
	// Edited is a unit whose text changed.
	Edited
	// Restored is a unit removed earlier that came back.
	Restored
)

func (o Origin) String() string {
	return [...]string{"new", "same", "moved", "edited", "restored"}[o]
}

// Thresholds for calling two texts the same unit. Between neighbours that did
// not move, half the words in common is enough; a unit that also moved must
// keep more of itself.
const (
	editThreshold = 0.5
	moveThreshold = 0.6
)

// singleton kinds occur once per article: an edited title is the title.
var singleton = map[segment.Kind]bool{
	segment.Title: true, segment.Date: true, segment.Epigraph: true, segment.Attribution: true,
}

type item struct {
	kind segment.Kind
	text string
	bag  bag
}

func (it *item) words() bag {
	if it.bag == nil {
		it.bag = wordBag(it.text)
	}
	return it.bag
}

// itemKey identifies an item's content: same kind, same text.
type itemKey struct {
	kind segment.Kind
	text string
}

func (it *item) key() itemKey { return itemKey{it.kind, it.text} }

// pair links a new item to a prior one: an index into old, or into obs
// offset by len(old).
type pair struct {
	prior  int
	origin Origin
	score  float64
}

type matcher struct {
	old, obs, next []item
	res            []pair
	usedOld        []bool
	usedObs        []bool
}

// match pairs each item of next with at most one item of old (the previous
// source) or obs (units removed earlier). It works the way a careful diff
// does. Texts found exactly once on each side anchor the alignment; the
// longest run of anchors in the same order is the unmoved skeleton, and
// anchors off it have moved. Between skeleton anchors, the remaining units
// are paired by exact text, then by word similarity: those are edits. What
// is left is looked for across the whole document (moved units, repeated
// texts), then among removed units (a paragraph that came back). Cost is
// linear in the number of units apart from the sort, and the fuzzy work
// stays with the few units that changed.
func match(old, obs, next []item) []pair {
	m := &matcher{old: old, obs: obs, next: next,
		res:     make([]pair, len(next)),
		usedOld: make([]bool, len(old)),
		usedObs: make([]bool, len(obs)),
	}
	for i := range m.res {
		m.res[i].prior = -1
	}
	anchors := m.anchor()
	prevN, prevO := -1, -1
	for _, a := range append(anchors, [2]int{len(next), len(old)}) {
		m.gap(prevN+1, a[0], prevO+1, a[1])
		prevN, prevO = a[0], a[1]
	}
	m.exactAnywhere()
	m.singletons()
	m.similarAnywhere()
	return m.res
}

func (m *matcher) link(n, o int, origin Origin, score float64) {
	m.res[n] = pair{prior: o, origin: origin, score: score}
	if o < len(m.old) {
		m.usedOld[o] = true
	} else {
		m.usedObs[o-len(m.old)] = true
	}
}

// anchor links texts that occur exactly once on each side and returns the
// longest in-order run of them, as (new, old) index pairs.
func (m *matcher) anchor() [][2]int {
	type count struct{ old, new, oldAt int }
	counts := make(map[itemKey]*count, len(m.old))
	for i := range m.old {
		k := m.old[i].key()
		c := counts[k]
		if c == nil {
			c = &count{}
			counts[k] = c
		}
		c.old++
		c.oldAt = i
	}
	for i := range m.next {
		if c := counts[m.next[i].key()]; c != nil {
			c.new++
		}
	}
	var cands [][2]int
	for n := range m.next {
		if c := counts[m.next[n].key()]; c != nil && c.old == 1 && c.new == 1 {
			cands = append(cands, [2]int{n, c.oldAt})
		}
	}
	inOrder := longestIncreasing(cands)
	var anchors [][2]int
	for i, c := range cands {
		if inOrder[i] {
			m.link(c[0], c[1], Same, 1)
			anchors = append(anchors, c)
		} else {
			m.link(c[0], c[1], Moved, 1)
		}
	}
	return anchors
}

// longestIncreasing marks a longest subsequence of cands whose old indexes
// increase (patience sorting, O(n log n)).
func longestIncreasing(cands [][2]int) []bool {
	tails := []int{} // index into cands of the smallest tail of each length
	prev := make([]int, len(cands))
	for i, c := range cands {
		j, _ := slices.BinarySearchFunc(tails, c[1], func(t int, o int) int { return cmp.Compare(cands[t][1], o) })
		if j > 0 {
			prev[i] = tails[j-1]
		} else {
			prev[i] = -1
		}
		if j == len(tails) {
			tails = append(tails, i)
		} else {
			tails[j] = i
		}
	}
	keep := make([]bool, len(cands))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}

// gap pairs the unmatched units between two skeleton anchors: new units
// [nLo, nHi) with old units [oLo, oHi).
func (m *matcher) gap(nLo, nHi, oLo, oHi int) {
	var news, olds []int
	for n := nLo; n < nHi; n++ {
		if m.res[n].prior < 0 {
			news = append(news, n)
		}
	}
	if len(news) == 0 {
		return
	}
	for o := oLo; o < oHi; o++ {
		if !m.usedOld[o] {
			olds = append(olds, o)
		}
	}
	if len(olds) == 0 {
		return
	}
	// Repeated texts, in order.
	queue := map[itemKey][]int{}
	for _, o := range olds {
		k := m.old[o].key()
		queue[k] = append(queue[k], o)
	}
	rest := news[:0:0]
	for _, n := range news {
		k := m.next[n].key()
		if q := queue[k]; len(q) > 0 {
			m.link(n, q[0], Same, 1)
			queue[k] = q[1:]
			continue
		}
		rest = append(rest, n)
	}
	olds = slices.DeleteFunc(olds, func(o int) bool { return m.usedOld[o] })
	if len(rest) == 0 || len(olds) == 0 {
		return
	}
	// Edits: the most similar pairs first. In a large gap, compare only
	// units near the same relative place.
	type cand struct {
		n, o  int
		score float64
		dist  float64
	}
	var cands []cand
	band := len(rest)*len(olds) > 2500
	for i, n := range rest {
		for j, o := range olds {
			if m.next[n].kind != m.old[o].kind {
				continue
			}
			dist := float64(i)/float64(len(rest)) - float64(j)/float64(len(olds))
			if dist < 0 {
				dist = -dist
			}
			if band && dist*float64(max(len(rest), len(olds))) > 25 {
				continue
			}
			s := dice(m.next[n].words(), m.old[o].words())
			if s >= editThreshold {
				cands = append(cands, cand{n, o, s, dist})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(-cmp.Compare(a.score, b.score), cmp.Compare(a.dist, b.dist), cmp.Compare(a.n, b.n), cmp.Compare(a.o, b.o))
	})
	for _, c := range cands {
		if m.res[c.n].prior < 0 && !m.usedOld[c.o] {
			m.link(c.n, c.o, Edited, c.score)
		}
	}
}

// exactAnywhere pairs remaining units whose text is found elsewhere in the
// old source (moved), or among removed units (restored).
func (m *matcher) exactAnywhere() {
	queue := map[itemKey][]int{}
	for o := range m.old {
		if !m.usedOld[o] {
			k := m.old[o].key()
			queue[k] = append(queue[k], o)
		}
	}
	for o := range m.obs {
		k := m.obs[o].key()
		queue[k] = append(queue[k], len(m.old)+o)
	}
	for n := range m.next {
		if m.res[n].prior >= 0 {
			continue
		}
		k := m.next[n].key()
		q := queue[k]
		for len(q) > 0 && m.taken(q[0]) {
			q = q[1:]
		}
		if len(q) == 0 {
			continue
		}
		origin := Moved
		if q[0] >= len(m.old) {
			origin = Restored
		}
		m.link(n, q[0], origin, 1)
		queue[k] = q[1:]
	}
}

func (m *matcher) taken(o int) bool {
	if o < len(m.old) {
		return m.usedOld[o]
	}
	return m.usedObs[o-len(m.old)]
}

// singletons pairs the one remaining title (date, epigraph…) with the one
// remaining old title, however much it changed.
func (m *matcher) singletons() {
	for kind := range singleton {
		n, o := -1, -1
		nn, on := 0, 0
		for i := range m.next {
			if m.res[i].prior < 0 && m.next[i].kind == kind {
				n, nn = i, nn+1
			}
		}
		for i := range m.old {
			if !m.usedOld[i] && m.old[i].kind == kind {
				o, on = i, on+1
			}
		}
		if nn == 1 && on == 1 {
			m.link(n, o, Edited, dice(m.next[n].words(), m.old[o].words()))
		}
	}
}

// similarAnywhere pairs remaining units with remaining old or removed units
// anywhere, by word similarity, through an index of the candidates' rarer
// words so that the cost stays with the few units left.
func (m *matcher) similarAnywhere() {
	var pool []int // prior indexes still free
	for o := range m.old {
		if !m.usedOld[o] {
			pool = append(pool, o)
		}
	}
	for o := range m.obs {
		if !m.usedObs[o] {
			pool = append(pool, len(m.old)+o)
		}
	}
	var news []int
	for n := range m.next {
		if m.res[n].prior < 0 {
			news = append(news, n)
		}
	}
	if len(pool) == 0 || len(news) == 0 {
		return
	}
	prior := func(o int) *item {
		if o < len(m.old) {
			return &m.old[o]
		}
		return &m.obs[o-len(m.old)]
	}
	index := map[uint64][]int{}
	for _, o := range pool {
		w := prior(o).words()
		for i, h := range w {
			if i > 0 && w[i-1] == h {
				continue
			}
			index[h] = append(index[h], o)
		}
	}
	type cand struct {
		n, o  int
		score float64
	}
	var cands []cand
	hits := map[int]int{}
	for _, n := range news {
		w := m.next[n].words()
		clear(hits)
		for i, h := range w {
			if i > 0 && w[i-1] == h {
				continue
			}
			if post := index[h]; len(post) <= 64 {
				for _, o := range post {
					hits[o]++
				}
			}
		}
		// The few candidates sharing the most rare words get the exact measure.
		top := make([][2]int, 0, len(hits))
		for o, h := range hits {
			if prior(o).kind == m.next[n].kind {
				top = append(top, [2]int{h, o})
			}
		}
		slices.SortFunc(top, func(a, b [2]int) int { return cmp.Or(-cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
		for _, t := range top[:min(len(top), 8)] {
			if s := dice(w, prior(t[1]).words()); s >= moveThreshold {
				cands = append(cands, cand{n, t[1], s})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(-cmp.Compare(a.score, b.score), cmp.Compare(a.n, b.n), cmp.Compare(a.o, b.o))
	})
	for _, c := range cands {
		if m.res[c.n].prior >= 0 || m.taken(c.o) {
			continue
		}
		origin := Edited
		if c.o >= len(m.old) {
			origin = Restored
		}
		m.link(c.n, c.o, origin, c.score)
	}
}
