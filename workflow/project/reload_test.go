package project

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/files"
)

// TestReloaded: after an update that wrote one article's files, the
// workspace Reloaded gives is the one Load gives, document for document,
// having read only that article again; a write Reloaded cannot place
// loads everything.
func TestReloaded(t *testing.T) {
	dir := newProject(t)
	// A second article, with its own files.
	for _, p := range []string{srcPath, enPath, esPath} {
		data, err := os.ReadFile(filepath.Join(dir, p))
		require.NoError(t, err)
		other := filepath.Join(dir, filepath.Dir(p), "b-"+filepath.Base(p))
		require.NoError(t, files.WriteFile(files.OS, other, data))
	}
	cfg := Default()
	cfg.Sources = []string{"source/*.txt"}
	update(t, dir, cfg) // the copy's files name their own source
	edit(t, dir, srcPath, "Little of substance as to", "Little of substance on")
	in := Inputs{Root: os.DirFS(dir)}

	w := load(t, dir, cfg)
	writes, err := w.Update()
	require.NoError(t, err)
	require.NoError(t, files.Apply(context.Background(), files.OS, dir, writes))
	var written []string
	for _, wr := range writes {
		written = append(written, wr.Path)
	}
	require.NotEmpty(t, written)
	assert.NotContains(t, written, "locales/b-"+docName+".es.toml", "the other article has nothing to update")

	got, err := w.Reloaded(in, written)
	require.NoError(t, err)
	want := load(t, dir, cfg)
	require.Len(t, got.Docs, 2)
	for i := range want.Docs {
		// Every field, unexported ones too (a failure's diff would be the
		// whole article).
		assert.True(t, reflect.DeepEqual(want.Docs[i], got.Docs[i]), "%s is not as Load reads it", want.Docs[i].Name)
		assert.Equal(t, want.Fingerprint(want.Docs[i]), got.Fingerprint(got.Docs[i]))
	}
	require.Equal(t, "b-"+docName, got.Docs[0].Name)
	assert.True(t, w.Docs[0] == got.Docs[0], "the article nothing was written of is kept")
	assert.False(t, w.Docs[1] == got.Docs[1], "the updated article is read again")
	assert.NotEqual(t, w.Fingerprint(w.Docs[1]), got.Fingerprint(got.Docs[1]))

	// A file of no document: the whole project again.
	all, err := w.Reloaded(in, []string{"locales/.bitext/memory.es.toml"})
	require.NoError(t, err)
	assert.False(t, w.Docs[0] == all.Docs[0])
	assert.True(t, reflect.DeepEqual(want.Docs[1], all.Docs[1]))
}
