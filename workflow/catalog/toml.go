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
// strings, and dotted keys (title.other = "text"), which name the entry and
// field the way go-i18n reads them. It keeps what a general TOML decoder
// throws away: the line of every entry and the comments around it. Anything
// else is reported with its line and column rather than guessed at.
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
	p := &tomlParser{path: path, s: s, line: 1, cur: -1, footOf: -1}
	f, err := p.parse()
	if err != nil {
		return nil, err
	}
	// Conflict markers outside a multi-line string are syntax errors
	// already; inside one they would be read as text.
	if p.sawMultiline {
		if err := findConflict(path, data, false); err != nil {
			return nil, err
		}
	}
	return f, nil
}

type tomlParser struct {
	path      string
	s         string
	i         int // read offset
	line      int // line of s[i]
	lineStart int // offset of the start of the current line

	file File
	seen map[string]int // ID to line of definition

	// The table being filled: its message (-1 at the top level, before
	// any [table]), the fields set in it, its ID and, when its header has
	// more than one key, the keys.
	cur        int
	curFields  fieldBit
	tableID    string
	tableParts []string

	dotted map[string]*dottedEntry // entries named by dotted keys in the current table
	paths  []entryPath             // entries whose name has more than one key
	bare   []int                   // tables that hold no field
	keyBuf []string                // the keys of the last key read

	// Comment lines are kept in two arenas and handed to their entry as
	// sub-slices, so that a file of 20,000 "#. en:" notes costs a few
	// allocations rather than 20,000. Lines from commentStart and
	// noteStart on wait for their entry.
	comments, notes         []string
	commentStart, noteStart int
	// footOf is the entry whose line the waiting comments directly
	// follow, or -1 after a blank line.
	footOf int

	sawMultiline bool // a multi-line string was read
}

// dottedEntry is an entry named by dotted keys (title.other = "…"), which
// may be given field by field.
type dottedEntry struct {
	index  int
	path   string // pathKey of its keys
	fields fieldBit
}

// entryPath is the pathKey of an entry whose name has several keys.
type entryPath struct {
	index int
	path  string
}

// pathKey encodes keys so that the encodings of a key path's prefixes are
// prefixes of its encoding, and a quoted key holding a dot ("a.b") differs
// from two keys (a.b), as they do for go-i18n.
func pathKey(b []byte, keys ...string) []byte {
	for _, k := range keys {
		b = strconv.AppendInt(b, int64(len(k)), 10)
		b = append(b, ':')
		b = append(b, k...)
	}
	return b
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
		// Each line is read whole, so here a line starts.
		switch c := p.s[p.i]; c {
		case '\n':
			p.newline()
			p.blankLine()
		case '\r':
			if err := p.crlf(); err != nil {
				return nil, err
			}
			p.blankLine()
		case '#':
			if err := p.comment(); err != nil {
				return nil, err
			}
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
	if p.waiting() {
		if len(p.file.Messages) == 0 {
			p.takeFile()
		} else {
			p.take(&p.file.Messages[len(p.file.Messages)-1])
		}
	}
	if err := p.nesting(); err != nil {
		return nil, err
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

// blankLine ends a block of comments. A block that directly follows an
// entry's last line belongs to that entry, as a note under it; one at the
// top of the file, before any entry, belongs to the file. Any other block
// waits for the entry below it.
func (p *tomlParser) blankLine() {
	if p.waiting() {
		switch {
		case p.footOf >= 0:
			p.take(&p.file.Messages[p.footOf])
		case len(p.file.Messages) == 0:
			p.takeFile()
		}
	}
	p.footOf = -1
}

// waiting reports whether comment lines wait for their entry.
func (p *tomlParser) waiting() bool {
	return len(p.comments) > p.commentStart || len(p.notes) > p.noteStart
}

// take gives the waiting comment lines to m.
func (p *tomlParser) take(m *Message) {
	m.Comments = takeLines(m.Comments, p.comments, &p.commentStart)
	m.Notes = takeLines(m.Notes, p.notes, &p.noteStart)
}

func (p *tomlParser) takeFile() {
	p.file.Comments = takeLines(p.file.Comments, p.comments, &p.commentStart)
	p.file.Notes = takeLines(p.file.Notes, p.notes, &p.noteStart)
}

// takeLines appends arena[*start:] to dst and moves *start to the end. The
// slice handed out is capped, so that appending to it copies rather than
// overwrites the arena.
func takeLines(dst, arena []string, start *int) []string {
	n := len(arena)
	if n == *start {
		return dst
	}
	lines := arena[*start:n:n]
	*start = n
	if len(dst) == 0 {
		return lines
	}
	return append(dst[:len(dst):len(dst)], lines...)
}

// comment reads a comment line, its line feed included. Translator
// comments and bitext's own notes wait for their entry.
func (p *tomlParser) comment() error {
	start := p.i + 1
	end := strings.IndexByte(p.s[start:], '\n')
	if end < 0 {
		end = len(p.s)
	} else {
		end += start
	}
	text := strings.TrimSuffix(p.s[start:end], "\r")
	if off := controlIn(text); off >= 0 {
		p.i = start + off
		return p.errorf("control character %U in a comment", rune(text[off]))
	}
	if generated(text) {
		if p.notes == nil {
			// bitext writes a note or more above every entry.
			p.notes = make([]string, 0, cap(p.file.Messages))
		}
		p.notes = append(p.notes, text)
	} else {
		p.comments = append(p.comments, text)
	}
	p.i = end
	if p.i < len(p.s) {
		p.newline()
	}
	return nil
}

// notPlainInComment marks the control characters TOML does not allow in a
// comment: all but tab.
var notPlainInComment = func() (t [256]bool) {
	for c := range t {
		t[c] = c < 0x20 && c != '\t' || c == 0x7f
	}
	return t
}()

// controlIn returns the offset of the first control character of a comment
// in text, or -1. It tests eight bytes at a time: comments are half of a
// locale file, with bitext's "#. en:" note above every entry.
func controlIn(text string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			w := text[i : i+8]
			x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
				uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			// The high bit of a byte below 0x20 or of 0x7f is set in
			// below or del (and maybe those of the bytes after it).
			below := (x - 0x20*ones) &^ x
			del := (x ^ 0x7f*ones - ones) &^ (x ^ 0x7f*ones)
			if (below|del)&highs == 0 {
				i += 8
				continue
			}
		}
		for end := min(i+8, len(text)); i < end; i++ {
			if notPlainInComment[text[i]] {
				return i
			}
		}
	}
	return -1
}

// endOfLine accepts the rest of a line of entry owner after a header or
// value: spaces and an optional comment, which belongs to that entry.
func (p *tomlParser) endOfLine(owner int) error {
	p.skipSpace()
	p.footOf = owner
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
		if err := p.comment(); err != nil {
			return err
		}
		p.take(&p.file.Messages[owner])
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
	keys, err := p.key()
	if err != nil {
		return err
	}
	id := keys[0]
	if len(keys) > 1 {
		id = strings.Join(keys, ".")
		p.tableParts = append(p.tableParts[:0:0], keys...)
	}
	p.skipSpace()
	if p.i >= len(p.s) || p.s[p.i] != ']' {
		return p.errorf("table header [%s is not closed with ]", id)
	}
	p.i++
	if msg := checkName(id, keys, false); msg != "" {
		return p.errorf("%s", msg)
	}
	if msg := p.define(id, line); msg != "" {
		return p.errorf("%s", msg)
	}
	p.file.Messages = append(p.file.Messages, Message{ID: id, Line: line})
	p.cur = len(p.file.Messages) - 1
	p.take(&p.file.Messages[p.cur])
	p.tableID = id
	if len(keys) > 1 {
		p.paths = append(p.paths, entryPath{p.cur, string(pathKey(nil, keys...))})
	}
	return p.endOfLine(p.cur)
}

// checkName says why go-i18n would not read an entry of that name as that
// entry: a key named "translation" on the way (go-i18n reads the table
// around it as a message of its old format), or a top-level name that
// topLevelProblem rejects. topString tells a top-level id = "text" pair.
func checkName(id string, keys []string, topString bool) string {
	if slices.Contains(keys, "translation") && id != "translation" {
		return fmt.Sprintf("entry %q: go-i18n reads a key named translation as the text of the entry around it; rename the entry", id)
	}
	return topLevelProblem(id, topString)
}

// define records that entry id starts at line, or says where it started.
func (p *tomlParser) define(id string, line int) string {
	if first, dup := p.seen[id]; dup {
		return fmt.Sprintf("entry %q is defined twice (first at line %d); keep one", id, first)
	}
	p.seen[id] = line
	return ""
}

func (p *tomlParser) finishTable() {
	if p.cur >= 0 && p.curFields == 0 {
		p.bare = append(p.bare, p.cur)
	}
	p.cur, p.curFields = -1, 0
	p.tableID, p.tableParts = "", nil
	p.dotted = nil
}

func (p *tomlParser) keyValue() error {
	line, keyOff := p.line, p.i
	keys, err := p.key()
	if err != nil {
		return err
	}
	p.skipSpace()
	if p.i >= len(p.s) || p.s[p.i] != '=' {
		return p.errorf("expected = after key %q", strings.Join(keys, "."))
	}
	p.i++
	p.skipSpace()
	if len(keys) > 1 {
		return p.dottedKey(keys, line, keyOff)
	}
	key := keys[0]
	if p.cur < 0 {
		// A top-level pair is a whole message: id = "text" or
		// id = { other = "text", … }.
		inline := p.i < len(p.s) && p.s[p.i] == '{'
		if msg := checkName(key, keys, !inline); msg != "" {
			return p.errorAt(keyOff, "%s", msg)
		}
		if msg := p.define(key, line); msg != "" {
			return p.errorAt(keyOff, "%s", msg)
		}
		p.file.Messages = append(p.file.Messages, Message{ID: key, Line: line, TextLine: line})
		owner := len(p.file.Messages) - 1
		m := &p.file.Messages[owner]
		p.take(m)
		if inline {
			if err := p.inlineTable(m); err != nil {
				return err
			}
		} else {
			v, err := p.value(key)
			if err != nil {
				return err
			}
			m.Other = v
		}
		return p.endOfLine(owner)
	}
	m := &p.file.Messages[p.cur]
	// A comment between an entry's keys still belongs to it.
	p.take(m)
	valueLine := p.line
	v, err := p.value(key)
	if err != nil {
		return err
	}
	had := p.curFields
	if msg := m.setField(&p.curFields, key, v); msg != "" {
		return &SyntaxError{p.path, line, 1, msg}
	}
	if p.curFields&^had == fieldOther {
		m.TextLine = valueLine
	}
	return p.endOfLine(p.cur)
}

// dottedKey reads a pair whose key has several parts. go-i18n nests
// tables by key, so a.b.other = "text" (or, inside [a], b.other = "text")
// is the field "other" of entry "a.b", and title.other = "text" at the top
// is the entry "title". The last key must be a field: a.b = "text" would
// be entry "a.b" to go-i18n, but is more often a misspelt field, and
// bitext writes such an entry as ["a.b"] anyway.
func (p *tomlParser) dottedKey(keys []string, line, keyOff int) error {
	field := keys[len(keys)-1]
	full := make([]string, 0, len(p.tableParts)+len(keys))
	switch {
	case p.tableParts != nil:
		full = append(full, p.tableParts...)
	case p.cur >= 0:
		full = append(full, p.tableID)
	}
	full = append(full, keys[:len(keys)-1]...)
	id := strings.Join(full, ".")
	if p.i < len(p.s) && p.s[p.i] == '{' {
		return p.errorf("the value of %s must be a quoted string; write an entry as [%s] with its fields on their own lines", strings.Join(keys, "."), id)
	}
	key := string(pathKey(nil, full...))
	d := p.dotted[id]
	if d == nil {
		if msg := checkName(id, full, false); msg != "" {
			return p.errorAt(keyOff, "%s", msg)
		}
		if msg := p.define(id, line); msg != "" {
			return p.errorAt(keyOff, "%s", msg)
		}
		p.file.Messages = append(p.file.Messages, Message{ID: id, Line: line})
		d = &dottedEntry{index: len(p.file.Messages) - 1, path: key}
		if p.dotted == nil {
			p.dotted = map[string]*dottedEntry{}
		}
		p.dotted[id] = d
		if len(full) > 1 {
			p.paths = append(p.paths, entryPath{d.index, key})
		}
	} else if d.path != key {
		return p.errorAt(keyOff, "entry %q is defined twice (first at line %d); keep one", id, p.seen[id])
	}
	m := &p.file.Messages[d.index]
	p.take(m)
	valueLine := p.line
	v, err := p.value(field)
	if err != nil {
		return err
	}
	had := d.fields
	if msg := m.setField(&d.fields, field, v); msg != "" {
		return &SyntaxError{p.path, line, 1, msg}
	}
	if d.fields&^had == fieldOther {
		m.TextLine = valueLine
	}
	return p.endOfLine(d.index)
}

// nesting applies go-i18n's rule for entries named inside other entries
// ([a] and [a.b], or [a] with b.other = …): a table that holds fields of
// its own cannot hold entries too (go-i18n refuses the file), and one that
// holds no field is only the first part of the names inside it, not an
// entry. Its comments go to the next entry.
func (p *tomlParser) nesting() error {
	if len(p.paths) == 0 {
		return nil
	}
	msgs := p.file.Messages
	byPath := make(map[string]int, len(msgs))
	named := make(map[int]bool, len(p.paths))
	for _, ep := range p.paths {
		byPath[ep.path] = ep.index
		named[ep.index] = true
	}
	var buf []byte
	for i := range msgs {
		if !named[i] {
			buf = pathKey(buf[:0], msgs[i].ID)
			byPath[string(buf)] = i
		}
	}
	drop := map[int]bool{}
	for _, ep := range p.paths {
		// Each prefix of the encoding that ends a key names an outer table.
		for end := 0; end < len(ep.path); {
			colon := end + strings.IndexByte(ep.path[end:], ':')
			n, _ := strconv.Atoi(ep.path[end:colon])
			end = colon + 1 + n
			if end == len(ep.path) {
				break
			}
			outer, ok := byPath[ep.path[:end]]
			if !ok {
				continue
			}
			if slices.Contains(p.bare, outer) {
				drop[outer] = true
				continue
			}
			in, out := &msgs[ep.index], &msgs[outer]
			return &SyntaxError{p.path, in.Line, 1, fmt.Sprintf("entry %q is inside entry %q (line %d), which has fields of its own: go-i18n cannot load such a file; quote the inner name, as in [%s], to make it an entry of its own", in.ID, out.ID, out.Line, appendQuoted(nil, in.ID))}
		}
	}
	if len(drop) == 0 {
		return nil
	}
	kept := msgs[:0]
	var carry Message
	for i := range msgs {
		if drop[i] {
			carry.Comments = append(carry.Comments, msgs[i].Comments...)
			carry.Notes = append(carry.Notes, msgs[i].Notes...)
			continue
		}
		m := msgs[i]
		if carry.Comments != nil || carry.Notes != nil {
			m.Comments = append(carry.Comments, m.Comments...)
			m.Notes = append(carry.Notes, m.Notes...)
			carry = Message{}
		}
		kept = append(kept, m)
	}
	switch {
	case len(kept) > 0:
		last := &kept[len(kept)-1]
		last.Comments = append(last.Comments, carry.Comments...)
		last.Notes = append(last.Notes, carry.Notes...)
	default:
		p.file.Comments = append(p.file.Comments, carry.Comments...)
		p.file.Notes = append(p.file.Notes, carry.Notes...)
	}
	p.file.Messages = kept
	return nil
}

func (p *tomlParser) inlineTable(m *Message) error {
	p.i++ // {
	var seen fieldBit
	for {
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return nil
		}
		keys, err := p.key()
		if err != nil {
			return err
		}
		if len(keys) > 1 {
			return p.errorf("dotted key %s in the inline table of %q: an entry inside an entry is not supported; write each entry as its own [id] table", strings.Join(keys, "."), m.ID)
		}
		key := keys[0]
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
		if msg := m.setField(&seen, key, v); msg != "" {
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

// key reads a key, bare or quoted, or a dotted key, into its parts. The
// slice is reused by the next call.
func (p *tomlParser) key() ([]string, error) {
	p.keyBuf = p.keyBuf[:0]
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
			p.keyBuf = append(p.keyBuf, p.s[start:end])
			return p.keyBuf, nil
		}
	}
	for {
		var part string
		if p.i >= len(p.s) {
			return nil, p.errorf("expected a key")
		}
		switch c := p.s[p.i]; {
		case c == '"':
			if strings.HasPrefix(p.s[p.i:], `"""`) {
				return nil, p.errorf("a key cannot be a multi-line string")
			}
			v, err := p.basicString()
			if err != nil {
				return nil, err
			}
			part = v
		case c == '\'':
			v, err := p.literalString()
			if err != nil {
				return nil, err
			}
			part = v
		case isBare(c):
			start := p.i
			for p.i < len(p.s) && isBare(p.s[p.i]) {
				p.i++
			}
			part = p.s[start:p.i]
		default:
			return nil, p.errorf("expected a key, found %q", c)
		}
		p.keyBuf = append(p.keyBuf, part)
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '.' {
			p.i++
			p.skipSpace()
			continue
		}
		return p.keyBuf, nil
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
	p.sawMultiline = true
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
