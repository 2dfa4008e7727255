package gitrepo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNotRepo is returned for a folder that is in no git work tree, or
// when git is not installed.
var ErrNotRepo = errors.New("not in a git repository")

// Prefix returns the slash path of dir from the top of its git work tree:
// "" at the top, "docs/translations" in that folder.
func Prefix(ctx context.Context, dir string) (string, error) {
	out, err := git(ctx, dir, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(strings.TrimSpace(string(out)), "/"), nil
}

// git runs git in dir with the given standard input and returns its
// standard output. A folder outside any work tree, or no git at all, is
// ErrNotRepo.
func git(ctx context.Context, dir string, stdin []byte, args ...string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%w (git is not installed)", ErrNotRepo)
	}
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = hookEnv()
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "not a git repository") {
			return nil, fmt.Errorf("%s: %w", dir, ErrNotRepo)
		}
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.Bytes(), nil
}

// hookEnv is the environment with git's path variables made absolute:
// git runs a hook in the top of the work tree with some of them relative
// to it (GIT_INDEX_FILE=.git/index), and bitext runs git in the project
// folder, which may be below.
func hookEnv() []string {
	env := os.Environ()
	wd, err := os.Getwd()
	if err != nil {
		return env
	}
	for i, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR":
			if v != "" && !filepath.IsAbs(v) {
				env[i] = k + "=" + filepath.Join(wd, v)
			}
		}
	}
	return env
}

// UserName returns git's user.name for dir (its repository's, else the
// user's), or "" when none is set.
func UserName(ctx context.Context, dir string) (string, error) {
	out, err := git(ctx, dir, nil, "config", "user.name")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}
