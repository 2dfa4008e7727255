package inline

import (
	"strconv"
	"strings"
)

// Kind says what a Span is.
type Kind uint8

// The kinds of inline span.
const (
	// Text is plain text, shown as it is.
	Text Kind = iota
	// Emph is emphasis (*text*); its Children are what is emphasized.
	Emph
	// Strong is strong emphasis (**text**).
	Strong
	// Code is a code span; Text holds its content.
	Code
	// Link is a link to URL, whatever its scheme (see SafeURL); its
	// Children are the link text.
	Link
	// NoteRef is a reference to note number Note, its Occurrence-th
	// reference in its column. Label is the reference as written.
	NoteRef
	// Image is an image of URL; its Children are its description.
	Image
	// HTML is raw HTML; Text holds it as written.
	HTML
	// Strike is strikethrough (~~text~~); Text holds one of its
	// delimiters (~ or ~~), Children what is struck through.
	Strike
	// Placeholder is a static site generator's template tag, such as
	// {{< figure src="a.png" >}}; Text holds it as written, and every
	// renderer writes it as it is.
	Placeholder
)

// String names the kind, as "emph".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

var kindNames = [...]string{"text", "emph", "strong", "code", "link", "noteref", "image", "html", "strike", "placeholder"}

// Span is one piece of a unit's inline text, parsed from its Markdown.
type Span struct {
	Kind Kind
	// Text is the content of a Text, Code, HTML or Placeholder span, and
	// the delimiter of a Strike.
	Text string
	// URL is a Link's or Image's destination, unescaped; an e-mail
	// address has mailto: before it.
	URL string
	// Auto marks a Link written as a bare URL or <URL>: its text is the URL.
	Auto bool
	// Label, Note and Occurrence describe a NoteRef. Note is 0 when the
	// label names no note of the document.
	Label      string
	Note       int
	Occurrence int
	// Children are the spans inside an Emph, Strong, Strike, Link or Image.
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
		case Text, Code, HTML, Placeholder:
			b.WriteString(s.Text)
		case NoteRef:
		default:
			writePlain(b, s.Children)
		}
	}
}

// Walk calls f for each span of spans and, depth first, of their
// children.
func Walk(spans []Span, f func(s *Span)) {
	for i := range spans {
		f(&spans[i])
		Walk(spans[i].Children, f)
	}
}

// SafeURL reports whether a link to dest may be followed: a relative URL,
// or one whose scheme is http, https, mailto, ftp or tel. Anything else
// (javascript:, data:, vbscript:, file:…) is not made a link by the
// renderers. Browsers ignore tabs and newlines in URLs and leading
// control characters and spaces, so SafeURL does too before it reads the
// scheme.
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
