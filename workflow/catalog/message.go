package catalog

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"path"
	"slices"
	"strings"
)

// Message is one entry of a locale file, in go-i18n's terms.
type Message struct {
	// ID names the translation unit.
	ID string
	// Description is the unit's kind. It is part of the hash, so it is kept
	// short and stable.
	Description string
	// Hash is, in a translation, the Hash of the source message it was
	// translated from. Source files leave it empty, as goi18n does.
	Hash string
	// Other is the text (go-i18n's "other" plural form, the only one an
	// article needs).
	Other string

	// Line is the 1-based line where the entry starts in its file, and
	// TextLine the line of its "other" value; both are 0 when the message
	// was not read from a file.
	Line, TextLine int
	// Comments are the translator's own comment lines of the entry, without
	// the leading "#", in file order: those above it, those between its
	// keys and those at the end of its lines. bitext keeps them with the
	// entry and writes them back above it.
	Comments []string
	// Notes are the lines bitext generated for the entry ("#." notes, "#,"
	// flags, "#|" previous text), without the "#", as read. They let a
	// reader recover what bitext last wrote, such as the English of an
	// entry (". en: …"). Marshal does not write them: it writes
	// Entry.Notes, which bitext regenerates on every update.
	Notes []string
}

// Hash returns the hash goi18n merge computes for a source message:
// "sha1-" and the hex SHA-1 of description followed by other. A translation
// whose hash differs from its source message's was made from other English.
func Hash(description, other string) string {
	h := sha1.New()
	h.Write([]byte(description))
	h.Write([]byte(other))
	return "sha1-" + hex.EncodeToString(h.Sum(nil))
}

// File is a parsed locale file.
type File struct {
	// Path is the file's path, slash-separated.
	Path string
	// Comments are translator comment lines at the top of the file that
	// belong to no entry: those a blank line separates from the first
	// entry. Comments directly above the first entry are that entry's.
	Comments []string
	// Notes are the generated comment lines at the top of the file (the
	// header bitext writes), without the "#".
	Notes []string
	// Messages are the entries in file order.
	Messages []Message
}

// Lookup returns the message with the given ID, or nil.
func (f *File) Lookup(id string) *Message {
	for i := range f.Messages {
		if f.Messages[i].ID == id {
			return &f.Messages[i]
		}
	}
	return nil
}

// Index returns a map from ID to the message's index in f.Messages.
func (f *File) Index() map[string]int {
	idx := make(map[string]int, len(f.Messages))
	for i, m := range f.Messages {
		idx[m.ID] = i
	}
	return idx
}

// Format is a locale file format.
type Format string

// The formats go-i18n loads.
const (
	TOML Format = "toml"
	JSON Format = "json"
	YAML Format = "yaml"
)

// ParseFormat validates a format name from configuration.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case TOML, JSON, YAML:
		return f, nil
	case "yml":
		return YAML, nil
	}
	return "", fmt.Errorf("unknown locale file format %q; use toml, json or yaml", s)
}

// FormatOf returns the format of a locale file by its extension.
func FormatOf(p string) (Format, error) {
	return ParseFormat(strings.TrimPrefix(path.Ext(p), "."))
}

// SyntaxError is a locale file that cannot be read. bitext never writes a
// file it could not read. Line and Col are 1-based; Col counts runes.
type SyntaxError struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s; fix the file and run again (bitext has not changed it)", e.Path, e.Line, e.Col, e.Msg)
}

// Parse reads a locale file in the format its extension names.
func Parse(p string, data []byte) (*File, error) {
	format, err := FormatOf(p)
	if err != nil {
		return nil, err
	}
	var f *File
	switch format {
	case TOML:
		f, err = parseTOML(p, data)
	case JSON:
		f, err = parseJSON(p, data)
	case YAML:
		f, err = parseYAML(p, data)
	}
	if err != nil {
		// A file that git left mid-merge fails to parse somewhere inside
		// the conflict; the markers say what is really wrong.
		if c := findConflict(p, data, true); c != nil {
			return nil, c
		}
		return nil, err
	}
	return f, nil
}

// fieldBit names one of the fields of an entry, to find a field given twice.
type fieldBit uint8

const (
	fieldDescription fieldBit = 1 << iota
	fieldHash
	fieldOther
)

// setField stores the value of key in m, as go-i18n would read it, and
// records the field in *seen. It returns a message for the user when the
// key is not one bitext keeps or its field was given before: go-i18n
// matches keys without regard to case and takes one of two spellings at
// random ("other" and "Other", or "other" and "translation"), so a second
// one would lose a translation either way.
func (m *Message) setField(seen *fieldBit, key, value string) string {
	var bit fieldBit
	switch strings.ToLower(key) {
	case "description":
		bit = fieldDescription
	case "hash":
		bit = fieldHash
	case "other":
		bit = fieldOther
	case "translation":
		// go-i18n takes "translation" for "other" only in lower case, and
		// drops every other spelling.
		if key != "translation" {
			return fmt.Sprintf("key %q in %q: go-i18n ignores it unless it is written translation; write other", key, m.ID)
		}
		bit = fieldOther
	case "zero", "one", "two", "few", "many":
		return fmt.Sprintf("plural form %q in %q: article text has no plural forms; keep only description, hash and other", key, m.ID)
	default:
		return fmt.Sprintf("unknown key %q in %q; an entry holds description, hash and other", key, m.ID)
	}
	if *seen&bit != 0 {
		if bit == fieldOther {
			return fmt.Sprintf("the text of %q is given twice (key %q); keep one", m.ID, key)
		}
		return fmt.Sprintf("key %q appears twice in entry %q; keep one", key, m.ID)
	}
	*seen |= bit
	switch bit {
	case fieldDescription:
		m.Description = value
	case fieldHash:
		m.Hash = value
	default:
		m.Other = value
	}
	return ""
}

// reservedKeys are the keys go-i18n reads as fields of a message.
var reservedKeys = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"}

// topLevelProblem says why go-i18n would not read a top-level key id as an
// entry, or returns "". go-i18n reads a file whose top level holds a field
// name as one message without an ID ("translation" whatever its value,
// the others when their value is a string), and cannot use an empty ID.
func topLevelProblem(id string, stringValue bool) string {
	if id == "" {
		return "an entry needs an ID, and this one has an empty name"
	}
	if id == "translation" || stringValue && slices.Contains(reservedKeys, strings.ToLower(id)) {
		return fmt.Sprintf("%q is a key of an entry, not an entry's ID: go-i18n would read the whole file as one message; put it inside an entry", id)
	}
	return ""
}

// generated reports whether a comment line (without "#") was written by
// bitext and is rewritten on every update: "#." notes, "#," flags and "#|"
// previous text, as in gettext PO files.
func generated(comment string) bool {
	return strings.HasPrefix(comment, ".") || strings.HasPrefix(comment, ",") || strings.HasPrefix(comment, "|")
}
