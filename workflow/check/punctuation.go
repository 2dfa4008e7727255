package check

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// checkPunctuation applies Spanish rules for questions and exclamations:
// each ? and ! closes a ¿ or ¡ opened earlier in the same sentence
// ("Pablo, ¿adónde vas?" is right), nested marks close in mirror order
// ("¡¿Qué viste?!"), and no period follows a ? or ! ("¿Vienes?." is
// wrong; "¿Y si no llega?..." is right). Other languages have no such
// rules, and pass.
func checkPunctuation(e *entry) string {
	if e.lang.base != "es" || !hasQuestionOrExclamation(e.dst.s) {
		return ""
	}
	r := e.r
	r.buf = e.dst.mask(r.buf)
	text := string(r.buf)
	r.sents = sentences(text, e.lang, r.sents[:0])
	// At most three problems are written; the excerpts of the others are
	// not even cut.
	var problems []string
	const most = 3
	add := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	quote := func(sp span, i int) string { return excerpt(e.dst.s[sp.start:sp.end], i) }
	for _, sp := range r.sents {
		sent := text[sp.start:sp.end]
		open := r.marksOpen[:0]
		for i, c := range sent {
			switch c {
			case '¿', '¡':
				open = append(open, opened{c, i})
			case '?', '!':
				if c == '!' && strings.HasPrefix(sent[i+1:], "[") {
					continue // "![alt](src)" starts an image
				}
				want := '¿'
				if c == '!' {
					want = '¡'
				}
				full := len(problems) >= most
				switch {
				case len(open) == 0:
					if !full {
						add("%c in “%s” has no %c before it in its sentence", c, quote(sp, i), want)
					}
				case open[len(open)-1].r != want:
					if !full {
						add("%c closes the %c opened before it in “%s”: close nested marks in mirror order, as in ¡¿…?!", c, open[len(open)-1].r, quote(sp, i))
					}
					open = open[:len(open)-1]
				default:
					open = open[:len(open)-1]
				}
				rest := sent[i+1:]
				if strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, "...") && len(problems) < most {
					add("a period follows %c in “%s”: the %c ends the sentence", c, quote(sp, i), c)
				}
			}
		}
		for _, o := range open {
			if len(problems) >= most {
				break
			}
			closer := '?'
			if o.r == '¡' {
				closer = '!'
			}
			add("%c in “%s” is not closed by %c in the same sentence", o.r, quote(sp, o.at), closer)
		}
		r.marksOpen = open
	}
	return strings.Join(problems, "; ")
}

// hasQuestionOrExclamation reports whether s holds ?, !, ¿ or ¡, with
// the fast byte searches of package strings.
func hasQuestionOrExclamation(s string) bool {
	return strings.IndexByte(s, '?') >= 0 || strings.IndexByte(s, '!') >= 0 ||
		strings.Contains(s, "¿") || strings.Contains(s, "¡")
}

// opened is an opening mark and where it is.
type opened struct {
	r  rune
	at int
}

// excerpt returns about 30 characters of s around byte i, for a message.
func excerpt(s string, i int) string {
	const side = 24
	start, end := max(0, i-side), min(len(s), i+side)
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	out := s[start:end]
	if start > 0 {
		out = "…" + out
	}
	if end < len(s) {
		out += "…"
	}
	return out
}
