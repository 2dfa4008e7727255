package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuote(t *testing.T) {
	assert.Equal(t, `"a \"b\" c\\d\ne\tf"`, quote("a \"b\" c\\d\ne\tf"))
}

// TestShippedPO converts the shipped article and has gettext's msgfmt
// check the result: every unit a translated message.
func TestShippedPO(t *testing.T) {
	msgfmt, err := exec.LookPath("msgfmt")
	if err != nil {
		t.Skip("msgfmt (gettext) is not installed; apt-get install gettext to run this test")
	}
	out := filepath.Join(t.TempDir(), "es.po")
	f, err := os.Create(out)
	require.NoError(t, err)
	stdout := os.Stdout
	os.Stdout = f
	err = convert("../../locales/us-mexico-persecution-of-migrants-2018-05-23.en.toml", "../../locales/us-mexico-persecution-of-migrants-2018-05-23.es.toml")
	os.Stdout = stdout
	require.NoError(t, err)
	require.NoError(t, f.Close())
	stats, err := exec.Command(msgfmt, "--check", "--statistics", "-o", os.DevNull, out).CombinedOutput()
	require.NoError(t, err, "%s", stats)
	assert.Equal(t, "45 translated messages.", strings.TrimSpace(string(stats)))
}
