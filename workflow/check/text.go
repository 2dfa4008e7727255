package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hopeborder/bitext/workflow/inline"
)

// span is a byte range of a text, [start, end).
type span struct{ start, end int }

// unitText is a unit's text as the checks see it: read by package inline,
// the one reading the editions are made from, so that every link, image
// and mark an edition shows is known here. Its opaque parts (code spans,
// URLs, link destinations, raw HTML, note references, placeholders) are
// found once, so that the checks of prose (numbers, punctuation,
// brackets…) can skip them, and its markup is counted.
type unitText struct {
	s   string
	doc inline.Doc
	// opaque are the byte ranges prose checks skip, sorted and disjoint.
	opaque []span
	// urls are the destinations of links (bare URLs, autolinks and
	// e-mail addresses included) and images, in order, as the editions
	// link to them.
	urls []string
	// refs are the labels of note references [^label], in order.
	refs []string
	// html are raw HTML tags, placeholders template tags, as written.
	html, placeholders []string

	codeSpans, links, images int // links written [text](dest)
	em, strong, strike       int
	// looseEm and looseStrike count the *, _ and ~ that could open or
	// close emphasis or strikethrough and match nothing; openTicks the
	// backticks outside code spans.
	looseEm, looseStrike, openTicks int
}

// reset sets the text to s, unparsed: no spans, no counts.
func (t *unitText) reset(s string) {
	*t = unitText{s: s, doc: t.doc, opaque: t.opaque[:0], urls: t.urls[:0], refs: t.refs[:0],
		html: t.html[:0], placeholders: t.placeholders[:0]}
}

// parse reads s.
func (t *unitText) parse(s string) {
	t.reset(s)
	t.doc.Parse(s)
	t.derive()
}

// read sets the text to s, read as d, which inline.ParseDocs made of it.
func (t *unitText) read(s string, d *inline.Doc) {
	t.reset(s)
	t.doc = *d
	t.derive()
}

// derive finds what the checks use in the parse of the text.
func (t *unitText) derive() {
	for _, r := range t.doc.Opaque {
		t.opaque = append(t.opaque, span{r.Start, r.End})
	}
	t.count(t.doc.Spans)
	if t.doc.Over != "" {
		return
	}
	emChars, strikeChars := t.delimiters()
	t.looseEm = max(0, emChars-2*t.em-4*t.strong)
	t.looseStrike = max(0, strikeChars-t.strikeChars(t.doc.Spans))
}

// over says why the text was not read as Markdown, or is "".
func (t *unitText) over() string { return t.doc.Over }

func (t *unitText) count(spans []inline.Span) {
	for i := range spans {
		s := &spans[i]
		switch s.Kind {
		case inline.Code:
			t.codeSpans++
		case inline.Link:
			t.urls = append(t.urls, s.URL)
			if !s.Auto {
				t.links++
			}
		case inline.Image:
			t.urls = append(t.urls, s.URL)
			t.images++
		case inline.NoteRef:
			t.refs = append(t.refs, s.Label)
		case inline.HTML:
			t.html = append(t.html, s.Text)
		case inline.Placeholder:
			t.placeholders = append(t.placeholders, s.Text)
			// A site that does not expand the tag shows it as Markdown:
			// what it holds counts as the unit's own.
			t.count(inline.Parse(tagContent(s.Text)))
		case inline.Emph:
			t.em++
		case inline.Strong:
			t.strong++
		case inline.Strike:
			t.strike++
		}
		t.count(s.Children)
	}
}

// tagContent returns what a template tag holds between its delimiters.
func tagContent(tag string) string {
	for _, d := range [][2]string{{"{{<", ">}}"}, {"{{%", "%}}"}, {"{%", "%}"}, {"{{", "}}"}} {
		if strings.HasPrefix(tag, d[0]) && strings.HasSuffix(tag, d[1]) && len(tag) >= len(d[0])+len(d[1]) {
			return tag[len(d[0]) : len(tag)-len(d[1])]
		}
	}
	return tag
}

// strikeChars returns the tildes the strikethrough of spans is written
// with.
func (t *unitText) strikeChars(spans []inline.Span) int {
	n := 0
	for i := range spans {
		if spans[i].Kind == inline.Strike {
			n += 2 * len(spans[i].Text)
		}
		n += t.strikeChars(spans[i].Children)
	}
	return n
}

// delimiters counts the *, _ and ~ of the prose that CommonMark's
// flanking rules let open or close emphasis or strikethrough, escaped
// ones left out. What the parse matched is subtracted from these to get
// the loose ones.
func (t *unitText) delimiters() (em, strike int) {
	s := t.s
	t.prose(func(off int, text string) {
		for i := 0; i < len(text); {
			c := text[i]
			if c != '*' && c != '_' && c != '~' {
				i++
				continue
			}
			at := off + i
			n := 0
			for i+n < len(text) && text[i+n] == c {
				n++
			}
			i += n
			if escaped(s, at) {
				n--
				at++
				if n == 0 {
					continue
				}
			}
			if c == '~' && n > 2 {
				continue
			}
			if canOpenOrClose(s, at, n, c) {
				if c == '~' {
					strike += n
				} else {
					em += n
				}
			}
		}
	})
	t.prose(func(off int, text string) {
		for i := 0; i < len(text); i++ {
			if text[i] == '`' && !escaped(s, off+i) {
				t.openTicks++
			}
		}
	})
	return em, strike
}

// escaped reports whether the byte at i of s follows an odd number of
// backslashes.
func escaped(s string, i int) bool {
	n := 0
	for i-n-1 >= 0 && s[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// canOpenOrClose reports whether the run of n c at i of s is left- or
// right-flanking, as CommonMark defines them (for _, not inside a word).
func canOpenOrClose(s string, i, n int, c byte) bool {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	spaceBefore, spaceAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	punctBefore, punctAfter := isPunct(before), isPunct(after)
	left := !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
	right := !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
	if c == '_' {
		return left && (!right || punctBefore) || right && (!left || punctAfter)
	}
	return left || right
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// mask writes s into buf with every opaque byte replaced by 'x', so that
// prose checks see neither URLs nor code, at the same offsets.
func (t *unitText) mask(buf []byte) []byte {
	buf = append(buf[:0], t.s...)
	for _, sp := range t.opaque {
		for i := sp.start; i < sp.end; i++ {
			buf[i] = 'x'
		}
	}
	return buf
}

// prose calls f for each run of text outside the opaque spans.
func (t *unitText) prose(f func(start int, text string)) {
	last := 0
	for _, sp := range t.opaque {
		if sp.start > last {
			f(last, t.s[last:sp.start])
		}
		last = sp.end
	}
	if last < len(t.s) {
		f(last, t.s[last:])
	}
}

// proseLen returns the number of runes outside the opaque spans.
func (t *unitText) proseLen() int {
	n := 0
	t.prose(func(_ int, text string) { n += utf8.RuneCountInString(text) })
	return n
}
