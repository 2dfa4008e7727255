package inline

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// converter turns goldmark's inline nodes into spans, gathering runs of
// text in one buffer: a paragraph parsed with linkify is a text node per
// word. When opaque is not nil, it also records there the byte ranges of
// the source that hold no prose.
type converter struct {
	source []byte
	text   []byte // text seen and not yet made a span
	opaque *[]Range
	// base and end bound the text whose opaque ranges are recorded, in
	// the source, which may hold many texts: ranges are recorded from
	// base.
	base, end int
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

// mark records [start, end) as opaque.
func (cv *converter) mark(start, end int) {
	if cv.opaque != nil && cv.base <= start && start < end && end <= cv.end {
		*cv.opaque = append(*cv.opaque, Range{start - cv.base, end - cv.base})
	}
}

// offset returns where sub, a slice of the source, starts in it, or -1.
func (cv *converter) offset(sub []byte) int {
	if len(sub) == 0 {
		return -1
	}
	off := cap(cv.source) - cap(sub)
	if off < 0 || off+len(sub) > len(cv.source) || &cv.source[off] != &sub[0] {
		return -1
	}
	return off
}

// markSlice records sub, a slice of the source, as opaque, and the
// closing byte after it when it is close (">" of an autolink, ")" of a
// destination) and the opening one before it when it is open.
func (cv *converter) markSlice(sub []byte, open, close byte) {
	if cv.opaque == nil {
		return
	}
	off := cv.offset(sub)
	if off < 0 {
		return
	}
	start, end := off, off+len(sub)
	if open != 0 && start > cv.base && cv.source[start-1] == open {
		start--
	}
	if close != 0 && end < len(cv.source) && cv.source[end] == close {
		end++
	}
	cv.mark(start, end)
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
			start, end := -1, -1
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(source))
					if start < 0 {
						start = t.Segment.Start
					}
					end = t.Segment.Stop
				case *ast.String:
					b.Write(t.Value)
				}
			}
			if cv.opaque != nil && start >= 0 {
				// The fences, and the space that pads the content.
				if start > 1 && source[start-1] == ' ' && source[start-2] == '`' {
					start--
				}
				for start > 0 && source[start-1] == '`' {
					start--
				}
				if end+1 < len(source) && source[end] == ' ' && source[end+1] == '`' {
					end++
				}
				for end < len(source) && source[end] == '`' {
					end++
				}
				cv.mark(start, end)
			}
			spans = cv.add(spans, Span{Kind: Code, Text: b.String()})
		case *ast.Emphasis:
			kind := Emph
			if c.Level >= 2 {
				kind = Strong
			}
			spans = cv.flush(spans)
			spans = append(spans, Span{Kind: kind, Children: cv.list(c)})
		case *strikeNode:
			spans = cv.flush(spans)
			spans = append(spans, Span{Kind: Strike, Text: strings.Repeat("~", c.level), Children: cv.list(c)})
		case *ast.Link:
			spans = cv.flush(spans)
			children := cv.list(c)
			cv.markSlice(c.Destination, '<', '>')
			spans = append(spans, Span{Kind: Link, URL: string(unescape(c.Destination)), Children: children})
		case *ast.Image:
			spans = cv.flush(spans)
			children := cv.list(c)
			cv.markSlice(c.Destination, '<', '>')
			spans = append(spans, Span{Kind: Image, URL: string(unescape(c.Destination)), Children: children})
		case *ast.AutoLink:
			labelBytes := c.Label(source)
			cv.markSlice(labelBytes, '<', '>')
			label := string(labelBytes)
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
			spans = cv.add(spans, Span{Kind: Link, URL: url, Auto: true, Children: []Span{{Kind: Text, Text: label}}})
			cv.text = append(cv.text, after...)
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				b.Write(seg.Value(source))
				cv.mark(seg.Start, seg.Stop)
			}
			spans = cv.add(spans, Span{Kind: HTML, Text: b.String()})
		case *noteRefNode:
			cv.mark(c.start, c.end)
			spans = cv.add(spans, Span{Kind: NoteRef, Label: c.label})
		case *placeholderNode:
			cv.mark(c.start, c.end)
			spans = cv.add(spans, Span{Kind: Placeholder, Text: string(source[c.start:c.end])})
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

// AppendText appends s to spans, merging it with a Text span before it.
func AppendText(spans []Span, s string) []Span { return appendText(spans, s) }

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

// AppendSpans appends more to spans as the parser does: text merged with
// text, code with code.
func AppendSpans(spans, more []Span) []Span { return appendSpans(spans, more) }

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
