// Package filestest provides a fault-injecting files.FS for tests: it
// counts every step bitext takes on the file system, and fails one of them
// (a full disk, a permission) or stops dead at one of them, as a process
// killed there would.
package filestest

import (
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"syscall"

	"github.com/hopeborder/bitext/workflow/files"
)

// Mode is what happens at the faulty step.
type Mode int

const (
	// Fail makes the step fail with Err; later steps work.
	Fail Mode = iota
	// Crash makes the step and every later one do nothing and fail, as if
	// the process were killed at that point: no clean-up runs either.
	Crash
)

// ErrCrashed is what the crashing step and every later one return.
var ErrCrashed = errors.New("filestest: the process is dead")

// errDead is the error of the steps after the crash, which do nothing.
var errDead = fmt.Errorf("%w (after the crash)", ErrCrashed)

// Faulty wraps an FS. Steps are numbered from 1 in the order they are
// taken; step At gets the fault. At 0 injects nothing, which counts the
// steps of a run (Steps).
type Faulty struct {
	FS   files.FS
	At   int
	Mode Mode
	// Err is the error of a failed step; ENOSPC when nil. A failed write
	// writes half its bytes first, as a full disk does.
	Err error
	// Before, when set, runs before each step with its number, its name
	// ("write", "exchange"…) and path: a test can race a save there.
	Before func(step int, op, path string)

	mu      sync.Mutex
	n       int
	crashed bool
	log     []string
}

// Steps returns how many steps were taken.
func (f *Faulty) Steps() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// Log returns the steps taken, as "op path", in order.
func (f *Faulty) Log() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.log...)
}

// Hit reports whether the fault was injected.
func (f *Faulty) Hit() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.At > 0 && f.n >= f.At
}

// step counts a step and says whether it fails, and how.
func (f *Faulty) step(op, path string) error {
	f.mu.Lock()
	if f.crashed {
		f.mu.Unlock()
		return errDead
	}
	f.n++
	n := f.n
	f.log = append(f.log, op+" "+path)
	before := f.Before
	f.mu.Unlock()
	if before != nil {
		before(n, op, path)
	}
	if n != f.At {
		return nil
	}
	if f.Mode == Crash {
		f.mu.Lock()
		f.crashed = true
		f.mu.Unlock()
		return ErrCrashed
	}
	err := f.Err
	if err == nil {
		err = syscall.ENOSPC
	}
	return &fs.PathError{Op: op, Path: path, Err: err}
}

func (f *Faulty) ReadFile(name string) ([]byte, error) {
	if err := f.step("read", name); err != nil {
		return nil, err
	}
	return f.FS.ReadFile(name)
}

func (f *Faulty) Lstat(name string) (fs.FileInfo, error) {
	if err := f.step("lstat", name); err != nil {
		return nil, err
	}
	return f.FS.Lstat(name)
}

func (f *Faulty) EvalSymlinks(name string) (string, error) {
	if err := f.step("evalsymlinks", name); err != nil {
		return "", err
	}
	return f.FS.EvalSymlinks(name)
}

func (f *Faulty) MkdirAll(name string, perm fs.FileMode) error {
	if err := f.step("mkdir", name); err != nil {
		return err
	}
	return f.FS.MkdirAll(name, perm)
}

func (f *Faulty) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.step("readdir", name); err != nil {
		return nil, err
	}
	return f.FS.ReadDir(name)
}

func (f *Faulty) Rename(from, to string) error {
	if err := f.step("rename", from+" "+to); err != nil {
		return err
	}
	return f.FS.Rename(from, to)
}

func (f *Faulty) RenameNoReplace(from, to string) error {
	if err := f.step("rename-noreplace", from+" "+to); err != nil {
		return err
	}
	return f.FS.RenameNoReplace(from, to)
}

func (f *Faulty) Exchange(a, b string) error {
	if err := f.step("exchange", a+" "+b); err != nil {
		return err
	}
	return f.FS.Exchange(a, b)
}

func (f *Faulty) Remove(name string) error {
	if err := f.step("remove", name); err != nil {
		return err
	}
	return f.FS.Remove(name)
}

func (f *Faulty) SyncDir(name string) error {
	if err := f.step("syncdir", name); err != nil {
		return err
	}
	return f.FS.SyncDir(name)
}

func (f *Faulty) CreateTemp(dir, pattern string) (files.File, error) {
	if err := f.step("create", dir); err != nil {
		return nil, err
	}
	file, err := f.FS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultyFile{File: file, f: f}, nil
}

type faultyFile struct {
	files.File
	f *Faulty
}

func (w *faultyFile) Write(p []byte) (int, error) {
	if err := w.f.step("write", w.Name()); err != nil {
		if errors.Is(err, errDead) {
			return 0, err
		}
		// A full disk, or a kill, mid-write: half the bytes reach the file.
		n, _ := w.File.Write(p[:len(p)/2])
		return n, err
	}
	return w.File.Write(p)
}

func (w *faultyFile) Chmod(mode fs.FileMode) error {
	if err := w.f.step("chmod", w.Name()); err != nil {
		return err
	}
	return w.File.Chmod(mode)
}

func (w *faultyFile) Sync() error {
	if err := w.f.step("sync", w.Name()); err != nil {
		return err
	}
	return w.File.Sync()
}

func (w *faultyFile) Close() error {
	if err := w.f.step("close", w.Name()); err != nil {
		w.File.Close()
		return err
	}
	return w.File.Close()
}

// String describes the fault, for test names.
func (f *Faulty) String() string {
	mode := "fail"
	if f.Mode == Crash {
		mode = "crash"
	}
	return fmt.Sprintf("%s at step %d", mode, f.At)
}
