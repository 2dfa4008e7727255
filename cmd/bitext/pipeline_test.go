package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/project"
)

var pipelineRuns = flag.Int("pipeline", 24, "how many random projects TestPipelineNeverPanics runs through update, check and render")

// hostile are pieces of translation (and source) text that have broken
// parsers and renderers before: Markdown that does not close, links and
// raw HTML, template actions, note references, long runs.
var hostile = []string{
	"[^", "[^1]", "[^99]", "](", "](javascript:alert(1))", "[x](http://e.example/", "<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>", "{{", "}}", "{{.X}}", "*", "**", "_", "__", "~~", "`", "```", "\\", "&#x0;",
	"&lt;", "&#1234567;", "www.", "www.e.example", "https://", "mailto:", "a@b.example", "ftp://x", "<", ">", "|",
	"\u200b", "\u200d", "\u00ad", "\u202e", "\u2066", "\ufeff", "\u0301", "🇲🇽", "👩🏽‍⚖️", "𝔘", "𠀀", "\U000e0041",
	"\U000f0000", "\U0010fffd", "ﷺ", "\u0644\u0627", "עברית", "日本語", "नमस्ते", "\t", "  ", "%", "%s", "2,5", "1.000.000",
	"- ", "1. ", "> ", "# ", "---", "===", "\n", "¿", "¡", "«", "»", "“", "”", "(", ")", "[", "]",
}

// randomText makes text of up to n pieces: words, hostile pieces, and
// characters from every plane of Unicode.
func randomText(rng *rand.Rand, n int) string { return randomPieces(rng, n, hostile) }

// sourcePieces are the hostile pieces that keep a Markdown source to the
// blocks bitext reads (no code block, HTML block or note of its own): the
// source is the publisher's, the translations anyone's.
var sourcePieces = func() []string {
	var out []string
	for _, p := range hostile {
		if !strings.ContainsAny(p, "\n<`") && !strings.Contains(p, "[^") && strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}()

// randomSource makes source text of up to n pieces, one line.
func randomSource(rng *rand.Rand, n int) string {
	return strings.TrimSpace(randomPieces(rng, n, sourcePieces))
}

func randomPieces(rng *rand.Rand, n int, pieces []string) string {
	var b strings.Builder
	for range rng.IntN(n) + 1 {
		switch rng.IntN(4) {
		case 0:
			b.WriteString(pieces[rng.IntN(len(pieces))])
		case 1:
			b.WriteString([]string{"la", "frontera", "migrantes", "derechos", "2018", "80", "Esperanza"}[rng.IntN(7)])
		case 2:
			// A character from any plane, but never a surrogate or a
			// non-character, which UTF-8 text cannot hold.
			for {
				r := rune(rng.IntN(0x110000))
				if utf8.ValidRune(r) && r != 0 && (r&0xfffe) != 0xfffe {
					b.WriteRune(r)
					break
				}
			}
		default:
			b.WriteString(strings.Repeat(pieces[rng.IntN(len(pieces))], rng.IntN(200)))
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// pipelineTags are target locales the random projects use: those that
// broke rendering before, and any other that x/text parses.
func pipelineTags(rng *rand.Rand) string {
	fixed := []string{"es", "es-MX", "nah", "yua", "nv", "qaa", "ar", "he", "ja", "zh-Hant-TW", "sr-Latn", "hi", "fr-CA", "de-CH-1996", "en-x-private", "sgn-BE-FR"}
	if rng.IntN(2) == 0 {
		return fixed[rng.IntN(len(fixed))]
	}
	for {
		b := make([]byte, 2+rng.IntN(2))
		for i := range b {
			b[i] = byte('a' + rng.IntN(26))
		}
		if t, err := language.Parse(string(b)); err == nil && t != language.Und && t.String() != "en" {
			return t.String()
		}
	}
}

// TestPipelineNeverPanics runs random projects (sources and translations
// with characters from every plane, hostile Markdown, and target locales
// of every kind x/text parses) through update, check and every renderer,
// each as a process of its own: a command may refuse the input, with an
// error, but never panic.
func TestPipelineNeverPanics(t *testing.T) {
	if testing.Short() {
		t.Skip("runs whole commands; not in -short")
	}
	rng := rand.New(rand.NewPCG(8, uint64(*pipelineRuns)))
	var passed [4]atomic.Int32 // update, check, render, build
	t.Run("projects", func(t *testing.T) {
		for range *pipelineRuns {
			seed := rng.Uint64()
			t.Run(fmt.Sprint(seed), func(t *testing.T) {
				t.Parallel()
				runPipeline(t, seed, &passed)
			})
		}
	})
	t.Logf("%d random projects: update took %d, check passed or found something in %d, render wrote %d, build %d; the rest were refused with an error; no panic",
		*pipelineRuns, passed[0].Load(), passed[1].Load(), passed[2].Load(), passed[3].Load())
	// A generator whose sources are all refused would test nothing.
	require.Greater(t, int(passed[2].Load()), *pipelineRuns/2, "most random projects get as far as render")
}

func runPipeline(t *testing.T, seed uint64, passed *[4]atomic.Int32) {
	rng := rand.New(rand.NewPCG(seed, 1))
	dir := t.TempDir()
	tag := pipelineTags(rng)
	var src strings.Builder
	fmt.Fprintf(&src, "# %s\n\n", randomSource(rng, 6))
	notes := 0
	for range rng.IntN(6) + 1 {
		if rng.IntN(4) == 0 {
			fmt.Fprintf(&src, "## %s\n\n", randomSource(rng, 4))
		}
		text := randomSource(rng, 30)
		if rng.IntN(2) == 0 {
			notes++
			text += fmt.Sprintf("[^%d]", notes)
		}
		fmt.Fprintf(&src, "%s\n\n", text)
	}
	for n := 1; n <= notes; n++ {
		fmt.Fprintf(&src, "[^%d]: %s\n", n, randomSource(rng, 8))
	}
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "source"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "source", "doc.md"), []byte(src.String()), 0o644))
	config := fmt.Sprintf("sources: [source/*.md]\nlocales: [%q]\n", tag)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bitext.yaml"), []byte(config), 0o644))

	if !commandOK(t, dir, "update") {
		return // the source was refused, with an error
	}
	passed[0].Add(1)
	// Translate every unit with hostile text, as a translator could.
	cfg := project.Default()
	cfg.Sources, cfg.Locales = []string{"source/*.md"}, []string{tag}
	w, err := project.Load(project.Inputs{Root: os.DirFS(dir)}, cfg)
	require.NoError(t, err)
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			for i := range l.Entries {
				e := &l.Entries[i]
				e.Message.Other = strings.TrimSpace(randomText(rng, 40))
				if rng.IntN(3) == 0 {
					e.Message.Other = e.Unit.Text + " " + e.Message.Other
				}
				e.Message.Hash = e.Hash
				if rng.IntN(5) == 0 {
					e.Message.Hash = "sha1-0" // stale
				}
			}
		}
	}
	writes, err := w.Update()
	require.NoError(t, err)
	require.NoError(t, files.Apply(context.Background(), files.OS, dir, writes))
	// Random letters of scripts the PDF has no font for, or that it
	// cannot set, stop the PDF with an error (the other editions are
	// written): the PDF's refusal, not the input's, so render is
	// taken as having got there.
	for i, args := range [][]string{{"check"}, {"render", "--only", "html,md"}, {"build", "--only", "html,md"}} {
		if commandOK(t, dir, args...) {
			passed[i+1].Add(1)
		}
	}
	commandOK(t, dir, "render", "--only", "pdf")
}

// commandOK runs bitext in dir as a process of its own and fails the test
// on a panic or an exit code bitext does not use; it reports whether the
// command succeeded or found what it looks for (exit 0 or 1).
func commandOK(t *testing.T, dir string, args ...string) bool {
	t.Helper()
	cmd := bitextProcess(dir, args...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "panic:") || strings.Contains(string(out), "goroutine ") || code > 2 || code < 0 {
		src, _ := os.ReadFile(filepath.Join(dir, "source", "doc.md"))
		t.Fatalf("bitext %s: exit %d\n%s\nsource:\n%q", strings.Join(args, " "), code, out, src)
	}
	if code == 2 && os.Getenv("BITEXT_PIPELINE_DEBUG") != "" {
		t.Logf("%s: %s", strings.Join(args, " "), out)
	}
	if code == 2 && !strings.HasPrefix(string(out), "bitext: ") && !strings.Contains(string(out), "\nbitext: ") {
		t.Errorf("bitext %s: exit 2 without an error message:\n%s", strings.Join(args, " "), out)
	}
	return code < 2
}
