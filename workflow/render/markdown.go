package render

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/segment"
)

// Markdown writes each translation as a Markdown article, <doc>.<lang>.md:
// YAML front matter with the title (in Markdown), ISO date and language, then the
// article in CommonMark with footnotes, which bitext's own Markdown reader
// reads back unit for unit. An incomplete translation says how complete it
// is in a comment of the front matter. The text is rewritten from the parsed spans,
// never copied: raw HTML in a translation comes out escaped, and a link
// that is not safe as its text alone. A passage shown in the original is
// marked, as in the HTML editions.
type Markdown struct{}

// Render implements Renderer.
func (Markdown) Render(ed *Edition) ([]File, error) {
	var files []File
	for col := 1; col < len(ed.Langs); col++ {
		data, err := markdownArticle(ed, col)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: LangName(ed, col, "md"), Data: data})
	}
	return files, nil
}

// frontMatter is the YAML head of a Markdown edition.
type frontMatter struct {
	Title string `yaml:"title"`
	Date  string `yaml:"date,omitempty"`
	Lang  string `yaml:"lang"`
}

func markdownArticle(ed *Edition, col int) ([]byte, error) {
	var b bytes.Buffer
	tag := ed.Langs[col].Tag
	p := PhrasesFor(tag)
	// The title is Markdown too: Pandoc reads metadata as Markdown, and
	// a title from a translation is as untrusted as the text.
	title := ed.Name
	for i := range ed.Rows {
		if ed.Rows[i].Kind == segment.Title {
			title = inlineMarkdown(ed.Rows[i].Cells[col].Spans, true)
			break
		}
	}
	fm, err := yaml.Marshal(frontMatter{Title: title, Date: ed.Date, Lang: tag.String()})
	if err != nil {
		return nil, err
	}
	b.WriteString("---\n")
	b.Write(fm)
	if l := ed.Langs[col]; l.ShowProgress() {
		// A YAML comment: for the editor, not the reader.
		b.WriteString("# ")
		b.WriteString(p.Progress(l, ed.Langs[0].Tag))
		b.WriteString("\n")
	}
	b.WriteString("---\n")
	var prev segment.Kind
	for i := range ed.Rows {
		row := &ed.Rows[i]
		c := &row.Cells[col]
		var line bytes.Buffer
		if c.Fallback {
			mark := p.Untranslated
			if c.State == project.Stale {
				mark = p.Stale
			}
			line.WriteString("*(")
			writeMarkdownText(&line, mark, false)
			line.WriteString(")* ")
		}
		line.WriteString(inlineMarkdown(c.Spans, line.Len() == 0))
		text := line.String()
		switch row.Kind {
		case segment.Title, segment.Date:
			// In the front matter.
			continue
		case segment.Heading:
			if strings.HasSuffix(text, "#") {
				// A closing run of # would be taken for the heading's end.
				text = text[:len(text)-1] + `\#`
			}
			b.WriteString("\n" + strings.Repeat("#", min(row.Level, 6)) + " " + text + "\n")
		case segment.Epigraph, segment.Quote:
			if prev == segment.Epigraph || prev == segment.Quote {
				b.WriteString(">\n")
			} else {
				b.WriteString("\n")
			}
			b.WriteString("> " + text + "\n")
		case segment.Attribution:
			if prev == segment.Epigraph || prev == segment.Quote {
				b.WriteString(">\n> — " + text + "\n")
			} else {
				b.WriteString("\n— " + text + "\n")
			}
		case segment.Item:
			if prev != segment.Item {
				b.WriteString("\n")
			}
			b.WriteString("- " + text + "\n")
		case segment.Note:
			if prev != segment.Note {
				b.WriteString("\n")
			}
			b.WriteString("[^" + strconv.Itoa(row.Note) + "]: " + text + "\n")
		default:
			b.WriteString("\n" + text + "\n")
		}
		prev = row.Kind
	}
	return b.Bytes(), nil
}

// inlineMarkdown returns spans as inline Markdown that reads back as the
// same spans; atStart says the text starts a line. Emphasis is checked by
// reading it back: where Markdown's delimiter rules would read it
// otherwise ("***!*0**"), the unit is written without emphasis, its text
// kept whole.
func inlineMarkdown(spans []Span, atStart bool) string {
	var b bytes.Buffer
	writeMarkdownSpans(&b, spans, atStart)
	if !hasEmphasis(spans) || plainEmphasis(spans) || sameSpans(ParseInline(b.String()), spans) {
		return b.String()
	}
	b.Reset()
	writeMarkdownSpans(&b, trimSpans(stripEmphasis(spans)), atStart)
	return b.String()
}

func hasEmphasis(spans []Span) bool {
	for i := range spans {
		if spans[i].Kind == Emph || spans[i].Kind == Strong || hasEmphasis(spans[i].Children) {
			return true
		}
	}
	return false
}

// plainEmphasis reports whether all emphasis in spans reads back for
// sure, without checking: each is around text that starts and ends with
// a letter or digit, so its delimiters open and close whatever is around
// them, and none touches another.
func plainEmphasis(spans []Span) bool {
	prevEmph := false
	for _, s := range spans {
		switch s.Kind {
		case Emph, Strong:
			if prevEmph || len(s.Children) != 1 || s.Children[0].Kind != Text {
				return false
			}
			t := s.Children[0].Text
			first, _ := utf8.DecodeRuneInString(t)
			last, _ := utf8.DecodeLastRuneInString(t)
			if !isAlnum(first) || !isAlnum(last) {
				return false
			}
			prevEmph = true
		case Link:
			if !plainEmphasis(s.Children) {
				return false
			}
			prevEmph = false
		default:
			prevEmph = false
		}
	}
	return true
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// stripEmphasis returns spans with emphasis replaced by its content.
func stripEmphasis(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		switch s.Kind {
		case Emph, Strong:
			out = appendSpans(out, stripEmphasis(s.Children))
		case Text:
			out = appendText(out, s.Text)
		default:
			s.Children = stripEmphasis(s.Children)
			out = appendSpans(out, []Span{s})
		}
	}
	return out
}

// sameSpans reports whether spans read back from Markdown (got) are the
// spans written (want), as far as Markdown can say: references by note
// number, and links whatever way they were written.
func sameSpans(got, want []Span) bool {
	got, want = comparable(got, false), comparable(want, true)
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Kind != w.Kind || g.Text != w.Text || g.URL != w.URL || g.Label != w.Label || !sameSpans(g.Children, w.Children) {
			return false
		}
	}
	return true
}

// comparable merges text and makes references comparable: a written one
// is labelled with its note number, or is text when it has none.
func comparable(spans []Span, written bool) []Span {
	var out []Span
	for _, s := range spans {
		switch {
		case s.Kind == Text:
			out = appendText(out, s.Text)
			continue
		case s.Kind == NoteRef && written && s.Note == 0:
			out = appendText(out, "[^"+s.Label+"]")
			continue
		case s.Kind == NoteRef && written:
			s.Label = strconv.Itoa(s.Note)
		}
		s.Note, s.Occurrence, s.Auto = 0, 0, false
		out = append(out, s)
	}
	return out
}

// writeMarkdownSpans writes spans as inline Markdown. atStart says the
// text starts a line.
func writeMarkdownSpans(b *bytes.Buffer, spans []Span, atStart bool) {
	for i := range spans {
		s := &spans[i]
		switch s.Kind {
		case Text:
			writeMarkdownText(b, s.Text, atStart && b.Len() == 0)
		case Emph:
			b.WriteString("*")
			writeMarkdownSpans(b, s.Children, false)
			b.WriteString("*")
		case Strong:
			b.WriteString("**")
			writeMarkdownSpans(b, s.Children, false)
			b.WriteString("**")
		case Code:
			fence := strings.Repeat("`", longestRun(s.Text, '`')+1)
			pad := ""
			// Markdown strips one space at each end of a code span that has
			// both and is not all spaces; a backquote at an end needs one.
			if strings.HasPrefix(s.Text, "`") || strings.HasSuffix(s.Text, "`") ||
				strings.HasPrefix(s.Text, " ") && strings.HasSuffix(s.Text, " ") && strings.Trim(s.Text, " ") != "" {
				pad = " "
			}
			b.WriteString(fence + pad + s.Text + pad + fence)
		case Link:
			dest := markdownDest(s.URL)
			if s.Auto && PlainText(s.Children) == s.URL && !strings.ContainsAny(s.URL, "<> ") {
				b.WriteString("<" + s.URL + ">")
				continue
			}
			escapeBang(b)
			b.WriteString("[")
			writeMarkdownSpans(b, s.Children, false)
			b.WriteString("](" + dest + ")")
		case NoteRef:
			if s.Note == 0 {
				writeMarkdownText(b, "[^"+s.Label+"]", false)
				continue
			}
			escapeBang(b)
			b.WriteString("[^" + strconv.Itoa(s.Note) + "]")
		case Placeholder:
			b.WriteString(s.Text)
		}
	}
}

// escapeBang escapes a "!" that ends b before a "[" is written: "![" would
// start an image. writeMarkdownText never escapes "!", so one at the end
// is always literal.
func escapeBang(b *bytes.Buffer) {
	if n := b.Len(); n > 0 && b.Bytes()[n-1] == '!' {
		b.Truncate(n - 1)
		b.WriteString(`\!`)
	}
}

// markdownDest writes a link destination: in angle brackets when it
// holds spaces, parentheses, brackets or backslashes, which are escaped.
func markdownDest(u string) string {
	var b strings.Builder
	angle := u == "" || strings.ContainsAny(u, " ()<>\\")
	if angle {
		b.WriteByte('<')
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '<' || c == '>' || c == '\\':
			b.WriteByte('\\')
		case c == '&' && entityLike(u[i:]):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	if angle {
		b.WriteByte('>')
	}
	return b.String()
}

// writeMarkdownText writes text so that Markdown shows it as it is: the
// characters that would start markup are escaped with a backslash.
func writeMarkdownText(b *bytes.Buffer, s string, atStart bool) {
	if atStart && s != "" {
		switch s[0] {
		case '#', '>', '-', '+', '=', '|':
			b.WriteByte('\\')
		}
		// "1994. A year…" or "3) …" would start a list.
		j := 0
		for j < len(s) && j < 9 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > 0 && j < len(s) && (s[j] == '.' || s[j] == ')') {
			b.WriteString(s[:j])
			b.WriteByte('\\')
			s = s[j:]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '~':
			b.WriteByte('\\')
		case '&':
			if entityLike(s[i:]) {
				b.WriteByte('\\')
			}
		case ':':
			// Text that was not a link must not become one: "http\://".
			if strings.HasPrefix(s[i:], "://") {
				b.WriteByte('\\')
			}
		case '.':
			if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				b.WriteByte('\\')
			}
		case '@':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
}

// entityLike reports whether s starts with what Markdown reads as a
// character reference: "&amp;", "&#38;", "&#x26;".
func entityLike(s string) bool {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 33 {
		return false
	}
	for _, c := range s[1:end] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#') {
			return false
		}
	}
	return true
}

func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}
