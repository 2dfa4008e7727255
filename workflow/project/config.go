package project

import (
	"fmt"
	"path"
	"strings"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/segment"
)

// Config is bitext's configuration, as read from bitext.yaml, BITEXT_*
// environment variables and flags by the command. Paths are slash-separated
// and relative to the project root.
type Config struct {
	// Sources are glob patterns for the source articles.
	// Default: ["source/*.txt", "source/*.md", "source/*.markdown", "source/*.docx"].
	Sources []string
	// SourceLocale is the language the sources are written in. Default: "en".
	SourceLocale string
	// Locales are the languages to translate into. Default: ["es"].
	Locales []string
	// LocalesDir is the folder of the locale files. Default: "locales".
	LocalesDir string
	// OutputDir is the folder rendered editions go to. Default: "output".
	OutputDir string
	// Format is the locale file format: "toml", "json" or "yaml"
	// (bitext.yaml: message_format). Default: "toml".
	Format string
	// Paper is the page size of printed editions: "a4" or "letter".
	// Default: "a4".
	Paper string
	// Glossary is the folder of the project glossary: per target locale,
	// <locale>.yaml or <locale>.csv, and any *.tbx (see package terms).
	// A folder that does not exist is an empty glossary. Default:
	// "glossary".
	Glossary string
	// TranslateCode makes the code blocks of Markdown sources translation
	// units (bitext.yaml: translate_code). Default: false, code passes
	// through to every edition as written.
	TranslateCode bool
	// FrontMatterKeys are the keys of Markdown front matter whose strings
	// are translated: top-level keys, or dotted paths into maps
	// ("params.subtitle") (bitext.yaml: front_matter_keys). Default:
	// title, description, summary, subtitle.
	FrontMatterKeys []string
	// PhrasesDir is a folder of go-i18n message files with edition
	// phrases of the publisher's (bitext.yaml: phrases): languages bitext
	// has none for, or other words for one it has. Default: "" (none).
	PhrasesDir string
	// Fonts are font files (TrueType) the PDF falls back to for
	// characters its own fonts lack, tried in order; relative paths are
	// in the project. Default: none.
	Fonts []string
	// Credits are who wrote and translated the articles (bitext.yaml:
	// credits). Default: none.
	Credits Credits
}

// readOptions are the options the sources are read with.
func (c Config) readOptions() segment.Options {
	return segment.Options{TranslateCode: c.TranslateCode, FrontMatterKeys: c.FrontMatterKeys}
}

// Default returns the configuration bitext uses when nothing is set.
func Default() Config {
	return Config{
		Sources:      []string{"source/*.txt", "source/*.md", "source/*.markdown", "source/*.docx"},
		SourceLocale: "en",
		Locales:      []string{"es"},
		LocalesDir:   "locales",
		OutputDir:    "output",
		Format:       "toml",
		Paper:        "a4",
		Glossary:     "glossary",
		// FrontMatterKeys: nil reads segment.DefaultFrontMatterKeys.
	}
}

// ConfigError is a configuration value bitext cannot use.
type ConfigError struct {
	Key string
	Msg string
}

func (e *ConfigError) Error() string { return "configuration: " + e.Key + ": " + e.Msg }

// settings is a validated Config.
type settings struct {
	Config
	source  language.Tag
	targets []language.Tag
	format  catalog.Format
}

func (c Config) validate() (*settings, error) {
	s := &settings{Config: c}
	var err error
	if s.source, err = parseTag("source_locale", c.SourceLocale); err != nil {
		return nil, err
	}
	if len(c.Locales) == 0 {
		return nil, &ConfigError{"locales", "no target locales; list at least one, as in locales: [es]"}
	}
	seen := map[language.Tag]bool{s.source: true}
	for _, l := range c.Locales {
		t, err := parseTag("locales", l)
		if err != nil {
			return nil, err
		}
		if seen[t] {
			return nil, &ConfigError{"locales", fmt.Sprintf("%s is listed twice or is the source locale", t)}
		}
		seen[t] = true
		s.targets = append(s.targets, t)
	}
	if s.format, err = catalog.ParseFormat(c.Format); err != nil {
		return nil, &ConfigError{"message_format", err.Error()}
	}
	if len(c.Sources) == 0 {
		return nil, &ConfigError{"sources", "no source patterns; list at least one, as in sources: [\"source/*.txt\"]"}
	}
	for _, p := range c.Sources {
		if _, err := path.Match(p, ""); err != nil {
			return nil, &ConfigError{"sources", fmt.Sprintf("bad pattern %q: %v", p, err)}
		}
	}
	if s.Glossary == "" {
		s.Glossary = "glossary"
	}
	if c.PhrasesDir != "" && (path.IsAbs(c.PhrasesDir) || strings.HasPrefix(path.Clean(c.PhrasesDir), "..")) {
		return nil, &ConfigError{"phrases", fmt.Sprintf("%q must be a folder inside the project", c.PhrasesDir)}
	}
	for key, dir := range map[string]string{"locales_dir": c.LocalesDir, "output_dir": c.OutputDir, "glossary": s.Glossary} {
		if dir == "" || path.IsAbs(dir) || strings.HasPrefix(path.Clean(dir), "..") {
			return nil, &ConfigError{key, fmt.Sprintf("%q must be a folder inside the project", dir)}
		}
	}
	return s, nil
}

func parseTag(key, s string) (language.Tag, error) {
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, &ConfigError{key, fmt.Sprintf("%q is not a valid language tag (%v); use a BCP 47 tag such as en, es or es-MX", s, err)}
	}
	if t == language.Und {
		return language.Und, &ConfigError{key, fmt.Sprintf("%q names no language; use a BCP 47 tag such as en, es or es-MX", s)}
	}
	return t, nil
}
