package render

import (
	"cmp"
	"slices"
	"strconv"
)

// Warning says that an edition shows a unit otherwise than it is written:
// a character no font of the PDF has, a text too large or too tangled to
// read as Markdown. It is at the unit's text, in the locale file or the
// source, so that the translator can go there.
type Warning struct {
	File string
	Line int
	// ID is the unit's ID.
	ID string
	// Check names what was found, as check findings do: "glyphs",
	// "limits".
	Check string
	Msg   string
}

// String writes w as bitext writes findings:
// "path:line: warning [check] id: message".
func (w Warning) String() string {
	return w.File + ":" + strconv.Itoa(w.Line) + ": warning [" + w.Check + "] " + w.ID + ": " + w.Msg
}

// SortWarnings sorts ws by file, line, check and message and drops
// duplicates (two PDFs that share the source column warn twice of it).
func SortWarnings(ws []Warning) []Warning {
	slices.SortFunc(ws, func(a, b Warning) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Check, b.Check), cmp.Compare(a.Msg, b.Msg))
	})
	return slices.Compact(ws)
}
