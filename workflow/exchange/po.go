package exchange

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WritePO writes f as a gettext PO file, one entry per unit: msgctxt is
// the unit's ID (DOC/ID when the file holds several documents), msgid the
// source and msgstr the target, as Markdown text. A unit that needs
// review is "#, fuzzy", with the source its target was made from as
// "#| msgid"; translator comments are "# " lines, bitext's own notes
// (kind, base fingerprint, suggestions) "#." lines, and the position a
// "#:" reference.
func WritePO(f *File) []byte {
	src, trg := langs(f)
	var b bytes.Buffer
	b.WriteString("# bitext exchange file: translate each msgstr, then run `bitext import` on this file.\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	single := len(f.Docs) == 1
	project := "bitext"
	if single {
		project = f.Docs[0].Name
	}
	date := "YEAR-MO-DA HO:MI+ZONE"
	if !f.Date.IsZero() {
		date = f.Date.UTC().Format("2006-01-02 15:04-0700")
	}
	headers := []string{
		"Project-Id-Version: " + project,
		"PO-Revision-Date: " + date,
		"Last-Translator: bitext",
		"Language-Team: " + trg,
		"Language: " + trg,
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"X-Source-Language: " + src,
	}
	if single {
		headers = append(headers, "X-Bitext-Document: "+f.Docs[0].Name, "X-Bitext-Original: "+f.Docs[0].Original)
	}
	for _, h := range headers {
		b.WriteString(poQuote(h + "\n"))
		b.WriteByte('\n')
	}
	for _, d := range f.Docs {
		for i := range d.Units {
			u := &d.Units[i]
			b.WriteByte('\n')
			for _, c := range u.Comments {
				b.WriteString("# " + poLine(c) + "\n")
			}
			// The ID is in the comment too: po2xliff drops msgctxt, and
			// keeps extracted comments as notes that xliff2po turns back.
			meta := "#. bitext: id " + poLine(u.ID)
			if u.Kind != "" {
				meta += "; kind " + poLine(u.Kind)
			}
			if u.Base != "" {
				meta += "; base " + u.Base
			}
			if !single {
				meta += "; doc " + poLine(d.Name)
			}
			b.WriteString(meta + "\n")
			for _, t := range u.Terms {
				b.WriteString("#. term: " + poLine(t) + "\n")
			}
			for _, l := range u.People.lines() {
				b.WriteString("#. " + poLine(l) + "\n")
			}
			for _, s := range u.Suggestions {
				b.WriteString("#. suggestion " + poLine(suggestionText(s)) + "\n")
			}
			if u.Position != "" {
				b.WriteString("#: " + strings.ReplaceAll(poLine(u.Position), " ", "_") + "\n")
			}
			ctxt := u.ID
			if !single {
				ctxt = d.Name + "/" + u.ID
			}
			if u.State == NeedsReview && u.Target != "" {
				b.WriteString("#, fuzzy\n")
				if u.OldSource != "" {
					b.WriteString("#| msgctxt " + poQuote(ctxt) + "\n")
					b.WriteString("#| msgid " + poQuote(u.OldSource) + "\n")
				}
			}
			b.WriteString("msgctxt " + poQuote(ctxt) + "\n")
			b.WriteString("msgid " + poQuote(u.Source) + "\n")
			b.WriteString("msgstr " + poQuote(u.Target) + "\n")
		}
	}
	return b.Bytes()
}

// poLine makes s fit on one comment line.
func poLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// poQuote writes s as a PO string, with C escapes.
func poQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, `\%03o`, c)
				continue
			}
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// poEntry is an entry of a PO file as read.
type poEntry struct {
	line                   int
	comments               []string
	extracted              []string
	refs                   []string
	flags                  []string
	prevID                 string
	hasPrevID              bool
	ctxt, id, str          string
	hasCtxt, hasID, hasStr bool
	plural                 bool
	obsolete               bool
	field                  *string // the string continuation lines add to
	fieldName              string
	prevField              bool
}

// ReadPO reads a PO file that bitext exported, or that a tool (Poedit,
// Weblate, msgmerge, xliff2po) wrote from one: every entry with a msgctxt
// becomes a unit. A fuzzy entry needs review; "#| msgid" gives the source
// its target was made from.
func ReadPO(path string, data []byte) (*File, error) {
	if !utf8.Valid(data) {
		return nil, &Error{Path: path, Line: invalidLine(data), Msg: "not UTF-8; save the file as UTF-8"}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var entries []*poEntry
	cur := &poEntry{}
	flush := func() {
		if cur.hasID || cur.hasCtxt || cur.hasStr {
			entries = append(entries, cur)
		}
		cur = &poEntry{}
	}
	lines := bytes.Split(data, []byte("\n"))
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimRight(string(raw), "\r")
		trimmed := strings.TrimSpace(line)
		errf := func(format string, args ...any) error {
			return &Error{Path: path, Line: n, Msg: fmt.Sprintf(format, args...)}
		}
		if trimmed == "" {
			if cur.hasStr {
				flush()
			}
			cur.field = nil
			continue
		}
		if strings.HasPrefix(trimmed, "#~") {
			// An obsolete entry (msgmerge keeps them): not a unit.
			cur.obsolete = true
			continue
		}
		if strings.HasPrefix(trimmed, "#") {
			if cur.hasStr {
				flush()
			}
			cur.field = nil
			if cur.line == 0 {
				cur.line = n
			}
			switch {
			case strings.HasPrefix(trimmed, "#."):
				cur.extracted = append(cur.extracted, strings.TrimPrefix(strings.TrimPrefix(trimmed, "#."), " "))
			case strings.HasPrefix(trimmed, "#:"):
				cur.refs = append(cur.refs, strings.Fields(strings.TrimPrefix(trimmed, "#:"))...)
			case strings.HasPrefix(trimmed, "#,"):
				for _, fl := range strings.Split(strings.TrimPrefix(trimmed, "#,"), ",") {
					cur.flags = append(cur.flags, strings.TrimSpace(fl))
				}
			case strings.HasPrefix(trimmed, "#|"):
				rest := strings.TrimSpace(strings.TrimPrefix(trimmed, "#|"))
				switch {
				case strings.HasPrefix(rest, "msgid "):
					s, err := poUnquote(strings.TrimPrefix(rest, "msgid "))
					if err != nil {
						return nil, errf("#| msgid: %v", err)
					}
					cur.prevID, cur.hasPrevID, cur.prevField = s, true, true
				case strings.HasPrefix(rest, "msgctxt "):
					cur.prevField = false
				case strings.HasPrefix(rest, `"`) && cur.prevField:
					s, err := poUnquote(rest)
					if err != nil {
						return nil, errf("#|: %v", err)
					}
					cur.prevID += s
				default:
					cur.prevField = false
				}
			default:
				c := strings.TrimPrefix(line[strings.Index(line, "#")+1:], " ")
				cur.comments = append(cur.comments, c)
			}
			continue
		}
		if cur.line == 0 {
			cur.line = n
		}
		keyword, rest, _ := strings.Cut(trimmed, " ")
		if strings.HasPrefix(trimmed, `"`) {
			if cur.field == nil {
				return nil, errf("a string outside msgctxt, msgid or msgstr")
			}
			s, err := poUnquote(trimmed)
			if err != nil {
				return nil, errf("%s: %v", cur.fieldName, err)
			}
			*cur.field += s
			continue
		}
		s, err := poUnquote(strings.TrimSpace(rest))
		if err != nil {
			return nil, errf("%s: %v", keyword, err)
		}
		switch {
		case keyword == "msgctxt":
			if cur.hasCtxt || cur.hasID || cur.hasStr {
				if cur.hasStr {
					flush()
					cur.line = n
				} else {
					return nil, errf("msgctxt twice in one entry")
				}
			}
			cur.ctxt, cur.hasCtxt = s, true
			cur.field, cur.fieldName = &cur.ctxt, keyword
		case keyword == "msgid":
			if cur.hasID {
				if !cur.hasStr {
					return nil, errf("msgid without msgstr before it")
				}
				flush()
				cur.line = n
			}
			cur.id, cur.hasID = s, true
			cur.field, cur.fieldName = &cur.id, keyword
		case keyword == "msgid_plural":
			cur.plural = true
			var sink string
			cur.field, cur.fieldName = &sink, keyword
		case keyword == "msgstr":
			if !cur.hasID {
				return nil, errf("msgstr without msgid")
			}
			if cur.hasStr {
				return nil, errf("msgstr twice in one entry")
			}
			cur.str, cur.hasStr = s, true
			cur.field, cur.fieldName = &cur.str, keyword
		case strings.HasPrefix(keyword, "msgstr["):
			if !cur.hasID {
				return nil, errf("msgstr without msgid")
			}
			if keyword == "msgstr[0]" {
				cur.str, cur.hasStr = s, true
				cur.field, cur.fieldName = &cur.str, keyword
			} else {
				var sink string
				cur.field, cur.fieldName = &sink, keyword
			}
		default:
			return nil, errf("%q is not a PO keyword (msgctxt, msgid, msgstr)", keyword)
		}
	}
	if cur.hasID && !cur.hasStr {
		return nil, &Error{Path: path, Line: len(lines), Msg: "the last msgid has no msgstr"}
	}
	flush()

	d := Doc{Line: 1}
	f := &File{}
	docs := map[string]int{}
	for _, e := range entries {
		if e.obsolete {
			continue
		}
		if !e.hasCtxt && e.id == "" {
			for _, h := range strings.Split(e.str, "\n") {
				k, v, ok := strings.Cut(h, ":")
				if !ok {
					continue
				}
				v = strings.TrimSpace(v)
				switch strings.TrimSpace(k) {
				case "Language":
					d.TargetLang = v
				case "X-Source-Language":
					d.SourceLang = v
				case "X-Bitext-Document":
					d.Name = v
				case "X-Bitext-Original":
					d.Original = v
				}
			}
			continue
		}
		u := Unit{Source: e.id, Target: e.str, Line: e.line, Comments: e.comments}
		// The ID: bitext's comment first, which tools keep as they found
		// it, where msgctxt is rewritten by some (xliff2po gives
		// duplicate texts their location as msgctxt); then msgctxt
		// (DOC/ID in a file of several documents); then the reference
		// xliff2po makes of a trans-unit id.
		doc := d.Name
		var commentID, commentDoc string
		for _, x := range e.extracted {
			rest, ok := strings.CutPrefix(x, "bitext: ")
			if !ok {
				continue
			}
			for _, kv := range strings.Split(rest, "; ") {
				k, v, _ := strings.Cut(kv, " ")
				switch k {
				case "id":
					commentID = v
				case "kind":
					u.Kind = v
				case "base":
					u.Base = v
				case "doc":
					commentDoc = v
				}
			}
		}
		ref := ""
		if len(e.refs) == 1 && !strings.ContainsAny(e.refs[0], ":/") {
			ref = e.refs[0]
		}
		switch {
		case commentID != "":
			u.ID = commentID
			if doc == "" {
				doc = commentDoc
			}
		case ref != "" && e.ctxt != "" && strings.Count(e.ctxt, ref)*len(ref) == len(e.ctxt):
			u.ID = ref // xliff2po's msgctxt for merged duplicates
		case e.ctxt != "":
			u.ID = e.ctxt
			if doc == "" {
				if name, id, ok := strings.Cut(e.ctxt, "/"); ok {
					doc, u.ID = name, id
				}
			}
		default:
			u.ID = ref
		}
		if u.ID == "" {
			return nil, &Error{Path: path, Line: e.line, Msg: fmt.Sprintf("entry %q has no msgctxt: bitext finds units by the ID in msgctxt (or its \"#. bitext: id\" comment); keep those lines of the exported file", trimForMsg(e.id))}
		}
		if e.plural {
			return nil, &Error{Path: path, Line: e.line, Msg: fmt.Sprintf("entry %q has plural forms, which article units never have", u.ID)}
		}
		if len(e.refs) > 0 && e.refs[0] != u.ID {
			u.Position = e.refs[0]
		}
		fuzzy := false
		for _, fl := range e.flags {
			if fl == "fuzzy" {
				fuzzy = true
			}
		}
		switch {
		case strings.TrimSpace(u.Target) == "":
			u.Target, u.State = "", Untranslated
		case fuzzy:
			u.State = NeedsReview
			if e.hasPrevID {
				u.OldSource = e.prevID
			}
		default:
			u.State = Translated
		}
		k, ok := docs[doc]
		if !ok {
			nd := d
			nd.Name, nd.Units = doc, nil
			if doc != d.Name {
				nd.Original = ""
			}
			f.Docs = append(f.Docs, nd)
			k = len(f.Docs) - 1
			docs[doc] = k
		}
		f.Docs[k].Units = append(f.Docs[k].Units, u)
	}
	return f, nil
}

func trimForMsg(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func invalidLine(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return bytes.Count(data[:i], []byte("\n")) + 1
		}
		i += size
	}
	return 1
}

// poUnquote reads one PO string literal.
func poUnquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("a string must be in double quotes, as \"…\"")
	}
	s = s[1 : len(s)-1]
	if !strings.ContainsAny(s, `\"`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			return "", fmt.Errorf("a double quote inside a string must be written \\\"")
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			return "", fmt.Errorf("a string ends with a backslash")
		}
		switch c := s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\\', '"', '\'', '?':
			b.WriteByte(c)
		case 'x':
			j := i + 1
			for j < len(s) && j < i+3 && isHex(s[j]) {
				j++
			}
			if j == i+1 {
				return "", fmt.Errorf(`\x without hex digits`)
			}
			v, _ := strconv.ParseUint(s[i+1:j], 16, 8)
			b.WriteByte(byte(v))
			i = j - 1
		default:
			if c >= '0' && c <= '7' {
				j := i
				for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
					j++
				}
				v, _ := strconv.ParseUint(s[i:j], 8, 16)
				if v > 0xff {
					return "", fmt.Errorf("octal escape \\%s is over 255", s[i:j])
				}
				b.WriteByte(byte(v))
				i = j - 1
				continue
			}
			return "", fmt.Errorf("unknown escape \\%c", c)
		}
	}
	return b.String(), nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
