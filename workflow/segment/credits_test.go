package segment

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFrontMatterCredits reads the credits of YAML and TOML front matter
// under the keys sites and Pandoc use; what is not of a credit's shape
// is left out, never an error.
func TestFrontMatterCredits(t *testing.T) {
	tests := []struct {
		name, src string
		want      Credits
	}{
		{"yaml lists", "---\ntitle: T\nauthors: [Ana Ruiz, Eva Gil]\ntranslators: {es: [Luis Gómez]}\nreviewers: {es: Marta}\npublisher: Hope Border Institute\noriginal_url: https://example.org/a\noriginal_date: 2018-05-23\nlicense: CC BY 4.0\n---\nText.\n",
			Credits{Authors: []string{"Ana Ruiz", "Eva Gil"}, Translators: map[string][]string{"es": {"Luis Gómez"}}, Reviewers: map[string][]string{"es": {"Marta"}},
				Publisher: "Hope Border Institute", URL: "https://example.org/a", Date: "2018-05-23", License: "CC BY 4.0"}},
		{"yaml singular keys", "---\nauthor: Ana Ruiz\ncanonical: https://example.org/b\nlicence: CC0\n---\nText.\n",
			Credits{Authors: []string{"Ana Ruiz"}, URL: "https://example.org/b", License: "CC0"}},
		{"original_url before url", "---\nurl: /local\noriginal_url: https://example.org/c\n---\nText.\n",
			Credits{URL: "https://example.org/c"}},
		{"toml", "+++\ntitle = \"T\"\nauthor = [\"Ana Ruiz\"]\npublisher = \"HBI\"\noriginal_date = 2018-05-23\n+++\nText.\n",
			Credits{Authors: []string{"Ana Ruiz"}, Publisher: "HBI", Date: "2018-05-23"}},
		{"wrong shapes left out", "---\nauthor: 12\ntranslators: [Ana]\npublisher: {name: X}\noriginal_date: someday\n---\nText.\n",
			Credits{}},
		{"no front matter", "Text.\n", Credits{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read("a.md", []byte(tc.src))
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.Credits)
		})
	}
}

// TestDocxCredits reads a Word file's authors from its core properties'
// dc:creator.
func TestDocxCredits(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "docx", "word-like.docx"))
	require.NoError(t, err)
	d, err := Docx{}.Read("word-like.docx", src)
	require.NoError(t, err)
	assert.Equal(t, []string{"Ana"}, d.Credits.Authors)
	src, err = os.ReadFile(filepath.Join("testdata", "docx", "pandoc.docx"))
	require.NoError(t, err)
	d, err = Docx{}.Read("pandoc.docx", src)
	require.NoError(t, err)
	assert.Empty(t, d.Credits.Authors, "an empty dc:creator names no one")
}
