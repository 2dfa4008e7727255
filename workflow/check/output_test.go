package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleReport is a report with one finding of most kinds: stale,
// untranslated, orphaned, numbers, an exemption, and a failed gate.
func sampleReport(t *testing.T) *Report {
	t.Helper()
	es, _ := tomlFile(
		tomlEntry{id: idTitle, kind: "title", hashOf: "A test title", other: esTitle},
		tomlEntry{id: idElection, kind: "paragraph", hashOf: "Mexico faces an election on July 2nd, 2018.", other: "México enfrenta una elección el 2 de julio de 2018."},
		tomlEntry{id: idReports, kind: "paragraph", hashOf: enReports, other: "Los informes documentaron 9,759 casos, «50 %."},
		tomlEntry{comments: []string{" bitext-allow unchanged: a name, as in the English"}, id: idNobody, kind: "paragraph", hashOf: "A paragraph nobody translated yet.", other: "A paragraph nobody translated yet."},
		tomlEntry{id: "p-gone", kind: "paragraph", hashOf: "Gone.", other: "Ido."},
	)
	r, err := Run(load(t, es, "Mexico faces an election on July 2nd, 2018."), Config{MinComplete: map[string]float64{"es": 100}})
	require.NoError(t, err)
	return r
}

// TestOutputs compares every output format of the sample report with
// testdata/output.txtar; go test -update rewrites it.
func TestOutputs(t *testing.T) {
	r := sampleReport(t)
	outputs := map[string]func(*bytes.Buffer) error{
		"text":   func(b *bytes.Buffer) error { return r.WriteText(b, false) },
		"json":   func(b *bytes.Buffer) error { return r.WriteJSON(b) },
		"junit":  func(b *bytes.Buffer) error { return r.WriteJUnit(b) },
		"github": func(b *bytes.Buffer) error { return r.WriteGitHub(b) },
	}
	const golden = "testdata/output.txtar"
	ar := &txtar.Archive{Comment: []byte("The outputs of sampleReport in output_test.go; go test -update rewrites this file.\n")}
	for _, name := range []string{"text", "json", "junit", "github"} {
		var b bytes.Buffer
		require.NoError(t, outputs[name](&b))
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: b.Bytes()})
	}
	if *update {
		require.NoError(t, os.WriteFile(golden, txtar.Format(ar), 0o644))
	}
	want, err := txtar.ParseFile(golden)
	require.NoError(t, err)
	require.Len(t, want.Files, len(ar.Files))
	for i, f := range want.Files {
		assert.Equal(t, string(f.Data), string(ar.Files[i].Data), "%s output differs from %s; run go test -update if the change is meant", f.Name, golden)
	}
}

func TestJSONParses(t *testing.T) {
	var b bytes.Buffer
	r := sampleReport(t)
	require.NoError(t, r.WriteJSON(&b))
	var got struct {
		Schema    string    `json:"schema"`
		Passed    bool      `json:"passed"`
		Errors    int       `json:"errors"`
		Warnings  int       `json:"warnings"`
		Findings  []Finding `json:"findings"`
		Exempted  []Finding `json:"exempted"`
		Documents []struct {
			Doc             string  `json:"doc"`
			Source          string  `json:"source"`
			Locale          string  `json:"locale"`
			LocaleName      string  `json:"locale_name"`
			File            string  `json:"file"`
			Units           int     `json:"units"`
			Translated      int     `json:"translated"`
			Stale           int     `json:"stale"`
			Untranslated    int     `json:"untranslated"`
			Orphaned        int     `json:"orphaned"`
			Obsolete        int     `json:"obsolete"`
			Percent         float64 `json:"percent"`
			Words           int     `json:"words"`
			WordsTranslated int     `json:"words_translated"`
			WordsToDo       int     `json:"words_to_do"`
			Reviewing       bool    `json:"reviewing"`
			Reviewed        int     `json:"reviewed"`
			ReviewedPercent float64 `json:"reviewed_percent"`
			Errors          int     `json:"errors"`
			Warnings        int     `json:"warnings"`
		} `json:"documents"`
		Gates []Gate `json:"gates"`
	}
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&got), "the JSON output has exactly the documented fields")
	assert.Equal(t, Schema, got.Schema)
	assert.False(t, got.Passed)
	assert.Equal(t, r.Findings.Count(Error), got.Errors)
	assert.Equal(t, len(r.Findings), len(got.Findings))
	require.Len(t, got.Exempted, 1)
	assert.Equal(t, "a name, as in the English", got.Exempted[0].Reason)
	require.Len(t, got.Documents, 1)
	assert.Equal(t, 60.0, got.Documents[0].Percent)
	require.Len(t, got.Gates, 2)
	assert.Equal(t, "min_complete", got.Gates[0].Name)
	assert.False(t, got.Gates[0].Passed)
}

func TestJUnitParses(t *testing.T) {
	var b bytes.Buffer
	r := sampleReport(t)
	require.NoError(t, r.WriteJUnit(&b))
	var got junitSuites
	require.NoError(t, xml.Unmarshal(b.Bytes(), &got))
	require.Len(t, got.Suites, 2)
	files := got.Suites[0]
	assert.Equal(t, "locales/doc.es.toml", files.Name)
	// Five units and one orphan; the missing entry is a case at line 0.
	assert.Equal(t, 6, files.Tests)
	byName := map[string]junitCase{}
	for _, c := range files.Cases {
		byName[c.Name] = c
	}
	require.NotNil(t, byName[idReports].Failure, "an error fails its entry")
	assert.Equal(t, "numbers", byName[idReports].Failure.Type)
	assert.Contains(t, byName[idReports].Failure.Text, "[brackets]", "every failing finding of the entry is in the text")
	assert.NotNil(t, byName[idMissing].Skipped, "an untranslated entry is skipped")
	assert.Nil(t, byName[idTitle].Failure)
	assert.Contains(t, byName[idElection].SystemOut, "[stale]", "a warning is output, not a failure")
	assert.Equal(t, 1, files.Failures)
	gates := got.Suites[1]
	assert.Equal(t, 2, gates.Tests)
	assert.Equal(t, 2, gates.Failures)
	assert.Equal(t, files.Tests+gates.Tests, got.Tests)
}

func TestGitHubEscaping(t *testing.T) {
	r := &Report{Findings: Findings{{File: "locales/a,b:c.toml", Line: 3, Severity: Warning, Check: "length", ID: "p-x", Message: "100% of it\nand more"}}}
	var b bytes.Buffer
	require.NoError(t, r.WriteGitHub(&b))
	assert.Contains(t, strings.Split(b.String(), "\n"), "::warning file=locales/a%2Cb%3Ac.toml,line=3,title=bitext length::p-x: 100%25 of it%0Aand more")
}

func TestTextColor(t *testing.T) {
	r := sampleReport(t)
	var plain, color bytes.Buffer
	require.NoError(t, r.WriteText(&plain, false))
	require.NoError(t, r.WriteText(&color, true))
	assert.NotContains(t, plain.String(), "\x1b[")
	assert.Contains(t, color.String(), red+"error"+reset)
	assert.Equal(t, plain.String(), stripANSI(color.String()), "colour changes nothing but colour")
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestBadges(t *testing.T) {
	r := sampleReport(t)
	badges := r.Badges()
	require.Len(t, badges, 1)
	assert.Equal(t, "es", badges[0].Locale)
	assert.Equal(t, 60.0, badges[0].Percent)
	var svg struct {
		XMLName xml.Name
		Title   string `xml:"title"`
	}
	require.NoError(t, xml.Unmarshal(badges[0].SVG, &svg))
	assert.Equal(t, "svg", svg.XMLName.Local)
	assert.Equal(t, "español: 60.0%", svg.Title)
	assert.Equal(t, badges[0].SVG, r.Badges()[0].SVG, "badges are the same from run to run")
	assert.Contains(t, string(badges[0].SVG), badgeColor(60))
}

// manyFindings returns a report with errors and warnings at lines 1 to n
// of one file, failing on errors.
func manyFindings(errs, warns int) *Report {
	r := &Report{failOn: Error}
	for i := range errs {
		r.Findings = append(r.Findings, Finding{File: "locales/doc.es.toml", Line: 2*i + 1, Severity: Error, Check: "numbers", ID: fmt.Sprintf("p-e%02d", i), Message: "wrong"})
	}
	for i := range warns {
		r.Findings = append(r.Findings, Finding{File: "locales/doc.es.toml", Line: 2*i + 2, Severity: Warning, Check: "length", ID: fmt.Sprintf("p-w%02d", i), Message: "long"})
	}
	r.Findings.Sort()
	count := errs
	r.Gates = []Gate{{Name: "fail_on", Level: "error", Count: &count, Passed: errs == 0, Message: fmt.Sprintf("%d findings of severity error or worse (fail_on: error)", errs)}}
	return r
}

func TestGitHubGateFirstAndLimits(t *testing.T) {
	for _, tc := range []struct {
		name                string
		errs, warns         int
		errNotes, warnNotes int // annotations of findings, the count of the rest included
		plain               int // findings written as plain lines
	}{
		{"few", 3, 4, 3, 4, 0},
		{"exactly the limit", 9, 10, 9, 10, 0},
		{"errors over the limit", 25, 0, 9, 0, 17},
		{"warnings over the limit", 0, 30, 0, 10, 21},
		{"both over", 12, 12, 9, 10, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := manyFindings(tc.errs, tc.warns)
			var b bytes.Buffer
			require.NoError(t, r.WriteGitHub(&b))
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			var errors, warnings, plain int
			for _, l := range lines {
				switch {
				case strings.HasPrefix(l, "::error "):
					errors++
				case strings.HasPrefix(l, "::warning "):
					warnings++
				case findingText.MatchString(l):
					plain++
				}
			}
			assert.LessOrEqual(t, errors, githubAnnotations, "GitHub shows 10 error annotations a step")
			assert.LessOrEqual(t, warnings, githubAnnotations, "GitHub shows 10 warning annotations a step")
			if tc.errs > 0 {
				assert.True(t, strings.HasPrefix(lines[0], "::error title=bitext fail_on::"), "the gate comes first: %q", lines[0])
				assert.Equal(t, tc.errNotes+1, errors, "the gate, then errors within the limit")
			} else {
				assert.True(t, strings.HasPrefix(lines[0], "bitext check passed"), "the result comes first: %q", lines[0])
			}
			assert.Equal(t, tc.warnNotes, warnings)
			assert.Equal(t, tc.plain, plain, "the findings without an annotation are in the log")
			if tc.plain > 0 {
				assert.Regexp(t, `(?m)^::(error|warning) title=bitext check::\d+ more (error|warning)s?: GitHub shows 10`, b.String(), "the last annotation counts the rest")
			}
			// Every finding is either annotated or listed.
			for _, f := range r.Findings {
				assert.True(t, strings.Contains(b.String(), ghAnnotation(f)) || strings.Contains(b.String(), f.String()+"\n"), "%s is lost", f)
			}
		})
	}
}

var findingText = regexp.MustCompile(`^locales/[^:]+:\d+: (error|warning) \[`)

func TestGitHubColumn(t *testing.T) {
	r := FailedReport(&catalog.SyntaxError{Path: "locales/doc.es.toml", Line: 12, Col: 9, Msg: "string is not closed"})
	require.NotNil(t, r)
	var b bytes.Buffer
	require.NoError(t, r.WriteGitHub(&b))
	lines := strings.Split(b.String(), "\n")
	assert.Equal(t, "::error title=bitext load::1 file cannot be read; nothing was checked: fix it and run again", lines[0])
	assert.Equal(t, "::error file=locales/doc.es.toml,line=12,col=9,title=bitext syntax::string is not closed; fix the file and run again (bitext has not changed it)", lines[1])
	assert.False(t, r.Passed())
}

func TestErrorFindings(t *testing.T) {
	err := errors.Join(
		fmt.Errorf("load: %w", &catalog.SyntaxError{Path: "locales/b.es.toml", Line: 3, Col: 1, Msg: "bad"}),
		&segment.Error{Path: "source/a.txt", Line: 40, Msg: "note 6 is not cited"},
		errors.New("no file in this one"),
	)
	got := ErrorFindings(err)
	require.Len(t, got, 2)
	assert.Equal(t, "locales/b.es.toml:3:1: error [syntax] bad; fix the file and run again (bitext has not changed it)", got[0].String())
	assert.Equal(t, "source/a.txt:40: error [source] note 6 is not cited", got[1].String())
	assert.Nil(t, ErrorFindings(errors.New("configuration: fail_on: loud")))
	assert.Nil(t, FailedReport(errors.New("configuration: fail_on: loud")))
}

func TestSummary(t *testing.T) {
	r := manyFindings(2, summaryFindings)
	r.Findings = append(r.Findings, Finding{File: "locales/doc.es.toml", Line: 999, Severity: Warning, Check: "unchanged", ID: "p-x", Message: "a | pipe, <script>, *stars* and [a](link)"})
	r.Findings.Sort()
	var b bytes.Buffer
	require.NoError(t, r.WriteSummary(&b))
	s := b.String()
	assert.True(t, strings.HasPrefix(s, "## bitext check: failed\n"), s)
	assert.Contains(t, s, "| fail\\_on | **failed** | 2 findings of severity error or worse \\(fail\\_on: error\\) |")
	rows := regexp.MustCompile(`(?m)^\| locales/doc\.es\.toml \|`).FindAllStringIndex(s, -1)
	assert.Len(t, rows, summaryFindings, "at most 200 findings")
	assert.Contains(t, s, "3 more findings: the job log lists them all.")
	firstWarning := strings.Index(s, "| warning |")
	assert.Less(t, strings.Index(s, "| error |"), firstWarning, "errors first")
	assert.NotContains(t, s, "<script>", "translation text never becomes HTML")
	r.Findings = r.Findings[:0]
	b.Reset()
	require.NoError(t, manyFindings(0, 0).WriteSummary(&b))
	assert.True(t, strings.HasPrefix(b.String(), "## bitext check: passed\n"))
}

func TestPathPrefix(t *testing.T) {
	r := sampleReport(t).WithPathPrefix("docs/translations/")
	for _, f := range r.Findings {
		assert.True(t, strings.HasPrefix(f.File, "docs/translations/locales/"), f.File)
	}
	assert.Equal(t, "docs/translations/locales/doc.es.toml", r.Status[0].File)
	assert.Equal(t, "locales/doc.es.toml", sampleReport(t).Findings[0].File, "the report itself is unchanged")
	assert.Same(t, r, r.WithPathPrefix(""), "no prefix, no copy")
}

func TestJUnitKeepsEveryFinding(t *testing.T) {
	r := sampleReport(t)
	r.Findings = append(r.Findings,
		Finding{File: "bitext.yaml", Severity: Warning, Check: allowCheck, Locale: "es", ID: "p-nowhere", Message: "exempt: es: no document has a unit"},
		Finding{File: "locales/old.es.toml", Severity: Warning, Check: "orphaned", Message: "belongs to no article"},
	)
	r.Findings.Sort()
	var b bytes.Buffer
	require.NoError(t, r.WriteJUnit(&b))
	for _, f := range r.Findings {
		if f.Check == "untranslated" {
			// Below fail_on: a skip, with its position.
			assert.Contains(t, b.String(), `<skipped message="`+xmlEscape(f.Pos()+": "+f.Message)+`">`)
			continue
		}
		assert.Contains(t, b.String(), xmlEscape(f.String()), "JUnit drops no finding")
	}
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
