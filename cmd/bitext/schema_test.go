package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/internal/peer"
)

// xmllint validates a file, returning its verdict and whether it passed.
func xmllint(t *testing.T, dir string, args ...string) (string, bool) {
	t.Helper()
	lint := peer.Need(t, "xmllint", "libxml2-utils")
	schemas, err := filepath.Abs(filepath.Join("..", "..", "workflow", "exchange", "testdata", "schemas"))
	require.NoError(t, err)
	cmd := execIn(dir, lint, append([]string{"--nonet", "--noout"}, args...)...)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(schemas, "catalog.xml"))
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

func schema(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "workflow", "exchange", "testdata", "schemas", name))
	require.NoError(t, err)
	return p
}

// TestExportsValidate checks what export writes, for a project with
// every state, translator comments, suggestions and glossary terms, against the OASIS
// schemas; and that the check can fail.
func TestExportsValidate(t *testing.T) {
	dir := peerProject(t)
	// A near copy of a translated paragraph, for suggestions.
	src := readFile(t, dir, peerSource)
	writeFile(t, dir, peerSource, strings.Replace(src, "\nResources\n", "\nRemarkably, given longstanding Mexican migration to the U.S., this is the first time that issues related to migrant rights have emerged as a major theme.\n\nResources\n", 1))
	runOK(t, dir, "update")
	runOK(t, dir, "review", "es", "title", "--by", "Ana")
	runOK(t, dir, "export", "--format", "xliff2")
	runOK(t, dir, "export", "--format", "xliff12")
	runOK(t, dir, "export", "--format", "xliff12", "--copy-source", "--out", "omegat")
	runOK(t, dir, "export", "--format", "xliff2", "--project", "--out", "all")
	x2 := "exchange/" + peerDoc + ".es.xliff"
	x12 := "exchange/" + peerDoc + ".es.xlf"
	require.Contains(t, readFile(t, dir, x2), `category="bitext:suggestion"`)
	require.Contains(t, readFile(t, dir, x12), "<alt-trans ")
	// Who reviewed, as Metadata module properties and a note; the state.
	require.Contains(t, readFile(t, dir, x2), `<mda:meta type="reviewed-by">Ana</mda:meta>`)
	require.Contains(t, readFile(t, dir, x2), `<segment state="reviewed">`)
	require.Contains(t, readFile(t, dir, x12), `<target state="signed-off">`)
	// The glossary terms of a unit, as notes on its source.
	require.Contains(t, readFile(t, dir, x2), `<note category="bitext:term" appliesTo="source">drug war → guerra contra el narcotráfico (not: guerra contra las drogas)</note>`)
	require.Contains(t, readFile(t, dir, x12), `<note from="bitext:term" annotates="source">drug war → guerra contra el narcotráfico (not: guerra contra las drogas)</note>`)
	require.Contains(t, readFile(t, dir, x12), `state="needs-review-translation"`)

	for _, tc := range []struct{ file, xsd string }{
		{x2, "xliff_core_2.0.xsd"},
		{"all/project.es.xliff", "xliff_core_2.0.xsd"},
		{x12, "xliff-core-1.2-strict.xsd"},
		{"omegat/" + peerDoc + ".es.xlf", "xliff-core-1.2-strict.xsd"},
	} {
		out, ok := xmllint(t, dir, "--schema", schema(t, tc.xsd), tc.file)
		assert.True(t, ok, "%s against %s:\n%s", tc.file, tc.xsd, out)
	}

	// The check can fail: a state XLIFF 1.2 does not have.
	writeFile(t, dir, "bad.xlf", strings.Replace(readFile(t, dir, x12), `state="translated"`, `state="done"`, 1))
	out, ok := xmllint(t, dir, "--schema", schema(t, "xliff-core-1.2-strict.xsd"), "bad.xlf")
	assert.False(t, ok, out)
	writeFile(t, dir, "bad.xliff", strings.Replace(readFile(t, dir, x2), `state="translated"`, `state="done"`, 1))
	out, ok = xmllint(t, dir, "--schema", schema(t, "xliff_core_2.0.xsd"), "bad.xliff")
	assert.False(t, ok, out)
}

// TestMemoryValidates checks tm export against the TMX 1.4 DTD, read
// from the OmegaT package.
func TestMemoryValidates(t *testing.T) {
	const jar = "/usr/share/omegat/OmegaT.jar"
	z, err := zip.OpenReader(jar)
	if err != nil {
		peer.Missing(t, "the TMX 1.4 DTD comes from OmegaT's %s (apt-get install omegat): %v", jar, err)
	}
	defer z.Close()
	f, err := z.Open("schemas/tmx14.dtd")
	require.NoError(t, err)
	dtd, err := io.ReadAll(f)
	require.NoError(t, err)
	dir := peerProject(t)
	writeFile(t, dir, "tmx14.dtd", string(dtd))
	runOK(t, dir, "tm", "export")
	out, ok := xmllint(t, dir, "--dtdvalid", "tmx14.dtd", "exchange/memory.es.tmx")
	assert.True(t, ok, out)
	writeFile(t, dir, "bad.tmx", strings.Replace(readFile(t, dir, "exchange/memory.es.tmx"), "<seg>", "<segment>", 1))
	out, ok = xmllint(t, dir, "--dtdvalid", "tmx14.dtd", "bad.tmx")
	assert.False(t, ok, out)
}

// TestGlossaryValidates checks glossary export against the TBX core
// structure schema (martif) OmegaT reads glossaries with, from its
// package, and that the TBX comes back through glossary import as the
// same glossary.
func TestGlossaryValidates(t *testing.T) {
	const jar = "/usr/share/omegat/OmegaT.jar"
	z, err := zip.OpenReader(jar)
	if err != nil {
		peer.Missing(t, "the TBX schema comes from OmegaT's %s (apt-get install omegat): %v", jar, err)
	}
	defer z.Close()
	dir := peerProject(t)
	for _, name := range []string{"tbx.xsd", "xml.xsd"} {
		f, err := z.Open("schemas/" + name)
		require.NoError(t, err)
		data, err := io.ReadAll(f)
		require.NoError(t, err)
		writeFile(t, dir, name, string(data))
	}
	runOK(t, dir, "glossary", "export")
	tbx := readFile(t, dir, "exchange/glossary.tbx")
	require.Contains(t, tbx, "<term>guerra contra las drogas</term>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>")
	out, ok := xmllint(t, dir, "--schema", "tbx.xsd", "exchange/glossary.tbx")
	assert.True(t, ok, out)
	writeFile(t, dir, "bad.tbx", strings.Replace(tbx, "<tig>", "<tag>", 1))
	out, ok = xmllint(t, dir, "--schema", "tbx.xsd", "bad.tbx")
	assert.False(t, ok, out)

	// Imported into an empty glossary, the TBX gives the same terms.
	yaml := readFile(t, dir, "glossary/es.yaml")
	require.NoError(t, os.Remove(filepath.Join(dir, "glossary", "es.yaml")))
	stdout := runOK(t, dir, "glossary", "import", "exchange/glossary.tbx")
	assert.Contains(t, stdout, "glossary/es.yaml: 18 new terms, 0 replaced")
	runOK(t, dir, "glossary", "export")
	assert.Equal(t, tbx, readFile(t, dir, "exchange/glossary.tbx"), "export, import, export")
	back := readFile(t, dir, "glossary/es.yaml")
	assert.Contains(t, back, "  - term: \"drug war\"\n    approved: [\"guerra contra el narcotráfico\"]\n    forbidden: [\"guerra contra las drogas\"]\n")
	assert.Contains(t, yaml, "consistency:")
	assert.NotContains(t, back, "consistency:", "TBX has no place for consistency rules")
}
