package check

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/project"
)

// TestShippedTranslation checks the shipped Spanish translation: no
// error, and no warning that is not exempted with a reason.
func TestShippedTranslation(t *testing.T) {
	w, err := project.Load(project.Inputs{Root: os.DirFS("../..")}, project.Default())
	require.NoError(t, err)
	r, err := Run(w, Config{})
	require.NoError(t, err)
	for _, f := range r.Findings {
		t.Errorf("%s", f)
	}
	for _, f := range r.Exempted {
		assert.NotEmpty(t, f.Reason, "%s", f)
		t.Logf("exempted: %s (%s)", f, f.Reason)
	}
	require.Len(t, r.Status, 1)
	assert.Equal(t, 45, r.Status[0].Translated)
	assert.True(t, r.Passed())
}

// tomlEntry is an entry of a locale file a test writes.
type tomlEntry struct {
	comments []string
	id, kind string
	// hashOf is the English the translation was made from; "" leaves the
	// hash out.
	hashOf string
	other  string
}

// tomlFile writes entries as a locale file and returns it with the line
// of each entry's "other".
func tomlFile(entries ...tomlEntry) (string, map[string]int) {
	var b strings.Builder
	lines := map[string]int{}
	n := 0
	w := func(format string, args ...any) {
		fmt.Fprintf(&b, format+"\n", args...)
		n++
	}
	for _, e := range entries {
		for _, c := range e.comments {
			w("#%s", c)
		}
		w("[%s]", e.id)
		w("description = %q", e.kind)
		if e.hashOf != "" {
			w("hash = %q", catalog.Hash(e.kind, e.hashOf))
		}
		w("other = %q", e.other)
		lines[e.id] = n
		w("")
	}
	return b.String(), lines
}

const testSource = `# A test title

Mexico faces an election on July 1st, 2018.

The reports documented 9,758 cases.

A paragraph nobody translated yet.

A paragraph missing from the file.
`

// IDs the reconciler gives the units of testSource.
const (
	idTitle    = "title"
	idElection = "p-mexico-faces-an-election-on"
	idReports  = "p-the-reports-documented-9-758"
	idNobody   = "p-a-paragraph-nobody-translated-yet"
	idMissing  = "p-a-paragraph-missing-from-the"
)

// load loads a project of testSource with the given Spanish file and,
// when oldEnglish is set, a previous English file holding it for the
// election paragraph, so that translation is stale.
func load(t *testing.T, es, oldEnglish string) *project.Workspace {
	t.Helper()
	fsys := fstest.MapFS{"source/doc.md": {Data: []byte(testSource)}}
	if es != "" {
		fsys["locales/doc.es.toml"] = &fstest.MapFile{Data: []byte(es)}
	}
	if oldEnglish != "" {
		en, _ := tomlFile(
			tomlEntry{id: idTitle, kind: "title", other: "A test title"},
			tomlEntry{id: idElection, kind: "paragraph", other: oldEnglish},
			tomlEntry{id: idReports, kind: "paragraph", other: "The reports documented 9,758 cases."},
			tomlEntry{id: idNobody, kind: "paragraph", other: "A paragraph nobody translated yet."},
			tomlEntry{id: idMissing, kind: "paragraph", other: "A paragraph missing from the file."},
		)
		fsys["locales/doc.en.toml"] = &fstest.MapFile{Data: []byte(en)}
	}
	w, err := project.Load(project.Inputs{Root: fsys}, project.Default())
	require.NoError(t, err)
	var ids []string
	for _, u := range w.Docs[0].Units {
		ids = append(ids, u.ID)
	}
	require.Equal(t, []string{idTitle, idElection, idReports, idNobody, idMissing}, ids)
	return w
}

const (
	enElection = "Mexico faces an election on July 1st, 2018."
	enReports  = "The reports documented 9,758 cases."
	esTitle    = "Un título de prueba"
	esElection = "México enfrenta una elección el 1 de julio de 2018."
	esReports  = "Los informes documentaron 9,758 casos."
)

// found returns the findings as "line check id" strings, to compare.
func found(l Findings) []string {
	out := make([]string, len(l))
	for i, f := range l { // never nil, to compare with []string{}
		out[i] = fmt.Sprintf("%d %s %s %s", f.Line, f.Severity, f.Check, f.ID)
	}
	return out
}

func TestCompleteness(t *testing.T) {
	es, line := tomlFile(
		tomlEntry{id: idTitle, kind: "title", hashOf: "A test title", other: esTitle},
		tomlEntry{id: idElection, kind: "paragraph", hashOf: "Mexico faces an election on July 2nd, 2018.", other: "México enfrenta una elección el 2 de julio de 2018."},
		tomlEntry{id: idReports, kind: "paragraph", hashOf: enReports, other: esReports},
		tomlEntry{id: idNobody, kind: "paragraph", hashOf: "A paragraph nobody translated yet.", other: ""},
		tomlEntry{id: "p-gone", kind: "paragraph", hashOf: "Gone.", other: "Ido."},
	)
	w := load(t, es, "Mexico faces an election on July 2nd, 2018.")
	r, err := Run(w, Config{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"0 warning untranslated " + idMissing,
		fmt.Sprintf("%d warning stale %s", line[idElection], idElection),
		fmt.Sprintf("%d warning untranslated %s", line[idNobody], idNobody),
		fmt.Sprintf("%d warning orphaned p-gone", line["p-gone"]),
	}, found(r.Findings))
	stale := r.Findings[1]
	assert.Contains(t, stale.Message, "July [-2nd-]{+1st+}, 2018", "the stale message holds the word diff")
	assert.Contains(t, stale.Message, "bitext accept es "+idElection)
	assert.Equal(t, "locales/doc.es.toml", stale.File)
	assert.Equal(t, "doc", stale.Doc)
	assert.Equal(t, "es", stale.Locale)
	assert.Contains(t, r.Findings[0].Message, "run `bitext update`")
	// The stale translation's numbers differ from the current English, but
	// it is not compared until revised.
	for _, f := range r.Findings {
		assert.NotEqual(t, "numbers", f.Check)
	}
	st := r.Status[0]
	assert.Equal(t, [4]int{2, 1, 2, 1}, [4]int{st.Translated, st.Stale, st.Untranslated, st.Orphaned})
	assert.Equal(t, 4, st.Warnings)
	assert.True(t, r.Passed(), "warnings do not fail the default gate")
}

func TestStaleWithoutOldText(t *testing.T) {
	es, _ := tomlFile(tomlEntry{id: idElection, kind: "paragraph", hashOf: "Some English bitext never saw.", other: esElection})
	r, err := Run(load(t, es, ""), Config{Levels: map[string]Level{"untranslated": LevelOff}})
	require.NoError(t, err)
	require.Equal(t, []string{"4 warning stale " + idElection}, found(r.Findings))
	assert.Contains(t, r.Findings[0].Message, "no longer known")
}

func TestMissingFile(t *testing.T) {
	r, err := Run(load(t, "", ""), Config{})
	require.NoError(t, err)
	require.Equal(t, []string{"0 warning untranslated "}, found(r.Findings), "one finding for the file, not one per unit")
	assert.Equal(t, "locales/doc.es.toml: warning [untranslated] the file does not exist: run `bitext update` to create it, then translate its 5 units", r.Findings[0].String())
}

// complete is the Spanish file of testSource with every unit translated,
// the reports paragraph holding a wrong number, and comments above it.
func complete(comments ...string) (string, map[string]int) {
	return tomlFile(
		tomlEntry{id: idTitle, kind: "title", hashOf: "A test title", other: esTitle},
		tomlEntry{id: idElection, kind: "paragraph", hashOf: enElection, other: esElection},
		tomlEntry{comments: comments, id: idReports, kind: "paragraph", hashOf: enReports, other: "Los informes documentaron 9,759 casos."},
		tomlEntry{id: idNobody, kind: "paragraph", hashOf: "A paragraph nobody translated yet.", other: "Un párrafo que nadie tradujo aún."},
		tomlEntry{id: idMissing, kind: "paragraph", hashOf: "A paragraph missing from the file.", other: "Un párrafo que faltaba en el archivo."},
	)
}

func TestExemptions(t *testing.T) {
	// Lines of the reports entry: its comments start at 11.
	tests := []struct {
		name     string
		comments []string
		exempt   map[string]map[string]map[string]string
		want     []string // findings, as found gives them
		exempted int
	}{
		{name: "none", want: []string{"%d error numbers " + idReports}},
		{name: "comment with a reason", comments: []string{" bitext-allow numbers: the Spanish source gives the exact figure"}, exempted: 1},
		{name: "among other comments", comments: []string{" checked with the author", " bitext-allow numbers: the exact figure"}, exempted: 1},
		{name: "two checks, one with nothing to exempt", comments: []string{" bitext-allow numbers, length: the exact figure"}, want: []string{"11 warning allow " + idReports}, exempted: 1},
		{name: "no reason", comments: []string{" bitext-allow numbers"}, want: []string{"11 error allow " + idReports, "%d error numbers " + idReports}},
		{name: "empty reason", comments: []string{" bitext-allow numbers:   "}, want: []string{"11 error allow " + idReports, "%d error numbers " + idReports}},
		{name: "unknown check", comments: []string{" bitext-allow numbrs: typo"}, want: []string{"11 error allow " + idReports, "%d error numbers " + idReports}},
		{name: "nothing to exempt", comments: []string{" bitext-allow numbers: fine", " bitext-allow links: stale reason"}, want: []string{"12 warning allow " + idReports}, exempted: 1},
		{name: "in the configuration", exempt: map[string]map[string]map[string]string{"es": {idReports: {"numbers": "exact figure"}}}, exempted: 1},
		{name: "configuration names no unit", exempt: map[string]map[string]map[string]string{"es": {"p-nope": {"numbers": "x"}}}, want: []string{"0 warning allow p-nope", "%d error numbers " + idReports}},
		{name: "configuration exempts nothing", exempt: map[string]map[string]map[string]string{"es": {idReports: {"numbers": "x", "links": "y"}}}, want: []string{"0 warning allow " + idReports}, exempted: 1},
		{name: "not a bitext comment", comments: []string{" bitext-allowance is not an exemption"}, want: []string{"%d error numbers " + idReports}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es, line := complete(tc.comments...)
			r, err := Run(load(t, es, ""), Config{Exempt: tc.exempt, Source: "bitext.yaml"})
			require.NoError(t, err)
			want := []string{}
			for _, f := range tc.want {
				if strings.Contains(f, "%d") {
					f = fmt.Sprintf(f, line[idReports])
				}
				want = append(want, f)
			}
			assert.Equal(t, want, found(r.Findings))
			assert.Len(t, r.Exempted, tc.exempted)
			for _, f := range r.Exempted {
				assert.NotEmpty(t, f.Reason)
				assert.Equal(t, "numbers", f.Check)
			}
		})
	}
}

func TestConfigErrors(t *testing.T) {
	es, _ := complete()
	w := load(t, es, "")
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"unknown check", Config{Levels: map[string]Level{"numbrs": LevelOff}}, `checks: unknown check "numbrs"`},
		{"allow cannot be off", Config{Levels: map[string]Level{"allow": LevelOff}}, "allow cannot be configured"},
		{"bad tag", Config{MinComplete: map[string]float64{"e$": 100}}, `min_complete: "e$" is not a valid language tag`},
		{"not a target", Config{MinComplete: map[string]float64{"fr": 100}}, "min_complete: fr is not a target locale (configured: es)"},
		{"not a percentage", Config{MinComplete: map[string]float64{"es": 120}}, "not a percentage"},
		{"exempt without reason", Config{Exempt: map[string]map[string]map[string]string{"es": {idReports: {"numbers": " "}}}}, "give the reason"},
		{"exempt unknown check", Config{Exempt: map[string]map[string]map[string]string{"es": {idReports: {"numbrs": "x"}}}}, `unknown check "numbrs"`},
		{"exempt bad locale", Config{Exempt: map[string]map[string]map[string]string{"xx-!": {idReports: {"numbers": "x"}}}}, "not a valid language tag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(w, tc.cfg)
			var ce *project.ConfigError
			require.True(t, errors.As(err, &ce), "%v is a configuration error", err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestLevelsAndGates(t *testing.T) {
	es, _ := complete()
	w := load(t, es, "")
	for _, tc := range []struct {
		name   string
		cfg    Config
		want   []string
		passed bool
	}{
		{"default: errors fail", Config{}, []string{"%d error numbers"}, false},
		{"numbers off", Config{Levels: map[string]Level{"numbers": LevelOff}}, []string{}, true},
		{"numbers as a warning", Config{Levels: map[string]Level{"numbers": LevelWarning}}, []string{"%d warning numbers"}, true},
		{"fail on warning", Config{Levels: map[string]Level{"numbers": LevelWarning}, FailOn: LevelWarning}, []string{"%d warning numbers"}, false},
		{"fail on nothing", Config{FailOn: LevelOff}, []string{"%d error numbers"}, true},
		{"complete enough", Config{FailOn: LevelOff, MinComplete: map[string]float64{"es": 100}}, []string{"%d error numbers"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Run(w, tc.cfg)
			require.NoError(t, err)
			got := []string{}
			for _, f := range r.Findings {
				got = append(got, fmt.Sprintf("%d %s %s", f.Line, f.Severity, f.Check))
			}
			want := []string{}
			for _, f := range tc.want {
				want = append(want, fmt.Sprintf(f, 14))
			}
			assert.Equal(t, want, got)
			assert.Equal(t, tc.passed, r.Passed())
		})
	}
}

func TestMinComplete(t *testing.T) {
	es, _ := tomlFile(
		tomlEntry{id: idTitle, kind: "title", hashOf: "A test title", other: esTitle},
		tomlEntry{id: idElection, kind: "paragraph", hashOf: enElection, other: esElection},
		tomlEntry{id: idReports, kind: "paragraph", hashOf: enReports, other: esReports},
	)
	w := load(t, es, "")
	for _, tc := range []struct {
		min    float64
		passed bool
	}{{60, true}, {59.9, true}, {60.1, false}, {100, false}, {0, true}} {
		t.Run(fmt.Sprint(tc.min), func(t *testing.T) {
			r, err := Run(w, Config{MinComplete: map[string]float64{"es": tc.min}})
			require.NoError(t, err)
			require.Len(t, r.Gates, 2)
			g := r.Gates[0]
			assert.Equal(t, "min_complete", g.Name)
			assert.Equal(t, 60.0, *g.Percent)
			assert.Equal(t, tc.passed, g.Passed, g.Message)
			assert.Equal(t, tc.passed, r.Passed())
		})
	}
}

// TestHostileFile checks that text from a locale file, whose IDs and
// translations are untrusted, reaches the text output without control
// characters.
func TestHostileFile(t *testing.T) {
	es, _ := complete()
	es += "[\"p-\\u001b[31mred\"]\ndescription = \"paragraph\"\nother = \"\\u001b]0;owned\\u0007 (a\"\n"
	r, err := Run(load(t, es, ""), Config{})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, r.WriteText(&b, false))
	out := b.String()
	assert.Contains(t, out, `warning [orphaned] p-\x1b[31mred: `)
	for _, c := range out {
		assert.False(t, c < 0x20 && c != '\n', "control character %U in the text output", c)
	}
}
