// Package catalog reads and writes go-i18n v2 message files (TOML, JSON and
// YAML) and the history file bitext keeps beside them.
//
// A message file is what go-i18n's Bundle loads: one entry per translation
// unit with description, hash and other. The readers read a file as the
// Bundle does, or refuse it with a SyntaxError at its line and column
// (bitext never writes a file it could not read). They keep what a general
// decoder drops: the line of each entry, for findings a translator can jump
// to, and the translator's own comments (above an entry, between its keys,
// at the end of its lines, and the file's at the top), so that an update
// never throws them away. Comment lines starting "#.", "#," or "#|" are
// bitext's own, as in gettext PO files: they are read into Notes and
// rewritten on every update.
//
// Hash is the hash goi18n merge gives a source message, so bitext and
// goi18n agree on which translations are stale.
//
//	f, err := catalog.Parse("locales/a.es.toml", data)
//	stale := f.Messages[0].Hash != catalog.Hash("paragraph", englishText)
package catalog
