package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"bitext": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

var updateScripts = flag.Bool("update", false, "rewrite the files scripts compare output with")

// TestScripts runs the end-to-end scenarios in testdata/script: each runs
// the bitext command on a copy of this repository's article, message files
// and configuration, found in $WORK/repo.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *updateScripts,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			repo := filepath.Join(env.WorkDir, "repo")
			for _, p := range []string{"bitext.yaml", "source", "locales", "glossary"} {
				if err := copyTree(filepath.Join("..", "..", p), filepath.Join(repo, p)); err != nil {
					return err
				}
			}
			env.Setenv("NO_COLOR", "1")
			env.Setenv("SOURCE_DATE_EPOCH", "1527033600")
			// git finds no repository above $WORK, whatever holds the
			// tests, and reads no configuration but the scenario's.
			env.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(env.WorkDir))
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_AUTHOR_NAME", "Ana Traductora")
			env.Setenv("GIT_AUTHOR_EMAIL", "ana@example.com")
			env.Setenv("GIT_COMMITTER_NAME", "Ana Traductora")
			env.Setenv("GIT_COMMITTER_EMAIL", "ana@example.com")
			return nil
		},
		Condition: toolCondition,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"replace":         cmdReplace,
			"ids":             cmdIDs,
			"moveline":        cmdMoveLine,
			"deleteline":      cmdDeleteLine,
			"insertline":      cmdInsertLine,
			"checkjson":       cmdCheckJSON,
			"checkjunit":      cmdCheckJUnit,
			"stripjsonhashes": cmdStripJSONHashes,
		},
	})
}

// toolCondition is [tool:NAME], true when a tool the scenario needs is
// installed: an executable on PATH, or bash-completion (the library
// bash's completion scripts use). Missing, the line is skipped, and with
// BITEXT_REQUIRE_TOOLS=1 (CI) the scenario fails instead.
func toolCondition(cond string) (bool, error) {
	name, ok := strings.CutPrefix(cond, "tool:")
	if !ok {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	var err error
	switch {
	case name == "bash-completion":
		_, err = os.Stat(bashCompletion)
	case strings.HasPrefix(name, "/"):
		// A file a package installs, such as a font.
		_, err = os.Stat(name)
	default:
		_, err = exec.LookPath(name)
	}
	if err != nil && os.Getenv("BITEXT_REQUIRE_TOOLS") == "1" {
		return false, fmt.Errorf("%s is not installed, and BITEXT_REQUIRE_TOOLS=1", name)
	}
	return err == nil, nil
}

// bashCompletion is where Debian's bash-completion package puts its library.
const bashCompletion = "/usr/share/bash-completion/bash_completion"

// cmdReplace edits a file: replace FILE OLD NEW [N] replaces the one
// occurrence of OLD with NEW, or with NEW repeated N times (\n and \t in
// either mean a newline and a tab). It fails when OLD is missing or occurs
// more than once, so scenarios edit what they mean.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 && len(args) != 4 {
		ts.Fatalf("usage: replace FILE OLD NEW [N]")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	unescape := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace
	old, repl := unescape(args[1]), unescape(args[2])
	if len(args) == 4 {
		n, err := strconv.Atoi(args[3])
		ts.Check(err)
		repl = strings.Repeat(repl, n)
	}
	if n := bytes.Count(data, []byte(old)); n != 1 {
		ts.Fatalf("replace: %q occurs %d times in %s", old, n, args[0])
	}
	ts.Check(os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(repl), 1), 0o644))
}

// cmdStripJSONHashes rewrites a JSON locale file without its "hash"
// fields, as Weblate's go-i18n JSON writer saves one: stripjsonhashes FILE.
func cmdStripJSONHashes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: stripjsonhashes FILE")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	var keep []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), `"hash":`) {
			keep = append(keep, line)
		}
	}
	ts.Check(os.WriteFile(path, []byte(strings.Join(keep, "\n")), 0o644))
}

// cmdIDs prints the IDs of a TOML message file's entries, in file order,
// one per line: ids FILE.
func cmdIDs(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: ids FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			fmt.Fprintln(ts.Stdout(), strings.Trim(line, "[]"))
		}
	}
}

// lineIndex returns the index of the one line of lines that starts with
// prefix.
func lineIndex(ts *testscript.TestScript, lines []string, prefix string) int {
	at := -1
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			if at >= 0 {
				ts.Fatalf("more than one line starts with %q", prefix)
			}
			at = i
		}
	}
	if at < 0 {
		ts.Fatalf("no line starts with %q", prefix)
	}
	return at
}

func editLines(ts *testscript.TestScript, file string, f func([]string) []string) {
	path := ts.MkAbs(file)
	data, err := os.ReadFile(path)
	ts.Check(err)
	lines := strings.Split(string(data), "\n")
	ts.Check(os.WriteFile(path, []byte(strings.Join(f(lines), "\n")), 0o644))
}

// cmdMoveLine moves a paragraph of a plain-text source (one line) before
// another, with the blank line that follows it: moveline FILE PREFIX BEFORE.
func cmdMoveLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: moveline FILE PREFIX BEFORE-PREFIX")
	}
	editLines(ts, args[0], func(lines []string) []string {
		from := lineIndex(ts, lines, args[1])
		moved := append([]string(nil), lines[from:from+2]...)
		lines = append(lines[:from], lines[from+2:]...)
		to := lineIndex(ts, lines, args[2])
		return append(lines[:to], append(moved, lines[to:]...)...)
	})
}

// cmdDeleteLine deletes the line that starts with PREFIX and the blank
// line after it: deleteline FILE PREFIX.
func cmdDeleteLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: deleteline FILE PREFIX")
	}
	editLines(ts, args[0], func(lines []string) []string {
		at := lineIndex(ts, lines, args[1])
		return append(lines[:at], lines[at+2:]...)
	})
}

// cmdInsertLine inserts TEXT and a blank line before the line that starts
// with BEFORE: insertline FILE BEFORE TEXT.
func cmdInsertLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: insertline FILE BEFORE-PREFIX TEXT")
	}
	editLines(ts, args[0], func(lines []string) []string {
		at := lineIndex(ts, lines, args[1])
		return append(lines[:at], append([]string{args[2], ""}, lines[at:]...)...)
	})
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
