package render

import (
	"fmt"
	"strings"
	"time"
)

// A Renderer writes one kind of edition of a document. Adding an output
// (EPUB, say) is one more Renderer over the same Edition.
type Renderer interface {
	// Render returns the files of this edition of ed; their names are
	// relative to the output folder.
	Render(ed *Edition) ([]File, error)
}

// File is a rendered file for the command to write.
type File struct {
	// Name is the file's name in the output folder, as
	// "<doc>.en-es.html".
	Name string
	Data []byte
	// Warnings are the units this file shows otherwise than written, in
	// reading order, for the command to print.
	Warnings []Warning
}

// Paper is a page size for print.
type Paper struct {
	// Name is how configuration names it: "a4" or "letter".
	Name string
	// CSS is the name CSS's @page size gives it.
	CSS string
	// Width and Height are in millimetres, portrait.
	Width, Height float64
}

// The paper sizes bitext prints on.
var (
	A4     = Paper{Name: "a4", CSS: "A4", Width: 210, Height: 297}
	Letter = Paper{Name: "letter", CSS: "letter", Width: 215.9, Height: 279.4}
)

// ParsePaper returns the paper size named s ("a4" or "letter", in any
// case); "" means A4.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return A4, nil
	case "letter", "us-letter", "usletter":
		return Letter, nil
	}
	return Paper{}, fmt.Errorf("unknown paper size %q; use a4 or letter", s)
}

// PairName returns the name of a two-language file of ed: the source
// language and column col's, as "<doc>.en-es.<ext>".
func PairName(ed *Edition, col int, ext string) string {
	return ed.Name + "." + ed.Langs[0].Tag.String() + "-" + ed.Langs[col].Tag.String() + "." + ext
}

// LangName returns the name of a one-language file of ed, as
// "<doc>.es.<ext>".
func LangName(ed *Edition, col int, ext string) string {
	return ed.Name + "." + ed.Langs[col].Tag.String() + "." + ext
}

// LastPDFDate is the last moment a PDF date can hold: PDF writes dates
// as D:YYYYMMDDHHmmSS, four digits of year.
var LastPDFDate = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)

// PDFDate returns the date a PDF edition of ed records as its creation
// and modification date: created when it is not zero (from
// SOURCE_DATE_EPOCH), else the article's date, else 1970-01-01, never
// the clock. A date before the year 0 or after LastPDFDate is an error:
// written as it is, it would make the file invalid.
func PDFDate(created time.Time, ed *Edition) (time.Time, error) {
	if created.IsZero() {
		created = time.Unix(0, 0)
		if t, err := time.Parse("2006-01-02", ed.Date); err == nil {
			created = t
		}
	}
	created = created.UTC()
	if created.Year() < 0 || created.After(LastPDFDate) {
		return time.Time{}, fmt.Errorf("date %s: a PDF date must be between the years 0000 and 9999", created.Format(time.RFC3339))
	}
	return created, nil
}
