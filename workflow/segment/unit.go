package segment

import (
	"fmt"
	"strconv"
)

// Kind says what part of an article a unit is. Renderers lay units out by
// kind, checks tune their thresholds by kind, and the kind is written as the
// message description in the locale files.
type Kind string

// The kinds of translation unit. Every reader emits only these.
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
)

// Kinds lists every kind in the order a reader would usually meet them.
var Kinds = []Kind{Title, Date, Epigraph, Attribution, Heading, Paragraph, Quote, Item, Note}

// Valid reports whether k is one of the kinds above.
func (k Kind) Valid() bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

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
	// Units are the translation units in reading order.
	Units []Unit
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
