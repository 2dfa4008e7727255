package tagged

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"
)

// Elem is a structure element of a Tree.
type Elem int32

// Marked-content operators for what is no part of the text, which
// assistive technology skips: the running head, the page number, rules
// and tints. End closes them, as it closes what Begin opens.
const (
	ArtifactHeader = "/Artifact <</Type /Pagination /Subtype /Header>> BDC"
	ArtifactFooter = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
	ArtifactLayout = "/Artifact <</Type /Layout>> BDC"
	End            = "EMC"
)

// Tree is the logical structure of a document being drawn.
type Tree struct {
	nodes []node
	// pages[p-1][mcid] is the element the marked content mcid of page p
	// belongs to.
	pages  [][]Elem
	annots []Annot
}

type node struct {
	typ    string
	parent Elem
	lang   string
	id     string
	alt    string
	// lineThrough marks text struck through.
	lineThrough bool
	kids        []kid
}

type kidKind uint8

const (
	kidElem kidKind = iota
	kidMCR          // marked content on a page
	kidOBJR         // an annotation
)

type kid struct {
	kind kidKind
	page int   // of a marked content or annotation
	n    int32 // element, MCID or annotation index
}

// Dest is the place in the document a link goes to. A link may be drawn
// before its target: the drawing code fills the Dest in when it gets
// there, before it calls Objects.
type Dest struct {
	// Page is the target's page, from 1; 0 while it is not known.
	Page int
	// Y is the top of the view, in points from the foot of the page.
	Y float64
}

// Annot is a link annotation.
type Annot struct {
	// Rect is the active area, in points: lower left x and y, upper
	// right x and y.
	Rect [4]float64
	// URI is the link's address out of the document, or Dest its target
	// within it.
	URI  string
	Dest *Dest
	// Contents describes the link for those who cannot see it
	// (PDF/UA-1 §7.18.5).
	Contents string

	page int
	elem Elem
}

// New returns a tree whose root is a Document element in language lang
// (a BCP 47 tag), the language the catalog says the document is in.
func New(lang string) *Tree {
	t := &Tree{nodes: []node{{typ: "Document", parent: -1}}}
	t.SetLang(0, lang)
	return t
}

// Root is the Document element.
func (t *Tree) Root() Elem { return 0 }

// Add returns a new element of structure type typ (a standard type:
// "P", "H1", "Link"…), the last child of parent so far.
func (t *Tree) Add(parent Elem, typ string) Elem {
	e := Elem(len(t.nodes))
	t.nodes = append(t.nodes, node{typ: typ, parent: parent})
	t.nodes[parent].kids = append(t.nodes[parent].kids, kid{kind: kidElem, n: int32(e)})
	return e
}

// SetLang sets the language of e and what it holds, a BCP 47 tag.
func (t *Tree) SetLang(e Elem, lang string) { t.nodes[e].lang = lang }

// SetID gives e an identifier, unique in the document: PDF/UA-1 asks it
// of Note elements.
func (t *Tree) SetID(e Elem, id string) { t.nodes[e].id = id }

// SetAlt sets e's alternate description.
func (t *Tree) SetAlt(e Elem, alt string) { t.nodes[e].alt = alt }

// SetLineThrough says that e's text is struck through: its layout
// attribute TextDecorationType is LineThrough (ISO 32000-1 §14.8.5.4.3),
// what HTML's <s> says. It is for inline elements (a Span).
func (t *Tree) SetLineThrough(e Elem) { t.nodes[e].lineThrough = true }

// Begin returns the operator that opens the next marked content of page
// p (from 1), as the next part of element e: "/P <</MCID 4>> BDC". The
// drawing code writes it before the content, and End after. When
// actual is not empty, it is the text the content stands for, which
// text extraction gives instead of the glyphs (/ActualText), and the
// drawing code writes End twice.
func (t *Tree) Begin(p int, e Elem, actual string) string {
	for len(t.pages) < p {
		t.pages = append(t.pages, nil)
	}
	mcid := len(t.pages[p-1])
	t.pages[p-1] = append(t.pages[p-1], e)
	t.nodes[e].kids = append(t.nodes[e].kids, kid{kind: kidMCR, page: p, n: int32(mcid)})
	var b []byte
	b = append(b, '/')
	b = append(b, t.nodes[e].typ...)
	b = append(b, " <</MCID "...)
	b = strconv.AppendInt(b, int64(mcid), 10)
	b = append(b, ">> BDC"...)
	if actual != "" {
		// In a Span of its own, inside: the marked content the standard
		// gives the ActualText of content (§14.9.4), and the one poppler
		// reads it from.
		b = append(b, "\n/Span <</ActualText "...)
		b = appendText(b, actual)
		b = append(b, ">> BDC"...)
	}
	return string(b)
}

// Link adds a link annotation on page p (from 1) as the next part of
// element e, a Link element.
func (t *Tree) Link(p int, e Elem, a Annot) {
	for len(t.pages) < p {
		t.pages = append(t.pages, nil)
	}
	a.page, a.elem = p, e
	t.nodes[e].kids = append(t.nodes[e].kids, kid{kind: kidOBJR, page: p, n: int32(len(t.annots))})
	t.annots = append(t.annots, a)
}

// Output is a tree as PDF objects.
type Output struct {
	// Objects are the objects' bodies (what lies between "N 0 obj" and
	// "endobj"), numbered from the first number given to Objects on.
	Objects [][]byte
	// Catalog are the entries to add to the document catalog.
	Catalog string
	// Pages are the entries to add to each page's dictionary, in page
	// order.
	Pages []string
}

// Objects writes the tree as objects numbered from next on, for a
// document whose pages are the objects numbered pages, in order. An
// element with no content, directly or below, is left out. It fails if a
// link's Dest was never filled in, or if content was marked on a page
// the document does not have.
func (t *Tree) Objects(next int, pages []int) (Output, error) {
	if len(t.pages) > len(pages) {
		return Output{}, fmt.Errorf("structure: content marked on page %d of a document of %d", len(t.pages), len(pages))
	}
	// Which elements hold content. Children come after their parents,
	// so one pass from the end settles every element.
	live := make([]bool, len(t.nodes))
	for i := len(t.nodes) - 1; i >= 0; i-- {
		for _, k := range t.nodes[i].kids {
			if k.kind != kidElem || live[k.n] {
				live[i] = true
				break
			}
		}
	}
	live[0] = true
	num := make([]int, len(t.nodes))
	n := next
	for i := range t.nodes {
		if live[i] {
			num[i] = n
			n++
		}
	}
	firstAnnot := n
	parentTree := firstAnnot + len(t.annots)
	root := parentTree + 1

	var out Output
	ref := func(b []byte, n int) []byte {
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, " 0 R"...)
	}
	var ids []idEntry
	for i := range t.nodes {
		if !live[i] {
			continue
		}
		nd := &t.nodes[i]
		pg := 0
		for _, k := range nd.kids {
			if k.kind == kidMCR {
				pg = k.page
				break
			}
		}
		b := []byte("<</Type /StructElem /S /")
		b = append(b, nd.typ...)
		b = append(b, " /P "...)
		if nd.parent < 0 {
			b = ref(b, root)
		} else {
			b = ref(b, num[nd.parent])
		}
		if pg != 0 {
			b = append(b, " /Pg "...)
			b = ref(b, pages[pg-1])
		}
		if nd.lang != "" {
			b = append(b, " /Lang "...)
			b = appendLiteral(b, nd.lang)
		}
		if nd.id != "" {
			b = append(b, " /ID "...)
			b = appendLiteral(b, nd.id)
			ids = append(ids, idEntry{nd.id, num[i]})
		}
		if nd.alt != "" {
			b = append(b, " /Alt "...)
			b = appendText(b, nd.alt)
		}
		if nd.lineThrough {
			b = append(b, " /A <</O /Layout /TextDecorationType /LineThrough>>"...)
		}
		b = append(b, " /K ["...)
		first := true
		for _, k := range nd.kids {
			if k.kind == kidElem && !live[k.n] {
				continue
			}
			if !first {
				b = append(b, ' ')
			}
			first = false
			switch k.kind {
			case kidElem:
				b = ref(b, num[k.n])
			case kidMCR:
				if k.page == pg {
					b = strconv.AppendInt(b, int64(k.n), 10)
					continue
				}
				b = append(b, "<</Type /MCR /Pg "...)
				b = ref(b, pages[k.page-1])
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.n), 10)
				b = append(b, ">>"...)
			case kidOBJR:
				b = append(b, "<</Type /OBJR /Obj "...)
				b = ref(b, firstAnnot+int(k.n))
				b = append(b, " /Pg "...)
				b = ref(b, pages[k.page-1])
				b = append(b, ">>"...)
			}
		}
		b = append(b, "]>>"...)
		out.Objects = append(out.Objects, b)
	}

	pageAnnots := make([][]int, len(pages))
	for j := range t.annots {
		a := &t.annots[j]
		b := []byte("<</Type /Annot /Subtype /Link /Rect [")
		for k, v := range a.Rect {
			if k > 0 {
				b = append(b, ' ')
			}
			b = appendNum(b, v)
		}
		b = append(b, "] /Border [0 0 0] /F 4 /P "...)
		b = ref(b, pages[a.page-1])
		b = append(b, " /StructParent "...)
		b = strconv.AppendInt(b, int64(len(pages)+j), 10)
		if a.Contents != "" {
			b = append(b, " /Contents "...)
			b = appendText(b, a.Contents)
		}
		switch {
		case a.Dest != nil:
			if a.Dest.Page < 1 || a.Dest.Page > len(pages) {
				return Output{}, fmt.Errorf("structure: a link on page %d goes to page %d of a document of %d", a.page, a.Dest.Page, len(pages))
			}
			b = append(b, " /Dest ["...)
			b = ref(b, pages[a.Dest.Page-1])
			b = append(b, " /XYZ 0 "...)
			b = appendNum(b, a.Dest.Y)
			b = append(b, " null]"...)
		default:
			b = append(b, " /A <</S /URI /URI "...)
			b = appendLiteral(b, a.URI)
			b = append(b, ">>"...)
		}
		b = append(b, ">>"...)
		out.Objects = append(out.Objects, b)
		pageAnnots[a.page-1] = append(pageAnnots[a.page-1], firstAnnot+j)
	}

	// The parent tree, one flat number tree: each page's marked content,
	// by MCID, then each annotation, to the elements they belong to.
	b := []byte("<</Nums [")
	for p, mcids := range t.pages {
		if len(mcids) == 0 {
			continue
		}
		b = strconv.AppendInt(b, int64(p), 10)
		b = append(b, " ["...)
		for k, e := range mcids {
			if k > 0 {
				b = append(b, ' ')
			}
			b = ref(b, num[e])
		}
		b = append(b, "] "...)
	}
	for j := range t.annots {
		b = strconv.AppendInt(b, int64(len(pages)+j), 10)
		b = append(b, ' ')
		b = ref(b, num[t.annots[j].elem])
		b = append(b, ' ')
	}
	b = bytes.TrimSuffix(b, []byte(" "))
	b = append(b, "]>>"...)
	out.Objects = append(out.Objects, b)

	b = []byte("<</Type /StructTreeRoot /K ")
	b = ref(b, num[0])
	b = append(b, " /ParentTree "...)
	b = ref(b, parentTree)
	b = append(b, " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(len(pages)+len(t.annots)), 10)
	if len(ids) > 0 {
		slices.SortFunc(ids, func(a, b idEntry) int { return bytes.Compare([]byte(a.id), []byte(b.id)) })
		b = append(b, " /IDTree <</Names ["...)
		for k, e := range ids {
			if k > 0 {
				b = append(b, ' ')
			}
			b = appendLiteral(b, e.id)
			b = append(b, ' ')
			b = ref(b, e.num)
		}
		b = append(b, "]>>"...)
	}
	b = append(b, ">>"...)
	out.Objects = append(out.Objects, b)

	out.Catalog = "/MarkInfo <</Marked true>> /StructTreeRoot " + strconv.Itoa(root) + " 0 R"
	out.Pages = make([]string, len(pages))
	for p := range pages {
		var b []byte
		if p < len(t.pages) && len(t.pages[p]) > 0 {
			b = append(b, "/StructParents "...)
			b = strconv.AppendInt(b, int64(p), 10)
			b = append(b, ' ')
		}
		b = append(b, "/Tabs /S"...)
		if len(pageAnnots[p]) > 0 {
			b = append(b, " /Annots ["...)
			for k, a := range pageAnnots[p] {
				if k > 0 {
					b = append(b, ' ')
				}
				b = ref(b, a)
			}
			b = append(b, ']')
		}
		out.Pages[p] = string(b)
	}
	return out, nil
}

type idEntry struct {
	id  string
	num int
}

// appendText appends s as a PDF text string: a literal string when s is
// printable ASCII, which PDFDocEncoding encodes as ASCII does (a URL,
// mostly); else UTF-16BE with a byte-order mark, in hexadecimal, which
// needs no escapes.
func appendText(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] >= 0x20 && s[i] < 0x7f
	}
	if ascii {
		return appendLiteral(b, s)
	}
	const hex = "0123456789ABCDEF"
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
	}
	return append(b, '>')
}

// appendLiteral appends s as a PDF literal string of its bytes.
func appendLiteral(b []byte, s string) []byte {
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, `\r`...)
		case '\n':
			b = append(b, `\n`...)
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

// appendNum appends v with two decimals, as fpdf writes coordinates.
func appendNum(b []byte, v float64) []byte {
	if v > -0.005 && v < 0.005 {
		v = 0
	}
	return strconv.AppendFloat(b, v, 'f', 2, 64)
}
