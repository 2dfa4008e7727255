package render

import (
	"strconv"

	"github.com/hopeborder/bitext/workflow/segment"
)

// MonolingualHTML writes the one-language editions, <doc>.<lang>.html for
// the source language and each target, linked to each other and to the
// bilingual editions with hreflang alternates. A target edition shows the
// original, marked, where the translation is missing or stale, and says
// how complete it is.
type MonolingualHTML struct {
	// Paper is the page size the print stylesheet asks for.
	Paper Paper
}

// Render implements Renderer.
func (r MonolingualHTML) Render(ed *Edition) ([]File, error) {
	all := make([]int, len(ed.Langs))
	for i := range all {
		all[i] = i
	}
	var files []File
	for col := range ed.Langs {
		name := LangName(ed, col, "html")
		files = append(files, File{Name: name, Data: r.page(ed, col, name, all)})
	}
	return files, nil
}

func (r MonolingualHTML) page(ed *Edition, col int, name string, all []int) []byte {
	h := &htmlWriter{ed: ed}
	h.Grow(sizeHint(ed, 1))
	c := newColumn(ed, col, "")
	alts := alternates(ed, all, name)
	title := ed.Title(col)

	h.WriteString("<!DOCTYPE html>\n<html lang=\"")
	h.escapeAttr(c.tag.String())
	h.WriteString("\"")
	h.pageDir(c.tag)
	h.WriteString(">\n")
	h.head(title, alts, ed.css(r.Paper, title), []int{col}, ed.field(col, "description"))
	h.WriteString("<body class=\"single\">\n<header class=\"toolbar\">\n")
	h.editionsNav(alts, c.phrases, c.tag)
	h.WriteString("</header>\n<main>\n<article>\n")

	lang := ed.Langs[col]
	progress := lang.ShowProgress()
	masthead := true // written after the title and date
	notesHeading := ed.NotesNeedHeading()
	inList := ""      // the list element open: ul, ol, or ol for the notes
	noteOpen := false // a note's <li> is open, for what the note holds after its text
	inNotes := false  // the notes have started: what follows is in them
	closeList := func() {
		if noteOpen {
			h.WriteString("</li>\n")
			noteOpen = false
		}
		if inList != "" {
			h.WriteString("</" + inList + ">\n")
			inList = ""
		}
	}
	for bi := range ed.Blocks {
		b := &ed.Blocks[bi]
		var row *Row
		if b.Kind == segment.UnitBlock {
			row = &ed.Rows[b.Unit]
		}
		if row == nil || !Opening(row.Kind) {
			if masthead {
				h.masthead(&c, "masthead", c.tag)
				masthead = false
			}
			if progress {
				h.progress(&c, lang, ed.Langs[0])
				progress = false
			}
		}
		if row != nil && row.Kind == segment.Note {
			if !inNotes {
				closeList()
				if notesHeading {
					h.WriteString(`<h2 id="notes">`)
					h.escapeText(c.phrases.Notes)
					h.WriteString("</h2>\n")
				}
				h.WriteString("<ol class=\"notes\">\n")
				inList, inNotes = "ol", true
			}
			if noteOpen {
				h.WriteString("</li>\n")
			}
			h.unit(row, &row.Cells[col], &c, false)
			noteOpen = true
			continue
		}
		if inNotes {
			// Inside the note before: its second paragraph, its code.
			h.inNote(b, row, &c)
			continue
		}
		// Items gather into lists.
		want := ""
		if row != nil && row.Kind == segment.Item {
			want = "ul"
			if row.Ordered {
				want = "ol"
			}
		}
		if want != inList {
			closeList()
			if want != "" {
				h.WriteString("<" + want + ">\n")
			}
			inList = want
		}
		if row == nil {
			h.passOne(b, &c)
			continue
		}
		h.unit(row, &row.Cells[col], &c, true)
	}
	closeList()
	if masthead {
		h.masthead(&c, "masthead", c.tag)
	}
	if progress {
		h.progress(&c, lang, ed.Langs[0])
	}
	h.end()
	return h.Bytes()
}

// progress writes how complete the translation of a one-language edition is.
func (h *htmlWriter) progress(c *column, l Lang, source Lang) {
	h.WriteString(`<p class="progress" role="note">`)
	h.escapeText(c.phrases.Progress(l, source.Tag))
	h.WriteString("</p>\n")
}

// unit writes one unit of a one-language edition; closed says whether
// to close its element (a note's stays open for what the note holds
// after its text).
func (h *htmlWriter) unit(row *Row, c *Cell, col *column, closed bool) {
	var outer, inner, class string
	id := row.ID
	switch row.Kind {
	case segment.Title:
		outer = "h1"
	case segment.Heading:
		outer = "h" + strconv.Itoa(min(row.Level, 6))
	case segment.Date:
		outer, class = "p", "date"
	case segment.Epigraph:
		outer, inner, class = "blockquote", "p", "epigraph"
	case segment.Quote:
		outer, inner = "blockquote", "p"
	case segment.Attribution:
		outer, class = "p", "attribution"
	case segment.Item:
		outer = "li"
		if row.Depth > 1 {
			class = rowClass(row)[1:]
		}
	case segment.Note:
		outer = "li"
	case segment.HTML:
		outer, class = "div", "html"
	case segment.Code:
		outer, inner = "pre", "code"
	case segment.Field:
		outer, class = "p", "field"+rowClass(row)
	default:
		outer = "p"
	}
	if fb := cellClass(c); fb != "" {
		if class != "" {
			class += " "
		}
		class += fb[1:]
	}
	h.WriteString("<" + outer + ` id="`)
	h.escapeAttr(id)
	h.WriteString(`"`)
	if class != "" {
		h.WriteString(` class="` + class + `"`)
	}
	if c.Lang != col.tag {
		h.WriteString(` lang="`)
		h.escapeAttr(c.Lang.String())
		h.WriteString(`"`)
		h.dir(c.Lang, col.tag)
	}
	h.WriteString(">")
	h.paraNum(row)
	h.wrapped(inner, row, c, col)
	if closed {
		h.WriteString("</" + outer + ">\n")
	}
}

// passOne writes a block that is not one unit: code, a rule, HTML as
// written, a table.
func (h *htmlWriter) passOne(b *segment.Block, col *column) {
	switch b.Kind {
	case segment.CodeBlock:
		h.code(b.Text, b.Info, "")
	case segment.BreakBlock:
		h.WriteString("<hr>")
	case segment.RawBlock:
		h.WriteString(`<div class="raw">` + SanitizeHTML(b.Text) + "</div>")
	case segment.TableBlock:
		h.table(b.Table, col, "", true)
	default:
		return
	}
	h.WriteString("\n")
}

// inNote writes a block inside the note before it: a unit as a
// paragraph (an item as one, a code block as code), or a block that is
// not one unit.
func (h *htmlWriter) inNote(b *segment.Block, row *Row, col *column) {
	if row == nil {
		h.passOne(b, col)
		return
	}
	c := &row.Cells[col.index]
	switch row.Kind {
	case segment.Code:
		h.WriteString("<pre><code>")
		h.escapeText(c.Text)
		h.WriteString("</code></pre>\n")
		return
	case segment.HTML:
		h.WriteString(`<div class="html" id="`)
	default:
		h.WriteString(`<p id="`)
	}
	h.escapeAttr(row.ID)
	h.WriteString(`"`)
	if c.Lang != col.tag {
		h.WriteString(` lang="`)
		h.escapeAttr(c.Lang.String())
		h.WriteString(`"`)
	}
	h.WriteString(">")
	h.content(row, c, col)
	if row.Kind == segment.HTML {
		h.WriteString("</div>\n")
	} else {
		h.WriteString("</p>\n")
	}
}

// field returns the plain text of the front-matter field key in column
// col, or "".
func (ed *Edition) field(col int, key string) string {
	for i := range ed.Rows {
		if r := &ed.Rows[i]; r.Kind == segment.Field && r.Key == key {
			return PlainText(r.Cells[col].Spans)
		}
	}
	return ""
}
