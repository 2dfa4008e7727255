package catalog

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// parseYAML reads a locale file in go-i18n's YAML form: a mapping from IDs
// to strings or to mappings of strings. Comments above an entry are kept.
func parseYAML(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return nil, &SyntaxError{path, line, 1, msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return f, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &SyntaxError{path, root.Line, root.Column, "a YAML locale file is a mapping of IDs to entries"}
	}
	f.Comments = yamlComments(doc.HeadComment)
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, &SyntaxError{path, k.Line, k.Column, "an entry's ID must be a plain string"}
		}
		id := k.Value
		if first, dup := seen[id]; dup {
			return nil, &SyntaxError{path, k.Line, k.Column, fmt.Sprintf("entry %q is defined twice (first at line %d); keep one", id, first)}
		}
		seen[id] = k.Line
		m := Message{ID: id, Line: k.Line, TextLine: k.Line, Comments: yamlComments(k.HeadComment)}
		if i == 0 && len(f.Comments) == 0 {
			m.Comments = yamlComments(root.HeadComment + "\n" + k.HeadComment)
		}
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Tag == "!!null" {
				break
			}
			m.Other = v.Value
		case yaml.MappingNode:
			var fields fieldBit
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				if fv.Kind != yaml.ScalarNode {
					return nil, &SyntaxError{path, fv.Line, fv.Column, fmt.Sprintf("the value of %q in %q must be a string", fk.Value, id)}
				}
				if fv.Tag == "!!null" {
					continue
				}
				if msg := m.setField(&fields, fk.Value, fv.Value); msg != "" {
					return nil, &SyntaxError{path, fk.Line, fk.Column, msg}
				}
				if k := strings.ToLower(fk.Value); k == "other" || k == "translation" {
					m.TextLine = fv.Line
				}
				m.Comments = append(m.Comments, yamlComments(fk.HeadComment)...)
			}
		default:
			return nil, &SyntaxError{path, v.Line, v.Column, fmt.Sprintf("the value of %q must be a string or a mapping of strings", id)}
		}
		f.Messages = append(f.Messages, m)
	}
	return f, nil
}

// yamlComments splits a YAML comment block into translator comment lines,
// dropping bitext's own.
func yamlComments(block string) []string {
	var out []string
	for _, line := range strings.Split(block, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") {
			continue
		}
		text := line[1:]
		if !generated(text) {
			out = append(out, text)
		}
	}
	return out
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 1, msg
}
