package project

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/catalog"
)

// TestGoi18nAgrees runs the real goi18n merge (v2.7.0, a tool of this
// module) on the message files bitext writes after an edit of the source.
// goi18n discards a translation whose hash is not that of its source
// message and asks for it again in translate.es.toml: it must ask for
// exactly the units bitext calls stale or untranslated, and keep the rest
// with bitext's hashes.
func TestGoi18nAgrees(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH, so goi18n cannot run")
	}
	dir := newProject(t)
	edit(t, dir, srcPath, "Little of substance as to", "Little of substance on")
	edit(t, dir, srcPath, "Hope Border Institute will continue", "Hope Border Institute will keep working")
	update(t, dir, Default())
	w := load(t, dir, Default())
	var want []string
	for _, e := range w.Docs[0].Locales[0].Entries {
		if e.State != Translated {
			want = append(want, e.Unit.ID)
		}
	}
	require.Len(t, want, 2)

	out := t.TempDir()
	cmd := exec.Command(goBin, "tool", "goi18n", "merge", "-sourceLanguage", "en", "-outdir", out,
		filepath.Join(dir, enPath), filepath.Join(dir, esPath))
	cmd.Dir = filepath.Join("..", "..")
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "goi18n merge: %s", msg)

	parse := func(name string) *catalog.File {
		data, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		f, err := catalog.Parse(name, data)
		require.NoError(t, err)
		return f
	}
	translate := parse("translate.es.toml")
	var asked []string
	for _, m := range translate.Messages {
		asked = append(asked, m.ID)
	}
	slices.Sort(asked)
	slices.Sort(want)
	assert.Equal(t, want, asked, "goi18n asks for the units bitext marks stale")

	active := parse("active.es.toml")
	assert.Len(t, active.Messages, 43)
	es := w.Docs[0].Locales[0]
	for _, m := range active.Messages {
		e := es.Entry(w.Docs[0], m.ID)
		require.NotNil(t, e, m.ID)
		assert.Equal(t, Translated, e.State, m.ID)
		assert.Equal(t, e.Message.Hash, m.Hash, "%s: goi18n computes bitext's hash", m.ID)
		assert.Equal(t, e.Message.Other, m.Other)
	}
}
