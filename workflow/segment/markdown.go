package segment

import (
	"bytes"
	"cmp"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	yaml "go.yaml.in/yaml/v3"
)

// Markdown reads CommonMark articles with footnotes ([^n] and [^n]: …).
// Optional YAML front matter may give the title and date. A first level-1
// heading is the title; a date alone in the paragraph after it is the date; a
// block quote before the body is the epigraph, and a line in or after it that
// starts with a dash ("— Name") its attribution. Headings, paragraphs, block
// quotes, list items and footnotes each become a unit; a unit's text keeps its
// inline Markdown as written.
type Markdown struct{}

// mdParser parses blocks only: units keep their inline Markdown as source
// text, so inline parsing would be wasted work.
var mdParser = parser.NewParser(
	parser.WithBlockParsers(append(parser.DefaultBlockParsers(),
		util.Prioritized(extension.NewFootnoteBlockParser(), 999))...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

type mdReader struct {
	path      string
	src       []byte // the piece being read
	base      int    // offset of src in the whole source
	whole     []byte // the whole source after its front matter
	lineStart []int  // byte offset of each line start
	lineBase  int    // lines taken by front matter
	doc       *Document
	body      bool // a body unit (not title, date or epigraph) was seen
}

// Read implements Reader.
func (Markdown) Read(p string, src []byte) (*Document, error) {
	return readMarkdown(p, src, runtime.GOMAXPROCS(0))
}

// readMarkdown reads src, parsing it in up to pieces pieces at once.
func readMarkdown(p string, src []byte, pieces int) (*Document, error) {
	src, err := cleanSource(p, src)
	if err != nil {
		return nil, err
	}
	r := &mdReader{path: p, doc: &Document{Path: p, Name: DocName(p)}}
	src, err = r.frontMatter(src)
	if err != nil {
		return nil, err
	}
	if n, msg := overLimit(src); n > 0 {
		return nil, errorf(p, r.lineBase+n, "%s", msg)
	}
	r.whole = src
	r.lineStart = append(r.lineStart, 0)
	for i, c := range src {
		if c == '\n' {
			r.lineStart = append(r.lineStart, i+1)
		}
	}
	// A long article is parsed and read in pieces, in parallel, cut before
	// headings where no block can span the cut. Every piece after the first
	// is read as body text: what makes a title, a date or an epigraph only
	// happens before the body starts, which is well inside the first piece
	// (checked below).
	cuts := mdCuts(src, pieces)
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
			pr = &mdReader{path: p, lineStart: r.lineStart, lineBase: r.lineBase, doc: &Document{}, body: true}
		}
		pr.src, pr.base = src[cuts[i]:mdEnd(cuts, i, len(src))], cuts[i]
		ps[i].r = pr
		wg.Go(func() {
			ps[i].root = mdParser.Parse(text.NewReader(pr.src))
			ps[i].err = pr.blocks(ps[i].root)
		})
	}
	wg.Wait()
	if err := ps[0].err; err != nil {
		return nil, err
	}
	for i := 1; i < len(ps); i++ {
		if !r.body {
			// The body had not started by the end of the first piece:
			// read on in order, as one piece would be.
			r.src, r.base = ps[i].r.src, ps[i].r.base
			if err := r.blocks(ps[i].root); err != nil {
				return nil, err
			}
			continue
		}
		if ps[i].err != nil {
			return nil, ps[i].err
		}
		r.doc.Units = append(r.doc.Units, ps[i].r.doc.Units...)
	}
	// Notes go last, in the order they are defined, wherever the source
	// defines them: that is where an edition prints them.
	slices.SortStableFunc(r.doc.Units, func(a, b Unit) int {
		return cmp.Compare(boolInt(a.Kind == Note), boolInt(b.Kind == Note))
	})
	if err := r.checkRefs(); err != nil {
		return nil, err
	}
	return r.doc, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// frontMatter reads an optional YAML front matter block and returns the
// rest of src.
func (r *mdReader) frontMatter(src []byte) ([]byte, error) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return src, nil
	}
	body := src[bytes.IndexByte(src, '\n')+1:]
	end := -1
	for off := 0; off < len(body); {
		line := body[off:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		if t := bytes.TrimRight(line, "\r\n"); string(t) == "---" || string(t) == "..." {
			end = off
			break
		}
		off += len(line)
	}
	if end < 0 {
		return nil, errorf(r.path, 1, "front matter opened with --- is never closed; end it with a line holding only ---")
	}
	// The YAML starts on line 2: its line n is line n+1 of the file, as
	// long as no line ends with a carriage return alone, which YAML counts
	// and CommonMark does not. last is the line of the closing ---.
	last := bytes.Count(body[:end], []byte("\n")) + 2
	var node yaml.Node
	if err := yaml.Unmarshal(body[:end], &node); err != nil {
		return nil, r.yamlError(err, last)
	}
	var meta struct {
		Title string `yaml:"title"`
		Date  string `yaml:"date"`
	}
	if err := node.Decode(&meta); err != nil {
		return nil, r.yamlError(err, last)
	}
	titleLine, dateLine := 2, 2
	if len(node.Content) > 0 && node.Content[0].Kind == yaml.MappingNode {
		m := node.Content[0].Content
		for i := 0; i+1 < len(m); i += 2 {
			switch m[i].Value {
			case "title":
				titleLine = min(m[i].Line+1, last)
			case "date":
				dateLine = min(m[i].Line+1, last)
			}
		}
	}
	// YAML escapes ("\e", "\x1b") make control characters the bytes of
	// the source did not hold.
	for _, f := range []struct {
		key, value string
		line       int
	}{{"title", meta.Title, titleLine}, {"date", meta.Date, dateLine}} {
		if c, ok := controlIn(f.value); ok {
			return nil, errorf(r.path, f.line, "front matter: %s holds control character %U; delete it", f.key, c)
		}
	}
	rest := body[end:]
	rest = rest[bytes.IndexByte(rest, '\n')+1:]
	r.lineBase = bytes.Count(src[:len(src)-len(rest)], []byte("\n"))
	if t := Normalize(meta.Title); t != "" {
		r.add(Unit{Kind: Title, Text: t, Line: titleLine})
	}
	if meta.Date != "" {
		iso, ok := ParseDate(meta.Date)
		if !ok {
			return nil, errorf(r.path, dateLine, "front matter: date %q is not a date; write it as 2018-05-23", meta.Date)
		}
		r.doc.Date = iso
		r.add(Unit{Kind: Date, Text: iso, Line: dateLine})
	}
	return rest, nil
}

// yamlAt reads the line a message of the YAML decoder starts with, and
// yamlLine finds the lines it names after that.
var (
	yamlAt   = regexp.MustCompile(`^line (\d+): `)
	yamlLine = regexp.MustCompile(`line (\d+)`)
)

// yamlParserProblems start the messages of the YAML decoder whose line
// numbers count from 0 (its parser's); the others (its scanner's, and type
// errors) count from 1.
var yamlParserProblems = []string{
	"did not find expected <", "did not find expected node content", "did not find expected key",
	"did not find expected '-' indicator", "did not find expected ',' or", "found undefined tag handle",
	"found duplicate %", "found incompatible YAML document",
}

// yamlError reports an error of the YAML decoder in the front matter at
// its line of the file, at most last.
func (r *mdReader) yamlError(err error, last int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg, _, _ = strings.Cut(strings.TrimSpace(msg), "\n")
	line := 1
	shift := 1 // the YAML starts on line 2
	if m := yamlAt.FindStringSubmatch(msg); m != nil {
		rest := msg[len(m[0]):]
		for _, p := range yamlParserProblems {
			if strings.HasPrefix(rest, p) {
				shift = 2
			}
		}
		n, _ := strconv.Atoi(m[1])
		line = min(n+shift, last)
		// What is left may name other lines of the YAML, as in "already
		// defined at line 2".
		msg = yamlLine.ReplaceAllStringFunc(rest, func(s string) string {
			n, _ := strconv.Atoi(s[len("line "):])
			return "line " + strconv.Itoa(n+shift)
		})
	}
	return errorf(r.path, line, "front matter: %s; fix the YAML between the --- lines", msg)
}

func (r *mdReader) add(u Unit) { r.doc.Units = append(r.doc.Units, u) }

// blocks reads the top-level blocks under root.
func (r *mdReader) blocks(root ast.Node) error {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := r.block(n); err != nil {
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
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := bytes.TrimSpace(seg.Value(r.src))
		if len(v) == 0 {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, v...)
	}
	s := string(b)
	if ascii(s) && isCollapsed(s) {
		return s
	}
	return Normalize(s)
}

func (r *mdReader) has(k Kind) bool {
	for _, u := range r.doc.Units {
		if u.Kind == k {
			return true
		}
	}
	return false
}

func (r *mdReader) block(n ast.Node) error {
	switch n := n.(type) {
	case *ast.Heading:
		t := r.text(n)
		if t == "" {
			// It would be a unit with nothing to translate, untranslated
			// for ever.
			return errorf(r.path, r.line(n), "empty heading; give it its text or delete the line")
		}
		if n.Level == 1 && !r.body && !r.has(Title) {
			r.add(Unit{Kind: Title, Text: t, Line: r.line(n)})
			return nil
		}
		r.body = true
		r.add(Unit{Kind: Heading, Text: t, Line: r.line(n), Level: n.Level})
	case *ast.Paragraph, *ast.TextBlock:
		t := r.text(n)
		if t == "" {
			// No-break spaces alone, a spacer: as in plain text, a blank.
			return nil
		}
		if !r.body && r.has(Title) && !r.has(Date) {
			if iso, ok := ParseDate(t); ok {
				r.doc.Date = iso
				r.add(Unit{Kind: Date, Text: iso, Line: r.line(n)})
				return nil
			}
		}
		if last := len(r.doc.Units) - 1; last >= 0 && (r.doc.Units[last].Kind == Epigraph || r.doc.Units[last].Kind == Quote) {
			if who, ok := attribution(t); ok {
				r.add(Unit{Kind: Attribution, Text: who, Line: r.line(n)})
				return nil
			}
		}
		r.body = true
		r.add(Unit{Kind: Paragraph, Text: t, Line: r.line(n)})
	case *ast.Blockquote:
		kind := Quote
		if !r.body {
			kind = Epigraph
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*ast.Paragraph); !ok {
				return errorf(r.path, r.line(c), "unsupported Markdown inside a block quote (%s); quotes hold paragraphs only", c.Kind())
			}
			t := r.text(c)
			if t == "" {
				continue
			}
			if who, ok := attribution(t); ok && c != n.FirstChild() {
				r.add(Unit{Kind: Attribution, Text: who, Line: r.line(c)})
				continue
			}
			r.add(Unit{Kind: kind, Text: t, Line: r.line(c)})
		}
	case *ast.List:
		r.body = true
		return r.list(n)
	case *extast.FootnoteList:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			fn := c.(*extast.Footnote)
			var parts []string
			for p := fn.FirstChild(); p != nil; p = p.NextSibling() {
				switch p.(type) {
				case *ast.Paragraph, *ast.TextBlock:
					parts = append(parts, r.text(p))
				default:
					return errorf(r.path, r.line(p), "unsupported Markdown inside note [^%s] (%s); notes hold text only", fn.Ref, p.Kind())
				}
			}
			label := string(fn.Ref)
			if !validLabel(label) {
				return errorf(r.path, r.line(fn), "note label [^%s] holds a space, a bracket or a caret; use letters, digits and dashes", label)
			}
			t := Normalize(strings.Join(parts, " "))
			if t == "" {
				return errorf(r.path, r.line(fn), "note [^%s] is empty; give it its text or remove it", label)
			}
			r.add(Unit{Kind: Note, Text: t, Line: r.line(fn), Label: label})
		}
	case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
		// No text to translate.
	default:
		return errorf(r.path, r.line(n), "unsupported Markdown block (%s); bitext sources hold headings, paragraphs, quotes, lists and footnotes", n.Kind())
	}
	return nil
}

func (r *mdReader) list(l *ast.List) error {
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				if err := r.list(c); err != nil {
					return err
				}
			case *ast.Paragraph, *ast.TextBlock:
				if t := r.text(c); t != "" {
					r.add(Unit{Kind: Item, Text: t, Line: r.line(c)})
				}
			default:
				return errorf(r.path, r.line(c), "unsupported Markdown inside a list item (%s)", c.Kind())
			}
		}
	}
	return nil
}

// mdCutSize is the least size of a piece worth parsing on its own.
const mdCutSize = 256 << 10

// mdCuts returns where to cut src into at most n pieces of about equal
// size, as the offsets the pieces start at (the first is 0). A cut goes
// before an ATX heading at the start of a line after a blank line, outside
// fenced code: no CommonMark block goes on across such a line, so the
// pieces parse as the whole would.
func mdCuts(src []byte, n int) []int {
	cuts := []int{0}
	if n < 2 || len(src) < 2*mdCutSize {
		return cuts
	}
	n = min(n, len(src)/mdCutSize)
	want := len(src) / n
	fence := ""
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
		case fence != "":
			if bytes.HasPrefix(trimmed, []byte(fence)) {
				fence = ""
			}
		case len(line)-len(trimmed) < 4 && (bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~"))):
			fence = string(trimmed[:3])
		case blank && line[0] == '#' && off-cuts[len(cuts)-1] >= want && len(cuts) < n:
			cuts = append(cuts, off)
		}
		blank = len(bytes.TrimSpace(line)) == 0
		off = end
	}
	return cuts
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
		if u.Kind == Note {
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
