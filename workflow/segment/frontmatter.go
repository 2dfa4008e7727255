package segment

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	gotoml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	yaml "go.yaml.in/yaml/v3"
)

// DefaultFrontMatterKeys are the front-matter keys whose values are
// translated when configuration names none.
var DefaultFrontMatterKeys = []string{"title", "description", "summary", "subtitle"}

// fmValue is a string of the front matter to translate: its key path, its
// text, its line, and the bytes of the file it takes.
type fmValue struct {
	key        string
	text       string
	line       int
	start, end int
}

// frontMatter reads an optional front matter block, YAML between "---"
// lines or TOML between "+++" lines, and returns the rest of src. The
// title is the article's title, a date its date (a time after it is left
// out); the strings under the configured keys (Options.FrontMatterKeys),
// in nested maps and lists too, are fields to translate. Every other key
// passes through: a key bitext does not know, a value that is not a
// string, a date it cannot read (a warning) are never errors.
func (r *mdReader) frontMatter(src []byte) ([]byte, error) {
	fence := ""
	switch {
	case bytes.HasPrefix(src, []byte("---\n")) || bytes.HasPrefix(src, []byte("---\r\n")):
		fence = "---"
	case bytes.HasPrefix(src, []byte("+++\n")) || bytes.HasPrefix(src, []byte("+++\r\n")):
		fence = "+++"
	default:
		return src, nil
	}
	open := bytes.IndexByte(src, '\n') + 1
	body := src[open:]
	end := -1
	for off := 0; off < len(body); {
		line := body[off:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		if t := bytes.TrimRight(line, "\r\n \t"); string(t) == fence || fence == "---" && string(t) == "..." {
			end = off
			break
		}
		off += len(line)
	}
	if end < 0 {
		return nil, errorf(r.path, 1, "front matter opened with %s is never closed; end it with a line holding only %s", fence, fence)
	}
	// The front matter starts on line 2: its line n is line n+1 of the
	// file, as long as no line ends with a carriage return alone, which
	// YAML counts and CommonMark does not. last is the line of the
	// closing fence.
	last := bytes.Count(body[:end], []byte("\n")) + 2
	var values []fmValue
	var date string
	dateLine := 2
	var err error
	if fence == "---" {
		values, date, dateLine, err = r.yamlFrontMatter(body[:end], open, last)
	} else {
		values, date, dateLine, err = r.tomlFrontMatter(body[:end], open, last)
	}
	if err != nil {
		return nil, err
	}
	r.doc.Credits = frontMatterCredits(body[:end], fence == "+++")
	rest := body[end:]
	rest = rest[bytes.IndexByte(rest, '\n')+1:]
	r.lineBase = bytes.Count(src[:len(src)-len(rest)], []byte("\n"))

	syntax := YAMLSlot
	if fence == "+++" {
		syntax = TOMLSlot
	}
	for _, v := range values {
		// YAML escapes ("\e", "\x1b") make control characters the bytes
		// of the source did not hold.
		if c, ok := controlIn(v.text); ok {
			return nil, errorf(r.path, v.line, "front matter: %s holds control character %U; delete it", v.key, c)
		}
		t := Normalize(v.text)
		if t == "" {
			continue
		}
		u := Unit{Kind: Field, Text: t, Line: v.line, Key: v.key}
		if v.key == "title" {
			u = Unit{Kind: Title, Text: t, Line: v.line}
		}
		i := len(r.doc.Units)
		r.doc.Units = append(r.doc.Units, u)
		r.slots = append(r.slots, mdSlot{start: v.start, end: v.end, piece: Piece{Syntax: syntax, Unit: i, Text: string(r.file[v.start:v.end])}})
		r.blocks = append(r.blocks, Block{Kind: UnitBlock, Unit: i})
	}
	if date != "" {
		if c, ok := controlIn(date); ok {
			return nil, errorf(r.path, dateLine, "front matter: date holds control character %U; delete it", c)
		}
		if iso, ok := parseDateTime(date); ok {
			r.doc.Date = iso
			// The date stays in the front matter as written; the unit is for
			// the HTML and PDF editions, which write it the locale's way.
			i := len(r.doc.Units)
			r.doc.Units = append(r.doc.Units, Unit{Kind: Date, Text: iso, Line: dateLine})
			r.blocks = append(r.blocks, Block{Kind: UnitBlock, Unit: i})
		} else {
			r.doc.Warnings = append(r.doc.Warnings, &Error{Path: r.path, Line: dateLine,
				Msg: fmt.Sprintf("front matter: date %q is not a date bitext reads, so the editions give none; write it as 2018-05-23", date)})
		}
	}
	return rest, nil
}

// wanted reports whether the strings at key path are to be translated:
// the path or one of its parents is a configured key, a key of one
// segment matching at the top only.
func (r *mdReader) wanted(path string) bool {
	keys := r.opts.FrontMatterKeys
	if keys == nil {
		keys = DefaultFrontMatterKeys
	}
	for _, k := range keys {
		if path == k || strings.HasPrefix(path, k+".") {
			return true
		}
	}
	return false
}

// yamlFrontMatter reads YAML front matter, src, which starts at byte off
// of the file and ends before line last.
func (r *mdReader) yamlFrontMatter(src []byte, off, last int) (values []fmValue, date string, dateLine int, err error) {
	dateLine = 2
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, "", 0, r.yamlError(err, last)
	}
	// Decoding finds what parsing lets through: a key given twice.
	var any any
	if err := doc.Decode(&any); err != nil {
		return nil, "", 0, r.yamlError(err, last)
	}
	if len(doc.Content) == 0 {
		return nil, "", dateLine, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, "", dateLine, nil // a list or a scalar: nothing bitext knows
	}
	lines := lineStarts(src)
	offset := func(n *yaml.Node) int {
		if n.Line < 1 || n.Line > len(lines) {
			return -1
		}
		start := lines[n.Line-1]
		i := start
		for col := 1; col < n.Column && i < len(src); col++ {
			_, size := utf8.DecodeRune(src[i:])
			i += size
		}
		return i
	}
	var walk func(n *yaml.Node, path string, indent int)
	walk = func(n *yaml.Node, path string, indent int) {
		switch n.Kind {
		case yaml.ScalarNode:
			if n.Tag != "!!str" || strings.TrimSpace(n.Value) == "" {
				return
			}
			start := offset(n)
			end := yamlScalarEnd(src, start, n, indent)
			if end < 0 {
				r.doc.Warnings = append(r.doc.Warnings, &Error{Path: r.path, Line: min(n.Line+1, last),
					Msg: fmt.Sprintf("front matter: %s is written in a way bitext cannot place; it is not translated", path)})
				return
			}
			values = append(values, fmValue{key: path, text: n.Value, line: min(n.Line+1, last), start: off + start, end: off + end})
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				walk(n.Content[i+1], path+"."+k.Value, k.Column-1)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, path+"."+strconv.Itoa(i), max(n.Column-1, indent))
			}
		}
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch {
		case k.Value == "date" && v.Kind == yaml.ScalarNode:
			date, dateLine = v.Value, min(k.Line+1, last)
		case k.Value == "date":
			r.doc.Warnings = append(r.doc.Warnings, &Error{Path: r.path, Line: min(k.Line+1, last),
				Msg: "front matter: date is not a date (a list or a map), so the editions give none; write it as 2018-05-23"})
		case r.wanted(k.Value):
			walk(v, k.Value, k.Column-1)
		default:
			r.walkNested(v, k.Value, k.Column-1, walk)
		}
	}
	return values, date, dateLine, nil
}

// walkNested looks under a key that is not configured for configured
// dotted paths below it ("params.subtitle").
func (r *mdReader) walkNested(n *yaml.Node, path string, indent int, walk func(*yaml.Node, string, int)) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p := path + "." + k.Value
		if r.wanted(p) {
			walk(v, p, k.Column-1)
		} else {
			r.walkNested(v, p, k.Column-1, walk)
		}
	}
}

// lineStarts returns the offset of each line of src.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// yamlScalarEnd returns where the scalar n that starts at byte start of
// src ends, or -1 when the source there is not what n says. indent is the
// indentation of the key or list the scalar is the value of.
func yamlScalarEnd(src []byte, start int, n *yaml.Node, indent int) int {
	if start < 0 || start >= len(src) {
		return -1
	}
	switch n.Style {
	case yaml.DoubleQuotedStyle:
		if src[start] != '"' {
			return -1
		}
		for i := start + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return -1
	case yaml.SingleQuotedStyle:
		if src[start] != '\'' {
			return -1
		}
		for i := start + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return -1
	case yaml.LiteralStyle, yaml.FoldedStyle:
		if src[start] != '|' && src[start] != '>' {
			return -1
		}
		// The header's line, then every line blank or more indented than
		// the key.
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return len(src)
		}
		end := start + i
		for off := end + 1; off < len(src); {
			j := bytes.IndexByte(src[off:], '\n')
			next := len(src)
			if j >= 0 {
				next = off + j
			}
			line := src[off:next]
			if t := bytes.TrimLeft(line, " "); len(bytes.TrimSpace(line)) > 0 {
				if len(line)-len(t) <= indent {
					break
				}
				end = next
			}
			off = next + 1
		}
		return end
	}
	if n.Style != 0 {
		return -1 // a tagged or flow value of another style
	}
	// A plain scalar: its text, where a space may be any white space and
	// line breaks in the source.
	v := n.Value
	i := start
	for k := 0; k < len(v); k++ {
		c := v[k]
		if c == ' ' || c == '\n' {
			j := i
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
				j++
			}
			if j == i {
				return -1
			}
			i = j
			for k+1 < len(v) && (v[k+1] == ' ' || v[k+1] == '\n') {
				k++
			}
			continue
		}
		if i >= len(src) || src[i] != c {
			return -1
		}
		i++
	}
	return i
}

// tomlFrontMatter reads TOML front matter, src, which starts at byte off
// of the file and ends before line last.
func (r *mdReader) tomlFrontMatter(src []byte, off, last int) (values []fmValue, date string, dateLine int, err error) {
	dateLine = 2
	var p unstable.Parser
	p.Reset(src)
	lineOf := func(rg unstable.Range) int { return min(p.Shape(rg).Start.Line+1, last) }
	table := ""           // the [table] the key-values are in
	inArrayTable := false // the key-values are in a [[table]]
	seen := map[string]int{}
	var walk func(n *unstable.Node, path string)
	walk = func(n *unstable.Node, path string) {
		switch n.Kind {
		case unstable.String:
			text := string(n.Data)
			if strings.TrimSpace(text) == "" {
				return
			}
			values = append(values, fmValue{key: path, text: text, line: lineOf(n.Raw), start: off + int(n.Raw.Offset), end: off + int(n.Raw.Offset+n.Raw.Length)})
		case unstable.Array:
			it := n.Children()
			for i := 0; it.Next(); i++ {
				walk(it.Node(), path+"."+strconv.Itoa(i))
			}
		case unstable.InlineTable:
			it := n.Children()
			for it.Next() {
				kv := it.Node()
				if kv.Kind == unstable.KeyValue {
					walk(kv.Value(), path+"."+tomlKey(kv.Key()))
				}
			}
		}
	}
	var nested func(n *unstable.Node, path string)
	nested = func(n *unstable.Node, path string) {
		if r.wanted(path) {
			walk(n, path)
			return
		}
		if n.Kind == unstable.InlineTable {
			it := n.Children()
			for it.Next() {
				if kv := it.Node(); kv.Kind == unstable.KeyValue {
					nested(kv.Value(), path+"."+tomlKey(kv.Key()))
				}
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = tomlKey(e.Key())
			inArrayTable = e.Kind == unstable.ArrayTable
			if inArrayTable {
				table = "" // arrays of tables are not read
			}
		case unstable.KeyValue:
			key := tomlKey(e.Key())
			if table != "" {
				key = table + "." + key
			}
			it := e.Key()
			line := 0
			if it.Next() {
				line = lineOf(it.Node().Raw)
			}
			if first, dup := seen[key]; dup && !inArrayTable {
				return nil, "", 0, errorf(r.path, line, "front matter: key %s is given twice (first at line %d); fix the TOML between the +++ lines", key, first)
			}
			seen[key] = line
			v := e.Value()
			if key == "date" {
				switch v.Kind {
				case unstable.String, unstable.LocalDate, unstable.LocalDateTime, unstable.DateTime:
					date = string(v.Data)
					it := e.Key()
					if it.Next() {
						dateLine = lineOf(it.Node().Raw)
					}
				}
				continue
			}
			nested(v, key)
		}
	}
	if perr := p.Error(); perr != nil {
		line := 1
		msg := perr.Error()
		var pe *unstable.ParserError
		if errors.As(perr, &pe) && len(pe.Highlight) > 0 {
			line = lineOf(p.Range(pe.Highlight))
			msg = pe.Message
		}
		return nil, "", 0, errorf(r.path, line, "front matter: %s; fix the TOML between the +++ lines", msg)
	}
	// Decoding finds what the parser lets through: a table given twice,
	// a key that is also a table.
	var any map[string]any
	if err := gotoml.Unmarshal(src, &any); err != nil {
		return nil, "", 0, errorf(r.path, 1, "front matter: %s; fix the TOML between the +++ lines", strings.TrimPrefix(err.Error(), "toml: "))
	}
	return values, date, dateLine, nil
}

// tomlKey joins the parts of a TOML key with dots.
func tomlKey(it unstable.Iterator) string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return strings.Join(parts, ".")
}

// yamlAt reads the line a message of the YAML decoder starts with, and
// yamlLine finds the lines it names after that.
var (
	yamlAt   = regexp.MustCompile(`^line (\d+): `)
	yamlLine = regexp.MustCompile(`line (\d+)`)
)

// yamlParserProblems start the messages of the YAML decoder whose line
// numbers count from 0 (its parser's); the others (its scanner's, and type
// errors) count from 1.
var yamlParserProblems = []string{
	"did not find expected <", "did not find expected node content", "did not find expected key",
	"did not find expected '-' indicator", "did not find expected ',' or", "found undefined tag handle",
	"found duplicate %", "found incompatible YAML document",
}

// yamlError reports an error of the YAML decoder in the front matter at
// its line of the file, at most last.
func (r *mdReader) yamlError(err error, last int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg, _, _ = strings.Cut(strings.TrimSpace(msg), "\n")
	line := 1
	shift := 1 // the YAML starts on line 2
	if m := yamlAt.FindStringSubmatch(msg); m != nil {
		rest := msg[len(m[0]):]
		for _, p := range yamlParserProblems {
			if strings.HasPrefix(rest, p) {
				shift = 2
			}
		}
		n, _ := strconv.Atoi(m[1])
		line = min(n+shift, last)
		// What is left may name other lines of the YAML, as in "already
		// defined at line 2".
		msg = yamlLine.ReplaceAllStringFunc(rest, func(s string) string {
			n, _ := strconv.Atoi(s[len("line "):])
			return "line " + strconv.Itoa(n+shift)
		})
	}
	return errorf(r.path, line, "front matter: %s; fix the YAML between the --- lines", msg)
}

// dateTimeLayouts are the ways front matter writes a date with a time.
var dateTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04",
}

// parseDateTime reads a front matter's date: a date ParseDate reads, or a
// date and a time, of which it keeps the date as written (not moved to
// another time zone).
func parseDateTime(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if iso, ok := ParseDate(s); ok {
		return iso, true
	}
	for _, layout := range dateTimeLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return s[:10], true
		}
	}
	// Any time after an ISO date: "2019-03-01 10:00 CET".
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}
