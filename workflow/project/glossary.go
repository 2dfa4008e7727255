package project

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hopeborder/bitext/workflow/terms"
)

// readGlossary reads every glossary file of dir: <locale>.yaml, .yml and
// .csv, and *.tbx, in name order. A missing folder is an empty glossary;
// a file that does not read is a configuration error at its line.
func readGlossary(root fs.FS, dir, sourceLang string) (*terms.Glossary, error) {
	g := &terms.Glossary{}
	entries, err := fs.ReadDir(root, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return g, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the glossary: %w", err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	for _, name := range names {
		p := path.Join(dir, name)
		var read func(string, []byte) (*terms.Glossary, error)
		switch strings.ToLower(path.Ext(name)) {
		case ".yaml", ".yml":
			read = terms.ReadYAML
		case ".csv":
			read = terms.ReadCSV
		case ".tbx":
			read = func(name string, data []byte) (*terms.Glossary, error) { return terms.ReadTBX(name, data, sourceLang) }
		default:
			continue
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return nil, fmt.Errorf("read the glossary: %w", err)
		}
		part, err := read(p, data)
		if err != nil {
			return nil, &ConfigError{Key: "glossary", Msg: err.Error()}
		}
		g.Entries = append(g.Entries, part.Entries...)
		g.Rules = append(g.Rules, part.Rules...)
	}
	return g, nil
}

// termNotes returns the "#. term:" lines of a unit (termLines), so that
// the translator sees them where the translation is.
func termNotes(g *terms.Glossary, locale, text string) []string {
	lines := termLines(g, locale, text)
	for i, l := range lines {
		lines[i] = ". term: " + l
	}
	return lines
}

// termLines returns, for each glossary term the English text has, the
// term with its approved renderings and the forbidden ones, as "drug war
// → guerra contra el narcotráfico (not: guerra contra las drogas)".
func termLines(g *terms.Glossary, locale, text string) []string {
	if g == nil || len(g.Entries) == 0 {
		return nil
	}
	var out []string
	for _, e := range g.Find(locale, text) {
		line := e.Term
		if len(e.Approved) > 0 {
			line += " → " + strings.Join(e.Approved, " | ")
		}
		if len(e.Forbidden) > 0 {
			line += " (not: " + strings.Join(e.Forbidden, ", ") + ")"
		}
		out = append(out, line)
	}
	return out
}
