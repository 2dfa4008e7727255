package catalog

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Entry is a message to write with the comment lines bitext writes above
// it. Notes hold comment text without the "#"; each must start with "." (a
// note), "," (a flag) or "|" (previous text), so that a later read can tell
// them from the translator's own comments (it returns them as
// Message.Notes). Entry.Notes hides Message.Notes on purpose: the notes
// written are the ones given here, never the ones read, which bitext
// regenerates on every update.
type Entry struct {
	Message
	Notes []string
}

// Marshal writes entries as a locale file. header holds generated comment
// lines for the top of the file (same rule as Entry.Notes); comments are
// the translator's file-level comments. Fields are written in go-i18n's key
// order (description, hash, other), empty ones left out. JSON has no
// comments, so header, comments and notes are not written there.
func Marshal(format Format, header, comments []string, entries []Entry) []byte {
	size := 256
	for _, e := range entries {
		size += len(e.ID) + len(e.Description) + len(e.Hash) + len(e.Other) + 64
		for _, n := range e.Notes {
			size += len(n) + 2
		}
	}
	b := make([]byte, 0, size)
	switch format {
	case JSON:
		return marshalJSON(b, entries)
	case YAML:
		b = marshalText(b, yamlLayout, header, comments, entries)
		if len(entries) == 0 && len(b) > 0 {
			// A YAML file of comments alone holds no document, which
			// go-i18n refuses; an empty mapping it reads as no messages.
			b = append(b, "{}\n"...)
		}
		return b
	default:
		return marshalText(b, tomlLayout, header, comments, entries)
	}
}

func appendComments(b []byte, header, comments []string) []byte {
	for _, h := range header {
		b = appendComment(b, h)
	}
	for _, c := range comments {
		b = appendComment(b, c)
	}
	if len(header)+len(comments) > 0 {
		b = append(b, '\n')
	}
	return b
}

func appendComment(b []byte, text string) []byte {
	b = append(b, '#')
	b = append(b, strings.ReplaceAll(text, "\n", " ")...)
	return append(b, '\n')
}

func appendEntryComments(b []byte, e *Entry) []byte {
	for _, c := range e.Comments {
		b = appendComment(b, c)
	}
	for _, n := range e.Notes {
		b = appendComment(b, n)
	}
	return b
}

// textLayout is how TOML and YAML differ in writing an entry: its header
// line and the form of a field.
type textLayout struct {
	header func(b []byte, id string) []byte
	field  func(b []byte, name, value string) []byte
}

var tomlLayout = textLayout{
	header: func(b []byte, id string) []byte {
		b = append(b, '[')
		b = appendTOMLKey(b, id)
		return append(b, "]\n"...)
	},
	field: func(b []byte, name, value string) []byte {
		b = append(b, name...)
		b = append(b, " = "...)
		b = appendQuoted(b, value)
		return append(b, '\n')
	},
}

var yamlLayout = textLayout{
	header: func(b []byte, id string) []byte {
		b = appendYAMLKey(b, id)
		return append(b, ":\n"...)
	},
	field: func(b []byte, name, value string) []byte {
		b = append(b, "  "...)
		b = append(b, name...)
		b = append(b, ": "...)
		b = appendQuoted(b, value)
		return append(b, '\n')
	},
}

// marshalText writes a TOML or YAML file: comments, then each entry with
// its comments above it, a blank line between entries.
func marshalText(b []byte, l textLayout, header, comments []string, entries []Entry) []byte {
	b = appendComments(b, header, comments)
	for i := range entries {
		e := &entries[i]
		if i > 0 {
			b = append(b, '\n')
		}
		b = appendEntryComments(b, e)
		b = l.header(b, e.ID)
		if e.Description != "" {
			b = l.field(b, "description", e.Description)
		}
		if e.Hash != "" {
			b = l.field(b, "hash", e.Hash)
		}
		b = l.field(b, "other", e.Other)
	}
	return b
}

func appendTOMLKey(b []byte, key string) []byte {
	for i := 0; i < len(key); i++ {
		if !isBare(key[i]) {
			return appendQuoted(b, key)
		}
	}
	if key == "" {
		return append(b, `""`...)
	}
	return append(b, key...)
}

// appendYAMLKey writes key plain when YAML would read it back as the same
// string, and quoted otherwise ("yes", "1", "null" and the like).
func appendYAMLKey(b []byte, key string) []byte {
	plain := key != "" && (key[0] >= 'a' && key[0] <= 'z' || key[0] >= 'A' && key[0] <= 'Z')
	for i := 0; plain && i < len(key); i++ {
		plain = isBare(key[i])
	}
	switch strings.ToLower(key) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		plain = false
	}
	if plain {
		return append(b, key...)
	}
	return appendQuoted(b, key)
}

func marshalJSON(b []byte, entries []Entry) []byte {
	if len(entries) == 0 {
		return append(b, "{}\n"...)
	}
	b = append(b, "{\n"...)
	for i := range entries {
		e := &entries[i]
		b = append(b, "  "...)
		b = appendQuoted(b, e.ID)
		b = append(b, ": {\n"...)
		if e.Description != "" {
			b = append(b, `    "description": `...)
			b = appendQuoted(b, e.Description)
			b = append(b, ",\n"...)
		}
		if e.Hash != "" {
			b = append(b, `    "hash": `...)
			b = appendQuoted(b, e.Hash)
			b = append(b, ",\n"...)
		}
		b = append(b, `    "other": `...)
		b = appendQuoted(b, e.Other)
		b = append(b, "\n  }"...)
		if i < len(entries)-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	return append(b, "}\n"...)
}

// Quote returns s as a double-quoted string that TOML, YAML and JSON all
// read back as s, as appendQuoted writes it: for the other places that
// write one of those formats (front matter, glossaries).
func Quote(s string) string { return string(appendQuoted(nil, s)) }

// appendQuoted writes s as a double-quoted string that TOML, YAML and JSON
// all read back as s: quote, backslash and control characters escaped,
// everything else as UTF-8.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < 0x7f {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"':
				b = append(b, `\"`...)
			case '\\':
				b = append(b, `\\`...)
			case '\n':
				b = append(b, `\n`...)
			case '\t':
				b = append(b, `\t`...)
			case '\r':
				b = append(b, `\r`...)
			default:
				b = appendUnicodeEscape(b, rune(c))
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		// YAML wants C1 controls, the BOM and non-characters escaped.
		if r >= 0x80 && r <= 0x9f || r == 0xfeff || r == 0xfffe || r == 0xffff || r == 0x2028 || r == 0x2029 || r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				r = 0xfffd
			}
			b = appendUnicodeEscape(b, r)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func appendUnicodeEscape(b []byte, r rune) []byte {
	b = append(b, `\u`...)
	h := strconv.FormatInt(int64(r), 16)
	for i := len(h); i < 4; i++ {
		b = append(b, '0')
	}
	return append(b, h...)
}
