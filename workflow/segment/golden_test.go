package segment

import (
	"flag"
	"fmt"
	"os"
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
	doc, err := Text{}.Read(path, src)
	require.NoError(t, err)
	var b strings.Builder
	for _, u := range doc.Units {
		fmt.Fprintf(&b, "%s %s", doc.Pos(&u), u.Kind)
		if u.Label != "" {
			fmt.Fprintf(&b, " [%s]", u.Label)
		}
		fmt.Fprintf(&b, "\n%s\n\n", u.Text)
	}
	got := &txtar.Archive{
		Comment: []byte("The units of the shipped article as the plain-text reader cuts them: position, kind,\nnote label, then the text. Rewrite with go test ./workflow/segment -update.\n"),
		Files:   []txtar.File{{Name: "units", Data: []byte(b.String())}},
	}
	const golden = "testdata/article.units.txtar"
	if *update {
		require.NoError(t, os.WriteFile(golden, txtar.Format(got), 0o644))
	}
	want, err := txtar.ParseFile(golden)
	require.NoError(t, err)
	require.Len(t, want.Files, 1)
	assert.Equal(t, string(want.Files[0].Data), string(got.Files[0].Data))
}
