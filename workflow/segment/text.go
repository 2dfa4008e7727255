package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text reads articles published as plain text, in the form a website's
// "copy all" gives: site chrome lines, a title, a date, an optional epigraph
// with its attribution, body paragraphs and headings separated by blank
// lines, and a list of numbered reference notes ("[1] …") whose numbers
// the body cites as digits glued to the preceding word ("women.5").
type Text struct{}

// chrome lines are website furniture, not article text.
var chrome = map[string]bool{
	"top of page":    true,
	"bottom of page": true,
	"back to top":    true,
}

// chromeMax is the length of the longest line of chrome: no longer line
// is looked up.
const chromeMax = len("bottom of page")

// textBlock is a run of non-blank lines.
type textBlock struct {
	line  int      // 1-based line of the first line
	lines []string // the lines, trimmed
}

func (b textBlock) text() string { return Normalize(strings.Join(b.lines, " ")) }

// Read implements Reader.
func (Text) Read(p string, src []byte) (*Document, error) {
	src, err := cleanSource(p, src)
	if err != nil {
		return nil, err
	}
	blocks := textBlocks(string(src))
	doc := &Document{Path: p, Name: DocName(p)}

	firstNote := len(blocks)
	for i, b := range blocks {
		if _, _, ok := noteStart(b.lines[0]); ok {
			firstNote = i
			break
		}
	}
	body, notes := blocks[:firstNote], blocks[firstNote:]

	i := 0
	// from holds the block each unit of the body comes from, to find the
	// line of a place in its text.
	var from []textBlock
	add := func(k Kind, b textBlock, text string) {
		doc.Units = append(doc.Units, Unit{Kind: k, Text: text, Line: b.line})
		from = append(from, b)
	}
	if i < len(body) {
		add(Title, body[i], body[i].text())
		i++
	}
	if i < len(body) {
		if iso, ok := ParseDate(body[i].text()); ok {
			doc.Date = iso
			add(Date, body[i], iso)
			i++
		}
	}
	if i+1 < len(body) && startsWithQuote(body[i].text()) {
		if who, ok := attribution(body[i+1].text()); ok {
			add(Epigraph, body[i], body[i].text())
			add(Attribution, body[i+1], who)
			i += 2
		}
	}
	for ; i < len(body); i++ {
		b := body[i]
		if isTextHeading(b) {
			add(Heading, b, b.text())
			doc.Units[len(doc.Units)-1].Level = 2
			continue
		}
		add(Paragraph, b, b.text())
	}

	// In the notes, every line that starts "[n]" starts a note; any other
	// line goes on with the note before it, even after a blank line ([4]
	// and [15] in the shipped article hold URLs on a second paragraph).
	// The lines of a note are joined once it is complete: joining them one
	// by one would copy a long note once per line.
	var noteLines []int
	var parts []string
	endNote := func() {
		if len(parts) > 0 {
			doc.Units[len(doc.Units)-1].Text = Normalize(strings.Join(parts, " "))
		}
		parts = parts[:0]
	}
	for _, b := range notes {
		for j, line := range b.lines {
			n, rest, ok := noteStart(line)
			if !ok {
				parts = append(parts, line)
				continue
			}
			endNote()
			lineNo := b.line + j
			if want := len(noteLines) + 1; n != want {
				return nil, errorf(p, lineNo, "note [%d] is out of order: expected [%d]; number the notes 1, 2, 3… in the order the text cites them", n, want)
			}
			doc.Units = append(doc.Units, Unit{Kind: Note, Line: lineNo, Label: strconv.Itoa(n)})
			parts = append(parts, rest)
			noteLines = append(noteLines, lineNo)
		}
	}
	endNote()
	for _, u := range doc.Units {
		if u.Kind == Note && u.Text == "" {
			return nil, errorf(p, u.Line, "note [%s] is empty; give it its text or remove it", u.Label)
		}
	}
	lineOf := func(unit, off int) int { return from[unit].lineOf(off) }
	warnings, err := linkGluedRefs(p, doc.Units, noteLines, lineOf)
	if err != nil {
		return nil, err
	}
	doc.Warnings = append(doc.Warnings, warnings...)
	return doc, nil
}

// lineOf returns the line of the source where byte off of the block's
// text is: the text is its lines, each normalized, joined by a space.
func (b textBlock) lineOf(off int) int {
	at := 0
	for j, line := range b.lines {
		at += len(Normalize(line)) + 1
		if off < at {
			return b.line + j
		}
	}
	return b.line + len(b.lines) - 1
}

// textBlocks splits text into blocks of non-blank lines. Blank lines, lines
// of white space or no-break spaces, and site chrome separate blocks.
func textBlocks(text string) []textBlock {
	var blocks []textBlock
	var cur *textBlock
	lineNo := 0
	for len(text) > 0 {
		lineNo++
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		trimmed := strings.TrimFunc(line, unicode.IsSpace)
		if trimmed == "" || len(trimmed) <= chromeMax && chrome[strings.ToLower(trimmed)] {
			cur = nil
			continue
		}
		if cur == nil {
			blocks = append(blocks, textBlock{line: lineNo})
			cur = &blocks[len(blocks)-1]
		}
		cur.lines = append(cur.lines, trimmed)
	}
	return blocks
}

// noteStart recognizes the first line of a reference note, "[12] text",
// and returns its number and the rest of the line.
func noteStart(line string) (n int, rest string, ok bool) {
	if !strings.HasPrefix(line, "[") {
		return 0, "", false
	}
	end := strings.IndexByte(line, ']')
	if end < 2 || end > 5 {
		return 0, "", false
	}
	digits := line[1:end]
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, "", false
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n == 0 || digits[0] == '0' {
		return 0, "", false
	}
	return n, line[end+1:], true
}

func startsWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("“\"«‘'„", r)
}

// attribution recognizes an epigraph's attribution line, "--Name, role", and
// returns it without the dash.
func attribution(s string) (string, bool) {
	for _, dash := range []string{"--", "—", "―", "–"} {
		if rest, ok := strings.CutPrefix(s, dash); ok {
			rest = strings.TrimSpace(rest)
			return rest, rest != ""
		}
	}
	return "", false
}

// moreWordsThan reports whether s has more than n words (as strings.Fields
// counts them), reading no further than the word that says so: a
// paragraph on one line is most of an article.
func moreWordsThan(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			if words++; words > n {
				return true
			}
			in = true
		}
	}
	return false
}

// isTextHeading reports whether a block reads as a heading: one short line
// that does not end a sentence.
func isTextHeading(b textBlock) bool {
	if len(b.lines) != 1 {
		return false
	}
	s := b.text()
	if moreWordsThan(s, 10) || startsWithQuote(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	return !strings.ContainsRune(".!?:;,…”\"’)]", last) && !unicode.IsDigit(last)
}
