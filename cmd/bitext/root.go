package main

import (
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
environment variables (BITEXT_LOCALES=es,fr) and flags, flags winning.`,
		Example: `  bitext build                 # update, check and render the project
  bitext status                # how far each translation has come
  bitext accept es p-mexico-faces-a-potentially-historic`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	f := cmd.PersistentFlags()
	f.StringVar(&g.configFile, "config", "", "configuration file (default: bitext.yaml in the project folder)")
	f.StringVarP(&g.dir, "dir", "C", ".", "project folder")
	f.String("source-locale", "", "language of the sources (config: source_locale)")
	f.StringSlice("locales", nil, "target languages, comma-separated (config: locales)")
	f.String("message-format", "", "locale file format: toml, json or yaml (config: format)")
	f.StringVar(&g.cpuProfile, "cpuprofile", "", "write a CPU profile to this file (for benchmarking bitext itself)")
	_ = f.MarkHidden("cpuprofile")
	cmd.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
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
		newCheckCmd(g),
		newBuildCmd(g),
		newRenderCmd(g),
		newUnitsCmd(g),
		newVersionCmd(g),
		newExportCmd(g),
		newImportCmd(g),
		newTMCmd(g),
	)
	return cmd
}
