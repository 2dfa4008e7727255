package segment

import (
	"fmt"
	"slices"
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
//
// When that order rule fails (an author deleted or moved a paragraph and
// did not renumber the notes), the reading is still certain where each
// note has one glued number that can be its reference: then the notes
// never cited and the citations out of order are warnings, and the
// references are read so. Where a note has several such numbers and the
// order cannot choose between them, it is an error naming them.
func linkGluedRefs(path string, units []Unit, noteLines []int, lineOf func(unit, off int) int) ([]*Error, error) {
	n := len(noteLines)
	if n == 0 {
		return nil, nil
	}
	var cands []refCandidate
	for i := range units {
		switch units[i].Kind {
		case Date, Note:
			continue
		}
		cands = appendRefCandidates(cands, i, units[i].Text, n)
	}
	// pos[k] is the index in cands of note k's reference, or -1.
	pos := make([]int, n+1)
	for k := range pos {
		pos[k] = -1
	}
	next, inOrder := 0, true
	for k := 1; k <= n && inOrder; k++ {
		inOrder = false
		for ; next < len(cands); next++ {
			if cands[next].n == k {
				pos[k], inOrder = next, true
				next++
				break
			}
		}
	}
	var warnings []*Error
	if !inOrder {
		var err error
		if warnings, err = resolveDisorder(path, cands, pos, noteLines, lineOf); err != nil {
			return nil, err
		}
	}
	// Rewrite back to front so earlier offsets stay valid.
	chosen := make([]refCandidate, 0, n)
	for k := 1; k <= n; k++ {
		if pos[k] >= 0 {
			chosen = append(chosen, cands[pos[k]])
		}
	}
	slices.SortFunc(chosen, func(a, b refCandidate) int {
		if a.unit != b.unit {
			return a.unit - b.unit
		}
		return a.start - b.start
	})
	for j := len(chosen) - 1; j >= 0; j-- {
		c := chosen[j]
		u := &units[c.unit]
		u.Text = u.Text[:c.start] + "[^" + strconv.Itoa(c.n) + "]" + u.Text[c.end:]
	}
	return warnings, nil
}

// resolveDisorder reads the references of notes that are not cited in
// order, into pos: a note with one candidate has it; one with several
// has the first between its neighbours' references, as the order rule
// would choose. It returns the warnings of that reading, or an error
// naming the notes whose neighbours leave no candidate between them.
func resolveDisorder(path string, cands []refCandidate, pos []int, noteLines []int, lineOf func(unit, off int) int) ([]*Error, error) {
	n := len(noteLines)
	for k := range pos {
		pos[k] = -1 // what the order rule found before it failed is no surer
	}
	byNote := make([][]int, n+1)
	for i, c := range cands {
		byNote[c.n] = append(byNote[c.n], i)
	}
	for k := 1; k <= n; k++ {
		if len(byNote[k]) == 1 {
			pos[k] = byNote[k][0]
		}
	}
	// hi[k] is the reference of the nearest note after k that has one
	// candidate; the nearest before is carried along as notes resolve.
	hi := make([]int, n+2)
	hi[n+1] = len(cands)
	for k := n; k >= 1; k-- {
		hi[k] = hi[k+1]
		if k < n && pos[k+1] >= 0 {
			hi[k] = pos[k+1]
		}
	}
	at := func(i int) string {
		return "line " + strconv.Itoa(lineOf(cands[i].unit, cands[i].start))
	}
	var ambiguous []string
	firstAmbiguous := 0
	lo := -1
	for k := 1; k <= n; k++ {
		if pos[k] < 0 && len(byNote[k]) > 1 {
			for _, i := range byNote[k] {
				if i > lo && i < hi[k] {
					pos[k] = i
					break
				}
			}
			if pos[k] < 0 {
				var lines []string
				for _, i := range byNote[k][:min(len(byNote[k]), 5)] {
					lines = append(lines, at(i))
				}
				if firstAmbiguous == 0 {
					firstAmbiguous = k
				}
				ambiguous = append(ambiguous, "note ["+strconv.Itoa(k)+"] could be the "+strconv.Itoa(k)+" at "+strings.Join(lines, " or "))
			}
		}
		if pos[k] >= 0 {
			lo = pos[k]
		}
	}
	if len(ambiguous) > 5 {
		ambiguous = append(ambiguous[:5], fmt.Sprintf("and %d notes more", len(ambiguous)-5))
	}
	if len(ambiguous) > 0 {
		return nil, errorf(path, noteLines[firstAmbiguous-1],
			"the notes are not cited in order, and bitext cannot tell which glued number is which reference: %s; number the notes 1, 2, 3… in the order the text cites them, each cited once", strings.Join(ambiguous, "; "))
	}
	var warnings []*Error
	last := -1 // the note cited furthest into the text so far
	for k := 1; k <= n; k++ {
		if pos[k] < 0 {
			warnings = append(warnings, &Error{Path: path, Line: noteLines[k-1],
				Msg: fmt.Sprintf("note [%d] is never cited: no %d glued to a word (as in \"word%d\"); it is kept without a reference: cite it, or delete it and renumber the notes", k, k, k)})
			continue
		}
		if last >= 0 && pos[k] < pos[last] {
			c := cands[pos[k]]
			warnings = append(warnings, &Error{Path: path, Line: lineOf(c.unit, c.start),
				Msg: fmt.Sprintf("note [%d] is cited before note [%d] (%s): the notes are out of order; read as note %d, but renumber the notes in the order the text cites them", k, last, at(pos[last]), k)})
			continue
		}
		last = k
	}
	return warnings, nil
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
		// note 6. The year must stand alone before it, or end a range of
		// years ("2003-20081": 2003 to 2008, note 1).
		if len(run) > 4 && (start == 0 || unicode.IsSpace(before) || strings.ContainsRune("(“\"«[", before) || rangeDash(text[:start], before)) &&
			(run[0] == '1' || run[0] == '2') {
			if n, ok := noteNumber(run[4:], max); ok {
				cands = append(cands, refCandidate{unit, start + 4, end, n})
			}
		}
	}
	return cands
}

// rangeDash reports whether prefix, whose last rune is r, ends with a
// year and the dash of a range: "2003-", "1990–".
func rangeDash(prefix string, r rune) bool {
	if r != '-' && r != '–' && r != '—' {
		return false
	}
	rest := prefix[:len(prefix)-utf8.RuneLen(r)]
	return len(rest) >= 4 && isDigit(rest[len(rest)-1]) && isDigit(rest[len(rest)-4]) &&
		(len(rest) == 4 || !isDigit(rest[len(rest)-5]))
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
