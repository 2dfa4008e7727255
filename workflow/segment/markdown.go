package segment

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown reads CommonMark and GitHub-flavoured Markdown articles, with
// footnotes ([^n] and [^n]: …) and YAML or TOML front matter. Every
// construct is read; none is an error:
//
//   - headings, paragraphs, block quotes, list items (nested, numbered,
//     task lists), footnotes and table cells each become a unit, whose
//     text keeps its inline Markdown as written, with reference links
//     made inline ([a][x] with [x]: /u becomes [a](/u)) and character
//     references (&eacute;) that stand for no markup decoded;
//   - a first level-1 heading is the title; a date alone in the paragraph
//     after it is the date; a block quote before the body is the
//     epigraph, and a line in or after it that starts with a dash
//     ("— Name") its attribution;
//   - an HTML block that holds text is a unit of kind HTML; HTML without
//     text, comments, code blocks (unless Options.TranslateCode),
//     thematic breaks, link reference definitions and paragraphs made
//     only of template tags ({{< shortcode >}}) pass through;
//   - the front matter's title, date and configured keys are read (see
//     frontMatter); every other key passes through.
//
// Document.Layout gives the blocks in order and the source as a template
// of its units' slots, from which the Markdown edition is written.
type Markdown struct {
	Options
}

// mdParser parses blocks only: units keep their inline Markdown as source
// text, so inline parsing would be wasted work. Tables are GitHub's.
var mdParser = parser.NewParser(
	parser.WithBlockParsers(append(parser.DefaultBlockParsers(),
		util.Prioritized(extension.NewFootnoteBlockParser(), 999))...),
	parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
		util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
)

// mdSlot is where a unit's text is in the source: bytes start to end of
// the file, written back in the syntax of piece.
type mdSlot struct {
	start, end int
	piece      Piece
}

// mdCtx is where in the document's containers a block is.
type mdCtx struct {
	quote    bool   // the innermost container is a block quote
	epigraph bool   // the quote is the epigraph
	depth    int    // list nesting
	ordered  bool   // the innermost list is numbered
	note     string // label of the note the block is in, after its first paragraph
	item     bool   // the block is the first of a list item
}

// top reports whether a block is outside every container.
func (c mdCtx) top() bool { return !c.quote && c.depth == 0 && c.note == "" }

type mdReader struct {
	path      string
	opts      Options
	src       []byte // the piece being read
	base      int    // offset of src in the body
	bodyOff   int    // offset of the body (after the front matter) in the file
	file      []byte // the whole source
	whole     []byte // the whole source after its front matter
	lineStart []int  // byte offset of each line start of the body
	lineBase  int    // lines taken by front matter
	doc       *Document
	body      bool // a body unit (not title, date or epigraph) was seen

	blocks     []Block  // the body's blocks
	noteBlocks []Block  // the notes' blocks
	slots      []mdSlot // the units' places in the source
	pc         parser.Context
}

// Read implements Reader.
func (m Markdown) Read(p string, src []byte) (*Document, error) {
	return readMarkdown(p, src, m.Options, runtime.GOMAXPROCS(0))
}

// readMarkdown reads src, parsing it in up to pieces pieces at once.
func readMarkdown(p string, src []byte, opts Options, pieces int) (*Document, error) {
	src, err := cleanSource(p, src)
	if err != nil {
		return nil, err
	}
	r := &mdReader{path: p, opts: opts, file: src, doc: &Document{Path: p, Name: DocName(p)}}
	body, err := r.frontMatter(src)
	if err != nil {
		return nil, err
	}
	if n, msg := overLimit(body); n > 0 {
		return nil, errorf(p, r.lineBase+n, "%s", msg)
	}
	r.bodyOff = len(src) - len(body)
	r.whole = body
	r.lineStart = append(r.lineStart, 0)
	for i, c := range body {
		if c == '\n' {
			r.lineStart = append(r.lineStart, i+1)
		}
	}
	// A long article is parsed and read in pieces, in parallel, cut before
	// headings where no block can span the cut. Every piece after the first
	// is read as body text: what makes a title, a date or an epigraph only
	// happens before the body starts, which is well inside the first piece
	// (checked below).
	cuts := mdCuts(body, pieces)
	type piece struct {
		r    *mdReader
		root ast.Node
		err  error
	}
	ps := make([]piece, len(cuts))
	var wg sync.WaitGroup
	for i := range cuts {
		pr := r
		if i > 0 {
			pr = &mdReader{path: p, opts: opts, bodyOff: r.bodyOff, whole: body, lineStart: r.lineStart, lineBase: r.lineBase, doc: &Document{}, body: true}
		}
		pr.src, pr.base = body[cuts[i]:mdEnd(cuts, i, len(body))], cuts[i]
		ps[i].r = pr
		wg.Go(func() {
			pr.pc = parser.NewContext()
			ps[i].root = mdParser.Parse(text.NewReader(pr.src), parser.WithContext(pr.pc))
			ps[i].err = pr.read(ps[i].root)
		})
	}
	wg.Wait()
	if err := ps[0].err; err != nil {
		return nil, err
	}
	refs := map[string]parser.Reference{}
	addRefs := func(pc parser.Context) {
		for _, ref := range pc.References() {
			// The first definition of a label wins, as in CommonMark.
			if _, ok := refs[util.ToLinkReference(ref.Label())]; !ok {
				refs[util.ToLinkReference(ref.Label())] = ref
			}
		}
	}
	addRefs(r.pc)
	for i := 1; i < len(ps); i++ {
		pr := ps[i].r
		addRefs(pr.pc)
		if !r.body {
			// The body had not started by the end of the first piece:
			// read on in order, as one piece would be.
			r.src, r.base = pr.src, pr.base
			if err := r.read(ps[i].root); err != nil {
				return nil, err
			}
			continue
		}
		if ps[i].err != nil {
			return nil, ps[i].err
		}
		r.merge(pr)
	}
	r.finish()
	if err := r.inlineFixes(refs); err != nil {
		return nil, err
	}
	if err := r.checkRefs(); err != nil {
		return nil, err
	}
	return r.doc, nil
}

// merge appends what the reader of a later piece read.
func (r *mdReader) merge(pr *mdReader) {
	off := len(r.doc.Units)
	r.doc.Units = append(r.doc.Units, pr.doc.Units...)
	shift := func(bs []Block) []Block {
		for i := range bs {
			bs[i].Unit += off
			if t := bs[i].Table; t != nil {
				for _, row := range t.Rows {
					for j := range row {
						if row[j].Unit >= 0 {
							row[j].Unit += off
						}
					}
				}
			}
		}
		return bs
	}
	r.blocks = append(r.blocks, shift(pr.blocks)...)
	r.noteBlocks = append(r.noteBlocks, shift(pr.noteBlocks)...)
	for _, s := range pr.slots {
		s.piece.Unit += off
		r.slots = append(r.slots, s)
	}
	r.doc.Warnings = append(r.doc.Warnings, pr.doc.Warnings...)
}

// finish puts the notes last, in the order they are defined, wherever the
// source defines them (that is where an edition prints them), and makes
// the layout.
func (r *mdReader) finish() {
	units := r.doc.Units
	order := make([]int, len(units)) // new position → old index
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(boolInt(inNotes(&units[a])), boolInt(inNotes(&units[b])))
	})
	at := make([]int, len(units)) // old index → new position
	sorted := make([]Unit, len(units))
	for i, old := range order {
		at[old] = i
		sorted[i] = units[old]
	}
	r.doc.Units = sorted
	remap := func(bs []Block) {
		for i := range bs {
			if bs[i].Kind == UnitBlock {
				bs[i].Unit = at[bs[i].Unit]
			}
			if t := bs[i].Table; t != nil {
				for _, row := range t.Rows {
					for j := range row {
						if row[j].Unit >= 0 {
							row[j].Unit = at[row[j].Unit]
						}
					}
				}
			}
		}
	}
	remap(r.blocks)
	remap(r.noteBlocks)
	for i := range r.slots {
		r.slots[i].piece.Unit = at[r.slots[i].piece.Unit]
	}
	r.doc.Layout = &Layout{Blocks: append(r.blocks, r.noteBlocks...), Template: r.template()}
}

// template cuts the source into what passes through and the slots.
func (r *mdReader) template() []Piece {
	src := r.file
	slices.SortFunc(r.slots, func(a, b mdSlot) int { return cmp.Compare(a.start, b.start) })
	var out []Piece
	last := 0
	for _, s := range r.slots {
		if s.start < last {
			continue // never: slots do not overlap
		}
		if s.start > last {
			out = append(out, Piece{Syntax: Verbatim, Text: string(src[last:s.start]), Unit: -1})
		}
		out = append(out, s.piece)
		last = s.end
	}
	if last < len(src) {
		out = append(out, Piece{Syntax: Verbatim, Text: string(src[last:]), Unit: -1})
	}
	return out
}

func inNotes(u *Unit) bool { return u.Kind == Note || u.InNote != "" }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// unit adds a unit read from the piece's bytes start to end, and its
// block; it returns the unit's index.
func (r *mdReader) unit(u Unit, c mdCtx, start, end int, syntax Syntax) int {
	i := len(r.doc.Units)
	u.InNote = c.note
	r.doc.Units = append(r.doc.Units, u)
	r.addSlot(i, start, end, syntax)
	r.addBlock(Block{Kind: UnitBlock, Unit: i}, c)
	return i
}

// addSlot records that unit i's text is at bytes start to end of the
// piece.
func (r *mdReader) addSlot(i, start, end int, syntax Syntax) {
	if start < 0 {
		return
	}
	abs := r.bodyOff + r.base
	r.slots = append(r.slots, mdSlot{start: abs + start, end: abs + end, piece: Piece{Syntax: syntax, Unit: i, Prefix: r.prefix(start)}})
}

// addBlock adds a block where c says it is.
func (r *mdReader) addBlock(b Block, c mdCtx) {
	b.Depth = c.depth
	if c.depth > 0 {
		b.Ordered = c.ordered
	}
	if c.note != "" {
		r.noteBlocks = append(r.noteBlocks, b)
		return
	}
	r.blocks = append(r.blocks, b)
}

// prefix returns what starts the lines after the first of a slot that
// starts at byte off of the piece: the bytes before it on its line, with
// list markers and other text made spaces, so that the lines go on in the
// same lists and quotes.
func (r *mdReader) prefix(off int) string {
	start := bytes.LastIndexByte(r.src[:off], '\n') + 1
	b := []byte(string(r.src[start:off]))
	for i, c := range b {
		if c != '>' && c != ' ' && c != '\t' {
			b[i] = ' '
		}
	}
	return string(b)
}

// span returns the bytes of the piece that block n's lines cover, white
// space at both ends left out.
func (r *mdReader) span(n ast.Node) (start, end int) {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return -1, -1
	}
	start, end = lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		end = h.ClosureLine.Stop
	}
	return r.trim(start, end)
}

// trim narrows bytes start to end of the piece to what is not white
// space.
func (r *mdReader) trim(start, end int) (int, int) {
	end = min(end, len(r.src))
	for start < end && (r.src[start] == ' ' || r.src[start] == '\t') {
		start++
	}
	for end > start && strings.IndexByte(" \t\r\n", r.src[end-1]) >= 0 {
		end--
	}
	return start, end
}

// read reads the top-level blocks under root.
func (r *mdReader) read(root ast.Node) error {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := r.block(n, mdCtx{}); err != nil {
			return err
		}
	}
	return nil
}

// line returns the line of the source where block n starts: that of its
// first line of text, or, for blocks that hold none (breaks, empty
// headings, fences, containers), where goldmark opened it.
func (r *mdReader) line(n ast.Node) int {
	off := n.Pos()
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		if _, fenced := n.(*ast.FencedCodeBlock); !fenced {
			off = lines.At(0).Start
		}
	}
	if off < 0 {
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeBlock {
			return r.line(c)
		}
		return r.lineBase + 1
	}
	return r.lineAt(r.base + off)
}

// lineAt returns the line of the source at offset off of the body (the
// source after its front matter).
func (r *mdReader) lineAt(off int) int {
	return r.lineBase + sort.SearchInts(r.lineStart, off+1)
}

func (r *mdReader) text(n ast.Node) string {
	lines := n.Lines()
	size := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Stop - seg.Start + 1
	}
	// Lines are trimmed and joined with one space as they are copied, so
	// that a wrapped ASCII paragraph needs no second pass.
	b := make([]byte, 0, size)
	// In a paragraph or heading, a line that ends in two spaces or a
	// backslash outside a code span ends in a hard line break.
	var hard []bool
	if n.Kind() != ast.KindHTMLBlock {
		hard = r.hardBreaks(lines)
	}
	brk := false
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := bytes.TrimSpace(seg.Value(r.src))
		if len(v) == 0 {
			continue
		}
		if len(b) > 0 {
			if brk {
				b = utf8.AppendRune(b, HardBreak)
			} else {
				b = append(b, ' ')
			}
		}
		brk = hard != nil && hard[i]
		if brk && bytes.HasSuffix(lineText(seg.Value(r.src)), []byte("\\")) {
			v = bytes.TrimRight(v[:len(v)-1], " \t")
		}
		b = append(b, v...)
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		if v := bytes.TrimSpace(h.ClosureLine.Value(r.src)); len(v) > 0 {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, v...)
		}
	}
	s := string(b)
	if ascii(s) && isCollapsed(s) {
		return s
	}
	return Normalize(s)
}

// lineText returns a line without its line ending.
func lineText(v []byte) []byte {
	return bytes.TrimSuffix(bytes.TrimSuffix(v, []byte("\n")), []byte("\r"))
}

// hardBreaks returns which of lines end in a hard line break, or nil
// when none may: only a line that ends in two spaces or a backslash may,
// and then goldmark decides, as a code span may hold it.
func (r *mdReader) hardBreaks(lines *text.Segments) []bool {
	may := false
	for i := 0; i+1 < lines.Len(); i++ {
		seg := lines.At(i)
		raw := lineText(seg.Value(r.src))
		if bytes.HasSuffix(raw, []byte("  ")) || bytes.HasSuffix(raw, []byte("\\")) {
			may = true
			break
		}
	}
	if !may {
		return nil
	}
	var src []byte
	ends := make([]int, lines.Len()) // where each line ends in src
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := lineText(seg.Value(r.src))
		if i == 0 {
			v = bytes.TrimLeft(v, " \t")
		}
		src = append(src, v...)
		ends[i] = len(src)
		src = append(src, '\n')
	}
	hard := make([]bool, lines.Len())
	doc := fixParser.Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && t.HardLineBreak() {
			// The line whose end the text reaches.
			i := sort.SearchInts(ends, t.Segment.Stop)
			if i < len(hard) {
				hard[i] = true
			}
		}
		return ast.WalkContinue, nil
	})
	return hard
}

func (r *mdReader) has(k Kind) bool {
	for _, u := range r.doc.Units {
		if u.Kind == k {
			return true
		}
	}
	return false
}

// lastKind returns the kind of the last unit read, or "".
func (r *mdReader) lastKind() Kind {
	if n := len(r.doc.Units); n > 0 {
		return r.doc.Units[n-1].Kind
	}
	return ""
}

func (r *mdReader) block(n ast.Node, c mdCtx) error {
	switch n := n.(type) {
	case *ast.Heading:
		t := r.text(n)
		if t == "" {
			// It would be a unit with nothing to translate, untranslated
			// for ever.
			return errorf(r.path, r.line(n), "empty heading; give it its text or delete the line")
		}
		start, end := r.span(n)
		if n.Level == 1 && c.top() && !r.body && !r.has(Title) {
			r.unit(Unit{Kind: Title, Text: t, Line: r.line(n)}, c, start, end, InlineSlot)
			return nil
		}
		r.body = true
		r.unit(Unit{Kind: Heading, Text: t, Line: r.line(n), Level: n.Level}, c, start, end, InlineSlot)
	case *ast.Paragraph, *ast.TextBlock:
		return r.paragraph(n, c)
	case *ast.Blockquote:
		qc := c
		qc.quote, qc.item = true, false
		if !r.body && c.top() {
			qc.epigraph = true
		}
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if err := r.quoted(ch, qc, ch == n.FirstChild()); err != nil {
				return err
			}
		}
	case *ast.List:
		r.body = true
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			ic := c
			ic.depth++
			ic.ordered = n.IsOrdered()
			ic.quote, ic.epigraph = false, false
			for ch := item.FirstChild(); ch != nil; ch = ch.NextSibling() {
				ic.item = ch == item.FirstChild()
				if err := r.block(ch, ic); err != nil {
					return err
				}
			}
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		r.body = true
		return r.code(n, c)
	case *ast.HTMLBlock:
		return r.htmlBlock(n, c)
	case *ast.ThematicBreak:
		r.addBlock(Block{Kind: BreakBlock}, c)
	case *extast.Table:
		r.body = true
		return r.table(n, c)
	case *extast.FootnoteList:
		for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
			if err := r.block(fn, c); err != nil {
				return err
			}
		}
	case *extast.Footnote:
		return r.footnote(n, c)
	case *ast.LinkReferenceDefinition:
		// No text to translate.
	default:
		// No other block reaches here; should one, its blocks are read and
		// the rest passes through.
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch.Type() == ast.TypeBlock {
				if err := r.block(ch, c); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// quoted reads a block inside a block quote: a paragraph after the first
// may be the quote's attribution.
func (r *mdReader) quoted(n ast.Node, c mdCtx, first bool) error {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
	default:
		return r.block(n, c)
	}
	t := r.text(n)
	if t == "" {
		return nil
	}
	start, end := r.span(n)
	if who, ok := attribution(t); ok && !first {
		r.unit(Unit{Kind: Attribution, Text: who, Line: r.line(n)}, c, start+attributionSkip(r.src[start:end]), end, InlineSlot)
		return nil
	}
	if onlyTemplateTags(t) {
		return nil
	}
	kind := Quote
	if c.epigraph && !r.body {
		kind = Epigraph
	}
	r.unit(Unit{Kind: kind, Text: t, Line: r.line(n)}, c, start, end, InlineSlot)
	return nil
}

// paragraph reads a paragraph (or the text of a tight list item).
func (r *mdReader) paragraph(n ast.Node, c mdCtx) error {
	t := r.text(n)
	if t == "" {
		// No-break spaces alone, a spacer: as in plain text, a blank.
		return nil
	}
	start, end := r.span(n)
	if onlyTemplateTags(t) || t[0] == '<' && t[len(t)-1] == '>' && !htmlHasText(t) {
		// A shortcode or include on its own, or tags without text:
		// nothing to translate, and the template passes it through.
		return nil
	}
	if c.top() {
		if !r.body && r.has(Title) && !r.has(Date) {
			if iso, ok := ParseDate(t); ok {
				r.doc.Date = iso
				r.unit(Unit{Kind: Date, Text: iso, Line: r.line(n)}, c, start, end, DateSlot)
				r.slots[len(r.slots)-1].piece.Text = string(r.src[start:end])
				return nil
			}
		}
		if k := r.lastKind(); k == Epigraph || k == Quote {
			if who, ok := attribution(t); ok {
				r.unit(Unit{Kind: Attribution, Text: who, Line: r.line(n)}, c, start+attributionSkip(r.src[start:end]), end, InlineSlot)
				return nil
			}
		}
	}
	r.body = true
	kind := Paragraph
	var task int
	switch {
	case c.depth > 0:
		kind = Item
		if c.item {
			if t2, skip, done, ok := taskMarker(t); ok {
				t, task = t2, 1+boolInt(done)
				start += skip
			} else if taskBox(t) && !taskBox(string(r.src[start:end])) {
				// "[  ]" is no task box, but "[ ]", as collapsing its
				// white space makes it, would be one.
				t = `\` + t
			}
		}
	case c.quote:
		kind = Quote
	}
	r.unit(Unit{Kind: kind, Text: t, Line: r.line(n)}, c, start, end, InlineSlot)
	if task > 0 {
		bs := &r.blocks
		if c.note != "" {
			bs = &r.noteBlocks
		}
		(*bs)[len(*bs)-1].Task = task
	}
	return nil
}

// taskMarker reads the "[ ] " or "[x] " that starts a task list item, and
// returns the text after it.
func taskMarker(t string) (rest string, skip int, done, ok bool) {
	if len(t) < 4 || t[0] != '[' || t[2] != ']' || t[3] != ' ' {
		return t, 0, false, false
	}
	switch t[1] {
	case ' ':
	case 'x', 'X':
		done = true
	default:
		return t, 0, false, false
	}
	rest = strings.TrimLeft(t[4:], " ")
	if rest == "" {
		return t, 0, false, false
	}
	return rest, len(t) - len(rest), done, true
}

// attributionSkip returns the length of the dash and spaces that start an
// attribution's source.
func attributionSkip(src []byte) int {
	for _, dash := range []string{"--", "—", "―", "–"} {
		if rest, ok := bytes.CutPrefix(src, []byte(dash)); ok {
			return len(src) - len(bytes.TrimLeft(rest, " \t\r\n"))
		}
	}
	return 0
}

// code reads a code block: a Code unit when code is translatable, else a
// block that passes through.
func (r *mdReader) code(n ast.Node, c mdCtx) error {
	lines := n.Lines()
	var b strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	code := strings.TrimRight(b.String(), "\n")
	info := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		info = string(f.Info.Segment.Value(r.src))
		info, _, _ = strings.Cut(info, " ")
	}
	if r.opts.TranslateCode && strings.TrimSpace(code) != "" {
		start := lines.At(0).Start
		end := lines.At(lines.Len() - 1).Stop
		for end > start && (r.src[end-1] == '\n' || r.src[end-1] == '\r') {
			end--
		}
		r.unit(Unit{Kind: Code, Text: strings.ReplaceAll(code, "\r\n", "\n"), Line: r.line(n)}, c, start, end, CodeSlot)
		return nil
	}
	r.addBlock(Block{Kind: CodeBlock, Text: code, Info: info}, c)
	return nil
}

// htmlBlock reads an HTML block: a unit when it holds text to translate,
// else HTML that passes through (a comment, a script, a tag alone).
func (r *mdReader) htmlBlock(n *ast.HTMLBlock, c mdCtx) error {
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		return nil // a comment
	}
	t := r.text(n)
	start, end := r.span(n)
	if t == "" || start < 0 {
		return nil
	}
	if n.HTMLBlockType == ast.HTMLBlockType6 || n.HTMLBlockType == ast.HTMLBlockType7 {
		if htmlHasText(t) {
			r.body = true
			r.unit(Unit{Kind: HTML, Text: t, Line: r.line(n)}, c, start, end, HTMLSlot)
			return nil
		}
	}
	r.addBlock(Block{Kind: RawBlock, Text: string(r.src[start:end])}, c)
	return nil
}

// table reads a table: each cell with text is a unit.
func (r *mdReader) table(n *extast.Table, c mdCtx) error {
	t := &Table{}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, [...]Align{extast.AlignLeft: AlignLeft, extast.AlignRight: AlignRight, extast.AlignCenter: AlignCenter, extast.AlignNone: AlignNone}[a])
	}
	r.addBlock(Block{Kind: TableBlock, Table: t}, c)
	cc := c
	cc.depth = 0 // the cells' own blocks are the table's
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []TableCell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			tc := TableCell{Unit: -1}
			if cell.Lines().Len() > 0 {
				if text := r.text(cell); text != "" {
					start, end := r.span(cell)
					tc.Unit = len(r.doc.Units)
					r.doc.Units = append(r.doc.Units, Unit{Kind: Cell, Text: text, Line: r.line(cell), InNote: c.note})
					r.addSlot(tc.Unit, start, end, CellSlot)
				}
			}
			cells = append(cells, tc)
		}
		for len(cells) < len(t.Align) {
			cells = append(cells, TableCell{Unit: -1})
		}
		t.Rows = append(t.Rows, cells[:len(t.Align)])
	}
	return nil
}

// footnote reads a note: its first paragraph is the note's unit, and
// what follows it in the note is read as units in the note.
func (r *mdReader) footnote(fn *extast.Footnote, c mdCtx) error {
	label := string(fn.Ref)
	if !validLabel(label) {
		return errorf(r.path, r.line(fn), "note label [^%s] holds a space, a bracket or a caret; use letters, digits and dashes", label)
	}
	first := fn.FirstChild()
	switch first.(type) {
	case *ast.Paragraph, *ast.TextBlock:
	default:
		if first == nil {
			return errorf(r.path, r.line(fn), "note [^%s] is empty; give it its text or remove it", label)
		}
		return errorf(r.path, r.line(first), "note [^%s] starts with %s, not text; start it with a sentence", label, kindName(first))
	}
	t := r.text(first)
	if t == "" {
		return errorf(r.path, r.line(fn), "note [^%s] is empty; give it its text or remove it", label)
	}
	_, end := r.span(first)
	start := fn.Pos()
	if start < 0 || start >= len(r.src) || r.src[start] != '[' {
		start = bytes.LastIndex(r.src[:end], []byte("[^"+label+"]:"))
	}
	i := len(r.doc.Units)
	r.doc.Units = append(r.doc.Units, Unit{Kind: Note, Text: t, Line: r.line(fn), Label: label})
	r.addSlot(i, start, end, NoteSlot)
	r.noteBlocks = append(r.noteBlocks, Block{Kind: UnitBlock, Unit: i})
	nc := mdCtx{note: label}
	for ch := first.NextSibling(); ch != nil; ch = ch.NextSibling() {
		if err := r.block(ch, nc); err != nil {
			return err
		}
	}
	return nil
}

// kindName names a block for an author: "a code block".
func kindName(n ast.Node) string {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return "a code block"
	case *ast.List:
		return "a list"
	case *ast.Blockquote:
		return "a block quote"
	case *ast.HTMLBlock:
		return "HTML"
	case *extast.Table:
		return "a table"
	case *ast.Heading:
		return "a heading"
	}
	return "a " + strings.ToLower(n.Kind().String())
}

// mdCutSize is the least size of a piece worth parsing on its own.
const mdCutSize = 256 << 10

// mdCuts returns where to cut src into at most n pieces of about equal
// size, as the offsets the pieces start at (the first is 0). A cut goes
// before an ATX heading at the start of a line after a blank line,
// outside fenced code and HTML blocks that blank lines do not end
// (<pre>, <script>, <style>, <textarea>, comments, <?…?>, <!…>, CDATA):
// no CommonMark block goes on across such a line, so the pieces parse as
// the whole would.
func mdCuts(src []byte, n int) []int {
	cuts := []int{0}
	if n < 2 || len(src) < 2*mdCutSize {
		return cuts
	}
	n = min(n, len(src)/mdCutSize)
	want := len(src) / n
	fence := ""
	htmlEnd := ""
	blank := true
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off + 1
		}
		line := src[off:end]
		trimmed := bytes.TrimLeft(line, " ")
		switch {
		case htmlEnd != "":
			if bytes.Contains(bytes.ToLower(line), []byte(htmlEnd)) {
				htmlEnd = ""
			}
		case fence != "":
			if bytes.HasPrefix(trimmed, []byte(fence)) {
				fence = ""
			}
		case len(line)-len(trimmed) < 4 && (bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~"))):
			fence = string(trimmed[:3])
		case len(line)-len(trimmed) < 4 && htmlOpens(trimmed) != "":
			htmlEnd = htmlOpens(trimmed)
			if bytes.Contains(bytes.ToLower(trimmed[1:]), []byte(htmlEnd)) {
				htmlEnd = ""
			}
		case blank && line[0] == '#' && off-cuts[len(cuts)-1] >= want && len(cuts) < n:
			cuts = append(cuts, off)
		}
		blank = len(bytes.TrimSpace(line)) == 0
		off = end
	}
	return cuts
}

// htmlOpens returns what ends the HTML block line starts, for the kinds
// of HTML block that blank lines do not end, or "".
func htmlOpens(line []byte) string {
	if len(line) < 2 || line[0] != '<' {
		return ""
	}
	l := bytes.ToLower(line)
	for _, tag := range []string{"pre", "script", "style", "textarea"} {
		if bytes.HasPrefix(l[1:], []byte(tag)) {
			rest := l[1+len(tag):]
			if len(rest) == 0 || rest[0] == '>' || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' {
				return "</" + tag + ">"
			}
		}
	}
	switch {
	case bytes.HasPrefix(l, []byte("<!--")):
		return "-->"
	case bytes.HasPrefix(l, []byte("<?")):
		return "?>"
	case bytes.HasPrefix(l, []byte("<![cdata[")):
		return "]]>"
	case len(l) > 2 && l[1] == '!' && l[2] >= 'a' && l[2] <= 'z':
		return ">"
	}
	return ""
}

func mdEnd(cuts []int, i, size int) int {
	if i+1 < len(cuts) {
		return cuts[i+1]
	}
	return size
}

// checkRefs makes sure every note reference has its note, and each note
// label is defined once.
func (r *mdReader) checkRefs() error {
	defined := map[string]int{}
	for _, u := range r.doc.Units {
		if u.Kind != Note {
			continue
		}
		if line, dup := defined[u.Label]; dup {
			return errorf(r.path, u.Line, "note [^%s] is defined twice (first at line %d); give each note its own label", u.Label, line)
		}
		defined[u.Label] = u.Line
	}
	for _, u := range r.doc.Units {
		if u.Kind == Note || u.Kind == HTML || u.Kind == Code || u.Kind == Field {
			continue
		}
		for _, ref := range Refs(u.Text) {
			if _, ok := defined[ref.Label]; !ok {
				return errorf(r.path, r.refLine(&u, ref.Label), "note reference [^%s] has no note; add a line \"[^%s]: …\"", ref.Label, ref.Label)
			}
		}
	}
	return nil
}

// refLine returns the line of the reference [^label] of unit u, which
// may be on any line of it.
func (r *mdReader) refLine(u *Unit, label string) int {
	i := u.Line - r.lineBase - 1
	if i < 0 || i >= len(r.lineStart) {
		// A title of the front matter.
		return u.Line
	}
	off := r.lineStart[i]
	if k := bytes.Index(r.whole[off:], []byte("[^"+label+"]")); k >= 0 {
		return r.lineAt(off + k)
	}
	return u.Line
}
