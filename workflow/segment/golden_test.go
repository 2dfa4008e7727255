package segment

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenUnits pins the segmentation of the shipped article, unit by
// unit, in testdata/article.units.txtar: a readable record to review when
// the reader changes. Rewrite it with go test ./... -update.
func TestGoldenUnits(t *testing.T) {
	path, src := readArticle(t)
	goldenUnits(t, path, src, "testdata/article.units.txtar",
		"The units of the shipped article as the plain-text reader cuts them: position, kind,\nnote label, then the text. Rewrite with go test ./workflow/segment -update.\n")
}

// TestGoldenArticles pins the segmentation of the articles of
// testdata/articles, written in the shipped article's published form,
// each with its own traps (see testdata/articles/README.md), and the
// warnings the reader gives for each.
func TestGoldenArticles(t *testing.T) {
	paths, err := filepath.Glob("testdata/articles/*.txt")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(paths), 3)
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			src, err := os.ReadFile(p)
			require.NoError(t, err)
			goldenUnits(t, "source/"+filepath.Base(p), src, strings.TrimSuffix(p, ".txt")+".units.txtar",
				"The units of "+filepath.Base(p)+" as the plain-text reader cuts them, then its\nwarnings. Rewrite with go test ./workflow/segment -update.\n")
		})
	}
}

// goldenUnits compares the units and warnings of the plain-text source
// src, read as path, with the golden file.
func goldenUnits(t *testing.T, path string, src []byte, golden, comment string) {
	t.Helper()
	goldenRead(t, Text{}, path, src, golden, comment)
}

// goldenRead compares the units and warnings that reader makes of src,
// read as path, with the golden file.
func goldenRead(t *testing.T, reader Reader, path string, src []byte, golden, comment string) {
	t.Helper()
	doc, err := reader.Read(path, src)
	require.NoError(t, err)
	var b strings.Builder
	for _, u := range doc.Units {
		fmt.Fprintf(&b, "%s %s", doc.Pos(&u), u.Kind)
		if u.Level > 0 {
			fmt.Fprintf(&b, " %d", u.Level)
		}
		if u.Label != "" {
			fmt.Fprintf(&b, " [%s]", u.Label)
		}
		if u.InNote != "" {
			fmt.Fprintf(&b, " in [%s]", u.InNote)
		}
		fmt.Fprintf(&b, "\n%s\n\n", u.Text)
	}
	got := &txtar.Archive{
		Comment: []byte(comment),
		Files:   []txtar.File{{Name: "units", Data: []byte(b.String())}},
	}
	if len(doc.Warnings) > 0 {
		var w strings.Builder
		for _, e := range doc.Warnings {
			w.WriteString(e.Error() + "\n")
		}
		got.Files = append(got.Files, txtar.File{Name: "warnings", Data: []byte(w.String())})
	}
	if *update {
		require.NoError(t, os.WriteFile(golden, txtar.Format(got), 0o644))
	}
	want, err := txtar.ParseFile(golden)
	require.NoError(t, err)
	require.Len(t, want.Files, len(got.Files))
	for i := range got.Files {
		assert.Equal(t, string(want.Files[i].Data), string(got.Files[i].Data), got.Files[i].Name)
	}
}
