package check

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/terms"
)

// Config tunes the checks and sets the gates. The zero Config runs every
// check at its default severity, exempts nothing, requires no
// completeness and fails on errors.
type Config struct {
	// Levels sets the severity of checks by ID, or turns them off
	// (bitext.yaml: checks). Default: each check's own severity, as listed
	// by Checks.
	Levels map[string]Level
	// Exempt exempts single entries from single checks, for locale files
	// that cannot hold a "# bitext-allow" comment (JSON):
	// Exempt[locale][unit ID][check ID] is the reason (bitext.yaml:
	// exempt). Default: none.
	Exempt map[string]map[string]map[string]string
	// MinComplete is, by locale tag, the least percentage of units that
	// every document must have translated from the current English
	// (bitext.yaml: min_complete). Default: none.
	MinComplete map[string]float64
	// MinReviewed is, by locale tag, the least percentage of units that
	// every document must have reviewed (see project.Workspace.Review)
	// (bitext.yaml: min_reviewed). Default: none.
	MinReviewed map[string]float64
	// FailOn is the least severity that fails the run: LevelError,
	// LevelWarning, or LevelOff for never (bitext.yaml: fail_on).
	// Default (LevelDefault): LevelError.
	FailOn Level
	// Source names where the configuration came from, as "bitext.yaml",
	// for messages. Default: "configuration".
	Source string
}

// Level is what a check reports with, as configured.
type Level int

// The levels.
const (
	// LevelDefault is the check's own severity.
	LevelDefault Level = iota
	LevelOff
	LevelWarning
	LevelError
)

// ParseLevel reads a level as written in bitext.yaml or on the command
// line: off, warning or error (on means the default).
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "false", "none", "never":
		return LevelOff, nil
	case "warning", "warn":
		return LevelWarning, nil
	case "error":
		return LevelError, nil
	case "on", "true", "default":
		return LevelDefault, nil
	}
	return 0, fmt.Errorf("%q is not a level; use error, warning or off", s)
}

// String returns the level as bitext.yaml writes it.
func (l Level) String() string {
	if l < LevelDefault || l > LevelError {
		return "level(" + strconv.Itoa(int(l)) + ")"
	}
	return [...]string{"default", "off", "warning", "error"}[l]
}

// settings is a Config checked against a workspace.
type settings struct {
	severity map[string]Severity // 0 for a check turned off
	levels   []Severity          // severity, by index in checks
	exempt   map[string]map[string]map[string]string
	min      map[string]float64 // by canonical tag
	// minReviewed is min_reviewed, by canonical tag.
	minReviewed map[string]float64
	failOn      Severity // 0 for never
	source      string
	glossary    *terms.Glossary
}

func configError(key, format string, args ...any) error {
	return &project.ConfigError{Key: key, Msg: fmt.Sprintf(format, args...)}
}

// Validate checks c against the workspace's locales and the known checks,
// as Run does first: a command that writes calls it before it writes
// anything, so that a bad configuration changes nothing.
func (c Config) Validate(w *project.Workspace) error {
	_, err := c.validate(w)
	return err
}

// validate checks c against the workspace's locales and the known checks.
func (c Config) validate(w *project.Workspace) (*settings, error) {
	s := &settings{severity: map[string]Severity{}, exempt: map[string]map[string]map[string]string{}, min: map[string]float64{}, minReviewed: map[string]float64{}, source: c.Source}
	if s.source == "" {
		s.source = "configuration"
	}
	for _, ch := range checks {
		s.severity[ch.id] = ch.severity
	}
	for _, id := range slices.Sorted(maps.Keys(c.Levels)) {
		ch := checkByID(id)
		if ch == nil {
			if id == allowCheck {
				return nil, configError("checks", "%s cannot be configured: every exemption needs a reason", allowCheck)
			}
			return nil, configError("checks", "unknown check %q; the checks are %s", id, checkList())
		}
		switch c.Levels[id] {
		case LevelOff:
			s.severity[id] = 0
		case LevelWarning:
			s.severity[id] = Warning
		case LevelError:
			s.severity[id] = Error
		}
	}
	for _, ch := range checks {
		s.levels = append(s.levels, s.severity[ch.id])
	}
	switch c.FailOn {
	case LevelDefault, LevelError:
		s.failOn = Error
	case LevelWarning:
		s.failOn = Warning
	}
	for _, gate := range []struct {
		key  string
		in   map[string]float64
		into map[string]float64
	}{{"min_complete", c.MinComplete, s.min}, {"min_reviewed", c.MinReviewed, s.minReviewed}} {
		for _, key := range slices.Sorted(maps.Keys(gate.in)) {
			tag, err := targetTag(w, gate.key, key)
			if err != nil {
				return nil, err
			}
			v := gate.in[key]
			if v < 0 || v > 100 {
				return nil, configError(gate.key, "%s: %v is not a percentage; use a number from 0 to 100", key, v)
			}
			gate.into[tag] = v
		}
	}
	for _, key := range slices.Sorted(maps.Keys(c.Exempt)) {
		tag, err := targetTag(w, "exempt", key)
		if err != nil {
			return nil, err
		}
		byID := map[string]map[string]string{}
		for id, byCheck := range c.Exempt[key] {
			for chk, reason := range byCheck {
				if checkByID(chk) == nil {
					return nil, configError("exempt", "%s: %s: unknown check %q; the checks are %s", key, id, chk, checkList())
				}
				if strings.TrimSpace(reason) == "" {
					return nil, configError("exempt", "%s: %s: %s: give the reason for the exemption", key, id, chk)
				}
				id := strings.ToLower(id)
				if byID[id] == nil {
					byID[id] = map[string]string{}
				}
				byID[id][chk] = strings.TrimSpace(reason)
			}
		}
		s.exempt[tag] = byID
	}
	return s, nil
}

// targetTag reads a locale key of the configuration and checks that it is
// one of the workspace's target locales.
func targetTag(w *project.Workspace, key, s string) (string, error) {
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return "", configError(key, "%q is not a valid language tag; use a BCP 47 tag such as es or es-MX", s)
	}
	var known []string
	for _, t := range w.Locales() {
		if t == tag {
			return t.String(), nil
		}
		known = append(known, t.String())
	}
	return "", configError(key, "%s is not a target locale (configured: %s)", tag, strings.Join(known, ", "))
}

func checkList() string {
	ids := make([]string, len(checks))
	for i, c := range checks {
		ids[i] = c.id
	}
	return strings.Join(ids, ", ")
}
