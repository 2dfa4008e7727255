package check

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/project"
)

// Memo remembers, between runs, what checking one document's translation
// into one locale found, under a key of everything that check read (see
// RunWith): an archive's build checks only the documents that changed.
// Recall returns what Remember was given under the same key; a Memo may
// forget anything, and what it returns is checked before it is used.
// RunWith calls a Memo from one goroutine.
type Memo interface {
	Recall(doc, locale, key string) ([]byte, bool)
	Remember(doc, locale, key string, data []byte)
}

// memoSchema names what a key covers and how a result is encoded; a
// change to either is a new schema, so that no older entry is taken.
const memoSchema = "bitext-check-memo/1"

// memoed is one document and locale's result, as a Memo keeps it.
type memoed struct {
	Findings Findings  `json:"findings"`
	Exempted Findings  `json:"exempted"`
	Units    []memoRef `json:"units"`
}

type memoRef struct {
	ID   string `json:"id"`
	Line int    `json:"line"`
}

// localeKeys hashes, once per locale, what the checks of that locale read
// besides the documents: the severities, the configuration's exemptions
// for it and the file they are in, the glossary's entries and rules for it
// and the source language.
func (s *settings) localeKeys(w *project.Workspace) map[string]string {
	out := map[string]string{}
	for _, t := range w.Locales() {
		tag := t.String()
		levels := make([]string, len(s.levels))
		for i, l := range s.levels {
			levels[i] = checks[i].id + "=" + strconv.Itoa(int(l))
		}
		// encoding/json sorts map keys, and the glossary's exported fields
		// are all it matches with.
		exempt, _ := json.Marshal(s.exempt[tag])
		gloss, _ := json.Marshal(s.glossary.For(tag))
		b := newKeyBuf(memoSchema)
		b.str(tag)
		b.str(w.SourceLocale().String())
		b.strs(levels)
		b.str(string(exempt))
		b.str(s.source)
		b.str(string(gloss))
		out[tag] = b.sum()
	}
	return out
}

// memoKey hashes everything checking d's translation l reads: the
// locale's settings (localeKeys), the document's name, the file's path,
// whether it exists and its bytes (the exemption comments and their
// lines), its review file, and each entry: the unit's ID, kind and
// English, the state, the translation with its hash, lines and comments,
// and the English it was translated from; then the orphans.
func memoKey(settings string, d *project.Doc, l *project.Locale) string {
	b := newKeyBuf(settings)
	b.str(d.Name)
	b.str(l.File.Path)
	b.num(boolNum(l.File.Exists))
	raw := sha256.Sum256(l.File.Raw)
	b.str(string(raw[:]))
	rev := sha256.Sum256(l.Review.Raw)
	b.str(l.Review.Path)
	b.str(string(rev[:]))
	b.num(len(l.Entries))
	for i := range l.Entries {
		e := &l.Entries[i]
		b.str(e.Unit.ID)
		b.str(string(e.Unit.Kind))
		b.str(e.Unit.Text)
		b.num(int(e.State))
		b.message(&e.Message)
		if e.Was != nil {
			b.num(1)
			b.str(e.Was.Text)
		} else {
			b.num(0)
		}
	}
	b.num(len(l.Orphans))
	for i := range l.Orphans {
		b.message(&l.Orphans[i])
	}
	return b.sum()
}

// keyBuf gathers the parts of a key, each length-prefixed so that no two
// lists of parts run into each other, to hash them once.
type keyBuf struct{ b []byte }

func newKeyBuf(first string) *keyBuf {
	k := &keyBuf{b: make([]byte, 0, 32<<10)}
	k.str(first)
	return k
}

func (k *keyBuf) str(s string) {
	k.b = binary.LittleEndian.AppendUint64(k.b, uint64(len(s)))
	k.b = append(k.b, s...)
}

func (k *keyBuf) num(n int) { k.b = binary.LittleEndian.AppendUint64(k.b, uint64(n)) }

func (k *keyBuf) strs(l []string) {
	k.num(len(l))
	for _, s := range l {
		k.str(s)
	}
}

// message adds what the checks read of a locale file's message.
func (k *keyBuf) message(m *catalog.Message) {
	k.str(m.ID)
	k.str(m.Description)
	k.str(m.Hash)
	k.str(m.Other)
	k.num(m.Line)
	k.num(m.TextLine)
	k.strs(m.Comments)
}

func (k *keyBuf) sum() string {
	s := sha256.Sum256(k.b)
	return hex.EncodeToString(s[:])
}

func boolNum(b bool) int {
	if b {
		return 1
	}
	return 0
}

// encodeMemo returns the bytes a Memo keeps of a result, or false when
// they could not give the result back exactly: JSON holds only valid
// UTF-8, and such a result is checked again next time.
func encodeMemo(out, exempted Findings, units []unitRef) ([]byte, bool) {
	m := memoed{Findings: out, Exempted: exempted, Units: make([]memoRef, len(units))}
	for i, u := range units {
		if !utf8.ValidString(u.id) {
			return nil, false
		}
		m.Units[i] = memoRef{u.id, u.line}
	}
	for _, f := range slices.Concat(out, exempted) {
		for _, s := range []string{f.File, f.Check, f.Doc, f.Locale, f.ID, f.Message, f.Reason} {
			if !utf8.ValidString(s) {
				return nil, false
			}
		}
	}
	data, err := json.Marshal(m)
	return data, err == nil
}

// decodeMemo reads what encodeMemo wrote; anything else is not a result.
func decodeMemo(data []byte) (out, exempted Findings, units []unitRef, ok bool) {
	var m memoed
	if json.Unmarshal(data, &m) != nil {
		return nil, nil, nil, false
	}
	for _, f := range slices.Concat(m.Findings, m.Exempted) {
		if f.Severity != Error && f.Severity != Warning || checkByID(f.Check) == nil && f.Check != allowCheck {
			return nil, nil, nil, false
		}
	}
	units = make([]unitRef, len(m.Units))
	for i, u := range m.Units {
		units[i] = unitRef{u.ID, u.Line}
	}
	return m.Findings, m.Exempted, units, true
}
