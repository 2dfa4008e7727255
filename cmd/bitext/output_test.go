package main

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The JSON documents of README.md ("JSON output"), field for field:
// decoding rejects any field they do not name, so a field added to the
// output without the README, or renamed, fails here.
type (
	docFinding struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Check    string `json:"check"`
		Doc      string `json:"doc"`
		Locale   string `json:"locale"`
		ID       string `json:"id"`
		Message  string `json:"message"`
		Reason   string `json:"reason"`
	}
	docFile struct {
		File   string `json:"file"`
		Action string `json:"action"`
	}
	docNotice struct {
		File    string `json:"file"`
		Message string `json:"message"`
	}
	docStatus struct {
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
		Errors          int     `json:"errors"`   // check only
		Warnings        int     `json:"warnings"` // check only
	}
	docGate struct {
		Gate    string   `json:"gate"`
		Doc     string   `json:"doc"`
		Locale  string   `json:"locale"`
		Min     *float64 `json:"min"`
		Percent *float64 `json:"percent"`
		Level   string   `json:"level"`
		Count   *int     `json:"count"`
		Passed  bool     `json:"passed"`
		Message string   `json:"message"`
	}

	docCheck struct {
		Schema    string       `json:"schema"`
		Passed    bool         `json:"passed"`
		Errors    int          `json:"errors"`
		Warnings  int          `json:"warnings"`
		Findings  []docFinding `json:"findings"`
		Exempted  []docFinding `json:"exempted"`
		Documents []docStatus  `json:"documents"`
		Gates     []docGate    `json:"gates"`
	}
	docChecks struct {
		Schema string `json:"schema"`
		Checks []struct {
			Check    string `json:"check"`
			Severity string `json:"severity"`
			Default  string `json:"default"`
			Summary  string `json:"summary"`
		} `json:"checks"`
	}
	docUpdate struct {
		Schema    string `json:"schema"`
		DryRun    bool   `json:"dry_run"`
		Documents []struct {
			Doc      string `json:"doc"`
			Source   string `json:"source"`
			Units    int    `json:"units"`
			New      int    `json:"new"`
			Edited   int    `json:"edited"`
			Moved    int    `json:"moved"`
			Restored int    `json:"restored"`
			Removed  int    `json:"removed"`
		} `json:"documents"`
		Notices []docNotice `json:"notices"`
		Files   []docFile   `json:"files"`
		Locales []struct {
			Doc          string  `json:"doc"`
			Locale       string  `json:"locale"`
			File         string  `json:"file"`
			Translated   int     `json:"translated"`
			Stale        int     `json:"stale"`
			Untranslated int     `json:"untranslated"`
			Percent      float64 `json:"percent"`
		} `json:"locales"`
	}
	docAccept struct {
		Schema   string `json:"schema"`
		Accepted []struct {
			Doc    string `json:"doc"`
			Locale string `json:"locale"`
			ID     string `json:"id"`
		} `json:"accepted"`
		Files []docFile `json:"files"`
	}
	docRender struct {
		Schema   string    `json:"schema"`
		Files    []docFile `json:"files"`
		Editions []struct {
			Doc          string  `json:"doc"`
			Locale       string  `json:"locale"`
			Source       string  `json:"source"`
			Units        int     `json:"units"`
			Translated   int     `json:"translated"`
			Stale        int     `json:"stale"`
			Untranslated int     `json:"untranslated"`
			Percent      float64 `json:"percent"`
			Complete     bool    `json:"complete"`
		} `json:"editions"`
		Missing  []docFinding `json:"missing"`
		Warnings []docFinding `json:"warnings"`
	}
	docStatusList struct {
		Schema    string      `json:"schema"`
		Documents []docStatus `json:"documents"`
		Notices   []docNotice `json:"notices"`
		People    []struct {
			Name            string `json:"name"`
			Locale          string `json:"locale"`
			Translated      int    `json:"translated"`
			WordsTranslated int    `json:"words_translated"`
			Reviewed        int    `json:"reviewed"`
			WordsReviewed   int    `json:"words_reviewed"`
			Last            string `json:"last"`
		} `json:"people"`
	}
	docUnits struct {
		Schema string `json:"schema"`
		Units  []struct {
			Doc    string `json:"doc"`
			ID     string `json:"id"`
			Kind   string `json:"kind"`
			File   string `json:"file"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
			Label  string `json:"label"`
			Text   string `json:"text"`
		} `json:"units"`
	}
	docVersion struct {
		Schema  string `json:"schema"`
		Version string `json:"version"`
		Commit  string `json:"commit"`
		Date    string `json:"date"`
		Go      string `json:"go"`
		Modules []struct {
			Path    string `json:"path"`
			Version string `json:"version"`
		} `json:"modules"`
	}
	docError struct {
		Schema   string       `json:"schema"`
		Command  string       `json:"command"`
		Message  string       `json:"message"`
		Findings []docFinding `json:"findings"`
	}
)

// decodeStrict decodes exactly one JSON document with only known fields,
// and returns its schema.
func decodeStrict(t *testing.T, data string, v any) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(v), "standard output is one JSON document with the documented fields:\n%s", data)
	_, err := dec.Token()
	require.Error(t, err, "nothing follows the document")
	var head struct {
		Schema string `json:"schema"`
	}
	require.NoError(t, json.Unmarshal([]byte(data), &head))
	return head.Schema
}

// brokenES is the shipped Spanish file with an unclosed string on line 12.
func brokenES(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", esFile))
	require.NoError(t, err)
	s := strings.Replace(string(data), `other = "Estados Unidos, México y la persecución de los migrantes a ambos lados de la frontera"`, `other = "Estados Unidos, México y la persecución`, 1)
	require.NotEqual(t, string(data), s)
	return s
}

// TestEveryOutputParses runs every command in every machine format, on
// the shipped project and on one whose Spanish file does not parse:
// standard output always parses in the documented form, and a file that
// cannot be read is a finding with its file, line and column.
func TestEveryOutputParses(t *testing.T) {
	for _, tc := range []struct {
		args []string
		doc  any    // what stdout decodes into
		want string // the schema
	}{
		{[]string{"update", "--format", "json"}, &docUpdate{}, "bitext-update/1"},
		{[]string{"update", "--dry-run", "--format", "json"}, &docUpdate{}, "bitext-update/1"},
		{[]string{"accept", "es", "--all", "--format", "json"}, &docAccept{}, "bitext-accept/1"},
		{[]string{"render", "--only", "md", "--format", "json"}, &docRender{}, "bitext-render/1"},
		{[]string{"status", "--format", "json"}, &docStatusList{}, "bitext-status/1"},
		{[]string{"units", "--format", "json"}, &docUnits{}, "bitext-units/1"},
		{[]string{"check", "--format", "json"}, &docCheck{}, "bitext-check/1"},
		{[]string{"check", "--list", "--format", "json"}, &docChecks{}, "bitext-checks/1"},
		{[]string{"build", "--only", "md", "--format", "json"}, &docCheck{}, "bitext-check/1"},
		{[]string{"version", "--format", "json"}, &docVersion{}, "bitext-version/1"},
		{[]string{"check", "--format", "junit"}, nil, ""},
		{[]string{"build", "--only", "md", "--format", "junit"}, nil, ""},
		{[]string{"check", "--format", "github"}, nil, ""},
		{[]string{"build", "--only", "md", "--format", "github"}, nil, ""},
	} {
		for _, broken := range []bool{false, true} {
			name := strings.Join(tc.args, " ")
			if broken {
				name += " (broken locale file)"
			}
			t.Run(name, func(t *testing.T) {
				files := map[string]string{}
				if broken {
					files[esFile] = brokenES(t)
				}
				dir := projectCopy(t, files)
				args := tc.args
				if takesPathPrefix(args) {
					args = append(args[:len(args):len(args)], "--path-prefix", "")
				}
				code, stdout, stderr := runIn(t, dir, map[string]string{"GITHUB_STEP_SUMMARY": ""}, args...)
				// Commands that do not load the project read no locale file.
				loads := tc.args[0] != "version" && !(len(tc.args) > 1 && tc.args[1] == "--list")
				if broken && loads {
					assert.Equal(t, 2, code, "a file that cannot be read is an input error\n%s", stderr)
					assert.Contains(t, stderr, "bitext: "+esFile+":12:9: string is not closed")
				} else {
					assert.Equal(t, 0, code, stderr)
				}
				format := tc.args[len(tc.args)-1]
				switch format {
				case "json":
					if broken && loads && tc.want != "bitext-check/1" {
						var e docError
						assert.Equal(t, "bitext-error/1", decodeStrict(t, stdout, &e))
						assert.Equal(t, tc.args[0], e.Command)
						require.Len(t, e.Findings, 1)
						assert.Equal(t, docFinding{File: esFile, Line: 12, Column: 9, Severity: "error", Check: "syntax",
							Message: e.Findings[0].Message}, e.Findings[0])
						return
					}
					assert.Equal(t, tc.want, decodeStrict(t, stdout, tc.doc))
					if broken && loads {
						var c docCheck
						decodeStrict(t, stdout, &c)
						assert.False(t, c.Passed)
						require.Len(t, c.Findings, 1)
						assert.Equal(t, "syntax", c.Findings[0].Check)
						assert.Equal(t, [3]any{esFile, 12, 9}, [3]any{c.Findings[0].File, c.Findings[0].Line, c.Findings[0].Column})
						assert.Equal(t, "load", c.Gates[0].Gate)
					}
				case "junit":
					p := filepath.Join(t.TempDir(), "check.xml")
					require.NoError(t, os.WriteFile(p, []byte(stdout), 0o644))
					requireValidJUnit(t, p)
					var doc struct {
						XMLName xml.Name `xml:"testsuites"`
						Suites  []struct {
							File  string `xml:"file,attr"`
							Cases []struct {
								Failure *struct {
									Text string `xml:",chardata"`
								} `xml:"failure"`
							} `xml:"testcase"`
						} `xml:"testsuite"`
					}
					require.NoError(t, xml.Unmarshal([]byte(stdout), &doc), stdout)
					if broken {
						require.NotEmpty(t, doc.Suites)
						assert.Equal(t, esFile, doc.Suites[0].File)
						require.NotEmpty(t, doc.Suites[0].Cases)
						require.NotNil(t, doc.Suites[0].Cases[0].Failure)
						assert.True(t, strings.HasPrefix(doc.Suites[0].Cases[0].Failure.Text, esFile+":12:9: error [syntax] string is not closed"), doc.Suites[0].Cases[0].Failure.Text)
					}
				case "github":
					for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
						if strings.HasPrefix(l, "::") {
							assert.Regexp(t, workflowCommand, l)
						}
						assert.NotRegexp(t, `^(== |wrote |unchanged )`, l, "no progress in the result")
					}
					if broken {
						assert.Contains(t, stdout, "::error file="+esFile+",line=12,col=9,title=bitext syntax::string is not closed")
						assert.True(t, strings.HasPrefix(stdout, "::error title=bitext load::"), "the gate first:\n%s", stdout)
					}
				}
			})
		}
	}
}

// takesPathPrefix says whether a command line takes --path-prefix: check
// and build do (the tests give "", so that where the test runs in a git
// repository does not matter).
func takesPathPrefix(args []string) bool {
	return args[0] == "check" || args[0] == "build"
}

var workflowCommand = regexp.MustCompile(`^::(error|warning|notice)( (file|line|col|title)=[^,:]*(,(file|line|col|title)=[^,:]*)*)?::.+$`)

// requireValidJUnit validates a JUnit file against junit-10.xsd; without
// xmllint it skips, unless BITEXT_REQUIRE_TOOLS=1.
func requireValidJUnit(t *testing.T, p string) {
	t.Helper()
	msg, err := validateJUnit(p)
	if errors.Is(err, errNoXmllint) {
		if os.Getenv("BITEXT_REQUIRE_TOOLS") == "1" {
			t.Fatal("xmllint is not installed (apt-get install libxml2-utils), and BITEXT_REQUIRE_TOOLS=1")
		}
		t.Skip("xmllint is not installed: JUnit not validated against junit-10.xsd")
	}
	require.NoError(t, err, "not valid against junit-10.xsd:\n%s", msg)
}

// TestJUnitValidates validates the JUnit output of a report with every
// kind of finding (seeded errors, warnings, an untranslated entry, a
// finding about bitext.yaml) against Jenkins' junit-10.xsd.
func TestJUnitValidates(t *testing.T) {
	es := strings.Replace(seedError(t), `other = "Referencias"`, `other = ""`, 1)
	dir := projectCopy(t, map[string]string{
		esFile:        es,
		"bitext.yaml": "sources: [source/*.txt]\nexempt: {es: {p-no-such-unit: {numbers: \"a reason\"}}}\n",
	})
	code, stdout, stderr := runIn(t, dir, nil, "check", "--format", "junit", "--path-prefix", "docs/translations")
	require.Equal(t, 1, code, stderr)
	p := filepath.Join(t.TempDir(), "check.xml")
	require.NoError(t, os.WriteFile(p, []byte(stdout), 0o644))
	requireValidJUnit(t, p)
	assert.Contains(t, stdout, `file="docs/translations/`+esFile+`"`)
	assert.Contains(t, stdout, `<testsuite name="docs/translations/bitext.yaml"`, "a finding about bitext.yaml has its suite")

	// The old output, with file and line on the test case, is not valid:
	// the test can fail.
	old := strings.Replace(stdout, `<testcase name="title" classname="`+testDoc+`.es">`, `<testcase name="title" classname="`+testDoc+`.es" file="`+esFile+`" line="12">`, 1)
	require.NotEqual(t, stdout, old)
	require.NoError(t, os.WriteFile(p, []byte(old), 0o644))
	if _, err := validateJUnit(p); !errors.Is(err, errNoXmllint) {
		assert.Error(t, err, "file and line on a testcase are refused by junit-10.xsd")
	}
}

// TestResultsOnStdout checks that what a command does goes to stderr and
// its result alone to stdout: build's stdout is the check report, which
// parses as JSON, and nothing else.
func TestResultsOnStdout(t *testing.T) {
	dir := projectCopy(t, nil)
	editFile(t, filepath.Join(dir, testSrc), "Little of substance as to", "Little of substance on")
	code, stdout, stderr := runIn(t, dir, nil, "build", "--only", "md", "--format", "json", "--fail-on", "off")
	require.Equal(t, 1, code, stderr) // min_complete: es: 100 in bitext.yaml
	var c docCheck
	assert.Equal(t, "bitext-check/1", decodeStrict(t, stdout, &c))
	assert.Contains(t, stderr, "wrote "+esFile)
	assert.Contains(t, stderr, "wrote output/"+testDoc+".es.md")
	assert.NotContains(t, stdout, "wrote")

	code, stdout, stderr = runIn(t, dir, nil, "--quiet", "build", "--only", "md", "--format", "json", "--min-complete", "off")
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr, "--quiet: no progress")
	assert.Equal(t, "bitext-check/1", decodeStrict(t, stdout, &c))
}
