package segment

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hopeborder/bitext/internal/docxtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoldenDocx pins what the Word reader makes of the fixtures of
// testdata/docx (README.md there says how each was made), unit by unit.
func TestGoldenDocx(t *testing.T) {
	paths, err := filepath.Glob("testdata/docx/*.docx")
	require.NoError(t, err)
	require.Len(t, paths, 3)
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			src, err := os.ReadFile(p)
			require.NoError(t, err)
			goldenRead(t, Docx{}, "source/"+filepath.Base(p), src, strings.TrimSuffix(p, ".docx")+".units.txtar",
				"The units of "+filepath.Base(p)+" as the Word reader cuts them: position (the\nparagraph's number), kind, level, note label, then the text. Rewrite with\ngo test ./workflow/segment -update.\n")
		})
	}
	// The document saved by Microsoft Word is committed as its parts,
	// and zipped here.
	t.Run("word-fcc", func(t *testing.T) {
		goldenRead(t, Docx{}, "source/word-fcc.docx", wordFCC(t), "testdata/docx/word-fcc.units.txtar",
			"The units of word-fcc/ (zipped) as the Word reader cuts them: position (the\nparagraph's number), kind, level, note label, then the text. Rewrite with\ngo test ./workflow/segment -update.\n")
	})
}

// wordFCC returns the .docx made of the parts under testdata/docx/word-fcc
// (README.md there says what they are).
func wordFCC(t testing.TB) []byte {
	t.Helper()
	src, err := docxtest.Zip(filepath.Join("testdata", "docx", "word-fcc"))
	require.NoError(t, err)
	return src
}

func readFixture(t testing.TB, name string) *Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "docx", name))
	require.NoError(t, err)
	doc, err := Docx{}.Read("source/"+name, src)
	require.NoError(t, err)
	return doc
}

func unitTexts(doc *Document, k Kind) []string {
	var out []string
	for _, u := range doc.Units {
		if u.Kind == k {
			out = append(out, u.Text)
		}
	}
	return out
}

// TestDocxPandocAndLibreOffice: the same article, written by pandoc and by
// LibreOffice, reads the same.
func TestDocxPandocAndLibreOffice(t *testing.T) {
	pd, lo := readFixture(t, "pandoc.docx"), readFixture(t, "libreoffice.docx")
	for _, doc := range []*Document{pd, lo} {
		assert.Equal(t, []string{"Walls and Bridges"}, unitTexts(doc, Title))
		assert.Equal(t, "2019-11-04", doc.Date)
		assert.Equal(t, []string{"Where the walls are", "A change tracked"}, unitTexts(doc, Heading))
		assert.Contains(t, unitTexts(doc, Paragraph), "The border is *long*, **guarded** and ~~open~~ closed; see the [commission’s report](https://www.ibwc.gov/reports/) and `curl -I`.[^1]")
		assert.Contains(t, unitTexts(doc, Paragraph), "Some walls went up in 2006.[^2] Others[^3] are older.")
		assert.Equal(t, []string{"A quotation, set apart over two lines."}, unitTexts(doc, Quote))
		assert.Equal(t, []string{"First step", "Second step", "a nested point", "another one", "Third step", "A bullet", "Another bullet"}, unitTexts(doc, Item))
		assert.Equal(t, []string{"Year", "Crossings", "2018", "396,579", "2019", "851,508"}, unitTexts(doc, Cell))
		assert.Equal(t, []string{"The report of 2019, p.\u00a04.", "A note with *emphasis*.", "https://example.org/older"}, unitTexts(doc, Note))
		var depths []int
		var ordered []bool
		var code []string
		for _, b := range doc.Layout.Blocks {
			if b.Kind == UnitBlock && doc.Units[b.Unit].Kind == Item {
				depths = append(depths, b.Depth)
				ordered = append(ordered, b.Ordered)
			}
			if b.Kind == CodeBlock {
				code = append(code, b.Text)
			}
		}
		assert.Equal(t, []int{1, 1, 2, 2, 1, 1, 1}, depths)
		assert.Equal(t, []bool{true, true, false, false, true, false, false}, ordered)
		assert.Equal(t, []string{"go run ./cmd/bitext build"}, code)
		// The note's second paragraph follows it, in the note.
		for i, u := range doc.Units {
			if u.Text == "And a second paragraph." {
				assert.Equal(t, "2", u.InNote)
				assert.Equal(t, Note, doc.Units[i-1].Kind)
			}
		}
	}
	// pandoc writes the tracked change and the comment: the insertion is
	// kept, the deletion and the comment dropped.
	assert.Contains(t, unitTexts(pd, Paragraph), "This sentence was kept as written. A line with a remark in it.")
	// The endnote LibreOffice wrote is note 3 like the others.
	assert.Equal(t, "3", lo.Notes()[2].Label)
}

// TestDocxWordMarkup: what Word writes and the others do not.
func TestDocxWordMarkup(t *testing.T) {
	doc := readFixture(t, "word-like.docx")
	assert.Equal(t, []string{"Walls & Bridges"}, unitTexts(doc, Title), "the core properties' title")
	assert.Equal(t, "2020-03-02", doc.Date, "the core properties' creation date")
	assert.Equal(t, []string{"Mauern und Brücken", "Zwischenüberschrift"}, unitTexts(doc, Heading), "headings by localized style ID")
	paras := unitTexts(doc, Paragraph)
	assert.Contains(t, paras, "The fence was built in 2006 by the Department of **Homeland** ***Security***.[^1]", "runs split by spell-check marks, bookmarks and smart tags are joined")
	assert.Contains(t, paras, "Read [the report](https://www.ibwc.gov/reports/) or [the field link](https://example.org/field), page 3, and run `go vet` or `go test`.[^2]", "hyperlinks, a HYPERLINK field, a field's code left out, code by style and by font")
	assert.Contains(t, paras, "The count was thirteen in all, said the officer.A line break follows:\u2028and a page break", "insertion kept, deletion and move away dropped, comment left out, line break kept")
	assert.Contains(t, paras, "Text in a content control.")
	assert.Equal(t, []string{"Ein Zitat, als Zitat gesetzt."}, unitTexts(doc, Quote))
	assert.Equal(t, []string{"Erster Punkt", "Zweiter Punkt", "Nummer eins", "Unterpunkt"}, unitTexts(doc, Item), "a list by style, a list by numbering")
	assert.Equal(t, []string{"Cited in the *Annual Report*, 2007.", "An endnote."}, unitTexts(doc, Note), "a footnote and an endnote, separators left out")
	var table *Table
	for _, b := range doc.Layout.Blocks {
		if b.Kind == TableBlock {
			table = b.Table
		}
	}
	require.NotNil(t, table)
	var rows [][]string
	for _, row := range table.Rows {
		var cells []string
		for _, c := range row {
			if c.Unit < 0 {
				cells = append(cells, "")
			} else {
				cells = append(cells, doc.Units[c.Unit].Text)
			}
		}
		rows = append(rows, cells)
	}
	assert.Equal(t, [][]string{{"Merged header", "", "Third"}, {"Tall", "a\u2028b", ""}, {"", "c", "d"}}, rows, "a spanned cell padded, a merged one empty")
}

// TestDocxErrors: what is no Word document says so, and writes nothing.
func TestDocxErrors(t *testing.T) {
	var empty bytes.Buffer
	zw := zip.NewWriter(&empty)
	w, _ := zw.Create("hello.txt")
	_, _ = w.Write([]byte("hi"))
	require.NoError(t, zw.Close())
	deep := docxWith(t, "<w:document xmlns:w=\"x\"><w:body>"+strings.Repeat("<w:sdt><w:sdtContent>", 300)+"</w:body></w:document>")
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"plain text", []byte("Title\n\nText.\n"), "a.docx: not a Word document (a .docx is a zip archive"},
		{"a zip of something else", empty.Bytes(), "a.docx: not a Word document: it has no word/document.xml"},
		{"broken XML", docxWith(t, "<w:document><w:body><w:p>"), "a.docx: cannot read the Word document: word/document.xml: XML syntax error"},
		{"nested too deep", deep, "elements nested more than 256 deep"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Docx{}.Read("a.docx", tc.src)
			require.Error(t, err)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// docxWith returns a .docx whose document part is doc.
func docxWith(t testing.TB, doc string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	require.NoError(t, err)
	_, err = w.Write([]byte(doc))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// FuzzDocx feeds the reader document parts: it never panics, and what it
// reads is units of normalized, non-empty text whose note references all
// have their note.
func FuzzDocx(f *testing.F) {
	for _, name := range []string{"pandoc.docx", "libreoffice.docx", "word-like.docx"} {
		src, err := os.ReadFile(filepath.Join("testdata", "docx", name))
		require.NoError(f, err)
		zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
		require.NoError(f, err)
		for _, file := range zr.File {
			if file.Name == "word/document.xml" {
				rc, err := file.Open()
				require.NoError(f, err)
				var b bytes.Buffer
				_, err = b.ReadFrom(rc)
				require.NoError(f, err)
				f.Add(b.String())
			}
		}
	}
	word, err := os.ReadFile(filepath.Join("testdata", "docx", "word-fcc", "word", "document.xml"))
	require.NoError(f, err)
	f.Add(string(word))
	f.Add(`<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>*x* [y]</w:t></w:r><w:r><w:footnoteReference w:id="9"/></w:r></w:p></w:body></w:document>`)
	f.Fuzz(func(t *testing.T, doc string) {
		d, err := Docx{}.Read("f.docx", docxWith(t, doc))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a source error", err)
			}
			return
		}
		labels := map[string]bool{}
		for _, u := range d.Units {
			if u.Kind == Note {
				labels[u.Label] = true
			}
		}
		for _, u := range d.Units {
			if u.Text == "" {
				t.Fatalf("empty %s unit", u.Kind)
			}
			if u.Kind.Normalized() && u.Text != Normalize(u.Text) {
				t.Fatalf("unit text %q is not normalized", u.Text)
			}
			if c, ok := controlIn(u.Text); ok {
				t.Fatalf("unit %q holds control character %U", u.Text, c)
			}
			if u.Kind != Note {
				for _, r := range Refs(u.Text) {
					if !labels[r.Label] {
						t.Fatalf("reference [^%s] has no note", r.Label)
					}
				}
			}
		}
	})
}

// TestDocxEmptyNote: an empty footnote is left out with a warning, and
// so is its reference, and a paragraph that held only that reference.
func TestDocxEmptyNote(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range map[string]string{
		"word/document.xml":  `<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Text.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:p><w:r><w:t>After</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:body></w:document>`,
		"word/footnotes.xml": `<w:footnotes xmlns:w="w"><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
	} {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(data))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	doc, err := Docx{}.Read("a.docx", b.Bytes())
	require.NoError(t, err)
	var got []string
	for _, u := range doc.Units {
		got = append(got, string(u.Kind)+": "+u.Text)
	}
	assert.Equal(t, []string{"paragraph: Text.", "paragraph: After[^2]", "note: A note."}, got)
	require.Len(t, doc.Warnings, 1)
	assert.Equal(t, "a.docx:1: note 1 is empty; it is left out", doc.Warnings[0].Error())
	for _, blk := range doc.Layout.Blocks {
		assert.Less(t, blk.Unit, len(doc.Units))
	}
}

func TestDocxEmphasisFlanking(t *testing.T) {
	bold := runFmt{b: true}
	tests := []struct {
		name   string
		pieces []piece
		want   string
	}{
		{"plain", []piece{{text: "a "}, {text: "bold", f: bold}, {text: " word"}}, "a **bold** word"},
		{"inside a word", []piece{{text: "un"}, {text: "bold", f: bold}, {text: "ed"}}, "un**bold**ed"},
		{"punctuation inside, letter outside", []piece{{text: "see"}, {text: "(Note)", f: bold}, {text: "x"}}, "see(Note)x"},
		{"punctuation inside, space outside", []piece{{text: "see "}, {text: "(Note)", f: bold}, {text: " x"}}, "see **(Note)** x"},
		{"before a note", []piece{{text: "see "}, {text: "(Note)", f: bold}, {note: "1"}}, "see **(Note)**[^1]"},
		{"spaces moved out", []piece{{text: "a"}, {text: " b ", f: bold}, {text: "c"}}, "a **b** c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, writePieces(tc.pieces))
		})
	}
}

// TestDocxWordFCC: a document saved by Microsoft Word 2010 (the FCC's
// 2015 Open Internet Order, cut; testdata/docx/README.md says how).
func TestDocxWordFCC(t *testing.T) {
	doc, err := Docx{}.Read("source/word-fcc.docx", wordFCC(t))
	require.NoError(t, err)
	assert.Empty(t, doc.Warnings)
	assert.Empty(t, unitTexts(doc, Title), "the core properties' title is Word's placeholder \"_\", and no paragraph has the Title style")
	assert.Equal(t, "2015-03-12", doc.Date, "the core properties' creation date")
	var headings []string
	for _, u := range doc.Units {
		if u.Kind == Heading {
			headings = append(headings, fmt.Sprintf("%d %s", u.Level, u.Text))
		}
	}
	assert.Equal(t, []string{"1 Introduction", "1 Executive Summary", "2 Strong Rules That Protect Consumers from Past and Future Tactics that Threaten the Open Internet", "3 Clear, Bright-Line Rules"}, headings, "headings by style, their bookmarks left out")
	// ParaNum paragraphs are numbered by the style's numbering: an
	// ordered list; the rules quoted in them (numId 0) are not.
	items := unitTexts(doc, Item)
	assert.Len(t, items, 15)
	for _, b := range doc.Layout.Blocks {
		if b.Kind == UnitBlock && doc.Units[b.Unit].Kind == Item {
			assert.True(t, b.Ordered)
		}
	}
	assert.Equal(t, "The open Internet drives the American economy and serves, every day, as a critical tool for America’s citizens to conduct commerce, communicate, educate, entertain, and engage in the world around them. The benefits of an open Internet are undisputed. But it must remain open: open for commerce, innovation, and speech; open for consumers and for the innovation created by applications developers and content companies; and open for expansion and investment by America’s broadband providers. For over a decade, the Commission has been committed to protecting and promoting an open Internet.", items[0], "runs split mid-word by revision marks joined")
	assert.True(t, strings.HasPrefix(items[6], "The benefits of rules and policies protecting an open Internet date back over a decade and must continue.[^1] Just over a year ago, the D.C. Circuit in *Verizon v. FCC* struck down"), "references in place: %s", items[6])
	paras := unitTexts(doc, Paragraph)
	assert.Contains(t, paras, "**Before the**", "runs of the same emphasis joined across the space between them")
	assert.Contains(t, paras, "*A person engaged in the provision of broadband Internet access service, insofar as such person is so engaged, shall not block lawful content, applications, services, or non-harmful devices, subject to reasonable network management.*")
	notes := doc.Notes()
	require.Len(t, notes, 16, "footnotes 2–17 of footnotes.xml; its separator, continuation separator and continuation notice left out")
	for i, n := range notes {
		assert.Equal(t, strconv.Itoa(i+1), n.Label)
	}
	texts := unitTexts(doc, Note)
	assert.True(t, strings.HasPrefix(texts[0], "*See, e.g.*, National Arts and Cultural Organizations Comments at 3 (“\\[B\\]roadband"), texts[0])
	assert.Equal(t, "*See infra* Section III.B.", texts[4], `"Section II" + "I" + ".B." joined`)
	assert.True(t, strings.HasPrefix(texts[8], "*See supra* para. 3; *see also* Netflix Inc., 2010 Annual Report (Form 10-K) (Feb. 18, 2011), [http://files.shareholder.com/downloads/NFLX/3969047782x0x460274/17454c5b-3088-48c7-957a-b5a83a14cf1b/132054ACL.PDF](http://files.shareholder.com/downloads/NFLX/3969047782x0x460274/17454c5b-3088-48c7-957a-b5a83a14cf1b/132054ACL.PDF);"), "a REF field read as its result, a link split in two runs: %s", texts[8])
	assert.Contains(t, texts[6], "[http://www.fiercewireless.com/press-releases/1h2014-lte-share-33-all-mobile-connections-us-and-canada-vs-4-worldwide](http://www.fiercewireless.com/press-releases/1h2014-lte-share-33-all-mobile-connections-us-and-canada-vs-4-worldwide)", "a note's hyperlink by the notes part's relationships")
	assert.Equal(t, "Attorney General’s Committee, *Final Report of the Attorney General Committee* at 102 (1941), [http://www.law.fsu.edu/library/admin/pdfdownload/apa1941.pdf](http://www.law.fsu.edu/library/admin/pdfdownload/apa1941.pdf).", texts[13])
	for _, u := range doc.Units {
		for _, noise := range []string{"rsid", "_Toc", "_Ref", "REF ", "(Continued from previous page)", "(continued….)", "_GoBack"} {
			assert.NotContains(t, u.Text, noise)
		}
	}
}
