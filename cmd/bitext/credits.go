package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/hopeborder/bitext/workflow/project"
)

// creditsConfig reads bitext.yaml's credits key, as the file has it
// (viper would lower-case the document names):
//
//	credits:
//	  authors: [Jane Doe]             # every article's
//	  translators: {es: [Ana Ruiz]}   # by locale
//	  reviewers: {es: [Luis Gómez]}   # by locale
//	  publisher: Hope Border Institute
//	  url: https://example.org/a      # where the original appeared
//	  date: 2018-05-23                # when it first appeared
//	  license: CC BY 4.0
//	  documents:
//	    some-article: {authors: [Juan Pérez], translators: {es: [Eva Gil]}, url: …}
func creditsConfig(raw any) (project.Credits, error) {
	var c project.Credits
	if raw == nil {
		return c, nil
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return c, &project.ConfigError{Key: "credits", Msg: fmt.Sprintf("give a mapping of authors, translators and documents, not %s", shape(raw))}
	}
	var err error
	for _, k := range slices.Sorted(maps.Keys(m)) {
		switch k {
		case "authors":
			c.Authors, err = creditNames("credits.authors", m[k])
		case "translators":
			c.Translators, err = translators("credits.translators", m[k])
		case "reviewers":
			c.Reviewers, err = translators("credits.reviewers", m[k])
		case "publisher", "url", "date", "license":
			err = creditText("credits."+k, m[k], map[string]*string{"publisher": &c.Publisher, "url": &c.URL, "date": &c.Date, "license": &c.License}[k])
		case "documents":
			c.Documents, err = docCredits(m[k])
		default:
			err = &project.ConfigError{Key: "credits", Msg: fmt.Sprintf("unknown key %q; credits has %s and documents", k, creditKeys)}
		}
		if err != nil {
			return c, err
		}
	}
	return c, nil
}

func docCredits(raw any) (map[string]project.DocCredits, error) {
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, &project.ConfigError{Key: "credits.documents", Msg: fmt.Sprintf("give a mapping of document names to their credits, not %s", shape(raw))}
	}
	out := map[string]project.DocCredits{}
	for _, name := range slices.Sorted(maps.Keys(m)) {
		key := "credits.documents." + name
		dm, ok := m[name].(map[string]any)
		if !ok {
			return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("give a mapping with %s, not %s", creditKeys, shape(m[name]))}
		}
		var d project.DocCredits
		var err error
		for _, k := range slices.Sorted(maps.Keys(dm)) {
			switch k {
			case "authors":
				d.Authors, err = creditNames(key+".authors", dm[k])
			case "translators":
				d.Translators, err = translators(key+".translators", dm[k])
			case "reviewers":
				d.Reviewers, err = translators(key+".reviewers", dm[k])
			case "publisher", "url", "date", "license":
				err = creditText(key+"."+k, dm[k], map[string]*string{"publisher": &d.Publisher, "url": &d.URL, "date": &d.Date, "license": &d.License}[k])
			default:
				err = &project.ConfigError{Key: key, Msg: fmt.Sprintf("unknown key %q; a document's credits have %s", k, creditKeys)}
			}
			if err != nil {
				return nil, err
			}
		}
		out[name] = d
	}
	return out, nil
}

// creditKeys are the keys of credits, for error messages.
const creditKeys = "authors, translators, reviewers, publisher, url, date and license"

// creditText reads one text value into dst. YAML reads a bare
// 2018-05-23 as a date: it is written back as one.
func creditText(key string, raw any, dst *string) error {
	switch v := raw.(type) {
	case string:
		if strings.TrimSpace(v) == "" {
			return &project.ConfigError{Key: key, Msg: "is empty; give a value or leave the key out"}
		}
		*dst = strings.TrimSpace(v)
		return nil
	case time.Time:
		*dst = v.UTC().Format(time.DateOnly)
		return nil
	}
	return &project.ConfigError{Key: key, Msg: fmt.Sprintf("give text, not %s", shape(raw))}
}

// translators reads names by locale.
func translators(key string, raw any) (map[string][]string, error) {
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("give names by locale, as {es: [Ana Ruiz]}, not %s", shape(raw))}
	}
	out := map[string][]string{}
	for _, loc := range slices.Sorted(maps.Keys(m)) {
		n, err := creditNames(key+"."+loc, m[loc])
		if err != nil {
			return nil, err
		}
		out[loc] = n
	}
	return out, nil
}

// creditNames reads a name or a list of names, none empty.
func creditNames(key string, raw any) ([]string, error) {
	var list []any
	switch v := raw.(type) {
	case string:
		list = []any{v}
	case []any:
		list = v
	default:
		return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("give a list of names, as [Jane Doe], not %s", shape(raw))}
	}
	var out []string
	for _, x := range list {
		s, ok := x.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return nil, &project.ConfigError{Key: key, Msg: fmt.Sprintf("a name is %s; give each name as text", shape(x))}
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out, nil
}
