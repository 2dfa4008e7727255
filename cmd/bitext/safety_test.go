package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/project"
)

const (
	testDoc = "us-mexico-persecution-of-migrants-2018-05-23"
	testSrc = "source/" + testDoc + ".txt"
	testES  = "locales/" + testDoc + ".es.toml"
	testEN  = "locales/" + testDoc + ".en.toml"
)

func editFile(t *testing.T, path, old, repl string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, 1, bytes.Count(data, []byte(old)))
	require.NoError(t, os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(repl), 1), 0o644))
}

// TestConcurrentUpdates runs two updates at once. They take turns: one
// writes, the other waits and then finds nothing to do. Neither fails, and
// nothing is corrupted.
func TestConcurrentUpdates(t *testing.T) {
	for round := 0; round < 5; round++ {
		dir := projectCopy(t, nil)
		editFile(t, filepath.Join(dir, testSrc), "Little of substance as to", "Little of substance on")
		var wg sync.WaitGroup
		codes := make([]int, 2)
		outs := make([]*bytes.Buffer, 2)
		for i := range 2 {
			outs[i] = &bytes.Buffer{}
			wg.Go(func() {
				codes[i] = run([]string{"update", "-C", dir}, strings.NewReader(""), outs[i], outs[i])
			})
		}
		wg.Wait()
		require.Equal(t, []int{0, 0}, codes, "%s\n---\n%s", outs[0], outs[1])
		wrote := 0
		for _, o := range outs {
			if strings.Contains(o.String(), "wrote "+testES) {
				wrote++
			} else {
				assert.Contains(t, o.String(), "locale files are up to date")
			}
		}
		assert.Equal(t, 1, wrote, "exactly one run writes")
		w, err := project.Load(project.Inputs{Root: os.DirFS(dir)}, project.Default())
		require.NoError(t, err)
		assert.Equal(t, 1, w.Status()[0].Stale)
		entries, err := os.ReadDir(filepath.Join(dir, "locales"))
		require.NoError(t, err)
		for _, e := range entries {
			assert.NotContains(t, e.Name(), ".tmp-", "no temporary file is left behind")
		}
	}
}

// TestChangedOnDisk saves the Spanish file, as an editor would, between
// bitext reading it and writing it: the write is refused, the editor's save
// is kept, and no other file is written either.
func TestChangedOnDisk(t *testing.T) {
	dir := projectCopy(t, nil)
	editFile(t, filepath.Join(dir, testSrc), "Little of substance as to", "Little of substance on")
	w, err := project.Load(project.Inputs{Root: os.DirFS(dir)}, project.Default())
	require.NoError(t, err)
	writes, err := w.Update()
	require.NoError(t, err)
	require.NotEmpty(t, writes)

	enBefore, err := os.ReadFile(filepath.Join(dir, testEN))
	require.NoError(t, err)
	editFile(t, filepath.Join(dir, testES), "Los debates presidenciales", "LOS DEBATES PRESIDENCIALES")
	saved, err := os.ReadFile(filepath.Join(dir, testES))
	require.NoError(t, err)

	err = files.Apply(context.Background(), files.OS, dir, writes)
	require.ErrorIs(t, err, files.ErrChanged)
	assert.ErrorContains(t, err, testES)
	now, _ := os.ReadFile(filepath.Join(dir, testES))
	assert.Equal(t, string(saved), string(now), "the editor's save is kept")
	enNow, _ := os.ReadFile(filepath.Join(dir, testEN))
	assert.Equal(t, string(enBefore), string(enNow), "no file is written when one of them changed")
	_, err = os.Stat(filepath.Join(dir, "locales", ".bitext", testDoc+".history.json"))
	assert.True(t, os.IsNotExist(err))

	// Run again: the editor's change and the source edit both land.
	var out bytes.Buffer
	require.Equal(t, 0, run([]string{"update", "-C", dir}, nil, &out, &out), out.String())
	now, _ = os.ReadFile(filepath.Join(dir, testES))
	assert.Contains(t, string(now), "LOS DEBATES PRESIDENCIALES")
}

// TestUpdateWaitsForLock holds the project lock as another run would: update
// says it is waiting, and goes on once the lock is free.
func TestUpdateWaitsForLock(t *testing.T) {
	dir := projectCopy(t, nil)
	unlock, err := files.Lock(filepath.Join(dir, "locales", ".bitext", "lock"), 0)
	require.NoError(t, err)
	var out, errOut lockedBuffer
	done := make(chan int)
	go func() { done <- run([]string{"update", "-C", dir}, nil, &out, &errOut) }()
	for !strings.Contains(errOut.String(), "waiting for it to finish") {
		select {
		case code := <-done:
			t.Fatalf("update finished (%d) while the lock was held: %s", code, errOut.String())
		default:
		}
	}
	unlock()
	assert.Equal(t, 0, <-done)
	assert.Contains(t, out.String(), "locale files are up to date")
}

// lockedBuffer is a buffer one goroutine writes while another reads.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
