package check

import (
	"fmt"
	"strings"

	"github.com/hopeborder/bitext/workflow/terms"
)

// glossary is the project glossary for one locale, as the terms and
// typography checks use it.
type glossary struct {
	entries []terms.Entry
	// keys are, per entry, the lower-cased first word of its term: an
	// English without it cannot hold the term, and is not cut into words.
	keys  []string
	rules []terms.Rule
}

func newGlossary(g *terms.Glossary, locale string) *glossary {
	sub := g.For(locale)
	out := &glossary{entries: sub.Entries, rules: sub.Rules}
	for _, e := range sub.Entries {
		first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(e.Term)), " ")
		out.keys = append(out.keys, strings.TrimRight(first, "."))
	}
	return out
}

// checkTerms reports, where the English has a glossary term, a
// translation that uses none of its approved renderings (inflected as
// terms.Entry.Renders allows), and anywhere a forbidden rendering.
// Findings name the term, the rendering to use and the glossary line.
func checkTerms(e *entry) string {
	g := e.r.gloss
	if g == nil || len(g.entries) == 0 {
		return ""
	}
	var msgs []string
	var dst *terms.Text
	words := func() *terms.Text {
		if dst == nil {
			t := terms.Words(e.dst.s)
			dst = &t
		}
		return dst
	}
	if e.state == current {
		lower := strings.ToLower(e.src.s)
		var src *terms.Text
		for i := range g.entries {
			t := &g.entries[i]
			if len(t.Approved) == 0 || !strings.Contains(lower, g.keys[i]) {
				continue
			}
			if src == nil {
				w := terms.Words(e.src.s)
				src = &w
			}
			if !t.In(*src) {
				continue
			}
			if _, ok := t.Renders(*words()); !ok {
				msgs = append(msgs, fmt.Sprintf("the English has the glossary term “%s”: use “%s” (%s)", t.Term, strings.Join(t.Approved, "” or “"), t.Pos()))
			}
		}
	}
	lower := strings.ToLower(e.dst.s)
	for i := range g.entries {
		t := &g.entries[i]
		if len(t.Forbidden) == 0 || !anyStem(lower, t.Forbidden) {
			continue
		}
		for _, f := range t.ForbiddenIn(*words()) {
			use := ""
			if len(t.Approved) > 0 {
				use = fmt.Sprintf(": use “%s”", t.Approved[0])
			}
			msgs = append(msgs, fmt.Sprintf("“%s” is a forbidden rendering of “%s”%s (%s)", f, t.Term, use, t.Pos()))
		}
	}
	return strings.Join(msgs, "; ")
}

// anyStem reports whether lower may hold one of forms: the first word of
// one, less the ending inflection may change.
func anyStem(lower string, forms []string) bool {
	for _, f := range forms {
		first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(f)), " ")
		if r := []rune(first); len(r) > 3 {
			first = string(r[:len(r)-2])
		}
		if strings.Contains(lower, first) {
			return true
		}
	}
	return false
}
