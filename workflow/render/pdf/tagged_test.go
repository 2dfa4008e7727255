package pdf

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// The tests of this file read the tagged PDF back with qpdf and poppler,
// which know nothing of how bitext wrote it, and check what PDF/UA-1
// asks of its structure (ISO 14289-1 §7), as far as these tools can
// tell: they are no substitute for a PDF/UA validator, which this
// machine does not have.

// needTools skips the test when qpdf or poppler-utils are missing.
func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"qpdf", "pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			fixture.Missing(t, "%s is not installed (apt-get install qpdf poppler-utils); skipping the checks of the tagged PDF", tool)
		}
	}
}

// qdoc is a PDF as qpdf --json gives its objects.
type qdoc struct {
	objs    map[string]map[string]any // "12 0 R" → {"value": …} or {"stream": …}
	trailer map[string]any
}

func readQPDF(t *testing.T, path string) *qdoc {
	t.Helper()
	out, err := exec.Command("qpdf", "--json", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", path).Output()
	require.NoError(t, err)
	var j struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	require.NoError(t, json.Unmarshal(out, &j))
	require.Len(t, j.QPDF, 2)
	var objs map[string]map[string]any
	require.NoError(t, json.Unmarshal(j.QPDF[1], &objs))
	q := &qdoc{objs: map[string]map[string]any{}}
	for k, v := range objs {
		if k == "trailer" {
			q.trailer = v["value"].(map[string]any)
			continue
		}
		q.objs[strings.TrimPrefix(k, "obj:")] = v
	}
	return q
}

// dict returns the dictionary ref is, or whose stream it is.
func (q *qdoc) dict(t *testing.T, ref any) map[string]any {
	t.Helper()
	if d, ok := ref.(map[string]any); ok {
		return d
	}
	o, ok := q.objs[ref.(string)]
	require.True(t, ok, "no object %v", ref)
	if s, ok := o["stream"].(map[string]any); ok {
		return s["dict"].(map[string]any)
	}
	d, ok := o["value"].(map[string]any)
	require.True(t, ok, "object %v is no dictionary", ref)
	return d
}

// data returns the decoded data of the stream ref.
func (q *qdoc) data(t *testing.T, ref string) string {
	t.Helper()
	s := q.objs[ref]["stream"].(map[string]any)
	b, err := base64.StdEncoding.DecodeString(s["data"].(string))
	require.NoError(t, err)
	return string(b)
}

// array returns v as an array, a lone value as an array of one.
func array(v any) []any {
	if a, ok := v.([]any); ok {
		return a
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

// elem is a structure element read back.
type elem struct {
	ref, typ, lang, id string
	kids               []*elem
	mcids              []mcr
	objrs              []string // the annotations
	parent             *elem
}

type mcr struct {
	page string
	mcid int
}

// tree reads the structure tree under the catalog's /StructTreeRoot.
func (q *qdoc) tree(t *testing.T) (*elem, map[string]any) {
	t.Helper()
	cat := q.dict(t, q.trailer["/Root"])
	rootRef, ok := cat["/StructTreeRoot"]
	require.True(t, ok, "the catalog has no /StructTreeRoot")
	root := q.dict(t, rootRef)
	assert.Equal(t, "/StructTreeRoot", root["/Type"])
	kids := array(root["/K"])
	require.Len(t, kids, 1, "one Document element")
	var read func(ref string, parent *elem) *elem
	read = func(ref string, parent *elem) *elem {
		d := q.dict(t, ref)
		e := &elem{ref: ref, typ: strings.TrimPrefix(d["/S"].(string), "/"), parent: parent}
		if l, ok := d["/Lang"].(string); ok {
			e.lang = strings.TrimPrefix(l, "u:")
		}
		if id, ok := d["/ID"].(string); ok {
			e.id = strings.TrimPrefix(id, "u:")
		}
		if parent != nil {
			assert.Equal(t, parent.ref, d["/P"], "%s's /P", ref)
		} else {
			assert.Equal(t, rootRef, d["/P"], "the Document's /P")
		}
		pg, _ := d["/Pg"].(string)
		for _, k := range array(d["/K"]) {
			switch k := k.(type) {
			case float64:
				require.NotEmpty(t, pg, "%s has an MCID and no /Pg", ref)
				e.mcids = append(e.mcids, mcr{pg, int(k)})
			case string:
				e.kids = append(e.kids, read(k, e))
			case map[string]any:
				switch k["/Type"] {
				case "/MCR":
					e.mcids = append(e.mcids, mcr{k["/Pg"].(string), int(k["/MCID"].(float64))})
				case "/OBJR":
					e.objrs = append(e.objrs, k["/Obj"].(string))
				default:
					t.Errorf("%s: kid %v", ref, k)
				}
			}
		}
		return e
	}
	return read(kids[0].(string), nil), root
}

// shape writes the element types under e, with their languages:
// "Art@es(P H1 BlockQuote(P))".
func (e *elem) shape() string {
	s := e.typ
	if e.lang != "" {
		s += "@" + e.lang
	}
	if len(e.kids) > 0 {
		var ks []string
		for _, k := range e.kids {
			ks = append(ks, k.shape())
		}
		s += "(" + strings.Join(ks, " ") + ")"
	}
	return s
}

func (e *elem) walk(f func(*elem)) {
	f(e)
	for _, k := range e.kids {
		k.walk(f)
	}
}

// lang is the language e's content is in: its own, or inherited.
func (e *elem) inherited() string {
	for ; e != nil; e = e.parent {
		if e.lang != "" {
			return e.lang
		}
	}
	return ""
}

// checkTagged checks the tagged PDF at path, whatever its content: the
// document says it is tagged and in which language, has its title shown;
// every piece of marked content on a page and every link annotation is
// where the parent tree says, owned by the element that says it owns
// it; every text and painting operator is tagged or an artifact; the
// running heads and page numbers are artifacts; every note has an ID in
// the ID tree; every link has its OBJR and a description. It returns
// the Document element.
func checkTagged(t *testing.T, path string) (*elem, *qdoc) {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Regexp(t, `(?m)^Tagged:\s+yes$`, string(out))
	assert.Regexp(t, `(?m)^PDF version:\s+1\.7$`, string(out))

	q := readQPDF(t, path)
	cat := q.dict(t, q.trailer["/Root"])
	assert.Equal(t, map[string]any{"/Marked": true}, cat["/MarkInfo"])
	assert.Equal(t, map[string]any{"/DisplayDocTitle": true}, cat["/ViewerPreferences"])
	assert.Equal(t, "u:en", cat["/Lang"])
	info := q.dict(t, q.trailer["/Info"])
	assert.NotEmpty(t, info["/Title"])

	doc, root := q.tree(t)
	assert.Equal(t, "Document", doc.typ)

	// The parent tree, both ways.
	nums := array(q.dict(t, root["/ParentTree"])["/Nums"])
	require.Zero(t, len(nums)%2)
	parents := map[int]any{}
	for i := 0; i < len(nums); i += 2 {
		parents[int(nums[i].(float64))] = nums[i+1]
	}
	owner := map[mcr]string{}      // marked content → element
	annotOf := map[string]string{} // annotation → Link element
	ids := map[string]string{}
	doc.walk(func(e *elem) {
		for _, m := range e.mcids {
			_, dup := owner[m]
			assert.False(t, dup, "MCID %d of %s is owned twice", m.mcid, m.page)
			owner[m] = e.ref
		}
		for _, a := range e.objrs {
			assert.Equal(t, "Link", e.typ, "an OBJR in a %s", e.typ)
			annotOf[a] = e.ref
		}
		if e.typ == "Note" {
			require.NotEmpty(t, e.id, "a Note without /ID")
			_, dup := ids[e.id]
			assert.False(t, dup, "ID %s twice", e.id)
			ids[e.id] = e.ref
		}
		if e.typ == "Link" {
			assert.NotEmpty(t, e.objrs, "a Link without its annotation")
		}
		assert.NotEmpty(t, e.inherited(), "%s %s has no language", e.typ, e.ref)
	})
	if len(ids) > 0 {
		names := array(q.dict(t, root["/IDTree"])["/Names"])
		got := map[string]string{}
		for i := 0; i+1 < len(names); i += 2 {
			got[strings.TrimPrefix(names[i].(string), "u:")] = names[i+1].(string)
		}
		assert.Equal(t, ids, got, "the ID tree")
	}

	pages := array(q.dict(t, q.dict(t, cat["/Pages"]))["/Kids"])
	marked := 0
	mcidRe := regexp.MustCompile(`/MCID (\d+)`)
	for n, pg := range pages {
		page := q.dict(t, pg)
		assert.Equal(t, "/S", page["/Tabs"], "page %d's tab order", n+1)
		content := q.data(t, page["/Contents"].(string))
		mcids := mcidRe.FindAllStringSubmatch(content, -1)
		if len(mcids) > 0 {
			sp, ok := page["/StructParents"].(float64)
			require.True(t, ok, "page %d has marked content and no /StructParents", n+1)
			arr := array(parents[int(sp)])
			require.Len(t, arr, len(mcids), "page %d: the parent tree's MCIDs", n+1)
			for i, m := range mcids {
				k, _ := strconv.Atoi(m[1])
				assert.Equal(t, i, k, "page %d: MCIDs in order", n+1)
				assert.Equal(t, owner[mcr{pg.(string), k}], arr[k], "page %d: MCID %d's parent", n+1, k)
				marked++
			}
		}
		for _, a := range array(page["/Annots"]) {
			ad := q.dict(t, a)
			sp, ok := ad["/StructParent"].(float64)
			require.True(t, ok, "annotation %v has no /StructParent", a)
			assert.Equal(t, annotOf[a.(string)], parents[int(sp)], "annotation %v's parent", a)
			assert.NotEmpty(t, annotOf[a.(string)], "annotation %v is in no Link", a)
			assert.NotEmpty(t, ad["/Contents"], "annotation %v has no /Contents", a)
			assert.Equal(t, pg, ad["/P"])
		}
		checkContent(t, n+1, content)
	}
	assert.Equal(t, len(owner), marked, "marked content in the tree and on the pages")
	return doc, q
}

// checkContent checks a page's content stream, as fpdf and bitext
// write it (an operator sequence a line): every text shown and every
// path painted is inside marked content, tagged or an artifact; the
// running head and the page number are pagination artifacts.
func checkContent(t *testing.T, page int, content string) {
	t.Helper()
	var stack []string
	var header, footer []string
	text := regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) Tj`)
	for _, l := range strings.Split(content, "\n") {
		switch {
		case strings.HasSuffix(l, " BDC") || strings.HasSuffix(l, " BMC"):
			stack = append(stack, l)
			continue
		case l == "EMC":
			require.NotEmpty(t, stack, "page %d: EMC without BDC", page)
			stack = stack[:len(stack)-1]
			continue
		}
		paints := strings.Contains(l, " Tj") || strings.HasSuffix(l, " re f") || strings.HasSuffix(l, " S") || strings.HasSuffix(l, " f")
		if !paints {
			continue
		}
		require.NotEmpty(t, stack, "page %d: %q is neither tagged nor an artifact", page, l)
		if m := text.FindStringSubmatch(l); m != nil {
			s := decodeText(unescape([]byte(m[1])))
			switch {
			case strings.Contains(stack[0], "/Subtype /Header"):
				header = append(header, s)
			case strings.Contains(stack[0], "/Subtype /Footer"):
				footer = append(footer, s)
			}
		}
	}
	assert.Empty(t, stack, "page %d: marked content left open", page)
	assert.Equal(t, []string{strconv.Itoa(page)}, footer, "page %d: the page number is a pagination artifact", page)
	if page > 1 {
		assert.NotEmpty(t, header, "page %d: the running head is a pagination artifact", page)
	}
}

// structText reads the text of each element with poppler's pdfinfo
// -struct-text: what a screen reader following the tags reads.
type stext struct {
	typ  string
	text string // the element's, and its children's, in order
	// attrs are the attributes poppler reads, "/TextDecorationType
	// /LineThrough".
	attrs []string
	kids  []*stext
}

func structText(t *testing.T, path string) *stext {
	t.Helper()
	out, err := exec.Command("pdfinfo", "-struct-text", path).Output()
	require.NoError(t, err)
	root := &stext{typ: "(root)"}
	stack := []*stext{root}
	elemLine := regexp.MustCompile(`^([A-Za-z0-9]+)(?: <[^>]*>)?(?: \((?:block|inline)\))?:?$`)
	for _, l := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		depth := (len(l) - len(strings.TrimLeft(l, " "))) / 2
		l = strings.TrimSpace(l)
		for len(stack) > depth+1 {
			stack = stack[:len(stack)-1]
		}
		switch {
		case strings.HasPrefix(l, `"`):
			s := strings.TrimSuffix(strings.TrimPrefix(l, `"`), `"`)
			for _, e := range stack {
				e.text += s
			}
		case strings.HasPrefix(l, "Object "):
		case strings.HasPrefix(l, "/"):
			// An attribute, one level deeper than its element.
			e := stack[len(stack)-1]
			e.attrs = append(e.attrs, l)
		default:
			m := elemLine.FindStringSubmatch(l)
			require.NotNil(t, m, "pdfinfo -struct-text line %q", l)
			e := &stext{typ: m[1]}
			parent := stack[len(stack)-1]
			parent.kids = append(parent.kids, e)
			stack = append(stack, e)
		}
	}
	require.Len(t, root.kids, 1)
	return root.kids[0]
}

// blocks returns the elements a column's units are read as, in order:
// the text blocks, leaving out the lists' and quotes' containers.
func (s *stext) blocks() []*stext {
	var out []*stext
	for _, k := range s.kids {
		switch k.typ {
		case "BlockQuote", "L":
			out = append(out, k.blocks()...)
		case "LI":
			out = append(out, k.kids[len(k.kids)-1]) // the LBody
		default:
			out = append(out, k)
		}
	}
	return out
}

// TestTaggedShipped checks the shipped article's PDF: tagged as above;
// the structure reads the English article whole, then the Spanish, each
// unit where it is in the article, with its language, but a note the same
// in both languages, which is one Note, in the English article; note
// calls come apart from the word before them in extracted text.
func TestTaggedShipped(t *testing.T) {
	needTools(t)
	ed := shipped(t)
	path := filepath.Join(t.TempDir(), "edition.pdf")
	require.NoError(t, os.WriteFile(path, renderOne(t, Renderer{Paper: render.A4}, ed), 0o644))
	doc, _ := checkTagged(t, path)
	require.Len(t, doc.kids, 2, "an article per column")
	for i, want := range []string{"en", "es"} {
		assert.Equal(t, "Art", doc.kids[i].typ)
		assert.Equal(t, want, doc.kids[i].lang)
	}

	st := structText(t, path)
	require.Len(t, st.kids, 2)
	for col := range 2 {
		blocks := st.kids[col].blocks()
		// The language head, then a block per unit, the notes' heading
		// before the first note.
		require.Equal(t, "P", blocks[0].typ)
		assert.Equal(t, strings.ToUpper(map[int]string{0: "English", 1: "Español"}[col]), blocks[0].text)
		blocks = blocks[1:]
		k := 0
		for _, row := range ed.Rows {
			if row.Kind == segment.Note && row.Note == 1 && ed.NotesNeedHeading() {
				require.Less(t, k, len(blocks))
				assert.Equal(t, "H2", blocks[k].typ)
				k++
			}
			if col == 1 && ed.Shared(&row, 1) {
				continue // set once, in the English article
			}
			require.Less(t, k, len(blocks), "%s: no element left", row.ID)
			b := blocks[k]
			k++
			assert.Equal(t, blockOf(row), b.typ, "%s", row.ID)
			want := squeezeCall(row.Cells[col].Spans)
			switch row.Kind {
			case segment.Note:
				want = strconv.Itoa(row.Note) + "." + want
			case segment.Attribution:
				want = "—" + want
			}
			assert.True(t, strings.HasPrefix(squeeze(b.text), want), "%s: %q does not start with %q", row.ID, b.text, want)
		}
		assert.Equal(t, len(blocks), k, "elements after the last unit")
	}

	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err)
	text := string(out)
	for _, s := range []string{"May 2012 7.", "mayo de 2012 7.", "August 2010 6;", "agosto de 2010 6;"} {
		assert.Contains(t, text, s, "a note call set apart")
	}
	for _, s := range []string{"20127", "20106"} {
		assert.NotContains(t, text, s, "a note call run into the year before it")
	}
}

// blockOf is the element a row's cell is read as.
func blockOf(row render.Row) string {
	switch row.Kind {
	case segment.Title:
		return "H1"
	case segment.Heading:
		return "H" + strconv.Itoa(row.Level)
	case segment.Note:
		return "Note"
	case segment.Item:
		return "LBody"
	}
	return "P"
}

// squeezeCall is the start of a cell's text as the structure reads it:
// note numbers and all, without spaces.
func squeezeCall(spans []render.Span) string {
	var b strings.Builder
	var walk func([]render.Span)
	walk = func(spans []render.Span) {
		for _, s := range spans {
			switch s.Kind {
			case render.NoteRef:
				if s.Note > 0 {
					b.WriteString(strconv.Itoa(s.Note))
				}
			case render.Text, render.Code:
				b.WriteString(s.Text)
			default:
				walk(s.Children)
			}
		}
	}
	walk(spans)
	r := []rune(squeeze(b.String()))
	return string(r[:min(len(r), 60)])
}

// TestTaggedStructure sets an article with every kind of unit, a link
// in two styles, notes and a passage left untranslated, and checks the
// structure element by element: headings at their levels, the
// epigraph's attribution in its block quote, a list's items with their
// labels, note calls as References holding a Link, notes with their
// number as a label linking back, a heading that skips a level one
// level down (PDF/UA-1 §7.4.2), and the untranslated passage in the
// Spanish article in English, its mark in Spanish.
func TestTaggedStructure(t *testing.T) {
	needTools(t)
	src := "# Title with *style*\n\nMay 23, 2018\n\n> “An epigraph.”\n>\n> — Someone\n\n" +
		"An intro with [a link *in two* styles](https://example.org/a) and a call in 2012[^1].\n\n" +
		"## A section\n\n- First item.\n- Second item.\n\n> A quoted passage.\n\nLeft untranslated.\n\n" +
		"#### A subsection, a level skipped\n\nThe last paragraph.[^2]\n\n" +
		"[^1]: The first note, https://example.org/n1.\n[^2]: The second note.\n"
	w, err := fixture.Load("source/kinds.md", src, []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
		if u.Text == "Left untranslated." {
			return "", false
		}
		return "ES " + u.Text, false
	})
	require.NoError(t, err)
	ed := render.NewEdition(w, w.Docs[0])
	path := filepath.Join(t.TempDir(), "kinds.pdf")
	require.NoError(t, os.WriteFile(path, renderOne(t, Renderer{Paper: render.A4}, ed), 0o644))
	doc, _ := checkTagged(t, path)

	article := func(lang, untranslated string) string {
		return "Art@" + lang + "(P P H1 P BlockQuote(P P) P(Link Reference(Link)) H2 L(LI(Lbl LBody) LI(Lbl LBody)) BlockQuote(P) " +
			untranslated + " H3 P(Reference(Link)) H2 Note(Lbl(Link) Link) Note(Lbl(Link)))"
	}
	assert.Equal(t, "Document@en("+article("en", "P")+" "+article("es", "P@en(Span@es)")+")", doc.shape())

	st := structText(t, path)
	es := st.kids[1]
	var texts []string
	for _, b := range es.blocks() {
		texts = append(texts, b.text)
	}
	require.Len(t, texts, 17)
	assert.Equal(t, "ES Title with style", texts[2])
	assert.Equal(t, "ES An intro with a link in two styles and a call in 2012 1.", texts[6], "the link's words apart, the call apart from the year")
	assert.Equal(t, "AÚN SIN TRADUCIR Left untranslated.", texts[11], "the mark, then the original")
	assert.Equal(t, "Notas", texts[14])
	assert.Equal(t, "1. ES The first note, https://example.org/n1.", texts[15])
	for _, tx := range texts {
		assert.NotContains(t, tx, "  ", "two spaces in %q", tx)
	}
}

// TestTaggedHostile tags what a hostile translation could hold (see
// fixture.Hostile), a few kilobytes of each: unclosed links and note
// references, deep emphasis, words with no place to break. The
// structure holds together whatever the text: every check of
// checkTagged passes.
func TestTaggedHostile(t *testing.T) {
	needTools(t)
	for _, h := range fixture.Hostile {
		t.Run(h.Name, func(t *testing.T) {
			w, err := fixture.OneUnit(fixture.Repeat(h.Pattern, 4<<10))
			require.NoError(t, err)
			files, err := Renderer{Paper: render.A4}.Render(render.NewEdition(w, w.Docs[0]))
			require.NoError(t, err)
			path := filepath.Join(t.TempDir(), "hostile.pdf")
			require.NoError(t, os.WriteFile(path, files[0].Data, 0o644))
			doc, _ := checkTagged(t, path)
			assert.Len(t, doc.kids, 2)
		})
	}
}

// TestTaggedBlocks tags what passes through a Markdown source beside
// its units: code, a table of cell units, a thematic break, HTML
// without text. Every check of checkTagged passes.
func TestTaggedBlocks(t *testing.T) {
	needTools(t)
	src := "# Blocks\n\nA paragraph.\n\n```go\nfunc main() {}\n```\n\n| Year | Cases |\n| --- | ---: |\n| 2018 | 396 |\n| | 851 |\n\n---\n\n<div class=\"x\"></div>\n\n- [ ] a task\n- [x] done\n  - nested\n\nThe end.\n"
	w, err := fixture.Load("source/blocks.md", src, []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
		return "ES " + u.Text, false
	})
	require.NoError(t, err)
	ed := render.NewEdition(w, w.Docs[0])
	path := filepath.Join(t.TempDir(), "blocks.pdf")
	require.NoError(t, os.WriteFile(path, renderOne(t, Renderer{Paper: render.A4}, ed), 0o644))
	checkTagged(t, path)
}

// TestTaggedStrike sets strikethrough, ~~…~~ and ~…~, one with a link
// inside: each struck passage is a Span whose layout attribute says it
// is struck through, its line drawn as an artifact (one fill more per
// passage than the same text unstruck), and the text read from the tags
// and from the page is the words alone, without tildes.
func TestTaggedStrike(t *testing.T) {
	needTools(t)
	load := func(body string) (string, *qdoc, *elem) {
		src := "# Struck\n\n" + body + "\n"
		w, err := fixture.Load("source/struck.md", src, []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
			return "ES " + u.Text, false
		})
		require.NoError(t, err)
		path := filepath.Join(t.TempDir(), "struck.pdf")
		require.NoError(t, os.WriteFile(path, renderOne(t, Renderer{Paper: render.A4}, render.NewEdition(w, w.Docs[0])), 0o644))
		doc, q := checkTagged(t, path)
		return path, q, doc
	}
	path, q, doc := load("It was ~~a [long](https://example.org/l) wait~~ and ~short~ after.")
	plainPath, plainQ, _ := load("It was a [long](https://example.org/l) wait and short after.")

	assert.Equal(t, "Document@en(Art@en(P H1 P(Span(Link) Span)) Art@es(P H1 P(Span(Link) Span)))", doc.shape())
	spans := 0
	doc.walk(func(e *elem) {
		if e.typ != "Span" {
			return
		}
		spans++
		assert.Equal(t, map[string]any{"/O": "/Layout", "/TextDecorationType": "/LineThrough"}, q.dict(t, e.ref)["/A"], "the Span's attributes")
	})
	assert.Equal(t, 4, spans)

	st := structText(t, path)
	var texts []string
	for _, art := range st.kids {
		for _, b := range art.blocks() {
			texts = append(texts, b.text)
			if len(b.kids) > 0 {
				require.Len(t, b.kids, 2, "the paragraph's Spans")
				assert.Equal(t, "a long wait", strings.TrimSpace(b.kids[0].text))
				assert.Equal(t, "short", strings.TrimSpace(b.kids[1].text))
				for _, k := range b.kids {
					assert.Equal(t, []string{"/TextDecorationType /LineThrough"}, k.attrs, "what poppler reads of the Span")
				}
			}
		}
	}
	assert.Equal(t, []string{"ENGLISH", "Struck", "It was a long wait and short after.", "ESPAÑOL", "ES Struck", "ES It was a long wait and short after."}, texts)

	fills := func(q *qdoc) int {
		n := 0
		for _, pg := range array(q.dict(t, q.dict(t, q.dict(t, q.trailer["/Root"])["/Pages"]))["/Kids"]) {
			n += strings.Count(q.data(t, q.dict(t, pg)["/Contents"].(string)), " re f")
		}
		return n
	}
	assert.Equal(t, fills(plainQ)+4, fills(q), "a line through each struck passage")
	out, err := exec.Command("pdftotext", path, "-").Output()
	require.NoError(t, err)
	plain, err := exec.Command("pdftotext", plainPath, "-").Output()
	require.NoError(t, err)
	assert.Equal(t, string(plain), string(out), "the extracted text is the same as unstruck")
	assert.NotContains(t, string(out), "~")
}
