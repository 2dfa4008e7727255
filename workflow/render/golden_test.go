package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with what the code writes now")

// renderers are the text renderers the golden files hold the output of.
var renderers = []Renderer{BilingualHTML{Paper: A4}, MonolingualHTML{Paper: A4}, Markdown{}}

// TestGolden renders each scenario in testdata/golden and compares every
// file with the archive's "output/…" sections. A scenario's input is a
// source section "source/…" and, per locale, a section named after it
// whose lines are "ID = translation" (current), "ID ~ translation" (made
// from older source text); a unit with no line is untranslated.
// A section "credits.json" gives the article's credits (a
// project.DocCredits). shipped.txtar has no input: it is the
// repository's own article.
// Shared CSS and script are left out of the golden HTML, as
// "/* style.css */" and "/* reading.js */".
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/golden/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			require.NoError(t, err)
			var w *project.Workspace
			if filepath.Base(path) == "shipped.txtar" {
				w = shippedWorkspace(t)
			} else {
				w = scenarioWorkspace(t, ar)
			}
			got := map[string][]byte{}
			for _, d := range w.Docs {
				ed := NewEdition(w, d)
				for _, r := range renderers {
					files, err := r.Render(ed)
					require.NoError(t, err)
					for _, f := range files {
						data := bytes.Replace(f.Data, []byte(styleCSS), []byte("/* style.css */\n"), 1)
						got["output/"+f.Name] = bytes.Replace(data, []byte(readingJS), []byte("/* reading.js */"), 1)
					}
				}
			}
			if *update {
				var files []txtar.File
				for _, f := range ar.Files {
					if !strings.HasPrefix(f.Name, "output/") {
						files = append(files, f)
					}
				}
				names := make([]string, 0, len(got))
				for n := range got {
					names = append(names, n)
				}
				sort.Strings(names)
				for _, n := range names {
					files = append(files, txtar.File{Name: n, Data: got[n]})
				}
				ar.Files = files
				require.NoError(t, os.WriteFile(path, txtar.Format(ar), 0o644))
				return
			}
			want := map[string][]byte{}
			for _, f := range ar.Files {
				if strings.HasPrefix(f.Name, "output/") {
					want[f.Name] = f.Data
				}
			}
			for name, data := range got {
				w, ok := want[name]
				if !assert.True(t, ok, "%s is rendered but not in %s; run go test -update", name, path) {
					continue
				}
				assert.Equal(t, string(w), string(data), "%s differs from %s; run go test -update if the change is meant", name, path)
			}
			for name := range want {
				assert.Contains(t, got, name, "%s is in %s but no longer rendered", name, path)
			}
		})
	}
}

// shippedWorkspace loads the repository's article and translation.
func shippedWorkspace(t testing.TB) *project.Workspace {
	w, err := project.Load(project.Inputs{Root: os.DirFS(filepath.Join("..", ".."))}, project.Default())
	require.NoError(t, err)
	require.NotEmpty(t, w.Docs)
	return w
}

// scenarioWorkspace builds the project a golden archive describes.
func scenarioWorkspace(t testing.TB, ar *txtar.Archive) *project.Workspace {
	var srcPath, src string
	var credits *project.DocCredits
	tr := map[string]map[string]struct {
		text  string
		stale bool
	}{}
	var locales []string
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "source/"):
			srcPath, src = f.Name, string(f.Data)
		case f.Name == "credits.json":
			credits = &project.DocCredits{}
			require.NoError(t, json.Unmarshal(f.Data, credits))
		case !strings.Contains(f.Name, "/"):
			locales = append(locales, f.Name)
			m := map[string]struct {
				text  string
				stale bool
			}{}
			for _, line := range strings.Split(string(f.Data), "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				id, text, ok := strings.Cut(line, " = ")
				stale := false
				if !ok {
					id, text, ok = strings.Cut(line, " ~ ")
					stale = true
				}
				require.True(t, ok, "%s: line %q is neither \"ID = text\" nor \"ID ~ text\"", f.Name, line)
				m[id] = struct {
					text  string
					stale bool
				}{text, stale}
			}
			tr[f.Name] = m
		}
	}
	require.NotEmpty(t, srcPath, "no source/ section")
	require.NotEmpty(t, locales, "no locale section")
	w, err := fixture.LoadCredited(srcPath, src, locales, func(loc string, u *segment.Unit) (string, bool) {
		e := tr[loc][u.ID]
		return e.text, e.stale
	}, credits)
	require.NoError(t, err)
	for _, d := range w.Docs {
		for _, loc := range locales {
			for id := range tr[loc] {
				require.NotNil(t, d.Unit(id), "%s names unit %q, which the source does not have; its units: %s", loc, id, unitIDs(d))
			}
		}
	}
	return w
}

func unitIDs(d *project.Doc) string {
	var ids []string
	for _, u := range d.Units {
		ids = append(ids, u.ID)
	}
	return strings.Join(ids, " ")
}

func TestGoldenNames(t *testing.T) {
	// Every golden archive is a scenario: a name says what it shows.
	paths, err := filepath.Glob("testdata/golden/*.txtar")
	require.NoError(t, err)
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		require.NoError(t, err)
		assert.NotEmpty(t, strings.TrimSpace(string(ar.Comment)), fmt.Sprintf("%s: say in its comment what the scenario shows", p))
	}
}
