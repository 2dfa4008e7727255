package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// requireTool returns the path of a tool the test needs. Missing, the
// test skips, or fails with BITEXT_REQUIRE_TOOLS=1 (CI).
func requireTool(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("BITEXT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is not installed (%s), and BITEXT_REQUIRE_TOOLS=1", name, install)
		}
		t.Skipf("%s is not installed (%s)", name, install)
	}
	return p
}

// gitIn runs git in dir, with an identity and no configuration of the
// machine's.
func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=Ana", "GIT_AUTHOR_EMAIL=ana@example.com", "GIT_COMMITTER_NAME=Ana", "GIT_COMMITTER_EMAIL=ana@example.com")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %v: %s", args, out)
	return string(out)
}

// TestPreCommitHooksFile checks .pre-commit-hooks.yaml: the hooks run
// the gate the README gives hooks, once per commit.
func TestPreCommitHooksFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	require.NoError(t, err)
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		PassFilenames *bool  `yaml:"pass_filenames"`
	}
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	require.Len(t, hooks, 2)
	for _, h := range hooks {
		assert.Equal(t, "bitext check --staged --fail-on error --min-complete off", h.Entry, h.ID)
		require.NotNil(t, h.PassFilenames, h.ID)
		assert.False(t, *h.PassFilenames, "%s: bitext checks the whole project, once", h.ID)
	}
	assert.Equal(t, "golang", hooks[0].Language)
	assert.Equal(t, "system", hooks[1].Language)
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	assert.Contains(t, string(readme), "exec "+hooks[0].Entry, "the README's git hook is the same gate")
}

// TestPreCommitFramework runs the bitext-check hook with the pre-commit
// framework itself (pre-commit try-repo this repository), on a project
// repository: pre-commit builds bitext with go install, an English-only
// commit passes and a staged error is refused.
func TestPreCommitFramework(t *testing.T) {
	if testing.Short() {
		t.Skip("builds bitext through pre-commit")
	}
	requireTool(t, "pre-commit", "apt-get install pre-commit")
	requireTool(t, "go", "https://go.dev/dl")
	self, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	if err := exec.Command("git", "-C", self, "rev-parse", "--git-dir").Run(); err != nil {
		t.Skipf("this copy of bitext is not a git repository, which pre-commit needs: %v", err)
	}
	// pre-commit builds with its own GOPATH: keep the module and build
	// caches of this machine, so that nothing is downloaded twice.
	goEnv := func(key string) string {
		out, err := exec.Command("go", "env", key).Output()
		require.NoError(t, err)
		return strings.TrimSpace(string(out))
	}
	t.Setenv("GOMODCACHE", goEnv("GOMODCACHE"))
	t.Setenv("GOCACHE", goEnv("GOCACHE"))
	t.Setenv("PRE_COMMIT_HOME", t.TempDir())
	t.Setenv("PRE_COMMIT_COLOR", "never")
	t.Setenv("NO_COLOR", "1")

	dir := projectCopy(t, nil)
	gitIn(t, dir, "init", "-q")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-qm", "the project")
	tryRepo := func() (string, error) {
		cmd := exec.Command("pre-commit", "try-repo", self, "bitext-check", "--verbose")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	// The author's typo fix, staged: this project's bitext.yaml wants
	// Spanish complete, and the hook lets the commit through.
	editFile(t, filepath.Join(dir, testSrc), "Little of substance as to", "Little of substance on")
	gitIn(t, dir, "add", testSrc)
	out, err := tryRepo()
	require.NoError(t, err, out)
	assert.Contains(t, out, "warning [stale] p-the-presidential-debates-have-included")
	assert.Contains(t, out, "Passed")

	// A staged error is refused.
	editFile(t, filepath.Join(dir, esFile), "el 60 y el 80", "el 60 y el 90")
	gitIn(t, dir, "add", esFile)
	out, err = tryRepo()
	require.Error(t, err, out)
	assert.Contains(t, out, "error [numbers] p-mexicos-increasing-role-in-the")
	assert.Contains(t, out, "Failed")
}
