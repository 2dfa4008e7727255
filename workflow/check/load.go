package check

import (
	"fmt"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/segment"
)

// The checks of files that cannot be read. They are not run like the
// others, and cannot be turned off: they report why there is nothing to
// check.
const (
	// syntaxCheck is a locale or history file that does not parse.
	syntaxCheck = "syntax"
	// sourceCheck is a source article bitext cannot segment.
	sourceCheck = "source"
)

// ErrorFindings returns the errors in err that name a file and a
// position, as findings: a locale or history file that does not parse
// (check "syntax", with its line and column), a source article bitext
// cannot segment (check "source"). err may join several errors. It
// returns nil when err names no file.
func ErrorFindings(err error) Findings {
	var out Findings
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *catalog.SyntaxError:
			out = append(out, Finding{File: e.Path, Line: e.Line, Column: e.Col, Severity: Error, Check: syntaxCheck,
				Message: oneLine(e.Msg + "; fix the file and run again (bitext has not changed it)")})
		case *segment.Error:
			out = append(out, Finding{File: e.Path, Line: e.Line, Severity: Error, Check: sourceCheck, Message: oneLine(e.Msg)})
		case interface{ Unwrap() []error }:
			for _, x := range e.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
	out.Sort()
	return out
}

// FailedReport returns the report of a run that could not check because
// files could not be read: their errors as findings (see ErrorFindings)
// and a failed "load" gate, so that every output format says why. It
// returns nil when err names no file.
func FailedReport(err error) *Report {
	fs := ErrorFindings(err)
	if len(fs) == 0 {
		return nil
	}
	files := map[string]bool{}
	for _, f := range fs {
		files[f.File] = true
	}
	msg := fmt.Sprintf("%s cannot be read; nothing was checked: fix %s and run again", plural(len(files), "file"), map[bool]string{true: "it", false: "them"}[len(files) == 1])
	return &Report{Findings: fs, Gates: []Gate{{Name: "load", Message: msg}}, failOn: Error}
}

// ErrorReport returns the report of a run stopped by an error that names
// no file (a configuration error, say): one failed gate, "error", with
// the error's message, for the formats CI reads.
func ErrorReport(err error) *Report {
	return &Report{Gates: []Gate{{Name: "error", Message: oneLine(err.Error())}}, failOn: Error}
}
