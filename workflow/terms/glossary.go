package terms

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Case says how a term is matched.
type Case string

// The case rules.
const (
	// Insensitive matches a term in any case: "Drug war", "drug war".
	Insensitive Case = "insensitive"
	// Exact matches a term only as written: names and abbreviations
	// ("Hope Border Institute", "CBP").
	Exact Case = "exact"
)

// Entry is one source term and its renderings in one target locale.
type Entry struct {
	// Locale is the target locale, a BCP 47 tag ("es").
	Locale string
	// Term is the source term, as written in the source ("drug war").
	Term string
	// Approved are its approved renderings, the preferred first.
	Approved []string
	// Forbidden are renderings it must not have, anywhere.
	Forbidden []string
	// Case is how Term and the renderings are matched. Default:
	// Insensitive.
	Case Case
	// Note says why, for translators.
	Note string
	// File and Line say where the entry was read, for messages.
	File string
	Line int

	cut *cutEntry // Term and renderings cut into words, set by For
}

// cutEntry is an Entry's phrases, cut once rather than at every match.
type cutEntry struct {
	term                phrase
	approved, forbidden []phrase
}

// phrases returns e's term and renderings cut into words.
func (e *Entry) phrases() *cutEntry {
	if e.cut != nil {
		return e.cut
	}
	c := &cutEntry{term: newPhrase(e.Term)}
	for _, a := range e.Approved {
		c.approved = append(c.approved, newPhrase(a))
	}
	for _, f := range e.Forbidden {
		c.forbidden = append(c.forbidden, newPhrase(f))
	}
	return c
}

// Pos returns where e was read, as "glossary/es.yaml:12".
func (e *Entry) Pos() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return e.File
}

// Rule is a consistency rule: a document that writes more than one of
// Forms has not chosen one. A form may hold {Name}, any capitalized word
// ("administración de {Name}", "administración {Name}").
type Rule struct {
	Locale string
	Name   string
	Forms  []string
	File   string
	Line   int

	res []*regexp.Regexp // Forms compiled, by validate or on first use
}

// Glossary is the project's glossary.
type Glossary struct {
	Entries []Entry
	Rules   []Rule
}

// For returns the entries and rules of one target locale: those of its
// tag, or of its base language ("es" for "es-MX"), ready to match many
// texts (and from several goroutines).
func (g *Glossary) For(locale string) *Glossary {
	out := &Glossary{}
	if g == nil {
		return out
	}
	base, _, _ := strings.Cut(locale, "-")
	for _, e := range g.Entries {
		if strings.EqualFold(e.Locale, locale) || strings.EqualFold(e.Locale, base) {
			e.cut = e.phrases()
			out.Entries = append(out.Entries, e)
		}
	}
	for _, r := range g.Rules {
		if strings.EqualFold(r.Locale, locale) || strings.EqualFold(r.Locale, base) {
			out.Rules = append(out.Rules, r)
		}
	}
	return out
}

// Locales returns the target locales of the glossary, sorted.
func (g *Glossary) Locales() []string {
	var out []string
	for _, e := range g.Entries {
		out = append(out, e.Locale)
	}
	for _, r := range g.Rules {
		out = append(out, r.Locale)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Merge returns g with the entries and rules of other added; an entry of
// other for the same locale and term replaces g's.
func (g *Glossary) Merge(other *Glossary) *Glossary {
	out := &Glossary{Rules: slices.Clone(g.Rules)}
	replaced := map[string]bool{}
	for _, e := range other.Entries {
		replaced[strings.ToLower(e.Locale+"\x00"+e.Term)] = true
	}
	for _, e := range g.Entries {
		if !replaced[strings.ToLower(e.Locale+"\x00"+e.Term)] {
			out.Entries = append(out.Entries, e)
		}
	}
	out.Entries = append(out.Entries, other.Entries...)
	for _, r := range other.Rules {
		if !slices.ContainsFunc(out.Rules, func(o Rule) bool { return o.Locale == r.Locale && o.Name == r.Name }) {
			out.Rules = append(out.Rules, r)
		}
	}
	return out
}

// validate checks what every reader must: a term, a rendering, a known
// case rule, no rendering both approved and forbidden.
func (e *Entry) validate() error {
	if strings.TrimSpace(e.Term) == "" {
		return fmt.Errorf("%s: an entry without a term", e.Pos())
	}
	if e.Locale == "" {
		return fmt.Errorf("%s: %q: no target locale", e.Pos(), e.Term)
	}
	if len(e.Approved) == 0 && len(e.Forbidden) == 0 {
		return fmt.Errorf("%s: %q has neither an approved nor a forbidden rendering", e.Pos(), e.Term)
	}
	switch e.Case {
	case "":
		e.Case = Insensitive
	case Insensitive, Exact:
	default:
		return fmt.Errorf("%s: %q: case %q: use insensitive or exact", e.Pos(), e.Term, e.Case)
	}
	for _, f := range e.Forbidden {
		for _, a := range e.Approved {
			if strings.EqualFold(a, f) {
				return fmt.Errorf("%s: %q is both approved and forbidden for %q", e.Pos(), a, e.Term)
			}
		}
	}
	return nil
}

func (r *Rule) validate() error {
	if len(r.Forms) < 2 {
		return fmt.Errorf("%s:%d: consistency rule %q needs two forms or more", r.File, r.Line, r.Name)
	}
	r.res = r.regexps()
	return nil
}
