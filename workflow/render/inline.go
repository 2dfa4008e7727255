package render

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/hopeborder/bitext/workflow/segment"
)

// SpanKind says what a Span is.
type SpanKind uint8

// The kinds of inline span. Every renderer handles each of them.
const (
	// Text is plain text, shown as it is: a translation's raw HTML ends up
	// here, as text.
	Text SpanKind = iota
	// Emph is emphasis (*text*); its Children are what is emphasized.
	Emph
	// Strong is strong emphasis (**text**).
	Strong
	// Code is a code span; Text holds its content.
	Code
	// Link is a link to URL, which is safe (see SafeURL); its Children are
	// the link text. A link whose destination was not safe is parsed as its
	// text alone.
	Link
	// NoteRef is a reference to note number Note, its Occurrence-th
	// reference in its column. Label is the reference as written.
	NoteRef
)

// String names the kind, as "emph".
func (k SpanKind) String() string {
	switch k {
	case Text:
		return "text"
	case Emph:
		return "emph"
	case Strong:
		return "strong"
	case Code:
		return "code"
	case Link:
		return "link"
	case NoteRef:
		return "noteref"
	}
	return "SpanKind(" + strconv.Itoa(int(k)) + ")"
}

// Span is one piece of a unit's inline text, parsed from its Markdown.
type Span struct {
	Kind SpanKind
	// Text is the content of a Text or Code span.
	Text string
	// URL is a Link's destination.
	URL string
	// Auto marks a Link written as a bare URL or <URL>: its text is the URL.
	Auto bool
	// Label, Note and Occurrence describe a NoteRef. Note is 0 when the
	// label names no note of the document.
	Label      string
	Note       int
	Occurrence int
	// Children are the spans inside an Emph, Strong or Link.
	Children []Span
}

// PlainText returns the text of spans without markup, note references
// left out: what a reader sees, for titles and metadata.
func PlainText(spans []Span) string {
	var b strings.Builder
	writePlain(&b, spans)
	return b.String()
}

func writePlain(b *strings.Builder, spans []Span) {
	for i := range spans {
		s := &spans[i]
		switch s.Kind {
		case Text, Code:
			b.WriteString(s.Text)
		case NoteRef:
		default:
			writePlain(b, s.Children)
		}
	}
}

// inlineParser parses a unit's text as one paragraph of inline Markdown.
// It has no block parser but the paragraph's, so that text which looks
// like a block ("1994. A year…", "# 5") stays text, and no link reference
// definitions, so that "[x]: y" stays text too. linkParser is the same
// with bare URLs and e-mail addresses made links; it is slower, as it
// stops at every space, and is used for texts that may hold one.
var (
	inlineParser = parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(noteRefParser{}, 50),
		)...),
	)
	linkParser = parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(noteRefParser{}, 50),
			util.Prioritized(linkifyParser{extension.NewLinkifyParser(
				extension.WithLinkifyURLRegexp(urlRegexp),
				extension.WithLinkifyWWWRegexp(wwwRegexp),
			)}, 999),
		)...),
	)
)

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

// ParseInline parses a unit's text, inline Markdown normalized as
// segment.Normalize leaves it, into spans. Note references keep their
// label; NewEdition numbers them. It never fails: what is not Markdown is
// text.
func ParseInline(src string) []Span {
	if src == "" {
		return nil
	}
	if plainOnly(src) {
		return []Span{{Kind: Text, Text: src}}
	}
	if spans, ok := simpleInline(src); ok {
		return spans
	}
	return parseMarkdown(src)
}

// parseMarkdown parses src with goldmark, as ParseInline does when no
// shortcut applies.
func parseMarkdown(src string) []Span {
	source := []byte(src)
	doc := parserFor(src).Parse(text.NewReader(source))
	cv := converter{source: source, text: make([]byte, 0, len(source))}
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

// trimSpans trims the spaces an unsafe link with no text can leave at
// either end.
func trimSpans(spans []Span) []Span {
	if len(spans) > 0 && spans[0].Kind == Text {
		spans[0].Text = strings.TrimLeft(spans[0].Text, " ")
	}
	if n := len(spans); n > 0 && spans[n-1].Kind == Text {
		spans[n-1].Text = strings.TrimRight(spans[n-1].Text, " ")
	}
	return spans
}

// batchBytes bounds the text parseBatch gives goldmark at once.
const batchBytes = 32 << 10

// parseInlineAll returns ParseInline of each text. Texts that need
// goldmark are parsed many at once, one paragraph each, separated by
// blank lines: goldmark's set-up costs as much as a short paragraph, and
// a paragraph's inlines never reach into the next.
func parseInlineAll(texts []string) [][]Span {
	out := make([][]Span, len(texts))
	var batch [2][]int // indexes waiting, per parser: inline, link
	size := [2]int{}
	for i, t := range texts {
		switch {
		case t == "":
		case plainOnly(t):
			out[i] = []Span{{Kind: Text, Text: t}}
		default:
			if spans, ok := simpleInline(t); ok {
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

// parsers are the parsers of parseInlineAll's batches.
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
			out[i] = parseMarkdown(texts[i])
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

// plainOnly reports whether s has nothing Markdown could read as markup:
// then parsing is skipped, which most units of a plain-text article allow.
func plainOnly(s string) bool {
	if strings.Contains(s, "://") || strings.Contains(s, "www.") {
		return false
	}
	return !strings.ContainsAny(s, "*_`[<&\\@")
}

// simpleInline reads text whose only markup is the commonest: note
// references, *emphasis* and **strong emphasis** around plain words, and
// [links](https://…) with plain text and a plain destination, as goldmark
// with this package's parsers reads it, without goldmark; most units of
// an article are that. It reports false for anything else, which
// ParseInline then gives to goldmark. FuzzParseInline holds the two to
// the same result.
func simpleInline(src string) ([]Span, bool) {
	if mayHoldBareLink(src) {
		return nil, false
	}
	var spans []Span
	text := 0 // start of the text not yet a span
	addText := func(end int) {
		if end > text {
			spans = appendText(spans, src[text:end])
		}
	}
	for i := 0; i < len(src); {
		switch c := src[i]; c {
		case '*':
			n := 1
			if i+1 < len(src) && src[i+1] == '*' {
				n = 2
			}
			open := i + n
			if open >= len(src) || src[open] == '*' {
				return nil, false
			}
			end := strings.IndexByte(src[open:], '*')
			if end <= 0 {
				return nil, false
			}
			end += open
			if end+n > len(src) || src[end+n-1] != '*' || end+n < len(src) && src[end+n] == '*' {
				return nil, false // not a closing run as long as the opening one
			}
			inner := src[open:end]
			if !plainWords(inner) {
				return nil, false
			}
			addText(i)
			kind := Emph
			if n == 2 {
				kind = Strong
			}
			spans = append(spans, Span{Kind: kind, Children: []Span{{Kind: Text, Text: inner}}})
			i = end + n
			text = i
		case '[':
			if i > 0 && src[i-1] == '!' {
				return nil, false // an image
			}
			if i+1 < len(src) && src[i+1] == '^' {
				refs := segment.Refs(src[i:min(len(src), i+maxRefLen)])
				if len(refs) == 0 || refs[0].Start != 0 {
					return nil, false
				}
				addText(i)
				spans = append(spans, Span{Kind: NoteRef, Label: refs[0].Label})
				i += refs[0].End
				text = i
				continue
			}
			close := strings.IndexByte(src[i+1:], ']')
			if close < 0 {
				return nil, false
			}
			close += i + 1
			label := src[i+1 : close]
			if close+1 >= len(src) || src[close+1] != '(' || !plainWords(label) {
				return nil, false
			}
			end := strings.IndexByte(src[close+2:], ')')
			if end < 0 {
				return nil, false
			}
			end += close + 2
			dest := src[close+2 : end]
			if !plainDest(dest) {
				return nil, false
			}
			addText(i)
			if SafeURL(dest) {
				spans = append(spans, Span{Kind: Link, URL: dest, Children: []Span{{Kind: Text, Text: label}}})
			} else {
				spans = appendText(spans, label)
			}
			i = end + 1
			text = i
		case ']':
			i++
		case '!':
			if i+1 < len(src) && src[i+1] == '[' {
				return nil, false // an image
			}
			i++
		default:
			if bail[c] {
				return nil, false
			}
			i++
		}
	}
	addText(len(src))
	return trimSpans(spans), true
}

// bail marks the characters simpleInline leaves to goldmark.
var bail = func() (t [256]bool) {
	for _, c := range []byte("_`<&\\") {
		t[c] = true
	}
	return t
}()

// plainWords reports whether s is text that emphasis or a link can hold
// as it is: not empty, no markup, and starting and ending with a letter or
// digit, so that emphasis delimiters around it open and close whatever is
// on their other side.
func plainWords(s string) bool {
	if s == "" || strings.ContainsAny(s, "*_`[]<>&\\!") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return (unicode.IsLetter(first) || unicode.IsDigit(first)) && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// plainDest reports whether s is a link destination goldmark takes as it
// is: not empty, and only characters that need no unescaping or
// balancing (an & with no ; to end a character reference).
func plainDest(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte(":/._~%#?=+-,", c) >= 0:
		case c == '&' && strings.IndexByte(s, ';') < 0:
		default:
			return false
		}
	}
	return true
}

// converter turns goldmark's inline nodes into spans, gathering runs of
// text in one buffer: a paragraph parsed with linkify is a text node per
// word.
type converter struct {
	source []byte
	text   []byte // text seen and not yet made a span
}

// list returns the spans of n's children.
func (cv *converter) list(n ast.Node) []Span {
	return cv.flush(cv.walk(nil, n))
}

// flush makes the pending text a span.
func (cv *converter) flush(spans []Span) []Span {
	if len(cv.text) > 0 {
		spans = appendText(spans, string(cv.text))
		cv.text = cv.text[:0]
	}
	return spans
}

// add appends a span that is not text.
func (cv *converter) add(spans []Span, s Span) []Span {
	return appendSpans(cv.flush(spans), []Span{s})
}

// walk appends the spans of n's children, keeping text pending.
func (cv *converter) walk(spans []Span, n ast.Node) []Span {
	source := cv.source
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(source)
			if !c.IsRaw() {
				v = unescape(v)
			}
			cv.text = append(cv.text, v...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				cv.text = append(cv.text, ' ')
			}
		case *ast.String:
			v := c.Value
			if !c.IsCode() && !c.IsRaw() {
				v = unescape(v)
			}
			cv.text = append(cv.text, v...)
		case *ast.CodeSpan:
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(source))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			spans = cv.add(spans, Span{Kind: Code, Text: b.String()})
		case *ast.Emphasis:
			kind := Emph
			if c.Level >= 2 {
				kind = Strong
			}
			spans = cv.flush(spans)
			spans = append(spans, Span{Kind: kind, Children: cv.list(c)})
		case *ast.Link:
			spans = cv.flush(spans)
			children := cv.list(c)
			dest := string(unescape(c.Destination))
			if SafeURL(dest) {
				spans = append(spans, Span{Kind: Link, URL: dest, Children: children})
			} else {
				spans = appendSpans(spans, children)
			}
		case *ast.Image:
			// No image is ever loaded: an edition makes no network request.
			// Its description stands in for it.
			spans = cv.flush(spans)
			spans = appendSpans(spans, cv.list(c))
		case *ast.AutoLink:
			label := string(c.Label(source))
			url := string(c.URL(source))
			// Notes list URLs "a; b": GFM keeps a final semicolon in the
			// link, but no URL ends with one on purpose.
			var after string
			for strings.HasSuffix(label, ";") && strings.HasSuffix(url, ";") {
				label, url, after = label[:len(label)-1], url[:len(url)-1], after+";"
			}
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			if SafeURL(url) {
				spans = cv.add(spans, Span{Kind: Link, URL: url, Auto: true, Children: []Span{{Kind: Text, Text: label}}})
			} else {
				cv.text = append(cv.text, label...)
			}
			cv.text = append(cv.text, after...)
		case *ast.RawHTML:
			// Raw HTML in a unit is text to show, never markup to run.
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				cv.text = append(cv.text, seg.Value(source)...)
			}
		case *noteRefNode:
			spans = cv.add(spans, Span{Kind: NoteRef, Label: c.label})
		default:
			spans = cv.walk(spans, c)
		}
	}
	return spans
}

// appendText appends s to spans, merging it with a Text span before it.
func appendText(spans []Span, s string) []Span {
	if s == "" {
		return spans
	}
	if n := len(spans); n > 0 && spans[n-1].Kind == Text {
		spans[n-1].Text += s
		return spans
	}
	return append(spans, Span{Kind: Text, Text: s})
}

// appendSpans appends more to spans, merging text with text and code with
// code: two code spans side by side are one to Markdown (their fences
// would run together).
func appendSpans(spans, more []Span) []Span {
	for _, s := range more {
		n := len(spans)
		switch {
		case s.Kind == Text:
			spans = appendText(spans, s.Text)
		case s.Kind == Code && n > 0 && spans[n-1].Kind == Code:
			spans[n-1].Text += s.Text
		default:
			spans = append(spans, s)
		}
	}
	return spans
}

// unescape turns backslash escapes and character references into the
// characters they stand for, in one pass as CommonMark reads them: an
// escaped "&" starts no reference ("\&amp;" is "&amp;").
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	out := make([]byte, 0, len(v))
	start := 0
	flush := func(end int) {
		seg := v[start:end]
		if bytes.IndexByte(seg, '&') >= 0 {
			seg = util.ResolveEntityNames(util.ResolveNumericReferences(seg))
		}
		out = append(out, seg...)
	}
	for i := 0; i+1 < len(v); i++ {
		if v[i] == '\\' && util.IsPunct(v[i+1]) {
			flush(i)
			out = append(out, v[i+1])
			i++
			start = i + 1
		}
	}
	flush(len(v))
	return out
}

// SafeURL reports whether a link to dest may be followed: a relative URL,
// or one whose scheme is http, https, mailto, ftp or tel. Anything else
// (javascript:, data:, vbscript:, file:…) is not made a link. Browsers
// ignore tabs and newlines in URLs and leading control characters and
// spaces, so SafeURL does too before it reads the scheme.
func SafeURL(dest string) bool {
	var b strings.Builder
	for _, r := range dest {
		if r == '\t' || r == '\n' || r == '\r' {
			continue
		}
		if b.Len() == 0 && (r <= ' ' || r == '\u00a0') {
			continue
		}
		b.WriteRune(r)
	}
	s := b.String()
	end := strings.IndexAny(s, ":/?#")
	if end <= 0 || s[end] != ':' {
		return true // no scheme: relative
	}
	switch strings.ToLower(s[:end]) {
	case "http", "https", "mailto", "ftp", "tel":
		return true
	}
	return false
}

// noteRefParser reads a note reference, [^label], as segment.Refs does.
// It runs before goldmark's link parser, which would otherwise take the
// brackets for a link label.
type noteRefParser struct{}

var kindNoteRef = ast.NewNodeKind("NoteRef")

// noteRefNode is a note reference in goldmark's tree.
type noteRefNode struct {
	ast.BaseInline
	label string
}

func (n *noteRefNode) Kind() ast.NodeKind { return kindNoteRef }

func (n *noteRefNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.label}, nil)
}

func (noteRefParser) Trigger() []byte { return []byte{'['} }

// maxRefLen is the longest note reference: "[^" and "]" around a label
// of at most 64 bytes, as segment.Refs reads them. No reference ends
// further than that, and looking for its "]" in the rest of the
// paragraph at each "[" would be quadratic.
const maxRefLen = len("[^]") + 64

func (noteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 4 || line[1] != '^' {
		return nil
	}
	end := bytes.IndexByte(line[:min(len(line), maxRefLen)], ']')
	if end < 0 {
		return nil
	}
	refs := segment.Refs(string(line[:end+1]))
	if len(refs) != 1 || refs[0].Start != 0 {
		return nil
	}
	block.Advance(end + 1)
	return &noteRefNode{label: refs[0].Label}
}
