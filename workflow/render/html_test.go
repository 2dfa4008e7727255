package render

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// renderAll renders every document of w with the text renderers, and
// the archive's index pages and manifest of them.
func renderAll(t testing.TB, w *project.Workspace) map[string][]byte {
	out := map[string][]byte{}
	a := &Archive{Source: w.SourceLocale(), Targets: w.Locales()}
	for _, d := range w.Docs {
		ed := NewEdition(w, d)
		var names []string
		for _, r := range renderers {
			files, err := r.Render(ed)
			require.NoError(t, err)
			for _, f := range files {
				require.NotContains(t, out, f.Name, "two renderers write %s", f.Name)
				out[f.Name] = f.Data
				names = append(names, f.Name)
			}
		}
		a.Docs = append(a.Docs, NewArchiveDoc(ed, names))
	}
	files, err := a.Render()
	require.NoError(t, err)
	for _, f := range files {
		require.NotContains(t, out, f.Name, "the archive writes an edition's %s", f.Name)
		out[f.Name] = f.Data
	}
	return out
}

// scenarios returns the rendered files of every golden scenario, and of a
// project with two target languages.
func scenarios(t *testing.T) map[string]map[string][]byte {
	all := map[string]map[string][]byte{"shipped": renderAll(t, shippedWorkspace(t))}
	paths, err := filepath.Glob("testdata/golden/*.txtar")
	require.NoError(t, err)
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		if name == "shipped" {
			continue
		}
		ar, err := txtar.ParseFile(p)
		require.NoError(t, err)
		all[name] = renderAll(t, scenarioWorkspace(t, ar))
	}
	w, err := fixture.Load("source/two.md", fixture.Article(30), []string{"es", "fr"}, func(loc string, u *segment.Unit) (string, bool) {
		if loc == "fr" {
			if u.Kind == segment.Paragraph {
				return "", false // French is under way
			}
			return "[fr] " + u.Text, false
		}
		return fixture.Spanish(loc, u)
	})
	require.NoError(t, err)
	all["two-locales"] = renderAll(t, w)
	ar, err := fixture.Load("source/rtl.md", fixture.Article(30), []string{"ar"}, fixture.Arabic)
	require.NoError(t, err)
	all["arabic"] = renderAll(t, ar)
	return all
}

func parseHTML(t *testing.T, data []byte) *html.Node {
	doc, err := html.Parse(bytes.NewReader(data))
	require.NoError(t, err)
	return doc
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func TestFileNames(t *testing.T) {
	all := scenarios(t)
	assert.ElementsMatch(t, []string{
		"us-mexico-persecution-of-migrants-2018-05-23.en-es.html",
		"us-mexico-persecution-of-migrants-2018-05-23.en.html",
		"us-mexico-persecution-of-migrants-2018-05-23.es.html",
		"us-mexico-persecution-of-migrants-2018-05-23.es.md",
		"index.html", "index.es.html", "index.json",
	}, keys(all["shipped"]))
	assert.ElementsMatch(t, []string{
		"two.en-es.html", "two.en-fr.html", "two.en.html", "two.es.html", "two.fr.html", "two.en.md", "two.es.md", "two.fr.md",
		"index.html", "index.es.html", "index.fr.html", "index.json",
	}, keys(all["two-locales"]))
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestLinksResolve checks that every id is unique, every link to #id has
// its target in the page, and every link to another file names a file
// rendered alongside.
func TestLinksResolve(t *testing.T) {
	for scenario, files := range scenarios(t) {
		for name, data := range files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			t.Run(scenario+"/"+name, func(t *testing.T) {
				doc := parseHTML(t, data)
				ids := map[string]int{}
				var hrefs []string
				walk(doc, func(n *html.Node) {
					if n.Type != html.ElementNode {
						return
					}
					if id, ok := attr(n, "id"); ok {
						ids[id]++
					}
					if n.Data == "a" || n.Data == "link" {
						if h, ok := attr(n, "href"); ok {
							hrefs = append(hrefs, h)
						}
					}
					if n.Data == "label" {
						if f, ok := attr(n, "for"); ok {
							hrefs = append(hrefs, "#"+f)
						}
					}
				})
				for id, n := range ids {
					assert.Equal(t, 1, n, "id %q is used %d times", id, n)
				}
				internal := 0
				for _, h := range hrefs {
					switch {
					case strings.HasPrefix(h, "#"):
						internal++
						assert.Contains(t, ids, h[1:], "link to %s has no target", h)
					case strings.Contains(h, "://") || strings.HasPrefix(h, "mailto:"):
					default:
						assert.Contains(t, files, h, "link to %s, which is not rendered", h)
					}
				}
				if scenario == "shipped" && strings.Contains(name, "en-es") {
					// 26 notes, each cited once and linking back, in two columns,
					// the three labels of the switch, and 14 paragraphs'
					// citation numbers.
					assert.Equal(t, 26*2*2+3+14, internal)
				}
			})
		}
	}
}

// TestCellsHaveLang checks that every cell of a bilingual edition says
// its language, and that a passage shown in the original says it is the
// original, marked in the column's language.
func TestCellsHaveLang(t *testing.T) {
	for scenario, files := range scenarios(t) {
		for name, data := range files {
			parts := strings.Split(name, ".")
			if !strings.HasSuffix(name, ".html") || !strings.Contains(parts[len(parts)-2], "-") {
				continue // not bilingual
			}
			t.Run(scenario+"/"+name, func(t *testing.T) {
				cells, marks := 0, 0
				walk(parseHTML(t, data), func(n *html.Node) {
					if n.Type != html.ElementNode || !hasClass(n, "cell") {
						return
					}
					cells++
					lang, ok := attr(n, "lang")
					if !assert.True(t, ok, "cell %q has no lang", textOf(n)) {
						return
					}
					if hasClass(n, "fallback") {
						marks++
						assert.Equal(t, "en", lang, "a fallback cell shows the English")
						assert.True(t, hasClass(n, "tgt"))
						var mark *html.Node
						walk(n, func(c *html.Node) {
							if c.Type == html.ElementNode && hasClass(c, "mark") {
								mark = c
							}
						})
						if assert.NotNil(t, mark, "fallback cell %q has no mark", textOf(n)) {
							ml, _ := attr(mark, "lang")
							assert.NotEqual(t, "en", ml)
						}
					}
				})
				assert.Greater(t, cells, 10)
				switch scenario {
				case "shipped":
					assert.Zero(t, marks)
				case "incomplete":
					assert.Equal(t, 3, marks) // stale paragraph, item, note a
				}
			})
		}
	}
}

// TestUntrustedTranslation renders the untrusted scenario and checks that
// nothing in it can run or fetch: in the HTML editions, and in HTML made
// from the Markdown edition by a Markdown processor that lets raw HTML
// through.
func TestUntrustedTranslation(t *testing.T) {
	files := scenarios(t)["untrusted"]
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			page := data
			index := strings.HasPrefix(name, "index.")
			if name == "index.json" {
				// The title, as data: JSON's escapes, no markup made.
				var m struct{ Documents []ArchiveDoc }
				require.NoError(t, json.Unmarshal(data, &m))
				require.Len(t, m.Documents, 1)
				assert.Contains(t, m.Documents[0].Titles[1].Title, `</style><script>alert("title")</script>`)
				return
			}
			css := styleCSS
			if index {
				css = archiveCSS
			}
			if strings.HasSuffix(name, ".md") {
				var buf bytes.Buffer
				require.NoError(t, md.Convert(data, &buf))
				page = buf.Bytes()
				assert.Contains(t, string(data), `\<script>alert(document.cookie)\</script>`)
			}
			doc := parseHTML(t, page)
			styles, scripts := 0, 0
			walk(doc, func(n *html.Node) {
				if n.Type != html.ElementNode {
					return
				}
				switch n.Data {
				case "script":
					// The page's own script, alone, which the policy
					// allows by its hash.
					scripts++
					assert.Equal(t, readingJS, textOf(n), "a <script> element came through")
				case "img", "iframe", "svg", "object", "embed":
					t.Errorf("a <%s> element came through", n.Data)
				case "style":
					styles++
					assert.True(t, strings.HasPrefix(textOf(n), "\n"+css), "the style element holds more than the stylesheet")
				}
				for _, a := range n.Attr {
					assert.False(t, strings.HasPrefix(strings.ToLower(a.Key), "on"), "<%s %s=%q>", n.Data, a.Key, a.Val)
					if a.Key == "href" || a.Key == "src" {
						assert.True(t, SafeURL(a.Val), "<%s %s=%q>", n.Data, a.Key, a.Val)
					}
				}
			})
			text := textOf(doc)
			if index {
				// The Spanish title, shown as text.
				assert.Contains(t, text, `Un título </style><script>alert("title")</script> normal`)
			} else if strings.HasSuffix(name, ".es.html") || strings.HasSuffix(name, "en-es.html") || strings.HasSuffix(name, ".md") {
				// Shown, as text, not dropped.
				assert.Contains(t, text, "<script>alert(document.cookie)</script>")
				assert.Contains(t, text, "<img src=x onerror=alert(1)>")
				assert.Contains(t, text, "Haga clic")
			}
			if strings.HasSuffix(name, ".html") {
				assert.Equal(t, 1, styles)
				if index {
					assert.Zero(t, scripts, "the index pages need no script")
				} else {
					assert.Equal(t, 1, scripts)
				}
			} else {
				assert.Zero(t, scripts, "a <script> element came through")
			}
		})
	}
}

// TestSelfContained checks that an HTML edition loads nothing: no
// external stylesheet, script, image, font or import, and a content
// security policy that forbids them.
func TestSelfContained(t *testing.T) {
	for name, data := range scenarios(t)["shipped"] {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			csp := false
			walk(parseHTML(t, data), func(n *html.Node) {
				if n.Type != html.ElementNode {
					return
				}
				if _, ok := attr(n, "src"); ok {
					t.Errorf("<%s> has a src", n.Data)
				}
				if rel, _ := attr(n, "rel"); n.Data == "link" && rel != "alternate" {
					t.Errorf("<link rel=%q>", rel)
				}
				if n.Data == "style" {
					css := textOf(n)
					assert.NotContains(t, css, "url(")
					assert.NotContains(t, css, "@import")
					assert.NotContains(t, css, "@font-face")
				}
				if v, _ := attr(n, "http-equiv"); v == "Content-Security-Policy" {
					c, _ := attr(n, "content")
					script := readingHash
					if strings.HasPrefix(name, "index") {
						script = "'none'" // the index has no script
					}
					csp = strings.Contains(c, "default-src 'none'") && strings.Contains(c, "script-src "+script+";")
				}
			})
			assert.True(t, csp, "no content security policy")
		})
	}
}

// TestDatesPerLocale checks that the date is written each language's way
// and marked up with its ISO date.
func TestDatesPerLocale(t *testing.T) {
	data := scenarios(t)["shipped"]["us-mexico-persecution-of-migrants-2018-05-23.en-es.html"]
	got := map[string]string{}
	walk(parseHTML(t, data), func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "time" {
			dt, _ := attr(n, "datetime")
			assert.Equal(t, "2018-05-23", dt)
			lang, _ := attr(n.Parent, "lang")
			got[lang] = textOf(n)
		}
	})
	assert.Equal(t, map[string]string{"en": "May 23, 2018", "es": "23 de mayo de 2018"}, got)
}

// TestProgress checks that an incomplete translation says how complete
// it is, and a complete one says nothing.
func TestProgress(t *testing.T) {
	all := scenarios(t)
	assert.NotContains(t, string(all["shipped"]["us-mexico-persecution-of-migrants-2018-05-23.en-es.html"]), `class="row progress"`)
	bi := string(all["incomplete"]["border.en-es.html"])
	assert.Contains(t, bi, "This translation is 71.4% complete: 10 of 14 passages.")
	assert.Contains(t, bi, "Esta traducción está completa al 71,4\u00a0%: 10 de 14 pasajes.")
	assert.Contains(t, string(all["incomplete"]["border.es.html"]), `<p class="progress" role="note">Esta traducción`)
	assert.NotContains(t, string(all["incomplete"]["border.en.html"]), `class="progress"`)
	assert.Contains(t, string(all["two-locales"]["two.en-fr.html"]), "Cette traduction est complète à")
}

func TestEditionNotes(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/golden/incomplete.txtar")
	require.NoError(t, err)
	w := scenarioWorkspace(t, ar)
	ed := NewEdition(w, w.Docs[0])
	var notes []string
	for _, r := range ed.Rows {
		if r.Kind == segment.Note {
			notes = append(notes, r.ID)
			assert.Equal(t, len(notes), r.Note)
		}
	}
	assert.Equal(t, []string{"note-who", "note-b", "note-a"}, notes)
	assert.Equal(t, 3, ed.Notes)
	// Note b is cited twice in each column; the stale and untranslated
	// cells cite through the English they show.
	assert.Equal(t, []int{1, 2, 1}, ed.RefCounts[0])
	assert.Equal(t, []int{1, 2, 1}, ed.RefCounts[1])
	assert.Equal(t, Lang{Tag: ed.Langs[1].Tag, Translated: 10, Stale: 1, Untranslated: 3}, ed.Langs[1])
	var missing []string
	for _, r := range ed.Missing(1) {
		missing = append(missing, r.ID)
	}
	assert.Equal(t, []string{"date", "p-the-second-paragraph-changed-since", "li-another-item-untranslated", "note-a"}, missing)
	for _, r := range ed.Missing(1) {
		c := r.Cells[1]
		assert.Equal(t, r.Kind != segment.Date, c.Fallback, r.ID)
	}
}

// TestMarkdownReadsBack checks that bitext's own Markdown reader reads a
// Markdown edition as the units of the article, in order and kind.
func TestMarkdownReadsBack(t *testing.T) {
	for scenario, files := range scenarios(t) {
		for name, data := range files {
			if !strings.HasSuffix(name, ".md") {
				continue
			}
			t.Run(scenario+"/"+name, func(t *testing.T) {
				doc, err := segment.Read(name, data)
				require.NoError(t, err)
				var w *project.Workspace
				switch scenario {
				case "shipped":
					w = shippedWorkspace(t)
				default:
					return
				}
				units := w.Docs[0].Units
				require.Len(t, doc.Units, len(units))
				for i, u := range doc.Units {
					assert.Equal(t, units[i].Kind, u.Kind, "unit %d: %s", i, u.Text)
				}
				tr := w.Docs[0].Locales[0].Entries
				for i, u := range doc.Units {
					if u.Kind == segment.Date {
						continue
					}
					assert.Equal(t, PlainText(ParseInline(tr[i].Message.Other)), PlainText(ParseInline(u.Text)), "unit %s", units[i].ID)
				}
			})
		}
	}
}

// TestDeterministic renders the shipped article twice, from two loads of
// the project, and expects the same bytes in every file.
func TestDeterministic(t *testing.T) {
	a := renderAll(t, shippedWorkspace(t))
	b := renderAll(t, shippedWorkspace(t))
	require.Equal(t, len(a), len(b))
	for name, data := range a {
		assert.True(t, bytes.Equal(data, b[name]), "%s differs between two renderings", name)
	}
}

// TestForbiddenCharacters renders a translation holding characters HTML
// forbids in a document (a translator can write them as escapes in the
// locale file): they come out as U+FFFD, and the rest as written.
func TestForbiddenCharacters(t *testing.T) {
	text := "rojo \x1b[31m, nulo \x00, borrar \x7f, C1 \u0085\u009b, no carácter \ufdd0\uffff\U0001fffe, y bien: tab\there ñ 😀"
	w, err := fixture.OneUnit(text)
	require.NoError(t, err)
	ed := NewEdition(w, w.Docs[0])
	for _, r := range []Renderer{BilingualHTML{Paper: A4}, MonolingualHTML{Paper: A4}} {
		files, err := r.Render(ed)
		require.NoError(t, err)
		for _, f := range files {
			page := string(f.Data)
			for _, c := range []string{"\x1b", "\x00", "\x7f", "\u0085", "\u009b", "\ufdd0", "\uffff", "\U0001fffe"} {
				assert.False(t, strings.Contains(page, c), "%s holds %U", f.Name, []rune(c)[0])
			}
			if strings.HasSuffix(f.Name, ".es.html") || strings.HasSuffix(f.Name, "-es.html") {
				// (A tab, and U+0085, are white space: collapsed to a space.)
				want := "rojo \ufffd[31m, nulo \ufffd, borrar \ufffd, C1 \ufffd, no carácter \ufffd\ufffd\ufffd, y bien: tab here ñ 😀"
				assert.True(t, strings.Contains(page, want), "%s does not hold %q", f.Name, want)
			}
		}
	}
}

// TestSharedFragments checks that a link to a passage works in every HTML
// edition: each unit of the shipped article has the same id in the
// bilingual and in each one-language edition, and each reference to a
// note, in any edition, goes to that note's unit.
func TestSharedFragments(t *testing.T) {
	w := shippedWorkspace(t)
	ed := NewEdition(w, w.Docs[0])
	files := scenarios(t)["shipped"]
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "index.") {
			continue // the index pages link to editions, not to passages
		}
		pages++
		ids := map[string]bool{}
		var refs []string
		walk(parseHTML(t, data), func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			if id, ok := attr(n, "id"); ok {
				ids[id] = true
			}
			if role, _ := attr(n, "role"); role == "doc-noteref" {
				h, _ := attr(n, "href")
				refs = append(refs, h)
			}
		})
		for i := range ed.Rows {
			assert.True(t, ids[ed.Rows[i].ID], "%s: no #%s", name, ed.Rows[i].ID)
		}
		require.NotEmpty(t, refs, name)
		for _, h := range refs {
			assert.True(t, strings.HasPrefix(h, "#") && slices.Contains(ed.NoteIDs, h[1:]), "%s: a reference to %s, not to a note's unit", name, h)
		}
	}
	assert.Equal(t, 3, pages)
}

// TestRightToLeft checks the Arabic editions' directions: a page in Arabic
// runs right to left, and so does every Arabic cell or passage in an
// English page; English inside Arabic (a passage shown in the original,
// a URL, code) is isolated, left to right, and a mark in Arabic on an
// English passage is right to left again.
func TestRightToLeft(t *testing.T) {
	files := scenarios(t)["arabic"]
	dirOf := func(n *html.Node) string { d, _ := attr(n, "dir"); return d }
	for _, tc := range []struct {
		page    string
		htmlDir string
	}{
		{"rtl.en-ar.html", ""}, {"rtl.ar.html", "rtl"}, {"rtl.en.html", ""}, {"index.html", ""}, {"index.ar.html", "rtl"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			require.Contains(t, files, tc.page)
			arabic, english, urls, marks := 0, 0, 0, 0
			walk(parseHTML(t, files[tc.page]), func(n *html.Node) {
				if n.Type != html.ElementNode {
					return
				}
				lang, hasLang := attr(n, "lang")
				switch {
				case n.Data == "html":
					assert.Equal(t, tc.htmlDir, dirOf(n), "<html dir>")
				case hasClass(n, "mark"):
					marks++
					assert.Equal(t, "ar", lang)
					assert.Equal(t, "rtl", dirOf(n), "the Arabic mark on an English passage")
				case hasLang && lang == "ar" && tc.htmlDir == "":
					arabic++
					assert.Equal(t, "rtl", dirOf(n), "<%s lang=ar> in an English page", n.Data)
				case hasLang && lang == "en" && tc.htmlDir == "rtl":
					english++
					assert.Equal(t, "ltr", dirOf(n), "<%s lang=en> in an Arabic page", n.Data)
				case hasLang && dirOf(n) != "":
					t.Errorf("<%s lang=%s dir=%s> runs as its page does: no dir", n.Data, lang, dirOf(n))
				}
				if hasClass(n, "url") || n.Data == "code" {
					if p := n.Parent; p != nil {
						// Inside Arabic text, left to right.
						for a := p; a != nil; a = a.Parent {
							if l, ok := attr(a, "lang"); ok {
								if l == "ar" {
									urls++
									assert.Equal(t, "ltr", dirOf(n), "a URL or code in Arabic text")
								}
								break
							}
						}
					}
				}
			})
			switch tc.page {
			case "rtl.en-ar.html":
				assert.Greater(t, arabic, 30, "every Arabic cell")
				assert.Equal(t, 1, marks, "paragraph 3, shown in English")
				assert.Greater(t, urls, 20)
			case "rtl.ar.html":
				assert.Equal(t, 2, english, "paragraph 3, shown in English, and the link to the English edition")
				assert.Equal(t, 1, marks)
				assert.Greater(t, urls, 20)
			case "index.html":
				assert.Greater(t, arabic, 0)
			case "index.ar.html":
				assert.Greater(t, english, 0)
			}
		})
	}
}

// TestRightToLeftMarkdown: the Markdown edition of a plain-text source,
// which bitext writes with front matter, says an Arabic article runs
// right to left, as Pandoc reads it; a Spanish one does not.
func TestRightToLeftMarkdown(t *testing.T) {
	w, err := fixture.Load("source/rtl.txt", "A Title\n\nThe first paragraph is here.\n", []string{"ar", "es"}, func(loc string, u *segment.Unit) (string, bool) {
		if loc == "ar" {
			return fixture.Arabic(loc, u)
		}
		return fixture.Spanish(loc, u)
	})
	require.NoError(t, err)
	files, err := Markdown{}.Render(NewEdition(w, w.Docs[0]))
	require.NoError(t, err)
	got := map[string]string{}
	for _, f := range files {
		got[f.Name] = string(f.Data)
	}
	assert.Contains(t, got["rtl.ar.md"], "\nlang: ar\ndir: rtl\n")
	assert.NotContains(t, got["rtl.es.md"], "dir:")
}
