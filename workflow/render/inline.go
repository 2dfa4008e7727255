package render

import (
	"github.com/hopeborder/bitext/workflow/inline"
)

// SpanKind says what a Span is: inline.Kind, the one parse every stage
// shares.
type SpanKind = inline.Kind

// Span is one piece of a unit's inline text, parsed from its Markdown by
// package inline.
type Span = inline.Span

// The kinds of inline span the renderers draw. ParseInline gives them
// nothing else but Placeholder, which each writes as it is: an image is
// its description, raw HTML is text, and a link whose destination is not
// safe is its text alone. Strike is strikethrough (~~text~~ or ~text~);
// its Text is the delimiter it was written with.
const (
	Text        = inline.Text
	Emph        = inline.Emph
	Strong      = inline.Strong
	Strike      = inline.Strike
	Code        = inline.Code
	Link        = inline.Link
	NoteRef     = inline.NoteRef
	Placeholder = inline.Placeholder
)

// PlainText returns the text of spans without markup, note references
// left out: what a reader sees, for titles and metadata.
func PlainText(spans []Span) string { return inline.PlainText(spans) }

// SafeURL reports whether a link to dest may be followed (inline.SafeURL).
func SafeURL(dest string) bool { return inline.SafeURL(dest) }

// ParseInline parses a unit's text, inline Markdown normalized as
// segment.Normalize leaves it, into the spans the renderers draw. Note
// references keep their label; NewEdition numbers them. It never fails:
// what is not Markdown is text.
func ParseInline(src string) []Span { return drawable(inline.Parse(src)) }

// parseInlineAll returns ParseInline of each text.
func parseInlineAll(texts []string) [][]Span {
	all := inline.ParseAll(texts)
	for i := range all {
		all[i] = drawable(all[i])
	}
	return all
}

// drawable returns spans with what no edition shows as markup made text:
// no image is ever loaded (an edition makes no network request), raw HTML
// in a unit is text to show, never markup to run, and a link to a
// javascript: or data: URL is no link. The checks see the spans before
// this, so they know all of it.
func drawable(spans []Span) []Span {
	if !needsDrawing(spans) {
		return spans
	}
	return inline.TrimSpans(draw(nil, spans))
}

func needsDrawing(spans []Span) bool {
	for i := range spans {
		s := &spans[i]
		switch s.Kind {
		case inline.Image, inline.HTML:
			return true
		case Link:
			if !SafeURL(s.URL) {
				return true
			}
		}
		if needsDrawing(s.Children) {
			return true
		}
	}
	return false
}

func draw(out, spans []Span) []Span {
	for _, s := range spans {
		switch s.Kind {
		case inline.Image:
			out = draw(out, s.Children)
		case inline.HTML:
			out = inline.AppendText(out, s.Text)
		case Link:
			if !SafeURL(s.URL) {
				out = draw(out, s.Children)
				continue
			}
			s.Children = draw(nil, s.Children)
			out = append(out, s)
		case Emph, Strong, Strike:
			s.Children = draw(nil, s.Children)
			out = append(out, s)
		default:
			out = inline.AppendSpans(out, []Span{s})
		}
	}
	return out
}

// trimSpans trims the spaces at either end of spans.
func trimSpans(spans []Span) []Span { return inline.TrimSpans(spans) }

// appendText appends s to spans, merging it with a Text span before it.
func appendText(spans []Span, s string) []Span { return inline.AppendText(spans, s) }

// appendSpans appends more to spans, merging text with text and code with
// code.
func appendSpans(spans, more []Span) []Span { return inline.AppendSpans(spans, more) }
