package files_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/files/filestest"
)

func read(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(data)
}

// leftovers lists the files of dir other than want.
func leftovers(t *testing.T, dir string, want ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var extra []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() && !contains(want, name) {
			extra = append(extra, name)
		}
	}
	return extra
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestApply(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.toml"), []byte("a1"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "gone.toml"), []byte("g"), 0o644))
	err := files.Apply(context.Background(), files.OS, dir, []files.Write{
		{Path: "a.toml", Data: []byte("a2"), Old: []byte("a1"), Existed: true},
		{Path: "sub/new.toml", Data: []byte("n")},
		{Path: "gone.toml", Remove: true, Old: []byte("g"), Existed: true},
	})
	require.NoError(t, err)
	assert.Equal(t, "a2", read(t, filepath.Join(dir, "a.toml")))
	assert.Equal(t, "n", read(t, filepath.Join(dir, "sub", "new.toml")))
	assert.NoFileExists(t, filepath.Join(dir, "gone.toml"))
	fi, err := os.Stat(filepath.Join(dir, "a.toml"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "an existing file keeps its permissions")
	assert.Empty(t, leftovers(t, dir, "a.toml"), "no temporary file is left behind")
}

func TestApplyRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.es.toml")
	require.NoError(t, os.WriteFile(p, []byte("saved by an editor"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.toml"), []byte("b"), 0o644))
	writes := []files.Write{
		{Path: "b.toml", Data: []byte("b2"), Old: []byte("b"), Existed: true},
		{Path: "a.es.toml", Data: []byte("bitext's update"), Old: []byte("read by bitext"), Existed: true},
	}
	err := files.Apply(context.Background(), files.OS, dir, writes)
	require.ErrorIs(t, err, files.ErrChanged)
	assert.ErrorContains(t, err, "nothing was written")
	assert.Equal(t, "saved by an editor", read(t, p))
	assert.Equal(t, "b", read(t, filepath.Join(dir, "b.toml")), "no file is written when one of them changed")

	// A file that appeared since it was found missing is not clobbered,
	// nor is a file removed by someone else silently recreated.
	q := filepath.Join(dir, "new.toml")
	require.NoError(t, os.WriteFile(q, []byte("someone else's"), 0o644))
	assert.ErrorIs(t, files.Apply(context.Background(), files.OS, dir, []files.Write{{Path: "new.toml", Data: []byte("x")}}), files.ErrChanged)
	assert.Equal(t, "someone else's", read(t, q))
	assert.ErrorIs(t, files.Apply(context.Background(), files.OS, dir, []files.Write{{Path: "gone.toml", Data: []byte("x"), Old: []byte("old"), Existed: true}}), files.ErrChanged)
	assert.NoFileExists(t, filepath.Join(dir, "gone.toml"))
}

// TestSymlink writes a locale file that is a symbolic link: the target
// gets the new content and the link stays a link.
func TestSymlink(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared")
	require.NoError(t, os.MkdirAll(shared, 0o755))
	target := filepath.Join(shared, "a.es.toml")
	require.NoError(t, os.WriteFile(target, []byte("old"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "locales"), 0o755))
	link := filepath.Join(dir, "locales", "a.es.toml")
	require.NoError(t, os.Symlink("../shared/a.es.toml", link))

	require.NoError(t, files.Apply(context.Background(), files.OS, dir, []files.Write{{Path: "locales/a.es.toml", Data: []byte("new"), Old: []byte("old"), Existed: true}}))
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.True(t, fi.Mode()&fs.ModeSymlink != 0, "the link is still a link")
	assert.Equal(t, "new", read(t, target))
	assert.Empty(t, leftovers(t, shared, "a.es.toml"))
	assert.Empty(t, leftovers(t, filepath.Join(dir, "locales"), "a.es.toml"))

	require.NoError(t, os.Remove(target))
	err = files.Apply(context.Background(), files.OS, dir, []files.Write{{Path: "locales/a.es.toml", Data: []byte("x"), Old: []byte("new"), Existed: true}})
	require.Error(t, err)
	assert.ErrorContains(t, err, "symbolic link")
	assert.NoFileExists(t, target, "a dangling link is not filled in")
}

// noExchange is a file system without an atomic exchange (Windows, old
// kernels), and optionally without a rename that refuses to replace (none
// known: then a save landing in one instant can be lost).
type noExchange struct {
	files.FS
	noNoReplace bool
}

func (noExchange) Exchange(a, b string) error { return fmt.Errorf("test: %w", errors.ErrUnsupported) }

func (n noExchange) RenameNoReplace(from, to string) error {
	if n.noNoReplace {
		return fmt.Errorf("test: %w", errors.ErrUnsupported)
	}
	return n.FS.RenameNoReplace(from, to)
}

// systems are the ways the writer puts a file in place without ever
// replacing a racing save.
var systems = []struct {
	name string
	fs   files.FS
}{
	{"exchange", files.OS},
	{"move aside", noExchange{FS: files.OS}},
}

// TestNoAtomicRename writes on a system with no safe rename at all: the
// writes still happen, and a save made before them is still refused.
func TestNoAtomicRename(t *testing.T) {
	fsys := noExchange{FS: files.OS, noNoReplace: true}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.toml")
	require.NoError(t, os.WriteFile(p, []byte("a1"), 0o644))
	require.NoError(t, files.Apply(context.Background(), fsys, dir, []files.Write{
		{Path: "a.toml", Data: []byte("a2"), Old: []byte("a1"), Existed: true},
		{Path: "b.toml", Data: []byte("b")},
	}))
	assert.Equal(t, "a2", read(t, p))
	assert.Equal(t, "b", read(t, filepath.Join(dir, "b.toml")))
	require.NoError(t, os.WriteFile(p, []byte("saved"), 0o644))
	assert.ErrorIs(t, files.Apply(context.Background(), fsys, dir, []files.Write{{Path: "a.toml", Data: []byte("a3"), Old: []byte("a2"), Existed: true}}), files.ErrChanged)
	assert.Equal(t, "saved", read(t, p))
	assert.Empty(t, leftovers(t, dir, "a.toml", "b.toml"))
}

// save writes a file as an editor does: in place (open, truncate, write)
// or by writing a new file and renaming it over the old.
func save(p string, data []byte, renameStyle bool) error {
	if !renameStyle {
		return os.WriteFile(p, data, 0o644)
	}
	tmp := p + "~editor"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// TestSaveAtEveryStep lands an editor's save before each step the writer
// takes, in turn: the save always survives in place. bitext's write either
// landed before it (and the save then replaced it) or was refused.
func TestSaveAtEveryStep(t *testing.T) {
	for _, sys := range systems {
		for _, renameStyle := range []bool{false, true} {
			for _, remove := range []bool{false, true} {
				name := fmt.Sprintf("%s/rename=%v/remove=%v", sys.name, renameStyle, remove)
				t.Run(name, func(t *testing.T) {
					w := files.Write{Path: "a.es.toml", Data: []byte("bitext's update"), Old: []byte("read by bitext"), Existed: true, Remove: remove}
					if remove {
						w.Data = nil
					}
					count := &filestest.Faulty{FS: sys.fs}
					dir := t.TempDir()
					p := filepath.Join(dir, "a.es.toml")
					require.NoError(t, os.WriteFile(p, w.Old, 0o644))
					require.NoError(t, files.Apply(context.Background(), count, dir, []files.Write{w}))
					steps := count.Steps()
					require.Greater(t, steps, 3)
					for k := 1; k <= steps+1; k++ {
						dir := t.TempDir()
						p := filepath.Join(dir, "a.es.toml")
						require.NoError(t, os.WriteFile(p, w.Old, 0o644))
						mine := []byte(fmt.Sprintf("the translator's save before step %d", k))
						f := &filestest.Faulty{FS: sys.fs, Before: func(step int, op, path string) {
							if step == k {
								require.NoError(t, save(p, mine, renameStyle))
							}
						}}
						err := files.Apply(context.Background(), f, dir, []files.Write{w})
						if k > steps {
							require.NoError(t, save(p, mine, renameStyle)) // after bitext's run
						}
						got, rerr := os.ReadFile(p)
						require.NoError(t, rerr, "step %d: the file must exist (log: %v)", k, f.Log())
						assert.Equal(t, string(mine), string(got), "step %d (%v): the save survives in place (err: %v)", k, f.Log(), err)
						if err != nil {
							assert.ErrorIs(t, err, files.ErrChanged, "step %d", k)
						}
						assert.Empty(t, leftovers(t, dir, "a.es.toml", "a.es.toml~editor"), "step %d: no file left behind", k)
					}
				})
			}
		}
	}
}

// TestRacingSaves races real saves against real writes, in place and
// rename-style, 1,000 each on every system: no save is ever lost. An
// in-place save can open the file an instant before bitext swaps it out
// and write into the old file after bitext has looked at it; that save
// cannot be put in place without replacing bitext's write, so it is kept
// beside the file as .saved-N and the write fails saying so (both
// versions kept, never silently lost).
func TestRacingSaves(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	// About the size of a 3,000-unit locale file's slice of work.
	old := bytes.Repeat([]byte("[p-id]\nother = \"una traducción\"\n\n"), 3000)
	ours := append(bytes.Clone(old), "# bitext\n"...)
	for _, sys := range systems {
		for _, renameStyle := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/rename=%v", sys.name, renameStyle), func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				p := filepath.Join(dir, "a.es.toml")
				lost, refused, kept, landedAfter := 0, 0, 0, 0
				rng := rand.New(rand.NewPCG(1, uint64(n)))
				for i := range n {
					require.NoError(t, os.WriteFile(p, old, 0o644))
					mine := fmt.Appendf(bytes.Clone(old), "# save %d\n", i)
					delay := time.Duration(rng.IntN(400)) * time.Microsecond
					var wg sync.WaitGroup
					var err error
					wg.Go(func() {
						err = files.Apply(context.Background(), sys.fs, dir, []files.Write{{Path: "a.es.toml", Data: ours, Old: old, Existed: true}})
					})
					wg.Go(func() {
						time.Sleep(delay)
						if serr := save(p, mine, renameStyle); serr != nil {
							t.Error(serr)
						}
					})
					wg.Wait()
					got, _ := os.ReadFile(p)
					saved, _ := os.ReadFile(p + ".saved-1")
					switch {
					case !bytes.Equal(got, mine) && bytes.Equal(saved, mine) && errors.Is(err, files.ErrChanged) && strings.Contains(err.Error(), "a.es.toml.saved-1"):
						kept++
						require.NoError(t, os.Remove(p+".saved-1"))
					case !bytes.Equal(got, mine):
						lost++
					case err != nil:
						require.ErrorIs(t, err, files.ErrChanged)
						refused++
					default:
						landedAfter++
					}
				}
				t.Logf("%d racing saves: %d lost, %d refused by bitext, %d kept beside the file and reported, %d landed after its write", n, lost, refused, kept, landedAfter)
				if renameStyle {
					assert.Zero(t, kept, "a rename-style save never writes into the file bitext swapped out")
				}
				assert.Zero(t, lost, "saves lost")
				assert.Empty(t, leftovers(t, dir, "a.es.toml", "a.es.toml~editor"))
			})
		}
	}
}

// TestFaultAtEveryStep fails, then kills, each step of a transaction in
// turn: the files hold either what they held or what was written, never a
// part, and the error says what to do.
func TestFaultAtEveryStep(t *testing.T) {
	writes := []files.Write{
		{Path: "history.json", Data: []byte("union"), Old: []byte("h0"), Existed: true},
		{Path: "a.es.toml", Data: []byte("es1"), Old: []byte("es0"), Existed: true},
		{Path: "a.fr.yaml", Data: []byte("fr1")},
		{Path: "a.fr.toml", Remove: true, Old: []byte("fr0"), Existed: true, Prune: true},
	}
	setup := func(dir string) {
		for name, data := range map[string]string{"history.json": "h0", "a.es.toml": "es0", "a.fr.toml": "fr0"} {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
		}
	}
	count := &filestest.Faulty{FS: files.OS}
	dir := t.TempDir()
	setup(dir)
	require.NoError(t, files.Apply(context.Background(), count, dir, writes))
	for _, mode := range []filestest.Mode{filestest.Fail, filestest.Crash} {
		for k := 1; k <= count.Steps(); k++ {
			f := &filestest.Faulty{FS: files.OS, At: k, Mode: mode}
			dir := t.TempDir()
			setup(dir)
			err := files.Apply(context.Background(), f, dir, writes)
			for _, w := range writes {
				got, rerr := os.ReadFile(filepath.Join(dir, w.Path))
				switch {
				case errors.Is(rerr, fs.ErrNotExist):
					assert.True(t, !w.Existed || w.Remove, "%v: %s is gone", f, w.Path)
				case w.Existed:
					assert.Contains(t, []string{string(w.Old), string(w.Data)}, string(got), "%v: %s", f, w.Path)
				default:
					assert.Equal(t, string(w.Data), string(got), "%v: %s", f, w.Path)
				}
			}
			if err == nil {
				// Some steps may fail harmlessly (removing a temporary file).
				continue
			}
			if mode == filestest.Fail {
				var we *files.WriteError
				if errors.As(err, &we) && we.Done > 0 {
					assert.ErrorContains(t, err, "run the command again", "%v", f)
				}
				assert.NotContains(t, strings.Join(leftovers(t, dir, "history.json", "a.es.toml", "a.fr.yaml", "a.fr.toml"), " "), ".bitext-tmp-", "%v: a failed write cleans up after itself", f)
			} else {
				// A killed run may leave temporary files; the next run
				// removes them.
				removed, err := files.Cleanup(files.OS, dir)
				require.NoError(t, err)
				for _, r := range removed {
					assert.Contains(t, r, ".bitext-tmp-")
				}
				assert.Empty(t, leftovers(t, dir, "history.json", "a.es.toml", "a.fr.yaml", "a.fr.toml"), "%v", f)
			}
		}
	}
}

// TestPruneWaitsForVerifiedWrites makes an editor replace a locale file
// bitext just wrote: the history write that would drop what the locale
// file gained is not made.
func TestPruneWaitsForVerifiedWrites(t *testing.T) {
	dir := t.TempDir()
	es := filepath.Join(dir, "a.es.toml")
	require.NoError(t, os.WriteFile(es, []byte("es0"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "h.json"), []byte("union"), 0o644))
	writes := []files.Write{
		{Path: "a.es.toml", Data: []byte("es1 with a restored translation"), Old: []byte("es0"), Existed: true},
		{Path: "h.json", Data: []byte("pruned"), Old: []byte("union"), Existed: true, Prune: true},
	}
	editorDone := false
	f := &filestest.Faulty{FS: files.OS, Before: func(step int, op, path string) {
		if !editorDone && op == "read" && strings.HasSuffix(path, "a.es.toml") && read(t, es) != "es0" {
			// The editor had the old file open and saves it back.
			require.NoError(t, save(es, []byte("es0 and the translator's edit"), true))
			editorDone = true
		}
	}}
	err := files.Apply(context.Background(), f, dir, writes)
	require.ErrorIs(t, err, files.ErrChanged)
	assert.Equal(t, "union", read(t, filepath.Join(dir, "h.json")), "the history keeps what the locale file lost")
	assert.Equal(t, "es0 and the translator's edit", read(t, es))
}

func TestInterrupted(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancelCause(context.Background())
	f := &filestest.Faulty{FS: files.OS, Before: func(step int, op, path string) {
		if op == "syncdir" {
			cancel(errors.New("interrupt"))
		}
	}}
	err := files.Apply(ctx, f, dir, []files.Write{{Path: "one", Data: []byte("1")}, {Path: "two", Data: []byte("2")}})
	var ie *files.InterruptedError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 1, ie.Done)
	assert.ErrorContains(t, err, "run the command again")
	assert.Equal(t, "1", read(t, filepath.Join(dir, "one")), "the write in progress is finished")
	assert.NoFileExists(t, filepath.Join(dir, "two"))
}

func TestCleanup(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".a.es.toml.bitext-tmp-123", "a.es.toml", ".gitignore", "a.es.toml.saved-1"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), nil, 0o644))
	}
	removed, err := files.Cleanup(files.OS, dir, filepath.Join(dir, "missing"))
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, ".a.es.toml.bitext-tmp-123")}, removed)
	assert.ElementsMatch(t, []string{"a.es.toml", ".gitignore", "a.es.toml.saved-1"}, leftovers(t, dir))
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out", "a.html")
	require.NoError(t, files.WriteFile(files.OS, p, []byte("one")))
	require.NoError(t, files.WriteFile(files.OS, p, []byte("two")))
	assert.Equal(t, "two", read(t, p))
	assert.Empty(t, leftovers(t, filepath.Dir(p), "a.html"))
}

func TestLock(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".bitext", "lock")
	unlock, err := files.Lock(p, 0)
	require.NoError(t, err)

	_, err = files.Lock(p, 100*time.Millisecond)
	require.ErrorIs(t, err, files.ErrLocked)

	got := make(chan error, 1)
	go func() {
		u, err := files.Lock(p, 5*time.Second)
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

// TestLockErrors: a lock that cannot be taken says why, and does not
// blame another run.
func TestLockErrors(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "locales")
	require.NoError(t, os.WriteFile(blocker, []byte("a file where a folder should be"), 0o644))
	_, err := files.Lock(filepath.Join(blocker, ".bitext", "lock"), 0)
	require.Error(t, err)
	assert.NotErrorIs(t, err, files.ErrLocked)
	assert.ErrorContains(t, err, "cannot take the project lock")

	for _, tc := range []struct {
		err  error
		want string
	}{
		{syscall.EROFS, "the disk is read-only"},
		{syscall.EACCES, "permission denied"},
		{syscall.EPERM, "permission denied"},
	} {
		msg := files.LockErrorForTest("locales/.bitext/lock", &fs.PathError{Op: "open", Path: "locales/.bitext/lock", Err: tc.err}).Error()
		assert.Contains(t, msg, tc.want)
		assert.NotContains(t, msg, "another bitext run")
	}
}
