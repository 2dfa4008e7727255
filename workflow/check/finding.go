package check

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Severity is how bad a finding is.
type Severity int

// The severities, least first.
const (
	Warning Severity = iota + 1
	Error
)

// String returns "error" or "warning".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "error" or "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	default:
		return fmt.Errorf("unknown severity %q", b)
	}
	return nil
}

// Finding is one problem with one entry of a locale file.
type Finding struct {
	// File is the locale file, slash-separated and relative to the project.
	File string `json:"file"`
	// Line is the line of the entry's text in File (the line of the entry
	// when it has no text), or 0 when the entry is not in the file.
	Line int `json:"line"`
	// Column is the column of the problem in Line, counted in characters
	// from 1, or 0 when the finding is about the whole line or entry.
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	// Check is the ID of the check that found it ("numbers").
	Check string `json:"check"`
	// Doc and Locale name the document and the target locale.
	Doc    string `json:"doc"`
	Locale string `json:"locale"`
	// ID is the unit's ID; empty for a finding about the whole file.
	ID string `json:"id"`
	// Message says what is wrong and what to do, in one line.
	Message string `json:"message"`
	// Reason is, for an exempted finding, why it is exempted.
	Reason string `json:"reason,omitempty"`
}

// String writes f as "path:line: severity [check] id: message", the line
// and ID left out when there is none (and "path:line:column" when the
// column is known).
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.Pos())
	b.WriteString(": ")
	b.WriteString(f.Severity.String())
	b.WriteString(" [")
	b.WriteString(f.Check)
	b.WriteString("] ")
	if f.ID != "" {
		b.WriteString(f.ID)
		b.WriteString(": ")
	}
	b.WriteString(f.Message)
	return b.String()
}

// Pos returns "path:line" or "path:line:column", or the path alone when
// there is no line.
func (f Finding) Pos() string {
	switch {
	case f.Line > 0 && f.Column > 0:
		return f.File + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	case f.Line > 0:
		return f.File + ":" + strconv.Itoa(f.Line)
	}
	return f.File
}

// Findings is a list of findings; Sort orders it by file, line, unit ID,
// the checks' order and message, so output is the same from run to run.
type Findings []Finding

// Sort sorts the list in place.
func (l Findings) Sort() {
	slices.SortStableFunc(l, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.ID, b.ID),
			cmp.Compare(checkOrder(a.Check), checkOrder(b.Check)),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of findings of severity s.
func (l Findings) Count(s Severity) int {
	n := 0
	for _, f := range l {
		if f.Severity == s {
			n++
		}
	}
	return n
}

func checkOrder(id string) int {
	for i := range checks {
		if checks[i].id == id {
			return i
		}
	}
	return len(checks)
}

// oneLine makes a message safe to print: messages quote translation text,
// which is untrusted, so control characters (a line break, or an escape
// sequence that would drive the terminal) and the bidirectional controls
// that can disguise text are written as visible escapes, \x1b or \u202e.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !hidden(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func hidden(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f
}

// maxListed is how many items a message lists: a translation of a
// hundred thousand URLs or numbers is one finding, not a message of
// megabytes.
const maxListed = 10

// listed returns the first maxListed items, and, when there are more,
// " and N more" to write after them.
func listed(items []string) ([]string, string) {
	if len(items) <= maxListed {
		return items, ""
	}
	return items[:maxListed], fmt.Sprintf(" and %d more", len(items)-maxListed)
}

// joinListed joins the first maxListed items with sep and says how many
// more there are.
func joinListed(items []string, sep string) string {
	shown, more := listed(items)
	return strings.Join(shown, sep) + more
}
