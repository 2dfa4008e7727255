package segment

import "strings"

// Layout is how a structured source (Markdown, Word) is put together
// around its units, so that the editions can rebuild it: the blocks in
// reading order, which the HTML and PDF editions draw, and for a Markdown
// source the source itself with a slot where each unit's text goes, which
// the Markdown edition fills in.
type Layout struct {
	// Blocks are the document's blocks in reading order, notes last. Each
	// unit is in exactly one block: a UnitBlock of its own, or a cell of a
	// TableBlock.
	Blocks []Block
	// Template is a Markdown source cut into what passes through as
	// written and the slots of its units, in source order; nil for other
	// sources. Writing every piece, each slot with its unit's text, gives
	// back the source.
	Template []Piece
}

// BlockKind says what a Block is.
type BlockKind uint8

// The kinds of block.
const (
	// UnitBlock is one unit, Block.Unit.
	UnitBlock BlockKind = iota
	// CodeBlock is code that passes through untranslated: Block.Text,
	// in the language Block.Info names ("go"; "" when the source names
	// none).
	CodeBlock
	// BreakBlock is a thematic break (a rule between sections).
	BreakBlock
	// TableBlock is a table, Block.Table, whose cells are units.
	TableBlock
	// RawBlock is HTML that passes through untranslated (it holds no
	// text), Block.Text: the editions sanitize it. Comments are not
	// blocks at all.
	RawBlock
)

// Block is one block of a document, for the editions to draw.
type Block struct {
	Kind BlockKind
	// Unit is a UnitBlock's unit: an index in Document.Units.
	Unit int
	// Text is a CodeBlock's code or a RawBlock's HTML, as written.
	Text string
	// Info is a CodeBlock's language, as its fence names it.
	Info string
	// Table is a TableBlock's table.
	Table *Table
	// Depth is how deeply a block is nested in lists: 1 for an item of a
	// list that is in no other, 2 for an item of a list in an item, 0
	// outside lists.
	Depth int
	// Ordered is set for an item of a numbered list.
	Ordered bool
	// Task is, for an item of a task list, 1 for an open task ("[ ]") and
	// 2 for a done one ("[x]"); 0 for other items.
	Task int
}

// Align is the alignment of a table column.
type Align uint8

// The alignments of a table column.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a table laid out as rows of cells, the first row the header.
type Table struct {
	// Align holds each column's alignment.
	Align []Align
	// Rows are the rows, the header first; every row has a cell per
	// column.
	Rows [][]TableCell
}

// TableCell is one cell of a Table.
type TableCell struct {
	// Unit is the cell's unit, an index in Document.Units, or -1 for an
	// empty cell.
	Unit int
}

// Syntax says how a slot of a template writes its unit's text.
type Syntax uint8

// The syntaxes of template slots.
const (
	// Verbatim is a piece that passes through: its Text as it is.
	Verbatim Syntax = iota
	// InlineSlot is inline Markdown: a paragraph, heading, item or quote
	// on one line.
	InlineSlot
	// CellSlot is inline Markdown in a table cell, where "|" is escaped.
	CellSlot
	// HTMLSlot is an HTML block: the first tag alone on its line, so that
	// the block stays one, and any line after it starting with Prefix.
	HTMLSlot
	// NoteSlot is a footnote definition: "[^n]: " and the note's text.
	NoteSlot
	// CodeSlot is a translatable code block's lines, each after the
	// first starting with Prefix.
	CodeSlot
	// YAMLSlot and TOMLSlot are a value of the front matter, written as
	// a quoted string of that language.
	YAMLSlot
	TOMLSlot
	// DateSlot is the date under the title: Text as written for the
	// source language, the date the locale's way for others.
	DateSlot
)

// Piece is part of a template: text that passes through, or the slot of
// a unit.
type Piece struct {
	Syntax Syntax
	// Text is a Verbatim piece's text, or what a DateSlot, YAMLSlot or
	// TOMLSlot held in the source, as written.
	Text string
	// Unit is a slot's unit, an index in Document.Units.
	Unit int
	// Prefix starts every line of a slot after its first: the markers of
	// the lists and quotes the slot is in, as white space and ">".
	Prefix string
}

// GuardStart returns the inline Markdown text of a unit as it may start a
// line: a leading "#", ">" or list marker escaped. A unit's text never
// starts a block, but normalizing its white space can make it look as if
// it did ("#\u2004x", an em space after "#", becomes "# x", a heading).
func GuardStart(text string) string {
	// What matters is the first line.
	line := text
	if i := strings.IndexRune(text, HardBreak); i >= 0 {
		line = text[:i]
	}
	if line == "" {
		return text
	}
	if breakLike(line) || htmlBlockStart(line) || fenceStart(line) {
		return `\` + text
	}
	switch line[0] {
	case '#', '>':
		return `\` + text
	case '[':
		// "[x]: …" would define a link, "[^x]: …" a note.
		if labelColon(line) {
			return `\` + text
		}
	case '-', '+', '*':
		if len(line) == 1 || line[1] == ' ' {
			return `\` + text
		}
	}
	j := 0
	for j < len(line) && j < 9 && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j > 0 && j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ') {
		return text[:j] + `\` + text[j:]
	}
	return text
}

// taskBox reports whether line starts as a task list item's box does.
func taskBox(line string) bool {
	return len(line) >= 3 && line[2] == ']' && (line[1] == ' ' || line[1] == 'x' || line[1] == 'X') &&
		(len(line) == 3 || line[3] == ' ' || line[3] == '\t')
}

// labelColon reports whether line starts with a link label followed by
// a colon ("[x]:", "[^x]:"), as a link reference definition or a note
// does; "[](a]:)", a link, does not.
func labelColon(line string) bool {
	for i := 1; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '[':
			return false
		case ']':
			return i+1 < len(line) && line[i+1] == ':'
		}
	}
	return false
}

// breakLike reports whether text alone on a line would be a thematic
// break ("* * *") or a setext heading's underline ("===", "--").
func breakLike(text string) bool {
	c := text[0]
	if c != '*' && c != '-' && c != '_' && c != '=' {
		return false
	}
	n := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3 || c == '=' || c == '-' && n >= 2
}

// htmlBlockTags are the tags that start an HTML block when followed by a
// space or the end of the tag (CommonMark's kinds 1 and 6).
var htmlBlockTags = strings.Fields(`address article aside base basefont blockquote body caption center col
colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset
h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol
optgroup option p param search section summary table tbody td tfoot th thead title tr track ul
pre script style textarea`)

// htmlBlockStart reports whether text would start an HTML block.
func htmlBlockStart(text string) bool {
	if len(text) < 2 || text[0] != '<' {
		return false
	}
	name := text[1:]
	name = strings.TrimPrefix(name, "/")
	for _, tag := range htmlBlockTags {
		if len(name) >= len(tag) && strings.EqualFold(name[:len(tag)], tag) {
			rest := name[len(tag):]
			if rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '>' || strings.HasPrefix(rest, "/>") {
				return true
			}
		}
	}
	return false
}

// fenceStart reports whether text would open a fenced code block.
func fenceStart(text string) bool {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(text, f) {
			return f == "~~~" || !strings.Contains(strings.TrimLeft(text, "`"), "`")
		}
	}
	return false
}

// WriteInline returns the inline Markdown text of a unit that starts a
// block (a paragraph, an item, a quote, a note after its label) as the
// source-language Markdown edition writes it: guarded as GuardStart
// guards it, its hard breaks written as WriteBreaks writes them, and a
// text that is one tag alone (which on its own line would be an HTML
// block) cut after the tag's name, the rest on the next line after
// prefix, as a source writes it to keep it in a paragraph.
func WriteInline(text, prefix string) string {
	text = GuardStart(text)
	if len(text) > 2 && text[0] == '<' && text[len(text)-1] == '>' && strings.Count(text, "<") == 1 && strings.Count(text, ">") == 1 {
		name := strings.TrimPrefix(text[1:], "/")
		if i := strings.IndexByte(text, ' '); i > 0 && i+1 < len(text) && isLetter(name[0]) && isLetter(text[i+1]) {
			text = text[:i] + "\n" + prefix + text[i+1:]
		}
	}
	return WriteBreaks(text, prefix)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// WriteBreaks returns the inline Markdown text of a unit with its hard
// line breaks (HardBreak) written as Markdown writes them, two spaces at
// the end of a line. Each line after starts with prefix (the markers of
// the lists and quotes it is in) and four spaces more: a paragraph's line
// so indented goes on with the paragraph whatever it starts with (a
// fence, a tag, a list marker), as nothing so indented can interrupt a
// paragraph.
func WriteBreaks(text, prefix string) string {
	if !strings.ContainsRune(text, HardBreak) {
		return text
	}
	parts := strings.Split(text, string(HardBreak))
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			// Two spaces, which are white space to the emphasis around
			// them; after a backslash that is text, which would take them
			// for text, a space and a backslash.
			if strings.HasSuffix(parts[i-1], `\`) {
				b.WriteString(" \\\n")
			} else {
				b.WriteString("  \n")
			}
			b.WriteString(prefix + "    ")
		}
		b.WriteString(p)
	}
	return b.String()
}
