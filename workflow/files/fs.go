package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// FS is the file system bitext writes through. OS is the machine's; tests
// put a fault-injecting one in its place (package filestest) to fail, or
// cut short, any single step of a write.
type FS interface {
	ReadFile(name string) ([]byte, error)
	Lstat(name string) (fs.FileInfo, error)
	// EvalSymlinks returns name with every symbolic link resolved.
	EvalSymlinks(name string) (string, error)
	MkdirAll(name string, perm fs.FileMode) error
	// CreateTemp creates a new file in dir, as os.CreateTemp does.
	CreateTemp(dir, pattern string) (File, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	// Rename moves from to to, replacing what is at to.
	Rename(from, to string) error
	// RenameNoReplace moves from to to where nothing is: it fails with an
	// error wrapping fs.ErrExist when to exists, so it never replaces a
	// file, and with one wrapping errors.ErrUnsupported where the system
	// cannot tell.
	RenameNoReplace(from, to string) error
	// Exchange swaps the files at a and b in one atomic step. Where the
	// system cannot, it returns an error wrapping errors.ErrUnsupported.
	Exchange(a, b string) error
	Remove(name string) error
	// SyncDir flushes a folder's entries to disk, so that a rename in it
	// survives a power cut.
	SyncDir(name string) error
}

// File is a file being written.
type File interface {
	io.Writer
	Name() string
	Chmod(mode fs.FileMode) error
	Sync() error
	Close() error
}

// OS is the machine's file system.
var OS FS = osFS{}

type osFS struct{}

func (osFS) ReadFile(name string) ([]byte, error)         { return os.ReadFile(name) }
func (osFS) Lstat(name string) (fs.FileInfo, error)       { return os.Lstat(name) }
func (osFS) EvalSymlinks(name string) (string, error)     { return filepath.EvalSymlinks(name) }
func (osFS) MkdirAll(name string, perm fs.FileMode) error { return os.MkdirAll(name, perm) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error)   { return os.ReadDir(name) }
func (osFS) Rename(from, to string) error                 { return os.Rename(from, to) }
func (osFS) Remove(name string) error                     { return os.Remove(name) }
func (osFS) Exchange(a, b string) error                   { return exchange(a, b) }

func (osFS) CreateTemp(dir, pattern string) (File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (osFS) RenameNoReplace(from, to string) error { return renameNoReplace(from, to) }

// linkRename renames without replacing by a hard link and an unlink, for
// systems with no renaming call that refuses to replace.
func linkRename(from, to string) error {
	err := os.Link(from, to)
	var le *os.LinkError
	switch {
	case err == nil:
		return os.Remove(from)
	case errors.As(err, &le) && errors.Is(le.Err, fs.ErrExist):
		return &fs.PathError{Op: "rename", Path: to, Err: fs.ErrExist}
	case errors.As(err, &le) && errors.Is(le.Err, fs.ErrNotExist):
		return &fs.PathError{Op: "rename", Path: from, Err: fs.ErrNotExist}
	}
	return fmt.Errorf("rename %s to %s without replacing: %w (%v)", from, to, errors.ErrUnsupported, err)
}

// wrapPath turns a system call's error into an *fs.PathError, so that
// errors.Is finds fs.ErrExist and fs.ErrNotExist in it.
func wrapPath(op, path string, err error) error {
	if err == nil {
		return nil
	}
	return &fs.PathError{Op: op, Path: path, Err: err}
}

func (osFS) SyncDir(name string) error {
	d, err := os.Open(name)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some systems (Windows, some network file systems) cannot sync a
	// folder; the rename is then as durable as the system makes it.
	if err := d.Sync(); err != nil && !errors.Is(err, errors.ErrUnsupported) && !isSyncUnsupported(err) {
		return err
	}
	return nil
}
