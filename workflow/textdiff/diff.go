package textdiff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Op says what happened to a run of tokens.
type Op int

// The kinds of edit.
const (
	Equal Op = iota
	Delete
	Insert
)

// Chunk is a run of text with one fate.
type Chunk struct {
	Op   Op
	Text string
}

// Diff is a sequence of chunks that turns the old text into the new.
type Diff []Chunk

// Words returns the word-level difference from a to b. Words, white space
// runs and punctuation marks are the tokens, so "house." to "home." marks
// only the word. The diff is a shortest one as long as finding it costs no
// more than maxWork steps; past that (a long paragraph rewritten from end
// to end) the part left to compare is shown as one replacement, which
// reads better than a word salad anyway.
func Words(a, b string) Diff {
	ta, tb := Tokens(a), Tokens(b)
	ops, _ := diffTokens(ta, tb, maxWork)
	return tidy(a, b, ta, tb, ops)
}

// maxWork bounds the steps (diagonals tried and tokens compared) of one
// diff: the search costs O((N+M)·D) for N and M tokens and D edits, and a
// whole rewrite of a 6,000-word paragraph would otherwise take hundreds of
// millions of them. It is well above what edits of a real paragraph need.
const maxWork = 1 << 24

// group is a stretch of the diff: unchanged text a[a0:a1], which is
// b[b0:b1], or, for an edit, a[a0:a1] replaced by b[b0:b1]. Groups point
// into a and b rather than copy them, so that building a diff of a long
// text copies nothing.
type group struct {
	edit           bool
	a0, a1, b0, b1 int
}

// tidy turns the edit script ops from tokens ta of a to tokens tb of b into a
// diff that reads the way a person would mark it up: edits separated only
// by white space become one edit ("as to" → "on" is [-as to-]{+on+}, not
// [-as-]{+on+} [-to -]), and white space shared by a deletion and the
// insertion that replaces it moves out of both. It takes one pass: every
// merge is with the groups just before, as on a stack.
func tidy(a, b string, ta, tb []string, ops []Op) Diff {
	var gs []group
	pa, pb, ia, ib := 0, 0, 0, 0
	for _, op := range ops {
		edit := op != Equal
		if n := len(gs); n == 0 || gs[n-1].edit != edit {
			gs = append(gs, group{edit: edit, a0: pa, a1: pa, b0: pb, b1: pb})
		}
		g := &gs[len(gs)-1]
		if op != Insert {
			pa += len(ta[ia])
			ia++
		}
		if op != Delete {
			pb += len(tb[ib])
			ib++
		}
		g.a1, g.b1 = pa, pb
	}
	// Fold white space between two edits into them. A deletion next to a
	// deletion (or an insertion next to an insertion) with only white
	// space between is no replacement: it stays apart.
	out := gs[:0]
	for _, g := range gs {
		for g.edit && len(out) >= 2 {
			ws, prev := out[len(out)-1], out[len(out)-2]
			if ws.edit || strings.TrimSpace(a[ws.a0:ws.a1]) != "" {
				break
			}
			dels := prev.a1 > prev.a0 || g.a1 > g.a0
			inss := prev.b1 > prev.b0 || g.b1 > g.b0
			if !dels || !inss {
				break
			}
			g = group{edit: true, a0: prev.a0, a1: g.a1, b0: prev.b0, b1: g.b1}
			out = out[:len(out)-2]
		}
		out = append(out, g)
	}
	return chunks(a, b, out)
}

// chunks writes the groups gs of the diff from a to b as chunks that are
// substrings of a and b, trimming from each replacement the white space
// its two sides end with.
func chunks(a, b string, gs []group) Diff {
	var out Diff
	eq0, eq1 := 0, -1 // where in a the last chunk, when Equal, lies
	add := func(op Op, text string) {
		if text != "" {
			out = append(out, Chunk{op, text})
		}
	}
	equal := func(a0, a1 int) {
		if a0 == a1 {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == Equal && eq1 == a0 {
			out[n-1].Text = a[eq0:a1]
		} else {
			out = append(out, Chunk{Equal, a[a0:a1]})
			eq0 = a0
		}
		eq1 = a1
	}
	for _, g := range gs {
		if !g.edit {
			equal(g.a0, g.a1)
			continue
		}
		del, ins := a[g.a0:g.a1], b[g.b0:g.b1]
		n := 0
		if del != "" && ins != "" {
			n = commonSuffixSpace(del, ins)
			if n >= len(del) || n >= len(ins) {
				n = 0
			}
		}
		add(Delete, del[:len(del)-n])
		add(Insert, ins[:len(ins)-n])
		equal(g.a1-n, g.a1)
	}
	return out
}

func commonSuffixSpace(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] && a[len(a)-1-n] == ' ' {
		n++
	}
	return n
}

// Changed reports whether d holds any edit.
func (d Diff) Changed() bool {
	for _, c := range d {
		if c.Op != Equal {
			return true
		}
	}
	return false
}

// Format writes d in the wdiff convention: [-deleted-] and {+inserted+}.
func (d Diff) Format() string {
	var b strings.Builder
	for _, c := range d {
		switch c.Op {
		case Equal:
			b.WriteString(c.Text)
		case Delete:
			b.WriteString("[-")
			b.WriteString(c.Text)
			b.WriteString("-]")
		case Insert:
			b.WriteString("{+")
			b.WriteString(c.Text)
			b.WriteString("+}")
		}
	}
	return b.String()
}

// Compact writes d as Format does, but cuts each unchanged stretch down to
// the context words next to the edits around it, marking cuts with "…": a
// one-word change in a long paragraph reads "… to the Cold
// War{+[^27]+}, which has …". An edit of more than 6·context words (a
// paragraph rewritten) keeps its first and last 2·context words.
func (d Diff) Compact(context int) string {
	var b strings.Builder
	for i, c := range d {
		if c.Op != Equal {
			b.WriteString(Diff{{c.Op, Abridge(c.Text, 2*context)}}.Format())
			continue
		}
		toks := Tokens(c.Text)
		var words []int // indexes of word tokens
		for j, t := range toks {
			if isWordToken(t) {
				words = append(words, j)
			}
		}
		keepHead, keepTail := context, context
		if i == 0 {
			keepHead = 0 // nothing before: keep only the end
		}
		if i == len(d)-1 {
			keepTail = 0 // nothing after: keep only the start
		}
		if len(words) <= keepHead+keepTail+1 {
			b.WriteString(c.Text)
			continue
		}
		// The head runs to the end of its last word and the punctuation
		// glued to it; the tail starts at its first word and the
		// punctuation glued before it.
		head := 0
		if keepHead > 0 {
			head = words[keepHead-1] + 1
			for head < len(toks) && !isWordToken(toks[head]) && !isSpace(toks[head]) {
				head++
			}
		}
		tail := len(toks)
		if keepTail > 0 {
			tail = words[len(words)-keepTail]
			for tail > 0 && !isWordToken(toks[tail-1]) && !isSpace(toks[tail-1]) {
				tail--
			}
		}
		b.WriteString(strings.Join(toks[:head], ""))
		if keepHead > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("…")
		if keepTail > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.Join(toks[tail:], ""))
	}
	return b.String()
}

// Abridge returns text cut to its first and last keep words around an
// ellipsis when it has more than 3·keep words, so that the diff of a
// paragraph rewritten from end to end stays a line to read, not two
// paragraphs; shorter text comes back as it is.
func Abridge(text string, keep int) string {
	if keep < 1 || len(text) < 6*keep {
		// Too short to hold 3·keep words and the spaces between them.
		return text
	}
	toks := Tokens(text)
	var words []int // indexes of word tokens
	for j, t := range toks {
		if isWordToken(t) {
			words = append(words, j)
		}
	}
	if len(words) <= 3*keep {
		return text
	}
	// As in Compact, the head ends with the punctuation glued to its last
	// word and the tail starts with the punctuation glued to its first.
	head := words[keep-1] + 1
	for head < len(toks) && !isWordToken(toks[head]) && !isSpace(toks[head]) {
		head++
	}
	tail := words[len(words)-keep]
	for tail > 0 && !isWordToken(toks[tail-1]) && !isSpace(toks[tail-1]) {
		tail--
	}
	return strings.Join(toks[:head], "") + " … " + strings.Join(toks[tail:], "")
}

func isSpace(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsSpace(r)
}

func isWordToken(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return isWord(r)
}

// Tokens cuts s into words (letters, digits and inner apostrophes or
// hyphens), runs of white space, and single other characters.
func Tokens(s string) []string {
	toks := make([]string, 0, len(s)/4)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case isWord(r):
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if isWord(r2) {
					j += s2
					continue
				}
				// "don't", "center-left": joiners inside a word.
				if (r2 == '\'' || r2 == '’' || r2 == '-') && j+s2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+s2:])
					if isWord(r3) {
						j += s2
						continue
					}
				}
				break
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += s2
			}
		}
		toks = append(toks, s[i:j])
		i = j
	}
	return toks
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// diffTokens returns the edit script from a to b, a sequence of Equal,
// Delete and Insert, and the steps it took. The script is a shortest one,
// by Myers' O(ND) algorithm, unless finding it would take more than budget
// steps: then what is left to compare is deleted and inserted whole.
//
// Memory stays O(N+M). Up to maxTraceD edits, the algorithm runs forward
// and backtracks over the frontiers it kept, O(D²) of them; beyond, the
// middle of the edit path is found from both ends at once and each half
// diffed on its own (the linear-space variant, "An O(ND) Difference
// Algorithm and Its Variations", 1986, section 4b), until the halves are
// small enough for the first way. Keeping every frontier whatever D took
// gigabytes for a rewritten 6,000-word paragraph. The forward way is kept
// for the usual small edits because of how its diffs read: among the
// shortest scripts it picks the one translators have always been shown.
func diffTokens(a, b []string, budget int) ([]Op, int) {
	d := &differ{
		ops:    make([]Op, 0, len(a)+len(b)),
		budget: budget,
	}
	// Tokens are compared as numbers: the search compares the same ones
	// many times over.
	ids := make(map[string]int32, len(a)+len(b))
	intern := func(toks []string) []int32 {
		out := make([]int32, len(toks))
		for i, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = int32(len(ids))
				ids[t] = id
			}
			out[i] = id
		}
		return out
	}
	d.a, d.b = intern(a), intern(b)
	size := 2*(len(a)+len(b)) + 3 // 2·maxD+3 for the most edits there can be
	d.vf, d.vb = make([]int, size), make([]int, size)
	d.diff(0, len(a), 0, len(b), -1)
	return d.ops, d.work
}

// maxTraceD is the most edits diffTokens finds by backtracking, which keeps
// (D+1)² frontier entries: 1 MB at most.
const maxTraceD = 511

// differ holds the state of one diffTokens.
type differ struct {
	a, b   []int32
	ops    []Op
	vf, vb []int   // furthest reaching paths, forward and backward, by diagonal
	trace  []int32 // the forward frontiers, d² onwards for d edits
	work   int     // steps taken
	budget int
}

func (d *differ) emit(op Op, n int) {
	for ; n > 0; n-- {
		d.ops = append(d.ops, op)
	}
}

// diff appends the edit script from a[a0:a1] to b[b0:b1], which is known
// to take at most maxD edits, or, when maxD is negative, not known.
func (d *differ) diff(a0, a1, b0, b1, maxD int) {
	pre := 0
	for a0+pre < a1 && b0+pre < b1 && d.a[a0+pre] == d.b[b0+pre] {
		pre++
	}
	d.emit(Equal, pre)
	a0, b0 = a0+pre, b0+pre
	suf := 0
	for a1-suf > a0 && b1-suf > b0 && d.a[a1-1-suf] == d.b[b1-1-suf] {
		suf++
	}
	a1, b1 = a1-suf, b1-suf
	d.work += pre + suf + 1
	if a0 < a1 && b0 < b1 {
		// Forward when it will do: when D is small, and first of all when
		// nothing is known yet.
		limit := maxD
		if limit < 0 {
			limit = maxTraceD
		}
		if limit <= maxTraceD && d.forward(a0, a1, b0, b1, limit) {
			d.emit(Equal, suf)
			return
		}
		if x, y, e, ok := d.bisect(a0, a1, b0, b1); ok {
			d.diff(a0, x, b0, y, e)
			d.diff(x, a1, y, b1, e)
			d.emit(Equal, suf)
			return
		}
	}
	// One side is empty, or the budget ran out.
	d.emit(Delete, a1-a0)
	d.emit(Insert, b1-b0)
	d.emit(Equal, suf)
}

// forward appends the edit script from a[a0:a1] to b[b0:b1] when it takes
// at most maxD edits and the budget allows, and reports whether it did. It
// is Myers' greedy algorithm: furthest reaching paths by number of edits,
// then a backtrack over the frontiers.
func (d *differ) forward(a0, a1, b0, b1, maxD int) bool {
	n, m := a1-a0, b1-b0
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := d.vf[:2*off+1]
	v[off+1] = 0
	d.trace = d.trace[:0]
	for e := 0; e <= maxD; e++ {
		if d.work > d.budget {
			return false
		}
		for k := -e; k <= e; k += 2 {
			var x int
			if k == -e || k != e && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			start := x
			for x < n && y < m && d.a[a0+x] == d.b[b0+y] {
				x++
				y++
			}
			d.work += 1 + x - start
			v[off+k] = x
			if x >= n && y >= m {
				d.keep(v[off-e : off+e+1])
				d.backtrack(n, m, e)
				return true
			}
		}
		d.keep(v[off-e : off+e+1])
	}
	return false
}

// keep adds the frontier of one more edit to the trace.
func (d *differ) keep(frontier []int) {
	for _, x := range frontier {
		d.trace = append(d.trace, int32(x))
	}
}

// backtrack walks the trace of a forward search that reached (n, m) after
// edits edits back to (0, 0), appending the edit script it finds.
func (d *differ) backtrack(n, m, edits int) {
	start := len(d.ops)
	x, y := n, m
	// The frontier after e edits is trace[e² : (e+1)²], diagonals -e to e.
	for e := edits; e > 0; e-- {
		prev := d.trace[(e-1)*(e-1) : e*e]
		at := func(k int) int { return int(prev[k+e-1]) }
		k := x - y
		var pk int
		if k == -e || k != e && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			d.ops = append(d.ops, Equal)
			x--
			y--
		}
		if x == px {
			d.ops = append(d.ops, Insert)
		} else {
			d.ops = append(d.ops, Delete)
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		d.ops = append(d.ops, Equal)
		x--
		y--
	}
	slices.Reverse(d.ops[start:])
}

// bisect finds the middle of a shortest edit path from a[a0:a1] to
// b[b0:b1], searching from both ends at once, and returns a point (x, y)
// on it: the path goes through a[x], b[y]. Both ends must be non-empty and
// differ in their first and last tokens. ok is false when the search ran
// out of budget.
func (d *differ) bisect(a0, a1, b0, b1 int) (x, y, e int, ok bool) {
	n, m := a1-a0, b1-b0
	maxD := (n + m + 1) / 2
	off := maxD + 1
	vf, vb := d.vf[:2*off+1], d.vb[:2*off+1]
	for i := range vf {
		vf[i], vb[i] = -1, -1
	}
	vf[off+1], vb[off+1] = 0, 0
	delta := n - m
	// With an odd delta the forward search meets the backward one, with an
	// even delta the backward meets the forward.
	odd := delta&1 != 0
	// Diagonals that ran off the edges are not tried again.
	kfStart, kfEnd, kbStart, kbEnd := 0, 0, 0, 0
	for e := 0; e <= maxD; e++ {
		if d.work > d.budget {
			return 0, 0, 0, false
		}
		for k := -e + kfStart; k <= e-kfEnd; k += 2 {
			var x int
			if k == -e || k != e && vf[off+k-1] < vf[off+k+1] {
				x = vf[off+k+1]
			} else {
				x = vf[off+k-1] + 1
			}
			y := x - k
			start := x
			for x < n && y < m && d.a[a0+x] == d.b[b0+y] {
				x++
				y++
			}
			d.work += 1 + x - start
			vf[off+k] = x
			switch {
			case x > n:
				kfEnd += 2
			case y > m:
				kfStart += 2
			case odd:
				if kb := delta - k; kb >= -e+1 && kb <= e-1 && vb[off+kb] >= 0 && x >= n-vb[off+kb] {
					return a0 + x, b0 + y, e, true
				}
			}
		}
		for k := -e + kbStart; k <= e-kbEnd; k += 2 {
			var x int
			if k == -e || k != e && vb[off+k-1] < vb[off+k+1] {
				x = vb[off+k+1]
			} else {
				x = vb[off+k-1] + 1
			}
			y := x - k
			start := x
			for x < n && y < m && d.a[a1-1-x] == d.b[b1-1-y] {
				x++
				y++
			}
			d.work += 1 + x - start
			vb[off+k] = x
			switch {
			case x > n:
				kbEnd += 2
			case y > m:
				kbStart += 2
			case !odd:
				if kf := delta - k; kf >= -e && kf <= e && vf[off+kf] >= 0 && vf[off+kf] >= n-x {
					fx := vf[off+kf]
					return a0 + fx, b0 + fx - kf, e, true
				}
			}
		}
	}
	// Not reached: a path of at most n+m edits always exists.
	return 0, 0, 0, false
}
