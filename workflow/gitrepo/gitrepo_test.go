package gitrepo

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newRepo makes a git repository in a temporary folder, with git kept
// from looking above it.
func newRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("BITEXT_REQUIRE_TOOLS") == "1" {
			t.Fatal("git is not installed")
		}
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	run(t, dir, "init", "-q")
	return dir
}

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %v: %s", args, out)
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
}

func TestIndexIsWhatIsStaged(t *testing.T) {
	repo := newRepo(t)
	write(t, repo, "docs/tr/bitext.yaml", "locales: [es]\n")
	write(t, repo, "docs/tr/locales/a.es.toml", "staged\n")
	write(t, repo, "docs/tr/source/a.md", "# A\n")
	write(t, repo, "outside.txt", "not in the project\n")
	run(t, repo, "add", ".")
	// The working tree moves on; the index does not.
	write(t, repo, "docs/tr/locales/a.es.toml", "working tree\n")
	write(t, repo, "docs/tr/locales/b.es.toml", "untracked\n")
	require.NoError(t, os.Remove(filepath.Join(repo, "docs/tr/source/a.md")))

	ix, err := Index(context.Background(), filepath.Join(repo, "docs", "tr"))
	require.NoError(t, err)
	data, err := fs.ReadFile(ix, "locales/a.es.toml")
	require.NoError(t, err)
	assert.Equal(t, "staged\n", string(data))
	data, err = fs.ReadFile(ix, "source/a.md")
	require.NoError(t, err, "a file deleted from the working tree but not the index is still staged")
	assert.Equal(t, "# A\n", string(data))
	_, err = fs.ReadFile(ix, "locales/b.es.toml")
	assert.ErrorIs(t, err, fs.ErrNotExist, "an untracked file is not staged")
	matches, err := fs.Glob(ix, "source/*.md")
	require.NoError(t, err)
	assert.Equal(t, []string{"source/a.md"}, matches)
	require.NoError(t, fstest.TestFS(ix, "bitext.yaml", "locales/a.es.toml", "source/a.md"))
}

func TestIndexRefusesConflictsAndLinks(t *testing.T) {
	repo := newRepo(t)
	write(t, repo, "a.txt", "base\n")
	run(t, repo, "add", ".")
	run(t, repo, "commit", "-qm", "base")
	run(t, repo, "checkout", "-qb", "other")
	write(t, repo, "a.txt", "other\n")
	run(t, repo, "commit", "-qam", "other")
	run(t, repo, "checkout", "-q", "-")
	write(t, repo, "a.txt", "mine\n")
	run(t, repo, "commit", "-qam", "mine")
	cmd := exec.Command("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "-q", "other")
	cmd.Dir = repo
	require.Error(t, cmd.Run(), "the merge conflicts")
	_, err := Index(context.Background(), repo)
	assert.ErrorContains(t, err, "a.txt has unresolved merge conflicts")

	repo = newRepo(t)
	write(t, repo, "target.toml", "x\n")
	require.NoError(t, os.Symlink("target.toml", filepath.Join(repo, "link.toml")))
	run(t, repo, "add", ".")
	ix, err := Index(context.Background(), repo)
	require.NoError(t, err)
	_, err = fs.ReadFile(ix, "link.toml")
	assert.ErrorContains(t, err, "symbolic link")
}

func TestPrefix(t *testing.T) {
	repo := newRepo(t)
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "docs", "tr"), 0o755))
	p, err := Prefix(context.Background(), filepath.Join(repo, "docs", "tr"))
	require.NoError(t, err)
	assert.Equal(t, "docs/tr", p)
	p, err = Prefix(context.Background(), repo)
	require.NoError(t, err)
	assert.Equal(t, "", p)

	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	_, err = Prefix(context.Background(), outside)
	assert.True(t, errors.Is(err, ErrNotRepo), "%v", err)
}

func TestHookEnvIsAbsolute(t *testing.T) {
	repo := newRepo(t)
	write(t, repo, "sub/a.txt", "staged\n")
	run(t, repo, "add", ".")
	// As git runs a hook: in the top of the work tree, GIT_INDEX_FILE
	// relative to it; bitext then reads the index from a folder below.
	t.Chdir(repo)
	t.Setenv("GIT_INDEX_FILE", ".git/index")
	ix, err := Index(context.Background(), "sub")
	require.NoError(t, err)
	data, err := fs.ReadFile(ix, "a.txt")
	require.NoError(t, err)
	assert.Equal(t, "staged\n", string(data))
}
