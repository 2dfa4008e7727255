package catalog

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// conflictError is a locale file that git left with merge conflict
// markers. It is reported like a SyntaxError, but says what to do about a
// conflict rather than about a typo; errors.As finds the SyntaxError.
type conflictError struct{ se SyntaxError }

func (e *conflictError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s; resolve the merge conflict: keep one side of each conflict, remove the markers, then run again (bitext has not changed it)", e.se.Path, e.se.Line, e.se.Col, e.se.Msg)
}

func (e *conflictError) Unwrap() error { return &e.se }

// findConflict returns the error for data that holds git's conflict
// markers at the start of a line, or nil. With all unset only the opening
// and closing markers count: a line of seven "=" can be Markdown inside a
// multi-line string of a file that parsed.
func findConflict(path string, data []byte, all bool) error {
	type marker struct {
		kind byte
		line int
	}
	var found []marker
	opens := 0
	for i, line := 0, 1; i < len(data); line++ {
		if k := markerAt(data[i:]); k != 0 {
			found = append(found, marker{k, line})
			if k == '<' {
				opens++
			}
		}
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	if len(found) == 0 {
		return nil
	}
	if !all && !slices.ContainsFunc(found, func(m marker) bool { return m.kind == '<' || m.kind == '>' }) {
		return nil
	}
	// Name the markers of the first conflict, in the order git writes them.
	var parts []string
	next := 0
	for _, want := range []byte{'<', '|', '=', '>'} {
		for k := next; k < len(found); k++ {
			if found[k].kind == want {
				parts = append(parts, fmt.Sprintf("%s at line %d", strings.Repeat(string(want), 7), found[k].line))
				next = k + 1
				break
			}
		}
	}
	msg := "git merge conflict: the file still has the markers git writes around the two sides of a conflict (" + strings.Join(parts, ", ") + ")"
	switch opens {
	case 0, 1:
	case 2:
		msg += ", and 1 more conflict after it"
	default:
		msg += fmt.Sprintf(", and %d more conflicts after it", opens-1)
	}
	return &conflictError{SyntaxError{path, found[0].line, 1, msg}}
}

// markerAt returns the kind of conflict marker line b starts with ('<',
// '|', '=' or '>'), or 0. git writes seven of the character, then a space
// and a name, except for "=======", which is alone on its line.
func markerAt(b []byte) byte {
	if len(b) < 7 {
		return 0
	}
	c := b[0]
	if c != '<' && c != '|' && c != '=' && c != '>' {
		return 0
	}
	for _, d := range b[1:7] {
		if d != c {
			return 0
		}
	}
	if len(b) == 7 || b[7] == '\n' || b[7] == '\r' {
		return c
	}
	if c != '=' && (b[7] == ' ' || b[7] == '\t') {
		return c
	}
	return 0
}
