package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/files"
)

// globalOptions are the flags every command takes.
type globalOptions struct {
	configFile string
	dir        string
	stdin      io.Reader
	stdout     io.Writer
	stderr     io.Writer

	// quiet drops progress lines and notices from stderr; verbose adds
	// detail there. color is auto, always or never (see useColor).
	quiet   bool
	verbose bool
	color   string
	// staged reads the project from the git index (check --staged).
	staged bool

	// fs is the file system writes go through; interrupts, when set,
	// turns Ctrl-C during a write into a clean stop (see interrupts).
	fs         files.FS
	interrupts *interrupts

	cpuProfile  string
	stopProfile func()
}

func newRootCmd(e env, stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globalOptions{stdin: stdin, stdout: stdout, stderr: stderr, fs: e.fs, interrupts: e.interrupts}
	cmd := &cobra.Command{
		Use:   "bitext",
		Short: "Translate articles and publish them as parallel-language editions",
		Long: `bitext cuts articles into translation units with stable IDs, keeps their
translations in go-i18n message files (locales/<doc>.<locale>.toml), shows
translators what changed when the source changes, checks translations, and
renders aligned bilingual editions.

Configuration comes from bitext.yaml in the project folder, BITEXT_*
environment variables (BITEXT_LOCALES=es,fr) and flags, flags winning.

Results go to standard output (--format json where a command has it);
progress, notices and errors go to standard error. Exit codes: 0 ok,
1 findings or a failed gate, 2 a usage, configuration or input error.`,
		Example: `  bitext build                 # update, check and render the project
  bitext status                # how far each translation has come
  bitext accept es p-mexico-faces-a-potentially-historic
  bitext -C docs/translations check --format github
  bitext completion bash > /etc/bash_completion.d/bitext`,
		Version:       versionInfo().String(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.SetVersionTemplate("{{.Version}}\n")
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	f := cmd.PersistentFlags()
	f.StringVar(&g.configFile, "config", "", "configuration file (default: bitext.yaml in the project folder)")
	f.StringVarP(&g.dir, "dir", "C", ".", "project folder")
	f.String("source-locale", "", "language of the sources (config: source_locale)")
	f.StringSlice("locales", nil, "target languages, comma-separated (config: locales)")
	f.String("message-format", "", "locale file format: toml, json or yaml (config: message_format)")
	f.String("by", "", "who is working, for the review records: who translated and reviewed each unit (config: user; default: git config user.name)")
	f.BoolVarP(&g.quiet, "quiet", "q", false, "print no progress or notices, only results, warnings and errors")
	f.BoolVarP(&g.verbose, "verbose", "v", false, "say more about what bitext reads and decides, on standard error")
	f.StringVar(&g.color, "color", "auto", "colour the text output: auto (on a terminal), always or never; NO_COLOR turns it off, FORCE_COLOR on")
	cmd.MarkFlagsMutuallyExclusive("quiet", "verbose")
	f.StringVar(&g.cpuProfile, "cpuprofile", "", "write a CPU profile to this file (for benchmarking bitext itself)")
	_ = f.MarkHidden("cpuprofile")
	cmd.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		switch g.color {
		case "auto", "always", "never":
		default:
			return fmt.Errorf("--color %q: use auto, always or never", g.color)
		}
		if g.cpuProfile == "" {
			return nil
		}
		f, err := os.Create(g.cpuProfile)
		if err != nil {
			return err
		}
		g.stopProfile = func() {
			pprof.StopCPUProfile()
			f.Close()
		}
		return pprof.StartCPUProfile(f)
	}
	cmd.PersistentPostRun = func(cmd *cobra.Command, args []string) {
		if g.stopProfile != nil {
			g.stopProfile()
		}
	}

	cmd.AddCommand(
		newUpdateCmd(g),
		newStatusCmd(g),
		newAcceptCmd(g),
		newReviewCmd(g),
		newCheckCmd(g),
		newBuildCmd(g),
		newRenderCmd(g),
		newUnitsCmd(g),
		newVersionCmd(g),
		newExportCmd(g),
		newImportCmd(g),
		newTMCmd(g),
		newGlossaryCmd(g),
	)
	registerCompletions(cmd, g)
	return cmd
}

// progressf says what bitext is doing, on stderr, unless --quiet.
func (g *globalOptions) progressf(format string, args ...any) {
	if !g.quiet {
		fmt.Fprintf(g.stderr, format+"\n", args...)
	}
}

// progressOut is where progress goes: stderr, or nowhere with --quiet.
func (g *globalOptions) progressOut() io.Writer {
	if g.quiet {
		return io.Discard
	}
	return g.stderr
}

// verbosef gives detail on stderr, with --verbose only.
func (g *globalOptions) verbosef(format string, args ...any) {
	if g.verbose {
		fmt.Fprintf(g.stderr, "bitext: "+format+"\n", args...)
	}
}

// warnf prints a warning on stderr, even with --quiet: it asks for a
// change.
func (g *globalOptions) warnf(format string, args ...any) {
	fmt.Fprintf(g.stderr, "bitext: warning: "+format+"\n", args...)
}

// useColor reports whether out gets ANSI colours. NO_COLOR
// (https://no-color.org) turns them off whatever else is asked; then
// --color always or never decides; with auto, FORCE_COLOR
// (https://force-color.org) turns them on, and otherwise only a terminal
// that is not TERM=dumb gets them.
func (g *globalOptions) useColor(out io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	switch g.color {
	case "always":
		return true
	case "never":
		return false
	}
	if v := os.Getenv("FORCE_COLOR"); v != "" && v != "0" && v != "false" {
		return true
	}
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := out.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
