package project

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
)

// UpdateMemo remembers, between runs, the documents an update found up
// to date (it would write nothing of them), under a key of everything
// making their writes reads (see UpdateWith), so that an archive's update
// does not make again the files of a thousand documents nobody touched.
// It is called from several goroutines at once.
type UpdateMemo interface {
	// Settled reports whether Settle was told doc under key.
	Settled(doc, key string) bool
	// Settle records that doc's files, read as key says, were up to date.
	Settle(doc, key string)
}

// settledSchema names what a settled key covers; a change to it is a
// new schema.
const settledSchema = "bitext-settled/1"

// settledKey returns the key of what making d's writes reads, or "" when
// d cannot be taken as settled from its files alone: a unit not
// translated from the current English has suggestions from every other
// document's translations, and a renamed or recovered document, or one
// with units removed or restored or files left over, has writes to make.
// The key holds the configuration, the glossary, the outside memories,
// the document's units and the bytes of each of its files (source-locale
// and locale files, history, review files), and, when reviews are
// recorded, who works and the day (a new record carries them).
func (w *Workspace) settledKey(d *Doc) string {
	if d.RenamedFrom != "" || d.Recovered > 0 || len(d.Removed) > 0 || len(d.Restored) > 0 || len(d.leftovers) > 0 {
		return ""
	}
	cfg, err := json.Marshal(w.cfg.Config)
	if err != nil {
		return ""
	}
	gloss, err := json.Marshal(w.glossary)
	if err != nil {
		return ""
	}
	b := make([]byte, 0, 128<<10)
	str := func(s string) {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int) { b = binary.LittleEndian.AppendUint64(b, uint64(n)) }
	file := func(f FileState) {
		str(f.Path)
		num(boolInt(f.Exists))
		str(string(f.Format))
		sum := sha256.Sum256(f.Raw)
		str(string(sum[:]))
	}
	str(settledSchema)
	str(string(cfg))
	str(string(gloss))
	for _, tag := range w.cfg.targets {
		if om := w.mem.outside[tag.String()]; om != nil {
			file(om.File)
		}
	}
	str(d.Name)
	str(d.SourcePath)
	str(d.Date)
	num(len(d.Units))
	for i := range d.Units {
		u := &d.Units[i]
		str(u.ID)
		str(string(u.Kind))
		num(u.Level)
		str(u.Label)
		str(u.Text)
	}
	file(d.Source)
	file(d.History)
	recording := false
	for _, l := range d.Locales {
		file(l.File)
		file(l.Review)
		recording = recording || l.Recording()
		num(len(l.Orphans))
		num(l.Obsolete)
		for i := range l.Entries {
			e := &l.Entries[i]
			if e.State != Translated || e.Restored || e.review {
				return ""
			}
			str(e.Hash)
			str(e.Message.Hash)
			str(e.Message.Other)
		}
	}
	if recording {
		str(w.actor)
		str(w.today)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// empty reports whether a document has nothing to write.
func (dw docWrites) empty() bool {
	return len(dw.gain) == 0 && len(dw.write) == 0 && len(dw.prune) == 0
}
