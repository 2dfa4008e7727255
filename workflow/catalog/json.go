package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// parseJSON reads a locale file in go-i18n's JSON form: an object whose keys
// are IDs and whose values are either a string or an object of strings.
// JSON has no comments, so a JSON locale file carries none.
func parseJSON(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	if len(bytes.TrimSpace(data)) == 0 {
		return f, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	lines := newLineIndex(data)
	fail := func(off int64, format string, args ...any) error {
		line, col := lines.pos(data, int(off))
		return &SyntaxError{path, line, col, fmt.Sprintf(format, args...)}
	}
	wrap := func(err error) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fail(se.Offset, "%v", se)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
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
					if val == nil {
						continue
					}
					return nil, fail(vOff, "the value of %q in %q must be a string", k, id)
				}
				if msg := m.setField(&fields, k.(string), s); msg != "" {
					return nil, fail(kOff, "%s", msg)
				}
				if k == "other" || k == "translation" {
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
	return f, nil
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
