package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// parseJSON reads a locale file in go-i18n's JSON form: an object whose keys
// are IDs and whose values are either a string or an object of strings.
// JSON has no comments, so a JSON locale file carries none.
//
// encoding/json, which go-i18n reads JSON with, turns invalid UTF-8 and
// unpaired surrogate escapes ("\ud800") into U+FFFD without a word; bitext
// would then write the U+FFFD back over what the translator wrote, so it
// refuses them instead. Control characters are treated as the TOML reader
// treats them: refused as they are (JSON refuses them too), kept when
// written as escapes ("\u0000"), and written back as escapes.
func parseJSON(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	if len(bytes.TrimSpace(data)) == 0 {
		return f, nil
	}
	lines := newLineIndex(data)
	fail := func(off int64, format string, args ...any) error {
		line, col := lines.pos(data, int(off))
		return &SyntaxError{path, line, col, fmt.Sprintf(format, args...)}
	}
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		return nil, fail(0, "the file starts with a byte order mark, which go-i18n's JSON reader refuses; save the file as UTF-8 without BOM")
	}
	if !utf8.Valid(data) {
		return nil, fail(int64(invalidUTF8At(data)), "invalid UTF-8; save the file as UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	wrap := func(err error) error {
		// The Decoder's offsets are those of the token around the error
		// (inside a string, its opening quote); the validity scan of
		// Unmarshal counts every byte up to the one it stops at.
		var se *json.SyntaxError
		if verr := json.Unmarshal(data, new(json.RawMessage)); errors.As(verr, &se) {
			err = se
		}
		if errors.As(err, &se) && se.Offset < int64(len(data)) {
			return fail(max(se.Offset-1, 0), "%v", se)
		}
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return fail(int64(len(data)), "the file ends before the JSON does; close every { and \"")
		}
		return fail(dec.InputOffset(), "%v", err)
	}
	// nextStart returns the offset where the next token starts.
	nextStart := func() int64 {
		off := dec.InputOffset()
		for off < int64(len(data)) && bytes.IndexByte([]byte(" \t\r\n,:"), data[off]) >= 0 {
			off++
		}
		return off
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, wrap(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fail(0, "a JSON locale file is an object: { \"id\": { \"other\": \"…\" } }")
	}
	seen := map[string]int{}
	for dec.More() {
		keyOff := nextStart()
		tok, err := dec.Token()
		if err != nil {
			return nil, wrap(err)
		}
		id := tok.(string)
		line, _ := lines.pos(data, int(keyOff))
		if first, dup := seen[id]; dup {
			return nil, fail(keyOff, "entry %q is defined twice (first at line %d); keep one", id, first)
		}
		seen[id] = line
		m := Message{ID: id, Line: line, TextLine: line}
		valOff := nextStart()
		tok, err = dec.Token()
		if err != nil {
			return nil, wrap(err)
		}
		_, isString := tok.(string)
		if msg := topLevelProblem(id, isString); msg != "" {
			return nil, fail(keyOff, "%s", msg)
		}
		switch v := tok.(type) {
		case string:
			m.Other = v
		case nil:
		case json.Delim:
			if v != '{' {
				return nil, fail(valOff, "the value of %q must be a string or an object of strings", id)
			}
			var fields fieldBit
			for dec.More() {
				kOff := nextStart()
				k, err := dec.Token()
				if err != nil {
					return nil, wrap(err)
				}
				vOff := nextStart()
				val, err := dec.Token()
				if err != nil {
					return nil, wrap(err)
				}
				s, ok := val.(string)
				if !ok {
					switch val {
					case nil:
						// go-i18n reads a null field as an entry of its own
						// ("a.other"), or refuses the file.
						return nil, fail(vOff, "the value of %q in %q is null; write \"\" for an entry still to translate", k, id)
					case json.Delim('{'):
						return nil, fail(vOff, "%q in %q holds an object: entries inside entries are not supported; write each entry at the top level, as \"%s.%s\": {…}", k, id, id, k)
					}
					return nil, fail(vOff, "the value of %q in %q must be a string", k, id)
				}
				had := fields
				if msg := m.setField(&fields, k.(string), s); msg != "" {
					return nil, fail(kOff, "%s", msg)
				}
				if fields&^had == fieldOther {
					m.TextLine, _ = lines.pos(data, int(vOff))
				}
			}
			if _, err := dec.Token(); err != nil {
				return nil, wrap(err)
			}
		default:
			return nil, fail(valOff, "the value of %q must be a string or an object of strings", id)
		}
		f.Messages = append(f.Messages, m)
	}
	if _, err := dec.Token(); err != nil {
		return nil, wrap(err)
	}
	if off := nextStart(); off < int64(len(data)) {
		return nil, fail(off, "text after the end of the JSON object")
	}
	// Only in valid JSON can a quote be taken for the start or end of a
	// string without a parser.
	if off, r := loneSurrogate(data); off >= 0 {
		return nil, fail(int64(off), "\\u%04x is half of a UTF-16 surrogate pair, without its other half; write the character itself, or both halves (\\ud83d\\ude00 is 😀)", r)
	}
	return f, nil
}

// loneSurrogate returns the offset and value of the first \u escape in
// the strings of valid JSON data that is half of a UTF-16 surrogate pair
// without its other half, or -1.
func loneSurrogate(data []byte) (int, rune) {
	if !bytes.Contains(data, []byte(`\u`)) {
		return -1, 0
	}
	inString := false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			inString = !inString
		case c == '\\' && inString:
			if data[i+1] != 'u' {
				i++ // the escaped character, which may be a quote
				continue
			}
			r, _ := hex4(data[i+2:])
			if utf16.IsSurrogate(r) {
				low, _ := hex4(data[min(i+8, len(data)):])
				if r >= 0xdc00 || data[i+6] != '\\' || data[i+7] != 'u' || low < 0xdc00 || low > 0xdfff {
					return i, r
				}
				i += 6 // the low half
			}
			i += 5
		}
	}
	return -1, 0
}

// hex4 reads four hex digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// lineIndex maps byte offsets to lines.
type lineIndex []int

func newLineIndex(data []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range data {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// pos returns the 1-based line and rune column of offset off.
func (idx lineIndex) pos(data []byte, off int) (int, int) {
	lo, hi := 0, len(idx)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	start := idx[lo]
	return lo + 1, len(bytes.Runes(data[start:min(off, len(data))])) + 1
}
