package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// TU is one translation unit of a translation memory: a source text and
// its translation, with where it comes from.
type TU struct {
	// ID is the unit's ID in its document (TMX tuid), if known.
	ID string
	// Doc is the document the translation belongs to, if known.
	Doc string
	// Kind is the unit's kind, if known.
	Kind string
	// Origin names the memory a unit was imported from ("vendor.tmx").
	Origin string
	// Conflict is, for a translation an import did not take, the
	// Fingerprint of the project's translation it met.
	Conflict string
	// Source and Target are the texts. For a memory bitext wrote they are
	// Markdown; inline codes of other tools' memories are dropped.
	Source, Target string
	// Created and Changed are the dates TMX records, in UTC; zero when
	// unknown.
	Created, Changed time.Time
	// People is who translated and reviewed the unit, when the project
	// recorded it: TMX's creationid and changeid, and x-translated-by,
	// x-reviewed-by and x-reviewed properties. Written, not read.
	People People
	// Line is the line of the file the unit was read from.
	Line int
}

// Memory is a translation memory for one pair of languages.
type Memory struct {
	SourceLang, TargetLang string
	// Tool is the tool that wrote the memory, from TMX's creationtool.
	Tool string
	TUs  []TU
}

const tmxDate = "20060102T150405Z"

// WriteTMX writes m as a TMX 1.4b document: a <tu> per unit with its
// dates, its document, ID and kind as properties, and a <tuv> per
// language. The text is Markdown, written as it is (o-tmf "bitext").
func WriteTMX(m *Memory) ([]byte, error) {
	b := make([]byte, 0, 1024+len(m.TUs)*256)
	b = append(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"...)
	b = append(b, `<tmx version="1.4">`+"\n"...)
	b = append(b, `  <header creationtool="bitext" creationtoolversion="1" segtype="paragraph" o-tmf="bitext" adminlang="en" srclang="`...)
	b = appendEscaped(b, m.SourceLang)
	b = append(b, `" datatype="plaintext"/>`+"\n  <body>\n"...)
	for i := range m.TUs {
		tu := &m.TUs[i]
		for _, s := range []string{tu.Source, tu.Target, tu.ID, tu.Doc, tu.Kind, tu.Origin, tu.Conflict, tu.People.TranslatedBy, tu.People.ReviewedBy} {
			if r, bad := firstInvalid(s); bad {
				return nil, fmt.Errorf("unit %s of %s holds the character %U, which TMX cannot carry", tu.ID, tu.Doc, r)
			}
		}
		b = append(b, "    <tu"...)
		if tu.ID != "" {
			b = append(b, ` tuid="`...)
			b = appendEscaped(b, tu.ID)
			b = append(b, '"')
		}
		if !tu.Created.IsZero() {
			b = append(b, ` creationdate="`+tu.Created.UTC().Format(tmxDate)+`"`...)
		}
		if !tu.Changed.IsZero() {
			b = append(b, ` changedate="`+tu.Changed.UTC().Format(tmxDate)+`"`...)
		}
		for _, a := range [][2]string{{"creationid", tu.People.TranslatedBy}, {"changeid", tu.People.ReviewedBy}} {
			if a[1] != "" {
				b = append(b, ` `+a[0]+`="`...)
				b = appendEscaped(b, a[1])
				b = append(b, '"')
			}
		}
		b = append(b, ">\n"...)
		for _, p := range [][2]string{{"x-document", tu.Doc}, {"x-kind", tu.Kind}, {"x-origin", tu.Origin}, {"x-conflict", tu.Conflict},
			{"x-translated-by", tu.People.TranslatedBy}, {"x-translated", tu.People.Translated}, {"x-reviewed-by", tu.People.ReviewedBy}, {"x-reviewed", tu.People.Reviewed}} {
			if p[1] == "" {
				continue
			}
			b = append(b, `      <prop type="`+p[0]+`">`...)
			b = appendEscaped(b, p[1])
			b = append(b, "</prop>\n"...)
		}
		for _, v := range [][2]string{{m.SourceLang, tu.Source}, {m.TargetLang, tu.Target}} {
			b = append(b, `      <tuv xml:lang="`...)
			b = appendEscaped(b, v[0])
			b = append(b, `"><seg>`...)
			b = appendEscaped(b, v[1])
			b = append(b, "</seg></tuv>\n"...)
		}
		b = append(b, "    </tu>\n"...)
	}
	b = append(b, "  </body>\n</tmx>\n"...)
	return b, nil
}

// ReadTMX reads a TMX 1.1 to 1.4 memory into units for the languages
// source and target (primary language subtags match: "es" reads "es-ES").
// A tu without both languages is left out. When source is "", the
// header's srclang is taken, and target is then the first other language.
func ReadTMX(path string, data []byte, source, target string) (*Memory, error) {
	if m, ok := readOwnTMX(data, source, target); ok {
		return m, nil
	}
	return readTMX(path, data, source, target)
}

// readTMX reads any TMX with an XML decoder.
func readTMX(path string, data []byte, source, target string) (*Memory, error) {
	r := newXMLReader(path, data)
	m := &Memory{SourceLang: source, TargetLang: target}
	seenRoot := false
	ours := false
	for {
		t, err := r.token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case !seenRoot:
			if se.Name.Local != "tmx" {
				return nil, r.errorf("not a TMX document (the root is <%s>)", se.Name.Local)
			}
			seenRoot = true
		case se.Name.Local == "header":
			m.Tool, _ = attr(se, "", "creationtool")
			tmf, _ := attr(se, "", "o-tmf")
			ours = tmf == "bitext"
			if m.SourceLang == "" {
				m.SourceLang, _ = attr(se, "", "srclang")
				if m.SourceLang == "*all*" {
					return nil, r.errorf("the memory's srclang is *all*: say which language is the source")
				}
			}
			if err := r.skip(); err != nil {
				return nil, err
			}
		case se.Name.Local == "tu":
			tu, segs, err := readTU(r, se, ours)
			if err != nil {
				return nil, err
			}
			if m.TargetLang == "" {
				for _, s := range segs {
					if !sameLang(s[0], m.SourceLang) {
						m.TargetLang = s[0]
						break
					}
				}
			}
			var src, trg string
			var hasSrc, hasTrg bool
			for _, s := range segs {
				switch {
				case !hasSrc && sameLang(s[0], m.SourceLang):
					src, hasSrc = s[1], true
				case !hasTrg && sameLang(s[0], m.TargetLang):
					trg, hasTrg = s[1], true
				}
			}
			if hasSrc && hasTrg && strings.TrimSpace(src) != "" && strings.TrimSpace(trg) != "" {
				tu.Source, tu.Target = src, trg
				m.TUs = append(m.TUs, tu)
			}
		}
	}
	if !seenRoot {
		return nil, &Error{Path: path, Line: 1, Msg: "no <tmx> element: not a TMX file"}
	}
	return m, nil
}

// sameLang reports whether two language tags have the same primary
// language.
func sameLang(a, b string) bool {
	pa, _, _ := strings.Cut(strings.ToLower(a), "-")
	pb, _, _ := strings.Cut(strings.ToLower(b), "-")
	pa, _, _ = strings.Cut(pa, "_")
	pb, _, _ = strings.Cut(pb, "_")
	return pa != "" && pa == pb
}

func readTU(r *xmlReader, start xml.StartElement, ours bool) (TU, [][2]string, error) {
	tu := TU{Line: r.line}
	tu.ID, _ = attr(start, "", "tuid")
	tu.Created = tmxTime(start, "creationdate")
	tu.Changed = tmxTime(start, "changedate")
	var segs [][2]string
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return tu, nil, r.errorf("the file ends inside a <tu>")
			}
			return tu, nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "prop":
				typ, _ := attr(t, "", "type")
				s, err := r.text("a <prop>")
				if err != nil {
					return tu, nil, err
				}
				switch typ {
				case "x-document":
					tu.Doc = s
				case "x-kind":
					tu.Kind = s
				case "x-origin":
					tu.Origin = s
				case "x-conflict":
					tu.Conflict = s
				}
			case "tuv":
				lang, ok := attr(t, "http://www.w3.org/XML/1998/namespace", "lang")
				if !ok {
					lang, _ = attr(t, "", "lang") // TMX 1.1
				}
				seg, err := readTUV(r, ours)
				if err != nil {
					return tu, nil, err
				}
				segs = append(segs, [2]string{lang, seg})
			default:
				if err := r.skip(); err != nil {
					return tu, nil, err
				}
			}
		case xml.EndElement:
			return tu, segs, nil
		}
	}
}

func tmxTime(e xml.StartElement, name string) time.Time {
	v, _ := attr(e, "", name)
	t, err := time.Parse(tmxDate, v)
	if err != nil {
		return time.Time{}
	}
	return t
}

// readTUV reads a <tuv>'s <seg>. In a memory bitext wrote, the text is
// Markdown and kept whole; in another tool's, the native data of inline
// codes (<bpt>, <ept>, <ph>, <it>, <ut>) is that tool's and is dropped,
// while highlighted text (<hi>) and sub-flows (<sub>) are text.
func readTUV(r *xmlReader, ours bool) (string, error) {
	var b strings.Builder
	inSeg := false
	codeDepth := 0
	depth := 1
	for {
		t, err := r.token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", r.errorf("the file ends inside a <tuv>")
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			if inSeg && (codeDepth == 0 || ours) {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return "", r.errorf("elements nested more than %d deep", maxDepth)
			}
			switch t.Name.Local {
			case "seg":
				inSeg = true
			case "bpt", "ept", "ph", "it", "ut":
				codeDepth++
			case "sub":
				if codeDepth > 0 {
					codeDepth = -codeDepth // text again, until </sub>
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "seg":
				inSeg = false
			case "bpt", "ept", "ph", "it", "ut":
				codeDepth--
			case "sub":
				if codeDepth < 0 {
					codeDepth = -codeDepth
				}
			}
			if depth == 0 {
				return b.String(), nil
			}
		}
	}
}

// readOwnTMX reads a memory in the exact layout WriteTMX writes, line by
// line, many times faster than an XML decoder: the project's own memory
// may hold hundreds of thousands of units and is read on every update. It
// reports false at the first thing that is not that layout (a file a tool
// or a person rewrote), and ReadTMX then reads the file as any TMX.
func readOwnTMX(data []byte, source, target string) (*Memory, bool) {
	lines := strings.Split(string(data), "\n")
	const head = `<?xml version="1.0" encoding="UTF-8"?>`
	if len(lines) < 6 || lines[0] != head || lines[1] != `<tmx version="1.4">` || lines[3] != "  <body>" {
		return nil, false
	}
	src, ok := cutAround(lines[2], `  <header creationtool="bitext" creationtoolversion="1" segtype="paragraph" o-tmf="bitext" adminlang="en" srclang="`, `" datatype="plaintext"/>`)
	if !ok || !sameLang(src, source) && source != "" {
		return nil, false
	}
	if source == "" {
		source = src
	}
	m := &Memory{SourceLang: source, TargetLang: target, Tool: "bitext"}
	i := 4
	for ; i < len(lines) && lines[i] != "  </body>"; i++ {
		tu := TU{Line: i + 1}
		attrs, ok := cutAround(lines[i], "    <tu", ">")
		if !ok {
			return nil, false
		}
		for attrs != "" {
			var name, val string
			if name, attrs, ok = strings.Cut(strings.TrimPrefix(attrs, " "), `="`); !ok {
				return nil, false
			}
			if val, attrs, ok = strings.Cut(attrs, `"`); !ok {
				return nil, false
			}
			v, ok := unescapeOwn(val)
			if !ok {
				return nil, false
			}
			switch name {
			case "tuid":
				tu.ID = v
			case "creationdate", "changedate":
				t, err := time.Parse(tmxDate, v)
				if err != nil {
					return nil, false
				}
				if name == "creationdate" {
					tu.Created = t
				} else {
					tu.Changed = t
				}
			default:
				return nil, false
			}
		}
		i++
		for ; i < len(lines) && strings.HasPrefix(lines[i], `      <prop type="`); i++ {
			typ, rest, ok := strings.Cut(strings.TrimPrefix(lines[i], `      <prop type="`), `">`)
			if !ok {
				return nil, false
			}
			val, ok := cutAround(rest, "", "</prop>")
			if !ok {
				return nil, false
			}
			v, ok := unescapeOwn(val)
			if !ok {
				return nil, false
			}
			switch typ {
			case "x-document":
				tu.Doc = v
			case "x-kind":
				tu.Kind = v
			case "x-origin":
				tu.Origin = v
			case "x-conflict":
				tu.Conflict = v
			default:
				return nil, false
			}
		}
		var segs [2]string
		for k := range segs {
			if i >= len(lines) {
				return nil, false
			}
			lang, rest, ok := strings.Cut(strings.TrimPrefix(lines[i], `      <tuv xml:lang="`), `"><seg>`)
			if !ok || !strings.HasPrefix(lines[i], `      <tuv xml:lang="`) {
				return nil, false
			}
			want := source
			if k == 1 {
				if m.TargetLang == "" {
					m.TargetLang = lang
				}
				want = m.TargetLang
			}
			if !sameLang(lang, want) {
				return nil, false
			}
			seg, ok := cutAround(rest, "", "</seg></tuv>")
			if !ok {
				return nil, false
			}
			if segs[k], ok = unescapeOwn(seg); !ok {
				return nil, false
			}
			i++
		}
		if i >= len(lines) || lines[i] != "    </tu>" {
			return nil, false
		}
		tu.Source, tu.Target = segs[0], segs[1]
		if strings.TrimSpace(tu.Source) != "" && strings.TrimSpace(tu.Target) != "" {
			m.TUs = append(m.TUs, tu)
		}
	}
	if i+2 >= len(lines) || lines[i+1] != "</tmx>" || lines[i+2] != "" || i+3 != len(lines) {
		return nil, false
	}
	return m, true
}

// cutAround returns s without prefix and suffix, when it has both.
func cutAround(s, prefix, suffix string) (string, bool) {
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, suffix) || len(s) < len(prefix)+len(suffix) {
		return "", false
	}
	return s[len(prefix) : len(s)-len(suffix)], true
}

// unescapeOwn undoes appendEscaped: only the references it writes, and no
// markup, are allowed. It looks at each byte once: the memory is large.
func unescapeOwn(s string) (string, bool) {
	amp, high := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<' || c == '>':
			return "", false
		case c == '&':
			amp = true
		case c < 0x20:
			return "", false // appendEscaped writes tabs and newlines as references
		case c >= 0x80:
			high = true
		}
	}
	if high && (!utf8.ValidString(s) || strings.Contains(s, "\uFFFE") || strings.Contains(s, "\uFFFF")) {
		return "", false
	}
	if !amp {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for s != "" {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		found := false
		for _, e := range [...][2]string{{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", `"`}, {"&#9;", "\t"}, {"&#10;", "\n"}, {"&#13;", "\r"}} {
			if strings.HasPrefix(s, e[0]) {
				b.WriteString(e[1])
				s = s[len(e[0]):]
				found = true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	return b.String(), true
}
