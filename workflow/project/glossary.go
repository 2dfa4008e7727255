package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

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

// GlossaryTBX returns the project glossary, every locale, as TBX-Basic
// for OmegaT, Trados or Weblate. Consistency rules stay in the YAML.
func (w *Workspace) GlossaryTBX() []byte {
	return w.glossary.MarshalTBX(w.cfg.source.String())
}

// GlossaryImport says what ImportGlossary did for one locale.
type GlossaryImport struct {
	Locale string
	// Path is the YAML glossary file written.
	Path string
	// Added are the entries of terms the file did not have; Replaced
	// those that replace the file's entry of the same term.
	Added, Replaced int
}

// ImportGlossary reads a TBX file (name is its path, for messages) and
// returns the writes that merge its entries for each of tags into that
// locale's YAML glossary file, <glossary>/<locale>.yaml: an entry of the
// same term replaces the file's, others are added after them, and the
// file's comments at its top and its consistency rules stay. A locale
// whose glossary is kept in CSV is refused (the import would write its
// terms twice); a file that does not read writes nothing.
func (w *Workspace) ImportGlossary(name string, data []byte, tags []language.Tag) ([]Write, []GlossaryImport, error) {
	in, err := terms.ReadTBX(name, data, w.cfg.source.String())
	if err != nil {
		return nil, nil, err
	}
	var writes []Write
	var report []GlossaryImport
	for _, tag := range tags {
		locale := tag.String()
		// The file's entries for this locale, or for its language, or
		// (for a target without region) for a region of it: a TBX of
		// es-MX terms serves a project translating into es.
		sub := in.For(locale)
		if !strings.Contains(locale, "-") {
			for _, e := range in.Entries {
				if base, _, ok := strings.Cut(e.Locale, "-"); ok && strings.EqualFold(base, locale) {
					sub.Entries = append(sub.Entries, e)
				}
			}
		}
		csv := path.Join(w.cfg.Glossary, locale+".csv")
		if _, err := fs.Stat(w.root, csv); err == nil {
			return nil, nil, fmt.Errorf("%s: the %s glossary is kept in CSV; import writes YAML, so add the terms to %s by hand or move it to %s.yaml first", csv, locale, csv, path.Join(w.cfg.Glossary, locale))
		}
		p := path.Join(w.cfg.Glossary, locale+".yaml")
		old, err := fs.ReadFile(w.root, p)
		existed := err == nil
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("read the glossary: %w", err)
		}
		have := &terms.Glossary{}
		if existed {
			if have, err = terms.ReadYAML(p, old); err != nil {
				return nil, nil, &ConfigError{Key: "glossary", Msg: err.Error()}
			}
		}
		r := GlossaryImport{Locale: locale, Path: p}
		known := map[string]bool{}
		for _, e := range have.Entries {
			known[strings.ToLower(e.Term)] = true
		}
		for i := range sub.Entries {
			sub.Entries[i].Locale = locale
			if known[strings.ToLower(sub.Entries[i].Term)] {
				r.Replaced++
			} else {
				r.Added++
			}
		}
		// Replaced entries keep their place in the file.
		merged := &terms.Glossary{Rules: have.Rules}
		byTerm := map[string]terms.Entry{}
		for _, e := range sub.Entries {
			byTerm[strings.ToLower(e.Term)] = e
		}
		for _, e := range have.Entries {
			if n, ok := byTerm[strings.ToLower(e.Term)]; ok {
				e = n
				delete(byTerm, strings.ToLower(e.Term))
			}
			merged.Entries = append(merged.Entries, e)
		}
		for _, e := range sub.Entries {
			if _, ok := byTerm[strings.ToLower(e.Term)]; ok {
				merged.Entries = append(merged.Entries, e)
			}
		}
		out := withHeader(merged.MarshalYAML(locale), old)
		report = append(report, r)
		if existed && bytes.Equal(out, old) {
			continue
		}
		writes = append(writes, Write{Path: p, Data: out, Old: old, Existed: existed})
	}
	return writes, report, nil
}

// withHeader puts the comment lines at the top of old in place of the
// first line of out, the header MarshalYAML writes.
func withHeader(out, old []byte) []byte {
	var header []byte
	for rest := old; len(rest) > 0; {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		if !bytes.HasPrefix(line, []byte("#")) {
			break
		}
		header = append(append(header, line...), '\n')
		rest = next
	}
	if len(header) == 0 {
		return out
	}
	_, body, _ := bytes.Cut(out, []byte("\n"))
	return append(header, body...)
}
