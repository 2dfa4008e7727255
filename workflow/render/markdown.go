package render

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/segment"
)

// Markdown writes each translation as a Markdown article, <doc>.<lang>.md,
// which bitext's own Markdown reader reads back unit for unit.
//
// A Markdown source is written as it is, each unit's text in its place:
// its front matter (every key the source has, the translated ones
// translated), code, tables, HTML and link definitions are where the
// source has them. So the source language's edition, which is written
// too, is the source itself, and a translation's is the same document in
// another language. Other sources are written as YAML front matter with
// the title (in Markdown), ISO date and language (and dir: rtl for one
// written right to left), then the article in
// CommonMark with footnotes and tables; a Word source's source-language
// edition is written too.
//
// An incomplete translation says how complete it is in a comment. A
// translation's text is rewritten from the parsed spans, never copied:
// raw HTML in a translation comes out escaped, and a link that is not
// safe as its text alone; a translated HTML block is sanitized. A
// passage shown in the original is marked, as in the HTML editions.
type Markdown struct{}

// Render implements Renderer.
func (Markdown) Render(ed *Edition) ([]File, error) {
	var files []File
	first := 1
	if ed.Structured {
		first = 0
	}
	for col := first; col < len(ed.Langs); col++ {
		var data []byte
		var warnings []Warning
		var err error
		if ed.Template != nil {
			data, warnings = templateArticle(ed, col)
		} else {
			data, err = markdownArticle(ed, col)
		}
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: LangName(ed, col, "md"), Data: data, Warnings: warnings})
	}
	return files, nil
}

// frontMatter is the YAML head of a Markdown edition.
type frontMatter struct {
	Title string `yaml:"title"`
	Date  string `yaml:"date,omitempty"`
	Lang  string `yaml:"lang"`
	// Dir is rtl for a language written right to left, as Pandoc's
	// templates read it; else left out.
	Dir string `yaml:"dir,omitempty"`
	// The credits (Edition.Credits), under the keys Pandoc and static
	// site generators read: author, translator and reviewer of this
	// language, publisher, original_url, original_date and license.
	Author       []string `yaml:"author,omitempty"`
	Translator   []string `yaml:"translator,omitempty"`
	Reviewer     []string `yaml:"reviewer,omitempty"`
	Publisher    string   `yaml:"publisher,omitempty"`
	OriginalURL  string   `yaml:"original_url,omitempty"`
	OriginalDate string   `yaml:"original_date,omitempty"`
	License      string   `yaml:"license,omitempty"`
	// Credits are the masthead's lines, in the edition's language.
	Credits []string `yaml:"credits,omitempty"`
}

func markdownArticle(ed *Edition, col int) ([]byte, error) {
	var b bytes.Buffer
	tag := ed.Langs[col].Tag
	p := ed.PhrasesFor(tag)
	// The title is Markdown too: Pandoc reads metadata as Markdown, and
	// a title from a translation is as untrusted as the text.
	title := ed.Name
	for i := range ed.Rows {
		if ed.Rows[i].Kind == segment.Title {
			title = inlineMarkdown(ed.Rows[i].Cells[col].Spans, true)
			break
		}
	}
	// The credits are Markdown to Pandoc too: escaped, as the text is,
	// and an address that is not safe left out.
	cr := ed.Credits
	text := func(s string) string {
		var b bytes.Buffer
		writeMarkdownText(&b, s, true)
		return b.String()
	}
	texts := func(names []string) []string {
		var out []string
		for _, n := range names {
			out = append(out, text(n))
		}
		return out
	}
	head := frontMatter{Title: title, Date: ed.Date, Lang: tag.String(), Author: texts(cr.Authors), OriginalDate: cr.Date}
	if cr.Publisher != "" {
		head.Publisher = text(cr.Publisher)
	}
	if cr.License != "" {
		head.License = text(cr.License)
	}
	if SafeURL(cr.URL) {
		head.OriginalURL = cr.URL
	}
	if !ed.Langs[col].Source {
		head.Translator, head.Reviewer = texts(cr.Translators[tag.String()]), texts(cr.Reviewers[tag.String()])
	}
	for _, l := range ed.Masthead(col) {
		head.Credits = append(head.Credits, text(l.Text()))
	}
	if locale.RightToLeft(tag) {
		head.Dir = "rtl"
	}
	fm, err := yaml.Marshal(head)
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
	inNotes := false
	for bi := range ed.Blocks {
		blk := &ed.Blocks[bi]
		if blk.Kind != segment.UnitBlock {
			b.WriteString("\n")
			if inNotes {
				b.WriteString(indent(passMarkdown(ed, blk, col), "    "))
			} else {
				b.WriteString(passMarkdown(ed, blk, col))
			}
			prev = ""
			continue
		}
		row := &ed.Rows[blk.Unit]
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
		text := segment.WriteBreaks(line.String(), continuation(row))
		if inNotes && row.Kind != segment.Note {
			// The note before goes on: its second paragraph, its list.
			b.WriteString("\n" + indent(blockMarkdown(ed, row, col, text)+"\n", "    "))
			prev = row.Kind
			continue
		}
		switch row.Kind {
		case segment.Title, segment.Date, segment.Field:
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
			b.WriteString(itemMarker(row) + text + "\n")
		case segment.Note:
			if prev != segment.Note {
				b.WriteString("\n")
			}
			inNotes = true
			b.WriteString("[^" + strconv.Itoa(row.Note) + "]: " + text + "\n")
		case segment.HTML, segment.Code:
			b.WriteString("\n" + blockMarkdown(ed, row, col, text) + "\n")
		default:
			b.WriteString("\n" + text + "\n")
		}
		prev = row.Kind
	}
	return b.Bytes(), nil
}

// continuation returns what starts the lines of a unit after its first,
// in the Markdown a source that is not Markdown is written as.
func continuation(row *Row) string {
	switch {
	case row.Kind == segment.Note || row.InNote > 0:
		return "    "
	case row.Kind == segment.Epigraph || row.Kind == segment.Quote:
		return "> "
	case row.Kind == segment.Item:
		return strings.Repeat(" ", len(itemMarker(row)))
	}
	return ""
}

// itemMarker returns what starts the line of an item: its indentation
// in nested lists, the list marker, and a task's box.
func itemMarker(row *Row) string {
	s := strings.Repeat("    ", max(row.Depth-1, 0))
	if row.Ordered {
		s += "1. "
	} else {
		s += "- "
	}
	switch row.Task {
	case 1:
		s += "[ ] "
	case 2:
		s += "[x] "
	}
	return s
}

// blockMarkdown writes a unit that is a block of its own in a note, or
// an HTML block or code anywhere: text is its inline Markdown, as
// written for a paragraph.
func blockMarkdown(ed *Edition, row *Row, col int, text string) string {
	c := &row.Cells[col]
	switch row.Kind {
	case segment.HTML:
		h := c.Text
		if col != 0 && !c.Fallback {
			h = sanitize(h, true)
		}
		return htmlLines(h, "")
	case segment.Code:
		return fence(c.Text, "")
	case segment.Item:
		return itemMarker(row) + text
	}
	return text
}

// passMarkdown writes a block that is not one unit: code, a rule, HTML,
// a table; it ends with a line break.
func passMarkdown(ed *Edition, b *segment.Block, col int) string {
	switch b.Kind {
	case segment.CodeBlock:
		return fence(b.Text, b.Info) + "\n"
	case segment.BreakBlock:
		return "* * *\n"
	case segment.RawBlock:
		return htmlLines(sanitize(b.Text, true), "") + "\n"
	case segment.TableBlock:
		var s strings.Builder
		for i, cells := range b.Table.Rows {
			s.WriteString("|")
			for _, tc := range cells {
				s.WriteString(" ")
				if tc.Unit >= 0 {
					s.WriteString(escapePipes(inlineMarkdown(ed.Rows[tc.Unit].Cells[col].Spans, false)))
				}
				s.WriteString(" |")
			}
			s.WriteString("\n")
			if i == 0 {
				s.WriteString("|")
				for j := range cells {
					a := segment.AlignNone
					if j < len(b.Table.Align) {
						a = b.Table.Align[j]
					}
					s.WriteString([...]string{segment.AlignNone: " --- |", segment.AlignLeft: " :-- |", segment.AlignCenter: " :-: |", segment.AlignRight: " --: |"}[a])
				}
				s.WriteString("\n")
			}
		}
		return s.String()
	}
	return ""
}

// fence writes code in a fence longer than any run of backquotes in it.
func fence(code, info string) string {
	f := strings.Repeat("`", max(3, longestRun(code, '`')+1))
	return f + info + "\n" + code + "\n" + f
}

// indent starts every line of s that is not blank with prefix.
func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			b.WriteString(prefix)
		}
		b.WriteString(l)
	}
	return b.String()
}

// escapePipes escapes the "|" of inline Markdown that a table cell holds:
// GitHub's tables take an unescaped one, even in a code span, for the
// end of the cell.
func escapePipes(s string) string {
	if !strings.Contains(s, "|") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && (i == 0 || s[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// htmlLines writes an HTML block so that it stays one: its first tag
// alone on the first line (an HTML block of a tag CommonMark does not
// know must be), the rest on the next line, after prefix.
func htmlLines(h, prefix string) string {
	h = strings.TrimSpace(h)
	if !strings.HasPrefix(h, "<") {
		return h
	}
	end := strings.IndexByte(h, '>')
	if end < 0 || end == len(h)-1 {
		return h
	}
	rest := strings.TrimSpace(h[end+1:])
	if rest == "" {
		return h[:end+1]
	}
	return h[:end+1] + "\n" + prefix + strings.ReplaceAll(rest, "\n", "\n"+prefix)
}

// inlineMarkdown returns spans as inline Markdown that reads back as the
// same spans; atStart says the text starts a line. Emphasis and
// strikethrough are checked by reading them back: where Markdown's
// delimiter rules would read them otherwise ("***!*0**"), the unit is
// written without either, its text kept whole.
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
		if k := spans[i].Kind; k == Emph || k == Strong || k == Strike || hasEmphasis(spans[i].Children) {
			return true
		}
	}
	return false
}

// plainEmphasis reports whether all emphasis and strikethrough in spans
// reads back for sure, without checking: each is around text that starts
// and ends with a letter or digit, so its delimiters open and close
// whatever is around them, and none touches another, nor a strikethrough
// a tilde before it (GFM opens none after a "~", escaped or not).
func plainEmphasis(spans []Span) bool {
	prevEmph := false
	for i, s := range spans {
		switch s.Kind {
		case Emph, Strong, Strike:
			if prevEmph || len(s.Children) != 1 || s.Children[0].Kind != Text {
				return false
			}
			if s.Kind == Strike && i > 0 && spans[i-1].Kind == Text && strings.HasSuffix(spans[i-1].Text, "~") {
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

// stripEmphasis returns spans with emphasis and strikethrough replaced by
// their content.
func stripEmphasis(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		switch s.Kind {
		case Emph, Strong, Strike:
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
		case Strike:
			delim := s.Text
			if delim != "~" {
				delim = "~~"
			}
			b.WriteString(delim)
			writeMarkdownSpans(b, s.Children, false)
			b.WriteString(delim)
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
