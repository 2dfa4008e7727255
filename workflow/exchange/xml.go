package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// appendEscaped appends s escaped for XML text and attribute values.
// Characters XML 1.0 cannot hold at all are left to the caller (see
// xmlInvalid): each format has its own way with them.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\t':
			esc = "&#9;"
		case '\n':
			esc = "&#10;"
		case '\r':
			esc = "&#13;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// xmlValid reports whether r may appear in an XML 1.0 document.
func xmlValid(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// firstInvalid returns the first character of s that XML cannot hold
// (or a byte that is not UTF-8), and whether there is one.
func firstInvalid(s string) (rune, bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || !xmlValid(r) {
			return r, true
		}
		i += size
	}
	return 0, false
}

// xmlReader reads an XML document token by token, with the line of each,
// and turns every error into an *Error at its line.
type xmlReader struct {
	path string
	dec  *xml.Decoder
	data []byte
	line int // line of the token just read
}

// maxDepth bounds element nesting in the files read; the formats need a
// handful of levels.
const maxDepth = 64

func newXMLReader(path string, data []byte) *xmlReader {
	d := xml.NewDecoder(strings.NewReader(string(data)))
	d.Strict = true
	// Only UTF-8 (and its ASCII subset) is read; a file in another
	// encoding is refused with a clear error rather than misread.
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return input, nil
		}
		return nil, fmt.Errorf("the file is in %s; save it as UTF-8", charset)
	}
	return &xmlReader{path: path, dec: d, data: data, line: 1}
}

// token returns the next token, with character data copied.
func (r *xmlReader) token() (xml.Token, error) {
	line, _ := r.dec.InputPos()
	r.line = line
	t, err := r.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, &Error{Path: r.path, Line: se.Line, Msg: "not well-formed XML: " + se.Msg}
		}
		return nil, &Error{Path: r.path, Line: r.line, Msg: err.Error()}
	}
	return xml.CopyToken(t), nil
}

func (r *xmlReader) errorf(format string, args ...any) error {
	return &Error{Path: r.path, Line: r.line, Msg: fmt.Sprintf(format, args...)}
}

// attr returns the value of an attribute by local name and namespace
// ("" for none).
func attr(e xml.StartElement, space, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value, true
		}
	}
	return "", false
}

// skip reads past the end of the element whose start was just read.
func (r *xmlReader) skip() error {
	depth := 1
	for depth > 0 {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return r.errorf("the file ends inside an element")
			}
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return r.errorf("elements nested more than %d deep", maxDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// text reads the character data of the element whose start was just read,
// up to its end; elements inside are an error.
func (r *xmlReader) text(what string) (string, error) {
	var b strings.Builder
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", r.errorf("the file ends inside %s", what)
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			return "", r.errorf("<%s> inside %s, which holds text only", t.Name.Local, what)
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

// isNMToken reports whether s may be an XLIFF id (an XML NMTOKEN, of the
// characters IDs use).
func isNMToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == '-' || r == '.' || r == '_' || r == ':':
		case r >= 0xC0 && r != 0xD7 && r != 0xF7 && r < 0x2000:
		default:
			return false
		}
	}
	return true
}
