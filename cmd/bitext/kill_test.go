package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/files"
)

var kills = flag.Int("kills", 24, "how many runs TestKillAtRandom kills (half with SIGKILL, half with SIGTERM); raise it for a soak")

// mainEnv, set in the environment of the test binary, makes it run bitext
// itself: the kill test runs bitext as a process of its own.
const mainEnv = "BITEXT_TEST_RUN_MAIN"

// bitextProcess returns a command that runs bitext as its own process.
func bitextProcess(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), mainEnv+"=1", "NO_COLOR=1")
	return cmd
}

// killProject is a project of several copies of the shipped article, each
// with the scenario's translator comments and untranslated paragraph, so
// that an update writes dozens of files and a kill often lands in the
// middle of them.
func killProject(t *testing.T, copies int) string {
	dir := faultStart(t)
	src := readOr(dir, testSrc)
	es := readOr(dir, testES)
	en := readOr(dir, testEN)
	for i := 2; i <= copies; i++ {
		doc := fmt.Sprintf("%s-copy-%d", testDoc, i)
		for p, data := range map[string]string{
			"source/" + doc + ".txt":      src,
			"locales/" + doc + ".es.toml": strings.ReplaceAll(es, testDoc, doc),
			"locales/" + doc + ".en.toml": strings.ReplaceAll(en, testDoc, doc),
		} {
			require.NoError(t, os.WriteFile(filepath.Join(dir, p), []byte(data), 0o644))
		}
	}
	return dir
}

// editAll applies a step's edits to every source of dir (and to its
// bitext.yaml): prepare edits testSrc, so each source takes its place in
// turn in a scratch folder.
func editAll(t *testing.T, dir string, step faultStep, saved map[string]string) {
	if step.prepare == nil {
		return
	}
	matches, err := filepath.Glob(filepath.Join(dir, "source", "*.txt"))
	require.NoError(t, err)
	config := readOr(dir, "bitext.yaml")
	for _, m := range matches {
		tmp := t.TempDir()
		require.NoError(t, os.MkdirAll(filepath.Join(tmp, "source"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(tmp, "bitext.yaml"), []byte(config), 0o644))
		data, err := os.ReadFile(m)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(tmp, testSrc), data, 0o644))
		step.prepare(t, tmp, saved)
		require.NoError(t, os.WriteFile(m, []byte(readOr(tmp, testSrc)), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "bitext.yaml"), []byte(readOr(tmp, "bitext.yaml")), 0o644))
	}
}

// TestKillAtRandom runs each command of the fault scenario as a process of
// its own, on a project of several documents, and kills it at a random
// moment, with SIGKILL (nothing runs after it) or SIGTERM (bitext finishes
// the file it is writing and stops). Nothing translators made is lost, a
// SIGTERM leaves no temporary file, and running the command again gives
// the files a run without a kill gives.
func TestKillAtRandom(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes; not in -short")
	}
	rng := rand.New(rand.NewPCG(2026, uint64(*kills)))
	start := killProject(t, 6)
	steps := faultScenario()
	perStep := max(1, *kills/len(steps))
	state := start
	keep := t.TempDir()
	saved := map[string]string{}
	killed, finished, landed := 0, 0, 0
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			pre := t.TempDir()
			require.NoError(t, copyTree(state, pre))
			editAll(t, pre, step, saved)
			before := takeInventory(t, pre)

			ref := t.TempDir()
			require.NoError(t, copyTree(pre, ref))
			began := time.Now()
			out, err := bitextProcess(ref, step.args...).CombinedOutput()
			require.NoError(t, err, "%s", out)
			took := time.Since(began)
			want := localeFiles(t, ref)

			for i := range perStep {
				dir := t.TempDir()
				require.NoError(t, copyTree(pre, dir))
				cmd := bitextProcess(dir, step.args...)
				var buf bytes.Buffer
				cmd.Stdout, cmd.Stderr = &buf, &buf
				require.NoError(t, cmd.Start())
				sig := syscall.SIGKILL
				if i%2 == 1 {
					sig = syscall.SIGTERM
				}
				time.Sleep(time.Duration(rng.Int64N(int64(took))))
				_ = cmd.Process.Signal(sig)
				err := cmd.Wait()
				var ee *exec.ExitError
				switch {
				case err == nil:
					finished++
				case errors.As(err, &ee):
					killed++
					if sig == syscall.SIGTERM {
						if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Exited() {
							assert.Equal(t, exitInterrupted, ws.ExitStatus(), "SIGTERM: %s", buf.String())
						}
					}
				default:
					t.Fatal(err)
				}
				if strings.Contains(buf.String(), "finishing the file being written") {
					landed++
				}
				if lost := before.lost(takeInventory(t, dir)); len(lost) > 0 {
					t.Errorf("%v during %s lost: %v\n%s", sig, strings.Join(step.args, " "), lost, buf.String())
				}
				if sig == syscall.SIGTERM {
					assert.NotContains(t, strings.Join(tempFiles(t, dir), " "), ".bitext-tmp-", "SIGTERM leaves no temporary file: %s", buf.String())
				}
				code, rout := runThrough(files.OS, dir, step.args...)
				require.Equal(t, 0, code, rout)
				assert.Equal(t, want, localeFiles(t, dir), "after %v: running again repairs the half-done state", sig)
			}
			state = filepath.Join(keep, strings.ReplaceAll(step.name, " ", "-"))
			require.NoError(t, copyTree(ref, state))
		})
	}
	t.Logf("%d runs killed (SIGKILL or SIGTERM), %d finished before the signal, %d SIGTERMs landed during a write; nothing lost", killed, finished, landed)
}

// tempFiles lists the files under dir/locales with bitext's temporary
// mark.
func tempFiles(t *testing.T, dir string) []string {
	var out []string
	require.NoError(t, filepath.Walk(filepath.Join(dir, "locales"), func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.Contains(info.Name(), ".bitext-tmp-") {
			out = append(out, p)
		}
		return err
	}))
	return out
}

var races = flag.Int("races", 20, "how many editor saves TestSavesRacingUpdate races against bitext update, half in place and half rename-style")

// TestSavesRacingUpdate saves the Spanish file, as an editor would, at a
// random moment while bitext update rewrites it: in place (open, truncate,
// write) or rename-style (a new file renamed over it). The save always
// survives: update either finished before it, or refused and left it.
func TestSavesRacingUpdate(t *testing.T) {
	if testing.Short() {
		t.Skip("races saves against updates; not in -short")
	}
	rng := rand.New(rand.NewPCG(7, uint64(*races)))
	base := killProject(t, 4)
	editFile(t, filepath.Join(base, testSrc), "Little of substance as to", "Little of substance on")
	ref := t.TempDir()
	require.NoError(t, copyTree(base, ref))
	began := time.Now()
	code, out := runThrough(files.OS, ref, "update")
	require.Equal(t, 0, code, out)
	took := time.Since(began)
	es := readOr(base, testES)
	lost, refused, after := 0, 0, 0
	for i := range *races {
		dir := t.TempDir()
		require.NoError(t, copyTree(base, dir))
		mine := strings.Replace(es, "[title]", fmt.Sprintf("# save %d\n[title]", i), 1)
		delay := time.Duration(rng.Int64N(int64(took)))
		done := make(chan string)
		go func() {
			_, out := runThrough(files.OS, dir, "update")
			done <- out
		}()
		time.Sleep(delay)
		require.NoError(t, save(filepath.Join(dir, testES), []byte(mine), i%2 == 1))
		out := <-done
		got := readOr(dir, testES)
		switch {
		case !strings.Contains(got, fmt.Sprintf("# save %d\n", i)):
			lost++
			t.Errorf("save %d (rename-style %v, after %v) lost:\n%s", i, i%2 == 1, delay, out)
		case strings.Contains(out, "changed on disk"):
			refused++
		default:
			after++
		}
	}
	t.Logf("%d saves raced a %d-file update: %d lost, %d refused by bitext, %d landed after its write", *races, len(localeFiles(t, ref)), lost, refused, after)
}

// save writes a file as an editor does: in place, or by writing a new file
// and renaming it over the old.
func save(p string, data []byte, renameStyle bool) error {
	if !renameStyle {
		return os.WriteFile(p, data, 0o644)
	}
	tmp := filepath.Join(filepath.Dir(p), "editor-save.tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}
