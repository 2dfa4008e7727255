package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkSpacing reports white space at the start or end of the translation
// that the English does not have (or the reverse), and runs of two or more
// spaces inside it. Line breaks, as a multi-line string makes, are not
// double spaces; code spans are left alone.
func checkSpacing(e *entry) string {
	var msgs []string
	sLead, sTrail := edgeSpace(e.src.s)
	dLead, dTrail := edgeSpace(e.dst.s)
	if dLead != sLead {
		msgs = append(msgs, spaceMsg("starts", dLead))
	}
	if dTrail != sTrail {
		msgs = append(msgs, spaceMsg("ends", dTrail))
	}
	if mayHaveDoubleSpace(e.dst.s) {
		if n, at := doubleSpaces(&e.dst); n > doubleCount(&e.src) {
			msgs = append(msgs, fmt.Sprintf("double space after “%s”: use one", wordEndingAt(e.dst.s, at)))
		}
	}
	return strings.Join(msgs, "; ")
}

// mayHaveDoubleSpace reports, with fast byte searches, whether s can hold
// a run of two white space characters other than a line break.
func mayHaveDoubleSpace(s string) bool {
	return strings.Contains(s, "  ") || strings.IndexByte(s, '\t') >= 0 || strings.IndexByte(s, '\r') >= 0 ||
		strings.Contains(s, "\u00a0") || strings.Contains(s, "\u202f") || strings.Contains(s, "\u2009")
}

func spaceMsg(where string, has bool) string {
	if has {
		return fmt.Sprintf("the translation %s with white space and the English does not: remove it", where)
	}
	return fmt.Sprintf("the English %s with white space and the translation does not", where)
}

func edgeSpace(s string) (lead, trail bool) {
	if s == "" {
		return false, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r), unicode.IsSpace(l)
}

// doubleSpaces counts runs of two or more white space characters without
// a line break in the prose and code-free text of in, and returns where
// the first starts.
func doubleSpaces(in *unitText) (n, first int) {
	first = -1
	in.prose(func(off int, text string) {
		run, start, hasBreak := 0, 0, false
		flush := func() {
			if run >= 2 && !hasBreak {
				if n == 0 {
					first = off + start
				}
				n++
			}
			run, hasBreak = 0, false
		}
		for i, r := range text {
			if r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\n' || r == '\r' {
				if run == 0 {
					start = i
				}
				run++
				hasBreak = hasBreak || r == '\n'
				continue
			}
			flush()
		}
		flush()
	})
	return n, first
}

func doubleCount(in *unitText) int {
	n, _ := doubleSpaces(in)
	return n
}

// wordEndingAt returns the word before byte i of s.
func wordEndingAt(s string, i int) string {
	if i < 0 {
		return ""
	}
	k := i
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:k])
		if unicode.IsSpace(r) || i-k > 40 {
			break
		}
		k -= size
	}
	return s[k:i]
}
