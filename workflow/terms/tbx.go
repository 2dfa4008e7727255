package terms

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// TBX administrative statuses, as TBX-Basic names them.
const (
	preferred  = "preferredTerm-admn-sts"
	admitted   = "admittedTerm-admn-sts"
	deprecated = "deprecatedTerm-admn-sts"
)

// MarshalTBX writes g as TBX-Basic (the martif form OmegaT, Trados and
// Weblate read): one termEntry per source term, with a langSet for the
// source language and one per target locale, the first approved
// rendering preferred, the others admitted, the forbidden ones
// deprecated, a name (Exact) marked as a proper noun, and the note in its
// locale's langSet. Consistency rules have no place in TBX and are left
// out.
func (g *Glossary) MarshalTBX(sourceLang string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">` + "\n")
	b.WriteString(`<martif type="TBX-Basic-V1" xml:lang="` + esc(sourceLang) + `">` + "\n")
	b.WriteString("  <martifHeader>\n    <fileDesc>\n      <titleStmt>\n        <title>Project glossary</title>\n      </titleStmt>\n")
	b.WriteString("      <sourceDesc>\n        <p>Written by bitext from the project glossary.</p>\n      </sourceDesc>\n    </fileDesc>\n")
	b.WriteString(`    <encodingDesc>` + "\n" + `      <p type="XCSURI">TBXBasicXCSV02.xcs</p>` + "\n    </encodingDesc>\n  </martifHeader>\n")
	b.WriteString("  <text>\n    <body>\n")
	// One concept per source term, in the order terms first appear.
	var order []string
	byTerm := map[string][]Entry{}
	for _, e := range g.Entries {
		k := strings.ToLower(e.Term)
		if _, ok := byTerm[k]; !ok {
			order = append(order, k)
		}
		byTerm[k] = append(byTerm[k], e)
	}
	for i, k := range order {
		entries := byTerm[k]
		fmt.Fprintf(&b, "      <termEntry id=\"c%d\">\n", i+1)
		fmt.Fprintf(&b, "        <langSet xml:lang=\"%s\">\n          <tig>\n            <term>%s</term>\n", esc(sourceLang), esc(entries[0].Term))
		if entries[0].Case == Exact {
			b.WriteString("            <termNote type=\"partOfSpeech\">properNoun</termNote>\n")
		}
		b.WriteString("          </tig>\n        </langSet>\n")
		for _, e := range entries {
			fmt.Fprintf(&b, "        <langSet xml:lang=\"%s\">\n", esc(e.Locale))
			if e.Note != "" {
				fmt.Fprintf(&b, "          <note>%s</note>\n", esc(e.Note))
			}
			for j, a := range e.Approved {
				status := admitted
				if j == 0 {
					status = preferred
				}
				writeTig(&b, a, status)
			}
			for _, f := range e.Forbidden {
				writeTig(&b, f, deprecated)
			}
			b.WriteString("        </langSet>\n")
		}
		b.WriteString("      </termEntry>\n")
	}
	b.WriteString("    </body>\n  </text>\n</martif>\n")
	return b.Bytes()
}

func writeTig(b *bytes.Buffer, term, status string) {
	fmt.Fprintf(b, "          <tig>\n            <term>%s</term>\n            <termNote type=\"administrativeStatus\">%s</termNote>\n          </tig>\n", esc(term), status)
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// tbxTerm is a term of a TBX file as read.
type tbxTerm struct {
	text, status, pos string
}

type tbxLang struct {
	lang  string
	terms []tbxTerm
	note  string
}

type tbxConcept struct {
	line  int
	langs []tbxLang
	note  string
}

// ReadTBX reads a TBX file: TBX-Basic and TBX 2 (martif: termEntry,
// langSet, tig or ntig) and TBX 3 (tbx: conceptEntry, langSec, termSec).
// The terms of sourceLang are the source terms (the first of a concept is
// its Term); each other language's terms are approved (preferred,
// admitted, or no status) or forbidden (deprecated, superseded, obsolete
// or forbidden), and a proper noun's entry is Exact.
func ReadTBX(name string, data []byte, sourceLang string) (*Glossary, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var concepts []tbxConcept
	var c *tbxConcept
	var l *tbxLang
	var t *tbxTerm
	var text strings.Builder
	var noteType string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			text.Reset()
			switch tok.Name.Local {
			case "termEntry", "conceptEntry":
				line, _ := dec.InputPos()
				concepts = append(concepts, tbxConcept{line: line})
				c = &concepts[len(concepts)-1]
			case "langSet", "langSec":
				if c != nil {
					c.langs = append(c.langs, tbxLang{lang: attr(tok, "lang")})
					l = &c.langs[len(c.langs)-1]
				}
			case "tig", "ntig", "termSec":
				if l != nil {
					l.terms = append(l.terms, tbxTerm{})
					t = &l.terms[len(l.terms)-1]
				}
			case "termNote", "descrip", "note":
				noteType = attr(tok, "type")
			}
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			v := strings.TrimSpace(text.String())
			switch tok.Name.Local {
			case "term":
				if t != nil {
					t.text = v
				}
			case "termNote":
				if t != nil {
					switch noteType {
					case "administrativeStatus":
						t.status = v
					case "partOfSpeech":
						t.pos = v
					}
				}
			case "note", "descrip":
				switch {
				case t != nil:
				case l != nil && l.note == "":
					l.note = v
				case c != nil && l == nil && c.note == "":
					c.note = v
				}
			case "tig", "ntig", "termSec":
				t = nil
			case "langSet", "langSec":
				l = nil
			case "termEntry", "conceptEntry":
				c = nil
			}
			text.Reset()
		}
	}
	g := &Glossary{}
	for _, c := range concepts {
		var src *tbxLang
		for i := range c.langs {
			if langMatches(c.langs[i].lang, sourceLang) {
				src = &c.langs[i]
				break
			}
		}
		if src == nil || len(src.terms) == 0 || src.terms[0].text == "" {
			continue
		}
		for i := range c.langs {
			l := &c.langs[i]
			if l == src || langMatches(l.lang, sourceLang) {
				continue
			}
			e := Entry{Locale: l.lang, Term: src.terms[0].text, Note: l.note, File: name, Line: c.line}
			if e.Note == "" {
				e.Note = c.note
			}
			if strings.EqualFold(src.terms[0].pos, "properNoun") {
				e.Case = Exact
			}
			for _, t := range l.terms {
				if t.text == "" {
					continue
				}
				switch s := strings.ToLower(t.status); {
				case strings.HasPrefix(s, "deprecated"), strings.HasPrefix(s, "superseded"), strings.HasPrefix(s, "obsolete"), strings.HasPrefix(s, "forbidden"):
					e.Forbidden = append(e.Forbidden, t.text)
				default:
					if strings.HasPrefix(s, "preferred") {
						e.Approved = append([]string{t.text}, e.Approved...)
					} else {
						e.Approved = append(e.Approved, t.text)
					}
				}
			}
			if err := e.validate(); err != nil {
				return nil, err
			}
			g.Entries = append(g.Entries, e)
		}
	}
	return g, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// langMatches reports whether a TBX language tag is lang or one of its
// regions ("en-US" for "en").
func langMatches(tag, lang string) bool {
	tag, lang = strings.ToLower(tag), strings.ToLower(lang)
	return tag == lang || strings.HasPrefix(tag, lang+"-") || strings.HasPrefix(tag, lang+"_")
}
