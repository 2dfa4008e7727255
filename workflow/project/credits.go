package project

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Credits are who wrote, translated, reviewed and published the articles,
// and where, when and under what licence they first appeared (bitext.yaml:
// credits): values for every article, and per article values that take
// their place. The editions' mastheads and metadata, the index page and
// the manifest show them.
//
// The configuration wins over the source: a key bitext.yaml gives (per
// document, else project-wide) replaces what the source's front matter
// or Word properties say, which fill only the keys it leaves out (see
// DocCredits.Fill).
type Credits struct {
	// Authors wrote every article that names none of its own.
	Authors []string
	// Translators and Reviewers are, by target locale, who translated
	// and who reviewed every article that names none of its own for
	// that locale.
	Translators, Reviewers map[string][]string
	// Publisher, URL, Date and License are every article's that gives
	// none of its own; see DocCredits.
	Publisher, URL, Date, License string
	// Documents are, by document name (the source's file name without
	// its extension), an article's own credits.
	Documents map[string]DocCredits
}

// DocCredits are one article's credits. Every value is as written, plain
// text: editions escape it.
type DocCredits struct {
	Authors []string
	// Translators and Reviewers are by target locale.
	Translators, Reviewers map[string][]string
	// Publisher first published the article.
	Publisher string
	// URL is where the original was first published.
	URL string
	// Date is when the original was first published, an ISO date
	// (2018-05-23).
	Date string
	// License is the article's licence, as a name or a URL.
	License string
}

// For returns the credits of document doc: key by key its own, or every
// article's; translators and reviewers locale by locale. Nothing is nil.
func (c Credits) For(doc string) DocCredits {
	out := DocCredits{Authors: slices.Clone(c.Authors), Translators: map[string][]string{}, Reviewers: map[string][]string{},
		Publisher: c.Publisher, URL: c.URL, Date: c.Date, License: c.License}
	maps.Copy(out.Translators, c.Translators)
	maps.Copy(out.Reviewers, c.Reviewers)
	if d, ok := c.Documents[doc]; ok {
		if len(d.Authors) > 0 {
			out.Authors = slices.Clone(d.Authors)
		}
		maps.Copy(out.Translators, d.Translators)
		maps.Copy(out.Reviewers, d.Reviewers)
		for _, f := range []struct{ dst, src *string }{{&out.Publisher, &d.Publisher}, {&out.URL, &d.URL}, {&out.Date, &d.Date}, {&out.License, &d.License}} {
			if *f.src != "" {
				*f.dst = *f.src
			}
		}
	}
	if out.Authors == nil {
		out.Authors = []string{}
	}
	return out
}

// Fill returns c with every key it leaves empty taken from src (what the
// source itself says): the configuration wins, key by key and, for
// translators and reviewers, locale by locale.
func (c DocCredits) Fill(src DocCredits) DocCredits {
	out := c
	if len(out.Authors) == 0 && len(src.Authors) > 0 {
		out.Authors = slices.Clone(src.Authors)
	}
	merge := func(dst map[string][]string, from map[string][]string) map[string][]string {
		m := map[string][]string{}
		maps.Copy(m, from)
		maps.Copy(m, dst)
		return m
	}
	out.Translators = merge(c.Translators, src.Translators)
	out.Reviewers = merge(c.Reviewers, src.Reviewers)
	if out.Publisher == "" {
		out.Publisher = src.Publisher
	}
	if out.URL == "" {
		out.URL = src.URL
	}
	if out.Date == "" {
		out.Date = src.Date
	}
	if out.License == "" {
		out.License = src.License
	}
	return out
}

// Empty reports whether the credits name nothing at all.
func (c DocCredits) Empty() bool {
	return len(c.Authors) == 0 && len(c.Translators) == 0 && len(c.Reviewers) == 0 &&
		c.Publisher == "" && c.URL == "" && c.Date == "" && c.License == ""
}

// appendTo writes the credits to a fingerprint through str, in a fixed
// order.
func (c DocCredits) appendTo(str func(string)) {
	list := func(names []string) {
		str(strings.Join(names, "\x00"))
	}
	list(c.Authors)
	for _, m := range []map[string][]string{c.Translators, c.Reviewers} {
		for _, loc := range slices.Sorted(maps.Keys(m)) {
			str(loc)
			list(m[loc])
		}
		str("\x01")
	}
	str(c.Publisher)
	str(c.URL)
	str(c.Date)
	str(c.License)
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
				return &ConfigError{key, fmt.Sprintf("%q is not one of the locales (%s); list names under a target locale", loc, strings.Join(slices.Sorted(maps.Keys(targets)), ", "))}
			}
		}
		return nil
	}
	date := func(key, d string) error {
		if d != "" && !isISODate(d) {
			return &ConfigError{key, fmt.Sprintf("%q is not a date; give the day the article first appeared as YYYY-MM-DD", d)}
		}
		return nil
	}
	if err := check("credits.translators", c.Translators); err != nil {
		return err
	}
	if err := check("credits.reviewers", c.Reviewers); err != nil {
		return err
	}
	if err := date("credits.date", c.Date); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(c.Documents)) {
		if _, ok := docs[name]; !ok {
			return &ConfigError{"credits.documents", fmt.Sprintf("%q is not a document; the documents are named after their source files, as in %q", name, slices.Min(slices.Collect(maps.Keys(docs))))}
		}
		d := c.Documents[name]
		if err := check("credits.documents."+name+".translators", d.Translators); err != nil {
			return err
		}
		if err := check("credits.documents."+name+".reviewers", d.Reviewers); err != nil {
			return err
		}
		if err := date("credits.documents."+name+".date", d.Date); err != nil {
			return err
		}
	}
	return nil
}

// isISODate reports whether s is a date written YYYY-MM-DD.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
