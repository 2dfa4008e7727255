package terms

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is a text cut into words, to look for terms in.
type Text struct {
	s     string
	words []word
}

// word is a word of a text: bytes [start, end), and its text lower-cased.
type word struct {
	start, end int
	lower      string
}

// Words cuts s into words: runs of letters, digits and marks, with the
// apostrophes and hyphens inside them ("Mexico’s", "centro-izquierda").
func Words(s string) Text {
	t := Text{s: s}
	EachWord(s, func(i, j int) {
		t.words = append(t.words, word{i, j, lower(s[i:j])})
	})
	return t
}

// EachWord calls fn with the bytes [start, end) of each word of s, as
// Words cuts them, without allocating: for callers that only look.
func EachWord(s string, fn func(start, end int)) {
	for i := 0; i < len(s); {
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else {
			var r rune
			if r, size = utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
				i += size
				continue
			}
		}
		j := i + size
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf && asciiWord[c] {
				j++
				continue
			}
			r, size := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[j:])
			}
			if isWordRune(r) {
				j += size
				continue
			}
			if r == '\'' || r == '’' || r == '-' {
				if next, _ := utf8.DecodeRuneInString(s[j+size:]); j+size < len(s) && isWordRune(next) {
					j += size
					continue
				}
			}
			break
		}
		fn(i, j)
		i = j
	}
}

// lower is strings.ToLower, without a copy for a word already lower-case
// ASCII, as most are.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// AppendLower appends w lower-cased to buf, as Words lower-cases a word.
func AppendLower(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return append(buf, strings.ToLower(w)...)
		}
	}
	return append(buf, w...)
}

// Lower returns the words of t, lower-cased, in order.
func (t Text) Lower() []string {
	out := make([]string, len(t.words))
	for i := range t.words {
		out[i] = t.words[i].lower
	}
	return out
}

// asciiWord says which ASCII bytes are word bytes: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// phrase is a term or rendering cut into words, with whether it ends
// with a period ("id.") that the text must have too.
type phrase struct {
	text   string
	words  []word
	period bool
}

func newPhrase(s string) phrase {
	s = strings.TrimSpace(s)
	return phrase{text: s, words: Words(s).words, period: strings.HasSuffix(s, ".")}
}

// find returns the byte offset of the first match of p in t, or -1.
// inflect allows the inflections of Renders.
func (p *phrase) find(t *Text, exact, inflect bool) int {
	n := len(p.words)
	if n == 0 {
		return -1
	}
	for i := 0; i+n <= len(t.words); i++ {
		ok := true
		for k := 0; k < n && ok; k++ {
			ok = p.wordMatches(t, &t.words[i+k], &p.words[k], exact, inflect)
		}
		if ok && p.period {
			end := t.words[i+n-1].end
			ok = end < len(t.s) && t.s[end] == '.'
		}
		if ok {
			return t.words[i].start
		}
	}
	return -1
}

func (p *phrase) wordMatches(t *Text, got, want *word, exact, inflect bool) bool {
	if exact {
		w := p.text[want.start:want.end]
		g := t.s[got.start:got.end]
		if g == w || !inflect {
			return g == w
		}
		// A name keeps its capitals; only its ending may change.
		if !strings.HasPrefix(g, firstRune(w)) {
			return false
		}
	}
	if got.lower == want.lower {
		return true
	}
	return inflect && inflects(got.lower, want.lower)
}

func firstRune(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// articles are the Spanish articles, any of which stands for another in
// a rendering: gender and number follow the noun.
var articles = map[string]int{"el": 1, "la": 1, "los": 1, "las": 1, "lo": 1, "un": 2, "una": 2, "unos": 2, "unas": 2}

// unaccent maps a stressed vowel to its plain one, for plurals that drop
// the accent: nación, naciones.
var unaccent = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u")

// inflects reports whether got is an inflected form of want, by the stem
// rule of Renders.
func inflects(got, want string) bool {
	if a, ok := articles[want]; ok {
		return articles[got] == a
	}
	if got == want+"s" || got == want+"es" {
		return true
	}
	if strings.HasSuffix(want, "z") && got == want[:len(want)-1]+"ces" {
		return true
	}
	// Gender and number: -o, -a, -os, -as.
	for _, end := range []string{"os", "as", "o", "a"} {
		if stem, ok := strings.CutSuffix(want, end); ok && stem != "" {
			for _, other := range []string{"o", "a", "os", "as"} {
				if got == stem+other {
					return true
				}
			}
			break
		}
	}
	// A stressed last syllable loses its accent in the plural.
	if n := len(want); n >= 3 {
		if plain := unaccent.Replace(want); plain != want && (got == plain+"es" || got == plain+"s") {
			return true
		}
	}
	return false
}

// In reports whether the source text t holds e's term: as written when
// e.Case is Exact, in any case otherwise, and in the plural ("drug
// wars").
func (e *Entry) In(t Text) bool {
	p := &e.phrases().term
	return p.find(&t, e.Case == Exact, false) >= 0 || p.findPlural(&t, e.Case == Exact)
}

// findPlural looks for the term with an English plural on its last word.
func (p *phrase) findPlural(t *Text, exact bool) bool {
	n := len(p.words)
	if n == 0 {
		return false
	}
	last := p.words[n-1]
	q := phrase{text: p.text[:last.end] + "s" + p.text[last.end:], period: p.period}
	q.words = append(append([]word(nil), p.words[:n-1]...), word{last.start, last.end + 1, last.lower + "s"})
	return q.find(t, exact, false) >= 0
}

// Renders returns the approved rendering of e the translation t holds,
// or false. A rendering matches word by word, each word as written or
// inflected by this stem rule, made for Spanish: a plural in -s or -es
// (derecho, derechos; nación, naciones, the accent dropped), -z to -ces
// (voz, voces), a word ending in -o, -a, -os or -as in any of the four
// (mexicano, mexicana, mexicanos, mexicanas), and an article for any
// article of the same kind (el, la, los, las; un, una, unos, unas). An
// Exact entry keeps the capital of each word.
func (e *Entry) Renders(t Text) (string, bool) {
	c := e.phrases()
	for i, a := range e.Approved {
		if c.approved[i].find(&t, e.Case == Exact, true) >= 0 {
			return a, true
		}
	}
	return "", false
}

// ForbiddenIn returns the forbidden renderings of e that t holds,
// inflected or not, in any case.
func (e *Entry) ForbiddenIn(t Text) []string {
	var out []string
	c := e.phrases()
	for i, f := range e.Forbidden {
		if c.forbidden[i].find(&t, false, true) >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// Find returns the entries of locale whose term the source text holds.
func (g *Glossary) Find(locale, source string) []*Entry {
	var out []*Entry
	t := Words(source)
	sub := g.For(locale)
	for i := range sub.Entries {
		if sub.Entries[i].In(t) {
			out = append(out, &sub.Entries[i])
		}
	}
	return out
}

// Matches returns, for each form of r, where it occurs in s, as the
// byte offsets of its matches.
func (r *Rule) Matches(s string) [][]int {
	out := make([][]int, len(r.Forms))
	if r.res == nil {
		// A Rule made in code rather than read: compiled here, once.
		r.res = r.regexps()
	}
	for i, re := range r.res {
		for _, m := range re.FindAllStringIndex(s, -1) {
			if wordBoundary(s, m[0], m[1]) {
				out[i] = append(out[i], m[0])
			}
		}
	}
	return out
}

func wordBoundary(s string, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
			return false
		}
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// regexps compiles the forms: literal text, {Name} a capitalized word.
func (r *Rule) regexps() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(r.Forms))
	for i, f := range r.Forms {
		parts := strings.Split(f, "{Name}")
		for k := range parts {
			parts[k] = regexp.QuoteMeta(parts[k])
		}
		out[i] = regexp.MustCompile(strings.Join(parts, `\p{Lu}[\p{L}\p{M}]*`))
	}
	return out
}
