package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"bitext": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script: each runs
// the bitext command on a copy of this repository's article, message files
// and configuration, found in $WORK/repo.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			repo := filepath.Join(env.WorkDir, "repo")
			for _, p := range []string{"bitext.yaml", "source", "locales"} {
				if err := copyTree(filepath.Join("..", "..", p), filepath.Join(repo, p)); err != nil {
					return err
				}
			}
			env.Setenv("NO_COLOR", "1")
			env.Setenv("SOURCE_DATE_EPOCH", "1527033600")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"replace": cmdReplace,
		},
	})
}

// cmdReplace edits a file: replace FILE OLD NEW replaces the one
// occurrence of OLD with NEW (\n in either means a newline). It fails when
// OLD is missing or occurs more than once, so scenarios edit what they mean.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	old := strings.ReplaceAll(args[1], `\n`, "\n")
	repl := strings.ReplaceAll(args[2], `\n`, "\n")
	if n := bytes.Count(data, []byte(old)); n != 1 {
		ts.Fatalf("replace: %q occurs %d times in %s", old, n, args[0])
	}
	ts.Check(os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(repl), 1), 0o644))
}

// copyTree copies a file or folder, leaving out the project lock.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if d.Name() == "lock" || strings.HasSuffix(p, ".go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("copy %s: %w", p, err)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
