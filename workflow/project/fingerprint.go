package project

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
)

// Fingerprint returns a hash of everything of d an edition is made from:
// its name, source path and date, the source language, each unit (ID,
// kind, level, label, line, text) and, per target locale, its file and
// each entry's state, translation and line, and its credits (see
// Workspace.Credits). Two loads of the same files
// give the same fingerprint; any change an edition could show changes
// it. Renderer settings are not part of it.
func (w *Workspace) Fingerprint(d *Doc) string {
	// One buffer, hashed once: an archive fingerprints every document on
	// every build, and many small writes to the hash cost more than it.
	b := make([]byte, 0, 64<<10)
	str := func(s string) {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int) { b = binary.LittleEndian.AppendUint64(b, uint64(n)) }
	str("bitext-doc/1")
	str(d.Name)
	str(d.SourcePath)
	str(d.Date)
	str(w.cfg.source.String())
	num(len(d.Units))
	for i := range d.Units {
		u := &d.Units[i]
		str(u.ID)
		str(string(u.Kind))
		num(u.Level)
		str(u.Label)
		num(u.Line)
		str(u.Text)
	}
	num(len(d.Locales))
	for _, l := range d.Locales {
		str(l.Tag.String())
		str(l.File.Path)
		num(len(l.Entries))
		for i := range l.Entries {
			e := &l.Entries[i]
			num(int(e.State))
			str(e.Message.Other)
			num(e.Message.TextLine)
		}
	}
	w.Credits(d).appendTo(str)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]) + "-" + strconv.Itoa(len(b))
}
