package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

// TestArchiveIndex reads the index pages and manifest of a project with
// two target languages, French under way: every document with its title
// in each language, each translation's completeness, the credits, and a
// link to each edition.
func TestArchiveIndex(t *testing.T) {
	files := scenarios(t)["two-locales"]
	var m struct {
		Schema       string
		SourceLocale string `json:"source_locale"`
		Locales      []string
		Documents    []ArchiveDoc
	}
	require.NoError(t, json.Unmarshal(files["index.json"], &m))
	assert.Equal(t, "bitext-archive/1", m.Schema)
	// The index carries no script, so its policy allows none; the
	// editions allow their reading script.
	assert.Contains(t, string(files["index.html"]), "script-src 'none';")
	assert.Contains(t, string(files["two.en-es.html"]), "script-src "+readingHash+";")
	assert.Equal(t, "en", m.SourceLocale)
	assert.Equal(t, []string{"es", "fr"}, m.Locales)
	require.Len(t, m.Documents, 1)
	d := m.Documents[0]
	assert.Equal(t, "two", d.Doc)
	require.Len(t, d.Titles, 3)
	assert.Equal(t, []string{"en", "es", "fr"}, []string{d.Titles[0].Locale, d.Titles[1].Locale, d.Titles[2].Locale})
	assert.NotEqual(t, d.Titles[0].Title, d.Titles[1].Title, "the Spanish title is the translation's")
	require.Len(t, d.Locales, 2)
	assert.True(t, d.Locales[0].Complete)
	assert.Equal(t, 100.0, d.Locales[0].Percent)
	assert.False(t, d.Locales[1].Complete, "French is under way")
	assert.Less(t, d.Locales[1].Percent, 100.0)
	var kinds []string
	for _, e := range d.Editions {
		kinds = append(kinds, e.Kind+":"+strings.Join(e.Locales, "-")+":"+e.File)
		assert.Contains(t, files, e.File, "the manifest lists %s, which is not rendered", e.File)
	}
	assert.ElementsMatch(t, []string{
		"bilingual:en-es:two.en-es.html", "bilingual:en-fr:two.en-fr.html", "html:en:two.en.html", "html:es:two.es.html",
		"html:fr:two.fr.html", "md:en:two.en.md", "md:es:two.es.md", "md:fr:two.fr.md",
	}, kinds)

	for _, page := range []struct{ name, lang, heading string }{
		{"index.html", "en", "Articles"}, {"index.es.html", "es", "Artículos"}, {"index.fr.html", "fr", "Articles"},
	} {
		t.Run(page.name, func(t *testing.T) {
			doc := parseHTML(t, files[page.name])
			var links []string
			var htmlLang, h1 string
			walk(doc, func(n *html.Node) {
				if n.Type != html.ElementNode {
					return
				}
				switch n.Data {
				case "html":
					htmlLang, _ = attr(n, "lang")
				case "h1":
					h1 = textOf(n)
				case "a":
					href, _ := attr(n, "href")
					links = append(links, href)
				}
			})
			assert.Equal(t, page.lang, htmlLang)
			assert.Equal(t, page.heading, h1)
			for _, e := range d.Editions {
				assert.Contains(t, links, e.File, "no link to %s", e.File)
			}
			for _, other := range []string{"index.html", "index.es.html", "index.fr.html"} {
				if other != page.name {
					assert.Contains(t, links, other)
				}
			}
			text := textOf(doc)
			for _, title := range d.Titles {
				assert.Contains(t, text, title.Title)
			}
		})
	}
}

// TestArchiveCredits shows the authors under the original's title and
// each locale's translators under its title (the page's language's title
// first), in the page's language, and nothing when there are none.
func TestArchiveCredits(t *testing.T) {
	w := shippedWorkspace(t)
	ed := NewEdition(w, w.Docs[0])
	doc := NewArchiveDoc(ed, []string{ed.Name + ".en-es.html"})
	bare := &Archive{Source: w.SourceLocale(), Targets: w.Locales(), Docs: []ArchiveDoc{doc}}
	doc.Authors = []string{"Jane Doe", "John Roe"}
	doc.Translators = map[string][]string{"es": {"Ana Ruiz"}}
	credited := &Archive{Source: w.SourceLocale(), Targets: w.Locales(), Docs: []ArchiveDoc{doc}}
	for _, tc := range []struct {
		name string
		a    *Archive
		page string
		want []string
	}{
		{"english", credited, "index.html", []string{"By Jane Doe, John Roe", "Translated by Ana Ruiz"}},
		{"spanish", credited, "index.es.html", []string{"Traducción de Ana Ruiz", "Por Jane Doe, John Roe"}},
		{"none", bare, "index.html", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, err := tc.a.Render()
			require.NoError(t, err)
			var got []string
			for _, f := range files {
				if f.Name != tc.page {
					continue
				}
				walk(parseHTML(t, f.Data), func(n *html.Node) {
					if n.Type == html.ElementNode && hasClass(n, "credit") {
						got = append(got, textOf(n))
					}
				})
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestArchiveEditionKinds: an edition's kind and languages come from the
// names the renderers give, not from guessing at a name's parts: British
// English from English is a one-language edition, not a bilingual one.
func TestArchiveEditionKinds(t *testing.T) {
	w, err := fixture.Load("source/a.md", "# Title\n\nA paragraph.\n", []string{"en-GB", "es"}, fixture.Spanish)
	require.NoError(t, err)
	ed := NewEdition(w, w.Docs[0])
	var names []string
	for _, r := range renderers {
		files, err := r.Render(ed)
		require.NoError(t, err)
		for _, f := range files {
			names = append(names, f.Name)
		}
	}
	var got []string
	for _, e := range NewArchiveDoc(ed, append(names, "a.notes.txt")).Editions {
		got = append(got, e.Kind+":"+strings.Join(e.Locales, "+")+":"+e.File)
	}
	assert.ElementsMatch(t, []string{
		"bilingual:en+en-GB:a.en-en-GB.html", "bilingual:en+es:a.en-es.html",
		"html:en:a.en.html", "html:en-GB:a.en-GB.html", "html:es:a.es.html",
		"md:en:a.en.md", "md:en-GB:a.en-GB.md", "md:es:a.es.md",
	}, got, "every edition, each of its kind; a file no renderer makes is left out")
}
