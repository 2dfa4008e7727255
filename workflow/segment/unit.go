package segment

import (
	"fmt"
	"strconv"
)

// Kind says what part of an article a unit is. Renderers lay units out by
// kind, checks tune their thresholds by kind, and the kind is written as the
// message description in the locale files.
type Kind string

// The kinds of translation unit. Every reader emits only these, and every
// renderer and check knows each of them: a new kind is one more row here
// and in kindInfo.
const (
	Title       Kind = "title"
	Date        Kind = "date"
	Epigraph    Kind = "epigraph"
	Attribution Kind = "attribution"
	Heading     Kind = "heading"
	Paragraph   Kind = "paragraph"
	Quote       Kind = "quote"
	Item        Kind = "item"
	Note        Kind = "note"
	// HTML is a block of HTML, translated as a whole: its text is the
	// HTML, and a translation keeps the English's tags. The editions
	// sanitize it.
	HTML Kind = "html"
	// Cell is one cell of a table; Document.Layout places it.
	Cell Kind = "cell"
	// Field is a value of the front matter, named by Unit.Key
	// ("description", "params.subtitle", "tags.1").
	Field Kind = "field"
	// Code is a code block, when configuration makes code translatable
	// (Options.TranslateCode); by default code passes through. Its text
	// is the code as written, lines and all: it alone is not normalized.
	Code Kind = "code"
)

// kindInfo is what the rest of bitext needs to know of each kind: the
// prefix of its units' IDs (every ID starts with one, so that no ID is
// one of go-i18n's reserved words: other, description, hash…) and how
// many words of the text the ID takes after it (0: none).
var kindInfo = map[Kind]struct {
	prefix string
	words  int
}{
	Title:       {"title", 0},
	Date:        {"date", 0},
	Epigraph:    {"epigraph", 0},
	Attribution: {"attribution", 0},
	Heading:     {"h", 4},
	Paragraph:   {"p", 5},
	Quote:       {"q", 5},
	Item:        {"li", 5},
	Note:        {"note", 0},
	HTML:        {"html", 4},
	Cell:        {"td", 4},
	Field:       {"fm", 0},
	Code:        {"code", 3},
}

// Kinds lists every kind in the order a reader would usually meet them.
var Kinds = []Kind{Title, Date, Epigraph, Attribution, Field, Heading, Paragraph, Quote, Item, Cell, HTML, Code, Note}

// Valid reports whether k is one of the kinds above.
func (k Kind) Valid() bool {
	_, ok := kindInfo[k]
	return ok
}

// IDPrefix returns the prefix of the IDs of units of kind k: "p" for a
// paragraph, "td" for a table cell; "u" for a kind bitext does not know.
func (k Kind) IDPrefix() string {
	if i, ok := kindInfo[k]; ok {
		return i.prefix
	}
	return "u"
}

// IDWords returns how many words of its text a unit of kind k puts in its
// ID after the prefix; 0 for kinds whose ID says enough without (a title)
// or is made otherwise (a note's label, a field's key).
func (k Kind) IDWords() int { return kindInfo[k].words }

// Normalized reports whether the text of units of kind k is normalized
// (see Normalize): all but code.
func (k Kind) Normalized() bool { return k != Code }

// Unit is one translation unit: a block of an article that is translated as
// a whole.
type Unit struct {
	// ID identifies the unit across edits of the source. Readers leave it
	// empty; package reconcile assigns it.
	ID string
	// Kind is what part of the article the unit is.
	Kind Kind
	// Text is the unit's text as inline Markdown: NFC-normalized, whitespace
	// collapsed, note references written [^label].
	Text string
	// Line is the 1-based line of the source file where the unit starts.
	Line int
	// Label is a note's label, the name its references use ([^Label]).
	// Only notes have one.
	Label string
	// Level is a heading's level, 1 to 6. Only headings have one.
	Level int
	// Key is a front-matter field's key path, its keys joined with dots
	// and list items counted from 0 ("params.subtitle", "tags.0"). Only
	// fields have one.
	Key string
	// InNote is, for a unit inside a note after the note's own first
	// paragraph (a second paragraph, a list item), the label of that
	// note. Such units follow their note in Document.Units.
	InNote string
}

// Document is a source article cut into units, in reading order.
type Document struct {
	// Path is the source file's slash-separated path, as given to the reader.
	Path string
	// Name is the document's name: the source file's base name without its
	// extension. Locale files are named after it.
	Name string
	// Date is the article's publication date as an ISO 8601 date
	// (2018-05-23), or empty when the source gives none.
	Date string
	// Units are the translation units in reading order, notes (and what
	// they hold) last.
	Units []Unit
	// Layout is how the units are laid out, for sources that have more
	// structure than a sequence of units (Markdown, Word); nil for plain
	// text.
	Layout *Layout
	// Warnings are what the reader read otherwise than written, or
	// guessed, at their lines: not errors, but for the author to see.
	Warnings []*Error
	// Credits are what the source says of its authors, translators,
	// publisher, first publication and licence (see Credits).
	Credits Credits
}

// Pos returns the position of u in d as "path:line".
func (d *Document) Pos(u *Unit) string {
	return d.Path + ":" + strconv.Itoa(u.Line)
}

// Notes returns the note units of d, in order.
func (d *Document) Notes() []*Unit {
	var notes []*Unit
	for i := range d.Units {
		if d.Units[i].Kind == Note {
			notes = append(notes, &d.Units[i])
		}
	}
	return notes
}

// Error is a problem in a source file, at a line and, when it is about
// one character, a column (1-based, in characters).
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

func errorf(path string, line int, format string, args ...any) error {
	return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}
