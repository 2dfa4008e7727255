package exchange

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

const (
	xliff2NS = "urn:oasis:names:tc:xliff:document:2.0"
	// bitextNS holds what bitext keeps in a file for its own use: the
	// unit's kind, its ID when the XLIFF id cannot be it, the base
	// fingerprint. CAT tools keep attributes of other namespaces.
	bitextNS = "urn:bitext:exchange:1"
)

// Note categories bitext writes. Notes of any other category are
// translator comments.
const (
	noteContext    = "bitext:context"
	noteOldSource  = "bitext:old-source"
	noteSuggestion = "bitext:suggestion"
	noteComment    = "comment"
	noteTerm       = "bitext:term"
	notePeople     = "bitext:people"
)

// WriteXLIFF2 writes f as an XLIFF 2.1 document: a <file> per document, a
// <unit> per unit with its notes (context, the old source of a unit that
// needs review, translator comments, suggestions), its inline codes as
// <ph> elements with their Markdown in <originalData>, and one segment
// whose state says where the translation stands (initial, with the
// subState bitext:needs-review when a target waits for review;
// translated).
func WriteXLIFF2(f *File) ([]byte, error) {
	src, trg := langs(f)
	b := make([]byte, 0, 4096)
	b = append(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"...)
	b = append(b, `<xliff xmlns="`+xliff2NS+`" xmlns:bitext="`+bitextNS+`" version="2.1" srcLang="`...)
	b = appendEscaped(b, src)
	b = append(b, '"')
	if trg != "" {
		b = append(b, ` trgLang="`...)
		b = appendEscaped(b, trg)
		b = append(b, '"')
	}
	b = append(b, ">\n"...)
	for i, d := range f.Docs {
		b = append(b, `  <file id="f`+strconv.Itoa(i+1)+`" canResegment="no" original="`...)
		b = appendEscaped(b, d.Original)
		b = append(b, `" bitext:doc="`...)
		b = appendEscaped(b, d.Name)
		b = append(b, "\">\n"...)
		if len(d.Units) == 0 {
			// A file needs a unit; an empty document gets an ignorable one.
			b = append(b, "    <unit id=\"empty\"><ignorable><source/></ignorable></unit>\n"...)
		}
		for j := range d.Units {
			var err error
			if b, err = appendUnit2(b, &d.Units[j], j); err != nil {
				return nil, err
			}
		}
		b = append(b, "  </file>\n"...)
	}
	b = append(b, "</xliff>\n"...)
	return b, nil
}

func langs(f *File) (src, trg string) {
	for _, d := range f.Docs {
		if src == "" {
			src = d.SourceLang
		}
		if trg == "" {
			trg = d.TargetLang
		}
	}
	if src == "" {
		src = "en"
	}
	return src, trg
}

// codes2 numbers the inline codes of a unit's source and target: the same
// Markdown gets the same data id in both, so a CAT tool sees the codes of
// the target as those of the source.
type codes2 struct {
	ids  map[string]string
	data []string
}

func (c *codes2) ref(code string) string {
	if id, ok := c.ids[code]; ok {
		return id
	}
	if c.ids == nil {
		c.ids = map[string]string{}
	}
	id := "d" + strconv.Itoa(len(c.data)+1)
	c.ids[code] = id
	c.data = append(c.data, code)
	return id
}

func appendUnit2(b []byte, u *Unit, index int) ([]byte, error) {
	b = append(b, `    <unit id="`...)
	if isNMToken(u.ID) {
		b = appendEscaped(b, u.ID)
	} else {
		b = append(b, "u"+strconv.Itoa(index+1)...)
	}
	b = append(b, `" bitext:id="`...)
	b = appendEscaped(b, u.ID)
	b = append(b, '"')
	if u.Kind != "" {
		b = append(b, ` bitext:kind="`...)
		b = appendEscaped(b, u.Kind)
		b = append(b, '"')
	}
	if u.Base != "" {
		b = append(b, ` bitext:base="`...)
		b = appendEscaped(b, u.Base)
		b = append(b, '"')
	}
	b = append(b, ">\n"...)
	b = appendPeople2(b, u.People)
	var notes []string
	note := func(category, text string, appliesTo string) {
		n := `<note category="` + category + `"`
		if appliesTo != "" {
			n += ` appliesTo="` + appliesTo + `"`
		}
		n += ">" + string(appendCP(nil, text)) + "</note>"
		notes = append(notes, n)
	}
	if ctx := context(u); ctx != "" {
		note(noteContext, ctx, "source")
	}
	if u.State == NeedsReview && u.OldSource != "" {
		note(noteOldSource, u.OldSource, "source")
	}
	for _, t := range u.Terms {
		note(noteTerm, t, "source")
	}
	for _, l := range u.People.lines() {
		note(notePeople, l, "target")
	}
	for _, c := range u.Comments {
		note(noteComment, c, "")
	}
	for _, s := range u.Suggestions {
		note(noteSuggestion, suggestionText(s), "target")
	}
	if len(notes) > 0 {
		b = append(b, "      <notes>\n"...)
		for _, n := range notes {
			b = append(b, "        "+n+"\n"...)
		}
		b = append(b, "      </notes>\n"...)
	}
	var c codes2
	srcPieces, trgPieces := Pieces(u.Source), Pieces(u.Target)
	var srcXML, trgXML []byte
	srcXML = appendPieces2(srcXML, srcPieces, &c, "s")
	if u.Target != "" {
		trgXML = appendPieces2(trgXML, trgPieces, &c, "t")
	}
	if len(c.data) > 0 {
		b = append(b, "      <originalData>\n"...)
		for i, d := range c.data {
			b = append(b, `        <data id="d`+strconv.Itoa(i+1)+`">`...)
			b = appendCP(b, d)
			b = append(b, "</data>\n"...)
		}
		b = append(b, "      </originalData>\n"...)
	}
	b = append(b, "      <segment"...)
	switch {
	case u.Target == "":
	case u.State == Translated && u.Reviewed:
		b = append(b, ` state="reviewed"`...)
	case u.State == Translated:
		b = append(b, ` state="translated"`...)
	default:
		b = append(b, ` state="initial" subState="bitext:needs-review"`...)
	}
	b = append(b, ">\n        <source>"...)
	b = append(b, srcXML...)
	b = append(b, "</source>\n"...)
	if u.Target != "" {
		b = append(b, "        <target>"...)
		b = append(b, trgXML...)
		b = append(b, "</target>\n"...)
	}
	b = append(b, "      </segment>\n    </unit>\n"...)
	return b, nil
}

// context is what a translator is told of where a unit is.
func context(u *Unit) string {
	switch {
	case u.Kind != "" && u.Position != "":
		return u.Kind + " at " + u.Position
	case u.Kind != "":
		return u.Kind
	}
	return u.Position
}

// suggestionText writes a suggestion as a note: score, origin, target.
func suggestionText(s Suggestion) string {
	return strconv.Itoa(s.Score) + "% (" + s.Origin + "): " + s.Target
}

// appendCP appends text escaped, with the characters XML cannot hold as
// XLIFF 2 <cp> elements.
func appendCP(b []byte, s string) []byte {
	if _, bad := firstInvalid(s); !bad {
		return appendEscaped(b, s)
	}
	for _, r := range s {
		if xmlValid(r) && r != 0xFFFD {
			b = appendEscaped(b, string(r))
			continue
		}
		b = append(b, `<cp hex="`...)
		b = append(b, strings.ToUpper(strconv.FormatInt(int64(r), 16))...)
		b = append(b, `"/>`...)
	}
	return b
}

func appendPieces2(b []byte, pieces []Piece, c *codes2, prefix string) []byte {
	n := 0
	for _, p := range pieces {
		if !p.Code {
			b = appendCP(b, p.Text)
			continue
		}
		n++
		b = append(b, `<ph id="`+prefix+strconv.Itoa(n)+`" dataRef="`+c.ref(p.Text)+`" disp="`...)
		b = appendEscaped(b, printable(p.Text))
		b = append(b, `"/>`...)
	}
	return b
}

// printable returns s with the characters XML cannot hold dropped, for
// attributes that only show text.
func printable(s string) string {
	if _, bad := firstInvalid(s); !bad {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xmlValid(r) && r != 0xFFFD {
			return r
		}
		return -1
	}, s)
}

// ReadXLIFF2 reads an XLIFF 2.x document: the units of every <file>, their
// source and target with inline codes put back as Markdown, state, and
// notes (bitext's own, and every other note as a translator comment).
func ReadXLIFF2(path string, data []byte) (*File, error) {
	r := newXMLReader(path, data)
	f := &File{}
	var srcLang, trgLang string
	seenRoot := false
	depth := 0
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
			depth++
			switch {
			case !seenRoot:
				if t.Name.Local != "xliff" || !strings.HasPrefix(t.Name.Space, "urn:oasis:names:tc:xliff:document:2.") {
					return nil, r.errorf("not an XLIFF 2 document (the root is <%s> in %q)", t.Name.Local, t.Name.Space)
				}
				seenRoot = true
				srcLang, _ = attr(t, "", "srcLang")
				trgLang, _ = attr(t, "", "trgLang")
			case t.Name.Local == "file" && depth == 2:
				d := Doc{SourceLang: srcLang, TargetLang: trgLang, Line: r.line}
				d.Original, _ = attr(t, "", "original")
				d.Name, _ = attr(t, bitextNS, "doc")
				if err := readFile2(r, &d); err != nil {
					return nil, err
				}
				depth--
				f.Docs = append(f.Docs, d)
			default:
				if err := r.skip(); err != nil {
					return nil, err
				}
				depth--
			}
		case xml.EndElement:
			depth--
		}
	}
	if !seenRoot {
		return nil, &Error{Path: path, Line: 1, Msg: "no <xliff> element: not an XLIFF file"}
	}
	return f, nil
}

// readFile2 reads the units of a <file>, whose start was just read.
func readFile2(r *xmlReader, d *Doc) error {
	depth := 1
	for depth > 0 {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return r.errorf("the file ends inside <file>")
			}
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "group":
				depth++ // units may sit in groups
				if depth > maxDepth {
					return r.errorf("groups nested more than %d deep", maxDepth)
				}
			case "unit":
				u, err := readUnit2(r, t)
				if err != nil {
					return err
				}
				if u != nil {
					d.Units = append(d.Units, *u)
				}
			default:
				if err := r.skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// content2 is a source or target as read: text and references to codes,
// resolved once the unit's originalData is known (it may come before or,
// in a hand-made file, after).
type content2 struct {
	parts []part2
	line  int
}

type part2 struct {
	text string
	ref  string // dataRef of a code; "" for text
}

func readUnit2(r *xmlReader, start xml.StartElement) (*Unit, error) {
	u := &Unit{Line: r.line}
	if id, ok := attr(start, bitextNS, "id"); ok && id != "" {
		u.ID = id
	} else {
		u.ID, _ = attr(start, "", "id")
	}
	if u.ID == "" {
		return nil, r.errorf("a <unit> without an id")
	}
	u.Kind, _ = attr(start, bitextNS, "kind")
	u.Base, _ = attr(start, bitextNS, "base")
	data := map[string]string{}
	var src, trg content2
	hasTarget := false
	ignorable := true
	state := ""
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, r.errorf("the file ends inside unit %q", u.ID)
			}
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "notes":
				if err := readNotes2(r, u); err != nil {
					return nil, err
				}
			case "originalData":
				if err := readData2(r, data); err != nil {
					return nil, err
				}
			case "segment", "ignorable":
				if t.Name.Local == "segment" {
					ignorable = false
					if s, ok := attr(t, "", "state"); ok {
						// With several segments, the least advanced
						// state is the unit's.
						if state == "" || stateRank2(s) < stateRank2(state) {
							state = s
						}
					} else if state == "" || stateRank2("initial") < stateRank2(state) {
						state = "initial"
					}
				}
				had, err := readSegment2(r, &src, &trg)
				if err != nil {
					return nil, err
				}
				hasTarget = hasTarget || had
			default:
				if err := r.skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			if ignorable && u.ID == "empty" && len(src.parts) == 0 {
				return nil, nil
			}
			var err error
			if u.Source, err = src.resolve(r, data); err != nil {
				return nil, err
			}
			if u.Target, err = trg.resolve(r, data); err != nil {
				return nil, err
			}
			switch {
			case !hasTarget || strings.TrimSpace(u.Target) == "":
				u.Target, u.State = "", Untranslated
			case state == "translated" || state == "reviewed" || state == "final":
				u.State = Translated
			default:
				u.State = NeedsReview
			}
			return u, nil
		}
	}
}

func stateRank2(s string) int {
	switch s {
	case "final":
		return 3
	case "reviewed":
		return 2
	case "translated":
		return 1
	}
	return 0
}

func readNotes2(r *xmlReader, u *Unit) error {
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return r.errorf("the file ends inside <notes>")
			}
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local != "note" {
				if err := r.skip(); err != nil {
					return err
				}
				continue
			}
			cat, _ := attr(t, "", "category")
			text, err := readMixed2(r, "a note")
			if err != nil {
				return err
			}
			switch cat {
			case noteContext:
				if u.Kind != "" {
					text = strings.TrimPrefix(text, u.Kind)
				}
				u.Position = strings.TrimPrefix(strings.TrimPrefix(text, " "), "at ")
			case noteOldSource:
				u.OldSource = text
			case noteSuggestion, noteTerm, notePeople:
				// bitext's own; written anew on every export.
			default:
				u.Comments = append(u.Comments, strings.Split(text, "\n")...)
			}
		case xml.EndElement:
			return nil
		}
	}
}

// readMixed2 reads text that may hold <cp> elements.
func readMixed2(r *xmlReader, what string) (string, error) {
	var b strings.Builder
	depth := 1
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
			if t.Name.Local == "cp" {
				s, err := codePoint(r, t)
				if err != nil {
					return "", err
				}
				b.WriteString(s)
			}
			depth++
			if depth > maxDepth {
				return "", r.errorf("elements nested more than %d deep", maxDepth)
			}
		case xml.EndElement:
			depth--
			if depth == 0 {
				return b.String(), nil
			}
		}
	}
}

func codePoint(r *xmlReader, t xml.StartElement) (string, error) {
	hex, _ := attr(t, "", "hex")
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || n > 0x10FFFF {
		return "", r.errorf("<cp hex=%q> is not a code point", hex)
	}
	return string(rune(n)), nil
}

func readData2(r *xmlReader, data map[string]string) error {
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return r.errorf("the file ends inside <originalData>")
			}
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local != "data" {
				if err := r.skip(); err != nil {
					return err
				}
				continue
			}
			id, _ := attr(t, "", "id")
			s, err := readMixed2(r, "<data>")
			if err != nil {
				return err
			}
			data[id] = s
		case xml.EndElement:
			return nil
		}
	}
}

// readSegment2 reads a <segment> or <ignorable>, adding its source and
// target to those of the unit; it reports whether it had a target.
func readSegment2(r *xmlReader, src, trg *content2) (bool, error) {
	had := false
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return false, r.errorf("the file ends inside a segment")
			}
			return false, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "source":
				if err := readContent2(r, src); err != nil {
					return false, err
				}
			case "target":
				had = true
				if err := readContent2(r, trg); err != nil {
					return false, err
				}
			default:
				if err := r.skip(); err != nil {
					return false, err
				}
			}
		case xml.EndElement:
			return had, nil
		}
	}
}

// readContent2 reads the inline content of a <source> or <target>: text,
// <cp>, and codes (<ph>, <pc>, <sc>, <ec>) by their data references;
// annotations (<mrk>, <sm>, <em>) keep their text only.
func readContent2(r *xmlReader, c *content2) error {
	if c.line == 0 {
		c.line = r.line
	}
	depth := 1
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return r.errorf("the file ends inside a source or target")
			}
			return err
		}
		switch t := t.(type) {
		case xml.CharData:
			c.parts = append(c.parts, part2{text: string(t)})
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return r.errorf("inline elements nested more than %d deep", maxDepth)
			}
			switch t.Name.Local {
			case "cp":
				s, err := codePoint(r, t)
				if err != nil {
					return err
				}
				c.parts = append(c.parts, part2{text: s})
			case "ph", "sc", "ec":
				ref, ok := attr(t, "", "dataRef")
				if !ok {
					id, _ := attr(t, "", "id")
					return r.errorf("inline code <%s id=%q> has no dataRef: bitext cannot tell what it stands for; copy the codes from the source", t.Name.Local, id)
				}
				c.parts = append(c.parts, part2{ref: ref})
			case "pc":
				ref, ok := attr(t, "", "dataRefStart")
				if !ok {
					id, _ := attr(t, "", "id")
					return r.errorf("inline code <pc id=%q> has no dataRefStart: bitext cannot tell what it stands for; copy the codes from the source", id)
				}
				c.parts = append(c.parts, part2{ref: ref})
				end, _ := attr(t, "", "dataRefEnd")
				c.parts = append(c.parts, part2{ref: "\x00end:" + end})
			}
		case xml.EndElement:
			depth--
			if depth == 0 {
				return nil
			}
			if t.Name.Local == "pc" {
				// Move the end reference, put in at the start, here.
				for i := len(c.parts) - 1; i >= 0; i-- {
					if strings.HasPrefix(c.parts[i].ref, "\x00end:") {
						end := strings.TrimPrefix(c.parts[i].ref, "\x00end:")
						c.parts = append(c.parts[:i], c.parts[i+1:]...)
						if end != "" {
							c.parts = append(c.parts, part2{ref: end})
						}
						break
					}
				}
			}
		}
	}
}

func (c *content2) resolve(r *xmlReader, data map[string]string) (string, error) {
	var b strings.Builder
	for _, p := range c.parts {
		if p.ref == "" {
			b.WriteString(p.text)
			continue
		}
		d, ok := data[p.ref]
		if !ok {
			return "", &Error{Path: r.path, Line: c.line, Msg: "inline code refers to data " + strconv.Quote(p.ref) + ", which the unit's <originalData> does not hold"}
		}
		b.WriteString(d)
	}
	return b.String(), nil
}

// mdaNS is XLIFF 2's Metadata module, where tools keep a unit's
// properties.
const mdaNS = "urn:oasis:names:tc:xliff:metadata:2.0"

// appendPeople2 writes who translated and reviewed a unit as properties
// of the Metadata module (a metaGroup bitext:people), for the tools that
// show them; bitext does not read them back.
func appendPeople2(b []byte, p People) []byte {
	props := [][2]string{{"translated-by", p.TranslatedBy}, {"translated", p.Translated}, {"reviewed-by", p.ReviewedBy}, {"reviewed", p.Reviewed}}
	has := false
	for _, kv := range props {
		has = has || kv[1] != ""
	}
	if !has {
		return b
	}
	b = append(b, `      <mda:metadata xmlns:mda="`+mdaNS+`"><mda:metaGroup category="bitext:people">`...)
	for _, kv := range props {
		if kv[1] == "" {
			continue
		}
		b = append(b, `<mda:meta type="`+kv[0]+`">`...)
		b = appendCP(b, kv[1])
		b = append(b, `</mda:meta>`...)
	}
	return append(b, "</mda:metaGroup></mda:metadata>\n"...)
}
