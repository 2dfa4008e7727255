package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// parseYAML reads a locale file in go-i18n's YAML form: a mapping from IDs
// to strings or to mappings of strings. It reads with yaml.v3, as go-i18n
// does, and keeps the comments yaml.v3 finds around each entry.
//
// go-i18n decodes into Go values, so bitext refuses what would not decode
// to the same strings: scalars YAML reads as numbers, booleans, dates or
// binary, null fields, aliases, and documents after the first, which
// go-i18n never reads.
func parseYAML(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			// No document: the file is empty or holds only comments,
			// which yaml.v3 does not return.
			f.Comments, f.Notes = yamlBareComments(data)
			return f, nil
		}
		return nil, yamlError(path, data, err)
	}
	var second yaml.Node
	switch err := dec.Decode(&second); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, yamlError(path, data, err)
	default:
		return nil, &SyntaxError{path, second.Line, second.Column, "a second YAML document starts here: go-i18n reads only the first document of a file and ignores the rest; merge the entries into the first document and remove this ---"}
	}
	if err := findConflict(path, data, false); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return f, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &SyntaxError{path, root.Line, root.Column, "a YAML locale file is a mapping of IDs to entries"}
	}
	f.Comments, f.Notes = yamlComments(nil, nil, doc.HeadComment)
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			return nil, &SyntaxError{path, k.Line, k.Column, fmt.Sprintf("an entry's ID must be a string, and YAML reads %s as %s; quote it", yamlShow(k), yamlKind(k))}
		}
		id := k.Value
		if first, dup := seen[id]; dup {
			return nil, &SyntaxError{path, k.Line, k.Column, fmt.Sprintf("entry %q is defined twice (first at line %d); keep one", id, first)}
		}
		seen[id] = k.Line
		if msg := topLevelProblem(id, v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str"); msg != "" {
			return nil, &SyntaxError{path, k.Line, k.Column, msg}
		}
		m := Message{ID: id, Line: k.Line, TextLine: k.Line}
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null":
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str":
			m.Other = v.Value
		case v.Kind == yaml.MappingNode:
			var fields fieldBit
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				if fk.Kind != yaml.ScalarNode || fk.ShortTag() != "!!str" {
					return nil, &SyntaxError{path, fk.Line, fk.Column, fmt.Sprintf("unknown key %s in %q; an entry holds description, hash and other", yamlShow(fk), id)}
				}
				switch {
				case fv.Kind == yaml.MappingNode:
					return nil, &SyntaxError{path, fv.Line, fv.Column, fmt.Sprintf("%q in %q holds a mapping: entries inside entries are not supported; write each entry at the top level, as %s:", fk.Value, id, appendYAMLKey(nil, id+"."+fk.Value))}
				case fv.Kind == yaml.ScalarNode && fv.ShortTag() == "!!null":
					// go-i18n reads a null field as an entry of its own
					// ("a.other"), or refuses the file.
					return nil, &SyntaxError{path, fv.Line, fv.Column, fmt.Sprintf("the value of %q in %q is empty (null); write %s: \"\" for an entry still to translate", fk.Value, id, fk.Value)}
				case fv.Kind != yaml.ScalarNode || fv.ShortTag() != "!!str":
					return nil, &SyntaxError{path, fv.Line, fv.Column, fmt.Sprintf("the value of %q in %q must be a string, and YAML reads %s as %s; quote it", fk.Value, id, yamlShow(fv), yamlKind(fv))}
				}
				had := fields
				if msg := m.setField(&fields, fk.Value, fv.Value); msg != "" {
					return nil, &SyntaxError{path, fk.Line, fk.Column, msg}
				}
				if fields&^had == fieldOther {
					m.TextLine = fv.Line
				}
			}
		default:
			return nil, &SyntaxError{path, v.Line, v.Column, fmt.Sprintf("the value of %q must be a string or a mapping of strings, and YAML reads %s as %s; quote it", id, yamlShow(v), yamlKind(v))}
		}
		if i == 0 {
			// Comments right above the first entry that yaml.v3 gives to
			// the mapping rather than to the key.
			m.Comments, m.Notes = yamlComments(m.Comments, m.Notes, root.HeadComment)
		}
		m.Comments, m.Notes = yamlPairComments(m.Comments, m.Notes, k, v)
		f.Messages = append(f.Messages, m)
	}
	// Comments after the last entry, as the TOML reader keeps them.
	tail := root.LineComment + "\n" + root.FootComment + "\n" + doc.FootComment
	if n := len(f.Messages); n > 0 {
		last := &f.Messages[n-1]
		last.Comments, last.Notes = yamlComments(last.Comments, last.Notes, tail)
	} else {
		f.Comments, f.Notes = yamlComments(f.Comments, f.Notes, tail)
	}
	return f, nil
}

// yamlPairComments appends the comments yaml.v3 attached to the nodes of
// one entry, in the order they stand in the file: above the key, after it,
// above and after its value, inside a mapping value, and below the entry.
func yamlPairComments(comments, notes []string, k, v *yaml.Node) ([]string, []string) {
	for _, block := range []string{k.HeadComment, k.LineComment, v.HeadComment, v.LineComment} {
		comments, notes = yamlComments(comments, notes, block)
	}
	if v.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(v.Content); j += 2 {
			comments, notes = yamlPairComments(comments, notes, v.Content[j], v.Content[j+1])
		}
	}
	for _, block := range []string{v.FootComment, k.FootComment} {
		comments, notes = yamlComments(comments, notes, block)
	}
	return comments, notes
}

// yamlComments splits a YAML comment block into translator comment lines
// and bitext's own notes, appended to comments and notes.
func yamlComments(comments, notes []string, block string) ([]string, []string) {
	if block == "" {
		return comments, notes
	}
	for line := range strings.SplitSeq(block, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") {
			continue
		}
		if text := line[1:]; generated(text) {
			notes = append(notes, text)
		} else {
			comments = append(comments, text)
		}
	}
	return comments, notes
}

// yamlBareComments reads the comment lines of a YAML file that holds no
// document, only comments.
func yamlBareComments(data []byte) ([]string, []string) {
	return yamlComments(nil, nil, string(data))
}

// yamlShow quotes a node's text for a message.
func yamlShow(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return "it"
}

// yamlKind names what YAML reads a node as.
func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias of another node (*" + n.Value + "), which bitext does not follow"
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!timestamp":
		return "a date"
	case "!!null":
		return "empty (null)"
	case "!!binary":
		return "base64 binary data"
	case "!!merge":
		return "a merge key (<<), which bitext does not follow"
	}
	return "tag " + n.ShortTag()
}

var yamlLine = regexp.MustCompile(`^line (\d+): (.*)`)

// yamlProblem splits a yaml.v3 error into the line it names (0 for none)
// and the problem.
func yamlProblem(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 0, msg
}

// yamlError reports a yaml.v3 error at the line and column where the
// parser met the problem. yaml.v3 gives at best a line, and for many
// problems the line where the mapping around the problem starts (counted
// from 0), or no line at all. The parser reads a file from the start and
// stops at the problem, so bitext parses growing prefixes of the file and
// reports where the first one that fails the same way ends. The line
// yaml.v3 gives is never past the problem, so the search starts there, and
// the prefixes start at the top-level entry holding that line: a file of
// 20,000 entries is not parsed again from the start dozens of times.
func yamlError(path string, data []byte, err error) error {
	hint, msg := yamlProblem(err)
	lines := newLineIndex(data)
	first := 0 // the line the search starts from, counted from 0
	if hint > 0 {
		first = topLevelLine(data, lines, min(hint, len(lines))-1)
	}
	line, col, ok := yamlSearch(data, lines, first, max(hint-1, first), msg)
	if !ok && first > 0 {
		line, col, ok = yamlSearch(data, lines, 0, max(hint-1, 0), msg)
	}
	if !ok {
		return &SyntaxError{path, max(hint, 1), 1, msg}
	}
	start := lines[line-1]
	if at := start + col - 1; at < len(data) && data[at] == '\t' && strings.Contains(msg, "cannot start any token") {
		msg = "a tab: YAML indents with spaces only"
	}
	return &SyntaxError{path, line, max(utf8.RuneCount(data[start:start+col]), 1), msg}
}

// topLevelLine returns the last line at or before line k (counted from 0)
// that starts a top-level key, where the parser's state is that of a new
// file, or 0.
func topLevelLine(data []byte, lines lineIndex, k int) int {
	for ; k > 0; k-- {
		if off := lines[k]; off < len(data) && strings.IndexByte(" \t\r\n#-.?:,[]{}&*!|>%@`'\"", data[off]) < 0 {
			return k
		}
	}
	return 0
}

// yamlSearch finds where parsing data from line first (counted from 0)
// starts to fail with msg: the line, counted from 1, and the column in
// bytes, counted from 1, of the byte that makes a prefix fail. The first
// lo lines are taken to parse without msg.
func yamlSearch(data []byte, lines lineIndex, first, lo int, msg string) (int, int, bool) {
	base := lines[first]
	fails := func(end int) bool {
		dec := yaml.NewDecoder(bytes.NewReader(data[base:end]))
		for {
			var n yaml.Node
			err := dec.Decode(&n)
			if errors.Is(err, io.EOF) {
				return false
			}
			if err != nil {
				_, m := yamlProblem(err)
				return m == msg
			}
		}
	}
	n := len(lines)
	end := func(k int) int { // the offset where line k ends, after its line feed
		if k >= n {
			return len(data)
		}
		return lines[k]
	}
	// The first hi lines fail as the whole file does; the first lo do not.
	hi := 0
	for step := 1; hi == 0; step *= 2 {
		k := min(lo+step, n)
		switch {
		case fails(end(k)):
			hi = k
		case k == n:
			return 0, 0, false
		default:
			lo = k
		}
	}
	for lo+1 < hi {
		if mid := (lo + hi) / 2; fails(end(mid)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	// The same within the line, byte by byte.
	start := lines[hi-1]
	a, b := 0, end(hi)-start
	for a+1 < b {
		if mid := (a + b) / 2; fails(start + mid) {
			b = mid
		} else {
			a = mid
		}
	}
	return hi, b, true
}
