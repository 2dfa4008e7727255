package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const xliff12NS = "urn:oasis:names:tc:xliff:document:1.2"

// Note origins (the from attribute) bitext writes in XLIFF 1.2. Notes from
// anyone else are translator comments.
const (
	fromContext   = "bitext:context"
	fromOldSource = "bitext:old-source"
	fromComment   = "translator"
	fromTerm      = "bitext:term"
	fromPeople    = "bitext:people"
)

// WriteXLIFF12 writes f as an XLIFF 1.2 document, the version Trados,
// memoQ and OmegaT read best: a <file> per document, a <trans-unit> per
// unit (id and resname its ID) with its inline codes as <ph> elements
// holding their Markdown, the target's state (needs-review-translation
// for a target that waits for review, translated), its position as a
// context group, the old source and the translator comments as notes,
// and suggestions as <alt-trans> with their match quality.
func WriteXLIFF12(f *File) ([]byte, error) {
	src, trg := langs(f)
	b := make([]byte, 0, 4096)
	b = append(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"...)
	b = append(b, `<xliff xmlns="`+xliff12NS+`" version="1.2">`+"\n"...)
	for _, d := range f.Docs {
		b = append(b, `  <file original="`...)
		b = appendEscaped(b, d.Original)
		b = append(b, `" source-language="`...)
		b = appendEscaped(b, src)
		b = append(b, '"')
		if trg != "" {
			b = append(b, ` target-language="`...)
			b = appendEscaped(b, trg)
			b = append(b, '"')
		}
		b = append(b, ` datatype="x-bitext-markdown" product-name="`...)
		b = appendEscaped(b, d.Name)
		b = append(b, "\">\n    <body>\n"...)
		for i := range d.Units {
			var err error
			if b, err = appendUnit12(b, &d.Units[i], f.CopySource); err != nil {
				return nil, err
			}
		}
		b = append(b, "    </body>\n  </file>\n"...)
	}
	b = append(b, "</xliff>\n"...)
	return b, nil
}

func appendUnit12(b []byte, u *Unit, copySource bool) ([]byte, error) {
	for _, s := range []string{u.ID, u.Source, u.Target, u.OldSource, strings.Join(u.Comments, "\n")} {
		if r, bad := firstInvalid(s); bad {
			return nil, fmt.Errorf("unit %s holds the character %U, which XLIFF 1.2 cannot carry; export it as XLIFF 2 or PO, or remove the character", u.ID, r)
		}
	}
	b = append(b, `      <trans-unit id="`...)
	b = appendEscaped(b, u.ID)
	b = append(b, `" resname="`...)
	b = appendEscaped(b, u.ID)
	b = append(b, '"')
	if u.Kind != "" {
		b = append(b, ` restype="x-`...)
		b = appendEscaped(b, u.Kind)
		b = append(b, '"')
	}
	if u.Base != "" {
		b = append(b, ` extradata="bitext-base:`...)
		b = appendEscaped(b, u.Base)
		b = append(b, '"')
	}
	if u.State == Translated && u.Target != "" {
		b = append(b, ` approved="yes"`...)
	}
	b = append(b, ` xml:space="preserve">`+"\n        <source>"...)
	b = appendPieces12(b, Pieces(u.Source))
	b = append(b, "</source>\n"...)
	if u.Target != "" {
		b = append(b, `        <target state="`...)
		if u.State == Translated && u.Reviewed {
			b = append(b, "signed-off"...)
		} else if u.State == Translated {
			b = append(b, "translated"...)
		} else {
			b = append(b, "needs-review-translation"...)
		}
		b = append(b, `">`...)
		b = appendPieces12(b, Pieces(u.Target))
		b = append(b, "</target>\n"...)
	} else if copySource {
		b = append(b, "        <target>"...)
		b = appendPieces12(b, Pieces(u.Source))
		b = append(b, "</target>\n"...)
	}
	if u.Position != "" || u.Kind != "" {
		b = append(b, `        <context-group purpose="location">`...)
		if file, line, ok := splitPosition(u.Position); ok {
			b = append(b, `<context context-type="sourcefile">`...)
			b = appendEscaped(b, file)
			b = append(b, `</context><context context-type="linenumber">`...)
			b = append(b, line...)
			b = append(b, `</context>`...)
		}
		if u.Kind != "" {
			b = append(b, `<context context-type="x-bitext-kind">`...)
			b = appendEscaped(b, u.Kind)
			b = append(b, `</context>`...)
		}
		b = append(b, "</context-group>\n"...)
	}
	if ctx := context(u); ctx != "" {
		b = append(b, `        <note from="`+fromContext+`" annotates="source">`...)
		b = appendEscaped(b, ctx)
		b = append(b, "</note>\n"...)
	}
	if u.State == NeedsReview && u.OldSource != "" {
		b = append(b, `        <note from="`+fromOldSource+`" annotates="source">`...)
		b = appendEscaped(b, u.OldSource)
		b = append(b, "</note>\n"...)
	}
	for _, t := range u.Terms {
		b = append(b, `        <note from="`+fromTerm+`" annotates="source">`...)
		b = appendEscaped(b, t)
		b = append(b, "</note>\n"...)
	}
	for _, l := range u.People.lines() {
		b = append(b, `        <note from="`+fromPeople+`" annotates="target">`...)
		b = appendEscaped(b, l)
		b = append(b, "</note>\n"...)
	}
	for _, c := range u.Comments {
		b = append(b, `        <note from="`+fromComment+`">`...)
		b = appendEscaped(b, c)
		b = append(b, "</note>\n"...)
	}
	for _, s := range u.Suggestions {
		if _, bad := firstInvalid(s.Source + s.Target + s.Origin); bad {
			continue
		}
		b = append(b, `        <alt-trans match-quality="`+strconv.Itoa(s.Score)+`" origin="`...)
		b = appendEscaped(b, s.Origin)
		b = append(b, `" alttranstype="proposal"><source>`...)
		b = appendPieces12(b, Pieces(s.Source))
		b = append(b, `</source><target>`...)
		b = appendPieces12(b, Pieces(s.Target))
		b = append(b, "</target></alt-trans>\n"...)
	}
	b = append(b, "      </trans-unit>\n"...)
	return b, nil
}

// splitPosition splits "source/a.txt:12" into file and line.
func splitPosition(pos string) (file, line string, ok bool) {
	i := strings.LastIndexByte(pos, ':')
	if i <= 0 {
		return "", "", false
	}
	if _, err := strconv.Atoi(pos[i+1:]); err != nil {
		return "", "", false
	}
	return pos[:i], pos[i+1:], true
}

func appendPieces12(b []byte, pieces []Piece) []byte {
	n := 0
	for _, p := range pieces {
		if !p.Code {
			b = appendEscaped(b, p.Text)
			continue
		}
		n++
		b = append(b, `<ph id="`+strconv.Itoa(n)+`">`...)
		b = appendEscaped(b, p.Text)
		b = append(b, `</ph>`...)
	}
	return b
}

// ReadXLIFF12 reads an XLIFF 1.2 (or 1.1) document: every trans-unit of
// every file, with inline codes put back from their native data (<ph>,
// <bpt>, <ept>, <it>), the target's state, and notes (bitext's own, and
// every other as a translator comment).
func ReadXLIFF12(path string, data []byte) (*File, error) {
	r := newXMLReader(path, data)
	f := &File{}
	seenRoot := false
	var cur *Doc
	for {
		t, err := r.token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case !seenRoot:
				if t.Name.Local != "xliff" {
					return nil, r.errorf("not an XLIFF document (the root is <%s>)", t.Name.Local)
				}
				seenRoot = true
			case t.Name.Local == "file":
				f.Docs = append(f.Docs, Doc{Line: r.line})
				cur = &f.Docs[len(f.Docs)-1]
				cur.Original, _ = attr(t, "", "original")
				cur.Name, _ = attr(t, "", "product-name")
				cur.SourceLang, _ = attr(t, "", "source-language")
				cur.TargetLang, _ = attr(t, "", "target-language")
			case t.Name.Local == "trans-unit":
				if cur == nil {
					return nil, r.errorf("<trans-unit> outside a <file>")
				}
				u, err := readUnit12(r, t)
				if err != nil {
					return nil, err
				}
				cur.Units = append(cur.Units, *u)
			case t.Name.Local == "header" || t.Name.Local == "bin-unit":
				if err := r.skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "file" {
				cur = nil
			}
		}
	}
	if !seenRoot {
		return nil, &Error{Path: path, Line: 1, Msg: "no <xliff> element: not an XLIFF file"}
	}
	return f, nil
}

func readUnit12(r *xmlReader, start xml.StartElement) (*Unit, error) {
	u := &Unit{Line: r.line}
	u.ID, _ = attr(start, "", "resname")
	if u.ID == "" {
		u.ID, _ = attr(start, "", "id")
	}
	if u.ID == "" {
		return nil, r.errorf("a <trans-unit> without an id")
	}
	if rt, _ := attr(start, "", "restype"); strings.HasPrefix(rt, "x-") {
		u.Kind = strings.TrimPrefix(rt, "x-")
	}
	if x, _ := attr(start, "", "extradata"); strings.HasPrefix(x, "bitext-base:") {
		u.Base = strings.TrimPrefix(x, "bitext-base:")
	}
	approved, _ := attr(start, "", "approved")
	var state string
	hasTarget := false
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, r.errorf("the file ends inside trans-unit %q", u.ID)
			}
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "source":
				s, err := readContent12(r)
				if err != nil {
					return nil, err
				}
				u.Source = s
			case "target":
				hasTarget = true
				state, _ = attr(t, "", "state")
				s, err := readContent12(r)
				if err != nil {
					return nil, err
				}
				u.Target = s
			case "note":
				from, _ := attr(t, "", "from")
				s, err := r.text("a <note>")
				if err != nil {
					return nil, err
				}
				switch from {
				case fromContext, fromTerm, fromPeople:
				case fromOldSource:
					u.OldSource = s
				default:
					u.Comments = append(u.Comments, strings.Split(s, "\n")...)
				}
			case "context-group":
				if err := readContextGroup12(r, u); err != nil {
					return nil, err
				}
			default:
				if err := r.skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			switch {
			case !hasTarget || strings.TrimSpace(u.Target) == "":
				u.Target, u.State = "", Untranslated
			case state == "" && u.Base == "" && u.Target == u.Source:
				// A copy of the source in a unit exported untranslated
				// (CopySource), that no one translated.
				u.Target, u.State = "", Untranslated
			case strings.HasPrefix(state, "needs-") || state == "new":
				u.State = NeedsReview
			case state == "translated" || state == "final" || state == "signed-off":
				u.State = Translated
			case state == "" && approved == "no":
				u.State = NeedsReview
			default:
				u.State = Translated
			}
			return u, nil
		}
	}
}

func readContextGroup12(r *xmlReader, u *Unit) error {
	var file, line string
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return r.errorf("the file ends inside <context-group>")
			}
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			typ, _ := attr(t, "", "context-type")
			s, err := r.text("a <context>")
			if err != nil {
				return err
			}
			switch typ {
			case "sourcefile":
				file = s
			case "linenumber":
				line = s
			case "x-bitext-kind":
				if u.Kind == "" {
					u.Kind = s
				}
			}
		case xml.EndElement:
			if file != "" && line != "" {
				u.Position = file + ":" + line
			}
			return nil
		}
	}
}

// readContent12 reads a <source> or <target>: text, and the native data
// of inline codes. Codes without native data (<g>, <x>, <bx>, <ex>) cannot
// be put back as Markdown; <g> keeps its content.
func readContent12(r *xmlReader) (string, error) {
	var b strings.Builder
	depth := 1
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", r.errorf("the file ends inside a source or target")
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return "", r.errorf("inline elements nested more than %d deep", maxDepth)
			}
			switch t.Name.Local {
			case "x", "bx", "ex":
				id, _ := attr(t, "", "id")
				return "", r.errorf("inline code <%s id=%q> carries no data, so bitext cannot tell what it stands for; use the codes of the source (<ph>)", t.Name.Local, id)
			}
		case xml.EndElement:
			depth--
			if depth == 0 {
				return b.String(), nil
			}
		}
	}
}
