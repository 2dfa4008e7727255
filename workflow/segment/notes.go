package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// refCandidate is a place in a unit's text that may be a glued note
// reference: the digits text[start:end] read as note n.
type refCandidate struct {
	unit       int
	start, end int
	n          int
}

// linkGluedRefs finds the note references of a plain-text article and
// rewrites them as [^n]. In such text a reference is digits glued to the
// preceding word, number or punctuation ("women.5", "security”25",
// "August 20106"), so the digits alone cannot tell a reference from a number.
// What decides is what the text offers: the notes list says there are N
// notes, and notes are numbered 1..N in reading order, so the references are
// the first glued 1, then the first glued 2 after it, and so on. noteLines
// holds the line of each note, and lineOf gives the line of a byte of a
// unit's text, for errors.
func linkGluedRefs(path string, units []Unit, noteLines []int, lineOf func(unit, off int) int) error {
	n := len(noteLines)
	if n == 0 {
		return nil
	}
	var cands []refCandidate
	for i := range units {
		switch units[i].Kind {
		case Date, Note:
			continue
		}
		cands = appendRefCandidates(cands, i, units[i].Text, n)
	}
	chosen := make([]refCandidate, 0, n)
	next := 0
	for k := 1; k <= n; k++ {
		found := false
		for ; next < len(cands); next++ {
			if cands[next].n == k {
				chosen = append(chosen, cands[next])
				next++
				found = true
				break
			}
		}
		if !found {
			where := "in the text"
			if k > 1 {
				prev := chosen[k-2]
				where = "after the reference to note [" + strconv.Itoa(k-1) + "] at line " + strconv.Itoa(lineOf(prev.unit, prev.start))
			}
			return errorf(path, noteLines[k-1],
				"note [%d] is never cited: no %d glued to a word (as in \"word%d\") %s; notes must be cited in order, each once", k, k, k, where)
		}
	}
	// Rewrite back to front so earlier offsets stay valid.
	for j := len(chosen) - 1; j >= 0; j-- {
		c := chosen[j]
		u := &units[c.unit]
		u.Text = u.Text[:c.start] + "[^" + strconv.Itoa(c.n) + "]" + u.Text[c.end:]
	}
	return nil
}

// appendRefCandidates appends the places in text that may be references to
// notes 1..max, in text order.
func appendRefCandidates(cands []refCandidate, unit int, text string, max int) []refCandidate {
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		end := i
		if !refMayEndAt(text, end) {
			continue
		}
		run := text[start:end]
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		if start > 0 && (gluedAfter(text[:start], before) || yearThenRef(text, start, end, before)) {
			// "women.5", "administration)1", "Mexico City9"
			if n, ok := noteNumber(run, max); ok {
				cands = append(cands, refCandidate{unit, start, end, n})
			}
			continue
		}
		// A year with a reference glued on: "August 20106" is 2010 and
		// note 6. The year must stand alone before it.
		if len(run) > 4 && (start == 0 || unicode.IsSpace(before) || strings.ContainsRune("(“\"«[", before)) &&
			(run[0] == '1' || run[0] == '2') {
			if n, ok := noteNumber(run[4:], max); ok {
				cands = append(cands, refCandidate{unit, start + 4, end, n})
			}
		}
	}
	return cands
}

// gluedAfter reports whether digits right after prefix, whose last rune is
// r, are glued to a word or a closing mark rather than part of a number.
func gluedAfter(prefix string, r rune) bool {
	if unicode.IsLetter(r) {
		return true
	}
	if !strings.ContainsRune(".,;:)]}”’\"'»›?!", r) {
		return false
	}
	if r == '.' || r == ',' {
		// "$2.5" and "9,758" are numbers, not references.
		rest := prefix[:len(prefix)-1]
		if rest != "" && isDigit(rest[len(rest)-1]) {
			return false
		}
	}
	return true
}

// yearThenRef recognizes a reference glued to the period that ends a
// sentence after a number, "crossed in 2019.1 Of these": unlike a decimal
// ("2.5 billion") it is followed by the end of the text or a new sentence.
func yearThenRef(text string, start, end int, before rune) bool {
	if before != '.' || start < 2 || !isDigit(text[start-2]) {
		return false
	}
	if end == len(text) {
		return true
	}
	rest := strings.TrimLeft(text[end:], " ")
	if len(rest) == len(text[end:]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || strings.ContainsRune("“\"«(", r)
}

// refMayEndAt reports whether a reference may end at text[end]: not inside a
// word or a number ("20th", "2.5", "3,000", "80%").
func refMayEndAt(text string, end int) bool {
	if end == len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || r == '°' {
		return false
	}
	if (r == '.' || r == ',') && end+1 < len(text) && isDigit(text[end+1]) {
		return false
	}
	return true
}

// noteNumber reads s as a note number from 1 to max.
func noteNumber(s string, max int) (int, bool) {
	if s == "" || s[0] == '0' || len(s) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0, false
	}
	return n, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
