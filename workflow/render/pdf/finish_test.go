package pdf

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render/pdf/tagged"
)

// TestFinish finishes a two-page PDF fpdf wrote: tagged, read back
// whole; and refuses fpdf output that is not as finish knows it, rather
// than write a file that says it is tagged and is not.
func TestFinish(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.SetCatalogSort(true)
	tr := tagged.New("en")
	para := tr.Add(tr.Root(), "P")
	for page := 1; page <= 2; page++ {
		p.AddPage()
		p.SetFont("Helvetica", "", 12)
		p.RawWriteStr(tr.Begin(page, para, ""))
		p.Text(20, 20, "Text")
		p.RawWriteStr(tagged.End)
	}
	var buf bytes.Buffer
	require.NoError(t, p.Output(&buf))
	plain := buf.Bytes()

	out, err := finish(plain, tr)
	require.NoError(t, err)
	doc, err := readPDF(out)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(out, []byte("%PDF-1.7\n")))
	cat := string(doc.objs[doc.root])
	assert.Contains(t, cat, "/MarkInfo <</Marked true>> /StructTreeRoot ")
	assert.Contains(t, cat, "/ViewerPreferences <</DisplayDocTitle true>>")
	pages := doc.pages()
	require.Len(t, pages, 2)
	assert.Contains(t, string(doc.objs[pages[1]]), "<</Type /Page\n/StructParents 1 /Tabs /S\n")
	content, err := doc.stream(doc.objs[pages[0]+1])
	require.NoError(t, err)
	assert.Contains(t, string(content), "/P <</MCID 0>> BDC\nBT ", "the page's content, deflated and read back")

	for _, tc := range []struct{ name, from, to, err string }{
		{"no catalog", "/Type /Catalog", "/Type /Catalox", "is not the catalog"},
		{"no page tree", "/Type /Pages\n/Kids [", "/Type /Pages\n/Kids <", "object 1 is not the page tree"},
		{"a page unlike fpdf's", "<</Type /Page\n", "<</Type /Pagf\n", "is not a page"},
		{"no startxref", "startxref", "startxrof", "no startxref"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Len(t, tc.to, len(tc.from), "offsets kept")
			bad := bytes.Replace(plain, []byte(tc.from), []byte(tc.to), 1)
			require.NotEqual(t, plain, bad)
			_, err := finish(bad, tr)
			assert.ErrorContains(t, err, tc.err)
		})
	}
}
