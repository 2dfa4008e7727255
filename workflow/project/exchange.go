package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/exchange"
	"github.com/hopeborder/bitext/workflow/segment"
)

// reviewPrefix starts the description of a source recorded for a
// translation that waits for review although it was made from the current
// source: one filled in from the memory, or one a tool sent back unconfirmed.
// Its hash differs from the unit's, so the entry is stale until accepted.
const reviewPrefix = "review:"

// reviewReason returns why a stale entry needs review when it was not the
// source that changed.
func reviewReason(was *catalog.Source) (string, bool) {
	if was == nil || !strings.HasPrefix(was.Description, reviewPrefix) {
		return "", false
	}
	_, why, _ := strings.Cut(strings.TrimPrefix(was.Description, reviewPrefix), ":")
	return why, true
}

// markForReview gives an entry a translation of its current source that
// still needs review, and why.
func (d *Doc) markForReview(e *Entry, target, why string) {
	desc := reviewPrefix + string(e.Unit.Kind) + ":" + why
	h := catalog.Hash(desc, e.Unit.Text)
	src := catalog.Source{ID: e.Unit.ID, Description: desc, Text: e.Unit.Text}
	d.history.Sources[h] = src
	e.Message.Other, e.Message.Hash = target, h
	e.State, e.Was = Stale, &src
}

// comment turns a catalog comment (the line without "#") into the text a
// translator sees, and back.
func commentText(c string) string { return strings.TrimPrefix(c, " ") }
func commentLine(t string) string { return " " + t }

// Export returns the units of the documents named (all when none) for a
// target locale, for a translator's tool: each unit's ID, kind, position,
// source, translation and state, the source a stale translation was made
// from, translator comments, and suggestions for those that need work.
func (w *Workspace) Export(tag language.Tag, docs []string) (*exchange.File, error) {
	if !slices.Contains(w.cfg.targets, tag) {
		return nil, &ConfigError{"locales", fmt.Sprintf("%s is not a target locale (configured: %s)", tag, w.localeList())}
	}
	selected, err := w.selectDocs(docs)
	if err != nil {
		return nil, err
	}
	mem, err := w.Memory(tag)
	if err != nil {
		return nil, err
	}
	f := &exchange.File{}
	for _, d := range selected {
		l := d.locale(tag)
		xd := exchange.Doc{Name: d.Name, Original: d.SourcePath, SourceLang: w.cfg.source.String(), TargetLang: tag.String()}
		for i := range l.Entries {
			e := &l.Entries[i]
			u := exchange.Unit{ID: e.Unit.ID, Kind: string(e.Unit.Kind), Source: e.Unit.Text,
				Position: d.SourcePath + ":" + strconv.Itoa(e.Unit.Line)}
			if e.Unit.Line == 0 {
				u.Position = d.SourcePath
			}
			for _, c := range e.Message.Comments {
				u.Comments = append(u.Comments, commentText(c))
			}
			u.Terms = termLines(w.glossary, tag.String(), e.Unit.Text)
			u.Reviewed, u.People = e.Reviewed(), e.people()
			switch e.State {
			case Translated:
				u.Target, u.State = e.Message.Other, exchange.Translated
			case Stale:
				u.Target, u.State = e.Message.Other, exchange.NeedsReview
				if e.Was != nil && e.Was.Text != e.Unit.Text {
					u.OldSource = e.Was.Text
				}
			}
			u.Base = exchange.Fingerprint(u.Target)
			if e.State != Translated {
				for _, s := range mem.Suggest(e.Unit.Text, d.Name, e.Unit.ID, maxSuggestions) {
					if s.Target != u.Target {
						u.Suggestions = append(u.Suggestions, exchange.Suggestion{Score: s.Score, Origin: suggestionOrigin(d, s.Entry), Source: s.Source, Target: s.Target})
					}
				}
			}
			xd.Units = append(xd.Units, u)
		}
		f.Docs = append(f.Docs, xd)
	}
	return f, nil
}

func (d *Doc) locale(tag language.Tag) *Locale {
	for _, l := range d.Locales {
		if l.Tag == tag {
			return l
		}
	}
	return nil
}

func (w *Workspace) selectDocs(names []string) ([]*Doc, error) {
	if len(names) == 0 {
		return w.Docs, nil
	}
	var out []*Doc
	for _, n := range names {
		i := slices.IndexFunc(w.Docs, func(d *Doc) bool { return d.Name == n || d.SourcePath == n })
		if i < 0 {
			return nil, fmt.Errorf("no document %q; documents are named after their source files (%s)", n, docNames(w.Docs))
		}
		if !slices.Contains(out, w.Docs[i]) {
			out = append(out, w.Docs[i])
		}
	}
	return out, nil
}

// ImportOptions say how Import treats what it brings back.
type ImportOptions struct {
	// Origin names the file imported, as the report and the memory show it.
	Origin string
	// Locale is the target locale for a file that does not say (a PO file
	// without a Language header); empty means the only target locale.
	Locale language.Tag
	// PreferImport takes the file's translation where the project's
	// changed since the export too; by default the project's is kept and
	// the file's becomes a suggestion.
	PreferImport bool
}

// ImportChange is what an import did, or found, for one unit.
type ImportChange struct {
	Doc, Locale, ID string
	// What is one of: "translated" (a translation of the current source,
	// taken as current), "needs review" (a translation of the current
	// source that the tool did not confirm), "stale" (a translation of
	// older source text), "accepted" (a stale translation confirmed as it
	// was), "comments" (translator comments added), "conflict" (the
	// project's translation changed since the export: kept, and the
	// file's offered as a suggestion), "missing" (no such unit any more).
	What string
	// Old and New are the translations before and after (for a conflict:
	// the project's and the file's).
	Old, New string
	// Line is the unit's line in the imported file.
	Line int
}

// ImportReport says what an import changed and found.
type ImportReport struct {
	Changes []ImportChange
	// Unchanged counts the units the file holds as the project does.
	Unchanged int
	// Conflicts are the translations kept as suggestions, added to the
	// locale's outside memory (see AddMemory).
	Conflicts map[language.Tag][]exchange.TU
}

// Import brings a translator's file back into the workspace: for each
// unit, by document and ID, a translation of the source the unit has now
// becomes current (or needs review, when the tool did not confirm it); a
// translation of an older source is stale, never current; translator
// comments are added; a unit that is gone is reported. When the project's
// own translation changed since the file was exported, it is kept, and
// the file's is reported as a conflict and kept in the locale's outside
// memory, unless opts.PreferImport. Run Update after it for the writes. A file that names an unknown document
// or locale is an error, and changes nothing.
func (w *Workspace) Import(f *exchange.File, opts ImportOptions) (*ImportReport, error) {
	rep := &ImportReport{Conflicts: map[language.Tag][]exchange.TU{}}
	type plan struct {
		d   *Doc
		l   *Locale
		xd  *exchange.Doc
		tag language.Tag
	}
	var plans []plan
	for i := range f.Docs {
		xd := &f.Docs[i]
		tag, err := w.importLocale(xd, opts)
		if err != nil {
			return nil, err
		}
		d, err := w.importDoc(xd, opts.Origin)
		if err != nil {
			return nil, err
		}
		plans = append(plans, plan{d, d.locale(tag), xd, tag})
	}
	for _, p := range plans {
		for j := range p.xd.Units {
			u := &p.xd.Units[j]
			w.importUnit(rep, p.d, p.l, u, opts)
		}
	}
	for _, tag := range w.cfg.targets {
		if _, err := w.AddMemory(tag, rep.Conflicts[tag]); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

func (w *Workspace) importLocale(xd *exchange.Doc, opts ImportOptions) (language.Tag, error) {
	where := opts.Origin
	if xd.Line > 0 {
		where += ":" + strconv.Itoa(xd.Line)
	}
	if xd.TargetLang == "" {
		if opts.Locale != language.Und {
			return opts.Locale, nil
		}
		if len(w.cfg.targets) == 1 {
			return w.cfg.targets[0], nil
		}
		return language.Und, fmt.Errorf("%s: the file does not say its language; give it with --locale", where)
	}
	tag, err := language.Parse(xd.TargetLang)
	if err != nil {
		return language.Und, fmt.Errorf("%s: target language %q is not a BCP 47 tag", where, xd.TargetLang)
	}
	for _, t := range w.cfg.targets {
		if t == tag {
			return t, nil
		}
	}
	// Tools write es-ES or es_ES for es: take the configured locale of the
	// same language when there is one.
	base, _ := tag.Base()
	var same []language.Tag
	for _, t := range w.cfg.targets {
		if b, _ := t.Base(); b == base {
			same = append(same, t)
		}
	}
	if len(same) == 1 {
		return same[0], nil
	}
	return language.Und, fmt.Errorf("%s: the file is in %s, which is not a target locale of the project (configured: %s)", where, tag, w.localeList())
}

// importDoc finds the document a file's document is: by name, by source
// path, or (for a file whose tool kept neither) by its units' IDs.
func (w *Workspace) importDoc(xd *exchange.Doc, origin string) (*Doc, error) {
	for _, d := range w.Docs {
		if xd.Name != "" && d.Name == xd.Name || xd.Name == "" && xd.Original != "" && d.SourcePath == xd.Original {
			return d, nil
		}
	}
	if xd.Name != "" {
		return nil, fmt.Errorf("%s:%d: no document %q in this project (documents: %s)", origin, xd.Line, xd.Name, docNames(w.Docs))
	}
	var found *Doc
	for _, d := range w.Docs {
		n := 0
		for _, u := range xd.Units {
			if d.Unit(u.ID) != nil {
				n++
			}
		}
		if n*2 > len(xd.Units) {
			if found != nil {
				return nil, fmt.Errorf("%s: the file does not say which document it holds, and its IDs are in %s and %s; export one document per file", origin, found.Name, d.Name)
			}
			found = d
		}
	}
	if found == nil {
		return nil, fmt.Errorf("%s: the file does not say which document it holds, and most of its IDs are in none", origin)
	}
	return found, nil
}

func (w *Workspace) importUnit(rep *ImportReport, d *Doc, l *Locale, u *exchange.Unit, opts ImportOptions) {
	change := func(what, old, new string) {
		rep.Changes = append(rep.Changes, ImportChange{Doc: d.Name, Locale: l.Tag.String(), ID: u.ID, What: what, Old: old, New: new, Line: u.Line})
	}
	e := l.Entry(d, u.ID)
	if e == nil {
		change("missing", "", u.Target)
		return
	}
	changed := false
	// Comments: the file's are added to the project's, never taken away.
	for _, c := range u.Comments {
		if strings.TrimSpace(c) == "" || slices.ContainsFunc(e.Message.Comments, func(have string) bool { return commentText(have) == c }) {
			continue
		}
		e.Message.Comments = append(e.Message.Comments, commentLine(c))
		change("comments", "", c)
		changed = true
	}
	target := u.Target
	if u.State == exchange.Untranslated || strings.TrimSpace(target) == "" {
		if !changed {
			rep.Unchanged++
		}
		return
	}
	fromCurrent := u.Source == e.Unit.Text || u.Source == ""
	local := ""
	if e.State != Untranslated {
		local = e.Message.Other
	}
	if target == local {
		if fromCurrent && u.State == exchange.Translated && e.State == Stale {
			e.Message.Hash, e.State, e.Was = e.Hash, Translated, nil
			change("accepted", local, target)
			return
		}
		if !changed {
			rep.Unchanged++
		}
		return
	}
	if local != "" && (u.Base == "" || u.Base != exchange.Fingerprint(local)) && !opts.PreferImport {
		rep.Conflicts[l.Tag] = append(rep.Conflicts[l.Tag], exchange.TU{Doc: d.Name, ID: u.ID, Kind: string(e.Unit.Kind), Origin: "import " + opts.Origin,
			Conflict: exchange.Fingerprint(local), Source: cmpOr(u.Source, e.Unit.Text), Target: target})
		change("conflict", local, target)
		return
	}
	switch {
	case fromCurrent && u.State == exchange.Translated:
		e.Message.Other, e.Message.Hash, e.State, e.Was = target, e.Hash, Translated, nil
		change("translated", local, target)
	case fromCurrent:
		d.markForReview(e, target, "marked for review in "+opts.Origin)
		change("needs review", local, target)
	default:
		// Made from other English: stale, with that English kept for the
		// diff.
		desc := string(e.Unit.Kind)
		h := catalog.Hash(desc, u.Source)
		src := catalog.Source{ID: e.Unit.ID, Description: desc, Text: u.Source}
		if _, known := d.history.Sources[h]; !known && d.sourceFor(h) == nil {
			d.history.Sources[h] = src
		}
		e.Message.Other, e.Message.Hash, e.State, e.Was = target, h, Stale, &src
		change("stale", local, target)
	}
	e.Restored = false
}

// Filled is a translation FillExact filled in.
type Filled struct {
	Doc, Locale, ID string
	// From says whose translation it is, as "p-id in doc".
	From   string
	Target string
}

// FillExact fills every untranslated unit of the locales (all when none)
// whose source text the memory holds exactly with that translation,
// marked as needing review: nothing is taken as current until a
// translator accepts it. Run Update after it for the writes.
func (w *Workspace) FillExact(tags []language.Tag) ([]Filled, error) {
	if len(tags) == 0 {
		tags = w.cfg.targets
	}
	var out []Filled
	for _, tag := range tags {
		if !slices.Contains(w.cfg.targets, tag) {
			return nil, &ConfigError{"locales", fmt.Sprintf("%s is not a target locale (configured: %s)", tag, w.localeList())}
		}
		mem, err := w.Memory(tag)
		if err != nil {
			return nil, err
		}
		for _, d := range w.Docs {
			l := d.locale(tag)
			for i := range l.Entries {
				e := &l.Entries[i]
				if e.State != Untranslated || e.Unit.Kind == segment.Date {
					continue
				}
				for _, m := range mem.Exact(e.Unit.Text) {
					if m.Doc == d.Name && m.ID == e.Unit.ID && m.Origin == "" {
						continue
					}
					from := suggestionOrigin(d, m)
					d.markForReview(e, m.Target, "filled in from the translation memory ("+from+")")
					out = append(out, Filled{Doc: d.Name, Locale: tag.String(), ID: e.Unit.ID, From: from, Target: m.Target})
					break
				}
			}
		}
	}
	return out, nil
}

// ExchangeWrite returns the write that puts an exported file at p (slash
// path in the project), and false when the file is already so. A file
// that exists and holds something else may be a translator's work in
// progress: it is replaced only with force, and otherwise the error says
// to import it first.
func (w *Workspace) ExchangeWrite(p string, data []byte, force bool) (Write, bool, error) {
	wr := Write{Path: p, Data: data}
	if w.root == nil {
		return wr, true, nil
	}
	old, err := fs.ReadFile(w.root, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return wr, true, nil
	case err != nil:
		return wr, false, fmt.Errorf("read %s: %w", p, err)
	case bytes.Equal(old, data):
		return wr, false, nil
	case !force:
		return wr, false, fmt.Errorf("%s exists and differs from this export: it may hold a translator's work; bring it in first with `bitext import %s`, or replace it with --force", p, p)
	}
	wr.Old, wr.Existed = old, true
	return wr, true, nil
}
