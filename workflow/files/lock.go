package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// ErrLocked means another bitext run holds the project lock.
var ErrLocked = errors.New("another bitext run is writing this project")

// Lock takes an exclusive lock on the file at path (creating it), waiting up
// to wait for a run that holds it. The lock is released by unlock, or by
// the system when the process ends, so a crash never leaves it held. It
// works the same on Linux, macOS and Windows.
func Lock(path string, wait time.Duration) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, lockError(path, err)
	}
	l := flock.New(path)
	deadline := time.Now().Add(wait)
	for {
		ok, err := l.TryLock()
		if err != nil {
			return nil, lockError(path, err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%w (lock %s held for over %s); wait for it to finish and run again", ErrLocked, path, wait)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return func() { l.Unlock() }, nil
}

// lockError says why the lock could not be taken, in the user's terms: a
// read-only disk or a folder without write permission is not "another run".
func lockError(path string, err error) error {
	switch {
	case isReadOnly(err):
		return fmt.Errorf("cannot take the project lock %s: the disk is read-only; bitext writes the locale files there, so run it on a writable copy of the project (check and status only read and work anywhere)", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot take the project lock %s: permission denied; bitext needs write permission on %s (check and status only read and work anywhere)", path, filepath.Dir(path))
	}
	return fmt.Errorf("cannot take the project lock %s: %w", path, err)
}
