package render

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/hopeborder/bitext/workflow/check"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// shown counts what the editions make of the translation of the unit
// "The second paragraph." when it is text: links, images, emphasis,
// strong emphasis and code spans in the edition's spans (which every
// renderer draws), the same elements in the bilingual and Spanish HTML
// beyond those a plain translation gives, and the same nodes in the
// Spanish Markdown edition read back by goldmark as a Markdown site
// would (GFM linkify on). It also returns whether check flags that unit
// with links or markup.
func shown(t testing.TB, translation string) (what []string, flagged bool) {
	w, err := fixture.OneUnit(translation)
	require.NoError(t, err)
	ed := NewEdition(w, w.Docs[0])
	var id string
	for i := range ed.Rows {
		if ed.Rows[i].Cells[0].Spans != nil && PlainText(ed.Rows[i].Cells[0].Spans) == "The second paragraph." {
			id = ed.Rows[i].ID
			Walk(ed.Rows[i].Cells[1].Spans, func(s *Span) {
				switch s.Kind {
				case Link, Emph, Strong, Code:
					what = append(what, "span "+s.Kind.String()+" "+s.URL)
				}
			})
		}
	}
	require.NotEmpty(t, id)
	for _, r := range []Renderer{BilingualHTML{Paper: A4}, MonolingualHTML{Paper: A4}, Markdown{}} {
		files, err := r.Render(ed)
		require.NoError(t, err)
		for _, f := range files {
			if strings.HasSuffix(f.Name, ".en.html") || strings.HasSuffix(f.Name, ".en.md") {
				continue
			}
			for el, n := range elements(f.Name, f.Data) {
				if n > plainElements(t, f.Name)[el] {
					what = append(what, fmt.Sprintf("%s: %d %s", f.Name, n, el))
				}
			}
		}
	}
	rep, err := check.Run(w, check.Config{})
	require.NoError(t, err)
	for _, f := range rep.Findings {
		if f.ID == id && (f.Check == "links" || f.Check == "markup" || f.Check == "notes") {
			flagged = true
		}
	}
	return what, flagged
}

// Walk calls f for each span and, depth first, its children.
func Walk(spans []Span, f func(*Span)) {
	for i := range spans {
		f(&spans[i])
		Walk(spans[i].Children, f)
	}
}

var plainCounts = map[string]map[string]int{}

// plainElements counts the elements of file name when the translation
// is plain text.
func plainElements(t testing.TB, name string) map[string]int {
	if plainCounts[name] == nil {
		w, err := fixture.OneUnit("El segundo párrafo.")
		require.NoError(t, err)
		ed := NewEdition(w, w.Docs[0])
		for _, r := range []Renderer{BilingualHTML{Paper: A4}, MonolingualHTML{Paper: A4}, Markdown{}} {
			files, err := r.Render(ed)
			require.NoError(t, err)
			for _, f := range files {
				plainCounts[f.Name] = elements(f.Name, f.Data)
			}
		}
	}
	return plainCounts[name]
}

var mdSite = goldmark.New(goldmark.WithExtensions(extension.GFM))

// elements counts links, images, emphasis and code in an output file.
func elements(name string, data []byte) map[string]int {
	out := map[string]int{}
	if strings.HasSuffix(name, ".md") {
		doc := mdSite.Parser().Parse(text.NewReader(data))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				switch n.(type) {
				case *ast.Link, *ast.AutoLink, *ast.Image, *ast.Emphasis, *ast.CodeSpan, *ast.RawHTML:
					out[n.Kind().String()]++
				}
			}
			return ast.WalkContinue, nil
		})
		return out
	}
	for _, el := range []string{"<a ", "<img", "<em>", "<strong>", "<code>", "<del>", "<script", "<iframe"} {
		out[el] = bytes.Count(data, []byte(el))
	}
	return out
}

// checkShown fails when an edition shows markup or a link in a
// translation of plain English that check does not flag.
func checkShown(t *testing.T, translation string) {
	translation = segment.Normalize(translation)
	if translation == "" || strings.ContainsAny(translation, "\x00") {
		return
	}
	what, flagged := shown(t, translation)
	if len(what) > 0 && !flagged {
		t.Errorf("the editions show %q for %q, and check does not flag it", what, translation)
	}
}

// markedUp returns a random text of words and Markdown marks, the
// issue's "random marked-up strings".
func markedUp(rng *rand.Rand) string {
	pieces := []string{"palabra", "otra", " ", " ", "*", "**", "_", "__", "~~", "`", "[", "]", "(", ")", "](", "![",
		"https://x.org", "www.x.org", "ftp://x.org", "a@b.org", "<", ">", "<b>", "</b>", "\\", "&amp;", "[^1]",
		"{{< x >}}", "{{", "}}", ".", ",", "«", "»"}
	var b strings.Builder
	for n := 2 + rng.Intn(12); n > 0; n-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

// TestChecksSeeWhatEditionsShow is the differential test of the checks
// against the renderers: for 2,000 random marked-up translations of a
// plain English paragraph, the linkify forms and the cases, no
// edition shows a link, image, emphasis or code span that check does not
// flag.
func TestChecksSeeWhatEditionsShow(t *testing.T) {
	for _, s := range differentialSeeds {
		checkShown(t, s)
	}
	rng := rand.New(rand.NewSource(11))
	for range 2000 {
		checkShown(t, markedUp(rng))
	}
}

var differentialSeeds = []string{
	"Lea … nota_https://evil.example/phish …",
	"El _informe [dice 80_](https://x.org) …",
	"escriba a (user@evil.example) o *ftp://evil.example/x",
	"![mapa](https://evil.example/track.png) <b>negrita</b> ~~tachado~~ `código` {{< x >}}",
	"[clic](javascript:alert(1)) <https://evil.example>",
}

// FuzzChecksSeeWhatEditionsShow is TestChecksSeeWhatEditionsShow on any
// text.
func FuzzChecksSeeWhatEditionsShow(f *testing.F) {
	for _, s := range differentialSeeds {
		f.Add(s)
	}
	f.Fuzz(checkShown)
}
