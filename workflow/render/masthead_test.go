package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

// hostileCredits try to leave the JSON-LD's script element and the
// attributes they are written in.
var hostileCredits = project.DocCredits{
	Authors:     []string{`Ana </script><script>alert(1)</script>`, `"><img src=x onerror=alert(2)>`},
	Translators: map[string][]string{"es": {"</SCRIPT >Eva"}},
	Publisher:   "<!--<script>",
	URL:         "https://example.org/a?</script>",
	Date:        "2018-05-23",
	License:     "CC BY 4.0\u2028</script\t>",
}

// TestMastheadJSONLD renders every HTML edition with hostile credits and
// reads each back as a browser would: the only scripts are the reading
// script and one JSON-LD element whose text is the whole Article, every
// value as given; no element, attribute or comment comes of the credits.
func TestMastheadJSONLD(t *testing.T) {
	w, err := fixture.OneUnit("A paragraph.")
	require.NoError(t, err)
	ed := NewEdition(w, w.Docs[0])
	ed.Credits = hostileCredits
	var files []File
	for _, r := range []Renderer{BilingualHTML{Paper: A4}, MonolingualHTML{Paper: A4}} {
		fs, err := r.Render(ed)
		require.NoError(t, err)
		files = append(files, fs...)
	}
	require.Len(t, files, 3)
	for _, f := range files {
		t.Run(f.Name, func(t *testing.T) {
			doc, err := html.Parse(bytes.NewReader(f.Data))
			require.NoError(t, err)
			var lds []string
			scripts, authors := 0, 0
			for n := range doc.Descendants() {
				switch {
				case n.Type == html.CommentNode:
					t.Errorf("a comment in the page: %q", n.Data)
				case n.Type == html.ElementNode && (n.Data == "img" || n.Data == "b"):
					t.Errorf("an element of the credits: <%s>", n.Data)
				case n.Type == html.ElementNode && n.Data == "script":
					scripts++
					if htmlAttr(n, "type") == "application/ld+json" {
						require.NotNil(t, n.FirstChild)
						lds = append(lds, n.FirstChild.Data)
					}
				case n.Type == html.ElementNode && n.Data == "meta" && htmlAttr(n, "name") == "author":
					assert.Equal(t, hostileCredits.Authors[authors], htmlAttr(n, "content"))
					authors++
				}
			}
			assert.Equal(t, 2, scripts, "the reading script and the JSON-LD")
			assert.Equal(t, len(hostileCredits.Authors), authors)
			require.Len(t, lds, 1)
			var ld map[string]any
			require.NoError(t, json.Unmarshal([]byte(lds[0]), &ld), "the JSON-LD is the script's whole text")
			assert.Equal(t, "https://schema.org", ld["@context"])
			assert.Equal(t, "Article", ld["@type"])
			assert.NotContains(t, strings.ToLower(lds[0]), "</script")
			original := ld
			if f.Name != LangName(ed, 0, "html") {
				original = ld["translationOfWork"].(map[string]any)
				assert.Equal(t, "</SCRIPT >Eva", ld["translator"].([]any)[0].(map[string]any)["name"])
			} else {
				assert.Equal(t, "es", ld["workTranslation"].([]any)[0].(map[string]any)["inLanguage"])
			}
			assert.Equal(t, "en", original["inLanguage"])
			assert.Equal(t, hostileCredits.Authors[0], original["author"].([]any)[0].(map[string]any)["name"])
			assert.Equal(t, hostileCredits.Publisher, original["publisher"].(map[string]any)["name"])
			assert.Equal(t, hostileCredits.URL, original["url"])
			assert.Equal(t, hostileCredits.License, original["license"])
			assert.Equal(t, "2018-05-23", original["datePublished"])
		})
	}
}

// TestMastheadLines checks the masthead of each column: in its
// language, the translators and reviewers in the translation's only, the
// date written the language's way and linked when the address is safe.
func TestMastheadLines(t *testing.T) {
	w, err := fixture.OneUnit("A paragraph.")
	require.NoError(t, err)
	ed := NewEdition(w, w.Docs[0])
	assert.Empty(t, ed.Masthead(0), "no credits, no masthead")
	ed.Credits = project.DocCredits{
		Authors: []string{"Ana Ruiz"}, Translators: map[string][]string{"es": {"Eva Gil"}}, Reviewers: map[string][]string{"es": {"Luis Gómez"}},
		Publisher: "Hope Border Institute", Date: "2018-05-23", URL: "https://example.org/a", License: "CC BY 4.0",
	}
	text := func(col int) []string {
		var out []string
		for _, l := range ed.Masthead(col) {
			out = append(out, l.Text())
		}
		return out
	}
	assert.Equal(t, []string{"By Ana Ruiz", "Published by Hope Border Institute", "First published May 23, 2018", "Licence: CC BY 4.0"}, text(0))
	assert.Equal(t, []string{"Por Ana Ruiz", "Traducción de Eva Gil", "Revisado por Luis Gómez", "Publicado por Hope Border Institute",
		"Publicado originalmente el 23 de mayo de 2018", "Licencia: CC BY 4.0"}, text(1))
	pub := ed.Masthead(1)[4]
	assert.Equal(t, "23 de mayo de 2018", pub.Linked)
	assert.Equal(t, "https://example.org/a", pub.URL)

	ed.Credits.URL = "javascript:alert(1)"
	assert.Empty(t, ed.Masthead(0)[2].URL, "an unsafe address is not linked")
	ed.Credits.Date = ""
	assert.Equal(t, "First published javascript:alert(1)", ed.Masthead(0)[2].Text(), "without a date, the address as text")
}
