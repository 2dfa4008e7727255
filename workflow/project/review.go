package project

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/exchange"
)

// Record is who translated one unit's translation and who reviewed it,
// and when, as bitext recorded them. It is kept beside the locale file,
// in the locale's review file (ReviewPath), so that the message files
// stay plain go-i18n files in every format, JSON included.
type Record struct {
	ID string `json:"id"`
	// Text fingerprints the translation the record is of: a translation
	// edited since is someone else's work, and not reviewed.
	Text string `json:"text"`
	// TranslatedBy and Translated say who made this translation and on
	// which day (ISO); empty when bitext did not see it made.
	TranslatedBy string `json:"translated_by,omitempty"`
	Translated   string `json:"translated,omitempty"`
	// Source is the hash of the English the translation was reviewed
	// against; empty when it is not reviewed. An English edited since
	// clears the review.
	Source     string `json:"source,omitempty"`
	ReviewedBy string `json:"reviewed_by,omitempty"`
	Reviewed   string `json:"reviewed,omitempty"`
}

// reviewSchema is the first line of a review file.
const reviewSchema = `{"schema":"bitext-review/1"}`

// ReviewPath is where the review file of a document's locale is kept:
// locales/.bitext/<doc>.<locale>.review.jsonl.
func (w *Workspace) ReviewPath(doc string, tag language.Tag) string {
	return path.Join(w.cfg.LocalesDir, ".bitext", doc+"."+tag.String()+".review.jsonl")
}

// textPrint fingerprints a translation for its record.
func textPrint(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// Reviewed reports whether e's translation is reviewed: a reviewer signed
// off this very text, against the current English.
func (e *Entry) Reviewed() bool {
	r := e.Record
	return e.State == Translated && r != nil && r.Source != "" && r.Source == e.Hash && r.Text == textPrint(e.Message.Other)
}

// Translator returns who made e's translation, when bitext recorded it.
func (e *Entry) Translator() (by, on string) {
	if r := e.Record; r != nil && e.Message.Other != "" && r.Text == textPrint(e.Message.Other) {
		return r.TranslatedBy, r.Translated
	}
	return "", ""
}

// Reviewer returns who reviewed e's translation and when, or "" when it
// is not reviewed.
func (e *Entry) Reviewer() (by, on string) {
	if e.Reviewed() {
		return e.Record.ReviewedBy, e.Record.Reviewed
	}
	return "", ""
}

// SetActor says who is working and on which day, for the records Update
// writes: translations bitext has not seen before are theirs, and
// reviews Review makes. Without it, nothing is attributed.
func (w *Workspace) SetActor(by string, on time.Time) {
	w.actor = strings.TrimSpace(by)
	if !on.IsZero() {
		w.today = on.UTC().Format("2006-01-02")
	}
}

// Recording reports whether any locale of the project keeps review
// records, so that a command knows to find out who works.
func (w *Workspace) Recording() bool {
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			if l.Recording() {
				return true
			}
		}
	}
	return false
}

// Recording reports whether l keeps review records: once its review file
// exists, made by the first review.
func (l *Locale) Recording() bool { return l.Review.Exists || l.startRecording }

// loadReview reads the review file of l, and gives each entry its record.
func (w *Workspace) loadReview(root fs.FS, d *Doc, l *Locale) error {
	l.Review.Path = w.ReviewPath(d.Name, l.Tag)
	if d.RenamedFrom != "" {
		// The article was renamed: its records move with its files.
		l.Review.Path = w.ReviewPath(d.RenamedFrom, l.Tag)
	}
	raw, err := fs.ReadFile(root, l.Review.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("read %s: %w", l.Review.Path, err)
	}
	l.Review.Exists, l.Review.Raw = true, raw
	records, err := parseReview(l.Review.Path, raw)
	if err != nil {
		return err
	}
	for i := range l.Entries {
		e := &l.Entries[i]
		if r, ok := records[e.Unit.ID]; ok {
			e.Record = &r
		}
	}
	return nil
}

// parseReview reads a review file: its schema line, then one JSON record
// a line, blank lines between them so that records of neighbouring units
// edited on two branches merge without a conflict.
func parseReview(name string, data []byte) (map[string]Record, error) {
	out := map[string]Record{}
	n := 0
	for line := range bytes.Lines(data) {
		n++
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if n == 1 {
			if string(line) != reviewSchema {
				return nil, fmt.Errorf("%s:1: not a bitext review file (want %s first)", name, reviewSchema)
			}
			continue
		}
		if bytes.HasPrefix(line, []byte("<<<<<<<")) || bytes.HasPrefix(line, []byte("=======")) || bytes.HasPrefix(line, []byte(">>>>>>>")) {
			return nil, fmt.Errorf("%s:%d: an unresolved merge conflict: keep the record you want of each unit, or both sides' and run `bitext update`", name, n)
		}
		var r Record
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil || r.ID == "" {
			if err == nil {
				err = errors.New("a record without an id")
			}
			return nil, fmt.Errorf("%s:%d: %v; the file is bitext's: restore it from version control, or delete it to start the records anew", name, n, err)
		}
		if old, ok := out[r.ID]; ok {
			// Both sides of a merge kept a record of the unit: the later
			// review, else the later translation, is the one that holds.
			if later(old, r) {
				continue
			}
		}
		out[r.ID] = r
	}
	return out, nil
}

// later reports whether a is as recent as b or more.
func later(a, b Record) bool {
	if a.Reviewed != b.Reviewed {
		return a.Reviewed > b.Reviewed
	}
	return a.Translated >= b.Translated
}

// nextRecord returns the record of e after this run: its record kept when
// its translation is the one recorded (the review dropped if the English
// or the state changed), a new one when the translation is new to bitext
// (the actor's, when the locale keeps records), nil for none.
func (w *Workspace) nextRecord(l *Locale, e *Entry) *Record {
	if e.Message.Other == "" || e.State == Untranslated {
		return nil
	}
	fp := textPrint(e.Message.Other)
	var r Record
	switch {
	case e.Record != nil && e.Record.Text == fp:
		r = *e.Record
	case e.Record != nil || l.Review.Exists:
		// Changed since its record, or made since records began: the
		// actor's work (or brought in by them: import --by says whose).
		r = Record{Text: fp, TranslatedBy: w.actor, Translated: w.today}
	default:
		// Made before the locale kept records: whose is unknown.
		r = Record{Text: fp}
	}
	r.ID = e.Unit.ID
	if e.review {
		r.Source, r.ReviewedBy, r.Reviewed = e.Hash, w.actor, w.today
	}
	if r.Source != "" && (r.Source != e.Hash || e.State != Translated) {
		r.Source, r.ReviewedBy, r.Reviewed = "", "", ""
	}
	return &r
}

// reviewWrite returns the write of l's review file, or none when it would
// not change or the locale keeps no records.
func (w *Workspace) reviewWrite(d *Doc, l *Locale) []Write {
	if !l.Recording() {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(reviewSchema + "\n")
	for i := range l.Entries {
		e := &l.Entries[i]
		r := w.nextRecord(l, e)
		if r == nil {
			continue
		}
		line, err := json.Marshal(r)
		if err != nil {
			panic(err) // strings only
		}
		b.WriteByte('\n')
		b.Write(line)
		b.WriteByte('\n')
	}
	p := w.ReviewPath(d.Name, l.Tag)
	if l.Review.Exists && l.Review.Path == p && bytes.Equal(l.Review.Raw, b.Bytes()) {
		return nil
	}
	out := []Write{{Path: p, Data: b.Bytes(), Old: l.Review.Raw, Existed: l.Review.Exists && l.Review.Path == p}}
	if l.Review.Exists && l.Review.Path != p {
		// Renamed: the old file goes once the new one is written.
		out = append(out, Write{Path: l.Review.Path, Remove: true, Old: l.Review.Raw, Existed: true, Prune: true})
	}
	return out
}

// ReviewRequest says which translations to mark reviewed.
type ReviewRequest struct {
	Locale language.Tag
	// Doc limits the IDs to one document, by name; empty means any.
	Doc string
	// IDs are the units to mark; All marks every translated unit.
	IDs []string
	All bool
	// Start begins keeping records without reviewing anything.
	Start bool
}

// Reviewed is one translation marked reviewed.
type Reviewed struct {
	Doc, Locale, ID string
}

// Review marks the translations req names reviewed by the actor (see
// SetActor), on the day given there; Update then writes the review files.
// Only current translations can be reviewed: an untranslated or stale
// unit named is an error, as is an ID that is no unit; the workspace is
// then unchanged. The first review of a locale starts its records.
func (w *Workspace) Review(req ReviewRequest) ([]Reviewed, error) {
	if !slices.Contains(w.cfg.targets, req.Locale) {
		return nil, &ConfigError{"locales", fmt.Sprintf("%s is not a target locale (configured: %s)", req.Locale, w.localeList())}
	}
	var names []string
	if req.Doc != "" {
		names = []string{req.Doc}
	}
	docs, err := w.selectDocs(names)
	if err != nil {
		return nil, err
	}
	if !req.All && !req.Start && len(req.IDs) == 0 {
		return nil, fmt.Errorf("name the units to mark reviewed, or use --all")
	}
	type mark struct {
		l *Locale
		i int
		d *Doc
	}
	var marks []mark
	for _, id := range req.IDs {
		var found []mark
		for _, d := range docs {
			if i, ok := d.units[id]; ok {
				found = append(found, mark{d.locale(req.Locale), i, d})
			}
		}
		switch len(found) {
		case 0:
			return nil, fmt.Errorf("no unit %q in %s; `bitext status` and the locale files list the IDs", id, docNames(docs))
		case 1:
		default:
			return nil, fmt.Errorf("unit %q is in several documents; say which with --doc", id)
		}
		e := &found[0].l.Entries[found[0].i]
		switch e.State {
		case Untranslated:
			return nil, fmt.Errorf("%s %s is not translated yet: nothing to review", req.Locale, id)
		case Stale:
			return nil, fmt.Errorf("%s %s is stale (the English changed since it was translated): revise it and run `bitext accept %s %s` first", req.Locale, id, req.Locale, id)
		}
		marks = append(marks, found[0])
	}
	if req.All {
		for _, d := range docs {
			l := d.locale(req.Locale)
			for i := range l.Entries {
				if l.Entries[i].State == Translated {
					marks = append(marks, mark{l, i, d})
				}
			}
		}
	}
	var done []Reviewed
	for _, d := range docs {
		l := d.locale(req.Locale)
		l.startRecording = true
	}
	for _, m := range marks {
		e := &m.l.Entries[m.i]
		if e.review || e.Reviewed() {
			continue // already
		}
		e.review = true
		done = append(done, Reviewed{Doc: m.d.Name, Locale: req.Locale.String(), ID: e.Unit.ID})
	}
	return done, nil
}

// reviewedNote is the locale file's "#, reviewed" line of a reviewed
// entry, so that a translator sees that editing it clears the review.
func reviewedNote(r *Record) string {
	n := ", reviewed"
	if r.ReviewedBy != "" {
		n += " by " + r.ReviewedBy
	}
	if r.Reviewed != "" {
		n += " on " + r.Reviewed
	}
	return n + " (editing the translation clears it)"
}

// Person is what one person did in one locale, as the review records
// have it.
type Person struct {
	// Name is "" for translations made before the records began, or by
	// someone bitext could not name.
	Name   string `json:"name"`
	Locale string `json:"locale"`
	// Translated counts the current translations they made, Reviewed
	// those they reviewed; Words the English words of each.
	Translated      int `json:"translated"`
	WordsTranslated int `json:"words_translated"`
	Reviewed        int `json:"reviewed"`
	WordsReviewed   int `json:"words_reviewed"`
	// Last is the latest day of their work in the locale.
	Last string `json:"last,omitempty"`
}

// People returns who translated and reviewed what, per locale that keeps
// records, sorted by locale then name.
func (w *Workspace) People() []Person {
	byKey := map[[2]string]*Person{}
	get := func(name, loc string) *Person {
		k := [2]string{loc, name}
		if byKey[k] == nil {
			byKey[k] = &Person{Name: name, Locale: loc}
		}
		return byKey[k]
	}
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			if !l.Recording() {
				continue
			}
			loc := l.Tag.String()
			for i := range l.Entries {
				e := &l.Entries[i]
				if e.State == Untranslated {
					continue
				}
				n := Words(e.Unit.Text)
				by, on := e.Translator()
				p := get(by, loc)
				p.Translated++
				p.WordsTranslated += n
				p.Last = max(p.Last, on)
				if by, on := e.Reviewer(); e.Reviewed() {
					p := get(by, loc)
					p.Reviewed++
					p.WordsReviewed += n
					p.Last = max(p.Last, on)
				}
			}
		}
	}
	var out []Person
	for _, p := range byKey {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b Person) int {
		if c := strings.Compare(a.Locale, b.Locale); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// people is who made and reviewed e's translation, for exports.
func (e *Entry) people() exchange.People {
	var p exchange.People
	p.TranslatedBy, p.Translated = e.Translator()
	p.ReviewedBy, p.Reviewed = e.Reviewer()
	return p
}

// peopleOf is people of the translation of unit id of document doc into
// tag, or none.
func (w *Workspace) peopleOf(doc, id string, tag language.Tag) exchange.People {
	for _, d := range w.Docs {
		if d.Name != doc {
			continue
		}
		if l := d.locale(tag); l != nil {
			if e := l.Entry(d, id); e != nil {
				return e.people()
			}
		}
	}
	return exchange.People{}
}
