package inline

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/hopeborder/bitext/workflow/segment"
)

// noteRefParser reads a note reference, [^label], as segment.Refs does.
// It runs before goldmark's link parser, which would otherwise take the
// brackets for a link label.
type noteRefParser struct{}

var kindNoteRef = ast.NewNodeKind("NoteRef")

// noteRefNode is a note reference in goldmark's tree, at [start, end)
// of the source.
type noteRefNode struct {
	ast.BaseInline
	label      string
	start, end int
}

func (n *noteRefNode) Kind() ast.NodeKind { return kindNoteRef }

func (n *noteRefNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.label}, nil)
}

func (noteRefParser) Trigger() []byte { return []byte{'['} }

// maxRefLen is the longest note reference: "[^" and "]" around a label
// of at most 64 bytes, as segment.Refs reads them. No reference ends
// further than that, and looking for its "]" in the rest of the
// paragraph at each "[" would be quadratic.
const maxRefLen = len("[^]") + 64

func (noteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 4 || line[1] != '^' {
		return nil
	}
	end := bytes.IndexByte(line[:min(len(line), maxRefLen)], ']')
	if end < 0 {
		return nil
	}
	refs := segment.Refs(string(line[:end+1]))
	if len(refs) != 1 || refs[0].Start != 0 {
		return nil
	}
	block.Advance(end + 1)
	return &noteRefNode{label: refs[0].Label, start: seg.Start, end: seg.Start + end + 1}
}

// placeholderParser reads a static site generator's template tag:
// {{< … >}} and {{% … %}} (Hugo shortcodes), {% … %} (Jekyll, Liquid)
// and {{ … }} (Go templates, Handlebars), on one line. A tag ends at its
// closer or not at all before the next "{", so that reading a text of
// many unclosed tags stays linear.
type placeholderParser struct{}

var kindPlaceholder = ast.NewNodeKind("Placeholder")

// placeholderNode is a template tag at [start, end) of the source.
type placeholderNode struct {
	ast.BaseInline
	start, end int
}

func (n *placeholderNode) Kind() ast.NodeKind { return kindPlaceholder }

func (n *placeholderNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

func (placeholderParser) Trigger() []byte { return []byte{'{'} }

func (placeholderParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	n := placeholderLen(line)
	if n == 0 {
		return nil
	}
	block.Advance(n)
	return &placeholderNode{start: seg.Start, end: seg.Start + n}
}

// placeholderLen returns the length of the template tag line starts
// with, or 0.
func placeholderLen(line []byte) int {
	var open int
	var closer string
	switch {
	case bytes.HasPrefix(line, []byte("{{<")):
		open, closer = 3, ">}}"
	case bytes.HasPrefix(line, []byte("{{%")):
		open, closer = 3, "%}}"
	case bytes.HasPrefix(line, []byte("{%")):
		open, closer = 2, "%}"
	case bytes.HasPrefix(line, []byte("{{")):
		open, closer = 2, "}}"
	default:
		return 0
	}
	rest := line[open:]
	if next := bytes.IndexAny(rest, "{\n"); next >= 0 {
		rest = rest[:next]
	}
	end := bytes.Index(rest, []byte(closer))
	if end < 0 {
		return 0
	}
	return open + end + len(closer)
}

// strikeParser reads ~text~ and ~~text~~ as GFM's strikethrough does
// (goldmark's extension), recording the delimiter's length, which a
// renderer that writes strikethrough as text needs.
type strikeParser struct{}

var kindStrike = ast.NewNodeKind("Strike")

// strikeNode is strikethrough with a delimiter of level tildes.
type strikeNode struct {
	ast.BaseInline
	level int
}

func (n *strikeNode) Kind() ast.NodeKind { return kindStrike }

func (n *strikeNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}

type strikeDelimiter struct{}

func (strikeDelimiter) IsDelimiter(b byte) bool { return b == '~' }

func (strikeDelimiter) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikeDelimiter) OnMatch(consumes int) ast.Node { return &strikeNode{level: consumes} }

func (strikeParser) Trigger() []byte { return []byte{'~'} }

func (strikeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := parser.ScanDelimiter(line, before, 1, strikeDelimiter{})
	if node == nil || node.OriginalLength > 2 || before == '~' {
		return nil
	}
	node.Segment = segment.WithStop(segment.Start + node.OriginalLength)
	block.Advance(node.OriginalLength)
	pc.PushDelimiter(node)
	return node
}

func (strikeParser) CloseBlock(parent ast.Node, pc parser.Context) {}
