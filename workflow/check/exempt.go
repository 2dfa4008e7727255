package check

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/project"
)

// allowPrefix starts a translator comment that exempts its entry from a
// check: "# bitext-allow numbers: the reason". Translator comments stay
// with their entry through `bitext update`, so the exemption and its
// reason stay visible in the locale file.
const allowPrefix = "bitext-allow"

// allow is one exemption read from a comment.
type allow struct {
	check, reason string
	line          int
}

type allowList []allow

func (l allowList) find(check string) *allow {
	for i := range l {
		if l[i].check == check {
			return &l[i]
		}
	}
	return nil
}

func (l allowList) reason(check string) (string, bool) {
	if a := l.find(check); a != nil {
		return a.reason, true
	}
	return "", false
}

// allows reads the exemptions in the comments of m. Malformed ones are
// findings of their own, appended to out; they exempt nothing.
func (r *runner) allows(m *catalog.Message, l *project.Locale, base Finding, line int, out *Findings) allowList {
	var list allowList
	for _, c := range m.Comments {
		text := strings.TrimSpace(c)
		rest, ok := strings.CutPrefix(text, allowPrefix)
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != ':' && rest[0] != '\t' {
			continue
		}
		at := r.commentLine(l, m, c)
		bad := func(format string, args ...any) {
			f := base
			f.Line, f.ID, f.Severity, f.Check, f.Message = at, oneLine(m.ID), Error, allowCheck, oneLine(fmt.Sprintf(format, args...))
			*out = append(*out, f)
		}
		ids, reason, _ := strings.Cut(rest, ":")
		reason = strings.TrimSpace(reason)
		names := strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		if len(names) == 0 {
			bad("%s names no check; write # %s CHECK: REASON, with CHECK one of %s", allowPrefix, allowPrefix, checkList())
			continue
		}
		valid := true
		for _, id := range names {
			if checkByID(id) == nil {
				bad("%s: unknown check %q; the checks are %s", allowPrefix, id, checkList())
				valid = false
			}
		}
		if !valid {
			continue
		}
		if reason == "" {
			bad("# %s %s needs a reason after a colon: say why the finding does not apply here", allowPrefix, strings.Join(names, ", "))
			continue
		}
		for _, id := range names {
			list = append(list, allow{check: id, reason: reason, line: at})
		}
	}
	return list
}

// commentLine finds the line of the comment c of m in the locale file:
// among the comment lines just above the entry, or between its keys.
func (r *runner) commentLine(l *project.Locale, m *catalog.Message, c string) int {
	raw := l.File.Raw
	if len(raw) == 0 || m.Line == 0 {
		return m.Line
	}
	if len(r.lines) == 0 {
		r.lines = append(r.lines, 0)
		for i, b := range raw {
			if b == '\n' {
				r.lines = append(r.lines, i+1)
			}
		}
	}
	text := func(n int) ([]byte, bool) { // line n, 1-based, as a comment's text
		if n < 1 || n > len(r.lines) {
			return nil, false
		}
		end := len(raw)
		if n < len(r.lines) {
			end = r.lines[n] - 1
		}
		t := bytes.TrimSpace(raw[r.lines[n-1]:end])
		if len(t) == 0 || t[0] != '#' {
			return nil, false
		}
		return t[1:], true
	}
	want := []byte(strings.TrimSpace(c))
	for n := m.Line - 1; ; n-- {
		t, ok := text(n)
		if !ok {
			break
		}
		if bytes.Equal(bytes.TrimSpace(t), want) {
			return n
		}
	}
	last := max(m.TextLine, m.Line)
	for n := m.Line; n <= last; n++ {
		if t, ok := text(n); ok && bytes.Equal(bytes.TrimSpace(t), want) {
			return n
		}
	}
	return m.Line
}
