package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// parseTOML reads a locale file in the part of TOML that go-i18n message
// files use: comments, [id] tables and id = "text" pairs whose values are
// strings (basic, literal, and their multi-line forms) or inline tables of
// strings. It keeps what a general TOML decoder throws away: the line of
// every entry and the comments above it. Anything else is reported with its
// line and column rather than guessed at.
func parseTOML(path string, data []byte) (*File, error) {
	if !utf8.Valid(data) {
		line, col := lineCol(data, invalidUTF8At(data))
		return nil, &SyntaxError{path, line, col, "invalid UTF-8; save the file as UTF-8"}
	}
	// The parsed strings point into data rather than copying it: a locale
	// file of 20,000 entries is tens of megabytes. Callers keep data
	// unchanged (project.FileState.Raw is never written to).
	var s string
	if len(data) > 0 {
		s = unsafe.String(&data[0], len(data))
	}
	p := &tomlParser{path: path, s: s, line: 1}
	return p.parse()
}

type tomlParser struct {
	path      string
	s         string
	i         int // read offset
	line      int // line of s[i]
	lineStart int // offset of the start of the current line

	file    File
	current *Message       // the table being filled, if any
	seen    map[string]int // ID to line of definition
	keys    []string       // the keys of the current table, lower-cased
	pending []string       // translator comments waiting for their entry
}

func (p *tomlParser) errorf(format string, args ...any) error {
	return &SyntaxError{p.path, p.line, utf8.RuneCountInString(p.s[p.lineStart:p.i]) + 1, fmt.Sprintf(format, args...)}
}

// errorAt reports an error at offset off of the current line, such as the
// opening quote of a string that is never closed.
func (p *tomlParser) errorAt(off int, format string, args ...any) error {
	return &SyntaxError{p.path, p.line, utf8.RuneCountInString(p.s[p.lineStart:off]) + 1, fmt.Sprintf(format, args...)}
}

func (p *tomlParser) parse() (*File, error) {
	p.file.Path = p.path
	p.seen = map[string]int{}
	p.file.Messages = make([]Message, 0, strings.Count(p.s, "\n[")+1)
	if strings.HasPrefix(p.s, "\ufeff") {
		p.i = 3
		p.lineStart = 3
	}
	for p.i < len(p.s) {
		p.skipSpace()
		if p.i >= len(p.s) {
			break
		}
		switch c := p.s[p.i]; c {
		case '\n':
			p.newline()
		case '\r':
			if err := p.crlf(); err != nil {
				return nil, err
			}
		case '#':
			p.comment()
		case '[':
			if err := p.table(); err != nil {
				return nil, err
			}
		default:
			if err := p.keyValue(); err != nil {
				return nil, err
			}
		}
	}
	p.finishTable()
	if len(p.pending) > 0 {
		if len(p.file.Messages) == 0 {
			p.file.Comments = p.pending
		} else {
			last := &p.file.Messages[len(p.file.Messages)-1]
			last.Comments = append(last.Comments, p.pending...)
		}
	}
	return &p.file, nil
}

func (p *tomlParser) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *tomlParser) newline() {
	p.i++
	p.line++
	p.lineStart = p.i
}

func (p *tomlParser) crlf() error {
	if p.i+1 < len(p.s) && p.s[p.i+1] == '\n' {
		p.i++
		p.newline()
		return nil
	}
	return p.errorf("carriage return without line feed")
}

// comment reads a comment to the end of the line. Translator comments wait
// for the entry that follows; bitext's own are dropped, to be rewritten.
func (p *tomlParser) comment() {
	start := p.i + 1
	end := strings.IndexByte(p.s[start:], '\n')
	if end < 0 {
		end = len(p.s)
	} else {
		end += start
	}
	text := strings.TrimSuffix(p.s[start:end], "\r")
	p.i = end
	if !generated(text) {
		p.pending = append(p.pending, text)
	}
}

// endOfLine accepts the rest of a line after a header or value: spaces and
// an optional comment.
func (p *tomlParser) endOfLine() error {
	p.skipSpace()
	if p.i >= len(p.s) {
		return nil
	}
	switch p.s[p.i] {
	case '\n':
		p.newline()
		return nil
	case '\r':
		return p.crlf()
	case '#':
		p.comment()
		return nil
	}
	return p.errorf("unexpected %q after the value; put each key on its own line", p.s[p.i])
}

func (p *tomlParser) table() error {
	p.finishTable()
	p.i++ // [
	if p.i < len(p.s) && p.s[p.i] == '[' {
		return p.errorf("arrays of tables ([[…]]) are not message entries; use [id]")
	}
	p.skipSpace()
	line := p.line
	id, err := p.key()
	if err != nil {
		return err
	}
	p.skipSpace()
	if p.i >= len(p.s) || p.s[p.i] != ']' {
		return p.errorf("table header [%s is not closed with ]", id)
	}
	p.i++
	if err := p.define(id, line); err != nil {
		return err
	}
	p.file.Messages = append(p.file.Messages, Message{ID: id, Line: line, Comments: p.pending})
	p.pending = nil
	p.current = &p.file.Messages[len(p.file.Messages)-1]
	p.keys = p.keys[:0]
	return p.endOfLine()
}

func (p *tomlParser) define(id string, line int) error {
	if first, dup := p.seen[id]; dup {
		return p.errorf("entry %q is defined twice (first at line %d); keep one", id, first)
	}
	p.seen[id] = line
	return nil
}

func (p *tomlParser) finishTable() {
	p.current = nil
	p.keys = p.keys[:0]
}

func (p *tomlParser) keyValue() error {
	line := p.line
	key, err := p.key()
	if err != nil {
		return err
	}
	p.skipSpace()
	if p.i >= len(p.s) || p.s[p.i] != '=' {
		return p.errorf("expected = after key %q", key)
	}
	p.i++
	p.skipSpace()
	if p.current == nil {
		// A top-level pair is a whole message: id = "text" or
		// id = { other = "text", … }.
		if err := p.define(key, line); err != nil {
			return err
		}
		m := Message{ID: key, Line: line, TextLine: line, Comments: p.pending}
		p.pending = nil
		if p.i < len(p.s) && p.s[p.i] == '{' {
			if err := p.inlineTable(&m); err != nil {
				return err
			}
		} else {
			v, err := p.value(key)
			if err != nil {
				return err
			}
			m.Other = v
		}
		p.file.Messages = append(p.file.Messages, m)
		return p.endOfLine()
	}
	lower := strings.ToLower(key)
	if slices.Contains(p.keys, lower) {
		return p.errorf("key %q appears twice in entry %q", key, p.current.ID)
	}
	p.keys = append(p.keys, lower)
	valueLine := p.line
	v, err := p.value(key)
	if err != nil {
		return err
	}
	if msg := p.current.field(key, v); msg != "" {
		return &SyntaxError{p.path, line, 1, msg}
	}
	if lower == "other" || lower == "translation" {
		p.current.TextLine = valueLine
	}
	if len(p.pending) > 0 {
		// A comment between an entry's keys still belongs to it.
		p.current.Comments = append(p.current.Comments, p.pending...)
		p.pending = nil
	}
	return p.endOfLine()
}

func (p *tomlParser) inlineTable(m *Message) error {
	p.i++ // {
	seen := map[string]bool{}
	for {
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return nil
		}
		key, err := p.key()
		if err != nil {
			return err
		}
		lower := strings.ToLower(key)
		if seen[lower] {
			return p.errorf("key %q appears twice in entry %q", key, m.ID)
		}
		seen[lower] = true
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != '=' {
			return p.errorf("expected = after key %q", key)
		}
		p.i++
		p.skipSpace()
		v, err := p.value(key)
		if err != nil {
			return err
		}
		if msg := m.field(key, v); msg != "" {
			return p.errorf("%s", msg)
		}
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return nil
		}
		return p.errorf("expected , or } in the inline table of %q", m.ID)
	}
}

// key reads a key, bare or quoted. A dotted key is joined with dots, the
// way go-i18n names nested messages.
func (p *tomlParser) key() (string, error) {
	// Fast path: one bare key, as bitext writes them.
	if start := p.i; start < len(p.s) && isBare(p.s[start]) {
		end := start
		for end < len(p.s) && isBare(p.s[end]) {
			end++
		}
		rest := end
		for rest < len(p.s) && (p.s[rest] == ' ' || p.s[rest] == '\t') {
			rest++
		}
		if rest == len(p.s) || p.s[rest] != '.' {
			p.i = rest
			return p.s[start:end], nil
		}
	}
	var parts []string
	for {
		var part string
		if p.i >= len(p.s) {
			return "", p.errorf("expected a key")
		}
		switch c := p.s[p.i]; {
		case c == '"':
			if strings.HasPrefix(p.s[p.i:], `"""`) {
				return "", p.errorf("a key cannot be a multi-line string")
			}
			v, err := p.basicString()
			if err != nil {
				return "", err
			}
			part = v
		case c == '\'':
			v, err := p.literalString()
			if err != nil {
				return "", err
			}
			part = v
		case isBare(c):
			start := p.i
			for p.i < len(p.s) && isBare(p.s[p.i]) {
				p.i++
			}
			part = p.s[start:p.i]
		default:
			return "", p.errorf("expected a key, found %q", c)
		}
		parts = append(parts, part)
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '.' {
			p.i++
			p.skipSpace()
			continue
		}
		return strings.Join(parts, "."), nil
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value reads a string value of any of TOML's four kinds.
func (p *tomlParser) value(key string) (string, error) {
	if p.i >= len(p.s) {
		return "", p.errorf("missing value for %q", key)
	}
	switch {
	case strings.HasPrefix(p.s[p.i:], `"""`):
		return p.multiBasic()
	case strings.HasPrefix(p.s[p.i:], `'''`):
		return p.multiLiteral()
	case p.s[p.i] == '"':
		return p.basicString()
	case p.s[p.i] == '\'':
		return p.literalString()
	}
	return "", p.errorf("the value of %q must be a quoted string, as in %s = \"text\"", key, key)
}

// plainInString marks the bytes a basic string holds as they are: all but
// the quote, the backslash and control characters (tab is allowed).
var plainInString = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != 0x7f || c == '\t'
	}
	return t
}()

func (p *tomlParser) basicString() (string, error) {
	open := p.i
	p.i++ // "
	start := p.i
	// Fast path: no escapes. Plain bytes are skipped by table lookup; a
	// locale file is mostly string content.
	for p.i < len(p.s) {
		c := p.s[p.i]
		if plainInString[c] {
			p.i++
			continue
		}
		if c == '"' {
			v := p.s[start:p.i]
			p.i++
			return v, nil
		}
		if c == '\\' {
			break
		}
		if c == '\n' || c == '\r' {
			return "", p.errorAt(open, "string is not closed before the end of the line; close it with \" or use \"\"\" for text on several lines")
		}
		if c < 0x20 && c != '\t' || c == 0x7f {
			return "", p.errorf("control character %U in a string; write it as an escape", rune(c))
		}
		p.i++
	}
	var b strings.Builder
	b.WriteString(p.s[start:p.i])
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String(), nil
		case c == '\\':
			if err := p.escape(&b, false); err != nil {
				return "", err
			}
		case c == '\n' || c == '\r':
			return "", p.errorAt(open, "string is not closed before the end of the line; close it with \" or use \"\"\" for text on several lines")
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", p.errorf("control character %U in a string; write it as an escape", rune(c))
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", p.errorAt(open, "string is not closed")
}

func (p *tomlParser) multiBasic() (string, error) { return p.multiline(`"""`, true) }

func (p *tomlParser) multiLiteral() (string, error) { return p.multiline(`'''`, false) }

// multiline reads a multi-line string closed by delim, three double or single quotes,
// with backslash escapes when escapes is set (basic strings).
func (p *tomlParser) multiline(delim string, escapes bool) (string, error) {
	p.i += 3
	p.skipFirstNewline()
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case strings.HasPrefix(p.s[p.i:], delim):
			// Up to two quotes may end the content: """"" is "" and """.
			extra := 0
			for extra < 2 && strings.HasPrefix(p.s[p.i+1+extra:], delim) {
				extra++
			}
			b.WriteString(p.s[p.i : p.i+extra])
			p.i += 3 + extra
			return b.String(), nil
		case c == '\\' && escapes:
			if err := p.escape(&b, true); err != nil {
				return "", err
			}
		case c == '\n':
			b.WriteByte('\n')
			p.newline()
		case c == '\r':
			if err := p.crlf(); err != nil {
				return "", err
			}
			b.WriteByte('\n')
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", p.errorf("control character %U in a string; write it as an escape", rune(c))
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", p.errorf("multi-line string is never closed with %s", delim)
}

func (p *tomlParser) literalString() (string, error) {
	open := p.i
	p.i++ // '
	start := p.i
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '\'':
			v := p.s[start:p.i]
			p.i++
			return v, nil
		case c == '\n' || c == '\r':
			return "", p.errorAt(open, "literal string is not closed before the end of the line; close it with ' or use ''' for text on several lines")
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", p.errorf("control character %U in a string", rune(c))
		}
		p.i++
	}
	return "", p.errorf("literal string is not closed")
}

func (p *tomlParser) skipFirstNewline() {
	if strings.HasPrefix(p.s[p.i:], "\n") {
		p.newline()
	} else if strings.HasPrefix(p.s[p.i:], "\r\n") {
		p.i++
		p.newline()
	}
}

// escape reads one backslash escape into b. In multi-line strings a
// backslash at the end of a line joins it to the next, dropping the white
// space between.
func (p *tomlParser) escape(b *strings.Builder, multi bool) error {
	p.i++ // backslash
	if p.i >= len(p.s) {
		return p.errorf("backslash at the end of the file")
	}
	c := p.s[p.i]
	switch c {
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case 'e':
		b.WriteByte(0x1b)
	case '"':
		b.WriteByte('"')
	case '\\':
		b.WriteByte('\\')
	case 'u', 'U', 'x':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
		if p.i+1+n > len(p.s) {
			return p.errorf("escape \\%c needs %d hex digits", c, n)
		}
		code, err := strconv.ParseUint(p.s[p.i+1:p.i+1+n], 16, 32)
		if err != nil || !utf8.ValidRune(rune(code)) {
			return p.errorf("escape \\%c%s is not a valid Unicode character", c, p.s[p.i+1:p.i+1+n])
		}
		b.WriteRune(rune(code))
		p.i += n
	case ' ', '\t', '\n', '\r':
		if !multi {
			return p.errorf("a backslash must start an escape such as \\\" or \\\\; to write a backslash, write \\\\")
		}
		j := p.i
		for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t') {
			j++
		}
		if j < len(p.s) && p.s[j] != '\n' && p.s[j] != '\r' {
			return p.errorf("a backslash must start an escape such as \\\" or \\\\; to write a backslash, write \\\\")
		}
		p.i = j
		for p.i < len(p.s) {
			switch p.s[p.i] {
			case ' ', '\t':
				p.i++
			case '\n':
				p.newline()
			case '\r':
				if err := p.crlf(); err != nil {
					return err
				}
			default:
				return nil
			}
		}
		return nil
	default:
		return p.errorf("unknown escape \\%c; to write a backslash, write \\\\", c)
	}
	p.i++
	return nil
}

// lineCol returns the 1-based line and column (in runes) of offset off.
func lineCol(data []byte, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(data); i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:min(off, len(data))]) + 1
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
