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

// tidy moves white space out of edits where it is shared, so that
// "[-red -]{+blue +}" reads "[-red-]{+blue+} ".
func (d Diff) tidy() Diff {
	out := make(Diff, 0, len(d))
	for i := 0; i < len(d); i++ {
		c := d[i]
		if c.Op == Delete && i+1 < len(d) && d[i+1].Op == Insert {
			del, ins := c.Text, d[i+1].Text
			n := commonSuffixSpace(del, ins)
			if n > 0 && n < len(del) && n < len(ins) {
				out = append(out, Chunk{Delete, del[:len(del)-n]}, Chunk{Insert, ins[:len(ins)-n]}, Chunk{Equal, del[len(del)-n:]})
				i++
				continue
			}
		}
		out = append(out, c)
	}
	// Merge neighbouring equal chunks created above.
	merged := out[:0]
	for _, c := range out {
		if n := len(merged); n > 0 && merged[n-1].Op == c.Op {
			merged[n-1].Text += c.Text
			continue
		}
		merged = append(merged, c)
	}
	return merged
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
