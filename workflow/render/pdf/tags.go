package pdf

import (
	"strconv"

	"github.com/hopeborder/bitext/workflow/render/pdf/tagged"
	"github.com/hopeborder/bitext/workflow/segment"
)

// This file holds how the edition is tagged: which structure element
// each row and run of text is part of, the marked content around what is
// drawn, and the link annotations.
//
// Reading order. The structure tree holds the document as two articles,
// one per column, each with its language: the whole source article
// (heads, title, text, notes), then the whole translation. A listener or
// a reflowing reader gets each article whole, in one voice, as the
// HTML edition's one-language views give it; reading the rows
// alternately would switch language every paragraph. Each row's cells
// still start on the same page, so that a sighted reader has both side
// by side.
//
// A note that reads the same in both languages (a list of URLs, mostly)
// is set once across both columns and is one Note element, in the source
// article, in the language of its text; the target article's calls to it
// link there, and its number links back to the source's call. Citation
// numbers ("¶ 12") in the margin are artifacts, as page numbers are: they
// stand beside the text of both articles, in neither.

// blockType is the structure element type (ISO 32000-1 §14.8.4) of a
// unit of a kind, for a heading at level after one at last (0 for none).
// Heading levels go down one at a time (PDF/UA-1 §7.4.2): a "####"
// after a "##" is an H3, and a heading before any title an H1.
func blockType(kind segment.Kind, level, last int) string {
	switch kind {
	case segment.Title:
		return "H1"
	case segment.Heading:
		return "H" + strconv.Itoa(headingLevel(level, last))
	}
	return "P"
}

func headingLevel(level, last int) int {
	return min(max(level, 1), last+1, 6)
}

// tagger is the tagging state of a document being drawn.
type tagger struct {
	tree *tagged.Tree
	arts [2]tagged.Elem // the articles, one per column
	// list and quote are the open list and the block quote of the last
	// epigraph in each column, which the next items and the attribution
	// join.
	list, quote [2]tagged.Elem
	prev        segment.Kind
	heading     int // the level of the last heading, 1 for the title
	// open is the element whose marked content is open on the page, or
	// noElem.
	open tagged.Elem
}

// Values of tagger.open that are no element: none open, and marked
// content with an ActualText, which is two deep.
const (
	noElem     tagged.Elem = -1
	actualText tagged.Elem = -2
)

// cellTags are the elements a cell's text is part of, made when its row
// is first drawn.
type cellTags struct {
	made  bool
	body  tagged.Elem // the text's
	label tagged.Elem // a note's number or an item's bullet: Lbl
	badge tagged.Elem // the mark of a passage shown in the original
	// inline are the elements of the cell's links and note calls, by
	// run.group; strikes its strikethroughs' Spans, by run.strike.
	inline, strikes map[int]tagged.Elem
}

// openRow makes the structure elements of a row, as the next content of
// each column's article.
func (d *document) openRow(rb *rowBox) {
	t := &d.st
	for i := range rb.cells {
		if i > 0 && rb.shared {
			// A note the same in both languages is one element, in the
			// source article: the target article's calls link to it.
			break
		}
		c := &rb.cells[i]
		art := t.arts[i]
		ct := cellTags{label: noElem, badge: noElem, made: true}
		var top tagged.Elem
		switch rb.kind {
		case segment.Epigraph, segment.Quote:
			top = t.tree.Add(art, "BlockQuote")
			ct.body = t.tree.Add(top, "P")
			t.quote[i] = top
		case segment.Attribution:
			parent := art
			if t.prev == segment.Epigraph || t.prev == segment.Attribution {
				parent = t.quote[i]
			}
			top = t.tree.Add(parent, "P")
			ct.body = top
		case segment.Item:
			if t.prev != segment.Item {
				t.list[i] = t.tree.Add(art, "L")
			}
			top = t.tree.Add(t.list[i], "LI")
			ct.label = t.tree.Add(top, "Lbl")
			ct.body = t.tree.Add(top, "LBody")
		case segment.Note:
			top = t.tree.Add(art, "Note")
			t.tree.SetID(top, "note-"+d.tagNames[i]+"-"+strconv.Itoa(rb.note))
			ct.label = t.tree.Add(top, "Lbl")
			ct.body = top
		default:
			top = t.tree.Add(art, blockType(rb.kind, rb.heading, t.heading))
			ct.body = top
		}
		if c.lang != "" && c.lang != d.tagNames[i] {
			t.tree.SetLang(top, c.lang) // the original, standing in
		}
		c.tags = ct
	}
	switch rb.kind {
	case segment.Title:
		t.heading = 1
	case segment.Heading:
		t.heading = headingLevel(rb.heading, t.heading)
	}
	t.prev = rb.kind
}

// elemOf returns the element a piece of cell c is part of, making its
// inline elements as they are first met.
func (d *document) elemOf(c *cellBox, col int, pc *piece) tagged.Elem {
	t := d.st.tree
	ct := &c.tags
	inline := func(parent tagged.Elem, typ string) tagged.Elem {
		if e, ok := ct.inline[pc.group]; ok {
			return e
		}
		if ct.inline == nil {
			ct.inline = map[int]tagged.Elem{}
		}
		if pc.call {
			parent = t.Add(parent, "Reference")
		}
		e := t.Add(parent, typ)
		ct.inline[pc.group] = e
		return e
	}
	switch {
	case pc.badge:
		if ct.badge == noElem {
			ct.badge = t.Add(ct.body, "Span")
			t.SetLang(ct.badge, d.tagNames[col])
		}
		return ct.badge
	case pc.label && ct.label != noElem:
		if pc.link != nil {
			return inline(ct.label, "Link")
		}
		return ct.label
	}
	body := ct.body
	if pc.strike != 0 {
		// Strikethrough is a Span whose text decoration says so, as
		// HTML's <s>: the line drawn through it is an artifact.
		e, ok := ct.strikes[pc.strike]
		if !ok {
			if ct.strikes == nil {
				ct.strikes = map[int]tagged.Elem{}
			}
			e = t.Add(ct.body, "Span")
			t.SetLineThrough(e)
			ct.strikes[pc.strike] = e
		}
		body = e
	}
	if pc.url != "" || pc.link != nil {
		return inline(body, "Link")
	}
	return body
}

// mark opens marked content for e on the page, unless it is open
// already; actual, when not empty, is the text it stands for.
func (d *document) mark(e tagged.Elem, actual string) {
	if d.st.open == e && actual == "" {
		return
	}
	d.endMark()
	d.p.RawWriteStr(d.st.tree.Begin(d.p.PageNo(), e, actual))
	if actual == "" {
		d.st.open = e
	} else {
		// Content standing for other text is closed after it, so that
		// nothing else joins it.
		d.st.open = actualText
	}
}

// endMark closes the open marked content.
func (d *document) endMark() {
	switch d.st.open {
	case noElem:
		return
	case actualText:
		d.p.RawWriteStr(tagged.End)
	}
	d.p.RawWriteStr(tagged.End)
	d.st.open = noElem
}

// artifact draws what draw draws as an artifact: rules and tints, which
// are no part of the text.
func (d *document) artifact(kind string, draw func()) {
	d.endMark()
	d.p.RawWriteStr(kind)
	draw()
	d.p.RawWriteStr(tagged.End)
}

// link adds a link annotation over w by h millimetres at x, y (its top)
// for piece pc, as part of element e.
func (d *document) link(e tagged.Elem, col int, pc *piece, x, y, w, h float64) {
	a := tagged.Annot{Rect: [4]float64{x * ptPerMM, (d.height - y - h) * ptPerMM, (x + w) * ptPerMM, (d.height - y) * ptPerMM}}
	switch {
	case pc.url != "":
		a.URI, a.Contents = pc.url, pc.url
	case pc.call:
		a.Dest, a.Contents = pc.link, d.phrases[col].Note+" "+pc.text
	case pc.label:
		a.Dest, a.Contents = pc.link, d.phrases[col].Back
	default:
		a.Dest = pc.link
	}
	d.st.tree.Link(d.p.PageNo(), e, a)
}

// target sets where dest goes: y millimetres down the current page.
func (d *document) target(dest *tagged.Dest, y float64) {
	dest.Page, dest.Y = d.p.PageNo(), (d.height-y)*ptPerMM
}

// ptPerMM is the points in a millimetre.
const ptPerMM = 72 / 25.4
