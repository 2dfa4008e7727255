package project

import (
	"bytes"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/reconcile"
	"github.com/hopeborder/bitext/workflow/segment"
	"github.com/hopeborder/bitext/workflow/textdiff"
)

// Write is a file the command should write, or remove, as part of one
// transaction (see files.Apply).
type Write = files.Write

// maxSuggestions is how many suggestions an entry shows at most, and
// diffContext how many unchanged words the diff of a stale entry keeps
// around each change.
const (
	maxSuggestions = 3
	diffContext    = 8
)

// Update returns the writes that bring every message file and history up
// to date with the sources: the source-locale files regenerated, each
// locale file with every unit in document order (translations kept, new
// units untranslated, translator comments kept), and the history holding
// what stale and removed translations need. Files that would not change are
// left out, so a second run writes nothing.
//
// The writes are one transaction, in an order where every prefix of them
// loses nothing, so that a run that fails or is killed part way never
// costs a translation, a comment or an old English text, and the next run
// finishes the job (see files.Apply):
//
//  0. the outside translation memories that gained units (AddMemory);
//  1. each history, as the union of what it held and what it will hold:
//     it only gains (the translations of removed units, the English that
//     stale translations were made from);
//  2. the locale files, then the source-locale files, in the configured
//     format and place;
//  3. what loses data, marked Prune: each history as it will stay (without
//     the translations that came back into the locale files, and the
//     English no translation needs any more), and the files left in
//     another format or under another document's name.
//
// It fails, writing nothing, when the writes would lose something that
// no order can keep: translator comments in a switch to JSON, which holds
// none.
func (w *Workspace) Update() ([]Write, error) {
	return w.UpdateWith(nil)
}

// UpdateWith is Update, leaving out the documents memo says were up to
// date when read from the same files, and telling memo those found so;
// the writes are those Update returns. A nil memo remembers nothing.
func (w *Workspace) UpdateWith(memo UpdateMemo) ([]Write, error) {
	if err := w.loadOutside(); err != nil {
		return nil, err
	}
	// Each document's writes are made on their own, on every processor
	// (an archive has a thousand), and gathered in document order.
	per := make([]docWrites, len(w.Docs))
	next := make(chan int)
	var workers sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		workers.Go(func() {
			for i := range next {
				d := w.Docs[i]
				var key string
				if memo != nil {
					if key = w.settledKey(d); key != "" && memo.Settled(d.Name, key) {
						continue
					}
				}
				per[i] = w.docWrites(d)
				if key != "" && per[i].empty() {
					memo.Settle(d.Name, key)
				}
			}
		})
	}
	for i := range w.Docs {
		next <- i
	}
	close(next)
	workers.Wait()
	var gain, write, prune []Write
	for _, dw := range per {
		gain, write, prune = append(gain, dw.gain...), append(write, dw.write...), append(prune, dw.prune...)
	}
	if err := w.lossless(); err != nil {
		return nil, err
	}
	mem, err := w.memoryWrites()
	if err != nil {
		return nil, err
	}
	return slices.Concat(mem, gain, write, prune), nil
}

// docWrites are the writes of one document, by when they are made.
type docWrites struct{ gain, write, prune []Write }

// docWrites returns the writes of one document: its history's gain,
// its locale files, and what to prune last.
func (w *Workspace) docWrites(d *Doc) (out docWrites) {
	// Each file is made on its own; on large documents making them in
	// parallel is most of the gain a second core gives.
	locs := make([][]Write, len(d.Locales))
	var srcWrites []Write
	var wg sync.WaitGroup
	for i, l := range d.Locales {
		wg.Go(func() { locs[i] = append(w.localeWrites(d, l), w.reviewWrite(d, l)...) })
	}
	wg.Go(func() { srcWrites = w.sourceWrites(d) })
	g, p := d.historyWrites(w)
	out.gain, out.prune = g, p
	wg.Wait()
	for _, ws := range append(locs, srcWrites) {
		for _, wr := range ws {
			if wr.Prune {
				out.prune = append(out.prune, wr)
			} else {
				out.write = append(out.write, wr)
			}
		}
	}
	for _, f := range d.leftovers {
		out.prune = append(out.prune, Write{Path: f.Path, Remove: true, Old: f.Raw, Existed: true, Prune: true})
	}
	return out
}

// historyWrites returns the writes of a document's history: the union of
// old and new to make first, and the final history to make last (a Prune),
// leaving out what would not change.
func (d *Doc) historyWrites(w *Workspace) (gain, prune []Write) {
	next := d.nextHistory(w)
	want := w.HistoryPath(d.Name)
	var final []byte
	if !next.Empty() {
		final = next.Marshal()
	}
	union := unionHistory(d.history, next)
	unionData := union.Marshal()
	if union.Empty() {
		unionData = nil
	}
	cur := d.History // the file as it is now, or will be after the gain
	if want != cur.Path && cur.Exists {
		// The document was renamed: its history moves with it, first as a
		// copy, and the old one goes last.
		if unionData == nil {
			unionData = cur.Raw
		}
		gain = append(gain, Write{Path: want, Data: unionData})
		prune = append(prune, Write{Path: cur.Path, Remove: true, Old: cur.Raw, Existed: true, Prune: true})
		cur = FileState{Path: want, Exists: true, Raw: unionData}
	} else if unionData != nil && !(cur.Exists && bytes.Equal(cur.Raw, unionData)) {
		cur.Path = want
		gain = append(gain, Write{Path: want, Data: unionData, Old: cur.Raw, Existed: cur.Exists})
		cur = FileState{Path: want, Exists: true, Raw: unionData}
	}
	switch {
	case final == nil && cur.Exists:
		prune = append(prune, Write{Path: cur.Path, Remove: true, Old: cur.Raw, Existed: true, Prune: true})
	case final != nil && !(cur.Exists && bytes.Equal(cur.Raw, final)):
		prune = append(prune, Write{Path: cur.Path, Data: final, Old: cur.Raw, Existed: cur.Exists, Prune: true})
	}
	return gain, prune
}

// unionHistory returns next with everything of old it dropped put back:
// the history to write before the locale files, so that a translation
// that moves from the history into a locale file is in one of them at
// every moment.
func unionHistory(old, next *catalog.History) *catalog.History {
	u := catalog.NewHistory()
	maps.Copy(u.Sources, next.Sources)
	for id, o := range next.Obsolete {
		u.Obsolete[id] = catalog.ObsoleteUnit{Description: o.Description, Text: o.Text, Translations: maps.Clone(o.Translations)}
	}
	for tag, ids := range next.Stale {
		u.Stale[tag] = maps.Clone(ids)
	}
	for hash, s := range old.Sources {
		if _, ok := u.Sources[hash]; !ok {
			u.Sources[hash] = s
		}
	}
	for _, id := range slices.Sorted(maps.Keys(old.Obsolete)) {
		o := old.Obsolete[id]
		for _, tag := range slices.Sorted(maps.Keys(o.Translations)) {
			keepObsolete(u, id, o.Description, o.Text, tag, o.Translations[tag])
		}
	}
	for tag, ids := range old.Stale {
		if u.Stale[tag] == nil {
			u.Stale[tag] = map[string]string{}
		}
		for id, h := range ids {
			if _, ok := u.Stale[tag][id]; !ok {
				u.Stale[tag][id] = h
			}
		}
	}
	return u
}

// keepObsolete files t under id, or under the first "id~n" whose slot for
// tag is free, unless one of them already holds it.
func keepObsolete(h *catalog.History, id, desc, text, tag string, t catalog.Translation) {
	slot := id
	for n := 2; ; n++ {
		o, ok := h.Obsolete[slot]
		if !ok {
			h.Obsolete[slot] = catalog.ObsoleteUnit{Description: desc, Text: text, Translations: map[string]catalog.Translation{tag: t}}
			return
		}
		have, taken := o.Translations[tag]
		if !taken {
			o.Translations[tag] = t
			return
		}
		if have.Other == t.Other && subset(t.Comments, have.Comments) {
			return
		}
		slot = id + "~" + strconv.Itoa(n)
	}
}

// subset reports whether every line of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func appendChanged(ws []Write, f FileState, data []byte) []Write {
	if f.Exists && bytes.Equal(f.Raw, data) {
		return ws
	}
	return append(ws, Write{Path: f.Path, Data: data, Old: f.Raw, Existed: f.Exists})
}

// moveTo returns the writes that put data at the configured path of a
// message file, removing the file it was read from (last, as a Prune) when
// the format or the document's name changed.
func (w *Workspace) moveTo(f FileState, want string, data []byte) []Write {
	if f.Path == want {
		return appendChanged(nil, f, data)
	}
	ws := []Write{{Path: want, Data: data}}
	if f.Exists {
		ws = append(ws, Write{Path: f.Path, Remove: true, Old: f.Raw, Existed: true, Prune: true})
	}
	return ws
}

func (w *Workspace) sourceWrites(d *Doc) []Write {
	entries := make([]catalog.Entry, len(d.Units))
	for i, u := range d.Units {
		entries[i] = catalog.Entry{Message: catalog.Message{ID: u.ID, Description: string(u.Kind), Other: u.Text}}
	}
	header := []string{
		fmt.Sprintf(". bitext: %s source messages of %s, written by `bitext update`.", locale.Name(w.cfg.source), d.SourcePath),
		". Do not edit this file: edit the source and run `bitext update`.",
	}
	data := catalog.Marshal(w.cfg.format, header, nil, entries)
	return w.moveTo(d.Source, w.MessagePath(d.Name, w.cfg.source), data)
}

func (w *Workspace) localeWrites(d *Doc, l *Locale) []Write {
	src := w.cfg.source.String()
	tag := l.Tag.String()
	entries := make([]catalog.Entry, len(l.Entries))
	for i := range l.Entries {
		e := &l.Entries[i]
		m := e.Message
		m.ID = e.Unit.ID
		m.Description = string(e.Unit.Kind)
		if e.State == Untranslated {
			m.Other = ""
			m.Hash = e.Hash
		} else if m.Hash == "" {
			m.Hash = e.Hash
		}
		notes := []string{". " + src + ": " + e.Unit.Text}
		notes = append(notes, termNotes(w.glossary, l.Tag.String(), e.Unit.Text)...)
		switch e.State {
		case Untranslated:
			notes = append(notes, ", untranslated")
		case Stale:
			if why, ok := reviewReason(e.Was); ok {
				notes = append(notes, fmt.Sprintf(", needs review: %s; review it, then run: bitext accept %s %s", why, tag, e.Unit.ID))
				break
			}
			notes = append(notes, fmt.Sprintf(", stale: the %s changed since this was translated; revise it, then run: bitext accept %s %s", locale.Name(w.cfg.source), tag, e.Unit.ID))
			if e.Was != nil {
				notes = append(notes,
					". was: "+e.Was.Text,
					". diff: "+textdiff.Words(e.Was.Text, e.Unit.Text).Compact(diffContext))
			}
		}
		if e.State != Translated {
			if e.Unit.Kind == segment.Date && d.Date != "" {
				if long, ok := locale.LongDate(l.Tag, d.Date); ok && long != m.Other {
					notes = append(notes, ". suggestion (CLDR long date): "+long)
				}
			}
			notes = append(notes, w.suggestionNotes(d, l, e, m.Other)...)
		}
		notes = append(notes, w.conflictNotes(d, l, e)...)
		if l.Recording() {
			if r := w.nextRecord(l, e); r != nil && r.Source != "" {
				notes = append(notes, reviewedNote(r))
			}
		}
		entries[i] = catalog.Entry{Message: m, Notes: notes}
	}
	header := []string{
		fmt.Sprintf(". bitext: %s translation of %s.", locale.Name(l.Tag), d.SourcePath),
		fmt.Sprintf(". Translate each \"other\" value. Above each entry, \"#. %s:\" shows the text to translate.", src),
		". Leave \"hash\" alone: it records which text a translation was made from. A stale entry",
		fmt.Sprintf(". shows what changed (\"was\", \"diff\"); once it is revised, run: bitext accept %s ID", tag),
		". Lines starting \"#.\" or \"#,\" are rewritten by `bitext update`; your own \"# \" comments stay",
		". with the entry below them. Entries follow the order of the article.",
	}
	data := catalog.Marshal(w.cfg.format, header, l.Parsed.Comments, entries)
	return w.moveTo(l.File, w.MessagePath(d.Name, l.Tag), data)
}

// nextHistory computes the document's history after this update: obsolete
// units gain the translations of units just removed (and of any orphan
// entry, and the comments of an untranslated one), lose those that came
// back, and the source texts are exactly those that some stale or
// obsolete translation still needs.
func (d *Doc) nextHistory(w *Workspace) *catalog.History {
	old := d.history
	h := catalog.NewHistory()
	for id, o := range old.Obsolete {
		h.Obsolete[id] = catalog.ObsoleteUnit{Description: o.Description, Text: o.Text, Translations: maps.Clone(o.Translations)}
	}
	// Translations that came back to life leave the history.
	for _, l := range d.Locales {
		tag := l.Tag.String()
		for i := range l.Entries {
			e := &l.Entries[i]
			o, ok := h.Obsolete[e.Unit.ID]
			if !ok {
				continue
			}
			if t, ok := o.Translations[tag]; ok && (e.Restored || t.Other == e.Message.Other && subset(t.Comments, e.Message.Comments)) {
				delete(o.Translations, tag)
			}
		}
	}
	removed := map[string]reconcile.Known{}
	for _, k := range d.Removed {
		removed[k.ID] = k
	}
	for _, l := range d.Locales {
		for _, m := range l.Orphans {
			if m.Other == "" && len(m.Comments) == 0 {
				continue
			}
			desc, text := m.Description, ""
			if k, ok := removed[m.ID]; ok {
				desc, text = string(k.Kind), k.Text
			} else if s := d.sourceFor(m.Hash); s != nil {
				desc, text = s.Description, s.Text
			}
			if desc == "" {
				desc = string(segment.Paragraph)
			}
			addObsolete(h, m.ID, desc, text, l.Tag, catalog.Translation{Hash: m.Hash, Other: m.Other, Comments: m.Comments})
		}
	}
	for id, o := range h.Obsolete {
		if len(o.Translations) == 0 {
			delete(h.Obsolete, id)
		}
	}
	// Keep the source text of every translation that is not current, and
	// which translations are stale.
	keep := func(hash string) {
		if s := d.sourceFor(hash); s != nil {
			h.Sources[hash] = *s
		}
	}
	for _, l := range d.Locales {
		tag := l.Tag.String()
		for i := range l.Entries {
			if e := &l.Entries[i]; e.State == Stale {
				keep(e.Message.Hash)
				if h.Stale[tag] == nil {
					h.Stale[tag] = map[string]string{}
				}
				h.Stale[tag][e.Unit.ID] = e.Message.Hash
			}
		}
	}
	for _, o := range h.Obsolete {
		for _, t := range o.Translations {
			if t.Other != "" && t.Hash != catalog.Hash(o.Description, o.Text) {
				keep(t.Hash)
			}
		}
	}
	return h
}

// addObsolete files a translation of a removed unit in the history. An
// older, different translation of the same unit into the same locale is
// not overwritten: it moves to "<id>~2" (or ~3…), so nothing is lost. An
// untranslated entry's comments join those of a translation already kept.
func addObsolete(h *catalog.History, id, desc, text string, tag language.Tag, t catalog.Translation) {
	o, ok := h.Obsolete[id]
	if !ok {
		o = catalog.ObsoleteUnit{Description: desc, Text: text, Translations: map[string]catalog.Translation{}}
	}
	if old, had := o.Translations[tag.String()]; had && old.Other != t.Other {
		switch {
		case t.Other == "":
			for _, c := range t.Comments {
				if !slices.Contains(old.Comments, c) {
					old.Comments = append(old.Comments, c)
				}
			}
			t = old
		case old.Other == "":
			for _, c := range old.Comments {
				if !slices.Contains(t.Comments, c) {
					t.Comments = append(t.Comments, c)
				}
			}
		default:
			for n := 2; ; n++ {
				alt := id + "~" + strconv.Itoa(n)
				if _, used := h.Obsolete[alt]; !used {
					addObsolete(h, alt, o.Description, o.Text, tag, old)
					break
				}
			}
		}
	}
	if text != "" {
		o.Description, o.Text = desc, text
	}
	o.Translations[tag.String()] = t
	h.Obsolete[id] = o
}

// lossless returns an error when the update would drop what no order of
// writes keeps: translator comments in a locale file switched to JSON,
// which has no comments.
func (w *Workspace) lossless() error {
	if w.cfg.format != catalog.JSON {
		return nil
	}
	var lost []string
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			if !l.File.Exists || l.File.Format == catalog.JSON {
				continue
			}
			n := len(l.Parsed.Comments)
			var ids []string
			for _, m := range l.Parsed.Messages {
				if len(m.Comments) > 0 {
					n += len(m.Comments)
					ids = append(ids, m.ID)
				}
			}
			if n == 0 {
				continue
			}
			if len(ids) > 5 {
				ids = append(ids[:5], "…")
			}
			lost = append(lost, fmt.Sprintf("%s has %d translator %s (on %s)", l.File.Path, n, plural(n, "comment", "comments"), strings.Join(ids, ", ")))
		}
	}
	if len(lost) == 0 {
		return nil
	}
	return &ConfigError{"message_format", "switching to json would lose translator comments, since JSON files hold none: " + strings.Join(lost, "; ") + ". Move exemptions (# bitext-allow) to exempt: in bitext.yaml and other comments elsewhere, then run again; or keep message_format: " + string(w.Docs[0].Locales[0].File.Format)}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
