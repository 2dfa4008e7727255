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
	h.WriteString("\">\n")
	h.head(title, alts, stylesheet(r.Paper, title))
	h.WriteString("<body class=\"single\">\n<header class=\"toolbar\">\n")
	h.editionsNav(alts, c.phrases)
	h.WriteString("</header>\n<main>\n<article>\n")

	lang := ed.Langs[col]
	progress := lang.ShowProgress()
	notesHeading := ed.NotesNeedHeading()
	inList := ""
	for i := range ed.Rows {
		row := &ed.Rows[i]
		cell := &row.Cells[col]
		if progress && row.Kind != segment.Title && row.Kind != segment.Date {
			h.progress(&c, lang, ed.Langs[0])
			progress = false
		}
		// Items and notes gather into lists.
		want := ""
		switch row.Kind {
		case segment.Item:
			want = "ul"
		case segment.Note:
			want = "ol"
		}
		if want != inList {
			if inList != "" {
				h.WriteString("</" + inList + ">\n")
			}
			if row.Kind == segment.Note && notesHeading {
				h.WriteString(`<h2 id="notes">`)
				h.escapeText(c.phrases.Notes)
				h.WriteString("</h2>\n")
			}
			switch want {
			case "ul":
				h.WriteString("<ul>\n")
			case "ol":
				h.WriteString("<ol class=\"notes\">\n")
			}
			inList = want
		}
		h.unit(row, cell, &c)
	}
	if inList != "" {
		h.WriteString("</" + inList + ">\n")
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

// unit writes one unit of a one-language edition.
func (h *htmlWriter) unit(row *Row, c *Cell, col *column) {
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
	case segment.Note:
		outer = "li"
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
	}
	h.WriteString(">")
	h.paraNum(row)
	h.wrapped(inner, row, c, col)
	h.WriteString("</" + outer + ">\n")
}
