package catalog

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"path"
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
	// Comments are the translator's own comment lines above the entry,
	// without the leading "#". bitext keeps them with the entry.
	Comments []string
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
	// belong to no entry.
	Comments []string
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
// file it could not read.
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
		return nil, err
	}
	return f, nil
}

// field stores the value of key in m, as go-i18n would read it.
// It returns a message for the user when the key is not one bitext keeps.
func (m *Message) field(key, value string) string {
	switch strings.ToLower(key) {
	case "description":
		m.Description = value
	case "hash":
		m.Hash = value
	case "other", "translation":
		m.Other = value
	case "zero", "one", "two", "few", "many":
		return fmt.Sprintf("plural form %q in %q: article text has no plural forms; keep only description, hash and other", key, m.ID)
	default:
		return fmt.Sprintf("unknown key %q in %q; an entry holds description, hash and other", key, m.ID)
	}
	return ""
}

// generated reports whether a comment line (without "#") was written by
// bitext and is rewritten on every update: "#." notes, "#," flags and "#|"
// previous text, as in gettext PO files.
func generated(comment string) bool {
	return strings.HasPrefix(comment, ".") || strings.HasPrefix(comment, ",") || strings.HasPrefix(comment, "|")
}
