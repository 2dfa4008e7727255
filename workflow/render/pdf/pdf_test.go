package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

var update = flag.Bool("update", false, "rewrite testdata/shipped-pages.txt with the page each unit starts on now")

// shipped is the repository's article as an edition.
func shipped(t testing.TB) *render.Edition {
	w, err := project.Load(project.Inputs{Root: os.DirFS(filepath.Join("..", "..", ".."))}, project.Default())
	require.NoError(t, err)
	return render.NewEdition(w, w.Docs[0])
}

func renderOne(t testing.TB, r Renderer, ed *render.Edition) []byte {
	files, err := r.Render(ed)
	require.NoError(t, err)
	require.Len(t, files, len(ed.Langs)-1)
	return files[0].Data
}

// spanish are the characters of Spanish text and punctuation the PDF must
// set in its own face.
const spanish = "áéíóúñüÁÉÍÓÚÑÜ¿¡«»“”‘’—–…"

// TestFontsCoverSpanish checks that every face the text is set in has a
// glyph for each character of Spanish: none falls back to another face.
func TestFontsCoverSpanish(t *testing.T) {
	m, err := newMetrics()
	require.NoError(t, err)
	for f := range extra0 {
		for _, r := range spanish {
			assert.True(t, m.covers(f, r), "%s %s lacks %q (%U)", faces[f].family, faces[f].style, r, r)
		}
		segs := m.cover("«¿Qué?» —dijo— ñandú", f, nil)
		assert.Len(t, segs, 1, "%s %s sets Spanish in more than one face", faces[f].family, faces[f].style)
	}
	// What the text face lacks comes from the Go fonts, not as a blank.
	segs := m.cover("α 50\u202f%", regular, nil)
	require.Len(t, segs, 2)
	assert.Equal(t, goRegular, segs[0].face)
	assert.Equal(t, "α", segs[0].text)
	assert.Equal(t, " 50\u00a0%", segs[1].text, "a narrow no-break space is set as a no-break space")
}

func TestDeterministic(t *testing.T) {
	r := Renderer{Paper: render.A4}
	a := renderOne(t, r, shipped(t))
	b := renderOne(t, r, shipped(t))
	assert.True(t, bytes.Equal(a, b), "two renderings of the same edition differ")

	c := renderOne(t, Renderer{Paper: render.A4, Created: time.Unix(1700000000, 0)}, shipped(t))
	assert.False(t, bytes.Equal(a, c), "the creation date is not in the file")
	assert.Contains(t, string(c), "/CreationDate (D:20231114221320)")
	assert.Contains(t, string(a), "/CreationDate (D:20180523000000)", "without a date given, the article's")
}

// TestValidAndExtractable reads the shipped article's PDF back: well
// formed, Spanish with its accents and English in the text, every unit's
// two columns starting on the same page.
func TestValidAndExtractable(t *testing.T) {
	ed := shipped(t)
	data := renderOne(t, Renderer{Paper: render.A4}, ed)
	doc, err := readPDF(data)
	require.NoError(t, err)
	pages := doc.pages()
	require.Greater(t, len(pages), 3)
	var texts []string
	for _, p := range pages {
		texts = append(texts, doc.pageText(p))
	}
	all := strings.Join(texts, "\n")
	for _, w := range []string{"persecución", "México", "«secuestros»", "¿", "Persecution", "Mexico’s", "23 de mayo de 2018", "May 23, 2018"} {
		if w == "¿" && !strings.Contains(ed.Title(1)+allTarget(ed), w) {
			continue
		}
		assert.Contains(t, all, w)
	}
	checkSamePage(t, ed, texts)
	assert.Contains(t, texts[1], "2", "page numbers")
}

func allTarget(ed *render.Edition) string {
	var b strings.Builder
	for _, r := range ed.Rows {
		b.WriteString(render.PlainText(r.Cells[1].Spans))
	}
	return b.String()
}

// checkSamePage checks that the start of each row's cells is on one page.
func checkSamePage(t *testing.T, ed *render.Edition, pages []string) {
	t.Helper()
	squeezed := make([]string, len(pages))
	for i, p := range pages {
		squeezed[i] = squeeze(p)
	}
	// Rows come in order, so each is looked for from the page the one
	// before starts on: notes that read alike ("(id.)") are told apart.
	from := 0
	pageOf := func(s string) int {
		for i := from; i < len(squeezed); i++ {
			if strings.Contains(squeezed[i], s) {
				return i + 1
			}
		}
		return 0
	}
	for _, row := range ed.Rows {
		en, es := start(row.Cells[0].Spans), start(row.Cells[1].Spans)
		pe, ps := pageOf(en), pageOf(es)
		if pe > 0 {
			from = pe - 1
		}
		assert.NotZero(t, pe, "%s: %q is on no page", row.ID, en)
		assert.NotZero(t, ps, "%s: %q is on no page", row.ID, es)
		assert.Equal(t, pe, ps, "%s starts on page %d in English, %d in Spanish", row.ID, pe, ps)
	}
}

// start returns the first characters of a cell's text before any note
// reference, without spaces: what text extraction must find.
func start(spans []render.Span) string {
	var b strings.Builder
	var walk func([]render.Span) bool
	walk = func(spans []render.Span) bool {
		for _, s := range spans {
			switch s.Kind {
			case render.NoteRef:
				return false
			case render.Text, render.Code:
				b.WriteString(s.Text)
			default:
				if !walk(s.Children) {
					return false
				}
			}
		}
		return true
	}
	walk(spans)
	r := []rune(squeeze(b.String()))
	return string(r[:min(len(r), 40)])
}

// squeeze drops white space, so that text compares whatever the line breaks.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestMetadataLinksOutline(t *testing.T) {
	ed := shipped(t)
	doc, err := readPDF(renderOne(t, Renderer{Paper: render.A4}, ed))
	require.NoError(t, err)
	info := doc.objs[doc.info]
	assert.Equal(t, ed.Title(0)+" | "+ed.Title(1), textString(info, "/Title"))
	assert.Contains(t, string(doc.objs[doc.root]), "/Lang (en)")
	var xmp string
	for _, body := range doc.objs {
		if bytes.Contains(body, []byte("/Type /Metadata")) {
			x, _ := doc.stream(body)
			xmp = string(x)
		}
	}
	assert.Contains(t, xmp, "<dc:language><rdf:Bag><rdf:li>en</rdf:li><rdf:li>es</rdf:li></rdf:Bag></dc:language>")
	assert.Contains(t, xmp, `<rdf:li xml:lang="es">`+ed.Title(1)+"</rdf:li>")
	// PDF/UA-1 §5 and §7.1: the part of PDF/UA the file claims, and
	// its title, in the XMP metadata.
	assert.Contains(t, xmp, `xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"`)
	assert.Contains(t, xmp, "<pdfuaid:part>1</pdfuaid:part>")
	assert.Contains(t, xmp, `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">`+ed.Title(0)+" | "+ed.Title(1)+"</rdf:li>")

	var heading string
	for _, r := range ed.Rows {
		if r.Kind == segment.Heading {
			heading = render.PlainText(r.Cells[0].Spans) + " | " + render.PlainText(r.Cells[1].Spans)
		}
	}
	assert.Equal(t, []string{ed.Title(0), heading, "Notes | Notas"}, doc.outline())

	internal, external := 0, 0
	for _, p := range doc.pages() {
		for _, a := range doc.annots(p) {
			body := string(a)
			internal += strings.Count(body, "/Dest [")
			for _, m := range regexp.MustCompile(`/URI \(([^)]*)\)`).FindAllStringSubmatch(body, -1) {
				external++
				assert.True(t, render.SafeURL(m[1]), m[1])
			}
		}
	}
	// 26 notes, each cited once: a link to the note and one back, in each
	// of the two columns, but for the 15 notes the same in both languages,
	// set once with the way back to the English call.
	shared := 0
	for i := range ed.Rows {
		if ed.Shared(&ed.Rows[i], 1) {
			shared++
		}
	}
	assert.Equal(t, 15, shared)
	assert.Equal(t, 26*2*2-shared, internal)
	assert.Greater(t, external, 26)
}

func TestPaper(t *testing.T) {
	ed := shipped(t)
	for _, tc := range []struct {
		paper render.Paper
		box   string
	}{
		{render.A4, "/MediaBox [0 0 595.28 841.89]"},
		{render.Letter, "/MediaBox [0 0 612.00 792.00]"},
	} {
		t.Run(tc.paper.Name, func(t *testing.T) {
			data := renderOne(t, Renderer{Paper: tc.paper}, ed)
			assert.Contains(t, string(data), tc.box)
		})
	}
}

// TestLongRowSplits sets a row taller than a page: it goes on over the
// pages in both columns, nothing lost, and each column reads in order.
func TestLongRowSplits(t *testing.T) {
	var en, es strings.Builder
	for i := range 900 {
		fmt.Fprintf(&en, "word%d ", i)
		if i < 500 {
			fmt.Fprintf(&es, "palabra%d ", i)
		}
	}
	src := "# Long\n\nA short paragraph first.\n\n" + en.String() + "\n\nA short paragraph after.\n"
	w, err := fixture.Load("source/long.md", src, []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
		if strings.HasPrefix(u.Text, "word0") {
			return strings.TrimSpace(es.String()), false
		}
		return "ES " + u.Text, false
	})
	require.NoError(t, err)
	ed := render.NewEdition(w, w.Docs[0])
	doc, err := readPDF(renderOne(t, Renderer{Paper: render.A4}, ed))
	require.NoError(t, err)
	pages := doc.pages()
	require.GreaterOrEqual(t, len(pages), 3)
	var enText, esText strings.Builder
	for i, p := range pages {
		text := doc.pageText(p)
		for _, line := range strings.Split(text, "\n") {
			for _, f := range strings.Fields(line) {
				switch {
				case strings.HasPrefix(f, "word"):
					enText.WriteString(f + " ")
				case strings.HasPrefix(f, "palabra"):
					esText.WriteString(f + " ")
				}
			}
		}
		if i == 0 {
			assert.Contains(t, text, "word0", "the long row starts on the first page")
			assert.Contains(t, text, "palabra0", "in both columns")
		}
	}
	assert.Equal(t, en.String(), enText.String())
	assert.Equal(t, es.String(), esText.String())
	checkSamePage(t, ed, pageTexts(doc))
}

func pageTexts(doc *pdfDoc) []string {
	var out []string
	for _, p := range doc.pages() {
		out = append(out, doc.pageText(p))
	}
	return out
}

// TestShippedPages compares the page each unit of the shipped article
// starts on with testdata/shipped-pages.txt, so that a change of layout
// is seen and meant.
func TestShippedPages(t *testing.T) {
	ed := shipped(t)
	doc, err := readPDF(renderOne(t, Renderer{Paper: render.A4}, ed))
	require.NoError(t, err)
	texts := pageTexts(doc)
	var b strings.Builder
	fmt.Fprintf(&b, "pages: %d\n", len(texts))
	from := 0
	for _, row := range ed.Rows {
		s := start(row.Cells[0].Spans)
		for i := from; i < len(texts); i++ {
			if strings.Contains(squeeze(texts[i]), s) {
				fmt.Fprintf(&b, "%d %s\n", i+1, row.ID)
				from = i
				break
			}
		}
	}
	path := filepath.Join("testdata", "shipped-pages.txt")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to write it")
	assert.Equal(t, string(want), b.String(), "the layout changed; run go test -update if that is meant")
}

// TestPoppler checks the PDF with the tools a publisher would: qpdf finds
// no error, pdffonts lists every font as embedded, pdftotext gives back
// the Spanish with its accents and the English, each unit's two columns
// starting on the same page. It needs qpdf and poppler-utils.
func TestPoppler(t *testing.T) {
	for _, tool := range []string{"qpdf", "pdffonts", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			fixture.Missing(t, "%s is not installed (apt-get install qpdf poppler-utils); skipping the checks with poppler and qpdf", tool)
		}
	}
	ed := shipped(t)
	for _, paper := range []render.Paper{render.A4, render.Letter} {
		t.Run(paper.Name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "edition.pdf")
			require.NoError(t, os.WriteFile(path, renderOne(t, Renderer{Paper: paper}, ed), 0o644))

			out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
			assert.NoError(t, err, "qpdf --check: %s", out)
			assert.Contains(t, string(out), "No syntax or stream encoding errors")

			out, err = exec.Command("pdffonts", path).CombinedOutput()
			require.NoError(t, err, "%s", out)
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			require.Greater(t, len(lines), 2, "%s", out)
			for _, l := range lines[2:] {
				f := strings.Fields(l)
				require.GreaterOrEqual(t, len(f), 7, l)
				// name type… encoding emb sub uni object ID: emb is 5th from the end.
				assert.Equal(t, "yes", f[len(f)-5], "font not embedded: %s", l)
				// PDF/UA-1 §7.21.7: every character maps to Unicode.
				assert.Equal(t, "yes", f[len(f)-3], "font without a ToUnicode map: %s", l)
			}

			out, err = exec.Command("pdfinfo", path).CombinedOutput()
			require.NoError(t, err)
			m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
			require.NotNil(t, m, "%s", out)
			n, _ := strconv.Atoi(string(m[1]))
			var texts []string
			for p := 1; p <= n; p++ {
				out, err := exec.Command("pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), "-enc", "UTF-8", path, "-").Output()
				require.NoError(t, err)
				texts = append(texts, string(out))
			}
			all := strings.Join(texts, "\n")
			for _, w := range []string{"persecución", "México", "«secuestros»", "migración", "Persecution", "Mexico’s", "23 de mayo de 2018"} {
				assert.Contains(t, all, w)
			}
			checkSamePage(t, ed, texts)
		})
	}
}

func BenchmarkPDF(b *testing.B) {
	w, err := fixture.Load("source/article.md", fixture.Article(2000), []string{"es"}, fixture.Spanish)
	require.NoError(b, err)
	ed := render.NewEdition(w, w.Docs[0])
	r := Renderer{Paper: render.A4}
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(ed); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLocalesWithoutNames sets an incomplete translation into languages
// CLDR names nowhere in x/text (Nahuatl, Yucatec Maya, private use):
// the progress note is in English, and the language heads fall back to
// a name bitext has, or the tag.
func TestLocalesWithoutNames(t *testing.T) {
	for _, tag := range []string{"nah", "yua", "nv", "qaa", "x-private", "yua-Latn-MX"} {
		t.Run(tag, func(t *testing.T) {
			w, err := fixture.Load("source/a.md", fixture.Article(6), []string{tag}, func(_ string, u *segment.Unit) (string, bool) {
				if u.Kind == segment.Paragraph {
					return "", false
				}
				return "[" + tag + "] " + u.Text, false
			})
			require.NoError(t, err)
			ed := render.NewEdition(w, w.Docs[0])
			doc, err := readPDF(renderOne(t, Renderer{Paper: render.A4}, ed))
			require.NoError(t, err)
			text := squeeze(strings.Join(pageTexts(doc), ""))
			assert.Contains(t, text, squeeze("show the English original"))
			assert.Contains(t, text, squeeze(strings.ToUpper(locale.Autonym(ed.Langs[1].Tag))))
		})
	}
}

// TestCreatedOutOfRange checks that a creation date a PDF date cannot
// hold (D:YYYY…, four digits of year) is an error naming it, not a
// malformed date in the file.
func TestCreatedOutOfRange(t *testing.T) {
	ed := shipped(t)
	for _, tc := range []struct {
		created time.Time
		err     string
	}{
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "date 10000-01-01T00:00:00Z: a PDF date must be between the years 0000 and 9999"},
		{time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC), "a PDF date must be between the years 0000 and 9999"},
		{time.Unix(1<<62, 0), "a PDF date must be between the years 0000 and 9999"},
	} {
		t.Run(tc.created.String(), func(t *testing.T) {
			_, err := Renderer{Paper: render.A4, Created: tc.created}.Render(ed)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.err)
		})
	}
	data := renderOne(t, Renderer{Paper: render.A4, Created: render.LastPDFDate}, ed)
	assert.Contains(t, string(data), "/CreationDate (D:99991231235959)")
}

// TestReproducibleInAnyOrder renders several documents, each into two
// languages, with code spans of different characters, one after the
// other in two orders and all at once, and expects each PDF to be the
// same bytes every time: what one document sets must not change
// another's file (fpdf once wrote into the Go Mono font bytes that every
// document shares).
func TestReproducibleInAnyOrder(t *testing.T) {
	code := []string{"`código`", "`zyx ÆØ {}`", "`QWERTY 0123 ~^`"}
	var eds []*render.Edition
	for i, c := range code {
		src := strings.ReplaceAll(fixture.Article(6), "`code`", c)
		w, err := fixture.Load("source/doc"+strconv.Itoa(i)+".md", src, []string{"es", "fr"}, func(loc string, u *segment.Unit) (string, bool) {
			if loc == "fr" {
				return "[fr] " + u.Text + " " + code[(i+1)%len(code)], false
			}
			return fixture.Spanish(loc, u)
		})
		require.NoError(t, err)
		eds = append(eds, render.NewEdition(w, w.Docs[0]))
	}
	var fonts [extra0][]byte
	for f := range faces {
		fonts[f] = bytes.Clone(faces[f].ttf)
	}
	r := Renderer{Paper: render.A4}
	renderAll := func(order []int) [][]render.File {
		out := make([][]render.File, len(eds))
		for _, i := range order {
			files, err := r.Render(eds[i])
			require.NoError(t, err)
			out[i] = files
		}
		return out
	}
	first := renderAll([]int{0, 1, 2})
	reversed := renderAll([]int{2, 1, 0})
	again := renderAll([]int{1, 0, 2})
	concurrent := make([][]render.File, len(eds))
	var wg sync.WaitGroup
	for k := range 2 * len(eds) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			files, err := r.Render(eds[k%len(eds)])
			assert.NoError(t, err)
			if k >= len(eds) {
				concurrent[k%len(eds)] = files
			}
		}()
	}
	wg.Wait()
	for i := range eds {
		require.Len(t, first[i], 2)
		for j, f := range first[i] {
			for name, other := range map[string][][]render.File{"in reverse order": reversed, "in another order": again, "concurrently": concurrent} {
				assert.True(t, bytes.Equal(f.Data, other[i][j].Data), "%s differs when rendered %s", f.Name, name)
			}
		}
	}
	for f := range faces {
		assert.True(t, bytes.Equal(fonts[f], faces[f].ttf), "the embedded font %s %s changed", faces[f].family, faces[f].style)
	}
}

// BenchmarkHostile sets the PDF of a project whose one unit is a
// megabyte of a hostile pattern, for each of fixture.Hostile, edition
// included: what `bitext render --only pdf` does with such a
// translation. TestHostileLinear holds the cost to linear.
func BenchmarkHostile(b *testing.B) {
	const size = 1 << 20
	for _, h := range fixture.Hostile {
		w, err := fixture.OneUnit(fixture.Repeat(h.Pattern, size))
		require.NoError(b, err)
		b.Run(h.Name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (Renderer{Paper: render.A4}).Render(render.NewEdition(w, w.Docs[0])); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
