package files

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
)

// Write is one file to write, or remove, in a transaction.
type Write struct {
	// Path is slash-separated, relative to the project root.
	Path string
	// Data is the new content; nil when Remove is set.
	Data   []byte
	Remove bool
	// Old is the content the file had when it was read, and Existed says
	// whether it existed. A file that no longer holds Old is not touched:
	// someone saved it meanwhile.
	Old     []byte
	Existed bool
	// Prune marks a write that drops data which earlier writes of the same
	// transaction now hold (the history losing the translation of a unit
	// that came back, which the locale file just gained). It is made only
	// after those files are read back and found to hold what was written,
	// so that a save racing bitext can never take the only copy with it.
	Prune bool
}

// ErrChanged means a file changed on disk between bitext reading it and
// writing it.
var ErrChanged = errors.New("changed on disk since bitext read it")

// InterruptedError is a transaction stopped by a signal between two
// writes. What was written is consistent, because every prefix of a
// transaction is.
type InterruptedError struct {
	Done, Total int
	Cause       error
}

func (e *InterruptedError) Error() string {
	return fmt.Sprintf("interrupted (%v) after writing %d of %d files; nothing is lost and the files are consistent: run the command again to finish", e.Cause, e.Done, e.Total)
}

func (e *InterruptedError) Unwrap() error { return e.Cause }

// WriteError is a transaction that failed part way: a write failed
// (a full disk, a permission) after others were made.
type WriteError struct {
	Path        string
	Done, Total int
	Err         error
}

func (e *WriteError) Error() string {
	if e.Done == 0 {
		return fmt.Sprintf("write %s: %v; nothing was written", e.Path, e.Err)
	}
	return fmt.Sprintf("write %s: %v; %d of %d files were written before it, which loses nothing: fix the cause and run the command again to finish", e.Path, e.Err, e.Done, e.Total)
}

func (e *WriteError) Unwrap() error { return e.Err }

// tmpMark is in the name of every temporary file bitext makes, so that
// Cleanup can tell them from anyone else's.
const tmpMark = ".bitext-tmp-"

// tempPattern is the os.CreateTemp pattern of a temporary file next to path.
func tempPattern(path string) string { return "." + filepath.Base(path) + tmpMark + "*" }

// Apply makes writes under root, in their order, as one transaction:
//
//   - First every file is checked to still hold what was read: when one
//     does not, nothing is written.
//   - Each write is atomic (a temporary file, synced, then put in place),
//     and never replaces a save that lands while it is made: on Linux and
//     macOS the new file is exchanged with the old in one step and the old
//     one is compared with what was read; elsewhere the old one is moved
//     aside first, and the new one linked in only where nothing appeared.
//     A racing save always survives, and the write then fails with
//     ErrChanged.
//   - A write marked Prune is made only after every earlier write is read
//     back intact.
//   - ctx is checked between writes: a signal stops the transaction at a
//     file boundary, with an InterruptedError.
//
// The caller orders writes so that every prefix of them loses nothing
// (files that gain data before files that lose it); a failed write stops
// the transaction with a WriteError, and running the command again
// finishes it.
func Apply(ctx context.Context, fsys FS, root string, writes []Write) error {
	tx := &tx{fs: fsys}
	for _, w := range writes {
		p, err := tx.resolve(filepath.Join(root, filepath.FromSlash(w.Path)))
		if err != nil {
			return err
		}
		tx.real = append(tx.real, p)
	}
	// A file may be written more than once (the history: first gaining,
	// last losing): each later write starts from what the one before it
	// wrote, and only the first is checked against the disk.
	last := map[string]int{}
	for i, w := range writes {
		if j, ok := last[tx.real[i]]; ok {
			prev := writes[j]
			if prev.Remove == w.Existed || !prev.Remove && !bytes.Equal(prev.Data, w.Old) {
				return fmt.Errorf("write %s twice: the second write does not start from the first (a bug in bitext)", w.Path)
			}
		} else if err := check(fsys, tx.real[i], w.Old, w.Existed); err != nil {
			return err
		}
		last[tx.real[i]] = i
	}
	for i, w := range writes {
		if err := ctx.Err(); err != nil {
			tx.finish()
			return &InterruptedError{Done: i, Total: len(writes), Cause: context.Cause(ctx)}
		}
		if w.Prune {
			if err := tx.verify(writes[:i]); err != nil {
				tx.finish()
				return err
			}
		}
		var err error
		if w.Remove {
			err = tx.remove(tx.real[i], w)
		} else {
			err = tx.replace(tx.real[i], w)
		}
		if err != nil {
			tx.finish()
			if errors.Is(err, ErrChanged) {
				return err
			}
			return &WriteError{Path: w.Path, Done: i, Total: len(writes), Err: err}
		}
	}
	return tx.finish()
}

// WriteFile writes data to path atomically, creating its folder: for
// files bitext alone writes (the editions), which need no check against a
// racing save.
func WriteFile(fsys FS, path string, data []byte) error {
	tx := &tx{fs: fsys}
	p, err := tx.resolve(path)
	if err != nil {
		return err
	}
	tmp, err := tx.writeTemp(p, data)
	if err != nil {
		return err
	}
	if err := fsys.Rename(tmp, p); err != nil {
		fsys.Remove(tmp)
		return err
	}
	return fsys.SyncDir(filepath.Dir(p))
}

// tx is a transaction in progress.
type tx struct {
	fs   FS
	real []string // each write's path, symbolic links resolved
	// displaced are the old files that writes replaced, kept under
	// temporary names until the end so that a save that reached one of
	// them late is still seen.
	displaced []displaced
}

type displaced struct {
	tmp  string // where the old file is now
	at   string // where it was
	old  []byte // what it held when read
	data []byte // what was written in its place; nil for a removal
}

// resolve returns the path a write goes to: a symbolic link is written
// through to its target, never replaced by a copy.
func (tx *tx) resolve(p string) (string, error) {
	fi, err := tx.fs.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return p, nil
	}
	target, err := tx.fs.EvalSymlinks(p)
	if err != nil {
		return "", fmt.Errorf("%s is a symbolic link bitext cannot follow (%v); point it at an existing file or replace it with the file", p, err)
	}
	return target, nil
}

// check returns an error wrapping ErrChanged when the file at path no
// longer holds old (or, when existed is false, has appeared since).
func check(fsys FS, path string, old []byte, existed bool) error {
	now, err := fsys.ReadFile(path)
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

// raced is the error of a write that met a save landing while it was made.
func raced(path string) error {
	return fmt.Errorf("%s: %w while bitext was writing it (an editor saving it?); the save is kept as it was and bitext did not write this file: run the command again", path, ErrChanged)
}

func (tx *tx) writeTemp(path string, data []byte) (string, error) {
	dir := filepath.Dir(path)
	if err := tx.fs.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	perm := fs.FileMode(0o644)
	if fi, err := tx.fs.Lstat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	f, err := tx.fs.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return "", err
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		tx.fs.Remove(name)
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		tx.fs.Remove(name)
		return "", err
	}
	return name, nil
}

func (tx *tx) replace(path string, w Write) error {
	tmp, err := tx.writeTemp(path, w.Data)
	if err != nil {
		return err
	}
	if !w.Existed {
		return tx.create(path, tmp)
	}
	if err := check(tx.fs, path, w.Old, true); err != nil {
		tx.fs.Remove(tmp)
		return err
	}
	err = tx.fs.Exchange(tmp, path)
	if err == nil {
		// tmp now holds what was at path a moment ago.
		got, err := tx.fs.ReadFile(tmp)
		if err != nil || !bytes.Equal(got, w.Old) {
			if perr := tx.putBack(tmp, path, w.Data); err == nil || !errors.Is(perr, ErrChanged) {
				return perr
			}
			return err
		}
		tx.displaced = append(tx.displaced, displaced{tmp: tmp, at: path, old: w.Old, data: w.Data})
		return tx.fs.SyncDir(filepath.Dir(path))
	}
	if !errors.Is(err, errors.ErrUnsupported) {
		tx.fs.Remove(tmp)
		return err
	}
	// No atomic exchange here: move the old file aside (a rename takes
	// whatever is there at that instant), see what it was, and link the new
	// one in only if nothing appeared meanwhile.
	aside, err := tx.moveAside(path, w.Old)
	if err != nil {
		tx.fs.Remove(tmp)
		return err
	}
	if err := tx.create(path, tmp); err != nil {
		if errors.Is(err, ErrChanged) {
			// A save landed in the instant the path was free: it stays,
			// and the old file, which bitext had read, is not needed.
			tx.fs.Remove(aside)
			return err
		}
		if perr := tx.place(aside, path); perr != nil {
			return errors.Join(err, tx.keep(aside, path))
		}
		return err
	}
	tx.displaced = append(tx.displaced, displaced{tmp: aside, at: path, old: w.Old, data: w.Data})
	return nil
}

// create puts the finished temporary file tmp at path, where nothing was.
func (tx *tx) create(path, tmp string) error {
	if err := tx.place(tmp, path); err != nil {
		tx.fs.Remove(tmp)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w (it was created while bitext was writing it); it is kept as it is: run the command again", path, ErrChanged)
		}
		return err
	}
	return tx.fs.SyncDir(filepath.Dir(path))
}

// place moves the file at from to to, where nothing is, and fails with an
// error wrapping fs.ErrExist rather than replace a file that appeared
// there. On a system that cannot rename that way (none bitext knows of:
// Linux, macOS and Windows all can), it checks and renames, which leaves a
// moment for a save to be replaced.
func (tx *tx) place(from, to string) error {
	err := tx.fs.RenameNoReplace(from, to)
	if err == nil || !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	if _, err := tx.fs.Lstat(to); err == nil {
		return &fs.PathError{Op: "place", Path: to, Err: fs.ErrExist}
	}
	return tx.fs.Rename(from, to)
}

// moveAside renames the file at path to a temporary name and returns it,
// once it is seen to hold old. When it holds something else, it is put
// back and the error wraps ErrChanged.
func (tx *tx) moveAside(path string, old []byte) (string, error) {
	f, err := tx.fs.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return "", err
	}
	aside := f.Name()
	f.Close()
	if err := tx.fs.Rename(path, aside); err != nil {
		tx.fs.Remove(aside)
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s: %w (it was removed); run the command again", path, ErrChanged)
		}
		return "", err
	}
	if got, err := tx.fs.ReadFile(aside); err != nil || !bytes.Equal(got, old) {
		if err := tx.place(aside, path); err != nil {
			return "", tx.keep(aside, path)
		}
		return "", raced(path)
	}
	return aside, nil
}

// putBack undoes an exchange that displaced a racing save: the save goes
// back to path and bitext's new file is dropped.
func (tx *tx) putBack(tmp, path string, ours []byte) error {
	if err := tx.fs.Exchange(tmp, path); err != nil {
		return tx.keep(tmp, path)
	}
	if got, err := tx.fs.ReadFile(tmp); err == nil && bytes.Equal(got, ours) {
		tx.fs.Remove(tmp)
	} else {
		// A second save reached bitext's file in the instant it was in
		// place: keep that one too.
		return tx.keep(tmp, path)
	}
	return raced(path)
}

// keep gives a file that holds someone's save, and could not be put back
// where it belongs, a name beside it that no cleanup removes, and says so.
func (tx *tx) keep(tmp, path string) error {
	for n := 1; ; n++ {
		name := path + ".saved-" + strconv.Itoa(n)
		if _, err := tx.fs.Lstat(name); err == nil {
			continue
		}
		if err := tx.fs.Rename(tmp, name); err != nil {
			return fmt.Errorf("%s: %w while bitext was writing it; that save is in %s: compare it with %s and keep what you need", path, ErrChanged, tmp, path)
		}
		return fmt.Errorf("%s: %w while bitext was writing it; that save is kept in %s: compare it with %s and keep what you need", path, ErrChanged, name, path)
	}
}

func (tx *tx) remove(path string, w Write) error {
	aside, err := tx.moveAside(path, w.Old)
	if err != nil {
		return err
	}
	tx.displaced = append(tx.displaced, displaced{tmp: aside, at: path, old: w.Old})
	return tx.fs.SyncDir(filepath.Dir(path))
}

// verify reads back every file written so far and returns an error
// wrapping ErrChanged when one no longer holds what bitext wrote.
func (tx *tx) verify(done []Write) error {
	latest := map[string]int{}
	for i := range done {
		latest[tx.real[i]] = i
	}
	for i, w := range done {
		if w.Remove || latest[tx.real[i]] != i {
			continue
		}
		got, err := tx.fs.ReadFile(tx.real[i])
		if err != nil || !bytes.Equal(got, w.Data) {
			return fmt.Errorf("%s: %w while bitext was writing the project (an editor saving it?); bitext stopped before changing anything else, and nothing is lost: run the command again", w.Path, ErrChanged)
		}
	}
	for _, d := range tx.displaced {
		if got, err := tx.fs.ReadFile(d.tmp); err != nil || !bytes.Equal(got, d.old) {
			return fmt.Errorf("%s: %w while bitext was writing it (an editor saving it?); bitext stopped before changing anything else, and nothing is lost: run the command again", d.at, ErrChanged)
		}
	}
	return nil
}

// finish deletes the displaced old files, each after a last look. One
// that no longer holds what bitext read took a late save (an editor that
// had it open wrote into it): it is kept beside the file, never moved back,
// since the writes after it were made on the strength of this one.
func (tx *tx) finish() error {
	var errs []error
	for _, d := range tx.displaced {
		got, err := tx.fs.ReadFile(d.tmp)
		switch {
		case err == nil && bytes.Equal(got, d.old):
			tx.fs.Remove(d.tmp)
		case errors.Is(err, fs.ErrNotExist):
		default:
			errs = append(errs, tx.keep(d.tmp, d.at))
		}
	}
	tx.displaced = nil
	return errors.Join(errs...)
}

// Cleanup removes the temporary files that a run killed part way left in
// dirs, and returns their names. Call it holding the project lock, so that
// no other run's files are in progress. What they hold is never needed:
// a temporary file holds a new file that was not put in place, or an old
// one that was replaced once its content had been carried over.
func Cleanup(fsys FS, dirs ...string) ([]string, error) {
	var removed []string
	for _, dir := range dirs {
		entries, err := fsys.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return removed, err
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), tmpMark) {
				continue
			}
			p := filepath.Join(dir, e.Name())
			if err := fsys.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return removed, err
			}
			removed = append(removed, p)
		}
	}
	return removed, nil
}
