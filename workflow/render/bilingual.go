package render

import (
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/segment"
)

// BilingualHTML writes the aligned bilingual edition: for each target
// language, <doc>.<source>-<target>.html, every unit a row of two cells
// that start at the same height. A radio switch shows both languages or
// one, with CSS alone: without it, both show. Narrow screens stack the
// two languages of each unit.
type BilingualHTML struct {
	// Paper is the page size the print stylesheet asks for.
	Paper Paper
}

// Render implements Renderer.
func (r BilingualHTML) Render(ed *Edition) ([]File, error) {
	var files []File
	for col := 1; col < len(ed.Langs); col++ {
		name := PairName(ed, col, "html")
		files = append(files, File{Name: name, Data: r.page(ed, col, name)})
	}
	return files, nil
}

func (r BilingualHTML) page(ed *Edition, col int, name string) []byte {
	h := &htmlWriter{ed: ed}
	h.Grow(sizeHint(ed, 2))
	cols := [2]column{newColumn(ed, 0, "src"), newColumn(ed, col, "tgt")}
	src, tgt := &cols[0], &cols[1]
	p := src.phrases // the page's own words are in the source language
	alts := alternates(ed, []int{0, col}, name)

	h.WriteString("<!DOCTYPE html>\n<html lang=\"")
	h.escapeAttr(src.tag.String())
	h.WriteString("\"")
	h.pageDir(src.tag)
	h.WriteString(">\n")
	h.head(ed.Title(0)+" | "+ed.Title(col), alts, ed.css(r.Paper, ed.Title(0), ed.Title(col)), []int{0, col})
	h.WriteString("<body class=\"bilingual\">\n<header class=\"toolbar\">\n")
	h.editionsNav(alts, p, src.tag)
	h.WriteString(`<fieldset class="switch"><legend>`)
	h.escapeText(p.Show)
	h.WriteString("</legend>\n")
	h.WriteString(`<input type="radio" name="show" id="show-both" checked><label for="show-both">`)
	h.escapeText(p.Both)
	h.WriteString("</label>\n")
	for _, c := range cols {
		h.WriteString(`<input type="radio" name="show" id="show-` + c.class + `"><label for="show-` + c.class + `" lang="`)
		h.escapeAttr(c.tag.String())
		h.WriteString(`"`)
		h.dir(c.tag, src.tag)
		h.WriteString(">")
		h.escapeText(locale.Autonym(c.tag))
		h.WriteString("</label>\n")
	}
	h.WriteString("</fieldset>\n</header>\n<main>\n<article class=\"parallel\">\n")

	h.WriteString(`<div class="row langs">`)
	for _, c := range cols {
		h.WriteString(`<p class="cell ` + c.class + `" lang="`)
		h.escapeAttr(c.tag.String())
		h.WriteString(`"`)
		h.dir(c.tag, src.tag)
		h.WriteString(">")
		h.escapeText(locale.Autonym(c.tag))
		h.WriteString("</p>")
	}
	h.WriteString("</div>\n")

	if l := ed.Langs[col]; l.ShowProgress() {
		h.WriteString(`<div class="row progress" role="note">`)
		for _, c := range cols {
			h.WriteString(`<p class="cell ` + c.class + `" lang="`)
			h.escapeAttr(c.tag.String())
			h.WriteString(`"`)
			h.dir(c.tag, src.tag)
			h.WriteString(">")
			h.escapeText(c.phrases.Progress(l, src.tag))
			h.WriteString("</p>")
		}
		h.WriteString("</div>\n")
	}

	notesHeading := ed.NotesNeedHeading()
	masthead := len(ed.Masthead(0))+len(ed.Masthead(col)) > 0 // written after the title and date
	writeMasthead := func() {
		h.WriteString(`<div class="row masthead">`)
		for i := range cols {
			h.masthead(&cols[i], "cell "+cols[i].class, src.tag)
		}
		h.WriteString("</div>\n")
		masthead = false
	}
	for bi := range ed.Blocks {
		b := &ed.Blocks[bi]
		if masthead && (b.Kind != segment.UnitBlock || !Opening(ed.Rows[b.Unit].Kind)) {
			writeMasthead()
		}
		if b.Kind != segment.UnitBlock {
			h.passBlock(b, cols[:])
			continue
		}
		row := &ed.Rows[b.Unit]
		if row.Kind == segment.Note && row.Note == 1 && notesHeading {
			h.WriteString(`<div class="row notes-heading" id="notes">`)
			for _, c := range cols {
				h.WriteString(`<h2 class="cell ` + c.class + `" lang="`)
				h.escapeAttr(c.tag.String())
				h.WriteString(`"`)
				h.dir(c.tag, src.tag)
				h.WriteString(">")
				h.escapeText(c.phrases.Notes)
				h.WriteString("</h2>")
			}
			h.WriteString("</div>\n")
		}
		shared := ed.Shared(row, col)
		h.WriteString(`<div class="row ` + kindClass(row.Kind) + rowClass(row))
		if shared {
			h.WriteString(" shared")
		}
		h.WriteString(`" id="`)
		h.escapeAttr(row.ID)
		h.WriteString(`">`)
		h.paraNum(row)
		if shared {
			h.sharedNote(row, cols)
		} else {
			h.cell(row, &row.Cells[0], src, src.tag)
			h.cell(row, &row.Cells[col], tgt, src.tag)
		}
		h.WriteString("</div>\n")
	}
	if masthead {
		writeMasthead()
	}
	h.end()
	return h.Bytes()
}

// cell writes one cell of a bilingual row, on a page in language page.
func (h *htmlWriter) cell(row *Row, c *Cell, col *column, page language.Tag) {
	outer, inner := element(row)
	h.WriteString("<" + outer + ` class="cell ` + col.class + cellClass(c) + `" lang="`)
	h.escapeAttr(c.Lang.String())
	h.WriteString(`"`)
	h.dir(c.Lang, page)
	h.WriteString(">")
	h.wrapped(inner, row, c, col)
	h.WriteString("</" + outer + ">")
}

// sharedNote writes a note that reads the same in both languages once,
// across both columns, with the number and back links of each column:
// the language switch shows the ones of the language shown.
func (h *htmlWriter) sharedNote(row *Row, cols [2]column) {
	c := &row.Cells[0]
	h.WriteString(`<p class="cell both" lang="`)
	h.escapeAttr(c.Lang.String())
	h.WriteString(`">`)
	for i := range cols {
		h.noteNum(row, &cols[i], " "+cols[i].class)
	}
	h.spans(c.Spans, &cols[0])
	for i := range cols {
		h.WriteString(`<span class="` + cols[i].class + `">`)
		h.noteEnd(row, &cols[i])
		h.WriteString("</span>")
	}
	h.WriteString("</p>")
}

// passBlock writes a block that is not one unit as a row of its own:
// code, a rule or HTML as written, the same in both cells; a table in
// each language.
func (h *htmlWriter) passBlock(b *segment.Block, cols []column) {
	switch b.Kind {
	case segment.CodeBlock:
		h.WriteString(`<div class="row k-code">`)
		for _, c := range cols {
			h.code(b.Text, b.Info, "cell "+c.class)
		}
	case segment.BreakBlock:
		h.WriteString(`<div class="row k-break">`)
		for _, c := range cols {
			h.WriteString(`<hr class="cell ` + c.class + `">`)
		}
	case segment.RawBlock:
		h.WriteString(`<div class="row k-raw">`)
		clean := SanitizeHTML(b.Text)
		for _, c := range cols {
			h.WriteString(`<div class="cell ` + c.class + `">` + clean + "</div>")
		}
	case segment.TableBlock:
		h.WriteString(`<div class="row k-table">`)
		for i := range cols {
			h.WriteString(`<div class="cell ` + cols[i].class + `">`)
			h.table(b.Table, &cols[i], "", i == 0)
			h.WriteString("</div>")
		}
	default:
		return
	}
	h.WriteString("</div>\n")
}

// Opening reports whether units of kind k open an article, before its
// masthead (Edition.Masthead): the title, the date and front-matter
// fields.
func Opening(k segment.Kind) bool {
	return k == segment.Title || k == segment.Date || k == segment.Field
}
