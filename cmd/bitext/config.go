package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/hopeborder/bitext/source"
	"github.com/hopeborder/bitext/workflow/check"
	"github.com/hopeborder/bitext/workflow/project"
)

// fileConfig is bitext.yaml. Keys are documented in README.md
// ("Configuration").
type fileConfig struct {
	Sources      []string `mapstructure:"sources"`
	SourceLocale string   `mapstructure:"source_locale"`
	Locales      []string `mapstructure:"locales"`
	LocalesDir   string   `mapstructure:"locales_dir"`
	OutputDir    string   `mapstructure:"output_dir"`
	Format       string   `mapstructure:"format"`
	Paper        string   `mapstructure:"paper"`
	// The keys of check (check.go).
	checkFileConfig `mapstructure:",squash"`
}

// flagKeys binds flags to configuration keys: the root's, and those of
// commands that have them (render's --paper).
var flagKeys = map[string]string{
	"source-locale":  "source_locale",
	"locales":        "locales",
	"message-format": "format",
	"paper":          "paper",
	"fail-on":        "fail_on",
}

// loaded is a configuration with where it came from.
type loaded struct {
	cfg    project.Config
	check  check.Config
	file   string // the configuration file read, or ""
	inputs project.Inputs
	root   string
}

// loadConfig reads the configuration for cmd: defaults, then bitext.yaml,
// then BITEXT_* variables, then flags. One viper per run, never the global.
func loadConfig(g *globalOptions, cmd *cobra.Command) (*loaded, error) {
	if err := projectDir(g.dir); err != nil {
		return nil, err
	}
	v := viper.New()
	def := project.Default()
	v.SetDefault("sources", def.Sources)
	v.SetDefault("source_locale", def.SourceLocale)
	v.SetDefault("locales", def.Locales)
	v.SetDefault("locales_dir", def.LocalesDir)
	v.SetDefault("output_dir", def.OutputDir)
	v.SetDefault("format", def.Format)
	v.SetDefault("paper", def.Paper)
	setCheckDefaults(v)
	v.SetEnvPrefix("BITEXT")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	v.AutomaticEnv()

	l := &loaded{root: g.dir}
	file, explicit := g.configFile, g.configFile != ""
	if !explicit {
		file = filepath.Join(g.dir, "bitext.yaml")
	}
	if _, err := os.Stat(file); err == nil {
		v.SetConfigFile(file)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return nil, &project.ConfigError{Key: file, Msg: err.Error()}
		}
		l.file = file
	} else if explicit {
		return nil, &project.ConfigError{Key: "--config", Msg: fmt.Sprintf("%s: no such file", file)}
	}
	for flag, key := range flagKeys {
		if f := cmd.Flags().Lookup(flag); f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return nil, err
			}
		}
	}
	var fc fileConfig
	if err := v.UnmarshalExact(&fc); err != nil {
		where := "configuration"
		if l.file != "" {
			where = l.file
		}
		return nil, &project.ConfigError{Key: where, Msg: strings.ReplaceAll(err.Error(), "\n", " ") + "; see the configuration reference in README.md"}
	}
	l.cfg = project.Config{
		Sources:      splitList(fc.Sources),
		SourceLocale: fc.SourceLocale,
		Locales:      splitList(fc.Locales),
		LocalesDir:   filepath.ToSlash(fc.LocalesDir),
		OutputDir:    filepath.ToSlash(fc.OutputDir),
		Format:       fc.Format,
		Paper:        fc.Paper,
	}
	cc, err := checkConfig(fc.checkFileConfig, l.file)
	if err != nil {
		return nil, err
	}
	l.check = cc

	root := os.DirFS(g.dir)
	l.inputs = project.Inputs{Root: root}
	if l.file == "" && !anyMatch(root, l.cfg.Sources) {
		// A folder with no articles and no configuration: run on the
		// article bitext ships with.
		l.inputs.Sources = source.FS()
		fmt.Fprintln(g.stderr, "bitext: no articles in this folder; using the shipped article")
	}
	return l, nil
}

// projectDir checks that -C names a folder: a folder that is not there
// must not turn into a check of the built-in article, nor be created.
func projectDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("-C %s: no such folder; give the project folder, or leave -C out for the current one", dir)
	case err != nil:
		return fmt.Errorf("-C %s: %w", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("-C %s: not a folder; give the project folder", dir)
	}
	return nil
}

// splitList accepts lists written "es,fr" or "es fr" in one value, as
// environment variables and flags give them.
func splitList(in []string) []string {
	var out []string
	for _, s := range in {
		out = append(out, strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })...)
	}
	return out
}

func anyMatch(fsys fs.FS, patterns []string) bool {
	for _, p := range patterns {
		if m, err := fs.Glob(fsys, p); err == nil && len(m) > 0 {
			return true
		}
	}
	return false
}

// loadWorkspace reads the configuration and the project.
func loadWorkspace(g *globalOptions, cmd *cobra.Command) (*loaded, *project.Workspace, error) {
	l, err := loadConfig(g, cmd)
	if err != nil {
		return nil, nil, err
	}
	w, err := project.Load(l.inputs, l.cfg)
	if err != nil {
		return nil, nil, err
	}
	return l, w, nil
}
