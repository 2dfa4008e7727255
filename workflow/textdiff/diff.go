package textdiff

import (
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
// only the word.
func Words(a, b string) Diff {
	ta, tb := Tokens(a), Tokens(b)
	ops := diffTokens(ta, tb)
	var d Diff
	ia, ib := 0, 0
	for _, op := range ops {
		var text string
		switch op {
		case Equal:
			text = ta[ia]
			ia++
			ib++
		case Delete:
			text = ta[ia]
			ia++
		case Insert:
			text = tb[ib]
			ib++
		}
		if n := len(d); n > 0 && d[n-1].Op == op {
			d[n-1].Text += text
		} else {
			d = append(d, Chunk{op, text})
		}
	}
	return d.tidy()
}

// tidy makes a diff read the way a person would mark it up: edits
// separated only by white space become one edit ("as to" → "on" is
// [-as to-]{+on+}, not [-as-]{+on+} [-to -]), and white space shared by a
// deletion and the insertion that replaces it moves out of both.
func (d Diff) tidy() Diff {
	type group struct {
		equal    string
		del, ins string
		edit     bool
	}
	var gs []group
	for _, c := range d {
		switch {
		case c.Op == Equal:
			gs = append(gs, group{equal: c.Text})
		case len(gs) > 0 && gs[len(gs)-1].edit:
			g := &gs[len(gs)-1]
			if c.Op == Delete {
				g.del += c.Text
			} else {
				g.ins += c.Text
			}
		default:
			g := group{edit: true}
			if c.Op == Delete {
				g.del = c.Text
			} else {
				g.ins = c.Text
			}
			gs = append(gs, g)
		}
	}
	// Fold white space between two edits into them.
	for i := 1; i+1 < len(gs); i++ {
		if gs[i].edit || !gs[i-1].edit || !gs[i+1].edit || strings.TrimSpace(gs[i].equal) != "" {
			continue
		}
		ws := gs[i].equal
		a, b := gs[i-1], gs[i+1]
		if a.del+b.del == "" || a.ins+b.ins == "" {
			// Only deletions (or only insertions) around the space: it is
			// no part of a replacement.
			continue
		}
		merged := group{edit: true, del: a.del + ws + b.del, ins: a.ins + ws + b.ins}
		gs = append(gs[:i-1], append([]group{merged}, gs[i+2:]...)...)
		i -= 2
		if i < 0 {
			i = 0
		}
	}
	var out Diff
	add := func(op Op, text string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text
			return
		}
		out = append(out, Chunk{op, text})
	}
	for _, g := range gs {
		if !g.edit {
			add(Equal, g.equal)
			continue
		}
		n := 0
		if g.del != "" && g.ins != "" {
			n = commonSuffixSpace(g.del, g.ins)
			if n >= len(g.del) || n >= len(g.ins) {
				n = 0
			}
		}
		add(Delete, g.del[:len(g.del)-n])
		add(Insert, g.ins[:len(g.ins)-n])
		add(Equal, g.del[len(g.del)-n:])
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
// War{+[^27]+}, which has …".
func (d Diff) Compact(context int) string {
	var b strings.Builder
	for i, c := range d {
		if c.Op != Equal {
			b.WriteString(Diff{c}.Format())
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

// diffTokens returns the edit script from a to b: a shortest sequence of
// Equal, Delete and Insert, by Myers' O(ND) algorithm after trimming the
// common prefix and suffix.
func diffTokens(a, b []string) []Op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ops := make([]Op, 0, len(a)+len(b))
	for i := 0; i < pre; i++ {
		ops = append(ops, Equal)
	}
	ops = append(ops, myers(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for i := 0; i < suf; i++ {
		ops = append(ops, Equal)
	}
	return ops
}

func myers(a, b []string) []Op {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		ops := make([]Op, 0, n+m)
		for i := 0; i < n; i++ {
			ops = append(ops, Delete)
		}
		for i := 0; i < m; i++ {
			ops = append(ops, Insert)
		}
		return ops
	}
	max := n + m
	offset := max
	v := make([]int, 2*max+2)
	var trace [][]int
	for d := 0; d <= max; d++ {
		snapshot := make([]int, 2*d+3)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = x
			if x >= n && y >= m {
				for kk := -d; kk <= d; kk++ {
					snapshot[kk+d+1] = v[offset+kk]
				}
				trace = append(trace, snapshot)
				return backtrack(trace, n, m)
			}
		}
		for kk := -d; kk <= d; kk++ {
			snapshot[kk+d+1] = v[offset+kk]
		}
		trace = append(trace, snapshot)
	}
	return nil
}

// backtrack walks the saved frontiers back from (n, m) to (0, 0).
func backtrack(trace [][]int, n, m int) []Op {
	var rev []Op
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		prev := trace[d-1]
		at := func(k int) int { return prev[k+(d-1)+1] }
		k := x - y
		var pk int
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			rev = append(rev, Equal)
			x--
			y--
		}
		if x == px {
			rev = append(rev, Insert)
		} else {
			rev = append(rev, Delete)
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		rev = append(rev, Equal)
		x--
		y--
	}
	ops := make([]Op, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops
}
