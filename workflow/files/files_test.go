package files

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "a.toml")
	require.NoError(t, WriteAtomic(p, []byte("one")))
	require.NoError(t, os.Chmod(p, 0o600))
	require.NoError(t, WriteAtomic(p, []byte("two")))
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "two", string(data))
	fi, err := os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "an existing file keeps its permissions")
	entries, err := os.ReadDir(filepath.Dir(p))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")
}

func TestReplaceRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.es.toml")
	require.NoError(t, os.WriteFile(p, []byte("read by bitext"), 0o644))
	require.NoError(t, os.WriteFile(p, []byte("saved by an editor"), 0o644))

	err := Replace(p, []byte("bitext's update"), []byte("read by bitext"), true)
	require.ErrorIs(t, err, ErrChanged)
	assert.ErrorContains(t, err, "nothing was written")
	data, _ := os.ReadFile(p)
	assert.Equal(t, "saved by an editor", string(data))

	// A file that appeared since it was found missing is not clobbered either.
	q := filepath.Join(dir, "new.toml")
	require.NoError(t, os.WriteFile(q, []byte("someone else's"), 0o644))
	assert.ErrorIs(t, Replace(q, []byte("x"), nil, false), ErrChanged)
	// Nor is a file removed by someone else silently recreated.
	assert.ErrorIs(t, Replace(filepath.Join(dir, "gone.toml"), []byte("x"), []byte("old"), true), ErrChanged)

	require.NoError(t, Replace(p, []byte("update"), []byte("saved by an editor"), true))
	require.NoError(t, Remove(p, []byte("update")))
	_, err = os.Stat(p)
	assert.True(t, errors.Is(err, os.ErrNotExist))
}

func TestLock(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".bitext", "lock")
	unlock, err := Lock(p, 0)
	require.NoError(t, err)

	_, err = Lock(p, 100*time.Millisecond)
	require.ErrorIs(t, err, ErrLocked)

	got := make(chan error, 1)
	go func() {
		u, err := Lock(p, 5*time.Second)
		if err == nil {
			u()
		}
		got <- err
	}()
	time.Sleep(100 * time.Millisecond)
	select {
	case err := <-got:
		t.Fatalf("second lock taken while the first is held: %v", err)
	default:
	}
	unlock()
	require.NoError(t, <-got, "the waiting run gets the lock once it is free")
}
