package render

import (
	"runtime"
	"strconv"
	"sync"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/segment"
)

// Edition is a document ready to render: its units as aligned rows, one
// cell per language, the source language first. Every renderer works from
// an Edition and picks the columns it shows.
type Edition struct {
	// Name is the document name; output files are named after it.
	Name string
	// SourcePath is the source file's path in the project.
	SourcePath string
	// Date is the article's ISO date, or empty.
	Date string
	// Credits are who wrote, translated, reviewed and published the
	// article, and where, when and under what licence it first
	// appeared: the editions' mastheads and metadata.
	Credits project.DocCredits
	// Langs are the columns: the source language, then the targets in
	// configuration order.
	Langs []Lang
	// Rows are the units in reading order.
	Rows []Row
	// Notes is how many notes the document has; notes are numbered 1 to
	// Notes in reading order.
	Notes int
	// NoteIDs[n-1] is the ID of note n's unit: the note's anchor in
	// every edition, so that a link to a note works in each of them.
	NoteIDs []string
	// RefCounts[col][n-1] is how many references column col makes to note
	// n, for the links from a note back to its references.
	RefCounts [][]int
	// Warnings are the cells shown otherwise than written, in reading
	// order: those past the limits of Markdown (see MaxMarkdownBytes),
	// shown as text.
	Warnings []Warning
	// Blocks are what an edition draws, in reading order: rows (Unit is
	// an index in Rows), tables of rows, and what passes through (code,
	// breaks, HTML without text). For a plain-text source, a UnitBlock
	// per row.
	Blocks []segment.Block
	// Template is a Markdown source cut into what passes through and the
	// slots of its rows (Unit is an index in Rows), for the Markdown
	// edition; nil for other sources.
	Template []segment.Piece
	// Structured is set for sources that have a layout of their own
	// (Markdown, Word), whose source-language Markdown edition is worth
	// writing.
	Structured bool
	// labels maps a note's label to its number.
	labels map[string]int
	// Phrasebook holds the phrases the edition adds to the article
	// (labels, marks, the progress banner); nil means bitext's own.
	Phrasebook *Phrasebook
}

// PhrasesFor returns the edition's phrases in tag's language (see
// Phrasebook.For).
func (ed *Edition) PhrasesFor(tag language.Tag) Phrases {
	if ed.Phrasebook == nil {
		return PhrasesFor(tag)
	}
	return ed.Phrasebook.For(tag)
}

// Lang is one column of an edition.
type Lang struct {
	Tag language.Tag
	// Source is set for the column of the source language.
	Source bool
	// Translated, Stale and Untranslated count the units by state; a
	// source column has every unit translated.
	Translated, Stale, Untranslated int
	// Reviewing says whether the locale keeps review records (bitext
	// review); Reviewed counts the units reviewed.
	Reviewing bool
	Reviewed  int
}

// ShowProgress reports whether an edition says how far the column has
// come: when it is incomplete, or keeps review records and is not all
// reviewed.
func (l Lang) ShowProgress() bool {
	return !l.Complete() || l.Reviewing && l.Reviewed < l.Translated+l.Stale+l.Untranslated
}

// Complete reports whether every unit of the column is translated from
// the current source.
func (l Lang) Complete() bool { return l.Stale == 0 && l.Untranslated == 0 }

// Percent is the share of units translated from the current source, as
// `bitext status` gives it.
func (l Lang) Percent() float64 {
	// The one percentage bitext shows everywhere (status, check, gates,
	// badges): rounded down to a tenth.
	return project.Percent(l.Translated, l.Translated+l.Stale+l.Untranslated)
}

// Row is one unit, aligned across languages.
type Row struct {
	// ID is the unit's ID; HTML editions use it as the row's anchor.
	ID    string
	Kind  segment.Kind
	Level int // headings: 2 to 6
	// Note is a note's number, 1 to Edition.Notes; 0 for other units.
	Note int
	// Para is the passage's citation number, "¶ 12", shared by every
	// language: paragraphs, quotes and list items are numbered 1, 2, …
	// in reading order; 0 for other units.
	Para int
	// Line is the unit's line in the source file.
	Line int
	// Key is a front-matter field's key ("description").
	Key string
	// InNote is, for a unit inside a note after its first paragraph, the
	// note's number; 0 otherwise.
	InNote int
	// Depth, Ordered and Task place an item in its lists: see
	// segment.Block.
	Depth   int
	Ordered bool
	Task    int
	// Cells holds one cell per column of Edition.Langs.
	Cells []Cell
}

// Cell is a unit in one language.
type Cell struct {
	// Lang is the language of Spans: the column's, or the source's when
	// the unit is not translated (yet, or since the source changed).
	Lang language.Tag
	// State is the translation's state; source cells are Translated.
	State project.State
	// Fallback is set when Spans are the source text standing in for a
	// stale or missing translation. A date the column's language writes
	// through CLDR is not a fallback.
	Fallback bool
	// Spans is the parsed text. The text of an HTML block or of code is
	// not Markdown: it is one Text span, as written.
	Spans []Span
	// Text is the text Spans were parsed from, normalized: the source's,
	// the translation's, or the date written the locale's way.
	Text string
	// File and Line are where the text is: the locale file and line of
	// the translation, or the source's for a source cell and a unit
	// missing from its locale file.
	File string
	Line int
}

// Pos returns where the cell's text is, as "path:line".
func (c *Cell) Pos() string { return c.File + ":" + strconv.Itoa(c.Line) }

// NewEdition lays out a document of w as aligned rows: the source text in
// the first column, each target locale's translation in the next. A unit
// that is stale or untranslated in a locale shows the source text in that
// column, with Fallback set, except a date, which is written the locale's
// way. Note references are numbered in reading order, per column. A
// text past the limits of Markdown is shown as written, with a warning.
func NewEdition(w *project.Workspace, d *project.Doc) *Edition {
	src := w.SourceLocale()
	ed := &Edition{Name: d.Name, SourcePath: d.SourcePath, Date: d.Date, Credits: w.Credits(d)}
	if d.Layout != nil {
		ed.Structured = true
		ed.Blocks = d.Layout.Blocks
		ed.Template = d.Layout.Template
	} else {
		ed.Blocks = make([]segment.Block, len(d.Units))
		for i := range ed.Blocks {
			ed.Blocks[i] = segment.Block{Kind: segment.UnitBlock, Unit: i}
		}
	}
	ed.Langs = append(ed.Langs, Lang{Tag: src, Source: true, Translated: len(d.Units)})
	for _, l := range d.Locales {
		ed.Langs = append(ed.Langs, Lang{Tag: l.Tag, Reviewing: l.Recording()})
	}

	// Texts to parse, one per cell: the source text for a fallback.
	type job struct {
		row, col int
		text     string
		// translated marks a translator's text, which has not been
		// normalized as the readers normalize the source.
		translated bool
		// over says why the text is not read as Markdown, if it is not.
		over string
	}
	jobs := make([]job, 0, len(d.Units)*len(ed.Langs))
	ed.Rows = make([]Row, len(d.Units))
	cells := make([]Cell, len(d.Units)*len(ed.Langs))
	labels := map[string]int{}
	para := 0
	for i := range d.Units {
		u := &d.Units[i]
		r := &ed.Rows[i]
		*r = Row{ID: u.ID, Kind: u.Kind, Level: u.Level, Line: u.Line, Key: u.Key, Cells: cells[i*len(ed.Langs) : (i+1)*len(ed.Langs)]}
		if u.Kind == segment.Heading && r.Level < 2 {
			r.Level = 2 // level 1 is the title's
		}
		if u.Kind == segment.Note {
			ed.Notes++
			r.Note = ed.Notes
			labels[u.Label] = r.Note
			ed.NoteIDs = append(ed.NoteIDs, u.ID)
		}
		if numbered(u.Kind) && u.InNote == "" {
			para++
			r.Para = para
		}
		r.Cells[0] = Cell{Lang: src, State: project.Translated, File: d.SourcePath, Line: u.Line}
		jobs = append(jobs, job{row: i, col: 0, text: u.Text})
		for j, l := range d.Locales {
			e := &l.Entries[i]
			c := &r.Cells[j+1]
			*c = Cell{Lang: l.Tag, State: e.State, File: d.SourcePath, Line: u.Line}
			if e.Message.TextLine > 0 {
				c.File, c.Line = l.File.Path, e.Message.TextLine
			}
			lang := &ed.Langs[j+1]
			switch e.State {
			case project.Translated:
				lang.Translated++
				if e.Reviewed() {
					lang.Reviewed++
				}
				jobs = append(jobs, job{row: i, col: j + 1, text: e.Message.Other, translated: true})
				continue
			case project.Stale:
				lang.Stale++
			default:
				lang.Untranslated++
			}
			if u.Kind == segment.Date {
				if long, ok := locale.LongDate(l.Tag, d.Date); ok {
					jobs = append(jobs, job{row: i, col: j + 1, text: long})
					continue
				}
			}
			c.Lang, c.Fallback = src, true
			jobs = append(jobs, job{row: i, col: j + 1, text: u.Text})
		}
	}

	// Parsing is most of the work at this stage, and cells are
	// independent: spread it over the processors.
	workers := min(runtime.GOMAXPROCS(0), 1+len(jobs)/256)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lo, hi := k*len(jobs)/workers, (k+1)*len(jobs)/workers
			texts := make([]string, 0, hi-lo)
			for n := lo; n < hi; n++ {
				jb := &jobs[n]
				kind := ed.Rows[jb.row].Kind
				if jb.translated && kind.Normalized() {
					jb.text = segment.Normalize(jb.text)
				}
				ed.Rows[jb.row].Cells[jb.col].Text = jb.text
				if !markdownKind(kind) {
					texts = append(texts, "")
					continue
				}
				if jb.over = overLimits(jb.text); jb.over != "" {
					texts = append(texts, "")
					continue
				}
				texts = append(texts, jb.text)
			}
			for n, spans := range parseInlineAll(texts) {
				jb := &jobs[lo+n]
				if jb.over != "" || !markdownKind(ed.Rows[jb.row].Kind) && jb.text != "" {
					spans = []Span{{Kind: Text, Text: jb.text}}
				}
				ed.Rows[jb.row].Cells[jb.col].Spans = spans
			}
		}()
	}
	wg.Wait()
	for _, jb := range jobs {
		if jb.over != "" {
			c := &ed.Rows[jb.row].Cells[jb.col]
			ed.Warnings = append(ed.Warnings, Warning{File: c.File, Line: c.Line, ID: ed.Rows[jb.row].ID, Check: "limits", Msg: jb.over})
		}
	}

	ed.labels = labels
	for i := range d.Units {
		if in := d.Units[i].InNote; in != "" {
			ed.Rows[i].InNote = labels[in]
		}
	}
	for _, b := range ed.Blocks {
		if b.Kind == segment.UnitBlock && b.Unit < len(ed.Rows) {
			r := &ed.Rows[b.Unit]
			r.Depth, r.Ordered, r.Task = b.Depth, b.Ordered, b.Task
		}
	}

	ed.RefCounts = make([][]int, len(ed.Langs))
	for col := range ed.Langs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts := make([]int, ed.Notes)
			for i := range ed.Rows {
				numberRefs(ed.Rows[i].Cells[col].Spans, labels, counts)
			}
			ed.RefCounts[col] = counts
		}()
	}
	wg.Wait()
	return ed
}

// numbered reports whether units of a kind get a citation number: the
// passages of the body, not titles, headings or notes.
func numbered(k segment.Kind) bool {
	return k == segment.Paragraph || k == segment.Quote || k == segment.Item
}

// Shared reports whether a note reads the same in the source column and
// column col, as a note that is only a list of URLs does: a bilingual
// edition sets it once, across both columns. A note shown in the
// original because it is not translated is not shared: it carries its
// mark.
func (ed *Edition) Shared(row *Row, col int) bool {
	if row.Kind != segment.Note || col <= 0 || col >= len(row.Cells) {
		return false
	}
	c := &row.Cells[col]
	return c.State == project.Translated && !c.Fallback && equalSpans(row.Cells[0].Spans, c.Spans)
}

// equalSpans reports whether two texts are the same: the same spans with
// the same content, note references to the same notes.
func equalSpans(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.Kind != y.Kind || x.Text != y.Text || x.URL != y.URL || x.Auto != y.Auto || x.Note != y.Note || x.Label != y.Label || !equalSpans(x.Children, y.Children) {
			return false
		}
	}
	return true
}

// markdownKind reports whether the text of units of kind k is inline
// Markdown, to parse into spans: all but HTML and code, whose text is
// shown as it is.
func markdownKind(k segment.Kind) bool { return k != segment.HTML && k != segment.Code }

// NoteNumber returns the number of the note labelled label, or 0.
func (ed *Edition) NoteNumber(label string) int { return ed.labels[label] }

// numberRefs gives each note reference in spans its note number and its
// occurrence among the references to that note.
func numberRefs(spans []Span, labels map[string]int, counts []int) {
	for i := range spans {
		s := &spans[i]
		if s.Kind == NoteRef {
			if n, ok := labels[s.Label]; ok {
				counts[n-1]++
				s.Note, s.Occurrence = n, counts[n-1]
			}
			continue
		}
		numberRefs(s.Children, labels, counts)
	}
}

// Title returns the plain text of the title in column col, or the
// document name when it has no title.
func (ed *Edition) Title(col int) string {
	for i := range ed.Rows {
		if ed.Rows[i].Kind == segment.Title {
			if t := PlainText(ed.Rows[i].Cells[col].Spans); t != "" {
				return t
			}
		}
	}
	return ed.Name
}

// Missing returns the rows whose cell in column col is not translated
// from the current source (stale or untranslated), in reading order:
// what render --strict refuses.
func (ed *Edition) Missing(col int) []*Row {
	var rows []*Row
	for i := range ed.Rows {
		if c := &ed.Rows[i].Cells[col]; c.State != project.Translated {
			rows = append(rows, &ed.Rows[i])
		}
	}
	return rows
}
