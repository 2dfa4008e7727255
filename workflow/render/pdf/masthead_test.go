package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

// TestMasthead checks the credits of a PDF: the Info dictionary's
// /Author and the XMP's dc:creator and dc:rights, as poppler reads them,
// escaped where the names hold XML's characters; and the masthead under
// the title, each column's in its language, in the text and in the
// structure, tagged like the rest.
func TestMasthead(t *testing.T) {
	needTools(t)
	w, err := fixture.OneUnit("A paragraph.")
	require.NoError(t, err)
	ed := render.NewEdition(w, w.Docs[0])
	ed.Credits = project.DocCredits{
		Authors:     []string{"Ana <b>&</b> Ruiz", "Hope Border Institute"},
		Translators: map[string][]string{"es": {"Eva Gil"}},
		Publisher:   "Hope Border Institute",
		Date:        "2018-05-23",
		URL:         "https://example.org/original",
		License:     "CC BY 4.0 </rdf:li>",
	}
	path := filepath.Join(t.TempDir(), "credits.pdf")
	require.NoError(t, os.WriteFile(path, renderOne(t, Renderer{Paper: render.A4}, ed), 0o644))
	checkTagged(t, path)

	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Regexp(t, `(?m)^Author:\s+Ana <b>&</b> Ruiz, Hope Border Institute$`, string(out))

	meta, err := exec.Command("pdfinfo", "-meta", path).CombinedOutput()
	require.NoError(t, err, "%s", meta)
	assert.Contains(t, string(meta), "<dc:creator><rdf:Seq><rdf:li>Ana &lt;b&gt;&amp;&lt;/b&gt; Ruiz</rdf:li><rdf:li>Hope Border Institute</rdf:li></rdf:Seq></dc:creator>")
	assert.Contains(t, string(meta), `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0 &lt;/rdf:li&gt;</rdf:li></rdf:Alt></dc:rights>`)

	text, err := exec.Command("pdftotext", "-l", "1", path, "-").CombinedOutput()
	require.NoError(t, err, "%s", text)
	for _, want := range []string{
		"By Ana <b>&</b> Ruiz, Hope Border Institute",
		"Published by Hope Border Institute",
		"First published May 23, 2018",
		"Licence: CC BY 4.0 </rdf:li>",
		"Por Ana <b>&</b> Ruiz, Hope Border Institute",
		"Traducción de Eva Gil",
		"Publicado originalmente el 23 de mayo de 2018",
	} {
		assert.Contains(t, string(text), want)
	}
	// The translator is the translation's: not in the English column.
	assert.Equal(t, 1, strings.Count(string(text), "Eva Gil"))
}
