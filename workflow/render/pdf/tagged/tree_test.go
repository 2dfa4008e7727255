package tagged

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestObjects builds a two-page document's tree and checks every object
// it writes: element order and parents, content on its own page as an
// MCID and on another as an MCR, an element with no content left out,
// the link annotation and its OBJR, the parent tree both ways, the ID
// tree in order, and the entries for the catalog and the pages.
func TestObjects(t *testing.T) {
	tr := New("en")
	art := tr.Add(tr.Root(), "Art")
	tr.SetLang(art, "es")
	p := tr.Add(art, "P")
	empty := tr.Add(art, "P") // drawn nothing: left out
	tr.Add(empty, "Span")
	n := tr.Add(art, "Note")
	tr.SetID(n, "note-es-2")
	n1 := tr.Add(art, "Note")
	tr.SetID(n1, "note-es-10")

	assert.Equal(t, "/P <</MCID 0>> BDC", tr.Begin(1, p, ""))
	link := tr.Add(p, "Link")
	assert.Equal(t, "/Link <</MCID 1>> BDC\n/Span <</ActualText ( 2)>> BDC", tr.Begin(1, link, " 2"))
	dest := &Dest{}
	tr.Link(1, link, Annot{Rect: [4]float64{10, 20, 30.004, 40}, Dest: dest, Contents: "Nota 2"})
	assert.Equal(t, "/P <</MCID 2>> BDC", tr.Begin(1, p, ""))
	assert.Equal(t, "/P <</MCID 0>> BDC", tr.Begin(2, p, ""), "MCIDs count from 0 on each page")
	assert.Equal(t, "/Note <</MCID 1>> BDC", tr.Begin(2, n, ""))
	assert.Equal(t, "/Note <</MCID 2>> BDC", tr.Begin(2, n1, ""))
	tr.SetAlt(n1, "¿Qué?")

	_, err := tr.Objects(100, []int{3, 5})
	require.ErrorContains(t, err, "a link on page 1 goes to page 0 of a document of 2")
	dest.Page, dest.Y = 2, 700.5

	out, err := tr.Objects(100, []int{3, 5})
	require.NoError(t, err)
	want := []string{
		"<</Type /StructElem /S /Document /P 108 0 R /Lang (en) /K [101 0 R]>>",
		"<</Type /StructElem /S /Art /P 100 0 R /Lang (es) /K [102 0 R 103 0 R 104 0 R]>>",
		"<</Type /StructElem /S /P /P 101 0 R /Pg 3 0 R /K [0 105 0 R 2 <</Type /MCR /Pg 5 0 R /MCID 0>>]>>",
		"<</Type /StructElem /S /Note /P 101 0 R /Pg 5 0 R /ID (note-es-2) /K [1]>>",
		"<</Type /StructElem /S /Note /P 101 0 R /Pg 5 0 R /ID (note-es-10) /Alt <FEFF00BF0051007500E9003F> /K [2]>>",
		"<</Type /StructElem /S /Link /P 102 0 R /Pg 3 0 R /K [1 <</Type /OBJR /Obj 106 0 R /Pg 3 0 R>>]>>",
		"<</Type /Annot /Subtype /Link /Rect [10.00 20.00 30.00 40.00] /Border [0 0 0] /F 4 /P 3 0 R /StructParent 2 /Contents (Nota 2) /Dest [5 0 R /XYZ 0 700.50 null]>>",
		"<</Nums [0 [102 0 R 105 0 R 102 0 R] 1 [102 0 R 103 0 R 104 0 R] 2 105 0 R]>>",
		"<</Type /StructTreeRoot /K 100 0 R /ParentTree 107 0 R /ParentTreeNextKey 3 /IDTree <</Names [(note-es-10) 104 0 R (note-es-2) 103 0 R]>>>>",
	}
	got := make([]string, len(out.Objects))
	for i, o := range out.Objects {
		got[i] = string(o)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, "/MarkInfo <</Marked true>> /StructTreeRoot 108 0 R", out.Catalog)
	assert.Equal(t, []string{"/StructParents 0 /Tabs /S /Annots [106 0 R]", "/StructParents 1 /Tabs /S"}, out.Pages)

	again, err := tr.Objects(100, []int{3, 5})
	require.NoError(t, err)
	assert.Equal(t, out, again, "the same tree writes the same objects")
}

// TestURIAndPages checks a link out of the document, a page with no
// marked content (no /StructParents, a /Tabs all the same) and content
// marked on a page the document does not have.
func TestURIAndPages(t *testing.T) {
	tr := New("en")
	l := tr.Add(tr.Root(), "Link")
	tr.Begin(2, l, "")
	tr.Link(2, l, Annot{URI: `https://example.org/a(b)\c`, Contents: "https://example.org/"})
	out, err := tr.Objects(10, []int{3, 5, 7})
	require.NoError(t, err)
	assert.Contains(t, string(out.Objects[2]), `/A <</S /URI /URI (https://example.org/a\(b\)\\c)>>`)
	assert.Equal(t, []string{"/Tabs /S", "/StructParents 1 /Tabs /S /Annots [12 0 R]", "/Tabs /S"}, out.Pages)
	assert.Equal(t, "<</Nums [1 [11 0 R] 3 11 0 R]>>", string(out.Objects[3]))

	_, err = tr.Objects(10, []int{3})
	assert.ErrorContains(t, err, "content marked on page 2 of a document of 1")
}

// TestText checks how text strings are written: printable ASCII as
// itself, anything else as UTF-16, characters beyond the Basic
// Multilingual Plane as surrogate pairs, and no string able to end the
// one it is in.
func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Note 7", "(Note 7)"},
		{"a) b", `(a\) b)`},
		{"línea", "<FEFF006C00ED006E00650061>"},
		{"a\nb", "<FEFF0061000A0062>"},
		{"𝄞", "<FEFFD834DD1E>"},
		{"", "()"},
	} {
		assert.Equal(t, tc.want, string(appendText(nil, tc.in)), "%q", tc.in)
	}
	assert.Equal(t, `(\(\)\\\r\n)`, string(appendLiteral(nil, "()\\\r\n")))
	assert.False(t, strings.Contains(string(appendNum(nil, -0.001)), "-"), "no negative zero")
}
