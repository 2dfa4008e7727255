package project

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/segment"
)

// OrphanFile is a message file or history in the locales folder that
// belongs to no source.
type OrphanFile struct {
	// Path is the file's slash path in the project.
	Path string
	// Doc is the document name the file is named after.
	Doc string
	// Like is the document whose text the file matches, if one does: an
	// old copy of its files, or the files of an article renamed while
	// its new name already had files of its own.
	Like string
}

// renameMatch is the least share of a document's units that must be in a
// file set for bitext to take it as the document's, renamed.
const renameMatch = 0.5

// keptFiles lists, by document name, the message files (of the source and
// the target locales, in any format) and histories in the locales folder.
func (w *Workspace) keptFiles(root fs.FS) (map[string][]string, error) {
	out := map[string][]string{}
	tags := map[string]bool{w.cfg.source.String(): true}
	for _, t := range w.cfg.targets {
		tags[t.String()] = true
	}
	entries, err := fs.ReadDir(root, w.cfg.LocalesDir)
	if err != nil && !isNotExist(err) {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		ext := path.Ext(name)
		if _, err := catalog.FormatOf(name); err != nil || ext == ".yml" {
			continue
		}
		stem := strings.TrimSuffix(name, ext)
		i := strings.LastIndexByte(stem, '.')
		if i <= 0 {
			continue
		}
		tag, err := language.Parse(stem[i+1:])
		if err != nil || !tags[tag.String()] {
			continue
		}
		doc := stem[:i]
		out[doc] = append(out[doc], path.Join(w.cfg.LocalesDir, name))
	}
	hist, err := fs.ReadDir(root, path.Join(w.cfg.LocalesDir, ".bitext"))
	if err != nil && !isNotExist(err) {
		return nil, err
	}
	for _, e := range hist {
		if doc, ok := strings.CutSuffix(e.Name(), ".history.json"); ok && !e.IsDir() && !strings.HasPrefix(doc, ".") {
			out[doc] = append(out[doc], w.HistoryPath(doc))
		}
	}
	for doc := range out {
		slices.Sort(out[doc])
	}
	return out, nil
}

func isNotExist(err error) bool { return err != nil && errors.Is(err, fs.ErrNotExist) }

// similarity returns the share of units whose text the files kept under
// name hold: by the source-locale file, or, without one, by the hashes of
// a locale file (which are of the English each entry was made from).
func (w *Workspace) similarity(root fs.FS, name string, units []segment.Unit) float64 {
	if len(units) == 0 {
		return 0
	}
	st, f, _, err := w.readMessageFile(root, name, w.cfg.source)
	if err == nil && st.Exists && len(f.Messages) > 0 {
		texts := make(map[string]bool, len(f.Messages))
		for _, m := range f.Messages {
			texts[m.Other] = true
		}
		n := 0
		for _, u := range units {
			if texts[u.Text] {
				n++
			}
		}
		return float64(n) / float64(max(len(units), len(f.Messages)))
	}
	for _, tag := range w.cfg.targets {
		st, f, _, err := w.readMessageFile(root, name, tag)
		if err != nil || !st.Exists || len(f.Messages) == 0 {
			continue
		}
		hashes := make(map[string]bool, len(f.Messages))
		for _, m := range f.Messages {
			hashes[m.Hash] = true
		}
		n := 0
		for _, u := range units {
			if hashes[catalog.Hash(string(u.Kind), u.Text)] {
				n++
			}
		}
		return float64(n) / float64(max(len(units), len(f.Messages)))
	}
	return 0
}

// renamedFrom returns the one name among candidates whose files hold the
// document's text, or "" when none does, or several do equally.
func (w *Workspace) renamedFrom(root fs.FS, units []segment.Unit, candidates []string) string {
	best, bestScore, tie := "", 0.0, false
	for _, c := range candidates {
		switch s := w.similarity(root, c, units); {
		case s > bestScore:
			best, bestScore, tie = c, s, false
		case s == bestScore && s > 0:
			tie = true
		}
	}
	if bestScore < renameMatch || tie {
		return ""
	}
	return best
}

// orphaned records the files kept under name, which no source has. When
// they match a document that has files of its own and hold nothing those
// do not (a rename cut short after the copy), they are left over, and
// Update removes them; otherwise they are reported.
func (w *Workspace) orphaned(root fs.FS, name string, paths []string) error {
	like := ""
	for _, d := range w.Docs {
		if w.similarity(root, name, d.Units) >= renameMatch {
			like = d.Name
			files, err := w.readDocFiles(root, name)()
			if err != nil {
				return err
			}
			if d.holds(files) {
				for _, p := range paths {
					raw, err := fs.ReadFile(root, p)
					if err != nil {
						return err
					}
					d.leftovers = append(d.leftovers, FileState{Path: p, Exists: true, Raw: raw})
				}
				return nil
			}
			break
		}
	}
	for _, p := range paths {
		w.OrphanFiles = append(w.OrphanFiles, OrphanFile{Path: p, Doc: name, Like: like})
	}
	return nil
}

// holds reports whether every translation and translator comment of files
// is also in d's locale files or history.
func (d *Doc) holds(files *docFiles) bool {
	have := map[string]bool{}
	add := func(tag, other string, comments []string) {
		if other != "" {
			have[tag+"\x00"+other] = true
		}
		for _, c := range comments {
			have[tag+"\x00#"+c] = true
		}
	}
	for _, l := range d.Locales {
		for i := range l.Entries {
			add(l.Tag.String(), l.Entries[i].Message.Other, l.Entries[i].Message.Comments)
		}
		for _, m := range l.Orphans {
			add(l.Tag.String(), m.Other, m.Comments)
		}
	}
	for _, o := range d.history.Obsolete {
		for tag, t := range o.Translations {
			add(tag, t.Other, t.Comments)
		}
	}
	ok := func(tag, other string, comments []string) bool {
		if other != "" && !have[tag+"\x00"+other] {
			return false
		}
		for _, c := range comments {
			if !have[tag+"\x00#"+c] {
				return false
			}
		}
		return true
	}
	for i, l := range files.locales {
		tag := d.Locales[i].Tag.String()
		for _, m := range l.file.Messages {
			if !ok(tag, m.Other, m.Comments) {
				return false
			}
		}
	}
	if files.hist != nil {
		for _, o := range files.hist.Obsolete {
			for tag, t := range o.Translations {
				if !ok(tag, t.Other, t.Comments) {
					return false
				}
			}
		}
	}
	return true
}

// recoverPrior rebuilds the source messages of a document whose
// source-locale file is gone from its locale files and history: each
// entry's ID with the English of the last update, in the order of the
// first locale file that has entries. That English is in the entry's
// "#. en:" line, which bitext writes above every entry of a TOML or YAML
// file; else it is the current text of the unit whose hash the entry has,
// or what the history kept for the hash. Entries whose English is nowhere
// to be found are left out: their units get new IDs, and the translations
// are kept as obsolete.
func (w *Workspace) recoverPrior(units []segment.Unit, files *docFiles) []catalog.Message {
	byHash := make(map[string]*segment.Unit, len(units))
	for i := range units {
		byHash[catalog.Hash(string(units[i].Kind), units[i].Text)] = &units[i]
	}
	note := ". " + w.cfg.source.String() + ": "
	var out []catalog.Message
	seen := map[string]bool{}
	for _, l := range files.locales {
		for _, m := range l.file.Messages {
			if seen[m.ID] {
				continue
			}
			desc, text, found := m.Description, "", false
			for _, n := range m.Notes {
				if t, ok := strings.CutPrefix(n, note); ok && segment.Kind(desc).Valid() {
					text, found = t, true
					break
				}
			}
			if !found {
				if u, ok := byHash[m.Hash]; ok && m.Hash != "" {
					desc, text, found = string(u.Kind), u.Text, true
				} else if s, ok := files.hist.Sources[m.Hash]; ok && m.Hash != "" {
					desc, text, found = s.Description, s.Text, true
				}
			}
			if !found {
				continue
			}
			seen[m.ID] = true
			out = append(out, catalog.Message{ID: m.ID, Description: desc, Other: text})
		}
	}
	return out
}

// Advice says what the file is and what to do about it, for a translator.
func (o OrphanFile) Advice() string {
	if o.Like != "" {
		return "belongs to no source, though it holds the text of " + o.Like + " (an old copy, or the files of an article renamed when its new name had files already): bitext does not read it; take what you need from it into the files of " + o.Like + ", then remove it"
	}
	return "belongs to no source (no article is named " + o.Doc + "): if the article was renamed and much rewritten, rename its files to the new name (git mv) and run bitext update; if it was removed, its files can go"
}

// Leftovers returns the paths of files a run cut short left behind, which
// hold nothing the document's files in use do not: Update removes them.
func (d *Doc) Leftovers() []string {
	var out []string
	for _, f := range d.leftovers {
		out = append(out, f.Path)
	}
	return out
}
