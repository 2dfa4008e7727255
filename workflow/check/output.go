package check

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/hopeborder/bitext/workflow/project"
)

// ANSI colours for WriteText.
const (
	red    = "\x1b[31;1m"
	yellow = "\x1b[33m"
	green  = "\x1b[32m"
	bold   = "\x1b[1m"
	reset  = "\x1b[0m"
)

// WriteText writes the report for people: the findings, grouped by file
// with a blank line between files; a table of every document and locale
// (translated, stale, untranslated, orphaned, percent, words); the counts;
// and the gates that failed, or "passed". color adds ANSI colours.
func (r *Report) WriteText(w io.Writer, color bool) error {
	var b bytes.Buffer
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + reset
	}
	for i, f := range r.Findings {
		if i > 0 && f.File != r.Findings[i-1].File {
			b.WriteByte('\n')
		}
		sev := paint(yellow, f.Severity.String())
		if f.Severity == Error {
			sev = paint(red, f.Severity.String())
		}
		fmt.Fprintf(&b, "%s: %s [%s] ", paint(bold, f.Pos()), sev, f.Check)
		if f.ID != "" {
			b.WriteString(f.ID + ": ")
		}
		b.WriteString(f.Message)
		b.WriteByte('\n')
	}
	if len(r.Findings) > 0 {
		b.WriteByte('\n')
	}
	if len(r.Status) > 0 {
		r.writeTable(&b)
		b.WriteByte('\n')
	}
	b.WriteString(r.counts() + "\n")
	for _, g := range r.Gates {
		if !g.Passed {
			fmt.Fprintf(&b, "%s: %s\n", paint(red, "failed"), g.Message)
		}
	}
	if r.Passed() {
		b.WriteString(paint(green, "passed") + "\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// counts says "2 errors, 3 warnings (1 exempted)".
func (r *Report) counts() string {
	s := plural(r.Findings.Count(Error), "error") + ", " + plural(r.Findings.Count(Warning), "warning")
	if n := len(r.Exempted); n > 0 {
		s += fmt.Sprintf(" (%d exempted)", n)
	}
	return s
}

func (r *Report) writeTable(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	reviewing := r.reviewing()
	head := "DOCUMENT\tLOCALE\tTRANSLATED\tSTALE\tUNTRANSLATED\tORPHANED\tDONE"
	if reviewing {
		head += "\tREVIEWED"
	}
	fmt.Fprintln(tw, head+"\tWORDS\tTO DO\tERRORS\tWARNINGS")
	for _, s := range r.Status {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s", s.Doc, s.Locale, s.Translated, s.Stale, s.Untranslated,
			s.Orphaned, project.FormatPercent(s.Percent))
		if reviewing {
			fmt.Fprintf(tw, "\t%s", reviewedCell(s.Status))
		}
		fmt.Fprintf(tw, "\t%d\t%d\t%d\t%d\n", s.Words, s.WordsToDo, s.Errors, s.Warnings)
	}
	tw.Flush()
}

// reviewing reports whether a locale of the report keeps review records:
// the tables then show the reviewed share.
func (r *Report) reviewing() bool {
	for _, s := range r.Status {
		if s.Reviewing {
			return true
		}
	}
	return false
}

// reviewedCell is the reviewed share of s, or "-" for a locale that keeps
// no review records.
func reviewedCell(s project.Status) string {
	if !s.Reviewing {
		return "-"
	}
	return project.FormatPercent(s.ReviewedPercent)
}

// WithPathPrefix returns a copy of the report whose paths start with
// prefix (a slash path, such as the project folder's path in its git
// repository), for outputs read against the repository: GitHub
// annotations, JUnit and the step summary.
func (r *Report) WithPathPrefix(prefix string) *Report {
	prefix = strings.Trim(path.Clean("/"+filepath.ToSlash(prefix)), "/")
	if prefix == "" {
		return r
	}
	c := *r
	join := func(p string) string {
		if p == "" {
			return p
		}
		return path.Join(prefix, p)
	}
	prefixed := func(l Findings) Findings {
		out := make(Findings, len(l))
		for i, f := range l {
			f.File = join(f.File)
			out[i] = f
		}
		return out
	}
	c.Findings, c.Exempted = prefixed(r.Findings), prefixed(r.Exempted)
	c.Status = make([]Status, len(r.Status))
	for i, s := range r.Status {
		s.File, s.Source = join(s.File), join(s.Source)
		c.Status[i] = s
	}
	return &c
}

// Schema names the version of the JSON output; it changes only when a
// field is removed or changes meaning.
const Schema = "bitext-check/1"

// jsonReport is the JSON output, documented in README.md.
type jsonReport struct {
	Schema    string   `json:"schema"`
	Passed    bool     `json:"passed"`
	Errors    int      `json:"errors"`
	Warnings  int      `json:"warnings"`
	Findings  Findings `json:"findings"`
	Exempted  Findings `json:"exempted"`
	Documents []Status `json:"documents"`
	Gates     []Gate   `json:"gates"`
}

// WriteJSON writes the report as one JSON object (see Schema), indented,
// with every list present even when empty.
func (r *Report) WriteJSON(w io.Writer) error {
	out := jsonReport{
		Schema: Schema, Passed: r.Passed(), Errors: r.Findings.Count(Error), Warnings: r.Findings.Count(Warning),
		Findings: nonNil(r.Findings), Exempted: nonNil(r.Exempted), Documents: r.Status, Gates: r.Gates,
	}
	if out.Documents == nil {
		out.Documents = []Status{}
	}
	if out.Gates == nil {
		out.Gates = []Gate{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil(l Findings) Findings {
	if l == nil {
		return Findings{}
	}
	return l
}

// JUnit XML, valid against Jenkins' junit-10.xsd (the schema Jenkins, and
// the reporters of GitLab and GitHub that follow it, read): a testsuite
// may name its file, a testcase may not, so the file is on the suite and
// every failure, skip and output line starts with "path:line:", where
// reporters that link to code look for it.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name       string           `xml:"name,attr"`
		Tests      int              `xml:"tests,attr"`
		Failures   int              `xml:"failures,attr"`
		Errors     int              `xml:"errors,attr"`
		Skipped    int              `xml:"skipped,attr"`
		File       string           `xml:"file,attr,omitempty"`
		Properties *junitProperties `xml:"properties"`
		Cases      []junitCase      `xml:"testcase"`
	}
	junitProperties struct {
		List []junitProperty `xml:"property"`
	}
	junitProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure"`
		Skipped   *junitSkipped `xml:"skipped"`
		SystemOut string        `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	junitSkipped struct {
		Message string `xml:"message,attr"`
	}
)

// WriteJUnit writes the report as JUnit XML: a test suite per locale file
// with a test case per entry, failing with the findings at or above the
// fail_on severity; an untranslated entry below it is skipped, and other
// findings below it are the case's output. Findings about other files
// (a file of no article, bitext.yaml, a file that does not parse) get a
// suite per file. A last suite holds a case per gate.
func (r *Report) WriteJUnit(w io.Writer) error {
	top := junitSuites{Name: "bitext check"}
	key := func(file, id string) string { return file + "\x00" + id }
	byCase := map[string][]Finding{}
	var order []string // keys in the order of the findings
	for _, f := range r.Findings {
		k := key(f.File, f.ID)
		if _, seen := byCase[k]; !seen {
			order = append(order, k)
		}
		byCase[k] = append(byCase[k], f)
	}
	used := map[string]bool{}
	take := func(file, id string) []Finding {
		k := key(file, id)
		used[k] = true
		return byCase[k]
	}
	for i, st := range r.Status {
		suite := junitSuite{Name: st.File, File: st.File, Properties: &junitProperties{[]junitProperty{{"doc", st.Doc}, {"locale", st.Locale}, {"source", st.Source}}}}
		class := st.Doc + "." + st.Locale
		if fs := take(st.File, ""); len(fs) > 0 {
			suite.Cases = append(suite.Cases, r.junitCase(class, "(file)", st.File, 0, fs))
		}
		if i < len(r.units) {
			for _, u := range r.units[i] {
				suite.Cases = append(suite.Cases, r.junitCase(class, u.id, st.File, u.line, take(st.File, u.id)))
			}
		}
		top.Suites = append(top.Suites, suite.counted())
	}
	// What no locale file's suite took, by file, in the findings' order.
	var other []junitSuite
	at := map[string]int{}
	for _, k := range order {
		if used[k] {
			continue
		}
		fs := byCase[k]
		file, id := fs[0].File, fs[0].ID
		i, ok := at[file]
		if !ok {
			i = len(other)
			at[file] = i
			other = append(other, junitSuite{Name: file, File: file})
		}
		name := id
		if name == "" {
			name = "(file)"
		}
		other[i].Cases = append(other[i].Cases, r.junitCase(path.Base(file), name, file, fs[0].Line, fs))
	}
	for _, s := range other {
		top.Suites = append(top.Suites, s.counted())
	}
	gates := junitSuite{Name: "gates"}
	for _, g := range r.Gates {
		name := g.Name
		if g.Locale != "" {
			name += " " + g.Locale + " " + g.Doc
		}
		c := junitCase{Name: name, ClassName: "gates"}
		if !g.Passed {
			c.Failure = &junitFailure{Message: g.Message, Type: g.Name, Text: g.Message}
		}
		gates.Cases = append(gates.Cases, c)
	}
	top.Suites = append(top.Suites, gates.counted())
	for _, s := range top.Suites {
		top.Tests += s.Tests
		top.Failures += s.Failures
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(top); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// counted returns s with its counts filled in from its cases.
func (s junitSuite) counted() junitSuite {
	s.Tests, s.Failures, s.Skipped = len(s.Cases), 0, 0
	for _, c := range s.Cases {
		if c.Failure != nil {
			s.Failures++
		} else if c.Skipped != nil {
			s.Skipped++
		}
	}
	return s
}

func (r *Report) junitCase(class, id, file string, line int, fs []Finding) junitCase {
	c := junitCase{Name: id, ClassName: class}
	var fail, out []string
	var first *Finding
	for k := range fs {
		f := &fs[k]
		switch {
		case r.failOn != 0 && f.Severity >= r.failOn:
			if first == nil {
				first = f
			}
			fail = append(fail, f.String())
		case f.Check == "untranslated":
			c.Skipped = &junitSkipped{Message: f.Pos() + ": " + f.Message}
		default:
			out = append(out, f.String())
		}
	}
	if first != nil {
		c.Failure = &junitFailure{Message: first.Pos() + ": [" + first.Check + "] " + first.Message, Type: first.Check, Text: strings.Join(fail, "\n")}
		c.Skipped = nil
	}
	c.SystemOut = strings.Join(out, "\n")
	return c
}

// GitHub shows at most this many error and this many warning annotations
// of one step, and drops the rest.
const githubAnnotations = 10

// WriteGitHub writes the report as GitHub Actions workflow commands. The
// gates come first, so that the reason a job failed is never among the
// annotations GitHub drops: a failed gate is an error annotation, then
// come the error findings and the warning findings as annotations on
// their lines, within GitHub's limits (10 errors and 10 warnings a step;
// when there are more, the last annotation of the kind counts the rest).
// The findings left without an annotation follow as plain lines, then the
// table and the result.
func (r *Report) WriteGitHub(w io.Writer) error {
	var b bytes.Buffer
	errBudget, warnBudget := githubAnnotations, githubAnnotations
	if r.Passed() {
		fmt.Fprintf(&b, "bitext check passed: %s\n", r.counts())
	}
	for _, g := range r.Gates {
		if !g.Passed {
			if errBudget > 0 {
				fmt.Fprintf(&b, "::error title=%s::%s\n", ghProp("bitext "+g.Name), ghData(g.Message))
				errBudget--
			} else {
				fmt.Fprintf(&b, "failed: %s\n", g.Message)
			}
		}
	}
	var errs, warns Findings
	for _, f := range r.Findings {
		if f.Severity == Error {
			errs = append(errs, f)
		} else {
			warns = append(warns, f)
		}
	}
	var rest Findings
	annotate := func(l Findings, budget int, kind string) {
		shown := len(l)
		if shown > budget {
			shown = max(budget-1, 0)
		}
		for _, f := range l[:shown] {
			b.WriteString(ghAnnotation(f))
		}
		if n := len(l) - shown; n > 0 {
			rest = append(rest, l[shown:]...)
			if budget > 0 {
				fmt.Fprintf(&b, "::%s title=%s::%s\n", kind, ghProp("bitext check"),
					ghData(fmt.Sprintf("%s: GitHub shows %d %s annotations a step; the job log lists them all", more(n, kind), githubAnnotations, kind)))
			}
		}
	}
	annotate(errs, errBudget, "error")
	annotate(warns, warnBudget, "warning")
	rest.Sort()
	for _, f := range rest {
		b.WriteString(f.String() + "\n")
	}
	if len(r.Status) > 0 {
		r.writeTable(&b)
	}
	b.WriteString(r.counts() + "\n")
	if r.Passed() {
		b.WriteString("passed\n")
	} else {
		b.WriteString("failed\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// more says "1 more error" or "3 more errors".
func more(n int, what string) string {
	if n != 1 {
		what += "s"
	}
	return fmt.Sprintf("%d more %s", n, what)
}

// ghAnnotation writes a finding as a workflow command.
func ghAnnotation(f Finding) string {
	props := "file=" + ghProp(f.File)
	if f.Line > 0 {
		props += ",line=" + strconv.Itoa(f.Line)
		if f.Column > 0 {
			props += ",col=" + strconv.Itoa(f.Column)
		}
	}
	props += ",title=" + ghProp("bitext "+f.Check)
	msg := f.Message
	if f.ID != "" {
		msg = f.ID + ": " + msg
	}
	return fmt.Sprintf("::%s %s::%s\n", f.Severity, props, ghData(msg))
}

// ghData and ghProp escape a workflow command's message and properties.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// summaryFindings is how many findings the step summary lists; GitHub
// takes at most 1 MiB of summary a step.
const summaryFindings = 200

// WriteSummary writes the report as GitHub-flavoured Markdown, for the
// job summary ($GITHUB_STEP_SUMMARY): the result, the gates, the table of
// documents and locales, and the findings (the first 200, errors first).
func (r *Report) WriteSummary(w io.Writer) error {
	var b bytes.Buffer
	result := "passed"
	if !r.Passed() {
		result = "failed"
	}
	fmt.Fprintf(&b, "## bitext check: %s\n\n%s.\n\n", result, r.counts())
	if len(r.Gates) > 0 {
		b.WriteString("| gate | result | |\n| --- | --- | --- |\n")
		for _, g := range r.Gates {
			name := g.Name
			if g.Locale != "" {
				name += " " + g.Locale + " of " + g.Doc
			}
			res := "passed"
			if !g.Passed {
				res = "**failed**"
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCell(name), res, mdCell(g.Message))
		}
		b.WriteString("\n")
	}
	if len(r.Status) > 0 {
		reviewing := r.reviewing()
		if reviewing {
			b.WriteString("| document | locale | translated | stale | untranslated | orphaned | done | reviewed | words | to do | errors | warnings |\n")
			b.WriteString("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		} else {
			b.WriteString("| document | locale | translated | stale | untranslated | orphaned | done | words | to do | errors | warnings |\n")
			b.WriteString("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		}
		for _, s := range r.Status {
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %d | %s |", mdCell(s.Doc), mdCell(s.Locale), s.Translated, s.Stale,
				s.Untranslated, s.Orphaned, project.FormatPercent(s.Percent))
			if reviewing {
				fmt.Fprintf(&b, " %s |", reviewedCell(s.Status))
			}
			fmt.Fprintf(&b, " %d | %d | %d | %d |\n", s.Words, s.WordsToDo, s.Errors, s.Warnings)
		}
		b.WriteString("\n")
	}
	if len(r.Findings) > 0 {
		list := slices.Clone(r.Findings)
		slices.SortStableFunc(list, func(a, b Finding) int { return cmp.Compare(b.Severity, a.Severity) })
		b.WriteString("| file | line | severity | check | unit | message |\n| --- | ---: | --- | --- | --- | --- |\n")
		for _, f := range list[:min(len(list), summaryFindings)] {
			line := ""
			if f.Line > 0 {
				line = strconv.Itoa(f.Line)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdCell(f.File), line, f.Severity, mdCell(f.Check), mdCell(f.ID), mdCell(f.Message))
		}
		if n := len(list) - summaryFindings; n > 0 {
			fmt.Fprintf(&b, "\n%s: the job log lists them all.\n", more(n, "finding"))
		}
		b.WriteString("\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// mdCell escapes text for a cell of a Markdown table: the text shows as
// it is, never as markup or HTML (messages quote translations, which are
// untrusted).
func mdCell(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!', '{', '}', '(', ')':
			b.WriteByte('\\')
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Badge is a small SVG image of how complete one locale is.
type Badge struct {
	// Locale is the locale tag; the badge is written as Locale + ".svg".
	Locale string
	// Percent is the share of units, over every document, translated from
	// the current English, rounded down to a tenth (see project.Percent).
	Percent float64
	SVG     []byte
}

// Badges returns a badge per target locale, in configuration order.
func (r *Report) Badges() []Badge {
	var order []string
	done, units := map[string]int{}, map[string]int{}
	for _, s := range r.Status {
		if _, seen := units[s.Locale]; !seen {
			order = append(order, s.Locale)
		}
		done[s.Locale] += s.Translated
		units[s.Locale] += s.Units
	}
	out := make([]Badge, 0, len(order))
	for _, loc := range order {
		p := project.Percent(done[loc], units[loc])
		label := loc
		if tag, err := language.Parse(loc); err == nil {
			if name := display.Self.Name(tag); name != "" {
				label = name
			}
		}
		out = append(out, Badge{Locale: loc, Percent: p, SVG: badgeSVG(label, project.FormatPercent(p), badgeColor(p))})
	}
	return out
}

func badgeColor(p float64) string {
	switch {
	case p >= 100:
		return "#4c1"
	case p >= 90:
		return "#97ca00"
	case p >= 75:
		return "#a4a61d"
	case p >= 50:
		return "#dfb317"
	case p >= 25:
		return "#fe7d37"
	}
	return "#e05d44"
}

// badgeSVG draws a badge in the usual flat style. Text widths are
// estimated at 7 pixels a character of 11-pixel Verdana.
func badgeSVG(label, value, color string) []byte {
	lw := utf8.RuneCountInString(label)*7 + 10
	vw := utf8.RuneCountInString(value)*7 + 10
	w := lw + vw
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	l, v := esc(label), esc(value)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s: %s">`+"\n", w, l, v)
	fmt.Fprintf(&b, "<title>%s: %s</title>\n", l, v)
	b.WriteString(`<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>` + "\n")
	fmt.Fprintf(&b, `<clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>`+"\n", w)
	fmt.Fprintf(&b, `<g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>`+"\n", lw, lw, vw, color, w)
	b.WriteString(`<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">` + "\n")
	for _, t := range []struct {
		x    int
		text string
	}{{lw / 2, l}, {lw + vw/2, v}} {
		fmt.Fprintf(&b, `<text x="%d" y="15" fill="#010101" fill-opacity=".3">%s</text><text x="%d" y="14">%s</text>`+"\n", t.x, t.text, t.x, t.text)
	}
	b.WriteString("</g>\n</svg>\n")
	return b.Bytes()
}
