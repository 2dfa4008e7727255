package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// typography holds a locale's typographic rules. Spanish's are the
// first; another locale's go in typographies, by base language.
type typography struct {
	// spaceBeforeUnit: a number and the % or unit after it are set apart
	// by a no-break space (or a narrow one), never a plain space or none.
	spaceBeforeUnit bool
	// tightGuillemets: « and » take no space inside.
	tightGuillemets bool
}

var typographies = map[string]typography{
	"es": {spaceBeforeUnit: true, tightGuillemets: true},
}

// units are what a number takes a no-break space before.
var units = []string{"%", "‰", "km²", "km", "kg", "cm", "mm", "m²", "°C"}

// checkTypography reports, in the prose of a translation, what its
// locale's typography sets otherwise (a plain space or none between a
// number and %, « x »), and choices the document makes one way here and
// another elsewhere: the forms of a glossary consistency rule, hyphens
// and en dashes in ranges of numbers, "..." and "…".
func checkTypography(e *entry) string {
	var msgs []string
	if t, ok := typographies[e.lang.base]; ok {
		if t.spaceBeforeUnit {
			if at, unit, glued := numberUnit(&e.dst); at >= 0 {
				if glued {
					msgs = append(msgs, fmt.Sprintf("“%s”: put a no-break space between the number and %s", excerpt(e.dst.s, at), unit))
				} else {
					msgs = append(msgs, fmt.Sprintf("“%s”: the space before %s should be a no-break space (U+00A0), so that a line cannot break there", excerpt(e.dst.s, at), unit))
				}
			}
		}
		if t.tightGuillemets {
			if at := looseGuillemet(&e.dst); at >= 0 {
				msgs = append(msgs, fmt.Sprintf("“%s”: no space inside « »", excerpt(e.dst.s, at)))
			}
		}
	}
	if d := e.r.doc; d != nil {
		msgs = append(msgs, d.minority(e.dst.s)...)
	}
	return strings.Join(msgs, "; ")
}

// numberUnit returns where the first number of the prose of t is
// followed by a unit with a plain space or none between them, the unit,
// and whether there was none; at is -1 when there is no such place.
func numberUnit(t *unitText) (at int, unit string, glued bool) {
	at = -1
	t.prose(func(off int, text string) {
		if at >= 0 {
			return
		}
		for i := 0; i < len(text); i++ {
			if !isDigit(text[i]) || i+1 < len(text) && isDigit(text[i+1]) {
				continue
			}
			j := i + 1
			gap := ""
			if j < len(text) && text[j] == ' ' {
				gap = " "
				j++
			}
			for _, u := range units {
				if !strings.HasPrefix(text[j:], u) {
					continue
				}
				// A unit is a word of its own: "5 kgs" maybe, "5 cmte" no.
				if r, _ := utf8.DecodeRuneInString(text[j+len(u):]); j+len(u) < len(text) && u != "%" && u != "‰" && unicode.IsLetter(r) {
					continue
				}
				if u != "%" && u != "‰" && gap == "" {
					continue // "3km" is rare, "2ha" may be a word
				}
				at, unit, glued = off+i, u, gap == ""
				return
			}
		}
	})
	return at, unit, glued
}

// looseGuillemet returns where a « is followed or a » preceded by a
// space in the prose of t, or -1.
func looseGuillemet(t *unitText) int {
	at := -1
	t.prose(func(off int, text string) {
		if at >= 0 {
			return
		}
		if i := strings.Index(text, "« "); i >= 0 {
			at = off + i
		} else if i := strings.Index(text, "«\u00a0"); i >= 0 {
			at = off + i
		} else if i := strings.Index(text, " »"); i >= 0 {
			at = off + i
		} else if i := strings.Index(text, "\u00a0»"); i >= 0 {
			at = off + i
		}
	})
	return at
}

// docChoices counts the choices a document's translations make, so that
// each translation can be told when it makes the one fewer make.
type docChoices struct {
	choices []*choice
	// uses are, by text, the forms of each choice it uses, found once
	// when counting; read by every worker, written by none.
	uses map[string][][]bool
}

// choice is one choice: its forms, the first preferred, with how many
// translations use each.
type choice struct {
	what   string
	forms  []string
	find   func(s string) []bool // which forms s uses
	counts []int
}

// minority returns, for each choice s makes otherwise than the document
// mostly does (ties go to the first form), a message.
func (d *docChoices) minority(s string) []string {
	var out []string
	cached, ok := d.uses[s]
	for k, c := range d.choices {
		var uses []bool
		if ok {
			uses = cached[k]
		} else {
			uses = c.find(s)
		}
		best := 0
		for i := range c.counts {
			if c.counts[i] > c.counts[best] {
				best = i
			}
		}
		for i, used := range uses {
			if used && i != best && c.counts[best] > 0 {
				out = append(out, fmt.Sprintf("%s: “%s” here, “%s” in %d other %s of the document: use one form throughout", c.what, c.forms[i], c.forms[best], c.counts[best], pluralWord(c.counts[best], "unit")))
			}
		}
	}
	return out
}

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// newDocChoices counts the choices of texts, the translations of one
// document into one locale, with the consistency rules of g.
func newDocChoices(g *glossary, texts []string) *docChoices {
	d := &docChoices{}
	if g != nil {
		for i := range g.rules {
			r := &g.rules[i]
			d.choices = append(d.choices, &choice{what: "consistency rule “" + r.Name + "” (" + fmt.Sprintf("%s:%d", r.File, r.Line) + ")", forms: r.Forms,
				find: func(s string) []bool {
					m := r.Matches(s)
					out := make([]bool, len(m))
					for i := range m {
						out[i] = len(m[i]) > 0
					}
					return out
				}})
		}
	}
	d.choices = append(d.choices,
		&choice{what: "ranges of numbers", forms: []string{"1990-1995", "1990–1995"}, find: func(s string) []bool {
			return []bool{numberRange(s, "-"), numberRange(s, "–")}
		}},
		&choice{what: "ellipsis", forms: []string{"…", "..."}, find: func(s string) []bool {
			return []bool{strings.Contains(s, "…"), strings.Contains(s, "...")}
		}},
	)
	for _, c := range d.choices {
		c.counts = make([]int, len(c.forms))
	}
	d.uses = make(map[string][][]bool, len(texts))
	for _, s := range texts {
		if _, done := d.uses[s]; done {
			for k, c := range d.choices {
				for i, used := range d.uses[s][k] {
					if used {
						c.counts[i]++
					}
				}
			}
			continue
		}
		all := make([][]bool, len(d.choices))
		for k, c := range d.choices {
			all[k] = c.find(s)
			for i, used := range all[k] {
				if used {
					c.counts[i]++
				}
			}
		}
		d.uses[s] = all
	}
	return d
}

// numberRange reports whether s has digits, dash, digits, outside URLs:
// one pass over its words, a word with "://" or "www." skipped whole.
func numberRange(s, dash string) bool {
	if !strings.Contains(s, dash) {
		return false
	}
	for _, w := range strings.Fields(s) {
		if !strings.Contains(w, dash) || strings.Contains(w, "://") || strings.Contains(w, "www.") {
			continue
		}
		for i := 0; ; {
			j := strings.Index(w[i:], dash)
			if j < 0 {
				break
			}
			j += i
			if j > 0 && isDigit(w[j-1]) && j+len(dash) < len(w) && isDigit(w[j+len(dash)]) {
				return true
			}
			i = j + len(dash)
		}
	}
	return false
}
