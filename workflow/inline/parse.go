package inline

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Range is a byte range of a text, [Start, End).
type Range struct{ Start, End int }

// Doc is a text as ParseDoc reads it.
type Doc struct {
	Spans []Span
	// Opaque are the byte ranges of the text that hold no prose: code
	// spans, link and image destinations, autolinks and bare URLs, raw
	// HTML, note references and placeholders. Sorted and disjoint.
	Opaque []Range
	// Over says why the text was read as text, not Markdown (see
	// OverLimits), or is "".
	Over string
}

// inlineParser parses a unit's text as one paragraph of inline Markdown.
// It has no block parser but the paragraph's, so that text which looks
// like a block ("1994. A year…", "# 5") stays text, and no link reference
// definitions, so that "[x]: y" stays text too. linkParser is the same
// with bare URLs and e-mail addresses made links (GFM's linkify); it is
// slower, as it stops at every space, and is used for texts that may
// hold one: mayHoldBareLink says which.
var (
	inlineParser = newParser(false)
	linkParser   = newParser(true)
)

func newParser(linkify bool) parser.Parser {
	inlines := append(parser.DefaultInlineParsers(),
		util.Prioritized(noteRefParser{}, 50),
		util.Prioritized(strikeParser{}, 500),
		util.Prioritized(placeholderParser{}, 100),
	)
	if linkify {
		inlines = append(inlines, util.Prioritized(linkifyParser{extension.NewLinkifyParser(
			extension.WithLinkifyURLRegexp(urlRegexp),
			extension.WithLinkifyWWWRegexp(wwwRegexp),
		)}, 999))
	}
	return parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
		parser.WithInlineParsers(inlines...),
	)
}

// mayHoldBareLink reports whether src may hold a bare URL or e-mail
// address: an @, or a scheme or www. starting a word that is not a link
// destination, "](http…", or an autolink, "<http…".
func mayHoldBareLink(src string) bool {
	if strings.IndexByte(src, '@') >= 0 {
		return true
	}
	for _, start := range []string{"http:", "https:", "ftp:", "www."} {
		for i := 0; ; {
			j := strings.Index(src[i:], start)
			if j < 0 {
				break
			}
			j += i
			switch {
			case j == 0:
				return true
			case src[j-1] == '<', j >= 2 && src[j-2:j] == "](":
			case src[j-1] < 0x80 && (unicode.IsLetter(rune(src[j-1])) || unicode.IsDigit(rune(src[j-1]))):
			default:
				return true
			}
			i = j + len(start)
		}
	}
	return false
}

// urlRegexp and wwwRegexp are goldmark's linkify patterns without the
// characters a URL may not hold unencoded (quotes, angle and square
// brackets, braces, caret, backquote), so that a bare URL glued to a note
// reference ("…report.pdf[^3]") or to closing quotes ends where the URL
// does, and with no bound on the host's length: {1,256} makes 256 states
// of the matcher, and linkify the slowest part of parsing a note.
var (
	urlRegexp = regexp.MustCompile(`^(?:http|https|ftp)://[-a-zA-Z0-9@:%._\+~#=]+\.[a-zA-Z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,]*)?`)
	wwwRegexp = regexp.MustCompile(`^www\.[-a-zA-Z0-9@:%._\+~#=]+\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_\+.~#!?&/=\(\);,]*)?`)
)

// linkifyParser runs goldmark's linkify only where a link may start.
// Linkify is tried at every space, and tries an e-mail address when it
// finds no URL; looking first for what a link starts with halves the time
// a paragraph takes to parse.
type linkifyParser struct{ parser.InlineParser }

func (p linkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if !mayLink(line) {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// mayLink reports whether a bare link may start line: a URL scheme, www.
// or a word with an @ in it.
func mayLink(line []byte) bool {
	if len(line) < 4 {
		return false
	}
	switch line[0] {
	case 'h', 'f', 'w':
		if bytes.HasPrefix(line, []byte("http:")) || bytes.HasPrefix(line, []byte("https:")) ||
			bytes.HasPrefix(line, []byte("ftp:")) || bytes.HasPrefix(line, []byte("www.")) {
			return true
		}
	}
	for _, c := range line {
		switch c {
		case '@':
			return true
		case ' ', '\t', '\n', '<', '>', '(', ')', '[', ']':
			return false
		}
	}
	return false
}

// Parse parses a unit's text, inline Markdown normalized as
// segment.Normalize leaves it, into spans. Note references keep their
// label; the renderers number them. It never fails: what is not Markdown
// is text. It does not apply OverLimits: callers that take untrusted text
// do (ParseDoc does).
func Parse(src string) []Span {
	if src == "" {
		return nil
	}
	if plainOnly(src) {
		return []Span{{Kind: Text, Text: src}}
	}
	if spans, ok := simpleInline(src, nil); ok {
		return spans
	}
	return parseMarkdown(src, nil)
}

// ParseDoc parses src as Parse does, unless it is over the limits
// (OverLimits), when it is one text span, and finds its opaque ranges.
func ParseDoc(src string) Doc {
	var d Doc
	d.Parse(src)
	return d
}

// Parse fills d from src as ParseDoc does, reusing d's slices.
func (d *Doc) Parse(src string) {
	d.Spans, d.Opaque, d.Over = d.Spans[:0], d.Opaque[:0], ""
	switch {
	case src == "":
		d.Spans = nil
	case plainOnly(src):
		d.Spans = append(d.Spans, Span{Kind: Text, Text: src})
	default:
		if d.Over = OverLimits(src); d.Over != "" {
			d.Spans = append(d.Spans, Span{Kind: Text, Text: src})
			return
		}
		spans, ok := simpleInline(src, &d.Opaque)
		if !ok {
			d.Opaque = d.Opaque[:0]
			spans = parseMarkdown(src, &d.Opaque)
		}
		d.Spans = spans
		d.Opaque = tidy(d.Opaque)
	}
}

// tidy sorts ranges and merges those that overlap or touch.
func tidy(rs []Range) []Range {
	if len(rs) < 2 {
		return rs
	}
	sorted := true
	for i := 1; i < len(rs); i++ {
		if rs[i].Start < rs[i-1].Start {
			sorted = false
			break
		}
	}
	if !sorted {
		sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	}
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.Start <= last.End {
			last.End = max(last.End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}

// parseMarkdown parses src with goldmark, as Parse does when no shortcut
// applies, adding its opaque ranges to opaque when that is not nil.
func parseMarkdown(src string, opaque *[]Range) []Span {
	source := []byte(src)
	doc := parserFor(src).Parse(text.NewReader(source))
	cv := converter{source: source, text: make([]byte, 0, len(source)), opaque: opaque, end: len(source)}
	var spans []Span
	for b := doc.FirstChild(); b != nil; b = b.NextSibling() {
		if b.PreviousSibling() != nil {
			cv.text = append(cv.text, ' ')
		}
		spans = cv.walk(spans, b)
	}
	return trimSpans(cv.flush(spans))
}

func parserFor(src string) parser.Parser {
	if mayHoldBareLink(src) {
		return linkParser
	}
	return inlineParser
}

// trimSpans trims the spaces at either end.
func trimSpans(spans []Span) []Span {
	if len(spans) > 0 && spans[0].Kind == Text {
		spans[0].Text = strings.TrimLeft(spans[0].Text, " ")
	}
	if n := len(spans); n > 0 && spans[n-1].Kind == Text {
		spans[n-1].Text = strings.TrimRight(spans[n-1].Text, " ")
	}
	return spans
}

// TrimSpans trims the spaces that spans may have at either end, as Parse
// leaves none: for callers that take spans out, such as a renderer
// showing a link whose destination is unsafe as its text.
func TrimSpans(spans []Span) []Span { return trimSpans(spans) }

// batchBytes bounds the text parseBatch gives goldmark at once.
const batchBytes = 32 << 10

// ParseAll returns Parse of each text. Texts that need goldmark are
// parsed many at once, one paragraph each, separated by blank lines:
// goldmark's set-up costs as much as a short paragraph, and a
// paragraph's inlines never reach into the next.
func ParseAll(texts []string) [][]Span {
	out := make([][]Span, len(texts))
	var batch [2][]int // indexes waiting, per parser: inline, link
	size := [2]int{}
	for i, t := range texts {
		switch {
		case t == "":
		case plainOnly(t):
			out[i] = []Span{{Kind: Text, Text: t}}
		default:
			if spans, ok := simpleInline(t, nil); ok {
				out[i] = spans
				continue
			}
			k := 0
			if mayHoldBareLink(t) {
				k = 1
			}
			batch[k] = append(batch[k], i)
			size[k] += len(t) + 2
			if size[k] >= batchBytes {
				parseBatch(parsers[k], texts, batch[k], out)
				batch[k], size[k] = batch[k][:0], 0
			}
		}
	}
	for k := range batch {
		parseBatch(parsers[k], texts, batch[k], out)
	}
	return out
}

// parsers are the parsers of ParseAll's batches.
var parsers = [2]parser.Parser{inlineParser, linkParser}

// parseBatch parses texts[i] for each i of idx with p, in one goldmark
// document, and stores the spans in out[i].
func parseBatch(p parser.Parser, texts []string, idx []int, out [][]Span) {
	if len(idx) == 0 {
		return
	}
	n := 0
	for _, i := range idx {
		n += len(texts[i]) + 2
	}
	source := make([]byte, 0, n)
	for k, i := range idx {
		if k > 0 {
			source = append(source, "\n\n"...)
		}
		source = append(source, texts[i]...)
	}
	doc := p.Parse(text.NewReader(source))
	if doc.ChildCount() != len(idx) {
		// Not one paragraph per text: never for normalized text, but
		// parse each on its own rather than mismatch them.
		for _, i := range idx {
			out[i] = parseMarkdown(texts[i], nil)
		}
		return
	}
	cv := converter{source: source, text: make([]byte, 0, 1024)}
	k := 0
	for b := doc.FirstChild(); b != nil; b = b.NextSibling() {
		out[idx[k]] = trimSpans(cv.flush(cv.walk(nil, b)))
		k++
	}
}

// ParseDocs fills docs[i] from texts[i] as Doc.Parse does, reusing
// their slices, and reading the texts that need goldmark many at once as
// ParseAll does.
func ParseDocs(texts []string, docs []Doc) {
	var batch [2][]int
	size := [2]int{}
	for i, src := range texts {
		d := &docs[i]
		d.Spans, d.Opaque, d.Over = d.Spans[:0], d.Opaque[:0], ""
		switch {
		case src == "":
			d.Spans = nil
		case plainOnly(src):
			d.Spans = append(d.Spans, Span{Kind: Text, Text: src})
		default:
			if d.Over = OverLimits(src); d.Over != "" {
				d.Spans = append(d.Spans, Span{Kind: Text, Text: src})
				continue
			}
			if spans, ok := simpleInline(src, &d.Opaque); ok {
				d.Spans = spans
				continue
			}
			d.Opaque = d.Opaque[:0]
			k := 0
			if mayHoldBareLink(src) {
				k = 1
			}
			batch[k] = append(batch[k], i)
			size[k] += len(src) + 2
			if size[k] >= batchBytes {
				parseDocBatch(parsers[k], texts, batch[k], docs)
				batch[k], size[k] = batch[k][:0], 0
			}
		}
	}
	for k := range batch {
		parseDocBatch(parsers[k], texts, batch[k], docs)
	}
}

// parseDocBatch parses texts[i] for each i of idx with p, in one
// goldmark document, into docs[i].
func parseDocBatch(p parser.Parser, texts []string, idx []int, docs []Doc) {
	if len(idx) == 0 {
		return
	}
	n := 0
	for _, i := range idx {
		n += len(texts[i]) + 2
	}
	source := make([]byte, 0, n)
	starts := make([]int, len(idx))
	for k, i := range idx {
		if k > 0 {
			source = append(source, "\n\n"...)
		}
		starts[k] = len(source)
		source = append(source, texts[i]...)
	}
	doc := p.Parse(text.NewReader(source))
	if doc.ChildCount() != len(idx) {
		for _, i := range idx {
			docs[i].Parse(texts[i])
		}
		return
	}
	cv := converter{source: source, text: make([]byte, 0, 1024)}
	k := 0
	for b := doc.FirstChild(); b != nil; b = b.NextSibling() {
		d := &docs[idx[k]]
		cv.opaque, cv.base, cv.end = &d.Opaque, starts[k], starts[k]+len(texts[idx[k]])
		d.Spans = trimSpans(cv.flush(cv.walk(nil, b)))
		d.Opaque = tidy(d.Opaque)
		k++
	}
}

// plainOnly reports whether s has nothing Markdown could read as markup:
// then parsing is skipped, which most units of a plain-text article allow.
func plainOnly(s string) bool {
	if strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "{{") || strings.Contains(s, "{%") {
		return false
	}
	return !strings.ContainsAny(s, "*_`[<&\\@~")
}
