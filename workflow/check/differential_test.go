package check

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/segment"
)

// oneUnit returns a project whose source has a title, three paragraphs
// and a note, translated into Spanish, the second paragraph ("The second
// paragraph.", plain) as translation, and the ID of that paragraph.
func oneUnit(t testing.TB, translation string) (*project.Workspace, string) {
	src := "# A title\n\nA first paragraph[^1].\n\nThe second paragraph.\n\nA third one.\n\n[^1]: A note.\n"
	fsys := fstest.MapFS{"source/one.md": {Data: []byte(src)}}
	cfg := project.Default()
	cfg.Sources = []string{"source/one.md"}
	w, err := project.Load(project.Inputs{Root: fsys}, cfg)
	require.NoError(t, err)
	var entries []catalog.Entry
	var id string
	for i := range w.Docs[0].Units {
		u := &w.Docs[0].Units[i]
		text := "ES " + u.Text
		if u.Text == "The second paragraph." {
			text, id = translation, u.ID
		}
		entries = append(entries, catalog.Entry{Message: catalog.Message{ID: u.ID, Description: string(u.Kind), Hash: project.Hash(u), Other: text}})
	}
	fsys["locales/one.es.toml"] = &fstest.MapFile{Data: catalog.Marshal(catalog.TOML, nil, nil, entries)}
	w, err = project.Load(project.Inputs{Root: fsys}, cfg)
	require.NoError(t, err)
	return w, id
}

var mdSite = goldmark.New(goldmark.WithExtensions(extension.GFM))

// shownCounts counts, in the Spanish and bilingual editions of w (HTML
// and Markdown, the Markdown read back by goldmark with GFM as a site
// would), the links to URLs, emphasis, strong emphasis, strikethrough,
// code spans and raw HTML.
func shownCounts(t testing.TB, w *project.Workspace) map[string]int {
	ed := render.NewEdition(w, w.Docs[0])
	out := map[string]int{}
	for _, r := range []render.Renderer{render.BilingualHTML{Paper: render.A4}, render.MonolingualHTML{Paper: render.A4}, render.Markdown{}} {
		files, err := r.Render(ed)
		require.NoError(t, err)
		for _, f := range files {
			if strings.Contains(f.Name, ".en.") {
				continue
			}
			if !strings.HasSuffix(f.Name, ".md") {
				for _, href := range []string{`href="http`, `href="mailto`, `href="ftp`, `href="www`, `href="tel`} {
					out[f.Name+" links"] += bytes.Count(f.Data, []byte(href))
				}
				out[f.Name+" em"] = bytes.Count(f.Data, []byte("<em>"))
				out[f.Name+" strong"] = bytes.Count(f.Data, []byte("<strong>"))
				out[f.Name+" strike"] = bytes.Count(f.Data, []byte("<s>"))
				out[f.Name+" code"] = bytes.Count(f.Data, []byte("<code>"))
				out[f.Name+" images"] = bytes.Count(f.Data, []byte("<img"))
				continue
			}
			doc := mdSite.Parser().Parse(text.NewReader(f.Data))
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n := n.(type) {
				case *ast.AutoLink:
					out[f.Name+" links"]++
				case *ast.Link:
					if !strings.HasPrefix(string(n.Destination), "#") && !noteLabel(n, f.Data) {
						out[f.Name+" links"]++
					}
				case *ast.Image:
					out[f.Name+" images"]++
				case *ast.Emphasis:
					if n.Level == 1 {
						out[f.Name+" em"]++
					} else {
						out[f.Name+" strong"]++
					}
				case *extast.Strikethrough:
					out[f.Name+" strike"]++
				case *ast.CodeSpan:
					out[f.Name+" code"]++
				case *ast.RawHTML:
					out[f.Name+" html"]++
				}
				return ast.WalkContinue, nil
			})
		}
	}
	return out
}

var plainShown map[string]int

// checkShown fails when an edition shows more links, images, emphasis,
// strikethrough, code spans or raw HTML for a translation than check reads in it, or a
// link to a URL that check does not flag (the English has none).
func checkShown(t *testing.T, translation string) {
	translation = segment.Normalize(translation)
	if translation == "" {
		return
	}
	if plainShown == nil {
		w, _ := oneUnit(t, "El segundo párrafo.")
		plainShown = shownCounts(t, w)
	}
	w, id := oneUnit(t, translation)
	shown := shownCounts(t, w)
	// What the locale file holds, as check and the editions read it: the
	// file is UTF-8, so bytes that are not are U+FFFD there.
	for _, e := range w.Docs[0].Locales[0].Entries {
		if e.Message.ID == id {
			translation = e.Message.Other
		}
	}
	var known unitText
	known.parse(translation)
	kinds := map[string]int{"links": len(known.urls), "images": known.images, "em": known.em, "strong": known.strong,
		"strike": known.strike, "code": known.codeSpans, "html": len(known.html)}
	linked := false
	for k, n := range shown {
		extra := n - plainShown[k]
		kind := k[strings.LastIndexByte(k, ' ')+1:]
		allowed := kinds[kind]
		if strings.HasSuffix(k[:strings.IndexByte(k, ' ')], ".md") {
			// The Markdown edition writes template tags as they are, for
			// the site's generator; read as plain Markdown, one may be
			// any markup. The template check flags a tag the English has
			// not, so each counts as known.
			allowed += len(known.placeholders)
		}
		if extra > allowed {
			t.Errorf("%s: %d more than a plain translation shows, for %q, where check reads %d", k, extra, translation, allowed)
		}
		if kind == "links" && extra > 0 {
			linked = true
		}
	}
	if !linked {
		return
	}
	rep, err := Run(w, Config{})
	require.NoError(t, err)
	for _, f := range rep.Findings {
		if f.ID == id && (f.Check == "links" || f.Check == "template" && len(known.placeholders) > 0) {
			return
		}
	}
	t.Errorf("the editions link %q, which the English has not, and check does not flag it", translation)
}

// markedUp returns a random text of words and Markdown marks, the
// issue's "random marked-up strings".
func markedUp(rng *rand.Rand) string {
	pieces := []string{"palabra", "otra", " ", " ", "*", "**", "_", "__", "~~", "~", "`", "[", "]", "(", ")", "](", "![",
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
// edition (bilingual and Spanish HTML, Spanish Markdown) shows a link,
// image, emphasis, strikethrough, code span or raw HTML that check does
// not read, and a
// link shown is always flagged. Check's own parser disagreed on 40 of
// these.
func TestChecksSeeWhatEditionsShow(t *testing.T) {
	for _, s := range differentialSeeds {
		checkShown(t, s)
	}
	for _, form := range linkifyForms {
		checkShown(t, "Lea el informe "+form+" hoy.")
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
	"[clic](javascript:alert(1)) <https://evil.example> ***a*** **b** *c* _d_",
}

// FuzzChecksSeeWhatEditionsShow is TestChecksSeeWhatEditionsShow on any
// text.
func FuzzChecksSeeWhatEditionsShow(f *testing.F) {
	for _, s := range differentialSeeds {
		f.Add(s)
	}
	f.Fuzz(checkShown)
}

// noteLabel reports whether a link is a note reference "[^1]" that
// goldmark without footnotes reads as a link to its reference definition.
func noteLabel(n *ast.Link, src []byte) bool {
	t, ok := n.FirstChild().(*ast.Text)
	return ok && bytes.HasPrefix(t.Segment.Value(src), []byte("^"))
}
