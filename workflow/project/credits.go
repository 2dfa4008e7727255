package project

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Credits are who wrote and who translated the articles (bitext.yaml:
// credits): names for every article, and per article names that take
// their place. The index page and manifest show them.
type Credits struct {
	// Authors wrote every article that names none of its own.
	Authors []string
	// Translators are, by target locale, who translated every article
	// that names none of its own for that locale.
	Translators map[string][]string
	// Documents are, by document name (the source's file name without
	// its extension), an article's own credits.
	Documents map[string]DocCredits
}

// DocCredits are one article's credits.
type DocCredits struct {
	Authors     []string
	Translators map[string][]string
}

// For returns the credits of document doc: its own authors, or every
// article's; and, locale by locale, its own translators or every
// article's. Nothing is nil.
func (c Credits) For(doc string) DocCredits {
	out := DocCredits{Authors: slices.Clone(c.Authors), Translators: map[string][]string{}}
	maps.Copy(out.Translators, c.Translators)
	d, ok := c.Documents[doc]
	if !ok {
		if out.Authors == nil {
			out.Authors = []string{}
		}
		return out
	}
	if len(d.Authors) > 0 {
		out.Authors = slices.Clone(d.Authors)
	}
	maps.Copy(out.Translators, d.Translators)
	if out.Authors == nil {
		out.Authors = []string{}
	}
	return out
}

// validate refuses credits of a locale the project does not translate
// into and of a document it does not have.
func (c Credits) validate(s *settings, docs map[string]string) error {
	targets := map[string]bool{}
	for _, t := range s.targets {
		targets[t.String()] = true
	}
	check := func(key string, tr map[string][]string) error {
		for _, loc := range slices.Sorted(maps.Keys(tr)) {
			if !targets[loc] {
				return &ConfigError{key, fmt.Sprintf("%q is not one of the locales (%s); list translators under a target locale", loc, strings.Join(slices.Sorted(maps.Keys(targets)), ", "))}
			}
		}
		return nil
	}
	if err := check("credits.translators", c.Translators); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(c.Documents)) {
		if _, ok := docs[name]; !ok {
			return &ConfigError{"credits.documents", fmt.Sprintf("%q is not a document; the documents are named after their source files, as in %q", name, slices.Min(slices.Collect(maps.Keys(docs))))}
		}
		if err := check("credits.documents."+name+".translators", c.Documents[name].Translators); err != nil {
			return err
		}
	}
	return nil
}
