package catalog

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenFormats pins what a locale file looks like in each format, in
// testdata/formats.txtar. Rewrite it with go test ./... -update.
func TestGoldenFormats(t *testing.T) {
	got := &txtar.Archive{Comment: []byte("The sample entries of catalog_test.go written in each format.\nRewrite with go test ./workflow/catalog -update.\n")}
	for _, f := range []Format{TOML, JSON, YAML} {
		got.Files = append(got.Files, txtar.File{Name: "a.es." + string(f), Data: Marshal(f, []string{". header"}, []string{" a translator's file comment"}, sample)})
	}
	const golden = "testdata/formats.txtar"
	if *update {
		require.NoError(t, os.WriteFile(golden, txtar.Format(got), 0o644))
	}
	want, err := txtar.ParseFile(golden)
	require.NoError(t, err)
	require.Len(t, want.Files, len(got.Files))
	for i := range got.Files {
		assert.Equal(t, string(want.Files[i].Data), string(got.Files[i].Data), want.Files[i].Name)
	}
}
