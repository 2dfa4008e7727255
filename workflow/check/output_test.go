package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	assert.Equal(t, "::warning file=locales/a%2Cb%3Ac.toml,line=3,title=bitext length::p-x: 100%25 of it%0Aand more", strings.SplitN(b.String(), "\n", 2)[0])
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
	assert.Equal(t, 60, badges[0].Percent)
	var svg struct {
		XMLName xml.Name
		Title   string `xml:"title"`
	}
	require.NoError(t, xml.Unmarshal(badges[0].SVG, &svg))
	assert.Equal(t, "svg", svg.XMLName.Local)
	assert.Equal(t, "español: 60%", svg.Title)
	assert.Equal(t, badges[0].SVG, r.Badges()[0].SVG, "badges are the same from run to run")
	assert.Contains(t, string(badges[0].SVG), badgeColor(60))
}
