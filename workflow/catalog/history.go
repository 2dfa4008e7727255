package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// History is what bitext keeps of a document besides its locale files, in
// locales/.bitext/<doc>.history.json:
//
//   - the English texts that translations were made from, keyed by hash, for
//     every translation that is now stale, so that a translator can be shown
//     what changed since (a hash alone cannot give the text back);
//   - the units removed from the source, with their English and every
//     translation they had (and the translator comments of those still
//     untranslated), so that no translation is lost and a paragraph that
//     comes back gets its translation back;
//   - which translations are stale, and from which English.
//
// It is small: a source text is kept only while a translation still points
// at it, and current English is never copied here. go-i18n never sees it.
type History struct {
	// Sources maps a hash to the source message it was computed from.
	Sources map[string]Source `json:"sources,omitempty"`
	// Obsolete maps the ID of a unit no longer in the source to what it was.
	Obsolete map[string]ObsoleteUnit `json:"obsolete,omitempty"`
	// Stale maps a locale tag to its stale translations: unit ID to the
	// hash of the English each was made from. A tool that rewrites a
	// locale file without its hashes (Weblate's JSON writer does) cannot
	// then make a stale translation pass for current.
	Stale map[string]map[string]string `json:"stale,omitempty"`
}

// Source is a source message as it was when a translation was made.
type Source struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	Text        string `json:"text"`
}

// ObsoleteUnit is a unit removed from the source and what was translated of it.
type ObsoleteUnit struct {
	Description string `json:"description"`
	Text        string `json:"text"`
	// Translations maps a locale tag to the unit's translation into it.
	Translations map[string]Translation `json:"translations"`
}

// Translation is one locale's translation of an obsolete unit. Other is
// empty for a unit removed before it was translated whose entry had
// translator comments: they are kept, to come back with the unit.
type Translation struct {
	Hash     string   `json:"hash"`
	Other    string   `json:"other"`
	Comments []string `json:"comments,omitempty"`
}

// ParseHistory reads a history file. Empty input is an empty history.
func ParseHistory(path string, data []byte) (*History, error) {
	h := &History{}
	if len(bytes.TrimSpace(data)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(h); err != nil {
			off := int(dec.InputOffset())
			var se *json.SyntaxError
			if errors.As(err, &se) {
				off = int(se.Offset)
			}
			line, col := lineCol(data, off)
			return nil, &SyntaxError{path, line, col, fmt.Sprintf("history file: %v (restore it from version control)", err)}
		}
	}
	// A hand-edited or foreign file may hold nulls where maps belong.
	if h.Sources == nil {
		h.Sources = map[string]Source{}
	}
	if h.Obsolete == nil {
		h.Obsolete = map[string]ObsoleteUnit{}
	}
	for id, o := range h.Obsolete {
		if o.Translations == nil {
			o.Translations = map[string]Translation{}
			h.Obsolete[id] = o
		}
	}
	return h, nil
}

// NewHistory returns an empty history.
func NewHistory() *History {
	return &History{Sources: map[string]Source{}, Obsolete: map[string]ObsoleteUnit{}, Stale: map[string]map[string]string{}}
}

// Empty reports whether h holds nothing worth a file.
func (h *History) Empty() bool {
	return len(h.Sources) == 0 && len(h.Obsolete) == 0 && len(h.Stale) == 0
}

// Marshal writes h as indented JSON with sorted keys.
func (h *History) Marshal() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(h); err != nil {
		panic(err) // plain maps and strings always encode
	}
	return buf.Bytes()
}
