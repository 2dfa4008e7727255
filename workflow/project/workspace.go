package project

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/reconcile"
	"github.com/hopeborder/bitext/workflow/segment"
	"github.com/hopeborder/bitext/workflow/terms"
)

// State is where a unit's translation stands.
type State int

// The states of a translation.
const (
	// Untranslated: no translation yet.
	Untranslated State = iota
	// Stale: translated from English that has changed since.
	Stale
	// Translated: translated from the current English.
	Translated
)

func (s State) String() string {
	return [...]string{"untranslated", "stale", "translated"}[s]
}

// Workspace is a project loaded into memory: every source segmented and
// reconciled with what bitext knew before, and every locale file read.
// Loading reads and never writes; Update says what to write.
type Workspace struct {
	cfg  *settings
	Docs []*Doc
	// OrphanFiles are message files and histories in the locales folder
	// that belong to no source, in path order.
	OrphanFiles []OrphanFile

	root     fs.FS
	mem      memories // the translation memories, made on first need (memory.go)
	glossary *terms.Glossary
	// actor and today are who works and the ISO day, for review records.
	actor, today string
}

// Glossary returns the project glossary, empty when there is none.
func (w *Workspace) Glossary() *terms.Glossary { return w.glossary }

// SourceLocale returns the language of the sources.
func (w *Workspace) SourceLocale() language.Tag { return w.cfg.source }

// Locales returns the target languages, in configuration order.
func (w *Workspace) Locales() []language.Tag { return w.cfg.targets }

// Config returns the configuration the workspace was loaded with.
func (w *Workspace) Config() Config { return w.cfg.Config }

// Credits returns the credits of d, what its editions' mastheads and
// metadata show: the configuration's (see Credits.For), each key it
// leaves empty filled from what the source says (its front matter, its
// Word properties).
func (w *Workspace) Credits(d *Doc) DocCredits {
	s := d.SourceCredits
	return w.cfg.Credits.For(d.Name).Fill(DocCredits{Authors: s.Authors, Translators: s.Translators, Reviewers: s.Reviewers,
		Publisher: s.Publisher, URL: s.URL, Date: s.Date, License: s.License})
}

// Doc is one source article and its translations.
type Doc struct {
	// Name is the document name, from the source file's base name.
	Name string
	// SourcePath is the source file's path in the project.
	SourcePath string
	// Date is the article's ISO date, or empty.
	Date string
	// SourceCredits are the credits the source gives (see
	// segment.Credits); Workspace.Credits adds the configuration's.
	SourceCredits segment.Credits
	// Units are the translation units in reading order, with stable IDs.
	Units []segment.Unit
	// Layout is how the source lays the units out, for the editions; nil
	// for plain text (see segment.Document).
	Layout *segment.Layout
	// SourceWarnings are what the reader found in the source and read as
	// best it could (see segment.Document), for the author.
	SourceWarnings []*segment.Error
	// Origins and Scores say how each unit relates to the previous run
	// (see reconcile.Result).
	Origins []reconcile.Origin
	Scores  []float64
	// Removed are units of the previous source that are gone.
	Removed []reconcile.Known
	// Restored are IDs of removed units that came back.
	Restored []string
	// RenamedFrom is, for an article whose source was renamed, the name
	// its files had: they are read from there and moved to this name.
	RenamedFrom string
	// Recovered counts the units whose IDs were recovered from the locale
	// files and the history, the source-locale file being gone.
	Recovered int

	// Source is the source-locale message file.
	Source FileState
	// History is the document's history file (see catalog.History).
	History       FileState
	history       *catalog.History
	priorSource   map[string]catalog.Source // hash → previous source message, made on first need
	priorMessages []catalog.Message         // the previous source file's messages
	priorOnce     sync.Once
	priorByID     map[string]int // ID → index in priorMessages, made on first need
	priorIDOnce   sync.Once
	// leftovers are message files a run cut short left behind, which hold
	// nothing the files in use do not: Update removes them.
	leftovers []FileState
	// Locales holds one entry per target locale, in configuration order.
	Locales []*Locale

	units map[string]int // ID → index in Units
}

// Unit returns the unit with the given ID, or nil.
func (d *Doc) Unit(id string) *segment.Unit {
	if i, ok := d.units[id]; ok {
		return &d.Units[i]
	}
	return nil
}

// Hash returns the hash of a unit's current source message.
func Hash(u *segment.Unit) string { return catalog.Hash(string(u.Kind), u.Text) }

// FileState is a file as it was read.
type FileState struct {
	// Path is the file's slash-separated path in the project.
	Path string
	// Exists is false when there was no such file.
	Exists bool
	// Raw is the file's content as read.
	Raw []byte
	// Format is the file's format, for message files.
	Format catalog.Format
}

// Locale is one document's translation into one language.
type Locale struct {
	Tag  language.Tag
	File FileState
	// Parsed is the locale file as read (empty when there was none).
	Parsed *catalog.File
	// Entries holds one entry per unit, in the order of Doc.Units.
	Entries []Entry
	// Orphans are translations in the file whose ID is not in the source.
	Orphans []catalog.Message
	// Obsolete counts this locale's translations kept for removed units.
	Obsolete int
	// Review is the locale's review file (see Record).
	Review FileState

	startRecording bool // the first review: Update makes the review file
}

// Entry is one unit's translation.
type Entry struct {
	// Unit is the unit translated.
	Unit *segment.Unit
	// Hash is the hash of the unit's current source message.
	Hash  string
	State State
	// Message is the translation as in the locale file, with its line.
	// Other is empty for an untranslated unit.
	Message catalog.Message
	// Was is, for a stale entry, the source message it was translated
	// from, when bitext still knows it.
	Was *catalog.Source
	// Restored is set when the translation came back from the obsolete
	// units in the history.
	Restored bool
	// Record is who translated and reviewed the unit, as the locale's
	// review file has it (see Reviewed and Translator); nil for none.
	Record *Record

	review bool // marked reviewed by Review, for Update to record
}

// Entry returns the entry for a unit ID, or nil.
func (l *Locale) Entry(d *Doc, id string) *Entry {
	if i, ok := d.units[id]; ok {
		return &l.Entries[i]
	}
	return nil
}

// Inputs are where a workspace is read from.
type Inputs struct {
	// Root is the project folder.
	Root fs.FS
	// Sources is where source globs are matched. Nil means Root. The
	// command points it at the embedded article when a project has none.
	Sources fs.FS
}

// Load reads and reconciles every document of the project.
func Load(in Inputs, cfg Config) (*Workspace, error) {
	s, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	if in.Sources == nil {
		in.Sources = in.Root
	}
	var paths []string
	for _, pattern := range s.Sources {
		matches, err := fs.Glob(in.Sources, pattern)
		if err != nil {
			return nil, &ConfigError{"sources", err.Error()}
		}
		paths = append(paths, matches...)
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	if len(paths) == 0 {
		return nil, &ConfigError{"sources", fmt.Sprintf("no source files match %s; put articles in source/ or set sources in bitext.yaml", strings.Join(s.Sources, ", "))}
	}
	w := &Workspace{cfg: s, root: in.Root}
	if w.glossary, err = readGlossary(in.Root, s.Glossary, s.source.String()); err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, p := range paths {
		name := segment.DocName(p)
		if other, dup := names[name]; dup {
			return nil, &ConfigError{"sources", fmt.Sprintf("%s and %s would share the locale files of %q; rename one", other, p, name)}
		}
		names[name] = p
	}
	if err := s.Credits.validate(s, names); err != nil {
		return nil, err
	}
	kept, err := w.keptFiles(in.Root)
	if err != nil {
		return nil, err
	}
	var orphans []string // names of kept files that no source has
	for _, name := range slices.Sorted(maps.Keys(kept)) {
		if _, ok := names[name]; !ok {
			orphans = append(orphans, name)
		}
	}
	claimed := map[string]bool{}
	if len(orphans) == 0 {
		// No document can claim another's files: they load in parallel,
		// which an archive of a thousand articles needs.
		if w.Docs, err = w.loadDocs(in, paths); err != nil {
			return nil, err
		}
	}
	for _, p := range paths {
		if len(orphans) == 0 {
			break
		}
		src, err := fs.ReadFile(in.Sources, p)
		if err != nil {
			return nil, fmt.Errorf("read source: %w", err)
		}
		var free []string
		for _, o := range orphans {
			if !claimed[o] {
				free = append(free, o)
			}
		}
		d, err := w.loadDoc(in.Root, p, src, free, func(name string) { claimed[name] = true })
		if err != nil {
			return nil, err
		}
		w.Docs = append(w.Docs, d)
	}
	for _, o := range orphans {
		if !claimed[o] {
			if err := w.orphaned(in.Root, o, kept[o]); err != nil {
				return nil, err
			}
		}
	}
	return w, nil
}

// loadDocs loads the documents of paths, none of which may claim
// another's files, on every processor; the first error in path order is
// the one returned, as loading them one by one would.
func (w *Workspace) loadDocs(in Inputs, paths []string) ([]*Doc, error) {
	docs := make([]*Doc, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				src, err := fs.ReadFile(in.Sources, paths[i])
				if err != nil {
					errs[i] = fmt.Errorf("read source: %w", err)
					continue
				}
				docs[i], errs[i] = w.loadDoc(in.Root, paths[i], src, nil, func(string) {})
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// MessagePath returns the path of a document's message file for a locale.
func (w *Workspace) MessagePath(doc string, tag language.Tag) string {
	return path.Join(w.cfg.LocalesDir, doc+"."+tag.String()+"."+string(w.cfg.format))
}

// HistoryPath returns the path of a document's history file.
func (w *Workspace) HistoryPath(doc string) string {
	return path.Join(w.cfg.LocalesDir, ".bitext", doc+".history.json")
}

// readMessageFile reads the message file of doc for tag, in the configured
// format or, when switching formats, in another one. When files in two
// formats exist and hold the same messages, the one in the configured
// format is read and the other is returned as a leftover of a switch that
// was cut short, for Update to remove.
func (w *Workspace) readMessageFile(root fs.FS, doc string, tag language.Tag) (FileState, *catalog.File, []FileState, error) {
	want := w.MessagePath(doc, tag)
	var found []FileState
	for _, f := range []catalog.Format{catalog.TOML, catalog.JSON, catalog.YAML} {
		p := path.Join(w.cfg.LocalesDir, doc+"."+tag.String()+"."+string(f))
		raw, err := fs.ReadFile(root, p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return FileState{}, nil, nil, fmt.Errorf("read %s: %w", p, err)
		}
		found = append(found, FileState{Path: p, Exists: true, Raw: raw, Format: f})
	}
	switch len(found) {
	case 0:
		return FileState{Path: want, Format: w.cfg.format}, &catalog.File{Path: want}, nil, nil
	case 1:
		parsed, err := catalog.Parse(found[0].Path, found[0].Raw)
		if err != nil {
			return FileState{}, nil, nil, err
		}
		return found[0], parsed, nil, nil
	}
	// Several: the configured one first.
	slices.SortStableFunc(found, func(a, b FileState) int {
		return cmp.Compare(boolInt(a.Path != want), boolInt(b.Path != want))
	})
	both := fmt.Sprintf("%s and %s both exist; keep the one in the configured format (%s) and remove the other", found[0].Path, found[1].Path, w.cfg.format)
	if found[0].Path != want {
		return FileState{}, nil, nil, errors.New(both)
	}
	parsed, err := catalog.Parse(found[0].Path, found[0].Raw)
	if err != nil {
		return FileState{}, nil, nil, err
	}
	for _, other := range found[1:] {
		op, err := catalog.Parse(other.Path, other.Raw)
		if err != nil || !sameMessages(parsed, op, found[0].Format != catalog.JSON && other.Format != catalog.JSON) {
			return FileState{}, nil, nil, errors.New(both + ": they differ")
		}
	}
	return found[0], parsed, found[1:], nil
}

// sameMessages reports whether two message files hold the same entries:
// IDs, hashes, texts, and translator comments when both formats keep them.
func sameMessages(a, b *catalog.File, comments bool) bool {
	if len(a.Messages) != len(b.Messages) {
		return false
	}
	for i := range a.Messages {
		x, y := &a.Messages[i], &b.Messages[i]
		if x.ID != y.ID || x.Hash != y.Hash || x.Other != y.Other || x.Description != y.Description {
			return false
		}
		if comments && !slices.Equal(x.Comments, y.Comments) {
			return false
		}
	}
	return !comments || slices.Equal(a.Comments, b.Comments)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// docFiles are the files bitext keeps for a document, as read.
type docFiles struct {
	source  parsedFile
	locales []parsedFile // one per target locale
	history FileState
	hist    *catalog.History
}

type parsedFile struct {
	state     FileState
	file      *catalog.File
	leftovers []FileState
}

// any reports whether any of the files exists.
func (f *docFiles) any() bool {
	if f.source.state.Exists || f.history.Exists {
		return true
	}
	for _, l := range f.locales {
		if l.state.Exists {
			return true
		}
	}
	return false
}

// readDocFiles reads and parses the message files and the history kept
// under a document name, each in a goroutine of its own; wait returns them.
func (w *Workspace) readDocFiles(root fs.FS, name string) (wait func() (*docFiles, error)) {
	f := &docFiles{locales: make([]parsedFile, len(w.cfg.targets))}
	errs := make([]error, len(w.cfg.targets)+1)
	var wg sync.WaitGroup
	wg.Go(func() {
		var err error
		if f.source.state, f.source.file, f.source.leftovers, err = w.readMessageFile(root, name, w.cfg.source); err != nil {
			errs[0] = err
			return
		}
		f.history.Path = w.HistoryPath(name)
		raw, err := fs.ReadFile(root, f.history.Path)
		switch {
		case err == nil:
			f.history.Exists, f.history.Raw = true, raw
		case !errors.Is(err, fs.ErrNotExist):
			errs[0] = fmt.Errorf("read %s: %w", f.history.Path, err)
			return
		}
		f.hist, errs[0] = catalog.ParseHistory(f.history.Path, f.history.Raw)
	})
	for i, tag := range w.cfg.targets {
		wg.Go(func() {
			l := &f.locales[i]
			var err error
			l.state, l.file, l.leftovers, err = w.readMessageFile(root, name, tag)
			errs[i+1] = err
		})
	}
	return func() (*docFiles, error) {
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return nil, err
			}
		}
		return f, nil
	}
}

// loadDoc reads, segments and reconciles one document. renamed are the
// names of message files that belong to no source: when the document has
// no files of its own and one of those holds its text, the article was
// renamed, and its files are read from there (and written under the new
// name by Update). claim says which was taken.
func (w *Workspace) loadDoc(root fs.FS, srcPath string, src []byte, renamed []string, claim func(string)) (*Doc, error) {
	d := &Doc{Name: segment.DocName(srcPath), SourcePath: srcPath}

	// The message files and the history are read and parsed while the
	// source is segmented: on large documents the two take about as long.
	wait := w.readDocFiles(root, d.Name)
	sdoc, err := w.cfg.readOptions().Read(srcPath, src)
	files, ferr := wait()
	if err != nil {
		return nil, err
	}
	if ferr != nil {
		return nil, ferr
	}
	if !files.any() && len(renamed) > 0 {
		if from := w.renamedFrom(root, sdoc.Units, renamed); from != "" {
			if files, err = w.readDocFiles(root, from)(); err != nil {
				return nil, err
			}
			claim(from)
			d.RenamedFrom = from
		}
	}
	srcMsgs := files.source
	locs := files.locales
	d.History, d.history = files.history, files.hist
	// Readers give the date as ISO; the source message is the date as the
	// source language writes it.
	for i := range sdoc.Units {
		if u := &sdoc.Units[i]; u.Kind == segment.Date {
			if long, ok := locale.LongDate(w.cfg.source, u.Text); ok {
				u.Text = long
			}
		}
	}
	if !srcMsgs.state.Exists && files.any() {
		// The source-locale file was deleted: the IDs come back from the
		// locale files and the history rather than being made anew.
		srcMsgs.file = &catalog.File{Path: srcMsgs.state.Path, Messages: w.recoverPrior(sdoc.Units, files)}
		d.Recovered = len(srcMsgs.file.Messages)
	}
	d.Date = sdoc.Date
	d.SourceCredits = sdoc.Credits
	d.Layout, d.SourceWarnings = sdoc.Layout, sdoc.Warnings
	d.Source = srcMsgs.state
	d.leftovers = srcMsgs.leftovers
	for _, l := range locs {
		d.leftovers = append(d.leftovers, l.leftovers...)
	}
	srcFile := srcMsgs.file

	var prior reconcile.Prior
	d.priorMessages = srcFile.Messages
	live := map[string]bool{}
	for _, m := range srcFile.Messages {
		kind := segment.Kind(m.Description)
		if !kind.Valid() {
			kind = segment.Paragraph
		}
		prior.Units = append(prior.Units, reconcile.Known{ID: m.ID, Kind: kind, Text: m.Other})
		live[m.ID] = true
	}
	for _, id := range slices.Sorted(maps.Keys(d.history.Obsolete)) {
		if live[id] {
			continue
		}
		o := d.history.Obsolete[id]
		kind := segment.Kind(o.Description)
		if !kind.Valid() {
			kind = segment.Paragraph
		}
		prior.Obsolete = append(prior.Obsolete, reconcile.Known{ID: id, Kind: kind, Text: o.Text})
	}
	res := reconcile.Reconcile(sdoc, prior)
	d.Units, d.Origins, d.Scores, d.Removed, d.Restored = res.Units, res.Origins, res.Scores, res.Removed, res.Restored
	d.units = make(map[string]int, len(d.Units))
	for i, u := range d.Units {
		d.units[u.ID] = i
	}

	// Each unit's hash, once for every locale; in two halves at once, since
	// SHA-1 over a long document adds up.
	hashes := make([]string, len(d.Units))
	half := len(d.Units) / 2
	var hw sync.WaitGroup
	hw.Go(func() {
		for i := range d.Units[:half] {
			hashes[i] = Hash(&d.Units[i])
		}
	})
	for i := half; i < len(d.Units); i++ {
		hashes[i] = Hash(&d.Units[i])
	}
	hw.Wait()

	for i, tag := range w.cfg.targets {
		fsState, parsed := locs[i].state, locs[i].file
		l := &Locale{Tag: tag, File: fsState, Parsed: parsed, Entries: make([]Entry, len(d.Units))}
		byID := parsed.Index()
		tagS := tag.String()
		for i := range d.Units {
			u := &d.Units[i]
			e := Entry{Unit: u, Hash: hashes[i], Message: catalog.Message{ID: u.ID, Description: string(u.Kind)}}
			kept, inHistory := d.history.Obsolete[u.ID].Translations[tagS]
			j, inFile := byID[u.ID]
			if inFile {
				e.Message = parsed.Messages[j]
			}
			// A unit that came back gets what the history kept of it. So
			// does one whose entry lost its translation while the history
			// still holds it: a run cut short, or an editor saving an older
			// copy of the file over the one bitext wrote.
			if inHistory && (!inFile || strings.TrimSpace(e.Message.Other) == "" && kept.Other != "") {
				e.Message.Hash, e.Message.Other = kept.Hash, kept.Other
				for _, c := range kept.Comments {
					if !slices.Contains(e.Message.Comments, c) {
						e.Message.Comments = append(e.Message.Comments, c)
					}
				}
				e.Restored = true
			}
			if strings.TrimSpace(e.Message.Other) != "" && e.Message.Hash == "" {
				// A tool rewrote the file without its hashes (Weblate's JSON
				// writer does). The translation was made from what the
				// history says if it was stale, else from the English of
				// the last update; only a unit bitext never saw before is
				// taken as current, as goi18n takes files from before
				// hashes.
				if h, ok := d.history.Stale[tagS][u.ID]; ok {
					e.Message.Hash = h
				} else if h, ok := d.priorHash(u.ID); ok {
					e.Message.Hash = h
				}
			}
			switch {
			case strings.TrimSpace(e.Message.Other) == "":
				e.State = Untranslated
			case e.Message.Hash == e.Hash || e.Message.Hash == "":
				e.State = Translated
			default:
				e.State = Stale
				e.Was = d.sourceFor(e.Message.Hash)
			}
			l.Entries[i] = e
		}
		for _, m := range parsed.Messages {
			if _, ok := d.units[m.ID]; !ok {
				l.Orphans = append(l.Orphans, m)
			}
		}
		for id, o := range d.history.Obsolete {
			t, has := o.Translations[tagS]
			if _, live := d.units[id]; has && t.Other != "" && !live {
				l.Obsolete++
			}
		}
		if err := w.loadReview(root, d, l); err != nil {
			return nil, err
		}
		d.Locales = append(d.Locales, l)
	}
	return d, nil
}

// priorHash returns the hash of a unit's message in the previous source
// file, if it had one.
func (d *Doc) priorHash(id string) (string, bool) {
	d.priorIDOnce.Do(func() {
		d.priorByID = make(map[string]int, len(d.priorMessages))
		for i, m := range d.priorMessages {
			d.priorByID[m.ID] = i
		}
	})
	i, ok := d.priorByID[id]
	if !ok {
		return "", false
	}
	m := d.priorMessages[i]
	return catalog.Hash(m.Description, m.Other), true
}

// sourceFor returns the source message a hash was computed from, if bitext
// still knows it: from the previous source file or the history. The
// previous file is indexed by hash on first need only: most runs have
// nothing stale to look up.
func (d *Doc) sourceFor(hash string) *catalog.Source {
	if s, ok := d.history.Sources[hash]; ok {
		return &s
	}
	d.priorOnce.Do(func() {
		d.priorSource = make(map[string]catalog.Source, len(d.priorMessages))
		for _, m := range d.priorMessages {
			d.priorSource[catalog.Hash(m.Description, m.Other)] = catalog.Source{ID: m.ID, Description: m.Description, Text: m.Other}
		}
	})
	if s, ok := d.priorSource[hash]; ok {
		return &s
	}
	return nil
}
