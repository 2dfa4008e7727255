package terms

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvColumns are the columns of a glossary in CSV; term and approved are
// required, and a locale column, when there is one, names each row's
// target locale.
var csvColumns = []string{"term", "approved", "forbidden", "case", "note", "locale"}

// ReadCSV reads a glossary in CSV: a header row naming the columns
// (term, approved, forbidden, case, note, locale, in any order), then
// one entry a row. Several renderings are separated by "|". The target
// locale is a row's locale, or else the file's base name.
func ReadCSV(name string, data []byte) (*Glossary, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		known := false
		for _, c := range csvColumns {
			known = known || c == h
		}
		if !known {
			return nil, fmt.Errorf("%s:1: unknown column %q; the columns are %s", name, h, strings.Join(csvColumns, ", "))
		}
		col[h] = i
	}
	if _, ok := col["term"]; !ok {
		return nil, fmt.Errorf("%s:1: no term column", name)
	}
	g := &Glossary{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		e := Entry{Locale: get("locale"), Term: get("term"), Approved: split(get("approved")), Forbidden: split(get("forbidden")),
			Case: Case(get("case")), Note: get("note"), File: name, Line: line}
		if e.Locale == "" {
			e.Locale = baseLocale(name)
		}
		if err := e.validate(); err != nil {
			return nil, err
		}
		g.Entries = append(g.Entries, e)
	}
	return g, nil
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
