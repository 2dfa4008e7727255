package project

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/files"
)

const (
	docName = "us-mexico-persecution-of-migrants-2018-05-23"
	srcPath = "source/" + docName + ".txt"
	enPath  = "locales/" + docName + ".en.toml"
	esPath  = "locales/" + docName + ".es.toml"
)

// newProject copies the repository's article and message files into a
// temporary project and returns its folder.
func newProject(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{srcPath, enPath, esPath, "glossary/es.yaml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", p))
		require.NoError(t, err)
		require.NoError(t, files.WriteFile(files.OS, filepath.Join(dir, p), data))
	}
	return dir
}

func load(t testing.TB, dir string, cfg Config) *Workspace {
	t.Helper()
	w, err := Load(Inputs{Root: os.DirFS(dir)}, cfg)
	require.NoError(t, err)
	return w
}

// update runs an update on dir and returns the paths written.
func update(t testing.TB, dir string, cfg Config) []string {
	t.Helper()
	var paths []string
	writes, err := load(t, dir, cfg).Update()
	require.NoError(t, err)
	require.NoError(t, files.Apply(context.Background(), files.OS, dir, writes))
	for _, wr := range writes {
		paths = append(paths, wr.Path)
	}
	return paths
}

func edit(t testing.TB, dir, path, old, repl string) {
	t.Helper()
	p := filepath.Join(dir, path)
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(string(data), old), "%q in %s", old, path)
	require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(data), old, repl, 1)), 0o644))
}

func read(t testing.TB, dir, path string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, path))
	require.NoError(t, err)
	return string(data)
}

var updateGolden = flag.Bool("update", false, "rewrite the shipped message files as bitext update would")

// TestShippedProjectIsUpToDate holds the repository's message files to
// what update writes for the shipped article: they are this package's
// golden files, and -update rewrites them (keeping every translation, as
// bitext update does).
func TestShippedProjectIsUpToDate(t *testing.T) {
	if *updateGolden {
		writes, err := load(t, filepath.Join("..", ".."), Default()).Update()
		require.NoError(t, err)
		require.NoError(t, files.Apply(context.Background(), files.OS, filepath.Join("..", ".."), writes))
	}
	dir := newProject(t)
	assert.Empty(t, update(t, dir, Default()), "the shipped message files are what update writes")
	st := load(t, dir, Default()).Status()
	require.Len(t, st, 1)
	assert.Equal(t, Status{Doc: docName, Source: srcPath, Locale: "es", LocaleName: "Spanish (español)", File: esPath,
		Units: 45, Translated: 45, Percent: 100, Words: st[0].Words, WordsTranslated: st[0].Words}, st[0])
	assert.Greater(t, st[0].Words, 1900)
}

func TestConfigErrors(t *testing.T) {
	dir := newProject(t)
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"bad locale", func(c *Config) { c.Locales = []string{"es", "e$"} }, `configuration: locales: "e$" is not a valid language tag`},
		{"unknown language", func(c *Config) { c.Locales = []string{"xx"} }, `"xx" is not a valid language tag`},
		{"und", func(c *Config) { c.SourceLocale = "und" }, `configuration: source_locale: "und" names no language`},
		{"source as target", func(c *Config) { c.Locales = []string{"en"} }, "en is listed twice or is the source locale"},
		{"format", func(c *Config) { c.Format = "xml" }, `unknown locale file format "xml"`},
		{"no sources", func(c *Config) { c.Sources = []string{"articles/*.txt"} }, "no source files match articles/*.txt"},
		{"outside", func(c *Config) { c.LocalesDir = "../elsewhere" }, "must be a folder inside the project"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Default()
			tc.edit(&cfg)
			_, err := Load(Inputs{Root: os.DirFS(dir)}, cfg)
			var ce *ConfigError
			require.ErrorAs(t, err, &ce)
			assert.ErrorContains(t, err, tc.want)
		})
	}
}

// TestNewLocale adds French: a new file with every unit untranslated, and
// nothing else changes.
func TestNewLocale(t *testing.T) {
	dir := newProject(t)
	cfg := Default()
	cfg.Locales = []string{"es", "fr"}
	written := update(t, dir, cfg)
	assert.Equal(t, []string{"locales/" + docName + ".fr.toml"}, written)
	fr := read(t, dir, "locales/"+docName+".fr.toml")
	assert.Equal(t, 45, strings.Count(fr, "#, untranslated"))
	assert.Equal(t, 45, strings.Count(fr, "other = \"\"\n"))
	assert.Contains(t, fr, "French (français) translation of "+srcPath)
	assert.Contains(t, fr, "#. suggestion (CLDR long date): 23 mai 2018", "the date is suggested in French")
	st := load(t, dir, cfg).Status()
	assert.Equal(t, 45, st[1].Untranslated)
	assert.Equal(t, 0.0, st[1].Percent)
}

// TestFormats switches the message files to JSON and to YAML: every
// translation carries over, the old file goes, and go-i18n loads the result
// (see catalog's tests); switching back gives the original bytes.
func TestFormats(t *testing.T) {
	dir := newProject(t)
	origEN, origES := read(t, dir, enPath), read(t, dir, esPath)
	for _, format := range []string{"json", "yaml", "toml"} {
		cfg := Default()
		cfg.Format = format
		written := update(t, dir, cfg)
		if format != "toml" {
			assert.Contains(t, written, "locales/"+docName+".es."+format)
		}
		st := load(t, dir, cfg).Status()
		assert.Equal(t, 45, st[0].Translated, format)
		_, err := os.Stat(filepath.Join(dir, "locales", docName+".es."+format))
		require.NoError(t, err)
	}
	assert.Equal(t, origEN, read(t, dir, enPath))
	assert.Equal(t, origES, read(t, dir, esPath))
	_, err := os.Stat(filepath.Join(dir, "locales", docName+".es.json"))
	assert.True(t, os.IsNotExist(err), "the JSON file was replaced, not left beside the TOML")
}

func TestBothFormatsIsAnError(t *testing.T) {
	dir := newProject(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "locales", docName+".es.json"), []byte("{}"), 0o644))
	_, err := Load(Inputs{Root: os.DirFS(dir)}, Default())
	assert.ErrorContains(t, err, "both exist; keep the one in the configured format (toml)")
}

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"one two  three", 3},
		{"don't center-left 9,758 2.5", 4},
		{"Mexico’s role[^12]. The end.", 4},
		{"México y “la” persecución, ¿no?", 5},
		{"a - b", 2},
		{"[^1] only a note ref", 4},
		{"[^ [^ [^ unclosed", 1},
		{"[^" + strings.Repeat("x", 100) + "] is no reference", 4},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Words(tc.text), tc.text)
	}
}

// BenchmarkWordsHostile counts the words of 1 MB of "[^ ", which once took
// time quadratic in its length (scripts/bench-hostile.sh times it whole).
func BenchmarkWordsHostile(b *testing.B) {
	text := strings.Repeat("[^ ", 1<<20/3)
	for b.Loop() {
		Words(text)
	}
}

// TestTermNotes: update writes a "#. term:" line above each entry whose
// English has a glossary term, with the approved and forbidden
// renderings, and none where there is no glossary.
func TestTermNotes(t *testing.T) {
	dir := newProject(t)
	glossary := read(t, dir, "glossary/es.yaml")
	require.NoError(t, os.Remove(filepath.Join(dir, "glossary", "es.yaml")))
	update(t, dir, Default())
	assert.NotContains(t, read(t, dir, esPath), "#. term:", "no glossary, no term lines")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "glossary", "es.yaml"), []byte(glossary), 0o644))
	update(t, dir, Default())
	es := read(t, dir, esPath)
	assert.Contains(t, es, "#. term: drug war → guerra contra el narcotráfico (not: guerra contra las drogas)\n")
	assert.Equal(t, 2, strings.Count(es, "#. term: drug war"), "two units have the term")
}

// TestImportGlossary: a TBX entry of a term the YAML glossary has
// replaces it in place, a new term is added at the end, and the file's
// top comments and consistency rules stay; a bad file writes nothing.
func TestImportGlossary(t *testing.T) {
	dir := newProject(t)
	w, err := Load(Inputs{Root: os.DirFS(dir)}, Default())
	require.NoError(t, err)
	tbx := `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="a">
  <langSet xml:lang="en"><tig><term>drug war</term></tig></langSet>
  <langSet xml:lang="es"><tig><term>guerra contra el narco</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>guerra contra las drogas</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry>
<termEntry id="b">
  <langSet xml:lang="en"><tig><term>asylum seeker</term></tig></langSet>
  <langSet xml:lang="es-MX"><tig><term>solicitante de asilo</term></tig></langSet>
  <langSet xml:lang="fr"><tig><term>demandeur d'asile</term></tig></langSet>
</termEntry>
</body></text></martif>`
	writes, report, err := w.ImportGlossary("vendor.tbx", []byte(tbx), []language.Tag{language.Spanish})
	require.NoError(t, err)
	require.Len(t, writes, 1)
	assert.Equal(t, []GlossaryImport{{Locale: "es", Path: "glossary/es.yaml", Added: 1, Replaced: 1}}, report)
	out := string(writes[0].Data)
	assert.True(t, strings.HasPrefix(out, "# The project glossary for Spanish"), "the file's comments stay:\n%s", out)
	assert.Contains(t, out, "  - term: \"drug war\"\n    approved: [\"guerra contra el narco\"]\n    forbidden: [\"guerra contra las drogas\"]\n")
	assert.Less(t, strings.Index(out, "drug war"), strings.Index(out, "Rome Statute"), "replaced in place")
	assert.Greater(t, strings.Index(out, "asylum seeker"), strings.Index(out, "safe third country"), "added at the end")
	assert.NotContains(t, out, "demandeur", "French is not a target locale")
	assert.Contains(t, out, "consistency:\n  - name: \"administración de NAME\"")
	assert.Equal(t, read(t, dir, "glossary/es.yaml"), string(writes[0].Old), "written only over what was read")

	_, _, err = w.ImportGlossary("bad.tbx", []byte(tbx[:200]), []language.Tag{language.Spanish})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.tbx:")
}
