package exchange

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/hopeborder/bitext/workflow/segment"
)

// Piece is a part of a unit's text: words to translate, or an inline code
// (Code set) to keep as it is: a note reference, the brackets and
// destination of a link, emphasis marks, a code span, raw HTML, a bare
// URL, a template action. Text holds the Markdown of the piece exactly.
type Piece struct {
	Text string
	Code bool
}

// maxPieceText bounds the text goldmark parses for pieces; longer units
// (none in an article) travel as one piece of text.
const maxPieceText = 64 << 10

// Pieces cuts a unit's Markdown into text and inline codes, in order.
// Joining the pieces' Text gives src back exactly.
func Pieces(src string) []Piece {
	if src == "" {
		return nil
	}
	if len(src) > maxPieceText || !strings.ContainsAny(src, "[]*_`<>{}!:@\\~") {
		return []Piece{{Text: src}}
	}
	source := []byte(src)
	doc := pieceParser.Parse(text.NewReader(source))
	var leaves [][2]int
	ok := true
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil && ok; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindCodeSpan, ast.KindAutoLink, ast.KindRawHTML, kindPieceNoteRef:
				continue // a code as a whole
			case ast.KindText:
				seg := c.(*ast.Text).Segment
				if seg.Start < 0 || seg.Stop > len(source) || seg.Start > seg.Stop {
					ok = false
					return
				}
				if k := len(leaves); k > 0 && leaves[k-1][1] > seg.Start {
					ok = false
					return
				}
				if k := len(leaves); k > 0 && leaves[k-1][1] == seg.Start {
					leaves[k-1][1] = seg.Stop
				} else if seg.Stop > seg.Start {
					leaves = append(leaves, [2]int{seg.Start, seg.Stop})
				}
			case ast.KindString:
				// Goldmark's typographer strings never come from this
				// parser; take the node for a code.
				continue
			default:
				walk(c)
			}
		}
	}
	walk(doc)
	if !ok {
		return []Piece{{Text: src}}
	}
	var out []Piece
	add := func(s string, code bool) {
		if s == "" {
			return
		}
		if !code || strings.TrimSpace(s) == "" {
			code = false
		}
		if k := len(out); k > 0 && out[k-1].Code == code {
			out[k-1].Text += s
			return
		}
		out = append(out, Piece{Text: s, Code: code})
	}
	at := 0
	for _, l := range leaves {
		add(src[at:l[0]], true)
		addText(add, src[l[0]:l[1]])
		at = l[1]
	}
	add(src[at:], true)
	return out
}

// addText adds a run of text, with any template action in it ({{…}}, which
// go-i18n would run) as a code of its own.
func addText(add func(string, bool), s string) {
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			add(s, false)
			return
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			add(s, false)
			return
		}
		add(s[:i], false)
		add(s[i:i+j+2], true)
		s = s[i+j+2:]
	}
}

// Join returns the Markdown of pieces.
func Join(pieces []Piece) string {
	var b strings.Builder
	for _, p := range pieces {
		b.WriteString(p.Text)
	}
	return b.String()
}

// pieceParser parses a unit's text as one paragraph of inline Markdown,
// as the renderer does: no other block parser, note references as
// nodes of their own, bare URLs as links.
var pieceParser = parser.NewParser(
	parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
	parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
		util.Prioritized(pieceNoteRefParser{}, 50),
		util.Prioritized(extension.NewLinkifyParser(), 999),
	)...),
)

var kindPieceNoteRef = ast.NewNodeKind("ExchangeNoteRef")

type pieceNoteRef struct{ ast.BaseInline }

func (n *pieceNoteRef) Kind() ast.NodeKind { return kindPieceNoteRef }

func (n *pieceNoteRef) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// pieceNoteRefParser reads a note reference, [^label], as segment.Refs
// does.
type pieceNoteRefParser struct{}

func (pieceNoteRefParser) Trigger() []byte { return []byte{'['} }

func (pieceNoteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 4 || line[1] != '^' {
		return nil
	}
	end := bytes.IndexByte(line, ']')
	if end < 0 {
		return nil
	}
	refs := segment.Refs(string(line[:end+1]))
	if len(refs) != 1 || refs[0].Start != 0 {
		return nil
	}
	block.Advance(end + 1)
	return &pieceNoteRef{}
}
