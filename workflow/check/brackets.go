package check

import (
	"fmt"
	"unicode/utf8"
)

// Classes of paired marks. An English "…" may rightly become «…» or “…”,
// so all quotes are one class.
const (
	parens = 1 << iota
	squares
	braces
	quotes
)

// pairOf returns, for an opening mark, its closer and class.
func pairOf(r rune) (closer rune, class int) {
	switch r {
	case '(':
		return ')', parens
	case '[':
		return ']', squares
	case '{':
		return '}', braces
	case '«':
		return '»', quotes
	case '“':
		return '”', quotes
	case '‘':
		return '’', quotes
	case '‹':
		return '›', quotes
	case '„':
		return '“', quotes
	}
	return 0, 0
}

func closerClass(r rune) int {
	switch r {
	case ')':
		return parens
	case ']':
		return squares
	case '}':
		return braces
	case '»', '”', '›':
		return quotes
	}
	return 0
}

// asciiMarks are the ASCII characters balance looks at.
var asciiMarks = [utf8.RuneSelf]bool{'(': true, ')': true, '[': true, ']': true, '{': true, '}': true, '"': true}

// balance is the scratch state of one balance scan.
type balance struct {
	stack []opened
}

// scan walks the prose of in and returns the first problem with the
// classes of marks in classes, with the classes that had one. A straight "
// opens or closes as the stack says; ’ closes only a ‘, being an
// apostrophe too.
func (b *balance) scan(in *unitText, classes int) (problem string, bad int) {
	st := b.stack[:0]
	// The first problem is kept, to be written once the scan is done: a
	// text of a million unpaired marks has a million problems.
	var first struct {
		what    string // "closes nothing", "closes", "is never closed"
		r, top  rune
		at      int
		present bool
	}
	fail := func(class int, what string, r, top rune, at int) {
		if !first.present {
			first.what, first.r, first.top, first.at, first.present = what, r, top, at, true
		}
		bad |= class
	}
	in.prose(func(off int, text string) {
		for i := 0; i < len(text); i++ {
			// Only ASCII brackets and quotes, and the marks that start
			// with 0xC2 («») or 0xE2 (“”‘’‹›„), need looking at.
			c, at := text[i], off+i
			var r rune
			switch {
			case c < utf8.RuneSelf:
				if !asciiMarks[c] {
					continue
				}
				r = rune(c)
			case c == 0xC2 || c == 0xE2:
				var size int
				r, size = utf8.DecodeRuneInString(text[i:])
				i += size - 1
			default:
				continue
			}
			if r == '"' {
				if classes&quotes == 0 {
					continue
				}
				if n := len(st); n > 0 && st[n-1].r == '"' {
					st = st[:n-1]
				} else {
					st = append(st, opened{'"', at})
				}
				continue
			}
			if _, class := pairOf(r); class != 0 {
				if classes&class != 0 && !(r == '“' && len(st) > 0 && st[len(st)-1].r == '„') {
					st = append(st, opened{r, at})
					continue
				}
			}
			class := closerClass(r)
			if r == '’' || r == '“' {
				// ’ is an apostrophe unless it closes a ‘; “ closes „.
				if n := len(st); n > 0 && (r == '’' && st[n-1].r == '‘' || r == '“' && st[n-1].r == '„') {
					st = st[:n-1]
				}
				continue
			}
			if class == 0 || classes&class == 0 {
				continue
			}
			n := len(st)
			if n == 0 {
				fail(class, "closes nothing", r, 0, at)
				continue
			}
			top := st[n-1]
			want, topClass := pairOf(top.r)
			if top.r == '"' {
				want, topClass = '"', quotes
			}
			if want == r {
				st = st[:n-1]
				continue
			}
			fail(class|topClass, "closes", r, top.r, at)
			st = st[:n-1]
		}
	})
	for _, o := range st {
		class := quotes
		if o.r != '"' {
			_, class = pairOf(o.r)
		}
		fail(class, "is never closed", o.r, 0, o.at)
	}
	b.stack = st
	switch {
	case !first.present:
	case first.top != 0:
		problem = fmt.Sprintf("%c in “%s” closes the %c opened before it", first.r, excerpt(in.s, first.at), first.top)
	default:
		problem = fmt.Sprintf("%c in “%s” %s", first.r, excerpt(in.s, first.at), first.what)
	}
	return problem, bad
}

// checkBrackets reports quotes and brackets that do not pair up in the
// translation: each opened and closed, nested properly. Classes the
// English itself leaves unbalanced (a quotation running on into the next
// paragraph, "a) … b) …") are not checked.
func checkBrackets(e *entry) string {
	all := parens | squares | braces | quotes
	problem, bad := e.r.bal.scan(&e.dst, all)
	if problem == "" {
		return ""
	}
	if _, srcBad := e.r.bal.scan(&e.src, bad); srcBad != 0 {
		if problem, _ = e.r.bal.scan(&e.dst, all&^srcBad); problem == "" {
			return ""
		}
	}
	return problem + ": pair every quote and bracket"
}
