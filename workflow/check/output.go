package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
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
	r.writeTable(&b)
	b.WriteByte('\n')
	fmt.Fprintf(&b, "%s, %s", plural(r.Findings.Count(Error), "error"), plural(r.Findings.Count(Warning), "warning"))
	if n := len(r.Exempted); n > 0 {
		fmt.Fprintf(&b, " (%d exempted)", n)
	}
	b.WriteByte('\n')
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

func (r *Report) writeTable(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DOCUMENT\tLOCALE\tTRANSLATED\tSTALE\tUNTRANSLATED\tORPHANED\tDONE\tWORDS\tTO DO\tERRORS\tWARNINGS")
	for _, s := range r.Status {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%.1f%%\t%d\t%d\t%d\t%d\n", s.Doc, s.Locale, s.Translated, s.Stale, s.Untranslated,
			s.Orphaned, percent(s.Percent), s.Words, s.WordsToDo, s.Errors, s.Warnings)
	}
	tw.Flush()
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
		Findings: nonNil(r.Findings), Exempted: nonNil(r.Exempted), Documents: make([]Status, len(r.Status)), Gates: r.Gates,
	}
	for i, s := range r.Status {
		s.Percent = percent(s.Percent)
		out.Documents[i] = s
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

// JUnit XML, as Jenkins, GitLab and the GitHub test reporters read it.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Skipped  int          `xml:"skipped,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name       string          `xml:"name,attr"`
		Tests      int             `xml:"tests,attr"`
		Failures   int             `xml:"failures,attr"`
		Errors     int             `xml:"errors,attr"`
		Skipped    int             `xml:"skipped,attr"`
		Properties []junitProperty `xml:"properties>property,omitempty"`
		Cases      []junitCase     `xml:"testcase"`
	}
	junitProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		File      string        `xml:"file,attr,omitempty"`
		Line      int           `xml:"line,attr,omitempty"`
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
// findings below it are the case's output. A last suite holds a case per
// gate.
func (r *Report) WriteJUnit(w io.Writer) error {
	top := junitSuites{Name: "bitext check"}
	byFile := map[string][]Finding{}
	for _, f := range r.Findings {
		byFile[f.File+"\x00"+f.ID] = append(byFile[f.File+"\x00"+f.ID], f)
	}
	for i, st := range r.Status {
		suite := junitSuite{Name: st.File, Properties: []junitProperty{{"doc", st.Doc}, {"locale", st.Locale}, {"source", st.Source}}}
		class := st.Doc + "." + st.Locale
		if fs := byFile[st.File+"\x00"]; len(fs) > 0 {
			suite.Cases = append(suite.Cases, r.junitCase(class, "(file)", st.File, 0, fs))
		}
		for _, u := range r.units[i] {
			suite.Cases = append(suite.Cases, r.junitCase(class, u.id, st.File, u.line, byFile[st.File+"\x00"+u.id]))
		}
		for _, c := range suite.Cases {
			suite.Tests++
			if c.Failure != nil {
				suite.Failures++
			} else if c.Skipped != nil {
				suite.Skipped++
			}
		}
		top.Suites = append(top.Suites, suite)
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
			gates.Failures++
		}
		gates.Tests++
		gates.Cases = append(gates.Cases, c)
	}
	top.Suites = append(top.Suites, gates)
	for _, s := range top.Suites {
		top.Tests += s.Tests
		top.Failures += s.Failures
		top.Skipped += s.Skipped
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

func (r *Report) junitCase(class, id, file string, line int, fs []Finding) junitCase {
	c := junitCase{Name: id, ClassName: class, File: file, Line: line}
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
			c.Skipped = &junitSkipped{Message: f.Message}
		default:
			out = append(out, f.String())
		}
	}
	if first != nil {
		c.Failure = &junitFailure{Message: "[" + first.Check + "] " + first.Message, Type: first.Check, Text: strings.Join(fail, "\n")}
		c.Skipped = nil
	}
	c.SystemOut = strings.Join(out, "\n")
	return c
}

// WriteGitHub writes the findings as GitHub Actions workflow commands,
// which show as annotations on the lines of the pull request, then the
// failed gates as errors and the table.
func (r *Report) WriteGitHub(w io.Writer) error {
	var b bytes.Buffer
	for _, f := range r.Findings {
		props := "file=" + ghProp(f.File)
		if f.Line > 0 {
			props += ",line=" + strconv.Itoa(f.Line)
		}
		props += ",title=" + ghProp("bitext "+f.Check)
		msg := f.Message
		if f.ID != "" {
			msg = f.ID + ": " + msg
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", f.Severity, props, ghData(msg))
	}
	for _, g := range r.Gates {
		if !g.Passed {
			fmt.Fprintf(&b, "::error title=%s::%s\n", ghProp("bitext "+g.Name), ghData(g.Message))
		}
	}
	r.writeTable(&b)
	if r.Passed() {
		b.WriteString("passed\n")
	} else {
		b.WriteString("failed\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// ghData and ghProp escape a workflow command's message and properties.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Badge is a small SVG image of how complete one locale is.
type Badge struct {
	// Locale is the locale tag; the badge is written as Locale + ".svg".
	Locale string
	// Percent is the share of units, over every document, translated from
	// the current English, rounded down.
	Percent int
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
		p := 100
		if units[loc] > 0 {
			p = done[loc] * 100 / units[loc]
		}
		label := loc
		if tag, err := language.Parse(loc); err == nil {
			if name := display.Self.Name(tag); name != "" {
				label = name
			}
		}
		out = append(out, Badge{Locale: loc, Percent: p, SVG: badgeSVG(label, strconv.Itoa(p)+"%", badgeColor(p))})
	}
	return out
}

func badgeColor(p int) string {
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
