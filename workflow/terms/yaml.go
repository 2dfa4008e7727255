package terms

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/hopeborder/bitext/workflow/catalog"
	"go.yaml.in/yaml/v3"
)

// yamlFile is a glossary file as written in YAML.
type yamlFile struct {
	Locale      string      `yaml:"locale"`
	Terms       []yaml.Node `yaml:"terms"`
	Consistency []yaml.Node `yaml:"consistency"`
}

type yamlEntry struct {
	Term      string    `yaml:"term"`
	Approved  listOrOne `yaml:"approved"`
	Forbidden listOrOne `yaml:"forbidden"`
	Case      string    `yaml:"case"`
	Note      string    `yaml:"note"`
}

type yamlRule struct {
	Name  string   `yaml:"name"`
	Forms []string `yaml:"forms"`
}

// listOrOne is a list of strings written as a list or as one string.
type listOrOne []string

func (l *listOrOne) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = []string{n.Value}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*l = list
	return nil
}

// ReadYAML reads a glossary file in YAML. Its target locale is its
// "locale" key, or else its base name ("glossary/es.yaml" is for es).
func ReadYAML(name string, data []byte) (*Glossary, error) {
	var f yamlFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	locale := f.Locale
	if locale == "" {
		locale = baseLocale(name)
	}
	g := &Glossary{}
	for i := range f.Terms {
		n := &f.Terms[i]
		var y yamlEntry
		if err := decodeStrict(name, n, &y, "term", "approved", "forbidden", "case", "note"); err != nil {
			return nil, err
		}
		e := Entry{Locale: locale, Term: y.Term, Approved: y.Approved, Forbidden: y.Forbidden, Case: Case(y.Case), Note: y.Note, File: name, Line: n.Line}
		if err := e.validate(); err != nil {
			return nil, err
		}
		g.Entries = append(g.Entries, e)
	}
	for i := range f.Consistency {
		n := &f.Consistency[i]
		var y yamlRule
		if err := decodeStrict(name, n, &y, "name", "forms"); err != nil {
			return nil, err
		}
		r := Rule{Locale: locale, Name: y.Name, Forms: y.Forms, File: name, Line: n.Line}
		if err := r.validate(); err != nil {
			return nil, err
		}
		g.Rules = append(g.Rules, r)
	}
	return g, nil
}

// decodeStrict decodes n into v, refusing keys v has not, at the line of
// the key.
func decodeStrict(name string, n *yaml.Node, v any, keys ...string) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !slices.Contains(keys, k.Value) {
				return fmt.Errorf("%s:%d: unknown key %q: use %s", name, k.Line, k.Value, strings.Join(keys, ", "))
			}
		}
	}
	if err := n.Decode(v); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n.Line, err)
	}
	return nil
}

// baseLocale returns the locale a glossary file's name gives: "es" for
// "glossary/es.yaml".
func baseLocale(name string) string {
	base := path.Base(name)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	return base
}

// MarshalYAML writes the entries and rules of one locale of g as a
// glossary file in YAML, in the order they are in g.
func (g *Glossary) MarshalYAML(locale string) []byte {
	var b bytes.Buffer
	b.WriteString("# The project glossary for " + locale + ": see \"Glossary\" in bitext's README.\n")
	b.WriteString("locale: " + quote(locale) + "\n")
	sub := g.For(locale)
	if len(sub.Entries) > 0 {
		b.WriteString("terms:\n")
	}
	for _, e := range sub.Entries {
		b.WriteString("  - term: " + quote(e.Term) + "\n")
		writeList(&b, "approved", e.Approved)
		writeList(&b, "forbidden", e.Forbidden)
		if e.Case != "" && e.Case != Insensitive {
			b.WriteString("    case: " + string(e.Case) + "\n")
		}
		if e.Note != "" {
			b.WriteString("    note: " + quote(e.Note) + "\n")
		}
	}
	if len(sub.Rules) > 0 {
		b.WriteString("consistency:\n")
	}
	for _, r := range sub.Rules {
		b.WriteString("  - name: " + quote(r.Name) + "\n")
		writeList(&b, "forms", r.Forms)
	}
	return b.Bytes()
}

func writeList(b *bytes.Buffer, key string, list []string) {
	if len(list) == 0 {
		return
	}
	b.WriteString("    " + key + ": [")
	for i, s := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote(s))
	}
	b.WriteString("]\n")
}

// quote writes s as a YAML double-quoted string.
func quote(s string) string { return catalog.Quote(s) }
