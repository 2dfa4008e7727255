package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hopeborder/bitext/workflow/terms"
)

// glossary is the project glossary for one locale, as the terms and
// typography checks use it.
type glossary struct {
	entries []terms.Entry
	// first maps the lower-cased first word of each term (and, for a
	// one-word term, its plural) to the entries it starts: an English
	// none of whose words is a key holds no term, and is read in one pass
	// without allocating rather than once per entry.
	first map[string][]int
	// runs are, per entry, the lower-cased runs of its term (eachRun):
	// an English whose runs do not hold them in a row holds no term.
	runs [][]string
	// stems are the longest words of the forbidden renderings, less the
	// two last letters inflection may change (of a word of four or more),
	// with the entries they are of: a translation that holds none, in
	// lower case or with a capital, holds no forbidden rendering.
	stems []stem
	rules []terms.Rule
}

type stem struct {
	prefix, title string // lower case, and with a capital
	entry         int
}

func newGlossary(g *terms.Glossary, locale string) *glossary {
	sub := g.For(locale)
	out := &glossary{entries: sub.Entries, rules: sub.Rules, first: map[string][]int{}}
	for i, e := range sub.Entries {
		words := terms.Words(e.Term).Lower()
		if len(words) == 0 {
			continue
		}
		key := firstRun(words[0])
		out.first[key] = append(out.first[key], i)
		if len(words) == 1 && key == words[0] {
			out.first[key+"s"] = append(out.first[key+"s"], i)
		}
		for len(out.runs) < i {
			out.runs = append(out.runs, nil)
		}
		var runs []string
		eachRun(strings.ToLower(e.Term), func(r string) { runs = append(runs, r) })
		out.runs = append(out.runs, runs)
		for _, f := range e.Forbidden {
			if fw := terms.Words(f).Lower(); len(fw) > 0 {
				p := slices.MaxFunc(fw, func(a, b string) int { return len(a) - len(b) })
				if r := []rune(p); len(r) > 3 {
					p = string(r[:len(r)-2])
				}
				out.stems = append(out.stems, stem{p, capitalized(p), i})
			}
		}
	}
	return out
}

// capitalized returns w with its first letter in upper case.
func capitalized(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// scan returns, in glossary order and each once, the entries whose term
// may be in src (its first word is a word of src) and those whose
// forbidden renderings may be in dst (it holds a stem).
func (g *glossary) scan(r *runner, src, dst string, withSrc bool) (inSrc, inDst []int) {
	if withSrc {
		runs := r.runs[:0]
		eachRun(src, func(run string) { runs = append(runs, lowerRun(run)) })
		r.runs = runs
		for k, run := range runs {
			for _, i := range g.first[run] {
				if g.runsAt(runs[k:], i) {
					inSrc = append(inSrc, i)
				}
			}
		}
	}
	for _, s := range g.stems {
		if strings.Contains(dst, s.prefix) || strings.Contains(dst, s.title) {
			inDst = append(inDst, s.entry)
		}
	}
	slices.Sort(inSrc)
	slices.Sort(inDst)
	return slices.Compact(inSrc), slices.Compact(inDst)
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
	inSrc, inDst := g.scan(e.r, e.src.s, e.dst.s, e.state == current)
	if len(inSrc) == 0 && len(inDst) == 0 {
		return ""
	}
	var msgs []string
	var dst *terms.Text
	words := func() terms.Text {
		if dst == nil {
			t := terms.Words(e.dst.s)
			dst = &t
		}
		return *dst
	}
	var src terms.Text
	if len(inSrc) > 0 {
		src = terms.Words(e.src.s)
	}
	for _, i := range inSrc {
		t := &g.entries[i]
		if len(t.Approved) == 0 || !t.In(src) {
			continue
		}
		if _, ok := t.Renders(words()); !ok {
			msgs = append(msgs, fmt.Sprintf("the English has the glossary term “%s”: use “%s” (%s)", t.Term, strings.Join(t.Approved, "” or “"), t.Pos()))
		}
	}
	for _, i := range inDst {
		t := &g.entries[i]
		for _, f := range t.ForbiddenIn(words()) {
			use := ""
			if len(t.Approved) > 0 {
				use = fmt.Sprintf(": use “%s”", t.Approved[0])
			}
			msgs = append(msgs, fmt.Sprintf("“%s” is a forbidden rendering of “%s”%s (%s)", f, t.Term, use, t.Pos()))
		}
	}
	return strings.Join(msgs, "; ")
}

// isWordRune is a letter, digit or mark, as terms.Words has it.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// firstRun returns w up to its first rune that is no letter, digit or
// mark: "inter" of "inter-american".
func firstRun(w string) string {
	for i, r := range w {
		if !isWordRune(r) {
			return w[:i]
		}
	}
	return w
}

// eachRun calls fn with each run of letters, digits and marks of s. It
// cuts finer than terms.Words, which joins "x-y" and "Mexico’s" into one
// word, so that each word Words finds starts with a run found here, and
// the lower-cased first runs of the terms (first) find every entry whose
// term s may hold; it is one tight pass, most of the terms check's work.
func eachRun(s string, fn func(run string)) {
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		if j > i {
			fn(s[i:j])
			i = j
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
}

// runsAt reports whether runs start with the runs of entry i's term, its
// last one maybe with an English plural "s".
func (g *glossary) runsAt(runs []string, i int) bool {
	want := g.runs[i]
	if len(want) == 0 || len(runs) < len(want) {
		return false
	}
	for j, w := range want {
		if runs[j] != w && (j < len(want)-1 || runs[j] != w+"s") {
			return false
		}
	}
	return true
}

// lowerRun is strings.ToLower, without a copy for a run already lower-case
// ASCII, as most are.
func lowerRun(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
