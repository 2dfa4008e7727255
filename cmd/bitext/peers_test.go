package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/internal/peer"
	"github.com/hopeborder/bitext/workflow/files"
)

// The round trips of this file take the shipped article to the tools
// translators use and back: gettext, Translate Toolkit and OmegaT, run for
// real. Each starts from a project where the Spanish has every state.

const (
	peerDoc    = "us-mexico-persecution-of-migrants-2018-05-23"
	peerLocale = "locales/" + peerDoc + ".es.toml"
	peerSource = "source/" + peerDoc + ".txt"
	// Two paragraphs the project leaves untranslated, and one it makes
	// stale, with a translator comment.
	peerEmpty1 = "p-hope-border-institute-will-continue"
	peerEmpty2 = "p-mexican-citizens-residing-in-the"
	peerStale  = "p-the-presidential-debates-have-included"
)

// peerProject returns a copy of the project with two units untranslated,
// one stale (its English edited) and a translator comment, updated.
func peerProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"bitext.yaml", "source", "locales", "glossary"} {
		require.NoError(t, copyTree(filepath.Join("..", "..", p), filepath.Join(dir, p)))
	}
	loc := readFile(t, dir, peerLocale)
	for _, id := range []string{peerEmpty1, peerEmpty2} {
		loc = regexp.MustCompile(`(?m)(\[`+id+`\]\n(?:.*\n){2}other = )".*"`).ReplaceAllString(loc, `$1""`)
	}
	loc = strings.Replace(loc, "["+peerStale+"]", "# Ana: check \"connacionales\" with the editor\n["+peerStale+"]", 1)
	writeFile(t, dir, peerLocale, loc)
	src := readFile(t, dir, peerSource)
	require.Contains(t, src, "Little of substance as to migrant rights issues was proposed")
	writeFile(t, dir, peerSource, strings.Replace(src, "Little of substance as to migrant rights issues was proposed", "Little of substance on migrant rights was proposed", 1))
	out := runOK(t, dir, "update")
	require.Contains(t, out, "es: 42 translated, 1 stale, 2 untranslated")
	return dir
}

func readFile(t *testing.T, dir, p string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	require.NoError(t, err)
	return string(data)
}

func writeFile(t *testing.T, dir, p, data string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), []byte(data), 0o644))
}

// runOK runs bitext in dir and fails the test unless it exits 0.
func runOK(t *testing.T, dir string, args ...string) string {
	t.Helper()
	code, out := runThrough(files.OS, dir, args...)
	require.Equal(t, 0, code, "bitext %s:\n%s", strings.Join(args, " "), out)
	return out
}

// tool runs an outside command in dir and returns its output.
func tool(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LC_ALL=C.UTF-8", "PYTHONWARNINGS=ignore")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Run(), "%s %s:\n%s", name, strings.Join(args, " "), out.String())
	return out.String()
}

// status returns "translated stale untranslated" of the Spanish.
func status(t *testing.T, dir string) string {
	t.Helper()
	out := runOK(t, dir, "update", "--dry-run")
	m := regexp.MustCompile(`es: (\d+) translated, (\d+) stale, (\d+) untranslated`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	return m[1] + " " + m[2] + " " + m[3]
}

// setMsgstr gives the PO entry whose msgctxt (or reference, as xliff2po
// writes the ID) is id the translation text, and drops its fuzzy flag.
func setMsgstr(t *testing.T, po, id, text string) string {
	t.Helper()
	entries := strings.Split(po, "\n\n")
	n := 0
	for i, e := range entries {
		if !strings.Contains(e, "msgctxt \""+id+"\"") && !strings.Contains(e, "#: "+id+"\n") {
			continue
		}
		j := strings.Index(e, "\nmsgstr ")
		require.Positive(t, j, e)
		e = e[:j] + "\nmsgstr \"" + text + "\""
		e = strings.Replace(e, "#, fuzzy\n", "", 1)
		e = regexp.MustCompile(`#, fuzzy, `).ReplaceAllString(e, "#, ")
		entries[i] = e
		n++
	}
	require.Equal(t, 1, n, "entries for %s", id)
	return strings.Join(entries, "\n\n")
}

func TestPeerGettext(t *testing.T) {
	msgfmt := peer.Need(t, "msgfmt", "gettext")
	msgmerge := peer.Need(t, "msgmerge", "gettext")
	dir := peerProject(t)
	runOK(t, dir, "export", "--format", "po")
	po := "exchange/" + peerDoc + ".es.po"

	// gettext checks the file and counts the states bitext wrote.
	out := tool(t, dir, msgfmt, "-c", "--check-format", "--statistics", "-o", os.DevNull, po)
	assert.Contains(t, out, "42 translated messages, 1 fuzzy translation, 2 untranslated messages.")
	assert.NotContains(t, out, "warning")

	// msgmerge rewrites the file its own way (wrapped lines, its order of
	// comments); bitext reads it back as the same work.
	tool(t, dir, msgmerge, "-q", "-o", "exchange/merged.po", po, po)
	merged := readFile(t, dir, "exchange/merged.po")
	assert.NotEqual(t, readFile(t, dir, po), merged, "msgmerge rewrapped the file")
	out = runOK(t, dir, "import", "exchange/merged.po")
	assert.Contains(t, out, "exchange/merged.po: 45 unchanged")
	assert.Contains(t, out, "locale files are up to date")

	// A translator fills the two untranslated entries and revises the
	// stale one (clearing its fuzzy flag), in the merged file.
	merged = setMsgstr(t, merged, peerEmpty1, "Hope Border Institute seguirá de cerca…")
	merged = setMsgstr(t, merged, peerEmpty2, "Los ciudadanos mexicanos…")
	merged = setMsgstr(t, merged, peerStale, "Los debates presidenciales… revisado.")
	writeFile(t, dir, "exchange/merged.po", merged)
	tool(t, dir, msgfmt, "-c", "--check-format", "-o", os.DevNull, "exchange/merged.po")
	out = runOK(t, dir, "import", "exchange/merged.po")
	assert.Contains(t, out, "3 translated, 42 unchanged")
	assert.Equal(t, "45 0 0", status(t, dir))
	loc := readFile(t, dir, peerLocale)
	assert.Contains(t, loc, `other = "Hope Border Institute seguirá de cerca…"`)
	assert.Contains(t, loc, "# Ana: check \"connacionales\" with the editor\n#. en: The presidential debates", "the translator comment stays")
}

func TestPeerTranslateToolkit(t *testing.T) {
	pocount := peer.Need(t, "pocount", "translate-toolkit")
	pofilter := peer.Need(t, "pofilter", "translate-toolkit")
	po2xliff := peer.Need(t, "po2xliff", "translate-toolkit")
	xliff2po := peer.Need(t, "xliff2po", "translate-toolkit")
	dir := peerProject(t)
	runOK(t, dir, "export", "--format", "po")
	runOK(t, dir, "export", "--format", "xliff12")
	po := "exchange/" + peerDoc + ".es.po"

	// Translate Toolkit counts the states bitext wrote.
	out := tool(t, dir, pocount, "--csv", po)
	fields := strings.Split(strings.TrimSpace(strings.Split(strings.TrimSpace(out), "\n")[1]), ",")
	require.GreaterOrEqual(t, len(fields), 7, out)
	assert.Equal(t, []string{"42", "1", "2", "45"}, []string{strings.TrimSpace(fields[1]), strings.TrimSpace(fields[4]), strings.TrimSpace(fields[6]), strings.TrimSpace(fields[8])}, "translated, fuzzy, untranslated, total:\n%s", out)

	// pofilter's findings come back as comments on their units, and change
	// no translation.
	tool(t, dir, pofilter, "--language=es", "-t", "unchanged", po, "exchange/filtered.po")
	out = runOK(t, dir, "import", "exchange/filtered.po")
	assert.Regexp(t, `comment added: \(pofilter\) unchanged`, out)
	assert.NotContains(t, out, ": translated\n")
	assert.Equal(t, "42 1 2", status(t, dir))

	// PO → XLIFF → PO: po2xliff drops msgctxt, and xliff2po gives the
	// repeated texts their location as msgctxt; bitext finds the IDs in
	// its comments, and the work comes back whole.
	tool(t, dir, po2xliff, po, "exchange/tt.xlf")
	assert.False(t, strings.Contains(readFile(t, dir, "exchange/tt.xlf"), `id="`+peerStale+`"`), "po2xliff numbers its trans-units")
	tool(t, dir, xliff2po, "exchange/tt.xlf", "exchange/tt.po")
	out = runOK(t, dir, "import", "exchange/tt.po")
	assert.Contains(t, out, "exchange/tt.po: 45 unchanged", out)

	// bitext's XLIFF 1.2 → xliff2po: the IDs travel as references; a
	// translation made there lands on its unit. (xliff2po merges units of
	// the same text, as three notes "(id.)", into one entry, whose
	// translation lands on the first.)
	tool(t, dir, xliff2po, "exchange/"+peerDoc+".es.xlf", "exchange/from-xliff.po")
	fromXLIFF := setMsgstr(t, readFile(t, dir, "exchange/from-xliff.po"), peerEmpty1, "Hope Border Institute seguirá…")
	writeFile(t, dir, "exchange/from-xliff.po", fromXLIFF)
	out = runOK(t, dir, "import", "exchange/from-xliff.po")
	assert.Contains(t, out, peerEmpty1+" ("+peerDoc+"): translated")
	assert.Contains(t, out, "1 translated, 44 unchanged")
	assert.Equal(t, "43 1 1", status(t, dir))
}

// omegatProject is the smallest OmegaT project: no sentence segmentation,
// so that a unit is a segment.
const omegatProject = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <source_dir_excludes/>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>en</source_lang>
        <target_lang>es</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneSpanishTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`

func TestPeerOmegaT(t *testing.T) {
	omegat := peer.Need(t, "omegat", "omegat")
	dir := peerProject(t)

	// The memory: the shipped Spanish, as bitext exports it.
	full := t.TempDir()
	for _, p := range []string{"bitext.yaml", "source", "locales", "glossary"} {
		require.NoError(t, copyTree(filepath.Join("..", "..", p), filepath.Join(full, p)))
	}
	runOK(t, full, "tm", "export")

	// OmegaT translates the XLIFF 1.2 export from that memory in console
	// mode.
	runOK(t, dir, "export", "--format", "xliff12", "--copy-source")
	proj := t.TempDir()
	for _, d := range []string{"source", "target", "tm", "glossary", "dictionary", "omegat"} {
		require.NoError(t, os.MkdirAll(filepath.Join(proj, d), 0o755))
	}
	writeFile(t, proj, "omegat.project", omegatProject)
	writeFile(t, proj, "source/"+peerDoc+".es.xlf", readFile(t, dir, "exchange/"+peerDoc+".es.xlf"))
	writeFile(t, proj, "omegat/project_save.tmx", readFile(t, full, "exchange/memory.es.tmx"))
	tool(t, proj, omegat, proj, "--mode=console-translate")
	translated := readFile(t, proj, "target/"+peerDoc+".es.xlf")
	writeFile(t, dir, "exchange/from-omegat.xlf", translated)

	out := runOK(t, dir, "import", "exchange/from-omegat.xlf")
	// Both untranslated paragraphs hold no inline code, so OmegaT's exact
	// match finds them; the stale one and its comment come back as they
	// left.
	assert.Contains(t, out, peerEmpty1+" ("+peerDoc+"): translated")
	assert.Contains(t, out, peerEmpty2+" ("+peerDoc+"): translated")
	assert.Contains(t, out, "2 translated, 43 unchanged")
	assert.Equal(t, "44 1 0", status(t, dir))
	shipped := readFile(t, full, peerLocale)
	loc := readFile(t, dir, peerLocale)
	for _, id := range []string{peerEmpty1, peerEmpty2} {
		want := regexp.MustCompile(`(?m)\[` + id + `\]\n(?:.*\n){2}(other = ".*")`).FindStringSubmatch(shipped)
		require.NotNil(t, want)
		assert.Contains(t, loc, want[1], "OmegaT's translation of %s is the memory's", id)
	}
	assert.Contains(t, loc, "# Ana: check \"connacionales\" with the editor")
	// Every inline code came back: importing OmegaT's file again changes
	// nothing, and OmegaT kept each <ph>.
	assert.Equal(t, strings.Count(readFile(t, dir, "exchange/"+peerDoc+".es.xlf"), "<ph "), strings.Count(translated, "<ph "))
	out = runOK(t, dir, "import", "exchange/from-omegat.xlf")
	assert.Contains(t, out, "45 unchanged")
}

func execIn(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	return cmd
}
