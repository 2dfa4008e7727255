package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/files/filestest"
	"github.com/hopeborder/bitext/workflow/project"
)

// The paragraphs the fault scenarios delete, restore and edit, by the
// start of their line in the source and their ID.
const (
	paraA    = "Mexican citizens residing in the U.S." // translated, with a comment
	idA      = "p-mexican-citizens-residing-in-the"    //
	paraB    = "Hope Border Institute will continue"   // untranslated, with comments
	idB      = "p-hope-border-institute-will-continue"
	afterB   = "Resources"                               // the line after paraB
	afterA   = "The Trump administration has repeatedly" // the line after paraA
	commentA = "# Ana: check \"connacionales\" with the editor"
	commentB = "# Luis: waiting for the editor's version of this one"
)

// faultStep is one command of a scenario: edits to make first, then the
// command line.
type faultStep struct {
	name    string
	prepare func(t *testing.T, dir string, saved map[string]string)
	args    []string
}

// faultScenario deletes a translated and an untranslated paragraph (both
// with translator comments) and edits a third; brings the two back and
// edits a fourth; accepts the stale translations; and switches the locale
// files to YAML: restores, edits, accepts and deletes, in every file.
func faultScenario() []faultStep {
	src := testSrc
	return []faultStep{
		{"delete and edit", func(t *testing.T, dir string, saved map[string]string) {
			saved["A"] = cutLine(t, filepath.Join(dir, src), paraA)
			saved["B"] = cutLine(t, filepath.Join(dir, src), paraB)
			editFile(t, filepath.Join(dir, src), "Little of substance as to", "Little of substance on")
		}, []string{"update"}},
		{"restore and edit", func(t *testing.T, dir string, saved map[string]string) {
			putLine(t, filepath.Join(dir, src), afterA, saved["A"])
			putLine(t, filepath.Join(dir, src), afterB, saved["B"])
			editFile(t, filepath.Join(dir, src), "potentially historic presidential election", "potentially historic general election")
		}, []string{"update"}},
		{"accept", nil, []string{"accept", "es", "--all"}},
		{"edit again", func(t *testing.T, dir string, saved map[string]string) {
			editFile(t, filepath.Join(dir, src), "Little of substance on", "Little of importance on")
		}, []string{"update"}},
		{"switch to YAML", func(t *testing.T, dir string, saved map[string]string) {
			editFile(t, filepath.Join(dir, "bitext.yaml"), "\nmessage_format: toml", "\nmessage_format: yaml")
		}, []string{"update"}},
	}
}

// cutLine removes the line of path that starts with prefix, and the blank
// line after it, and returns the line.
func cutLine(t *testing.T, path, prefix string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			require.NoError(t, os.WriteFile(path, []byte(strings.Join(slices.Delete(lines, i, i+2), "\n")), 0o644))
			return l
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return ""
}

// putLine inserts line, and a blank line, before the line that starts
// with before.
func putLine(t *testing.T, path, before, line string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, before) {
			lines = slices.Insert(lines, i, line, "")
			require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644))
			return
		}
	}
	t.Fatalf("no line starts with %q", before)
}

// faultStart is the scenario's first state: the shipped project, with a
// translator's comment on paragraph A and paragraph B untranslated with
// comments of its own.
func faultStart(t *testing.T) string {
	dir := projectCopy(t, nil)
	es := filepath.Join(dir, testES)
	editFile(t, es, "["+idA+"]", commentA+"\n["+idA+"]")
	data, err := os.ReadFile(es)
	require.NoError(t, err)
	f, err := catalog.Parse(testES, data)
	require.NoError(t, err)
	m := f.Lookup(idB)
	require.NotNil(t, m)
	editFile(t, es, "other = \""+m.Other+"\"", "other = \"\"")
	editFile(t, es, "["+idB+"]", commentB+"\n# bitext-allow length: the editor shortens it\n["+idB+"]")
	return dir
}

// localeFiles returns every file under dir/locales, by slash path.
func localeFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	root := filepath.Join(dir, "locales")
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "lock" || strings.Contains(d.Name(), ".bitext-tmp-") || strings.Contains(d.Name(), ".saved-") {
			// Temporary files are left out: the next run removes them. So
			// are copies kept of a file bitext could not read back, which
			// the run names (see TestFaultAtEveryWrite).
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	}))
	return out
}

// inventory is what a project holds that translators made: every
// translation and every translator comment, wherever it is kept (locale
// files, history), and the English each stale translation was made from,
// by document.
type inventory struct {
	translations map[string]bool // "doc\x00text"
	comments     map[string]bool // "doc\x00comment"
	staleWas     map[string]bool // "doc\x00id" of stale entries whose old English is known
	stale        map[string]bool // "doc\x00id" of stale entries
}

func takeInventory(t *testing.T, dir string) inventory {
	t.Helper()
	inv := inventory{map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}}
	for p, data := range localeFiles(t, dir) {
		doc, _, _ := strings.Cut(path.Base(p), ".")
		switch {
		case strings.HasSuffix(p, ".history.json"):
			h, err := catalog.ParseHistory(p, []byte(data))
			require.NoError(t, err)
			for _, o := range h.Obsolete {
				for _, tr := range o.Translations {
					if tr.Other != "" {
						inv.translations[doc+"\x00"+tr.Other] = true
					}
					for _, c := range tr.Comments {
						inv.comments[doc+"\x00"+strings.TrimSpace(c)] = true
					}
				}
			}
		case strings.Contains(p, ".es."):
			f, err := catalog.Parse(p, []byte(data))
			require.NoError(t, err, "every locale file left behind parses")
			for _, m := range f.Messages {
				if m.Other != "" {
					inv.translations[doc+"\x00"+m.Other] = true
				}
				for _, c := range m.Comments {
					inv.comments[doc+"\x00"+strings.TrimSpace(c)] = true
				}
			}
		}
	}
	cfg := project.Default()
	cfg.Format = "toml"
	if strings.Contains(readOr(dir, "bitext.yaml"), "\nmessage_format: yaml") {
		cfg.Format = "yaml"
	}
	cfg.Sources = []string{"source/*.txt"}
	w, err := project.Load(project.Inputs{Root: os.DirFS(dir)}, cfg)
	require.NoError(t, err, "the project loads")
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			for _, e := range l.Entries {
				if e.State == project.Stale {
					inv.stale[d.Name+"\x00"+e.Unit.ID] = true
					if e.Was != nil {
						inv.staleWas[d.Name+"\x00"+e.Unit.ID] = true
					}
				}
			}
		}
	}
	return inv
}

// savedCopies returns the names of the copies of locale files that
// bitext kept beside them.
func savedCopies(t *testing.T, dir string) []string {
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".saved-") {
			out = append(out, d.Name())
		}
		return err
	}))
	return out
}

func readOr(dir, name string) string {
	data, _ := os.ReadFile(filepath.Join(dir, name))
	return string(data)
}

// lost returns what before holds and after does not.
func (before inventory) lost(after inventory) []string {
	var out []string
	for k := range before.translations {
		if !after.translations[k] {
			out = append(out, "translation "+strings.ReplaceAll(k, "\x00", ": "))
		}
	}
	for k := range before.comments {
		if !after.comments[k] {
			out = append(out, "comment "+strings.ReplaceAll(k, "\x00", ": "))
		}
	}
	for id := range before.staleWas {
		if after.stale[id] && !after.staleWas[id] {
			out = append(out, "the old English of stale "+id)
		}
	}
	slices.Sort(out)
	return out
}

// runThrough runs bitext in dir through fsys, returning the exit code and
// what it printed.
func runThrough(fsys files.FS, dir string, args ...string) (int, string) {
	var out bytes.Buffer
	code := execute(context.Background(), env{fs: fsys}, append([]string{"-C", dir}, args...), strings.NewReader(""), &out, &out)
	return code, out.String()
}

// TestFaultAtEveryWrite runs each command of the scenario once for every
// step it takes on the file system, failing that step (a full disk) or
// stopping dead there (a kill), then checks that nothing translators made
// is lost, and that running the command again gives exactly the files a
// run without faults gives.
func TestFaultAtEveryWrite(t *testing.T) {
	state := faultStart(t)
	keep := t.TempDir() // each step's result, which the next step starts from
	saved := map[string]string{}
	total := map[filestest.Mode]int{}
	for _, step := range faultScenario() {
		t.Run(step.name, func(t *testing.T) {
			pre := t.TempDir()
			require.NoError(t, copyTree(state, pre))
			if step.prepare != nil {
				step.prepare(t, pre, saved)
			}
			before := takeInventory(t, pre)

			// The run without faults, and how many steps it takes.
			ref := t.TempDir()
			require.NoError(t, copyTree(pre, ref))
			count := &filestest.Faulty{FS: files.OS}
			code, out := runThrough(count, ref, step.args...)
			require.Equal(t, 0, code, out)
			want := localeFiles(t, ref)
			require.NotEqual(t, localeFiles(t, pre), want, "the step writes something")
			assert.Empty(t, before.lost(takeInventory(t, ref)), "a run without faults loses nothing")

			for _, mode := range []filestest.Mode{filestest.Fail, filestest.Crash} {
				for k := 1; k <= count.Steps(); k++ {
					dir := t.TempDir()
					require.NoError(t, copyTree(pre, dir))
					f := &filestest.Faulty{FS: files.OS, At: k, Mode: mode}
					code, out := runThrough(f, dir, step.args...)
					if code == 0 && f.Hit() && mode == filestest.Fail {
						// A step whose failure does not matter (removing a
						// temporary file); the result must still be right.
						assert.Equal(t, want, localeFiles(t, dir), "%v: %s", f, out)
					}
					total[mode]++
					for _, p := range savedCopies(t, dir) {
						assert.Contains(t, out, p, "%v: a copy kept is named", f)
					}
					if lost := before.lost(takeInventory(t, dir)); len(lost) > 0 {
						t.Errorf("%v of %s (%s) lost: %v\n%s", f, strings.Join(step.args, " "), f.Log()[k-1], lost, out)
					}
					if code != 0 && mode == filestest.Fail {
						assert.Contains(t, out, "bitext: ", "%v: the failure is reported", f)
					}
					if code != 0 && step.args[0] == "accept" {
						assert.NotContains(t, out, "accepted ", "%v: accept reports success only once it is written", f)
					}
					code, out = runThrough(files.OS, dir, step.args...)
					require.Equal(t, 0, code, "%v: the command run again succeeds: %s", f, out)
					assert.Equal(t, want, localeFiles(t, dir), "%v (%s): running again repairs the half-done state", f, f.Log()[k-1])
				}
			}
			state = filepath.Join(keep, strings.ReplaceAll(step.name, " ", "-"))
			require.NoError(t, copyTree(ref, state))
		})
	}
	t.Logf("faults injected: %d failed writes, %d kills; translations, comments or old English lost: see errors above (none when passing)", total[filestest.Fail], total[filestest.Crash])
}
