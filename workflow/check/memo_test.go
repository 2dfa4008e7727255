package check

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/project"
)

// mapMemo is a Memo in memory that says which documents it was asked to
// remember, that is, which were checked anew.
type mapMemo struct {
	m       map[string][2]string // doc/locale → key, data
	checked []string
	corrupt bool // Recall gives back bytes that are no result
}

func (m *mapMemo) Recall(doc, locale, key string) ([]byte, bool) {
	e, ok := m.m[doc+"/"+locale]
	if !ok || e[0] != key {
		return nil, false
	}
	if m.corrupt {
		return []byte(`{"findings": [{"severity": "fatal"}]`), true
	}
	return []byte(e[1]), true
}

func (m *mapMemo) Remember(doc, locale, key string, data []byte) {
	m.m[doc+"/"+locale] = [2]string{key, string(data)}
	m.checked = append(m.checked, doc+"/"+locale)
}

// memoProject is the shipped article twice, as a and b, with its
// glossary.
func memoProject(t *testing.T) fstest.MapFS {
	t.Helper()
	const doc = "us-mexico-persecution-of-migrants-2018-05-23"
	read := func(p string) *fstest.MapFile {
		data, err := os.ReadFile("../../" + p)
		require.NoError(t, err)
		return &fstest.MapFile{Data: data}
	}
	fsys := fstest.MapFS{"glossary/es.yaml": read("glossary/es.yaml")}
	for _, name := range []string{"a", "b"} {
		fsys["source/"+name+".txt"] = read("source/" + doc + ".txt")
		fsys["locales/"+name+".en.toml"] = read("locales/" + doc + ".en.toml")
		fsys["locales/"+name+".es.toml"] = read("locales/" + doc + ".es.toml")
	}
	return fsys
}

// outputs are a report's text and JSON.
func outputs(t *testing.T, rep *Report) (string, string) {
	t.Helper()
	var text, js bytes.Buffer
	require.NoError(t, rep.WriteText(&text, false))
	require.NoError(t, rep.WriteJSON(&js))
	return text.String(), js.String()
}

func edit(t *testing.T, fsys fstest.MapFS, p, old, new string) {
	t.Helper()
	s := string(fsys[p].Data)
	require.Contains(t, s, old)
	fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

// TestMemo: a run through a memo reports, byte for byte, what a run
// without one does; it checks again each document whose inputs changed
// (and only those), every document when the settings did, and a memo that
// gives back garbage is ignored.
func TestMemo(t *testing.T) {
	cfg := Config{Source: "bitext.yaml"}
	base := memoProject(t)
	for _, tc := range []struct {
		name    string
		change  func(fsys fstest.MapFS, cfg *Config)
		checked []string
	}{
		{"nothing", func(fstest.MapFS, *Config) {}, nil},
		{"translation", func(fsys fstest.MapFS, _ *Config) {
			edit(t, fsys, "locales/a.es.toml", "de 2014 a 2017 (durante", "de 2014 a 2016 (durante")
		}, []string{"a/es"}},
		{"English", func(fsys fstest.MapFS, _ *Config) {
			edit(t, fsys, "source/b.txt", "Mexico", "México")
		}, []string{"b/es"}},
		{"exemption comment", func(fsys fstest.MapFS, _ *Config) {
			edit(t, fsys, "locales/a.es.toml", "[date]\n", "# bitext-allow numbers: the date as written\n[date]\n")
		}, []string{"a/es"}},
		{"review", func(fsys fstest.MapFS, _ *Config) {
			fsys["locales/.bitext/b.es.review.jsonl"] = &fstest.MapFile{Data: []byte(`{"schema":"bitext-review/1"}` + "\n" + `{"id":"title","text":"0123456789abcdef"}` + "\n")}
		}, []string{"b/es"}},
		{"glossary", func(fsys fstest.MapFS, _ *Config) {
			edit(t, fsys, "glossary/es.yaml", "terms:\n", "terms:\n  - term: migrants\n    approved: [migrantes]\n")
		}, []string{"a/es", "b/es"}},
		{"severity", func(_ fstest.MapFS, cfg *Config) {
			cfg.Levels = map[string]Level{"length": LevelOff}
		}, []string{"a/es", "b/es"}},
		{"config exemption", func(_ fstest.MapFS, cfg *Config) {
			cfg.Exempt = map[string]map[string]map[string]string{"es": {"title": {"length": "a short title"}}}
		}, []string{"a/es", "b/es"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			memo := &mapMemo{m: map[string][2]string{}}
			w, err := project.Load(project.Inputs{Root: base}, project.Default())
			require.NoError(t, err)
			_, err = RunWith(w, cfg, memo)
			require.NoError(t, err)
			require.Equal(t, []string{"a/es", "b/es"}, memo.checked, "the first run checks everything")

			fsys := cloneFS(base)
			c := cfg
			tc.change(fsys, &c)
			w, err = project.Load(project.Inputs{Root: fsys}, project.Default())
			require.NoError(t, err)
			fresh, err := Run(w, c)
			require.NoError(t, err)
			memo.checked = nil
			got, err := RunWith(w, c, memo)
			require.NoError(t, err)
			assert.Equal(t, tc.checked, memo.checked, "checked anew")
			wantText, wantJSON := outputs(t, fresh)
			gotText, gotJSON := outputs(t, got)
			assert.Equal(t, wantText, gotText)
			assert.Equal(t, wantJSON, gotJSON)
			if tc.name == "translation" {
				assert.NotEqual(t, wantText, func() string {
					w, err := project.Load(project.Inputs{Root: base}, project.Default())
					require.NoError(t, err)
					r, err := Run(w, cfg)
					require.NoError(t, err)
					s, _ := outputs(t, r)
					return s
				}(), "the edit changes the findings")
			}

			memo.checked, memo.corrupt = nil, true
			got, err = RunWith(w, c, memo)
			require.NoError(t, err)
			assert.Equal(t, []string{"a/es", "b/es"}, memo.checked, "what the memo gives back that is no result is checked anew")
			gotText, gotJSON = outputs(t, got)
			assert.Equal(t, wantText, gotText)
			assert.Equal(t, wantJSON, gotJSON)
		})
	}
}

func cloneFS(fsys fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range fsys {
		c := *v
		c.Data = slices.Clone(v.Data)
		out[k] = &c
	}
	return out
}
