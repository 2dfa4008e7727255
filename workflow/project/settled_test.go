package project

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/files"
)

// settledMemo is an UpdateMemo in memory that counts what it answered.
type settledMemo struct {
	mu      sync.Mutex
	m       map[string]string
	skipped []string
}

func (m *settledMemo) Settled(doc, key string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m[doc] == key {
		m.skipped = append(m.skipped, doc)
		return true
	}
	return false
}

func (m *settledMemo) Settle(doc, key string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[doc] = key
}

// TestUpdateWith: an update through the memo writes what one without it
// does, leaving out only documents whose files are as when an update
// found them up to date: an edit of the source, of a translation, of the
// glossary, of the configuration or a review makes it look again.
func TestUpdateWith(t *testing.T) {
	dir := newProject(t)
	copyFile := func(from, to string) {
		data, err := os.ReadFile(filepath.Join(dir, from))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, to), data, 0o644))
	}
	copyFile(srcPath, "source/b.txt")
	copyFile(esPath, "locales/b.es.toml")
	copyFile(enPath, "locales/b.en.toml")
	update(t, dir, Default())
	memo := &settledMemo{m: map[string]string{}}

	// step runs an update through the memo, checks that it writes what
	// one without does, applies it and returns the documents skipped.
	step := func(cfg Config, by string) []string {
		t.Helper()
		want, err := load(t, dir, cfg).Update()
		require.NoError(t, err)
		w := load(t, dir, cfg)
		if by != "" {
			w.SetActor(by, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
		}
		memo.skipped = nil
		got, err := w.UpdateWith(memo)
		require.NoError(t, err)
		require.Equal(t, want, got)
		require.NoError(t, files.Apply(context.Background(), files.OS, dir, got))
		slices.Sort(memo.skipped)
		return memo.skipped
	}
	cfg := Default()
	assert.Empty(t, step(cfg, ""), "the first update has nothing to go by")
	assert.Equal(t, []string{"b", docName}, step(cfg, ""), "nothing changed")

	edit(t, dir, "source/b.txt", "Little of substance as to", "Little of substance on")
	assert.Equal(t, []string{docName}, step(cfg, ""), "b's source changed")
	assert.Equal(t, []string{docName}, step(cfg, ""), "b has an untranslated unit: it is never taken as settled")
	edit(t, dir, "source/b.txt", "Little of substance on", "Little of substance as to")
	step(cfg, "")
	step(cfg, "")

	edit(t, dir, esPath, "a ambos lados de la frontera\"", "a uno y otro lado de la frontera\"")
	assert.Equal(t, []string{"b"}, step(cfg, ""), "a translation changed")

	edit(t, dir, "glossary/es.yaml", "terms:\n", "terms:\n  - term: migrants\n    approved: [migrantes]\n")
	assert.Empty(t, step(cfg, ""), "the glossary changed: both get new term notes")
	assert.Empty(t, step(cfg, ""), "an update that writes settles nothing; the next one, up to date, does")
	assert.Equal(t, []string{"b", docName}, step(cfg, ""))

	cfg.Format = "yaml"
	assert.Empty(t, step(cfg, ""), "the configuration changed: every file is written anew")
	assert.Empty(t, step(cfg, ""))
	assert.Equal(t, []string{"b", docName}, step(cfg, ""))

	// The first review of b: its records, and then who works and the day,
	// are part of what b's files depend on.
	w := load(t, dir, cfg)
	w.SetActor("Ana", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	_, err := w.Review(ReviewRequest{Locale: language.Spanish, Doc: "b", IDs: []string{"title"}})
	require.NoError(t, err)
	writes, err := w.Update()
	require.NoError(t, err)
	require.NoError(t, files.Apply(context.Background(), files.OS, dir, writes))
	assert.Equal(t, []string{docName}, step(cfg, "Ana"), "b's review file is new")
	assert.Equal(t, []string{"b", docName}, step(cfg, "Ana"))
	assert.Equal(t, []string{docName}, step(cfg, "Luis"), "another translator, whose work b's records would name")
}
