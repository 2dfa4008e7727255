package segment

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Docx reads Word documents (.docx), as Word, LibreOffice, Google Docs
// and pandoc write them, with archive/zip and encoding/xml:
//
//   - paragraphs by style: Title (the title), Heading 1–6 (or any style
//     whose outline level is 1–6, and the localized names of Word's
//     styles: "Überschrift 2", "Título 2", "Titre 2"…), quotations
//     (Quote, Intense Quote, Block Text, Quotations) as quotes, numbered
//     and bulleted lists (nested) as items, code styles (Source Code,
//     HTML Preformatted, Preformatted Text) as code that passes through
//     (units of kind code with Options.TranslateCode), every other
//     paragraph a paragraph; empty paragraphs are skipped;
//   - tables, each cell a unit;
//   - in the text, bold, italic, strikethrough and code (a code character
//     style or a monospaced font) as Markdown, hyperlinks as links, line
//     breaks as hard breaks; runs that Word splits mid-word (spell-check
//     marks, bookmarks, smart tags, fields, revision marks) are joined;
//   - footnotes and endnotes as note units, their references [^n] where
//     they stand, numbered in reading order;
//   - tracked changes as accepted: insertions kept, deletions dropped;
//     comments, field codes, drawings and page breaks left out;
//   - the core properties' title when the body has no Title paragraph
//     (else a first Heading 1 is the title), and their creation date as
//     the article's date when no Date paragraph gives it.
//
// A unit's line is the number of its paragraph in the document (tables'
// paragraphs counted), for a note the paragraph that cites it first.
type Docx struct {
	Options
}

// Limits on what a .docx may hold, against archives that expand to
// gigabytes and XML nested without end.
const (
	maxDocxFiles    = 10_000
	maxDocxPartSize = 64 << 20
	maxDocxDepth    = 256
)

// docx namespaces, by what their attributes are.
const relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// xnode is an element of a part: its local name, attributes, children
// and, for w:t and w:instrText, its text.
type xnode struct {
	name  string
	attrs []xml.Attr
	kids  []*xnode
	text  string
}

// attr returns the value of the attribute with local name name (any
// namespace but the relationships one).
func (n *xnode) attr(name string) string {
	for _, a := range n.attrs {
		if a.Name.Local == name && a.Name.Space != relNS {
			return a.Value
		}
	}
	return ""
}

// relAttr returns the value of r:name.
func (n *xnode) relAttr(name string) string {
	for _, a := range n.attrs {
		if a.Name.Local == name && a.Name.Space == relNS {
			return a.Value
		}
	}
	return ""
}

// child returns the first child named name, or nil.
func (n *xnode) child(name string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// val returns the w:val of the child named name, and whether there is
// such a child.
func (n *xnode) val(name string) (string, bool) {
	c := n.child(name)
	if c == nil {
		return "", false
	}
	return c.attr("val"), true
}

// on reports whether a toggle property (w:b, w:i…) is set: present, and
// not w:val="0" or "false".
func (n *xnode) on(name string) bool {
	v, ok := n.val(name)
	return ok && v != "0" && v != "false" && v != "none"
}

// parseXML reads a part into a tree. The text of elements is kept for
// w:t and w:instrText, or for every element when all is set.
func parseXML(data []byte, all bool) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &xnode{}
	stack := []*xnode{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDocxDepth {
				return nil, fmt.Errorf("elements nested more than %d deep", maxDocxDepth)
			}
			n := &xnode{name: t.Name.Local, attrs: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top := stack[len(stack)-1]
			if all || top.name == "t" || top.name == "instrText" {
				top.text += string(t)
			}
		}
	}
	return root, nil
}

// docxPackage is the parts of a .docx bitext reads.
type docxPackage struct {
	files map[string]*zip.File
}

// part returns the parsed part at name, or nil when the package has none.
func (p *docxPackage) part(name string) (*xnode, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, nil
	}
	if f.UncompressedSize64 > maxDocxPartSize {
		return nil, fmt.Errorf("%s is larger than %d MB", name, maxDocxPartSize>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxDocxPartSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxDocxPartSize {
		return nil, fmt.Errorf("%s is larger than %d MB", name, maxDocxPartSize>>20)
	}
	n, err := parseXML(data, name == "docProps/core.xml")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return n, nil
}

// rels reads the relationships of the part at name: ID to target, and
// the target of the first relationship of type typ ("" for none).
func (p *docxPackage) rels(name, typ string) (map[string]string, string, error) {
	dir, base := path.Split(name)
	root, err := p.part(dir + "_rels/" + base + ".rels")
	if err != nil || root == nil {
		return map[string]string{}, "", err
	}
	out := map[string]string{}
	found := ""
	for _, rs := range root.kids {
		for _, r := range rs.kids {
			if r.name != "Relationship" {
				continue
			}
			out[r.attr("Id")] = r.attr("Target")
			if found == "" && strings.HasSuffix(r.attr("Type"), "/"+typ) {
				found = r.attr("Target")
			}
		}
	}
	return out, found, nil
}

// docxStyle is what bitext needs of a paragraph or character style.
type docxStyle struct {
	name, basedOn string
	outline       int // outline level + 1; 0 for none
	numID, ilvl   string
	hasNum        bool
	b, i, strike  bool
	mono          bool
}

// docxReader holds what one document's reading needs.
type docxReader struct {
	Options
	path    string
	styles  map[string]*docxStyle
	numFmt  map[string]map[string]string // numId → ilvl → numFmt
	links   map[string]string            // relationship ID → URL, of the part being read
	partRel map[string]map[string]string // "f", "e" → the notes part's relationships
	notes   map[string]*xnode            // "f3", "e1" → the note
	labels  map[string]string            // "f3" → "1", in order of reference
	noteAt  map[string]int               // label → line of its first reference
	order   []string                     // note keys in order of reference
	doc     *Document
	blocks  []Block
	para    int // paragraphs read so far
	code    []string
	codeAt  int
	titled  bool // a Title paragraph was read
	pending []*Error
}

// Read implements Reader.
func (r Docx) Read(p string, src []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, errorf(p, 0, "not a Word document (a .docx is a zip archive: %v); save it from Word, LibreOffice or Google Docs as .docx", err)
	}
	if len(zr.File) > maxDocxFiles {
		return nil, errorf(p, 0, "the archive holds %d files, more than the %d a Word document may", len(zr.File), maxDocxFiles)
	}
	pkg := &docxPackage{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		pkg.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	fail := func(err error) (*Document, error) {
		return nil, errorf(p, 0, "cannot read the Word document: %v", err)
	}
	_, main, err := pkg.rels("", "officeDocument")
	if err != nil {
		return fail(err)
	}
	if main == "" {
		main = "word/document.xml"
	}
	main = strings.TrimPrefix(main, "/")
	body, err := pkg.part(main)
	if err != nil {
		return fail(err)
	}
	if body == nil {
		return nil, errorf(p, 0, "not a Word document: it has no %s; save it from Word, LibreOffice or Google Docs as .docx", main)
	}
	dr := &docxReader{Options: r.Options, path: p, doc: &Document{Path: p, Name: DocName(p)},
		notes: map[string]*xnode{}, labels: map[string]string{}, noteAt: map[string]int{}}
	links, _, err := pkg.rels(main, "")
	if err != nil {
		return fail(err)
	}
	dr.links = links
	dir := path.Dir(main) + "/"
	styles, err := pkg.part(dir + "styles.xml")
	if err != nil {
		return fail(err)
	}
	dr.readStyles(styles)
	numbering, err := pkg.part(dir + "numbering.xml")
	if err != nil {
		return fail(err)
	}
	dr.readNumbering(numbering)
	dr.partRel = map[string]map[string]string{}
	for _, kind := range []string{"footnote", "endnote"} {
		part, err := pkg.part(dir + kind + "s.xml")
		if err != nil {
			return fail(err)
		}
		// A note's hyperlinks are relationships of the notes part
		// (word/_rels/footnotes.xml.rels), not of the document.
		if dr.partRel[kind[:1]], _, err = pkg.rels(dir+kind+"s.xml", ""); err != nil {
			return fail(err)
		}
		for _, fs := range part.kidsOrNil() {
			for _, n := range fs.kids {
				if n.name == kind && n.attr("type") == "" || n.name == kind && n.attr("type") == "normal" {
					dr.notes[kind[:1]+n.attr("id")] = n
				}
			}
		}
	}
	core, err := pkg.part("docProps/core.xml")
	if err != nil {
		return fail(err)
	}
	if err := dr.read(body, core); err != nil {
		return nil, err
	}
	return dr.doc, nil
}

func (n *xnode) kidsOrNil() []*xnode {
	if n == nil {
		return nil
	}
	return n.kids
}

// readStyles reads styles.xml.
func (r *docxReader) readStyles(root *xnode) {
	r.styles = map[string]*docxStyle{}
	for _, ss := range root.kidsOrNil() {
		for _, s := range ss.kids {
			if s.name != "style" {
				continue
			}
			st := &docxStyle{}
			st.name, _ = s.val("name")
			st.basedOn, _ = s.val("basedOn")
			if ppr := s.child("pPr"); ppr != nil {
				if v, ok := ppr.val("outlineLvl"); ok {
					if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 9 {
						st.outline = n + 1
					}
				}
				if np := ppr.child("numPr"); np != nil {
					st.hasNum = true
					st.numID, _ = np.val("numId")
					st.ilvl, _ = np.val("ilvl")
				}
			}
			if rpr := s.child("rPr"); rpr != nil {
				st.b, st.i = rpr.on("b"), rpr.on("i")
				st.strike = rpr.on("strike") || rpr.on("dstrike")
				st.mono = monoFont(rpr)
			}
			r.styles[s.attr("styleId")] = st
		}
	}
}

// readNumbering reads numbering.xml: which lists are numbered.
func (r *docxReader) readNumbering(root *xnode) {
	r.numFmt = map[string]map[string]string{}
	abstract := map[string]map[string]string{}
	for _, nb := range root.kidsOrNil() {
		for _, a := range nb.kids {
			if a.name != "abstractNum" {
				continue
			}
			lv := map[string]string{}
			for _, l := range a.kids {
				if l.name == "lvl" {
					lv[l.attr("ilvl")], _ = l.val("numFmt")
				}
			}
			abstract[a.attr("abstractNumId")] = lv
		}
		for _, n := range nb.kids {
			if n.name != "num" {
				continue
			}
			id, _ := n.val("abstractNumId")
			lv := map[string]string{}
			for k, v := range abstract[id] {
				lv[k] = v
			}
			// A level the list redefines (LibreOffice does).
			for _, o := range n.kids {
				if l := o.child("lvl"); o.name == "lvlOverride" && l != nil {
					if f, ok := l.val("numFmt"); ok {
						lv[o.attr("ilvl")] = f
					}
				}
			}
			r.numFmt[n.attr("numId")] = lv
		}
	}
}

// style returns the style with ID id and those it is based on, nearest
// first (at most 16: a loop of basedOn ends there).
func (r *docxReader) style(id string) []*docxStyle {
	var out []*docxStyle
	for len(out) < 16 {
		st, ok := r.styles[id]
		if !ok {
			break
		}
		out = append(out, st)
		id = st.basedOn
	}
	return out
}

// Localized names of Word's heading and title styles: "Überschrift 1",
// "Título 1", "Titre 1"; Word writes the English name in w:name, but a
// style's ID is localized ("berschrift1", "Ttulo1").
var (
	headingNames = []string{"heading", "überschrift", "berschrift", "título", "titulo", "ttulo", "titre", "titolo", "encabezado", "kop", "nagłówek", "nagwek", "заголовок", "rubrik", "otsikko", "overskrift", "cabeçalho", "naslov", "nadpis", "címsor"}
	titleNames   = map[string]bool{"title": true, "titel": true, "título": true, "titulo": true, "ttulo": true, "titre": true, "titolo": true, "tytuł": true, "название": true, "rubrik": true, "otsikko": true}
	quoteNames   = map[string]bool{"quote": true, "intense quote": true, "intensequote": true, "block text": true, "blocktext": true, "quotations": true, "quotation": true, "zitat": true, "citation": true, "cita": true, "citazione": true, "citaat": true, "cytat": true}
	codeNames    = map[string]bool{"source code": true, "sourcecode": true, "html preformatted": true, "htmlpreformatted": true, "preformatted text": true, "preformattedtext": true, "code": true}
)

// paraKind is what a paragraph's style makes it.
type paraKind struct {
	kind  Kind // Title, Heading, Quote, Code (code passing through or not), Paragraph
	level int
}

func (r *docxReader) kindOf(styleID string, outline int) paraKind {
	for _, st := range r.style(styleID) {
		for _, name := range []string{strings.ToLower(st.name), strings.ToLower(styleID)} {
			if titleNames[name] {
				return paraKind{kind: Title}
			}
			if quoteNames[name] {
				return paraKind{kind: Quote}
			}
			if codeNames[name] {
				return paraKind{kind: Code}
			}
			if name == "date" {
				return paraKind{kind: Date}
			}
			for _, h := range headingNames {
				rest, ok := strings.CutPrefix(name, h)
				if !ok {
					continue
				}
				if n, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil && n >= 1 && n <= 9 {
					return paraKind{kind: Heading, level: min(n, 6)}
				}
			}
		}
		if outline == 0 && st.outline > 0 {
			outline = st.outline
		}
	}
	if outline >= 1 && outline <= 6 {
		return paraKind{kind: Heading, level: outline}
	}
	return paraKind{kind: Paragraph}
}

// monoFonts are fonts that mark a run as code.
var monoFonts = []string{"courier", "consolas", "menlo", "monaco", "mono", "source code", "lucida console", "fira code", "inconsolata"}

func monoFont(rpr *xnode) bool {
	f := rpr.child("rFonts")
	if f == nil {
		return false
	}
	name := strings.ToLower(f.attr("ascii") + " " + f.attr("hAnsi"))
	for _, m := range monoFonts {
		if strings.Contains(name, m) {
			return true
		}
	}
	return false
}

// read reads the document's body, then its notes.
func (r *docxReader) read(root, core *xnode) error {
	body := root.child("document").child("body")
	if body == nil {
		return errorf(r.path, 0, "not a Word document: its document part has no body")
	}
	r.blockList(body.kids, 0)
	r.flushCode()
	r.titleAndDate(core)
	if err := r.readNotes(); err != nil {
		return err
	}
	r.doc.Layout = &Layout{Blocks: r.blocks}
	r.doc.Warnings = append(r.doc.Warnings, r.pending...)
	return nil
}

// blockList reads paragraphs and tables, and what holds them (content
// controls, custom XML, tracked insertions).
func (r *docxReader) blockList(nodes []*xnode, depth int) {
	for _, n := range nodes {
		switch n.name {
		case "p":
			r.paragraph(n)
		case "tbl":
			r.flushCode()
			r.table(n)
		case "sdt":
			r.blockList(n.child("sdtContent").kidsOrNil(), depth)
		case "customXml", "ins", "moveTo":
			r.blockList(n.kids, depth)
		}
	}
}

// add appends a unit and its block.
func (r *docxReader) add(u Unit, b Block) {
	r.doc.Units = append(r.doc.Units, u)
	b.Unit = len(r.doc.Units) - 1
	r.blocks = append(r.blocks, b)
}

// paragraph reads one body paragraph.
func (r *docxReader) paragraph(p *xnode) {
	r.para++
	line := r.para
	ppr := p.child("pPr")
	styleID, _ := ppr.val("pStyle")
	outline := 0
	if v, ok := ppr.val("outlineLvl"); ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 9 {
			outline = n + 1
		}
	}
	pk := r.kindOf(styleID, outline)
	if pk.kind == Code {
		if r.code == nil {
			r.codeAt = line
		}
		r.code = append(r.code, plainRuns(p))
		return
	}
	r.flushCode()
	text := r.inline(p, line)
	if text == "" {
		return
	}
	// A list item: numbering on the paragraph or its style.
	numID, ilvl, hasNum := "", "", false
	if np := ppr.child("numPr"); np != nil {
		numID, _ = np.val("numId")
		ilvl, _ = np.val("ilvl")
		hasNum = true
	} else {
		for _, st := range r.style(styleID) {
			if st.hasNum {
				numID, ilvl, hasNum = st.numID, st.ilvl, true
				break
			}
		}
	}
	if hasNum && numID != "" && numID != "0" && pk.kind == Paragraph {
		lvl, err := strconv.Atoi(ilvl)
		if err != nil || lvl < 0 {
			lvl = 0
		}
		fmtName := r.numFmt[numID][strconv.Itoa(lvl)]
		r.add(Unit{Kind: Item, Text: text, Line: line}, Block{Kind: UnitBlock, Depth: min(lvl, 8) + 1, Ordered: fmtName != "" && fmtName != "bullet" && fmtName != "none"})
		return
	}
	if pk.kind == Date {
		if iso, ok := ParseDate(text); ok && r.doc.Date == "" {
			r.doc.Date = iso
			r.add(Unit{Kind: Date, Text: iso, Line: line}, Block{Kind: UnitBlock})
			return
		}
		pk.kind = Paragraph
	}
	u := Unit{Kind: pk.kind, Text: text, Line: line}
	if pk.kind == Heading {
		u.Level = pk.level
	}
	if pk.kind == Title {
		if r.titled {
			u.Kind, u.Level = Heading, 1 // a second Title paragraph
		}
		r.titled = true
	}
	r.add(u, Block{Kind: UnitBlock})
}

// flushCode ends a run of code paragraphs: one code block, or a unit of
// kind code when code is translated.
func (r *docxReader) flushCode() {
	if r.code == nil {
		return
	}
	code := strings.Join(r.code, "\n")
	r.code = nil
	if strings.TrimSpace(code) == "" {
		return
	}
	if r.TranslateCode {
		r.add(Unit{Kind: Code, Text: code, Line: r.codeAt}, Block{Kind: UnitBlock})
		return
	}
	r.blocks = append(r.blocks, Block{Kind: CodeBlock, Text: code})
}

// table reads a table: each cell a unit (-1 for an empty one), rows
// padded to the widest with empty cells.
func (r *docxReader) table(tbl *xnode) {
	t := &Table{}
	width := 0
	for _, tr := range tbl.kids {
		if tr.name != "tr" {
			continue
		}
		var row []TableCell
		for _, tc := range tr.kids {
			if tc.name != "tc" {
				continue
			}
			tcpr := tc.child("tcPr")
			cell := TableCell{Unit: -1}
			var parts []string
			line := r.para + 1
			r.cellParagraphs(tc.kids, &parts)
			if v, ok := tcpr.val("vMerge"); ok && v != "restart" {
				parts = nil // a continuation of the cell above
			}
			if text := Normalize(strings.Join(parts, string(HardBreak))); text != "" {
				r.doc.Units = append(r.doc.Units, Unit{Kind: Cell, Text: text, Line: line})
				cell.Unit = len(r.doc.Units) - 1
			}
			row = append(row, cell)
			if v, ok := tcpr.val("gridSpan"); ok {
				if n, err := strconv.Atoi(v); err == nil {
					for k := 1; k < min(n, 64); k++ {
						row = append(row, TableCell{Unit: -1})
					}
				}
			}
		}
		width = max(width, len(row))
		t.Rows = append(t.Rows, row)
	}
	if len(t.Rows) == 0 || width == 0 {
		return
	}
	for i := range t.Rows {
		for len(t.Rows[i]) < width {
			t.Rows[i] = append(t.Rows[i], TableCell{Unit: -1})
		}
	}
	t.Align = make([]Align, width)
	r.blocks = append(r.blocks, Block{Kind: TableBlock, Table: t})
}

// cellParagraphs appends the inline text of the paragraphs in a cell,
// nested tables' too.
func (r *docxReader) cellParagraphs(nodes []*xnode, parts *[]string) {
	for _, n := range nodes {
		switch n.name {
		case "p":
			r.para++
			if t := r.inline(n, r.para); t != "" {
				*parts = append(*parts, t)
			}
		case "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo":
			r.cellParagraphs(n.kids, parts)
		}
	}
}

// titleAndDate makes the title and date units: the Title paragraph, or
// else the core properties' title, or else a first Heading 1 that opens
// the document; the date of a Date paragraph, or else the core
// properties' creation date.
func (r *docxReader) titleAndDate(core *xnode) {
	var title, created string
	if cp := core.child("coreProperties"); cp != nil {
		if t := cp.child("title"); t != nil {
			title = Normalize(escapeMarkdown(allText(t)))
			// Word's templates leave placeholders ("_", " ") in the
			// title property; a title has a letter or a digit.
			if !strings.ContainsFunc(title, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) {
				title = ""
			}
		}
		if c := cp.child("created"); c != nil {
			created = strings.TrimSpace(allText(c))
		}
		// Word keeps the authors as one text, "Ana Ruiz; Eva Gil".
		if c := cp.child("creator"); c != nil {
			for _, n := range strings.Split(allText(c), ";") {
				if n = strings.TrimSpace(n); n != "" {
					if _, bad := controlIn(n); !bad {
						r.doc.Credits.Authors = append(r.doc.Credits.Authors, n)
					}
				}
			}
		}
	}
	at := -1
	for i := range r.doc.Units {
		if r.doc.Units[i].Kind == Title {
			at = i
			break
		}
	}
	if at < 0 && title != "" {
		r.insert(0, Unit{Kind: Title, Text: title, Line: 1})
		at = 0
	}
	if at < 0 && len(r.doc.Units) > 0 && r.doc.Units[0].Kind == Heading && r.doc.Units[0].Level == 1 && len(r.blocks) > 0 && r.blocks[0].Kind == UnitBlock && r.blocks[0].Unit == 0 {
		r.doc.Units[0].Kind, r.doc.Units[0].Level = Title, 0
		at = 0
	}
	if len(created) >= 10 && r.doc.Date == "" {
		if iso, ok := ParseDate(created[:10]); ok {
			r.doc.Date = iso
			line := 1
			if at >= 0 {
				line = r.doc.Units[at].Line
			}
			r.insert(at+1, Unit{Kind: Date, Text: iso, Line: line})
		}
	}
}

// insert puts u at index i of the units, with a block of its own right
// after the block of unit i-1 (first when i is 0).
func (r *docxReader) insert(i int, u Unit) {
	r.doc.Units = append(r.doc.Units, Unit{})
	copy(r.doc.Units[i+1:], r.doc.Units[i:])
	r.doc.Units[i] = u
	bi := 0
	for j := range r.blocks {
		b := &r.blocks[j]
		if b.Kind == UnitBlock && b.Unit >= i {
			b.Unit++
		}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for k := range row {
					if row[k].Unit >= i {
						row[k].Unit++
					}
				}
			}
		}
		if b.Kind == UnitBlock && b.Unit == i-1 {
			bi = j + 1
		}
	}
	r.blocks = append(r.blocks, Block{})
	copy(r.blocks[bi+1:], r.blocks[bi:])
	r.blocks[bi] = Block{Kind: UnitBlock, Unit: i}
}

// readNotes appends the notes in the order they are first cited: each
// note's first paragraph a note unit, the others units of the note.
func (r *docxReader) readNotes() error {
	body := r.links
	defer func() { r.links = body }()
	for i := 0; i < len(r.order); i++ { // notes may cite notes
		key := r.order[i]
		label := r.labels[key]
		n := r.notes[key]
		first := true
		r.links = r.partRel[key[:1]]
		r.paraNotes(n.kids, label, &first)
		if first {
			r.pending = append(r.pending, &Error{Path: r.path, Line: r.noteAt[label], Msg: fmt.Sprintf("note %s is empty; it is left out", label)})
		}
	}
	// References to notes left out (empty) are dropped from the text, in
	// one pass over the units.
	var drop []string
	for _, e := range r.pending {
		if label, ok := strings.CutSuffix(e.Msg, " is empty; it is left out"); ok {
			drop = append(drop, "[^"+strings.TrimPrefix(label, "note ")+"]", "")
		}
	}
	if len(drop) > 0 {
		rep := strings.NewReplacer(drop...)
		for i := range r.doc.Units {
			r.doc.Units[i].Text = Normalize(rep.Replace(r.doc.Units[i].Text))
		}
		r.dropEmpty()
	}
	return nil
}

// dropEmpty removes the units left empty (a paragraph that was only a
// reference to an empty note), and their blocks.
func (r *docxReader) dropEmpty() {
	at := make([]int, len(r.doc.Units))
	units := r.doc.Units[:0]
	for i, u := range r.doc.Units {
		at[i] = -1
		if u.Text != "" {
			at[i] = len(units)
			units = append(units, u)
		}
	}
	r.doc.Units = units
	blocks := r.blocks[:0]
	for _, b := range r.blocks {
		switch {
		case b.Kind == UnitBlock:
			if at[b.Unit] < 0 {
				continue
			}
			b.Unit = at[b.Unit]
		case b.Table != nil:
			for _, row := range b.Table.Rows {
				for k := range row {
					if row[k].Unit >= 0 {
						row[k].Unit = at[row[k].Unit]
					}
				}
			}
		}
		blocks = append(blocks, b)
	}
	r.blocks = blocks
}

func (r *docxReader) paraNotes(nodes []*xnode, label string, first *bool) {
	for _, p := range nodes {
		switch p.name {
		case "p":
			text := r.inline(p, r.noteAt[label])
			if text == "" {
				continue
			}
			if *first {
				r.add(Unit{Kind: Note, Text: text, Line: r.noteAt[label], Label: label}, Block{Kind: UnitBlock})
				*first = false
				continue
			}
			r.add(Unit{Kind: Paragraph, Text: text, Line: r.noteAt[label], InNote: label}, Block{Kind: UnitBlock})
		case "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo":
			r.paraNotes(p.kids, label, first)
		}
	}
}

// allText returns the character data of n and its descendants (for the
// core properties, where it is kept on every element).
func allText(n *xnode) string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(n *xnode) {
		b.WriteString(n.text)
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// plainRuns returns the text of a paragraph as written, for code.
func plainRuns(p *xnode) string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(n *xnode) {
		switch n.name {
		case "del", "moveFrom", "instrText", "pPr", "rPr":
			return
		case "t":
			b.WriteString(n.text)
		case "tab":
			b.WriteString("\t")
		case "br", "cr":
			b.WriteString("\n")
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(p)
	return strings.TrimRight(b.String(), " \t")
}

// runFmt is the formatting of a piece of text.
type runFmt struct {
	b, i, s, code bool
	link          string
}

// piece is a piece of a paragraph's text.
type piece struct {
	text string
	f    runFmt
	note string // a note reference's label; text is empty
	br   bool   // a hard line break
}

// field is a complex field being read: its instruction, and whether its
// result is being read.
type field struct {
	instr  strings.Builder
	result bool
}

// inline returns a paragraph's text as inline Markdown, normalized.
func (r *docxReader) inline(p *xnode, line int) string {
	var pieces []piece
	var fields []*field
	var walk func(n *xnode, f runFmt)
	visible := func() bool {
		for _, fl := range fields {
			if !fl.result {
				return false
			}
		}
		return true
	}
	walk = func(n *xnode, f runFmt) {
		switch n.name {
		case "pPr", "rPr", "del", "moveFrom", "proofErr", "bookmarkStart", "bookmarkEnd",
			"commentRangeStart", "commentRangeEnd", "commentReference", "annotationRef",
			"drawing", "pict", "object", "lastRenderedPageBreak", "footnoteRef", "endnoteRef",
			"permStart", "permEnd", "oMath", "oMathPara":
			return
		case "r":
			f = r.runFormat(n.child("rPr"), f)
		case "hyperlink":
			if id := n.relAttr("id"); id != "" {
				if u, ok := r.links[id]; ok && safeDocxURL(u) {
					f.link = u
				}
			}
		case "fldSimple":
			if u := hyperlinkField(n.attr("instr")); u != "" {
				f.link = u
			}
		case "fldChar":
			switch n.attr("fldCharType") {
			case "begin":
				fields = append(fields, &field{})
			case "separate":
				if len(fields) > 0 {
					fields[len(fields)-1].result = true
				}
			case "end":
				if len(fields) > 0 {
					fields = fields[:len(fields)-1]
				}
			}
			return
		case "instrText":
			if len(fields) > 0 {
				fields[len(fields)-1].instr.WriteString(n.text)
			}
			return
		case "t":
			if visible() {
				pieces = append(pieces, piece{text: n.text, f: r.fieldLink(fields, f)})
			}
			return
		case "tab", "noBreakHyphen", "softHyphen", "sym":
			if visible() {
				t := map[string]string{"tab": " ", "noBreakHyphen": "\u2011", "softHyphen": "", "sym": ""}[n.name]
				pieces = append(pieces, piece{text: t, f: r.fieldLink(fields, f)})
			}
			return
		case "br", "cr":
			if visible() && n.attr("type") != "page" && n.attr("type") != "column" {
				pieces = append(pieces, piece{br: true})
			}
			return
		case "footnoteReference", "endnoteReference":
			key := n.name[:1] + n.attr("id")
			if _, ok := r.notes[key]; ok {
				label, seen := r.labels[key]
				if !seen {
					label = strconv.Itoa(len(r.order) + 1)
					r.labels[key] = label
					r.order = append(r.order, key)
					r.noteAt[label] = line
				}
				pieces = append(pieces, piece{note: label})
			}
			return
		}
		for _, k := range n.kids {
			walk(k, f)
		}
	}
	for _, k := range p.kids {
		walk(k, runFmt{})
	}
	return GuardStart(Normalize(writePieces(pieces)))
}

// fieldLink gives text in the result of a HYPERLINK field its link.
func (r *docxReader) fieldLink(fields []*field, f runFmt) runFmt {
	for _, fl := range fields {
		if u := hyperlinkField(fl.instr.String()); u != "" {
			f.link = u
		}
	}
	return f
}

// hyperlinkField returns the URL of a HYPERLINK field instruction
// (HYPERLINK "https://…" \o "tip"), or "".
func hyperlinkField(instr string) string {
	instr = strings.TrimSpace(instr)
	rest, ok := strings.CutPrefix(instr, "HYPERLINK")
	if !ok {
		return ""
	}
	rest = strings.TrimSpace(rest)
	var u string
	if strings.HasPrefix(rest, `"`) {
		if end := strings.IndexByte(rest[1:], '"'); end >= 0 {
			u = rest[1 : 1+end]
		}
	} else if f := strings.Fields(rest); len(f) > 0 && !strings.HasPrefix(f[0], `\`) {
		u = f[0]
	}
	if !safeDocxURL(u) {
		return ""
	}
	return u
}

// safeDocxURL reports whether a link target is one the editions may
// show as a link: http, https or mailto.
func safeDocxURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "mailto:")
}

// runFormat applies a run's properties, its character style's included,
// to the formatting it inherits.
func (r *docxReader) runFormat(rpr *xnode, f runFmt) runFmt {
	if rpr == nil {
		return f
	}
	if id, ok := rpr.val("rStyle"); ok {
		for _, st := range r.style(id) {
			name := strings.ToLower(st.name)
			f.b = f.b || st.b
			f.i = f.i || st.i
			f.s = f.s || st.strike
			f.code = f.code || st.mono || strings.Contains(name, "code") || strings.Contains(name, "verbatim") || name == "source text" || strings.Contains(strings.ToLower(id), "code")
		}
	}
	if rpr.child("b") != nil {
		f.b = rpr.on("b")
	}
	if rpr.child("i") != nil {
		f.i = rpr.on("i")
	}
	if rpr.child("strike") != nil || rpr.child("dstrike") != nil {
		f.s = rpr.on("strike") || rpr.on("dstrike")
	}
	if monoFont(rpr) {
		f.code = true
	}
	return f
}

// writePieces writes a paragraph's pieces as inline Markdown: runs of the
// same formatting joined (Word splits runs anywhere), white space kept
// outside emphasis, text escaped.
func writePieces(pieces []piece) string {
	// Split the white space at the ends of formatted text off it, then
	// join neighbours of the same formatting.
	var ps []piece
	for _, p := range pieces {
		if p.note != "" || p.br || p.text == "" || p.f == (runFmt{link: p.f.link}) || p.f.code {
			ps = append(ps, p)
			continue
		}
		t := strings.TrimRightFunc(strings.TrimLeftFunc(p.text, unicode.IsSpace), unicode.IsSpace)
		lead := p.text[:strings.Index(p.text, t)]
		trail := p.text[len(lead)+len(t):]
		if t == "" {
			ps = append(ps, piece{text: p.text, f: runFmt{link: p.f.link}})
			continue
		}
		if lead != "" {
			ps = append(ps, piece{text: lead, f: runFmt{link: p.f.link}})
		}
		ps = append(ps, piece{text: t, f: p.f})
		if trail != "" {
			ps = append(ps, piece{text: trail, f: runFmt{link: p.f.link}})
		}
	}
	// White space between two pieces of the same emphasis is theirs:
	// Word splits "*broadband* *Internet*" into runs with the space in
	// either, and it reads as one emphasis.
	for i := 1; i+1 < len(ps); i++ {
		p, prev, next := ps[i], ps[i-1], ps[i+1]
		if p.note == "" && !p.br && strings.TrimSpace(p.text) == "" && p.f == (runFmt{link: p.f.link}) &&
			prev.note == "" && !prev.br && next.note == "" && !next.br && prev.f == next.f &&
			prev.f.link == p.f.link && prev.f != p.f && !prev.f.code {
			ps[i].f = prev.f
		}
	}
	var merged []piece
	for _, p := range ps {
		if n := len(merged); n > 0 && p.note == "" && !p.br && merged[n-1].note == "" && !merged[n-1].br && merged[n-1].f == p.f {
			merged[n-1].text += p.text
			continue
		}
		merged = append(merged, p)
	}
	var b strings.Builder
	for i := 0; i < len(merged); {
		// A link's pieces are written inside one [ ](url).
		if merged[i].f.link != "" && merged[i].note == "" {
			j := i
			for j < len(merged) && merged[j].f.link == merged[i].f.link && merged[j].note == "" {
				j++
			}
			var inner strings.Builder
			writeFormatted(&inner, merged[i:j])
			if text := inner.String(); strings.TrimSpace(text) != "" {
				b.WriteString("[" + text + "](" + linkDestination(merged[i].f.link) + ")")
			} else {
				b.WriteString(text)
			}
			i = j
			continue
		}
		j := i
		for j < len(merged) && (merged[j].f.link == "" || merged[j].note != "") {
			j++
		}
		writeFormatted(&b, merged[i:j])
		i = j
	}
	return b.String()
}

// writeFormatted writes pieces of one link (or none) with their emphasis.
func writeFormatted(b *strings.Builder, ps []piece) {
	for k, p := range ps {
		switch {
		case p.note != "":
			b.WriteString("[^" + p.note + "]")
		case p.br:
			b.WriteRune(HardBreak)
		case p.f.code:
			b.WriteString(codeSpan(p.text))
		default:
			t := escapeMarkdown(p.text)
			if strings.TrimSpace(t) == "" {
				b.WriteString(t)
				continue
			}
			open, end := "", ""
			if p.f.s {
				open, end = open+"~~", "~~"+end
			}
			if p.f.b {
				open, end = open+"**", "**"+end
			}
			if p.f.i {
				open, end = open+"*", "*"+end
			}
			next := ""
			if k+1 < len(ps) {
				next = ps[k+1].text
				if ps[k+1].note != "" {
					next = "["
				}
			}
			if open != "" && !flanks(b.String(), t, next) {
				open, end = "", "" // it would not read back as emphasis
			}
			b.WriteString(open + t + end)
		}
	}
}

// flanks reports whether emphasis delimiters around t, after before and
// followed by after, open and close (CommonMark's flanking rules): a
// delimiter next to punctuation inside needs white space or punctuation
// outside ("**(Note)**x" is no emphasis).
func flanks(before, t, after string) bool {
	punct := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
	outside := func(r rune, ok bool) bool { return !ok || unicode.IsSpace(r) || punct(r) }
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	prev, pn := utf8.DecodeLastRuneInString(before)
	next, nn := utf8.DecodeRuneInString(after)
	return (!punct(first) || outside(prev, pn > 0)) && (!punct(last) || outside(next, nn > 0))
}

// codeSpan writes text as a code span.
func codeSpan(t string) string {
	longest, run := 0, 0
	for i := 0; i < len(t); i++ {
		if t[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(t, "`") || strings.HasSuffix(t, "`") || strings.HasPrefix(t, " ") && strings.HasSuffix(t, " ") && strings.TrimSpace(t) != "" {
		pad = " "
	}
	return fence + pad + t + pad + fence
}

// linkDestination writes a URL as a Markdown link destination.
func linkDestination(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u) + ">"
	}
	return u
}

// escapeMarkdown escapes what Markdown would read as markup in text:
// the punctuation of emphasis, code, links, raw HTML and escapes, and
// an "&" that could start a character reference.
func escapeMarkdown(t string) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '~', '|':
			b.WriteByte('\\')
		case '&':
			if i+1 < len(t) && (t[i+1] == '#' || t[i+1] >= 'a' && t[i+1] <= 'z' || t[i+1] >= 'A' && t[i+1] <= 'Z') {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
