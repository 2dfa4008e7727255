package render

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/segment"
)

// templateArticle writes column col of an edition of a Markdown source:
// the source, each unit's slot filled with its text in that column.
func templateArticle(ed *Edition, col int) ([]byte, []Warning) {
	var b bytes.Buffer
	var warnings []Warning
	p := PhrasesFor(ed.Langs[col].Tag)
	progress := ""
	if l := ed.Langs[col]; !l.Complete() {
		progress = p.Progress(l, ed.Langs[0].Tag)
	}
	size := 0
	for _, pc := range ed.Template {
		size += len(pc.Text) + 16
	}
	b.Grow(size + size/4)
	for i, pc := range ed.Template {
		if i == 0 && progress != "" {
			if pc.Syntax == segment.Verbatim && (strings.HasPrefix(pc.Text, "---\n") || strings.HasPrefix(pc.Text, "+++\n") ||
				strings.HasPrefix(pc.Text, "---\r\n") || strings.HasPrefix(pc.Text, "+++\r\n")) {
				// A comment in the front matter, after its first line: for
				// the editor, not the reader.
				nl := strings.IndexByte(pc.Text, '\n') + 1
				b.WriteString(pc.Text[:nl] + "# " + oneLine(progress) + "\n" + pc.Text[nl:])
				continue
			}
			b.WriteString("<!-- " + strings.ReplaceAll(oneLine(progress), "--", "- -") + " -->\n\n")
		}
		if pc.Syntax == segment.Verbatim {
			b.WriteString(pc.Text)
			continue
		}
		if pc.Unit < 0 || pc.Unit >= len(ed.Rows) {
			continue
		}
		text, warn := ed.slotText(pc, col, p)
		if warn != "" {
			c := &ed.Rows[pc.Unit].Cells[col]
			warnings = append(warnings, Warning{File: c.File, Line: c.Line, ID: ed.Rows[pc.Unit].ID, Check: "limits", Msg: warn})
		}
		b.WriteString(text)
	}
	return b.Bytes(), warnings
}

// oneLine makes s one line.
func oneLine(s string) string { return strings.NewReplacer("\r", " ", "\n", " ").Replace(s) }

// slotText returns what a slot of the template holds in column col, and
// what to warn of when it holds other than the column's text. The
// source's text (in its column, and standing in for a missing
// translation) is the publisher's and goes in as written; a
// translation's is rewritten from its spans, or sanitized.
func (ed *Edition) slotText(pc segment.Piece, col int, p Phrases) (string, string) {
	row := &ed.Rows[pc.Unit]
	c := &row.Cells[col]
	trusted := col == 0 || c.Fallback
	src := row.Cells[0].Text
	switch pc.Syntax {
	case segment.YAMLSlot, segment.TOMLSlot:
		if trusted && pc.Text != "" {
			return pc.Text, "" // as the source writes it
		}
		if pc.Syntax == segment.TOMLSlot {
			return tomlString(c.Text), ""
		}
		return yamlString(c.Text + blockScalarEnd(pc.Text)), ""
	case segment.DateSlot:
		if col == 0 {
			return pc.Text, ""
		}
		return inlineMarkdown(c.Spans, true), ""
	case segment.HTMLSlot:
		h := src
		if !trusted {
			h = sanitize(c.Text, true)
		}
		return htmlLines(h, pc.Prefix), ""
	case segment.CodeSlot:
		code, warn := c.Text, ""
		if !trusted && fenceLine(code) {
			code, warn = src, "the translation of this code has a line that would end its fence (``` or ~~~); the Markdown edition shows the English"
		}
		return strings.ReplaceAll(code, "\n", "\n"+pc.Prefix), warn
	}
	var text string
	if trusted {
		text = segment.RelabelRefs(src, func(l string) string {
			if n := ed.labels[l]; n > 0 {
				return strconv.Itoa(n)
			}
			return l
		})
		if pc.Syntax != segment.CellSlot {
			text = segment.WriteInline(text, pc.Prefix)
		}
	} else {
		text = inlineMarkdown(c.Spans, pc.Syntax == segment.InlineSlot)
		if pc.Syntax == segment.CellSlot {
			text = escapePipes(text)
		}
		if row.Kind == segment.Heading && strings.HasSuffix(text, "#") {
			text = text[:len(text)-1] + `\#`
		}
	}
	if c.Fallback && col != 0 && pc.Syntax != segment.CellSlot {
		mark := p.Untranslated
		if c.State.String() == "stale" {
			mark = p.Stale
		}
		var m bytes.Buffer
		m.WriteString("*(")
		writeMarkdownText(&m, mark, false)
		m.WriteString(")* ")
		text = m.String() + text
	}
	if pc.Syntax == segment.NoteSlot {
		text = "[^" + strconv.Itoa(row.Note) + "]: " + text
	}
	if !trusted {
		text = segment.WriteBreaks(text, pc.Prefix)
	}
	return text, ""
}

// blockScalarEnd returns the line break a YAML block scalar as the source
// writes it ("> …", "| …") ends its value with, unless it strips it
// ("|-"): a translation's value ends so too, and is the same data.
func blockScalarEnd(src string) string {
	src = strings.TrimLeft(src, " ")
	if (strings.HasPrefix(src, ">") || strings.HasPrefix(src, "|")) && !strings.HasPrefix(src[1:], "-") {
		return "\n"
	}
	return ""
}

// fenceLine reports whether code has a line that would end a fence.
func fenceLine(code string) bool {
	for _, l := range strings.Split(code, "\n") {
		l = strings.TrimLeft(l, " \t")
		if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			return true
		}
	}
	return false
}

// yamlString writes s as a YAML double-quoted string on one line.
func yamlString(s string) string { return catalog.Quote(s) }

// tomlString writes s as a TOML basic string.
func tomlString(s string) string { return catalog.Quote(s) }
