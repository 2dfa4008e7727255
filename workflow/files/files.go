package files

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// ErrChanged means a file changed on disk between bitext reading it and
// writing it.
var ErrChanged = errors.New("changed on disk since bitext read it")

// Check returns an error wrapping ErrChanged when the file at path no longer
// holds old (or, when existed is false, has appeared since).
func Check(path string, old []byte, existed bool) error {
	now, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if existed {
			return fmt.Errorf("%s: %w (it was removed); nothing was written, run the command again", path, ErrChanged)
		}
		return nil
	case err != nil:
		return err
	case !existed:
		return fmt.Errorf("%s: %w (it was created meanwhile); nothing was written, run the command again", path, ErrChanged)
	case !bytes.Equal(now, old):
		return fmt.Errorf("%s: %w (an editor saving it?); nothing was written, save your work and run the command again", path, ErrChanged)
	}
	return nil
}

// Replace writes data to path atomically: into a temporary file in the same
// folder, synced, then renamed over path. It first checks, as Check does,
// that the file still holds old.
func Replace(path string, data, old []byte, existed bool) error {
	if err := Check(path, old, existed); err != nil {
		return err
	}
	return WriteAtomic(path, data)
}

// WriteAtomic writes data to path through a temporary file and a rename,
// creating the folder if needed. An existing file keeps its permissions.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	perm := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Remove deletes path after checking, as Check does, that it still holds old.
func Remove(path string, old []byte) error {
	if err := Check(path, old, true); err != nil {
		return err
	}
	return os.Remove(path)
}

// ErrLocked means another bitext run holds the project lock.
var ErrLocked = errors.New("another bitext run is writing this project")

// Lock takes an exclusive lock on the file at path (creating it), waiting up
// to wait for a run that holds it. The lock is released by unlock, or by
// the system when the process ends, so a crash never leaves it held.
func Lock(path string, wait time.Duration) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%w (lock %s held for over %s); wait for it to finish and run again", ErrLocked, path, wait)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
