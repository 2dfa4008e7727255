package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/hopeborder/bitext/source"
	"github.com/hopeborder/bitext/workflow/check"
	"github.com/hopeborder/bitext/workflow/gitrepo"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/segment"
)

// fileConfig is bitext.yaml. Keys are documented in README.md
// ("Configuration"); every key of it is known, and every other is
// refused with the closest known one.
type fileConfig struct {
	Sources       []string `mapstructure:"sources"`
	SourceLocale  string   `mapstructure:"source_locale"`
	Locales       []string `mapstructure:"locales"`
	LocalesDir    string   `mapstructure:"locales_dir"`
	OutputDir     string   `mapstructure:"output_dir"`
	MessageFormat string   `mapstructure:"message_format"`
	Paper         string   `mapstructure:"paper"`
	Glossary      string   `mapstructure:"glossary"`
	// User is who works, for the review records (--by overrides it; the
	// default is git config user.name).
	User string `mapstructure:"user"`
	// The keys of the readers: what of a source is translated.
	TranslateCode   bool     `mapstructure:"translate_code"`
	FrontMatterKeys []string `mapstructure:"front_matter_keys"`
	Phrases         string   `mapstructure:"phrases"`
	Fonts           []string `mapstructure:"fonts"`
	// Credits is read from the file as written (credits.go).
	Credits any `mapstructure:"credits"`
	// The keys of check (check.go).
	checkFileConfig `mapstructure:",squash"`
}

// legacyFormatKey is what message_format was called until it collided
// with the --format output flag (BITEXT_FORMAT=json converted every
// locale file). bitext.yaml may still use it, with a warning; the
// environment variable is never read.
const legacyFormatKey = "format"

// flagKeys binds flags to configuration keys: the root's, and those of
// commands that have them (render's --paper).
var flagKeys = map[string]string{
	"source-locale":  "source_locale",
	"locales":        "locales",
	"message-format": "message_format",
	"paper":          "paper",
	"fail-on":        "fail_on",
	"by":             "user",
}

// otherVariables are BITEXT_* variables that are not configuration keys:
// those of bitext's own tests and CI, which run bitext with them set.
var otherVariables = []string{"BITEXT_REQUIRE_TOOLS", "BITEXT_VNU_JAR", "BITEXT_AXE_JS", "BITEXT_TEST_RUN_MAIN"}

// loaded is a configuration with where it came from.
type loaded struct {
	cfg    project.Config
	check  check.Config
	file   string // the configuration file read, or ""
	user   string // who works (user, --by), or "" for git's user.name
	inputs project.Inputs
	root   string
}

// configKeys returns the keys of bitext.yaml, from fileConfig.
func configKeys() []string {
	var keys []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for f := range t.Fields() {
			tag := f.Tag.Get("mapstructure")
			if tag == ",squash" {
				walk(f.Type)
				continue
			}
			keys = append(keys, tag)
		}
	}
	walk(reflect.TypeFor[fileConfig]())
	slices.Sort(keys)
	return keys
}

// loadConfig reads the configuration for cmd: defaults, then bitext.yaml,
// then BITEXT_* variables, then flags. One viper per run, never the global.
// With --staged, bitext.yaml and the project come from the git index.
func loadConfig(g *globalOptions, cmd *cobra.Command) (*loaded, error) {
	if err := projectDir(g.dir); err != nil {
		return nil, err
	}
	var root fs.FS = os.DirFS(g.dir)
	if g.staged {
		ix, err := gitrepo.Index(cmd.Context(), g.dir)
		if err != nil {
			return nil, fmt.Errorf("--staged: %w", err)
		}
		root = ix
		g.verbosef("reading the files staged in the git index, not the working tree")
	}
	v := viper.New()
	def := project.Default()
	v.SetDefault("sources", def.Sources)
	v.SetDefault("source_locale", def.SourceLocale)
	v.SetDefault("locales", def.Locales)
	v.SetDefault("locales_dir", def.LocalesDir)
	v.SetDefault("output_dir", def.OutputDir)
	v.SetDefault("message_format", def.Format)
	v.SetDefault("paper", def.Paper)
	v.SetDefault("glossary", def.Glossary)
	v.SetDefault("user", "")
	v.SetDefault("translate_code", def.TranslateCode)
	v.SetDefault("front_matter_keys", segment.DefaultFrontMatterKeys)
	v.SetDefault("phrases", def.PhrasesDir)
	v.SetDefault("fonts", def.Fonts)
	setCheckDefaults(v)
	v.SetEnvPrefix("BITEXT")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	v.AutomaticEnv()
	checkEnvironment(g)

	l := &loaded{root: g.dir}
	var credits any
	data, file, err := readConfigFile(g, root)
	if err != nil {
		return nil, err
	}
	if file != "" {
		l.file = file
		m, err := parseConfigFile(file, data)
		if err != nil {
			return nil, err
		}
		credits = m["credits"]
		if f, ok := m[legacyFormatKey]; ok {
			delete(m, legacyFormatKey)
			if _, both := m["message_format"]; both {
				return nil, &project.ConfigError{Key: file, Msg: "format and message_format are both set; keep message_format (format is its old name)"}
			}
			m["message_format"] = f
			g.warnf("%s: the key format is now called message_format (format was taken by the --format output flag); rename it, format will stop being read", filepath.ToSlash(file))
		}
		if err := v.MergeConfigMap(m); err != nil {
			return nil, &project.ConfigError{Key: file, Msg: err.Error()}
		}
		g.verbosef("configuration: %s", filepath.ToSlash(file))
	} else {
		g.verbosef("configuration: no bitext.yaml in %s; the defaults, BITEXT_* variables and flags", g.dir)
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
		Format:       fc.MessageFormat,
		Paper:        fc.Paper,
		Glossary:     filepath.ToSlash(fc.Glossary),

		TranslateCode:   fc.TranslateCode,
		FrontMatterKeys: splitList(fc.FrontMatterKeys),
		PhrasesDir:      filepath.ToSlash(fc.Phrases),
		Fonts:           splitList(fc.Fonts),
	}
	l.user = strings.TrimSpace(fc.User)
	if l.cfg.Credits, err = creditsConfig(credits); err != nil {
		return nil, err
	}
	cc, err := checkConfig(fc.checkFileConfig, l.file)
	if err != nil {
		return nil, err
	}
	l.check = cc

	l.inputs = project.Inputs{Root: root}
	if l.file == "" && !anyMatch(root, l.cfg.Sources) {
		// A folder with no articles and no configuration: run on the
		// article bitext ships with.
		l.inputs.Sources = source.FS()
		g.progressf("bitext: no articles in this folder; using the shipped article")
	}
	return l, nil
}

// readConfigFile returns bitext.yaml of the project (from root), or the
// file --config names (from the disk), and its name; no name when there
// is none.
func readConfigFile(g *globalOptions, root fs.FS) ([]byte, string, error) {
	if g.configFile != "" {
		data, err := os.ReadFile(g.configFile)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, "", &project.ConfigError{Key: "--config", Msg: fmt.Sprintf("%s: no such file", g.configFile)}
		}
		if err != nil {
			return nil, "", &project.ConfigError{Key: "--config", Msg: err.Error()}
		}
		return data, g.configFile, nil
	}
	data, err := fs.ReadFile(root, "bitext.yaml")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil
	}
	name := filepath.Join(g.dir, "bitext.yaml")
	if err != nil {
		return nil, "", &project.ConfigError{Key: name, Msg: err.Error()}
	}
	return data, name, nil
}

// parseConfigFile reads bitext.yaml and refuses, in plain words, a key
// that is not one, naming the closest, and a value of the wrong shape.
func parseConfigFile(file string, data []byte) (map[string]any, error) {
	var raw map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, &project.ConfigError{Key: file, Msg: strings.TrimPrefix(err.Error(), "yaml: ") + "; bitext.yaml is YAML, as key: value lines"}
	}
	known := configKeys()
	types := configTypes()
	m := map[string]any{} // keys lower-cased, as viper reads them
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		key := strings.ToLower(k)
		if _, twice := m[key]; twice {
			return nil, &project.ConfigError{Key: file, Msg: fmt.Sprintf("%q is set twice, in different cases; keep one", key)}
		}
		m[key] = raw[k]
		if key == legacyFormatKey {
			continue
		}
		if !slices.Contains(known, key) {
			return nil, &project.ConfigError{Key: file, Msg: fmt.Sprintf("unknown key %q; did you mean %q? The keys are listed under \"Configuration\" in README.md", k, closest(key, known))}
		}
		if msg := shapeError(types[key], raw[k]); msg != "" {
			return nil, &project.ConfigError{Key: key, Msg: msg}
		}
	}
	return m, nil
}

// configTypes returns the Go kind of each key's field.
func configTypes() map[string]reflect.Kind {
	out := map[string]reflect.Kind{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for f := range t.Fields() {
			tag := f.Tag.Get("mapstructure")
			if tag == ",squash" {
				walk(f.Type)
				continue
			}
			out[tag] = f.Type.Kind()
		}
	}
	walk(reflect.TypeFor[fileConfig]())
	return out
}

// shapeError says what is wrong with a value for a field of kind k, or "".
// Keys of kind interface (checks, min_complete, exempt) are read by
// checkConfig, which says so itself.
func shapeError(k reflect.Kind, v any) string {
	scalar := func(v any) bool {
		switch v.(type) {
		case string, bool, int, int64, uint64, float64:
			return true
		}
		return false
	}
	switch k {
	case reflect.String:
		if v != nil && !scalar(v) {
			return fmt.Sprintf("give one value, not %s", shape(v))
		}
	case reflect.Slice:
		switch v := v.(type) {
		case nil, string:
		case []any:
			for _, x := range v {
				if !scalar(x) {
					return fmt.Sprintf("give a list of values, as [a, b]; an item is %s", shape(x))
				}
			}
		default:
			return fmt.Sprintf("give a list, as [a, b], not %s", shape(v))
		}
	}
	return ""
}

func shape(v any) string {
	switch v.(type) {
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	}
	return "a value"
}

// checkEnvironment warns of BITEXT_* variables that are no key, naming
// the closest: a mistyped BITEXT_FAIL_ONN would otherwise be silently
// ignored. They are warnings, not errors: the environment is shared with
// other tools, and the variables are ignored either way.
func checkEnvironment(g *globalOptions) {
	keys := configKeys()
	known := map[string]bool{}
	var names []string
	for _, k := range keys {
		n := "BITEXT_" + strings.ToUpper(k)
		known[n] = true
		names = append(names, n)
	}
	for _, n := range otherVariables {
		known[n] = true
	}
	var unknown []string
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		// Empty is unset, as viper reads it.
		if strings.HasPrefix(name, "BITEXT_") && value != "" && !known[name] {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	for _, name := range slices.Compact(unknown) {
		if name == "BITEXT_FORMAT" {
			g.warnf("BITEXT_FORMAT is not read: the locale file format is BITEXT_MESSAGE_FORMAT (the key format was renamed message_format), and the output format is the --format flag")
			continue
		}
		g.warnf("%s is not a bitext variable and is ignored; did you mean %s?", name, closest(name, names))
	}
}

// closest returns the candidate nearest to s in edit distance, the first
// in order among equals.
func closest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		if d := editDistance(s, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, by bytes
// (keys are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
	g.verbosef("loaded %s", describe(w))
	return l, w, nil
}

// describe says what a workspace holds: "1 document, 1 target locale (es)".
func describe(w *project.Workspace) string {
	var tags []string
	for _, t := range w.Locales() {
		tags = append(tags, t.String())
	}
	docs := "1 document"
	if len(w.Docs) != 1 {
		docs = fmt.Sprintf("%d documents", len(w.Docs))
	}
	return fmt.Sprintf("%s, target locales %s", docs, strings.Join(tags, ", "))
}
