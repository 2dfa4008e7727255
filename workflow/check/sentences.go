package check

import (
	"unicode"
	"unicode/utf8"
)

// sentences appends to dst the spans of the sentences of s, in order,
// each without the white space around it. It is made for the punctuation
// check: rules in the manner of the Pragmatic Segmenter, with the
// language's abbreviations, over unit text whose URLs and code are masked.
// testdata/sentence-golden-rules.json holds the cases it is measured on.
func sentences(s string, l *lang, dst []span) []span {
	start := skipSpace(s, 0)
	for i := start; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isTerminal(r) {
			i += size
			continue
		}
		end, boundary := l.terminal(s, start, i)
		if !boundary {
			i = end
			continue
		}
		if e := trimSpaceRight(s, start, end); e > start {
			dst = append(dst, span{start, e})
		}
		start = skipSpace(s, end)
		i = start
	}
	if e := trimSpaceRight(s, start, len(s)); e > start {
		dst = append(dst, span{start, e})
	}
	return dst
}

// maxWord bounds how far the splitter looks around a period for the word
// it ends, so that text without spaces cannot make it quadratic.
const maxWord = 64

func isTerminal(r rune) bool {
	switch r {
	case '.', '?', '!', '…', '‼', '⁇', '⁈', '⁉', '。', '？', '！':
		return true
	}
	return false
}

func isQE(r rune) bool {
	switch r {
	case '?', '!', '‼', '⁇', '⁈', '⁉', '？', '！':
		return true
	}
	return false
}

// isCloser reports quotes and brackets that close after a sentence's end.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '(', '[', '¿', '¡', '„':
		return true
	}
	return false
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

func trimSpaceRight(s string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// terminal reads the sentence-ending punctuation at i, of the sentence
// that began at start, with the closing quotes and brackets after it. It
// returns where that ends and whether a sentence ends there.
func (l *lang) terminal(s string, start, i int) (int, bool) {
	j := i
	dots, qe, spaced := 0, 0, false
run:
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '.':
			dots++
		case r == '…':
			dots += 3
		case isQE(r):
			qe++
		case r == ' ' && dots > 0 && j+1 < len(s) && s[j+1] == '.':
			// ". . ." is an ellipsis.
			spaced = true
		default:
			break run
		}
		j += size
	}
	runEnd := j
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isCloser(r) {
			break
		}
		j += size
	}
	end := j
	if end == len(s) {
		return end, true
	}
	if r, _ := utf8.DecodeRuneInString(s[end:]); !unicode.IsSpace(r) {
		// "world.Today": a sentence glued to the next.
		return end, qe == 0 && dots == 1 && end == runEnd && l.gluedBoundary(s, start, i, end)
	}
	k := skipSpace(s, end)
	if k == len(s) {
		return end, true
	}
	next, _ := utf8.DecodeRuneInString(s[k:])
	switch {
	case qe > 0:
		// "Yahoo! in the accounting department" goes on.
		return end, !unicode.IsLower(next) && next != ',' && next != ';'
	case dots >= 3:
		if spaced && dots == 3 {
			// ". . ." leaves words out inside a sentence.
			return end, false
		}
		upper := unicode.IsUpper(next) || next == '¿' || next == '¡'
		if upper && spaced && dots == 4 && i > start && s[i-1] != ' ' {
			// "compounds. . . . The practice": the period ends the
			// sentence, and the ellipsis begins the next.
			return i + 1, true
		}
		return end, upper
	}
	if l.isListMarker(s, start, i) {
		return end, false
	}
	w := wordBefore(s, start, i)
	if isDigitRune(next) {
		// "p. 55" goes on; "es 2. 2 + 2 es 4" ends.
		return end, l.abbrevKind(w) == 0
	}
	if !startsSentence(s, k) {
		return end, false
	}
	if w == "" {
		return end, true
	}
	if isInitial(w) {
		// "Jonas E. Smith", but "you and I. Did you".
		return end, l.starters[wordAt(s, k)]
	}
	switch l.abbrevKind(w) {
	case title:
		return end, false
	case plain:
		return end, l.starters[wordAt(s, k)]
	}
	if multiPeriod(w) {
		// "the U.S. Government", but "the U.S. How about you?"
		return end, l.starters[wordAt(s, k)]
	}
	return end, true
}

// startsSentence reports whether the text at k can begin a sentence: a
// capital, ¿ or ¡, or quotes or brackets before one.
func startsSentence(s string, k int) bool {
	for k < len(s) {
		r, size := utf8.DecodeRuneInString(s[k:])
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || r == '¿' || r == '¡':
			return true
		case isOpener(r):
			k += size
		default:
			return false
		}
	}
	return false
}

// gluedBoundary reports whether the period at i, with no space after it,
// ends a sentence: a lower-case word or a number of two digits or more
// before, a capital after, and neither an abbreviation nor an e-mail
// address or URL around it.
func (l *lang) gluedBoundary(s string, start, i, end int) bool {
	next, _ := utf8.DecodeRuneInString(s[end:])
	if !unicode.IsUpper(next) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	switch {
	case unicode.IsLower(prev):
	case isDigitRune(prev):
		n := 0
		for k := i; k > start && i-k < maxWord; {
			r, size := utf8.DecodeLastRuneInString(s[start:k])
			if isDigitRune(r) {
				n++
			} else if r != ',' && r != '.' {
				break
			}
			k -= size
		}
		if n < 2 {
			// "1.Helado, 2.Carne": a list.
			return false
		}
	default:
		return false
	}
	w := wordBefore(s, start, i)
	if l.abbrevKind(w) != 0 {
		return false
	}
	for k := end; k < len(s) && k-end < maxWord; k++ {
		if s[k] == ' ' {
			break
		}
		if s[k] == '@' || s[k] == '/' {
			return false
		}
	}
	for k := i; k > start && i-k < maxWord; k-- {
		if s[k-1] == ' ' {
			break
		}
		if s[k-1] == '@' || s[k-1] == '/' {
			return false
		}
	}
	return true
}

// isListMarker reports whether the sentence so far, s[start:i], is only a
// list marker such as "1" or "• a" before its period.
func (l *lang) isListMarker(s string, start, i int) bool {
	if i-start > 16 {
		// A marker is a few characters: no need to trim a long run of
		// spaces again at every period of the sentence.
		return false
	}
	t := s[start:i]
	for _, bullet := range []string{"•", "⁃", "-", "*", "–"} {
		if len(t) >= len(bullet) && t[:len(bullet)] == bullet {
			t = t[len(bullet):]
			break
		}
	}
	for len(t) > 0 && t[0] == ' ' {
		t = t[1:]
	}
	if t == "" || len(t) > 3 {
		return false
	}
	if len(t) == 1 && isAlpha(t[0]) {
		return true
	}
	for k := 0; k < len(t); k++ {
		if !isDigit(t[k]) {
			return false
		}
	}
	return true
}

// wordBefore returns the word that ends at i: back to white space or an
// opening quote or bracket.
func wordBefore(s string, start, i int) string {
	k := i
	for k > start && i-k < maxWord {
		r, size := utf8.DecodeLastRuneInString(s[start:k])
		if unicode.IsSpace(r) || isOpener(r) && r != '\'' {
			break
		}
		k -= size
	}
	return s[k:i]
}

// wordAt returns the word of letters at k, after any opening quotes.
func wordAt(s string, k int) string {
	for k < len(s) {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !isOpener(r) {
			break
		}
		k += size
	}
	j := k
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return s[k:j]
}

// abbrevKind returns how w behaves as an abbreviation, or 0 if it is none.
func (l *lang) abbrevKind(w string) abbrev {
	if w == "" || len(w) > 32 {
		return 0
	}
	var buf [32]byte
	return l.abbrevs[string(lower(buf[:0], w))]
}

// isInitial reports a single capital letter, as in "Jonas E. Smith".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// multiPeriod reports abbreviations such as U.S, a.m or Ph.D: letters in
// groups of one or two joined by periods.
func multiPeriod(w string) bool {
	groups, n := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			n++
			if n > 2 {
				return false
			}
		case r == '.':
			if n == 0 {
				return false
			}
			groups++
			n = 0
		default:
			return false
		}
	}
	return groups >= 1 && n > 0
}
