package project

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/exchange"
	"github.com/hopeborder/bitext/workflow/memory"
	"github.com/hopeborder/bitext/workflow/textdiff"
)

// memories are a workspace's translation memories, one per target locale,
// each made on first need: the translations of every document, those the
// histories keep of removed units, and the outside memory kept under
// locales/.bitext/.
type memories struct {
	mu       sync.Mutex
	byTag    map[string]*memory.Memory
	outside  map[string]*outsideMemory
	loadErr  error
	loadOnce sync.Once
}

// outsideMemory is the memory of a locale kept in the project, as read.
type outsideMemory struct {
	File    FileState
	TUs     []exchange.TU
	changed bool // units were added since it was read
	// conflicts indexes the units of import conflicts by document and ID,
	// made on first need.
	conflicts     map[[2]string][]int
	conflictsOnce sync.Once
}

func (om *outsideMemory) conflictsOf(doc, id string) []int {
	om.conflictsOnce.Do(func() {
		om.conflicts = map[[2]string][]int{}
		for i, tu := range om.TUs {
			if tu.Conflict != "" {
				k := [2]string{tu.Doc, tu.ID}
				om.conflicts[k] = append(om.conflicts[k], i)
			}
		}
	})
	return om.conflicts[[2]string{doc, id}]
}

// MemoryPath returns the path of the outside memory kept for a locale:
// TMX imported with `bitext tm import`, and the translations an import
// could not take (conflicts).
func (w *Workspace) MemoryPath(tag language.Tag) string {
	return path.Join(w.cfg.LocalesDir, ".bitext", "memory."+tag.String()+".tmx")
}

// loadOutside reads the outside memories of every target locale, once.
func (w *Workspace) loadOutside() error {
	w.mem.loadOnce.Do(func() {
		w.mem.outside = map[string]*outsideMemory{}
		for _, tag := range w.cfg.targets {
			p := w.MemoryPath(tag)
			om := &outsideMemory{File: FileState{Path: p}}
			w.mem.outside[tag.String()] = om
			if w.root == nil {
				continue
			}
			raw, err := fs.ReadFile(w.root, p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				w.mem.loadErr = fmt.Errorf("read %s: %w", p, err)
				return
			}
			om.File.Exists, om.File.Raw = true, raw
			m, err := exchange.ReadTMX(p, raw, w.cfg.source.String(), tag.String())
			if err != nil {
				w.mem.loadErr = fmt.Errorf("%w (the project's translation memory: restore it from version control)", err)
				return
			}
			om.TUs = m.TUs
		}
	})
	return w.mem.loadErr
}

// Memory returns the translation memory of a target locale: every
// document's translations (of the current source, or of the source a
// stale one was made from), the translations of removed units, and the
// outside memory.
func (w *Workspace) Memory(tag language.Tag) (*memory.Memory, error) {
	if err := w.loadOutside(); err != nil {
		return nil, err
	}
	w.mem.mu.Lock()
	defer w.mem.mu.Unlock()
	if m, ok := w.mem.byTag[tag.String()]; ok {
		return m, nil
	}
	m := &memory.Memory{}
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			if l.Tag == tag {
				for _, e := range d.memoryEntries(l) {
					m.Add(e)
				}
			}
		}
	}
	if om := w.mem.outside[tag.String()]; om != nil {
		for _, tu := range om.TUs {
			m.Add(memory.Entry{Doc: tu.Doc, ID: tu.ID, Kind: tu.Kind, Source: tu.Source, Target: tu.Target, Origin: cmpOr(tu.Origin, "memory"), Created: tu.Created, Changed: tu.Changed})
		}
	}
	if w.mem.byTag == nil {
		w.mem.byTag = map[string]*memory.Memory{}
	}
	w.mem.byTag[tag.String()] = m
	return m, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// memoryEntries are a document's translations into a locale for the
// memory: those whose source text is known, and the obsolete ones.
func (d *Doc) memoryEntries(l *Locale) []memory.Entry {
	var out []memory.Entry
	for i := range l.Entries {
		e := &l.Entries[i]
		switch {
		case e.State == Translated:
			out = append(out, memory.Entry{Doc: d.Name, ID: e.Unit.ID, Kind: string(e.Unit.Kind), Source: e.Unit.Text, Target: e.Message.Other})
		case e.State == Stale && e.Was != nil:
			out = append(out, memory.Entry{Doc: d.Name, ID: e.Unit.ID, Kind: string(e.Unit.Kind), Source: e.Was.Text, Target: e.Message.Other})
		}
	}
	// Removed units' translations, from the history and from orphan
	// entries, in ID order: a run that finishes what a killed run began
	// finds the same memory, whichever of the two still holds them.
	type removed struct{ id, kind, source, target string }
	var rem []removed
	seen := map[[2]string]bool{}
	tag := l.Tag.String()
	for _, id := range slices.Sorted(maps.Keys(d.history.Obsolete)) {
		o := d.history.Obsolete[id]
		t, ok := o.Translations[tag]
		if !ok || t.Other == "" || d.Unit(id) != nil {
			continue
		}
		text := o.Text
		if t.Hash != catalog.Hash(o.Description, o.Text) {
			s := d.sourceFor(t.Hash)
			if s == nil {
				continue
			}
			text = s.Text
		}
		rem = append(rem, removed{id, o.Description, text, t.Other})
		seen[[2]string{id, t.Other}] = true
	}
	for _, m := range l.Orphans {
		if s := d.sourceFor(m.Hash); s != nil && m.Other != "" && !seen[[2]string{m.ID, m.Other}] {
			rem = append(rem, removed{m.ID, m.Description, s.Text, m.Other})
		}
	}
	slices.SortStableFunc(rem, func(a, b removed) int { return strings.Compare(a.id, b.id) })
	for _, r := range rem {
		out = append(out, memory.Entry{Doc: d.Name, ID: r.id, Kind: r.kind, Source: r.source, Target: r.target, Obsolete: true})
	}
	return out
}

// suggestionNotes are the "#. suggestion" lines of an entry that needs a
// translation: the best matches of the locale's memory, with the word
// diff of the English for a similar one.
func (w *Workspace) suggestionNotes(d *Doc, l *Locale, e *Entry, current string) []string {
	mem, err := w.Memory(l.Tag)
	if err != nil {
		return nil // Update reports it before writing anything
	}
	var notes []string
	for _, s := range mem.Suggest(e.Unit.Text, d.Name, e.Unit.ID, maxSuggestions) {
		if s.Target == current {
			continue
		}
		notes = append(notes, fmt.Sprintf(". suggestion %d%% (%s %s): %s", s.Score, s.Relation, suggestionOrigin(d, s.Entry), s.Target))
		if s.Relation == memory.Similar && s.Score < 100 {
			notes = append(notes, ". suggestion diff: "+textdiff.Words(s.Source, e.Unit.Text).Compact(diffContext))
		}
	}
	return notes
}

// suggestionOrigin says where a suggestion comes from: "p-id", "removed
// p-id", "p-id in other-doc", or the outside memory's name.
func suggestionOrigin(d *Doc, s memory.Entry) string {
	if s.Origin != "" {
		if s.ID != "" {
			return s.Origin + " " + s.ID
		}
		return s.Origin
	}
	where := s.ID
	if s.Obsolete {
		where = "removed " + s.ID
	}
	if s.Doc != d.Name {
		where += " in " + s.Doc
	}
	return where
}

// conflictNotes are the lines of an entry for which an import brought a
// different translation that it did not take: shown while the entry's
// translation is still the one the import met.
func (w *Workspace) conflictNotes(d *Doc, l *Locale, e *Entry) []string {
	if err := w.loadOutside(); err != nil {
		return nil
	}
	om := w.mem.outside[l.Tag.String()]
	if om == nil {
		return nil
	}
	var notes []string
	var fp string
	for _, i := range om.conflictsOf(d.Name, e.Unit.ID) {
		tu := om.TUs[i]
		if fp == "" {
			fp = exchange.Fingerprint(e.Message.Other)
		}
		if tu.Conflict == fp && tu.Target != e.Message.Other {
			notes = append(notes, fmt.Sprintf(". import conflict (%s): %s", tu.Origin, tu.Target))
		}
	}
	return notes
}

// AddMemory adds translation units to the outside memory of a locale,
// leaving out those it holds already, and returns how many were new. They
// feed the suggestions at once; Update writes them.
func (w *Workspace) AddMemory(tag language.Tag, tus []exchange.TU) (int, error) {
	if err := w.loadOutside(); err != nil {
		return 0, err
	}
	om := w.mem.outside[tag.String()]
	if om == nil {
		return 0, &ConfigError{"locales", fmt.Sprintf("%s is not a target locale (configured: %s)", tag, w.localeList())}
	}
	type key struct{ doc, id, origin, conflict, source, target string }
	have := map[key]bool{}
	for _, tu := range om.TUs {
		have[key{tu.Doc, tu.ID, tu.Origin, tu.Conflict, tu.Source, tu.Target}] = true
	}
	added := 0
	for _, tu := range tus {
		k := key{tu.Doc, tu.ID, tu.Origin, tu.Conflict, tu.Source, tu.Target}
		if have[k] {
			continue
		}
		have[k] = true
		tu.Line = 0
		om.TUs = append(om.TUs, tu)
		added++
	}
	if added > 0 {
		om.changed = true
		om.conflictsOnce = sync.Once{}
		w.mem.mu.Lock()
		delete(w.mem.byTag, tag.String())
		w.mem.mu.Unlock()
	}
	return added, nil
}

// memoryWrites returns the writes of the outside memories that gained
// units. They only gain, so they go first in a transaction.
func (w *Workspace) memoryWrites() ([]Write, error) {
	var out []Write
	for _, tag := range w.cfg.targets {
		om := w.mem.outside[tag.String()]
		if om == nil || !om.changed {
			continue
		}
		data, err := exchange.WriteTMX(&exchange.Memory{SourceLang: w.cfg.source.String(), TargetLang: tag.String(), TUs: om.TUs})
		if err != nil {
			return nil, err
		}
		out = appendChanged(out, om.File, data)
	}
	return out, nil
}

// ExportMemory returns a locale's memory as TMX units, in document then
// unit order, then the outside memory's: every translation with its
// document, ID and kind. date, when not zero, is the creation and change
// date given to the project's own translations, which keep no dates.
func (w *Workspace) ExportMemory(tag language.Tag, date time.Time) (*exchange.Memory, error) {
	mem, err := w.Memory(tag)
	if err != nil {
		return nil, err
	}
	out := &exchange.Memory{SourceLang: w.cfg.source.String(), TargetLang: tag.String()}
	for _, e := range mem.Entries() {
		tu := exchange.TU{ID: e.ID, Doc: e.Doc, Kind: e.Kind, Origin: e.Origin, Source: e.Source, Target: e.Target, Created: e.Created, Changed: e.Changed}
		if e.Origin == "memory" {
			tu.Origin = ""
		}
		if e.Origin == "" && !date.IsZero() {
			tu.Created, tu.Changed = date, date
		}
		if e.Origin == "" {
			tu.People = w.peopleOf(e.Doc, e.ID, tag)
		}
		out.TUs = append(out.TUs, tu)
	}
	return out, nil
}
