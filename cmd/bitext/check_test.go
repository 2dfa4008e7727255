package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/check"
)

// checkJSON is the JSON output of bitext check, as README.md documents
// it; decoding rejects any field it does not name.
type checkJSON struct {
	Schema    string          `json:"schema"`
	Passed    bool            `json:"passed"`
	Errors    int             `json:"errors"`
	Warnings  int             `json:"warnings"`
	Findings  []check.Finding `json:"findings"`
	Exempted  []check.Finding `json:"exempted"`
	Documents []check.Status  `json:"documents"`
	Gates     []check.Gate    `json:"gates"`
}

// cmdCheckJSON is the testscript command "checkjson FILE LINE:CHECK:ID…":
// FILE must hold the JSON output of bitext check in the documented schema,
// with a finding at each LINE of check CHECK for unit ID, and no other.
func cmdCheckJSON(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: checkjson FILE [LINE:CHECK:ID...]")
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(ts.ReadFile(args[0]))))
	dec.DisallowUnknownFields()
	var out checkJSON
	if err := dec.Decode(&out); err != nil {
		ts.Fatalf("%s does not parse as the JSON of bitext check: %v", args[0], err)
	}
	if out.Schema != check.Schema {
		ts.Fatalf("schema %q, want %q", out.Schema, check.Schema)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, fmt.Sprintf("%d:%s:%s", f.Line, f.Check, f.ID))
	}
	compareFindings(ts, args[0], got, args[1:])
}

// cmdCheckJUnit is the testscript command "checkjunit FILE
// LINE:CHECK:ID…": FILE must be valid against Jenkins' junit-10.xsd (when
// xmllint is installed; BITEXT_REQUIRE_TOOLS=1 requires it) and hold the
// findings given in its failures, skips and outputs, and no others.
func cmdCheckJUnit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: checkjunit FILE [LINE:CHECK:ID...]")
	}
	if msg, err := validateJUnit(ts.MkAbs(args[0])); err != nil {
		if !errors.Is(err, errNoXmllint) || os.Getenv("BITEXT_REQUIRE_TOOLS") == "1" {
			ts.Fatalf("%s is not valid against junit-10.xsd: %v\n%s", args[0], err, msg)
		}
		ts.Logf("xmllint is not installed: %s not validated against junit-10.xsd", args[0])
	}
	var doc struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Type string `xml:"type,attr"`
					Text string `xml:",chardata"`
				} `xml:"failure"`
				Skipped *struct {
					Message string `xml:"message,attr"`
				} `xml:"skipped"`
				SystemOut string `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(ts.ReadFile(args[0])), &doc); err != nil {
		ts.Fatalf("%s does not parse as XML: %v", args[0], err)
	}
	if doc.Tests == 0 {
		ts.Fatalf("%s has no tests", args[0])
	}
	var got []string
	for _, s := range doc.Suites {
		if s.Name == "gates" {
			continue
		}
		for _, c := range s.Cases {
			var lines []string
			if c.Failure != nil {
				lines = append(lines, strings.Split(c.Failure.Text, "\n")...)
			}
			if c.SystemOut != "" {
				lines = append(lines, strings.Split(c.SystemOut, "\n")...)
			}
			for _, l := range lines {
				m := findingLine.FindStringSubmatch(l)
				if m == nil {
					ts.Fatalf("%s: %q in test case %s is not a finding", args[0], l, c.Name)
				}
				got = append(got, fmt.Sprintf("%s:%s:%s", m[1], m[2], c.Name))
			}
			if c.Skipped != nil && c.Failure == nil {
				m := positionLine.FindStringSubmatch(c.Skipped.Message)
				if m == nil {
					ts.Fatalf("%s: the skip of %s does not start with its position: %q", args[0], c.Name, c.Skipped.Message)
				}
				line := m[1]
				if line == "" {
					line = "0"
				}
				got = append(got, fmt.Sprintf("%s:untranslated:%s", line, c.Name))
			}
		}
	}
	compareFindings(ts, args[0], got, args[1:])
}

// findingLine is a finding as text: "path:line: severity [check] id: …",
// the line left out for an entry not in its file; positionLine is any
// line that starts with a position.
var (
	findingLine  = regexp.MustCompile(`^[^:]+?(?::(\d+))?(?::\d+)?: (?:error|warning) \[(\w+)\] `)
	positionLine = regexp.MustCompile(`^[^: ]+?(?::(\d+))?: `)
)

// junitXSD is Jenkins' JUnit schema (testdata/xsd/README.md).
var junitXSD, _ = filepath.Abs(filepath.Join("testdata", "xsd", "junit-10.xsd"))

var errNoXmllint = errors.New("xmllint is not installed")

// validateJUnit validates a file against junit-10.xsd with xmllint, and
// returns what xmllint said.
func validateJUnit(file string) (string, error) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		return "", errNoXmllint
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", junitXSD, file).CombinedOutput()
	return string(out), err
}

func compareFindings(ts *testscript.TestScript, file string, got, want []string) {
	seen := map[string]int{}
	for _, g := range got {
		seen[g]++
	}
	for _, w := range want {
		if seen[w] == 0 {
			ts.Fatalf("%s: no finding %s; it has %s", file, w, strings.Join(got, " "))
		}
		seen[w]--
	}
	for g, n := range seen {
		if n > 0 {
			ts.Fatalf("%s: unexpected finding %s", file, g)
		}
	}
}

// runIn runs bitext in dir and returns its exit code, stdout and stderr.
func runIn(t *testing.T, dir string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"-C", dir}, args...), strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// projectCopy copies the repository's project into a temporary folder, with
// files overwritten or added.
func projectCopy(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"bitext.yaml", "source", "locales", "glossary"} {
		require.NoError(t, copyTree(filepath.Join("..", "..", p), filepath.Join(dir, p)))
	}
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	return dir
}

const esFile = "locales/us-mexico-persecution-of-migrants-2018-05-23.es.toml"

// seedError returns the shipped Spanish file with one number changed, on
// line 67.
func seedError(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", esFile))
	require.NoError(t, err)
	s := strings.Replace(string(data), "el 60 y el 80", "el 60 y el 90", 1)
	require.NotEqual(t, string(data), s)
	return s
}

func TestCheckGates(t *testing.T) {
	withError := map[string]string{esFile: seedError(t)}
	for _, tc := range []struct {
		name  string
		files map[string]string
		env   map[string]string
		args  []string
		code  int
		out   string // a line stdout or stderr must hold
	}{
		{"shipped passes", nil, nil, nil, 0, "passed"},
		{"complete enough", nil, nil, []string{"--min-complete", "es=100"}, 0, "passed"},
		{"an error fails", withError, nil, nil, 1, "failed: 1 finding of severity error or worse (fail_on: error)"},
		{"fail on nothing", withError, nil, []string{"--fail-on", "off"}, 0, "passed"},
		{"fail on from the environment", withError, map[string]string{"BITEXT_FAIL_ON": "off"}, nil, 0, "passed"},
		{"the flag wins over the environment", withError, map[string]string{"BITEXT_FAIL_ON": "off"}, []string{"--fail-on", "error"}, 1, "failed"},
		{"fail on from bitext.yaml", map[string]string{esFile: seedError(t), "bitext.yaml": "sources: [source/*.txt]\nfail_on: off\n"}, nil, nil, 0, "passed"},
		{"numbers off in bitext.yaml", map[string]string{esFile: seedError(t), "bitext.yaml": "sources: [source/*.txt]\nchecks: {numbers: off}\n"}, nil, nil, 0, "passed"},
		{"numbers as a warning, failing on warnings", map[string]string{esFile: seedError(t), "bitext.yaml": "sources: [source/*.txt]\nchecks: {numbers: warning}\nfail_on: warning\n"}, nil, nil, 1, "failed: 1 finding of severity warning or worse (fail_on: warning)"},
		{"exempt in bitext.yaml", map[string]string{esFile: seedError(t), "bitext.yaml": "sources: [source/*.txt]\nexempt:\n  es:\n    p-mexicos-increasing-role-in-the: {numbers: \"checked with the author\"}\n"}, nil, nil, 0, "0 errors, 0 warnings (1 exempted)"},
		{"incomplete", map[string]string{esFile: strings.Replace(seedError(t), `other = "Referencias"`, `other = ""`, 1)}, nil, []string{"--min-complete", "es=100", "--fail-on", "off"}, 1, "failed: es of us-mexico-persecution-of-migrants-2018-05-23 is 97.7% complete, below the 100% required; to do: 0 stale, 1 untranslated"},
		{"incomplete enough", map[string]string{esFile: strings.Replace(seedError(t), `other = "Referencias"`, `other = ""`, 1)}, nil, []string{"--min-complete", "es=97.5", "--fail-on", "off"}, 0, "passed"},
		{"min_complete in bitext.yaml", map[string]string{esFile: strings.Replace(seedError(t), `other = "Referencias"`, `other = ""`, 1), "bitext.yaml": "sources: [source/*.txt]\nmin_complete: {es: 100}\nfail_on: off\n"}, nil, nil, 1, "below the 100% required"},
		{"min_complete from the environment", nil, map[string]string{"BITEXT_MIN_COMPLETE": "fr=50"}, nil, 2, "bitext: configuration: min_complete: fr is not a target locale (configured: es)"},
		{"bad locale tag", nil, nil, []string{"--min-complete", "e$=100"}, 2, `bitext: configuration: min_complete: "e$" is not a valid language tag; use a BCP 47 tag such as es or es-MX`},
		{"not a target locale", nil, nil, []string{"--min-complete", "fr=100"}, 2, "bitext: configuration: min_complete: fr is not a target locale (configured: es)"},
		{"not a percentage", nil, nil, []string{"--min-complete", "es=all"}, 2, `bitext: configuration: --min-complete: "es=all": "all" is not a percentage`},
		{"bad fail-on", nil, nil, []string{"--fail-on", "sometimes"}, 2, `bitext: configuration: fail_on: "sometimes" is not a level; use error, warning or off`},
		{"bad format", nil, nil, []string{"--format", "xml"}, 2, `bitext: --format "xml": use text, json, junit or github`},
		{"unknown check in bitext.yaml", map[string]string{"bitext.yaml": "sources: [source/*.txt]\nchecks: {numbrs: off}\n"}, nil, nil, 2, `unknown check "numbrs"`},
		{"bad level in bitext.yaml", map[string]string{"bitext.yaml": "sources: [source/*.txt]\nchecks: {numbers: loud}\n"}, nil, nil, 2, `bitext: configuration: checks: numbers: "loud" is not a level`},
		{"exempt without reason in bitext.yaml", map[string]string{"bitext.yaml": "sources: [source/*.txt]\nexempt: {es: {title: {numbers: \"\"}}}\n"}, nil, nil, 2, "give the reason for the exemption"},
		{"locale file broken", map[string]string{esFile: "[title\n"}, nil, nil, 2, "bitext: " + esFile + ":1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := projectCopy(t, tc.files)
			code, stdout, stderr := runIn(t, dir, tc.env, append([]string{"check"}, tc.args...)...)
			assert.Equal(t, tc.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			assert.Contains(t, stdout+stderr, tc.out)
			switch {
			case strings.HasPrefix(tc.name, "locale file broken"):
				assert.Contains(t, stdout, esFile+":1:", "a file that cannot be read is a finding at its position")
				assert.Contains(t, stdout, "error [syntax]")
			case tc.code == 2:
				assert.Empty(t, stdout, "a usage or configuration error prints no report")
			}
		})
	}
}

func TestCheckNoColor(t *testing.T) {
	dir := projectCopy(t, map[string]string{esFile: seedError(t)})
	// Output to a buffer or a file is not a terminal: never colour.
	_, stdout, _ := runIn(t, dir, map[string]string{"NO_COLOR": "", "TERM": "xterm"}, "check")
	assert.NotContains(t, stdout, "\x1b[")
	assert.Contains(t, stdout, "error [numbers]")

	// On a terminal, colour, unless NO_COLOR is set.
	term, read := openTerminal(t)
	code := run([]string{"-C", dir, "check"}, strings.NewReader(""), term, &bytes.Buffer{})
	assert.Equal(t, 1, code)
	assert.Contains(t, read(), "\x1b[31;1merror\x1b[0m [numbers]", "colour on a terminal")

	t.Setenv("NO_COLOR", "1")
	term, read = openTerminal(t)
	run([]string{"-C", dir, "check"}, strings.NewReader(""), term, &bytes.Buffer{})
	out := read()
	assert.Contains(t, out, "error [numbers]")
	assert.NotContains(t, out, "\x1b[", "no colour with NO_COLOR, even on a terminal")
}

func TestCheckBadge(t *testing.T) {
	dir := projectCopy(t, map[string]string{esFile: strings.Replace(seedError(t), `other = "Referencias"`, `other = ""`, 1)})
	code, _, stderr := runIn(t, dir, nil, "check", "--badge", "public/badges", "--fail-on", "off", "--min-complete", "es=0")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "wrote public/badges/es.svg (97.7%)\n", stderr)
	svg, err := os.ReadFile(filepath.Join(dir, "public", "badges", "es.svg"))
	require.NoError(t, err)
	var doc struct {
		Title string `xml:"title"`
	}
	require.NoError(t, xml.Unmarshal(svg, &doc))
	assert.Equal(t, "español: 97.7%", doc.Title)
}

func TestCheckReadsOnly(t *testing.T) {
	dir := projectCopy(t, map[string]string{esFile: seedError(t)})
	before := snapshot(t, dir)
	for _, format := range []string{"text", "json", "junit", "github"} {
		runIn(t, dir, nil, "check", "--format", format)
	}
	assert.Equal(t, before, snapshot(t, dir), "check writes nothing")
}

func snapshot(t *testing.T, dir string) map[string]string {
	files := map[string]string{}
	require.NoError(t, filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = strconv.Itoa(len(data)) + ":" + string(data)
		return err
	}))
	return files
}

func TestCheckList(t *testing.T) {
	dir := projectCopy(t, map[string]string{"bitext.yaml": "sources: [source/*.txt]\nchecks: {length: off, unchanged: error}\n"})
	code, stdout, _ := runIn(t, dir, nil, "check", "--list")
	require.Equal(t, 0, code)
	assert.Regexp(t, `(?m)^length +off +`, stdout)
	assert.Regexp(t, `(?m)^unchanged +error +`, stdout)
	assert.Regexp(t, `(?m)^numbers +error +`, stdout)
}

func TestCheckMinCompleteFlagWins(t *testing.T) {
	dir := projectCopy(t, map[string]string{
		esFile:        strings.Replace(seedError(t), `other = "Referencias"`, `other = ""`, 1),
		"bitext.yaml": "sources: [source/*.txt]\nlocales: [es]\nmin_complete: {ES: 100}\nfail_on: off\n",
	})
	code, stdout, _ := runIn(t, dir, nil, "check")
	assert.Equal(t, 1, code, "bitext.yaml asks for 100%%:\n%s", stdout)
	code, stdout, _ = runIn(t, dir, nil, "check", "--min-complete", "es=90")
	assert.Equal(t, 0, code, "the flag wins for the same locale, however written:\n%s", stdout)
}
