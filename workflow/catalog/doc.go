// Package catalog reads and writes go-i18n v2 message files (TOML, JSON and
// YAML) and the history file bitext keeps beside them.
//
// A message file is what go-i18n's Bundle loads: one entry per translation
// unit with description, hash and other. The readers keep what a general
// decoder drops: the line of each entry, for findings a translator can jump
// to, and the translator's own comments above an entry, so that an update
// never throws them away. Comment lines starting "#.", "#," or "#|" are
// bitext's own and are rewritten on every update, as in gettext PO files.
//
// Hash is the hash goi18n merge gives a source message, so bitext and
// goi18n agree on which translations are stale.
//
//	f, err := catalog.Parse("locales/a.es.toml", data)
//	stale := f.Messages[0].Hash != catalog.Hash("paragraph", englishText)
package catalog
