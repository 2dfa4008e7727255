package project

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCreditsPrecedence holds the order of the credits: a document's own
// in bitext.yaml, then every article's, then what the source's front
// matter says, key by key and locale by locale; and a change of any of
// them changes the document's fingerprint, so its editions are made
// again.
func TestCreditsPrecedence(t *testing.T) {
	fsys := fstest.MapFS{"source/a.md": {Data: []byte("---\ntitle: A\nauthor: Source Author\ntranslators: {es: [Source Translator], fr: [Traducteur]}\npublisher: Source Press\nlicense: CC0\n---\nText.\n")}}
	cfg := Default()
	cfg.Sources = []string{"source/*.md"}
	cfg.Locales = []string{"es", "fr"}
	load := func(c Credits) (*Workspace, DocCredits) {
		cfg.Credits = c
		w, err := Load(Inputs{Root: fsys}, cfg)
		require.NoError(t, err)
		return w, w.Credits(w.Docs[0])
	}
	w0, got := load(Credits{})
	assert.Equal(t, []string{"Source Author"}, got.Authors)
	assert.Equal(t, "Source Press", got.Publisher)
	assert.Equal(t, []string{"Source Translator"}, got.Translators["es"])

	w1, got := load(Credits{Publisher: "Every Article's Press", Translators: map[string][]string{"es": {"Ana Ruiz"}},
		Documents: map[string]DocCredits{"a": {Authors: []string{"Own Author"}, License: "CC BY 4.0"}}})
	assert.Equal(t, []string{"Own Author"}, got.Authors, "the document's own")
	assert.Equal(t, "Every Article's Press", got.Publisher, "every article's, over the source's")
	assert.Equal(t, "CC BY 4.0", got.License)
	assert.Equal(t, []string{"Ana Ruiz"}, got.Translators["es"])
	assert.Equal(t, []string{"Traducteur"}, got.Translators["fr"], "a locale the configuration leaves out, from the source")

	assert.NotEqual(t, w0.Fingerprint(w0.Docs[0]), w1.Fingerprint(w1.Docs[0]), "credits are an input of the editions")
	w2, _ := load(Credits{Publisher: "Every Article's Press", Translators: map[string][]string{"es": {"Ana Ruiz"}},
		Documents: map[string]DocCredits{"a": {Authors: []string{"Own Author"}, License: "CC BY 4.0"}}})
	assert.Equal(t, w1.Fingerprint(w1.Docs[0]), w2.Fingerprint(w2.Docs[0]))
}
