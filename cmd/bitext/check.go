package main

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/check"
	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/gitrepo"
	"github.com/hopeborder/bitext/workflow/project"
)

type checkOptions struct {
	*globalOptions
	format      string
	badge       string
	minComplete []string
	minReviewed []string
	failOn      string // read through the configuration (flagKeys)
	pathPrefix  string
	list        bool
}

// checkFormats are the output formats of check and build.
var checkFormats = []string{"text", "json", "junit", "github"}

func newCheckCmd(g *globalOptions) *cobra.Command {
	o := &checkOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the translations: what is left to do and what looks wrong",
		Long: `check reports, for every document and locale, the entries left to translate
or revise and the translations that look wrong: numbers, URLs, note
references or markup that differ from the English, Spanish ¿? and ¡!,
unbalanced quotes and brackets, stray spaces, odd lengths and broken
templates. Each finding names the locale file and line of the entry:

  locales/doc.es.toml:42: error [numbers] p-mexico-faces: …

and the report ends with a table of how complete each translation is.

A translator exempts one entry from one check, with a reason, by a comment
above the entry in the locale file (JSON files use exempt in bitext.yaml):

  # bitext-allow numbers: the Spanish source gives the exact figure

check reads and never writes, except the badges --badge asks for. It exits
with 0 when the gates pass, 1 when they do not (a finding of --fail-on
severity or worse, a locale below --min-complete), and 2 for usage and
configuration errors and files that cannot be read (reported as findings
in every format).

--staged checks the files as staged in the git index, as a pre-commit hook
should: with --fail-on error --min-complete off, it refuses a commit with
errors in it and leaves completeness to CI.

In the github and junit formats, and in the job summary written to
$GITHUB_STEP_SUMMARY with --format github, paths are relative to the root
of the git repository (or start with --path-prefix), as pull requests name
them.`,
		Example: `  bitext check
  bitext check --min-complete es=100 --fail-on warning
  bitext check --format github            # annotations in a GitHub Actions job
  bitext check --format junit > check.xml
  bitext check --format json | jq '.findings[] | select(.check == "numbers")'
  bitext check --staged --fail-on error --min-complete off   # a pre-commit hook
  bitext check --badge public/badges      # public/badges/es.svg
  bitext check --list                     # the checks and their severities`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(o, cmd)
		},
	}
	addCheckFlags(cmd, o)
	cmd.Flags().BoolVar(&o.list, "list", false, "list the checks with their severities, and run none")
	cmd.Flags().BoolVar(&g.staged, "staged", false, "check the files staged in the git index instead of the working tree (for a pre-commit hook)")
	return cmd
}

// addCheckFlags adds to cmd the flags that shape a check run; build
// takes them too.
func addCheckFlags(cmd *cobra.Command, o *checkOptions) {
	f := cmd.Flags()
	addFormatFlag(cmd, &o.format, checkFormats...)
	f.StringVar(&o.badge, "badge", "", "write an SVG completeness badge per locale into this folder (relative to the project)")
	f.StringSliceVar(&o.minComplete, "min-complete", nil, "least percent complete per locale, as es=100 (config: min_complete); off for no completeness gate")
	f.StringSliceVar(&o.minReviewed, "min-reviewed", nil, "least percent reviewed per locale, as es=100 (config: min_reviewed; see bitext review); off for no review gate")
	f.StringVar(&o.failOn, "fail-on", "", "least severity that fails: error, warning or off (config: fail_on; default error)")
	f.StringVar(&o.pathPrefix, "path-prefix", "", "start the paths of the github and junit formats with this (default: the project folder's path in its git repository)")
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "off"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("min-complete", o.completeMinComplete)
	_ = cmd.RegisterFlagCompletionFunc("badge", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
}

func runCheck(o *checkOptions, cmd *cobra.Command) error {
	if o.list {
		if err := checkFormat(o.format, "text", "json"); err != nil {
			return err
		}
	} else if err := o.validate(); err != nil {
		return err
	}
	l, err := loadConfig(o.globalOptions, cmd)
	if err != nil {
		return o.reportError(cmd, err)
	}
	if o.list {
		return o.printChecks(l.check)
	}
	w, err := project.Load(l.inputs, l.cfg)
	if err != nil {
		return o.reportError(cmd, err)
	}
	o.verbosef("loaded %s", describe(w))
	return checkWorkspace(o, cmd, l, w, nil)
}

func (o *checkOptions) validate() error {
	return checkFormat(o.format, checkFormats...)
}

// reportError writes the error that stopped a check in o.format: files
// that cannot be read as findings at their lines (in every format), and,
// for json, junit and github, anything else as one failure, so that what
// CI reads still parses and says why. The error is then printed on stderr
// as usual.
func (o *checkOptions) reportError(cmd *cobra.Command, err error) error {
	if errors.Is(err, errFindings) || errors.As(err, new(reportedError)) {
		return err
	}
	rep := check.FailedReport(err)
	if o.format == "text" && rep == nil {
		return err
	}
	var werr error
	switch {
	case o.format == "json" && rep == nil:
		werr = writeJSON(o.stdout, newErrorJSON(cmd.Name(), err))
	case rep == nil:
		rep = check.ErrorReport(err)
		fallthrough
	default:
		werr = o.write(cmd, rep)
	}
	if werr != nil {
		return werr
	}
	return reportedError{err}
}

// write prints rep in o.format; for github, it also appends the job
// summary to $GITHUB_STEP_SUMMARY when that is set.
func (o *checkOptions) write(cmd *cobra.Command, rep *check.Report) error {
	if o.format == "github" || o.format == "junit" {
		rep = rep.WithPathPrefix(o.repoPrefix(cmd))
	}
	switch o.format {
	case "json":
		return rep.WriteJSON(o.stdout)
	case "junit":
		return rep.WriteJUnit(o.stdout)
	case "github":
		if err := rep.WriteGitHub(o.stdout); err != nil {
			return err
		}
		if p := os.Getenv("GITHUB_STEP_SUMMARY"); p != "" {
			if err := appendSummary(p, rep); err != nil {
				return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
			}
			o.verbosef("wrote the job summary to %s", p)
		}
		return nil
	}
	return rep.WriteText(o.stdout, o.useColor(o.stdout))
}

// appendSummary adds the report's Markdown to the job summary file GitHub
// gives the step; it is GitHub's file, not the project's, and GitHub asks
// for appends.
func appendSummary(p string, rep *check.Report) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if err := rep.WriteSummary(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// repoPrefix is the path of the project folder from the root of its git
// repository, or --path-prefix when given.
func (o *checkOptions) repoPrefix(cmd *cobra.Command) string {
	if cmd.Flags().Changed("path-prefix") {
		return o.pathPrefix
	}
	p, err := gitrepo.Prefix(cmd.Context(), o.dir)
	if err != nil {
		o.verbosef("paths are relative to the project folder: %v", err)
		return ""
	}
	o.verbosef("paths start with the project folder's path in its git repository: %q", p)
	return p
}

// checkWorkspace checks a loaded workspace, prints the report in
// o.format, writes the badges, and returns errFindings when a gate fails.
// build calls it after updating the locale files, with the build cache
// as memo, which check alone (it never writes) goes without.
func checkWorkspace(o *checkOptions, cmd *cobra.Command, l *loaded, w *project.Workspace, memo check.Memo) error {
	cfg, err := o.config(l)
	if err != nil {
		return o.reportError(cmd, err)
	}
	rep, err := check.RunWith(w, cfg, memo)
	if err != nil {
		return o.reportError(cmd, err)
	}
	if err := o.write(cmd, rep); err != nil {
		return err
	}
	if o.badge != "" {
		dir := o.badge
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(l.root, dir)
		}
		for _, b := range rep.Badges() {
			p := filepath.Join(dir, b.Locale+".svg")
			if err := files.WriteFile(o.fs, p, b.SVG); err != nil {
				return fmt.Errorf("write badge: %w", err)
			}
			o.progressf("wrote %s (%s)", filepath.ToSlash(filepath.Join(o.badge, b.Locale+".svg")), project.FormatPercent(b.Percent))
		}
	}
	if !rep.Passed() {
		return errFindings
	}
	return nil
}

// config returns the check configuration: the file's and the
// environment's, with the flags of o over them.
func (o *checkOptions) config(l *loaded) (check.Config, error) {
	if err := o.validate(); err != nil {
		return check.Config{}, err
	}
	cfg := l.check
	if len(o.minReviewed) == 1 && o.minReviewed[0] == "off" {
		cfg.MinReviewed = nil
	} else if len(o.minReviewed) > 0 {
		flags, err := parseMinComplete("--min-reviewed", o.minReviewed)
		if err != nil {
			return check.Config{}, err
		}
		merged := map[string]float64{}
		for _, m := range []map[string]float64{cfg.MinReviewed, flags} {
			for k, v := range m {
				merged[canonicalTag(k)] = v
			}
		}
		cfg.MinReviewed = merged
	}
	if len(o.minComplete) == 1 && o.minComplete[0] == "off" {
		// A hook leaves completeness to CI, whatever bitext.yaml asks.
		cfg.MinComplete = nil
		return cfg, nil
	}
	if len(o.minComplete) > 0 {
		flags, err := parseMinComplete("--min-complete", o.minComplete)
		if err != nil {
			return check.Config{}, err
		}
		// The flag wins per locale, however the tag is written (viper
		// lower-cases bitext.yaml's "es-MX").
		merged := map[string]float64{}
		for _, m := range []map[string]float64{cfg.MinComplete, flags} {
			for k, v := range m {
				merged[canonicalTag(k)] = v
			}
		}
		cfg.MinComplete = merged
	}
	return cfg, nil
}

// canonicalTag writes a locale tag the way language does, leaving a tag
// it cannot read as it is for check.Run to report.
func canonicalTag(s string) string {
	if t, err := language.Parse(s); err == nil {
		return t.String()
	}
	return s
}

// checkInfo is one check in `bitext check --list --format json`.
type checkInfo struct {
	Check string `json:"check"`
	// Severity is the severity in force: error, warning or off.
	Severity string `json:"severity"`
	// Default is the check's own severity.
	Default string `json:"default"`
	Summary string `json:"summary"`
}

// checksJSON is the bitext-checks/1 document.
type checksJSON struct {
	Schema string      `json:"schema"`
	Checks []checkInfo `json:"checks"`
}

func (o *checkOptions) printChecks(cfg check.Config) error {
	var list []checkInfo
	for _, c := range check.Checks() {
		sev := c.Severity.String()
		switch cfg.Levels[c.ID] {
		case check.LevelOff:
			sev = "off"
		case check.LevelWarning:
			sev = "warning"
		case check.LevelError:
			sev = "error"
		}
		list = append(list, checkInfo{Check: c.ID, Severity: sev, Default: c.Severity.String(), Summary: c.Summary})
	}
	if o.format == "json" {
		return writeJSON(o.stdout, checksJSON{Schema: schemaChecks, Checks: list})
	}
	tw := tabwriter.NewWriter(o.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CHECK\tSEVERITY\tFINDS")
	for _, c := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.Check, c.Severity, c.Summary)
	}
	return tw.Flush()
}

// checkFileConfig holds the keys of bitext.yaml for check. Lists and maps
// may also come as strings, as from BITEXT_* variables:
// BITEXT_CHECKS="length=off", BITEXT_MIN_COMPLETE="es=100".
type checkFileConfig struct {
	// Checks sets severities: {length: off, unchanged: error}.
	Checks any `mapstructure:"checks"`
	// FailOn is error, warning or off.
	FailOn string `mapstructure:"fail_on"`
	// MinComplete is percent by locale: {es: 100}.
	MinComplete any `mapstructure:"min_complete"`
	// MinReviewed is percent reviewed by locale: {es: 100}.
	MinReviewed any `mapstructure:"min_reviewed"`
	// Exempt is reasons by locale, unit ID and check:
	// {es: {p-some-unit: {numbers: "why"}}}.
	Exempt any `mapstructure:"exempt"`
}

// setCheckDefaults makes the check keys known to v, so that BITEXT_*
// variables reach them even when they hold a mapping in bitext.yaml.
func setCheckDefaults(v *viper.Viper) {
	v.SetDefault("fail_on", "")
	for _, key := range []string{"checks", "min_complete", "min_reviewed", "exempt"} {
		_ = v.BindEnv(key) // cannot fail with a key
	}
}

// checkConfig turns the check keys into a check.Config.
func checkConfig(fc checkFileConfig, file string) (check.Config, error) {
	cfg := check.Config{Source: "configuration"}
	if file != "" {
		cfg.Source = filepath.ToSlash(filepath.Base(file))
	}
	var err error
	if fc.FailOn != "" {
		if cfg.FailOn, err = check.ParseLevel(fc.FailOn); err != nil {
			return cfg, &project.ConfigError{Key: "fail_on", Msg: err.Error()}
		}
		if cfg.FailOn == check.LevelDefault {
			cfg.FailOn = check.LevelError
		}
	}
	levels, err := stringMap("checks", fc.Checks)
	if err != nil {
		return cfg, err
	}
	if len(levels) > 0 {
		cfg.Levels = map[string]check.Level{}
	}
	for _, id := range slices.Sorted(maps.Keys(levels)) {
		lv, err := check.ParseLevel(levels[id])
		if err != nil {
			return cfg, &project.ConfigError{Key: "checks", Msg: id + ": " + err.Error()}
		}
		cfg.Levels[id] = lv
	}
	mc, err := stringMap("min_complete", fc.MinComplete)
	if err != nil {
		return cfg, err
	}
	var pairs []string
	for _, k := range slices.Sorted(maps.Keys(mc)) {
		pairs = append(pairs, k+"="+mc[k])
	}
	if cfg.MinComplete, err = parseMinComplete("min_complete", pairs); err != nil {
		return cfg, err
	}
	mr, err := stringMap("min_reviewed", fc.MinReviewed)
	if err != nil {
		return cfg, err
	}
	pairs = nil
	for _, k := range slices.Sorted(maps.Keys(mr)) {
		pairs = append(pairs, k+"="+mr[k])
	}
	if cfg.MinReviewed, err = parseMinComplete("min_reviewed", pairs); err != nil {
		return cfg, err
	}
	if cfg.Exempt, err = exemptions(fc.Exempt); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// stringMap reads a map of scalars, or "k=v,k=v" as an environment
// variable gives it.
func stringMap(key string, v any) (map[string]string, error) {
	out := map[string]string{}
	switch v := v.(type) {
	case nil:
	case map[string]any:
		for k, x := range v {
			switch x := x.(type) {
			case string:
				out[k] = x
			case bool, int, int64, float64, uint64:
				out[k] = fmt.Sprint(x)
			default:
				return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("%s: give a single value, not %T", k, x)}
			}
		}
	case string:
		for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
			k, val, ok := strings.Cut(part, "=")
			if !ok {
				return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("%q: write KEY=VALUE", part)}
			}
			out[k] = val
		}
	default:
		return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("expected a mapping such as {es: 100}, not %T", v)}
	}
	return out, nil
}

// parseMinComplete reads LOCALE=PERCENT pairs. Locales are checked
// against the project's by check.Run.
func parseMinComplete(key string, pairs []string) (map[string]float64, error) {
	if len(pairs) == 0 {
		return nil, nil
	}
	out := map[string]float64{}
	for _, p := range pairs {
		loc, val, ok := strings.Cut(p, "=")
		if !ok || loc == "" {
			return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("%q: write LOCALE=PERCENT, as es=100", p)}
		}
		n, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(val), "%"), 64)
		if err != nil {
			return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("%q: %q is not a percentage; write LOCALE=PERCENT, as es=100", p, val)}
		}
		out[strings.TrimSpace(loc)] = n
	}
	return out, nil
}

// exemptions reads exempt: {LOCALE: {ID: {CHECK: REASON}}}.
func exemptions(v any) (map[string]map[string]map[string]string, error) {
	fail := func(msg string) error {
		return &project.ConfigError{Key: "exempt", Msg: msg + `; write exempt: {es: {UNIT-ID: {CHECK: "reason"}}}`}
	}
	top, ok := v.(map[string]any)
	if v == nil {
		return nil, nil
	}
	if !ok {
		return nil, fail(fmt.Sprintf("expected a mapping, not %T", v))
	}
	if len(top) == 0 {
		return nil, nil
	}
	out := map[string]map[string]map[string]string{}
	for loc, ids := range top {
		idMap, ok := ids.(map[string]any)
		if !ok {
			return nil, fail(fmt.Sprintf("%s: expected unit IDs", loc))
		}
		out[loc] = map[string]map[string]string{}
		for id, checks := range idMap {
			cm, ok := checks.(map[string]any)
			if !ok {
				return nil, fail(fmt.Sprintf("%s: %s: expected checks with their reasons", loc, id))
			}
			out[loc][id] = map[string]string{}
			for c, reason := range cm {
				r, ok := reason.(string)
				if !ok {
					return nil, fail(fmt.Sprintf("%s: %s: %s: the reason must be text", loc, id, c))
				}
				out[loc][id][c] = r
			}
		}
	}
	return out, nil
}
