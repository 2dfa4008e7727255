package render

import (
	_ "embed"
	"strconv"

	"github.com/hopeborder/bitext/workflow/segment"
)

// blocksCSS styles what only structured sources have (code, tables,
// rules, HTML blocks, fields, nested and task lists). It is added to a
// page only when the page has some, so that an article without them is
// written as before.
//
//go:embed blocks.css
var blocksCSS string

// needsBlockCSS reports whether ed has anything blocksCSS styles.
func (ed *Edition) needsBlockCSS() bool {
	for _, b := range ed.Blocks {
		if b.Kind != segment.UnitBlock {
			return true
		}
		r := &ed.Rows[b.Unit]
		switch {
		case r.Kind == segment.HTML, r.Kind == segment.Code, r.Kind == segment.Field, r.Kind == segment.Cell:
			return true
		case r.InNote > 0, r.Depth > 1, r.Task > 0, r.Ordered:
			return true
		}
	}
	return false
}

// css returns the stylesheet of a page of ed, with the titles its
// printed pages run (one per column).
func (ed *Edition) css(paper Paper, titles ...string) string {
	css := stylesheet(paper, titles...)
	if ed.needsBlockCSS() {
		css += blocksCSS
	}
	return css
}

// code writes a code block that passes through, as written.
func (h *htmlWriter) code(text, info, class string) {
	h.WriteString("<pre")
	if class != "" {
		h.WriteString(` class="` + class + `"`)
	}
	h.WriteString("><code")
	if info != "" {
		h.WriteString(` class="language-`)
		h.escapeAttr(info)
		h.WriteString(`"`)
	}
	h.WriteString(">")
	h.escapeText(text)
	h.WriteString("</code></pre>")
}

// alignClass is the class of a table column's alignment.
var alignClass = [...]string{segment.AlignNone: "", segment.AlignLeft: "al-left", segment.AlignCenter: "al-center", segment.AlignRight: "al-right"}

// table writes a table in column col; ids says whether its cells carry
// their units' IDs (in one column only, as an ID is once in a page).
func (h *htmlWriter) table(t *segment.Table, col *column, class string, ids bool) {
	h.WriteString("<table")
	if class != "" {
		h.WriteString(` class="` + class + `"`)
	}
	if class != "" || col.class != "" {
		h.WriteString(` lang="`)
		h.escapeAttr(col.tag.String())
		h.WriteString(`"`)
	}
	h.WriteString(">")
	for i, cells := range t.Rows {
		tag := "td"
		switch i {
		case 0:
			tag = "th"
			h.WriteString("<thead>")
		case 1:
			h.WriteString("<tbody>")
		}
		h.WriteString("<tr>")
		for j, tc := range cells {
			h.WriteString("<" + tag)
			cls := ""
			if j < len(t.Align) {
				cls = alignClass[t.Align[j]]
			}
			if tc.Unit >= 0 {
				row := &h.ed.Rows[tc.Unit]
				c := &row.Cells[col.index]
				if ids {
					h.WriteString(` id="`)
					h.escapeAttr(row.ID)
					h.WriteString(`"`)
				}
				if fb := cellClass(c); fb != "" {
					if cls != "" {
						cls += " "
					}
					cls += fb[1:]
				}
				if cls != "" {
					h.WriteString(` class="` + cls + `"`)
				}
				if c.Lang != col.tag {
					h.WriteString(` lang="`)
					h.escapeAttr(c.Lang.String())
					h.WriteString(`"`)
				}
				h.WriteString(">")
				h.spans(c.Spans, col)
			} else {
				if cls != "" {
					h.WriteString(` class="` + cls + `"`)
				}
				h.WriteString(">")
			}
			h.WriteString("</" + tag + ">")
		}
		h.WriteString("</tr>")
		if i == 0 {
			h.WriteString("</thead>")
		}
	}
	if len(t.Rows) > 1 {
		h.WriteString("</tbody>")
	}
	h.WriteString("</table>")
}

// taskMark writes the box of a task list item.
func (h *htmlWriter) taskMark(row *Row) {
	switch row.Task {
	case 1:
		h.WriteString(`<span class="task" aria-hidden="true">☐</span> `)
	case 2:
		h.WriteString(`<span class="task done" aria-hidden="true">☑</span> `)
	}
}

// rowClass returns the classes a row adds to its kind's: its depth in
// lists, and whether it is part of a note.
func rowClass(row *Row) string {
	s := ""
	if row.Depth > 1 {
		s += " depth-" + strconv.Itoa(min(row.Depth, 6))
	}
	if row.InNote > 0 {
		s += " in-note"
	}
	if row.Kind == segment.Field && row.Key != "" {
		s += " field-" + fieldClass(row.Key)
	}
	return s
}

// fieldClass makes a front-matter key a class name: letters, digits and
// dashes.
func fieldClass(key string) string {
	b := []byte(key)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '-'
		}
	}
	return string(b)
}
