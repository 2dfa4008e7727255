package pdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/pdf/tagged"
	"github.com/hopeborder/bitext/workflow/segment"
)

// Renderer writes the bilingual PDF edition, <doc>.<source>-<target>.pdf
// for each target language, set by bitext itself with fpdf: two aligned
// columns per unit; a row that does not fit moves to the next page, or, if
// taller than a page, splits with both columns continuing together on the
// next. Note references link to their notes and notes back to them; the
// outline holds the title, the headings and the notes; the fonts are
// embedded. The same Edition gives the same bytes.
type Renderer struct {
	// Paper is the page size.
	Paper render.Paper
	// Created is the creation and modification date written in the file.
	// Zero means the article's date, or 1970-01-01 for an article without
	// one: never the clock, so that the output is reproducible. A date
	// outside the years 0000 to 9999 is an error (see render.PDFDate).
	Created time.Time
	// Fonts are fonts to fall back to, in order, for characters the
	// PDF's own lack (see CheckFont); at most MaxFonts.
	Fonts []Font
}

// Render implements render.Renderer. Each file's warnings name the
// units with characters no font of the PDF has, which are set as U+FFFD.
func (r Renderer) Render(ed *render.Edition) (files []render.File, err error) {
	defer func() {
		// fpdf panics on some input bitext does not know of yet; that is
		// an error in this edition, not the end of every other.
		if v := recover(); v != nil {
			files, err = nil, fmt.Errorf("the PDF library failed (%v); please report this with the unit that caused it", v)
		}
	}()
	m, err := newMetrics(r.Fonts...)
	if err != nil {
		return nil, err
	}
	defer func() { measured.Add(int64(m.measured)) }()
	// A language the PDF cannot set stops its PDF only: the files made
	// are returned with the errors.
	var errs []error
	for col := 1; col < len(ed.Langs); col++ {
		if err := checkScripts(ed, col); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", render.PairName(ed, col, "pdf"), err))
			continue
		}
		data, warnings, err := r.document(ed, col, m)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", render.PairName(ed, col, "pdf"), err)
		}
		if err := fontErrors(warnings); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", render.PairName(ed, col, "pdf"), err))
			continue
		}
		files = append(files, render.File{Name: render.PairName(ed, col, "pdf"), Data: data, Warnings: warnings})
	}
	return files, errors.Join(errs...)
}

// Colours, after the HTML editions'.
var (
	ink     = rgb{29, 27, 24}
	muted   = rgb{87, 82, 75}
	accent  = rgb{140, 47, 27}
	linkInk = rgb{31, 78, 140}
	rule    = rgb{205, 196, 180}
	markBg  = rgb{251, 236, 208}
	markInk = rgb{107, 63, 0}
)

// Page geometry, in millimetres.
const (
	marginTop    = 20.0
	marginBottom = 20.0
	marginSide   = 18.0
	gutter       = 9.0
)

// cellStyle is how a kind of unit is set.
type cellStyle struct {
	face   face
	size   float64 // points
	lead   float64 // line height, as a multiple of size
	color  rgb
	indent float64 // millimetres, on both sides of every line
	// hang is room at the start of every line for the first line's lead
	// text: a note's number, an item's bullet.
	hang          float64
	before, after float64 // millimetres
	keep          bool    // keep with the next row
}

var styles = map[segment.Kind]cellStyle{
	segment.Title:       {face: bold, size: 16, lead: 1.22, color: ink, after: 3, keep: true},
	segment.Date:        {face: regular, size: 8.5, lead: 1.4, color: muted, after: 7, keep: true},
	segment.Epigraph:    {face: italic, size: 9.8, lead: 1.45, color: ink, indent: 4, after: 1.2, keep: true},
	segment.Attribution: {face: regular, size: 8, lead: 1.4, color: muted, indent: 4, after: 7},
	segment.Heading:     {face: bold, size: 11.5, lead: 1.3, color: ink, before: 3, after: 2, keep: true},
	segment.Paragraph:   {face: regular, size: 9.2, lead: 1.45, color: ink, after: 3.2},
	segment.Quote:       {face: italic, size: 9.2, lead: 1.45, color: ink, indent: 5, after: 3},
	segment.Item:        {face: regular, size: 9.2, lead: 1.45, color: ink, hang: 4, after: 1.2},
	segment.Note:        {face: regular, size: 7.6, lead: 1.38, color: ink, hang: 6, after: 1.4},
	segment.Field:       {face: italic, size: 9.6, lead: 1.45, color: muted, after: 4},
	segment.HTML:        {face: regular, size: 9.2, lead: 1.45, color: ink, after: 3.2},
	segment.Code:        {face: mono, size: 7.8, lead: 1.35, color: ink, indent: 2, after: 3.2},
	segment.Cell:        {face: regular, size: 8.4, lead: 1.4, color: ink, after: 0.8},
}

var (
	// inNoteStyle is a note's second paragraph, list, code.
	inNoteStyle = cellStyle{face: regular, size: 7.6, lead: 1.38, color: ink, hang: 6, after: 1.4}
	// headerStyle is a table's first row.
	headerStyle = cellStyle{face: bold, size: 8.4, lead: 1.4, color: ink, after: 0.8}
)

var (
	langsStyle    = cellStyle{face: bold, size: 6.8, lead: 1.3, color: muted, after: 5, keep: true}
	mastheadStyle = cellStyle{face: regular, size: 8.5, lead: 1.4, color: muted, after: 7, keep: true}
	progressStyle = cellStyle{face: regular, size: 8, lead: 1.4, color: markInk, indent: 2.5, after: 6}
	badgeSize     = 6.2
)

// cellBox is a cell laid out.
type cellBox struct {
	lines  []line
	lineH  float64      // height of a text line
	base   float64      // baseline, from a line's top
	x      float64      // the lines' left edge, from the column's
	badge  int          // how many of lines are the mark's (drawn smaller)
	anchor *tagged.Dest // set to the cell: a note's target
	bar    bool         // a rule down the left: the epigraph
	// lang is the language of the cell's text (BCP 47): the column's, or
	// the source's standing in for a translation; empty for the column's.
	lang string
	tags cellTags
}

func (c *cellBox) lineHeight(i int) float64 {
	if i < c.badge {
		return badgeSize * 1.9 * ptToMM
	}
	return c.lineH
}

// height of lines [from, to).
func (c *cellBox) height(from, to int) float64 {
	h := 0.0
	for i := from; i < to; i++ {
		h += c.lineHeight(i)
	}
	return h
}

// rowBox is a row laid out.
type rowBox struct {
	cells [2]cellBox
	// kind, heading and note are the unit's kind, heading level and
	// note number, for its structure elements; the rows bitext adds are
	// paragraphs, and the notes' heading a heading of level 2.
	kind    segment.Kind
	heading int
	note    int
	style   cellStyle
	rule    bool // the rule between the columns
	// shared marks a note that reads the same in both languages, set
	// once across both columns: cells[1] is empty.
	shared bool
	// para is the passage's citation number, set in the margin; 0 for
	// none.
	para      int
	underline bool // a rule below: the language heads
	tint      bool // a tinted box behind each cell: the progress note
	// bookmark, when set, is the row's entry in the outline, at level.
	bookmark string
	level    int
	// warnings are about the unit's text, in column order.
	warnings []render.Warning
}

func (r *rowBox) height() float64 {
	return max(r.cells[0].height(0, len(r.cells[0].lines)), r.cells[1].height(0, len(r.cells[1].lines)))
}

// document sets one bilingual PDF.
type document struct {
	p       *fpdf.Fpdf
	m       *metrics
	ed      *render.Edition
	cols    [2]int
	phrases [2]render.Phrases
	tags    [2]language.Tag
	width   float64 // the page's
	height  float64
	colW    float64
	y       float64
	bottom  float64
	// noteLinks[i][n-1] is note n in column i; refLinks[i][n-1] the
	// first reference to it, for the way back (nil when none).
	noteLinks, refLinks [2][]*tagged.Dest
	st                  tagger    // the structure being built
	tagNames            [2]string // the columns' languages, BCP 47
	// runningRuns are each column's running head: its title in its
	// language, set to fit the column.
	runningRuns [2][]run
	// The face, size and colour last set for text, so that a line sets
	// them only when they change.
	face  face
	size  float64
	color rgb
}

func (r Renderer) document(ed *render.Edition, col int, m *metrics) ([]byte, []render.Warning, error) {
	p := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: r.Paper.Width, Ht: r.Paper.Height},
	})
	d := r.newDocument(ed, col, m)
	d.p = p

	created, err := render.PDFDate(r.Created, ed)
	if err != nil {
		return nil, nil, err
	}
	src, tgt := ed.Title(0), ed.Title(col)
	p.SetCatalogSort(true)
	p.SetCompression(false) // finish does it, faster
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	p.SetTitle(pdfTextString(src+" | "+tgt), false)
	p.SetSubject(pdfTextString(locale.Autonym(d.tags[0])+" | "+locale.Autonym(d.tags[1])), false)
	p.SetCreator("bitext", false)
	p.SetProducer("bitext (go-pdf/fpdf)", false)
	p.SetLang(d.tags[0].String())
	if a := ed.Credits.Authors; len(a) > 0 {
		p.SetAuthor(pdfTextString(strings.Join(a, ", ")), false)
	}
	p.SetXmpMetadata(xmp(src, tgt, d.tags, created, ed.Credits.Authors, ed.Credits.License))
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(marginSide, marginTop, marginSide)
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)

	rows := d.layout()
	var warnings []render.Warning
	for i := range rows {
		warnings = append(warnings, rows[i].warnings...)
	}
	used := d.faces(rows)
	if err := addFonts(p, used, d.m.extra); err != nil {
		return nil, nil, err
	}
	d.newPage()
	for i := range rows {
		var next *rowBox
		if i+1 < len(rows) {
			next = &rows[i+1]
		}
		d.row(&rows[i], next)
	}
	d.endMark()
	if err := p.Error(); err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := p.Output(&buf); err != nil {
		return nil, nil, err
	}
	data, err := finish(buf.Bytes(), d.st.tree)
	return data, warnings, err
}

// newDocument starts the document of column col, ready to lay out.
func (r Renderer) newDocument(ed *render.Edition, col int, m *metrics) *document {
	d := &document{
		m: m, ed: ed, cols: [2]int{0, col},
		width: r.Paper.Width, height: r.Paper.Height,
	}
	d.st.tree = tagged.New(ed.Langs[0].Tag.String())
	d.st.open = noElem
	for i, c := range d.cols {
		d.tags[i] = ed.Langs[c].Tag
		d.tagNames[i] = ed.Langs[c].Tag.String()
		d.phrases[i] = ed.PhrasesFor(ed.Langs[c].Tag)
		d.st.arts[i] = d.st.tree.Add(d.st.tree.Root(), "Art")
		d.st.tree.SetLang(d.st.arts[i], d.tagNames[i])
	}
	d.colW = (d.width - 2*marginSide - gutter) / 2
	d.bottom = d.height - marginBottom
	for i, c := range d.cols {
		d.runningRuns[i] = m.fitRuns(d.add(m, nil, run{text: ed.Title(c), face: italic, size: 7.5, color: muted}, nil), d.colW)
	}
	for i, c := range d.cols {
		d.noteLinks[i] = make([]*tagged.Dest, ed.Notes)
		d.refLinks[i] = make([]*tagged.Dest, ed.Notes)
		for n := range ed.Notes {
			d.noteLinks[i][n] = new(tagged.Dest)
			if ed.RefCounts[c][n] > 0 {
				d.refLinks[i][n] = new(tagged.Dest)
			}
		}
	}
	// A note set once for both columns is where both columns' calls go.
	for i := range ed.Rows {
		if row := &ed.Rows[i]; ed.Shared(row, col) {
			d.noteLinks[1][row.Note-1] = d.noteLinks[0][row.Note-1]
		}
	}

	return d
}

// header sets the running heads on every page but the first: over each
// column its title, in its language.
func (d *document) header() {
	if d.p.PageNo() == 1 {
		return
	}
	for i, rs := range d.runningRuns {
		w := 0.0
		for _, r := range rs {
			w += d.m.width(r.face, r.size, r.text)
		}
		x := marginSide + float64(i)*(d.colW+gutter) + (d.colW-w)/2
		d.artifact(tagged.ArtifactHeader, func() {
			for _, r := range rs {
				setFace(d.p, r.face, r.size)
				d.p.SetTextColor(r.color.r, r.color.g, r.color.b)
				d.p.Text(x, marginTop-8, r.text)
				x += d.m.width(r.face, r.size, r.text)
			}
		})
	}
}

// footer sets the page number.
func (d *document) footer() {
	setFace(d.p, regular, 8)
	d.p.SetTextColor(muted.r, muted.g, muted.b)
	n := strconv.Itoa(d.p.PageNo())
	d.artifact(tagged.ArtifactFooter, func() {
		d.p.Text((d.width-d.p.GetStringWidth(n))/2, d.height-marginBottom+10, n)
	})
}

// fitRuns returns runs cut to fit width, with an ellipsis, at the last
// space that leaves it fitting when there is one: a running title must
// fit one line.
func (m *metrics) fitRuns(runs []run, width float64) []run {
	total := 0.0
	for _, r := range runs {
		total += m.width(r.face, r.size, r.text)
	}
	if total <= width || len(runs) == 0 {
		return runs
	}
	width -= m.width(runs[0].face, runs[0].size, "…")
	var out []run
	x := 0.0
	for _, r := range runs {
		w := m.width(r.face, r.size, r.text)
		if x+w <= width {
			out = append(out, r)
			x += w
			continue
		}
		cut, space := 0, -1
		for i, c := range r.text {
			x += float64(m.advance(r.face, c)) * r.size / 1000 * ptToMM
			if x > width {
				break
			}
			cut = i + utf8.RuneLen(c)
			if c == ' ' {
				space = i
			}
		}
		if space > 0 {
			cut = space
		}
		r.text = strings.TrimRight(r.text[:cut], " ,;:") + "…"
		return append(out, r)
	}
	return out
}

// layout lays out every row: the language heads, the progress note when
// the translation is incomplete, then one row per unit.
func (d *document) layout() []rowBox {
	ed := d.ed
	rows := make([]rowBox, 0, len(ed.Rows)+3)
	heads := rowBox{kind: segment.Paragraph, style: langsStyle, underline: true}
	for i := range d.cols {
		heads.cells[i] = d.cell(d.m, langsStyle, d.add(d.m, nil, run{text: strings.ToUpper(d.langName(d.tags[i])), face: bold, size: langsStyle.size, color: muted}, nil), nil, d.colW)
	}
	rows = append(rows, heads)
	if l := ed.Langs[d.cols[1]]; l.ShowProgress() {
		pr := rowBox{kind: segment.Paragraph, style: progressStyle, tint: true}
		for i := range d.cols {
			text := d.phrases[i].Progress(l, d.tags[0])
			pr.cells[i] = d.cell(d.m, progressStyle, d.add(d.m, nil, run{text: text, face: regular, size: progressStyle.size, color: markInk}, nil), nil, d.colW)
		}
		rows = append(rows, pr)
	}

	// The units' rows are independent: lay them out on every processor,
	// each with metrics of its own.
	units := make([]rowBox, len(ed.Rows))
	workers := min(runtime.GOMAXPROCS(0), 1+len(ed.Rows)/500)
	ms := []*metrics{d.m}
	for len(ms) < workers {
		m, err := d.m.clone()
		if err != nil {
			workers = len(ms)
			break
		}
		ms = append(ms, m)
	}
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < len(ed.Rows); i += workers {
				units[i] = d.unitRow(ms[k], &ed.Rows[i])
			}
		}()
	}
	wg.Wait()
	for _, m := range ms[1:] {
		d.m.measured += m.measured
	}

	notesHeading := ed.NotesNeedHeading()
	masthead, hasMasthead := d.mastheadRow()
	for bi := range ed.Blocks {
		b := &ed.Blocks[bi]
		if hasMasthead && (b.Kind != segment.UnitBlock || !render.Opening(ed.Rows[b.Unit].Kind)) {
			rows = append(rows, masthead)
			hasMasthead = false
		}
		if b.Kind != segment.UnitBlock {
			rows = append(rows, d.passRows(b)...)
			continue
		}
		if row := &ed.Rows[b.Unit]; row.Kind == segment.Note && row.Note == 1 && notesHeading {
			hs := styles[segment.Heading]
			h := rowBox{kind: segment.Heading, heading: 2, style: hs, rule: true}
			for j := range d.cols {
				h.cells[j] = d.cell(d.m, hs, d.add(d.m, nil, run{text: d.phrases[j].Notes, face: hs.face, size: hs.size, color: hs.color}, nil), nil, d.colW)
			}
			rows = append(rows, h)
		}
		balance(&units[b.Unit])
		rows = append(rows, units[b.Unit])
	}
	if hasMasthead {
		rows = append(rows, masthead)
	}
	return rows
}

// mastheadRow lays out the masthead (render.Edition.Masthead), each
// column's credits in its language, a line each; false when the credits
// name nothing.
func (d *document) mastheadRow() (rowBox, bool) {
	st := mastheadStyle
	rb := rowBox{kind: segment.Paragraph, style: st}
	found := false
	for i, col := range d.cols {
		var c cellBox
		for k, l := range d.ed.Masthead(col) {
			r := run{face: st.face, size: st.size, color: st.color}
			var runs []run
			r.text = l.Before
			runs = d.add(d.m, runs, r, nil)
			if l.Linked != "" {
				lr := r
				lr.text, lr.url, lr.group = l.Linked, l.URL, 1
				if l.URL == "" {
					lr.group = 0
				}
				runs = d.add(d.m, runs, lr, nil)
			}
			r.text = l.After
			runs = d.add(d.m, runs, r, nil)
			lc := d.cell(d.m, st, runs, nil, d.colW)
			if k == 0 {
				c = lc
			} else {
				c.lines = append(c.lines, lc.lines...)
			}
			found = true
		}
		rb.cells[i] = c
	}
	return rb, found
}

// Leading a row's cells may take to even out their heights, as a share of
// their own: the shorter opens up to maxOpen, the taller closes up to
// maxClose. More would show as uneven type from row to row.
const (
	maxOpen  = 0.10
	maxClose = 0.04
)

// balance evens out the heights of a row's two cells, which leave a hole
// under the shorter one, by opening its leading and closing the
// other's, within maxOpen and maxClose. Lines stay whole; a cell of one
// line is left as it is.
func balance(rb *rowBox) {
	short, tall := &rb.cells[0], &rb.cells[1]
	if short.height(0, len(short.lines)) > tall.height(0, len(tall.lines)) {
		short, tall = tall, short
	}
	ns, nt := len(short.lines)-short.badge, len(tall.lines)-tall.badge
	if ns < 2 || nt < 2 {
		return
	}
	gap := tall.height(0, len(tall.lines)) - short.height(0, len(short.lines))
	open := min(gap/float64(ns), short.lineH*maxOpen)
	short.setLead(short.lineH + open)
	gap -= open * float64(ns)
	tall.setLead(tall.lineH - min(gap/float64(nt), tall.lineH*maxClose))
}

// setLead sets the height of the cell's text lines, its baseline kept in
// the middle.
func (c *cellBox) setLead(h float64) {
	c.base += (h - c.lineH) / 2
	c.lineH = h
}

// passRows lays out a block that is not one unit: code as written, a
// rule, HTML as its text, a table as a row per row of cells.
func (d *document) passRows(b *segment.Block) []rowBox {
	switch b.Kind {
	case segment.CodeBlock:
		st := styles[segment.Code]
		rb := rowBox{style: st, rule: true}
		for j := range d.cols {
			rb.cells[j] = d.codeCell(d.m, st, b.Text, nil)
		}
		return []rowBox{rb}
	case segment.BreakBlock:
		st := cellStyle{face: regular, size: 4, lead: 1, after: 3, before: 1}
		return []rowBox{{style: st, underline: true}}
	case segment.RawBlock:
		text := render.HTMLText(b.Text)
		if text == "" {
			return nil
		}
		st := styles[segment.HTML]
		rb := rowBox{style: st, rule: true}
		for j := range d.cols {
			rb.cells[j] = d.cell(d.m, st, d.add(d.m, nil, run{text: text, face: st.face, size: st.size, color: st.color}, nil), nil, d.colW)
		}
		return []rowBox{rb}
	case segment.TableBlock:
		var out []rowBox
		for i, cells := range b.Table.Rows {
			st := styles[segment.Cell]
			if i == 0 {
				st = headerStyle
			}
			if i == len(b.Table.Rows)-1 {
				st.after = 3.2
			}
			rb := rowBox{style: st, rule: true, underline: i == 0}
			for j, c := range d.cols {
				var runs []run
				var miss missing
				for k, tc := range cells {
					if k > 0 {
						runs = append(runs, run{text: "  |  ", face: regular, size: st.size, color: rule})
					}
					if tc.Unit < 0 {
						runs = append(runs, run{text: "–", face: regular, size: st.size, color: muted})
						continue
					}
					cell := &d.ed.Rows[tc.Unit].Cells[c]
					longest := 0
					runs = append(runs, d.runs(d.m, cell.Spans, st, j, cell.Fallback, &miss, &longest)...)
				}
				if miss.n > 0 && len(cells) > 0 {
					rb.warnings = append(rb.warnings, render.Warning{File: d.ed.SourcePath, Check: "glyphs", Msg: miss.message()})
				}
				rb.cells[j] = d.cell(d.m, st, runs, nil, d.colW)
			}
			out = append(out, rb)
		}
		return out
	}
	return nil
}

// codeCell lays out code: each line of it a line or more, its
// indentation kept.
func (d *document) codeCell(m *metrics, st cellStyle, code string, miss *missing) cellBox {
	c := cellBox{lineH: st.size * st.lead * ptToMM, x: st.indent}
	c.base = c.lineH/2 + st.size*ptToMM*0.34
	for _, l := range strings.Split(code, "\n") {
		l = strings.TrimRight(l, " \t\r")
		trimmed := strings.TrimLeft(l, " \t")
		if trimmed == "" {
			c.lines = append(c.lines, line{})
			continue
		}
		// Leading white space as no-break spaces, which the wrapping keeps.
		lead := strings.Repeat("\u00a0", len(strings.ReplaceAll(l[:len(l)-len(trimmed)], "\t", "    ")))
		runs := d.add(m, nil, run{text: lead + trimmed, face: mono, size: st.size, color: st.color}, miss)
		c.lines = append(c.lines, m.wrap(runs, d.colW-2*st.indent)...)
	}
	return c
}

// unitRow lays out the row of a unit.
func (d *document) unitRow(m *metrics, row *render.Row) rowBox {
	st := styles[row.Kind]
	if row.InNote > 0 {
		st = inNoteStyle
	}
	if row.Depth > 1 {
		st.indent += 4 * float64(min(row.Depth, 6)-1)
	}
	rb := rowBox{kind: row.Kind, heading: row.Level, note: row.Note, para: row.Para, style: st, rule: true}
	cols, width := d.cols[:], d.colW
	if d.ed.Shared(row, d.cols[1]) {
		// Once, across both columns, in the source column's place.
		rb.shared, rb.rule = true, false
		cols, width = d.cols[:1], 2*d.colW+gutter
	}
	for j, c := range cols {
		cell := &row.Cells[c]
		miss := missing{lang: cell.Lang}
		longest := 0
		var runs []run
		switch row.Kind {
		case segment.HTML:
			runs = d.add(m, nil, run{text: render.HTMLText(cell.Text), face: st.face, size: st.size, color: st.color}, &miss)
		case segment.Code:
			rb.cells[j] = d.codeCell(m, st, cell.Text, &miss)
			if miss.n > 0 {
				rb.warnings = append(rb.warnings, render.Warning{File: cell.File, Line: cell.Line, ID: row.ID, Check: "glyphs", Msg: miss.message()})
			}
			continue
		default:
			runs = d.runs(m, cell.Spans, st, j, cell.Fallback, &miss, &longest)
		}
		if miss.n > 0 {
			rb.warnings = append(rb.warnings, render.Warning{File: cell.File, Line: cell.Line, ID: row.ID, Check: miss.check(), Msg: miss.message()})
		}
		if longest > 0 {
			rb.warnings = append(rb.warnings, render.Warning{File: cell.File, Line: cell.Line, ID: row.ID, Check: "limits",
				Msg: fmt.Sprintf("a link of %d bytes is longer than the %d the PDF makes links of; its text is set without the link", longest, maxLinkURL)})
		}
		var lead []run
		switch row.Kind {
		case segment.Attribution:
			runs = append([]run{{text: "— ", face: st.face, size: st.size, color: st.color}}, runs...)
		case segment.Note:
			nr := run{text: strconv.Itoa(row.Note) + ".", face: regular, size: st.size, color: accent, label: true, group: -1}
			nr.link = d.refLinks[j][row.Note-1]
			lead = []run{nr}
		case segment.Item:
			bullet, size := "•", st.size
			switch row.Task {
			case 1:
				bullet, size = "[ ]", st.size*0.9
			case 2:
				bullet, size = "[x]", st.size*0.9
			}
			lead = []run{{text: bullet, face: regular, size: size, color: muted, label: true}}
		}
		rb.cells[j] = d.cell(m, st, runs, lead, width)
		if cell.Lang != d.tags[j] {
			rb.cells[j].lang = cell.Lang.String()
		}
		if cell.Fallback {
			mark := d.phrases[j].Untranslated
			if cell.State == project.Stale {
				mark = d.phrases[j].Stale
			}
			badge := d.add(m, nil, run{text: strings.ToUpper(mark), face: bold, size: badgeSize, color: markInk, badge: true}, nil)
			bl := m.wrap(badge, d.colW-st.indent)
			if len(bl) > 0 {
				spaceAfter(&bl[len(bl)-1])
			}
			rb.cells[j].lines = append(bl, rb.cells[j].lines...)
			rb.cells[j].badge = len(bl)
		}
		if row.Kind == segment.Note {
			rb.cells[j].anchor = d.noteLinks[j][row.Note-1]
		}
		rb.cells[j].bar = row.Kind == segment.Epigraph
	}
	switch {
	case row.Kind == segment.Title:
		rb.bookmark, rb.level = plainOr(row.Cells[0].Spans, d.ed.Name), 0
	case row.Kind == segment.Note && row.Note == 1:
		rb.bookmark, rb.level = d.phrases[0].Notes+" | "+d.phrases[1].Notes, 1
	case row.Kind == segment.Heading:
		rb.bookmark, rb.level = render.PlainText(row.Cells[0].Spans)+" | "+render.PlainText(row.Cells[d.cols[1]].Spans), 1
	}
	rb.bookmark = outlineText(rb.bookmark)
	return rb
}

// plainOr returns the plain text of spans, or def when there is none.
func plainOr(spans []render.Span, def string) string {
	if t := render.PlainText(spans); t != "" {
		return t
	}
	return def
}

// cell lays out runs in a column width wide, after lead runs set in the
// hanging indent of the first line (a note's number).
func (d *document) cell(m *metrics, st cellStyle, runs, lead []run, width float64) cellBox {
	c := cellBox{
		lineH: st.size * st.lead * ptToMM,
		x:     st.indent + st.hang,
	}
	c.base = c.lineH/2 + st.size*ptToMM*0.34
	c.lines = m.wrap(runs, width-c.x-st.indent)
	if len(lead) > 0 {
		if len(c.lines) == 0 {
			c.lines = []line{{}}
		}
		x := -st.hang
		var ps []piece
		for i := range lead {
			w := m.width(lead[i].face, lead[i].size, lead[i].text)
			ps = append(ps, piece{run: &lead[i], text: lead[i].text, x: x, w: w})
			x += w
		}
		spaceAfter(&line{pieces: ps})
		c.lines[0].pieces = append(ps, c.lines[0].pieces...)
	}
	return c
}

// maxLinkURL bounds the URLs the PDF links to. A link annotation holds
// its URL and there is one per line of the link's text, so a URL as long
// as its text would cost the square of its length (a 64 KB one took
// 100 MB); real URLs run to a few hundred bytes, and browsers stop
// around 2,000.
const maxLinkURL = 2048

// runs turns spans into styled runs for column i, adding to miss what
// no face has and setting longest to the length of the longest URL it
// makes no link to, as longer than maxLinkURL.
func (d *document) runs(m *metrics, spans []render.Span, st cellStyle, i int, fallback bool, miss *missing, longest *int) []run {
	color := st.color
	if fallback {
		color = muted
	}
	var out []run
	group := 0   // of the last link or note call
	strikes := 0 // the last strikethrough
	var walk func(spans []render.Span, emph, strong bool, url string, g, strike int)
	walk = func(spans []render.Span, emph, strong bool, url string, g, strike int) {
		for k := range spans {
			s := &spans[k]
			switch s.Kind {
			case render.Text:
				r := run{text: strings.ReplaceAll(s.Text, string(segment.HardBreak), " "), face: combine(st.face, emph, strong), size: st.size, color: color, url: url, group: g, strike: strike}
				if url != "" {
					r.color = linkInk
				}
				out = d.add(m, out, r, miss)
			case render.Code:
				out = d.add(m, out, run{text: s.Text, face: mono, size: st.size * 0.92, color: color, url: url, group: g, strike: strike}, miss)
			case render.Placeholder:
				out = d.add(m, out, run{text: s.Text, face: combine(st.face, emph, strong), size: st.size, color: color, url: url, group: g, strike: strike}, miss)
			case render.Emph:
				walk(s.Children, !emph, strong, url, g, strike)
			case render.Strong:
				walk(s.Children, emph, true, url, g, strike)
			case render.Strike:
				id := strike // struck twice is struck once
				if id == 0 {
					strikes++
					id = strikes
				}
				walk(s.Children, emph, strong, url, g, id)
			case render.Link:
				if len(s.URL) > maxLinkURL {
					*longest = max(*longest, len(s.URL))
					walk(s.Children, emph, strong, "", 0, strike)
					continue
				}
				group++
				walk(s.Children, emph, strong, s.URL, group, strike)
			case render.NoteRef:
				if s.Note == 0 {
					out = d.add(m, out, run{text: "[^" + s.Label + "]", face: combine(st.face, emph, strong), size: st.size, color: color, strike: strike}, miss)
					continue
				}
				group++
				r := run{text: strconv.Itoa(s.Note), face: regular, size: st.size * 0.62, rise: st.size * 0.36, color: accent, link: d.noteLinks[i][s.Note-1], call: true, group: group}
				if s.Occurrence == 1 {
					r.anchor = d.refLinks[i][s.Note-1]
				}
				out = append(out, r)
			}
		}
	}
	walk(spans, false, false, "", 0, 0)
	return out
}

// add appends r to runs, cut where r's face lacks a character into runs
// set in its fallback face; what no face has goes to miss (see cover).
// It is cut too at zero-width spaces and soft hyphens, which are not
// drawn: the run before each says where a line may break (run.brk).
func (d *document) add(m *metrics, runs []run, r run, miss *missing) []run {
	start := len(runs)
	text := r.text
	for text != "" {
		part, brk := text, rune(0)
		if i := strings.IndexAny(text, breaks); i >= 0 {
			c, size := utf8.DecodeRuneInString(text[i:])
			part, brk, text = text[:i], c, text[i+size:]
		} else {
			text = ""
		}
		for _, seg := range m.cover(part, r.face, miss) {
			rr := r
			rr.text, rr.face = seg.text, seg.face
			runs = append(runs, rr)
		}
		if brk != 0 && len(runs) > start {
			runs[len(runs)-1].brk = brk
		}
	}
	return runs
}

// faces reports which faces rows use, with those of the running title
// and page numbers.
func (d *document) faces(rows []rowBox) [nFaces]bool {
	var used [nFaces]bool
	used[regular], used[italic] = true, true
	for _, rs := range d.runningRuns {
		for _, r := range rs {
			used[r.face] = true
		}
	}
	for i := range rows {
		for j := range rows[i].cells {
			for _, l := range rows[i].cells[j].lines {
				for _, p := range l.pieces {
					used[p.face] = true
				}
			}
		}
	}
	return used
}

// combine returns the face for text in base with emphasis toggled and
// strong added.
func combine(base face, emph, strong bool) face {
	it := base == italic || base == boldItalic
	bd := base == bold || base == boldItalic || strong
	if emph {
		it = !it
	}
	switch {
	case it && bd:
		return boldItalic
	case it:
		return italic
	case bd:
		return bold
	}
	return regular
}

// row sets a row, moving it to the next page when it does not fit where
// it is, or splitting it across pages when it is taller than a page.
func (d *document) row(rb *rowBox, next *rowBox) {
	top := marginTop
	if d.y > top {
		d.y += rb.style.before
	}
	h := rb.height()
	need := h
	if rb.style.keep && next != nil {
		need += rb.style.after + next.style.before + next.firstLines(2)
	}
	if d.y+need > d.bottom && d.y > top && need <= d.bottom-top && !rb.splitHere(d.bottom-d.y, d.bottom-top) {
		d.newPage()
	}
	starts := [2]int{}
	firstSegment := true
	for {
		ends, done := d.fit(rb, starts, firstSegment)
		if !done && ends == starts && d.y > top {
			// Not even the first lines fit: start the row on a new page.
			d.newPage()
			continue
		}
		segH := max(rb.cells[0].height(starts[0], ends[0]), rb.cells[1].height(starts[1], ends[1]))
		if firstSegment {
			d.marks(rb)
			d.openRow(rb)
		}
		d.segment(rb, starts, ends, segH, done)
		firstSegment = false
		if done {
			d.y += segH + rb.style.after
			return
		}
		d.newPage()
		starts = ends
	}
}

// splitHere reports whether a row that does not fit in the space left on
// a page, though it would on a new page, should rather start here and go
// on over the page: when it is a long passage and moving it would leave
// much of the page empty.
func (r *rowBox) splitHere(left, page float64) bool {
	if r.style.keep || left < page*0.3 {
		return false
	}
	n := max(len(r.cells[0].lines), len(r.cells[1].lines))
	return n >= 8
}

// firstLines is the height of the first n lines of the row's taller cell.
func (r *rowBox) firstLines(n int) float64 {
	h := 0.0
	for _, c := range r.cells {
		h = max(h, c.height(0, min(n, len(c.lines))))
	}
	return h
}

// fit returns, for each cell, the end of the lines from starts that fit
// on the page, and whether every cell is done. A row starts in both
// columns on the same page; no cell leaves one line alone at the foot of
// a page (an orphan) or at the head of the next (a widow) when it can help
// it. At the top of a page every unfinished cell gets at least a line, so
// that setting always moves on.
func (d *document) fit(rb *rowBox, starts [2]int, first bool) (ends [2]int, done bool) {
	avail := d.bottom - d.y
	atTop := d.y <= marginTop+0.001
	done = true
	for i := range rb.cells {
		c := &rb.cells[i]
		n := len(c.lines)
		end := starts[i]
		h := 0.0
		for end < n && h+c.lineHeight(end) <= avail+0.001 {
			h += c.lineHeight(end)
			end++
		}
		if end == starts[i] && end < n && atTop {
			end++ // a line taller than a page: set it all the same
		}
		if end < n {
			done = false
			placed := end - starts[i]
			if n-end == 1 && placed > 2 {
				end-- // no widow
			}
			if first && placed < 2 && !atTop {
				end = starts[i] // no orphan
			}
		}
		ends[i] = end
	}
	if !done && first && !atTop {
		for i := range rb.cells {
			if starts[i] < len(rb.cells[i].lines) && ends[i] == starts[i] {
				return starts, false
			}
		}
	}
	return ends, done
}

// marks sets the outline entries and link targets at the top of a row.
func (d *document) marks(rb *rowBox) {
	if rb.bookmark != "" {
		setFace(d.p, regular, 10) // fpdf converts the title as the font asks
		d.face, d.size = regular, 10
		d.p.Bookmark(rb.bookmark, rb.level, d.y)
	}
	for i := range rb.cells {
		if dest := rb.cells[i].anchor; dest != nil {
			d.target(dest, d.y)
		}
	}
}

// segment draws lines [starts, ends) of each cell of a row at d.y.
func (d *document) segment(rb *rowBox, starts, ends [2]int, segH float64, done bool) {
	p := d.p
	if rb.para > 0 && starts == [2]int{} && len(rb.cells[0].lines) > 0 {
		d.paraNum(rb)
	}
	for i := range rb.cells {
		c := &rb.cells[i]
		x0 := marginSide + float64(i)*(d.colW+gutter)
		if rb.tint {
			d.artifact(tagged.ArtifactLayout, func() {
				p.SetFillColor(markBg.r, markBg.g, markBg.b)
				p.Rect(x0, d.y-1.5, d.colW, c.height(starts[i], ends[i])+3, "F")
			})
			d.forget()
		}
		if c.bar && ends[i] > starts[i] {
			d.artifact(tagged.ArtifactLayout, func() {
				p.SetDrawColor(accent.r, accent.g, accent.b)
				p.SetLineWidth(0.5)
				p.Line(x0+0.4, d.y+0.6, x0+0.4, d.y+c.height(starts[i], ends[i])-0.6)
			})
		}
		y := d.y
		for l := starts[i]; l < ends[i]; l++ {
			lh := c.lineHeight(l)
			base := c.base
			if l < c.badge {
				base = lh/2 + badgeSize*ptToMM*0.34
			}
			d.line(c, i, &c.lines[l], x0+c.x, y, lh, base)
			y += lh
		}
		d.endMark()
	}
	if rb.underline {
		d.artifact(tagged.ArtifactLayout, func() {
			p.SetDrawColor(rule.r, rule.g, rule.b)
			p.SetLineWidth(0.2)
			for i := range rb.cells {
				x0 := marginSide + float64(i)*(d.colW+gutter)
				p.Line(x0, d.y+segH+1.2, x0+d.colW, d.y+segH+1.2)
			}
		})
	}
	if rb.rule {
		bottom := d.y + segH
		if done {
			bottom += rb.style.after
		}
		x := marginSide + d.colW + gutter/2
		d.artifact(tagged.ArtifactLayout, func() {
			p.SetDrawColor(rule.r, rule.g, rule.b)
			p.SetLineWidth(0.2)
			p.Line(x, d.y, x, min(bottom, d.bottom))
		})
	}
}

// paraNum sets a passage's citation number in the margin left of its
// first line, one for both columns. It is an artifact, as page numbers
// are: the text reads the same without it, in both articles.
func (d *document) paraNum(rb *rowBox) {
	c := &rb.cells[0]
	base := c.base
	if c.badge > 0 {
		base = c.lineHeight(0)/2 + badgeSize*ptToMM*0.34
	}
	n := "¶ " + strconv.Itoa(rb.para)
	w := d.m.width(regular, paraSize, n)
	d.artifact(tagged.ArtifactLayout, func() {
		setFace(d.p, regular, paraSize)
		d.p.SetTextColor(muted.r, muted.g, muted.b)
		d.p.Text(marginSide-2.5-w, d.y+base, n)
	})
	d.forget()
}

// paraSize is the size of citation numbers, in points.
const paraSize = 6.5

// line draws one line of cell c of column col whose top is at y, each
// piece as marked content of its structure element.
func (d *document) line(c *cellBox, col int, l *line, x, y, h, base float64) {
	p := d.p
	for k := range l.pieces {
		pc := &l.pieces[k]
		if pc.badge {
			d.artifact(tagged.ArtifactLayout, func() {
				p.SetFillColor(markBg.r, markBg.g, markBg.b)
				p.Rect(x+pc.x-1, y+0.35, pc.w+2, h-0.7, "F")
			})
			d.forget()
		}
		if pc.face != d.face || pc.size != d.size {
			setFace(p, pc.face, pc.size)
			d.face, d.size = pc.face, pc.size
		}
		if pc.color != d.color {
			// Text is painted in the fill colour; when the two are the
			// same, fpdf sets no colour for each run of text.
			p.SetTextColor(pc.color.r, pc.color.g, pc.color.b)
			p.SetFillColor(pc.color.r, pc.color.g, pc.color.b)
			d.color = pc.color
		}
		e := d.elemOf(c, col, pc)
		actual := ""
		if pc.call {
			// A note call reads apart from the word it follows:
			// "2012 7", not "20127".
			actual = " " + pc.text
		}
		if pc.hyphen {
			// A line broken at a soft hyphen reads as the one word.
			actual = "\u00ad"
		}
		d.mark(e, actual)
		p.Text(x+pc.x, y+base-pc.rise*ptToMM, pc.text)
		if pc.url != "" || pc.link != nil {
			d.link(e, col, pc, x+pc.x, y, pc.w, h)
		}
		if pc.anchor != nil {
			d.target(pc.anchor, y)
		}
	}
	d.strikeLines(l, x, y, base)
}

// strikeLines draws a line through each strikethrough of l, whose top is
// at y, from the start of its first piece to the end of its last, spaces
// between them included. The line is an artifact: the text's Span says it
// is struck through (its TextDecorationType), and extracted text is the
// same without it.
func (d *document) strikeLines(l *line, x, y, base float64) {
	for k := 0; k < len(l.pieces); {
		first := &l.pieces[k]
		if first.strike == 0 {
			k++
			continue
		}
		end := k + 1
		for end < len(l.pieces) && l.pieces[end].strike == first.strike {
			end++
		}
		last := &l.pieces[end-1]
		size := first.size * ptToMM
		d.artifact(tagged.ArtifactLayout, func() {
			d.p.SetFillColor(first.color.r, first.color.g, first.color.b)
			// Through the middle of the lower-case letters, as thick as
			// the fonts' underline.
			d.p.Rect(x+first.x, y+base-size*0.27, last.x+last.w-first.x, size*0.05, "F")
		})
		d.forget()
		k = end
	}
}

func (d *document) newPage() {
	d.endMark()
	d.p.AddPage()
	d.y = marginTop
	d.forget()
}

// forget makes the next line set its face and colour: fpdf restores its
// own after the header and footer, which draw in theirs.
func (d *document) forget() {
	d.face, d.size, d.color = nFaces, 0, rgb{-1, -1, -1}
}

// xmp returns the document's XMP metadata: the title in both languages
// and both languages, which the Info dictionary cannot say, the authors
// (dc:creator, as /Author) and the licence (dc:rights).
func xmp(src, tgt string, tags [2]language.Tag, t time.Time, authors []string, license string) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := t.Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">` + "\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(src+" | "+tgt) + `</rdf:li>`)
	b.WriteString(`<rdf:li xml:lang="` + esc(tags[0].String()) + `">` + esc(src) + `</rdf:li>`)
	b.WriteString(`<rdf:li xml:lang="` + esc(tags[1].String()) + `">` + esc(tgt) + "</rdf:li></rdf:Alt></dc:title>\n")
	if len(authors) > 0 {
		b.WriteString("<dc:creator><rdf:Seq>")
		for _, a := range authors {
			b.WriteString("<rdf:li>" + esc(a) + "</rdf:li>")
		}
		b.WriteString("</rdf:Seq></dc:creator>\n")
	}
	if license != "" {
		b.WriteString(`<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">` + esc(license) + "</rdf:li></rdf:Alt></dc:rights>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(tags[0].String()) + "</rdf:li><rdf:li>" + esc(tags[1].String()) + "</rdf:li></rdf:Bag></dc:language>\n")
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate><xmp:ModifyDate>" + date + "</xmp:ModifyDate><xmp:CreatorTool>bitext</xmp:CreatorTool>\n")
	b.WriteString("<pdf:Producer>bitext (go-pdf/fpdf)</pdf:Producer>\n")
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}
