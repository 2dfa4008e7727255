package segment

import (
	"maps"
	"slices"
	"strings"
	"time"

	gotoml "github.com/pelletier/go-toml/v2"
	yaml "go.yaml.in/yaml/v3"
)

// Credits are what a source says of who wrote, translated, reviewed and
// published it, where it first appeared, when and under what licence:
// the front matter's keys (see creditKeys) and a Word file's core
// properties (dc:creator, the authors). bitext.yaml's credits take their
// place key by key.
type Credits struct {
	Authors []string
	// Translators and Reviewers are by locale, as the front matter's
	// translators: {es: [Ana Ruiz]}.
	Translators, Reviewers map[string][]string
	// Publisher, URL (where the original appeared), Date (when, an ISO
	// date) and License, as written.
	Publisher, URL, Date, License string
}

// creditKeys are the front-matter keys read as credits, by the field
// they fill; the first key present of a field is read.
var creditKeys = []struct {
	field string
	keys  []string
}{
	{"authors", []string{"authors", "author"}},
	{"translators", []string{"translators", "translator"}},
	{"reviewers", []string{"reviewers", "reviewer"}},
	{"publisher", []string{"publisher"}},
	{"url", []string{"original_url", "canonical", "canonical_url", "url"}},
	{"date", []string{"original_date"}},
	{"license", []string{"license", "licence"}},
}

// frontMatterCredits reads the credits of front matter src, YAML or TOML.
// What is not of the shape of a credit (a number where a name goes, a
// list of translators without their locale) is left out: the front
// matter passes through whatever it holds.
func frontMatterCredits(src []byte, toml bool) Credits {
	var m map[string]any
	if toml {
		if gotoml.Unmarshal(src, &m) != nil {
			return Credits{}
		}
	} else if yaml.Unmarshal(src, &m) != nil {
		return Credits{}
	}
	var c Credits
	for _, ck := range creditKeys {
		for _, k := range ck.keys {
			v, ok := m[k]
			if !ok {
				continue
			}
			switch ck.field {
			case "authors":
				c.Authors = creditNames(v)
			case "translators":
				c.Translators = creditLocales(v)
			case "reviewers":
				c.Reviewers = creditLocales(v)
			case "publisher":
				c.Publisher = creditText(v)
			case "url":
				c.URL = creditText(v)
			case "date":
				if s := creditText(v); s != "" {
					c.Date, _ = ParseDate(s)
				}
				switch t := v.(type) {
				case time.Time: // YAML's 2018-05-23
					c.Date = t.UTC().Format(time.DateOnly)
				case gotoml.LocalDate: // TOML's
					c.Date, _ = ParseDate(t.String())
				}
			case "license":
				c.License = creditText(v)
			}
			break
		}
	}
	return c
}

// creditText returns a string value, trimmed, without control
// characters; "" for anything else.
func creditText(v any) string {
	s, ok := v.(string)
	if !ok {
		return ""
	}
	if _, bad := controlIn(s); bad {
		return ""
	}
	return strings.TrimSpace(s)
}

// creditNames reads a name or a list of names.
func creditNames(v any) []string {
	var list []any
	switch x := v.(type) {
	case string:
		list = []any{x}
	case []any:
		list = x
	}
	var out []string
	for _, n := range list {
		if s := creditText(n); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// creditLocales reads names by locale.
func creditLocales(v any) map[string][]string {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := map[string][]string{}
	for _, loc := range slices.Sorted(maps.Keys(m)) {
		if n := creditNames(m[loc]); len(n) > 0 {
			out[loc] = n
		}
	}
	return out
}
