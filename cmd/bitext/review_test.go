package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// TestReviewMerges: two reviewers on two branches mark neighbouring units
// reviewed; git merges the review file and the locale file without a
// conflict, both reviews hold, and the locale file still loads in
// go-i18n's Bundle.
func TestReviewMerges(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1527033600")
	dir := projectCopy(t, nil)
	gitIn(t, dir, "init", "-q", "-b", "main")
	runOK(t, dir, "review", "es", "--start", "--by", "Lead")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-qm", "records")
	gitIn(t, dir, "checkout", "-qb", "ana")
	runOK(t, dir, "review", "es", "title", "--by", "Ana")
	gitIn(t, dir, "commit", "-qam", "Ana reviews the title")
	gitIn(t, dir, "checkout", "-q", "main")
	runOK(t, dir, "review", "es", "date", "--by", "Luis")
	gitIn(t, dir, "commit", "-qam", "Luis reviews the date")
	gitIn(t, dir, "merge", "-q", "ana", "-m", "merge")

	out := runOK(t, dir, "status", "--by-person")
	assert.Regexp(t, `(?m)^Ana +es +0 +0 +1 `, out)
	assert.Regexp(t, `(?m)^Luis +es +0 +0 +1 `, out)
	assert.Contains(t, runOK(t, dir, "update"), "locale files are up to date", "the merged files are as bitext writes them")

	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	_, err := b.LoadMessageFile(filepath.Join(dir, esFile))
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join(dir, esFile))
	require.NoError(t, err)
	assert.Contains(t, string(data), "#, reviewed by Ana on 2018-05-23")
	assert.Contains(t, string(data), "#, reviewed by Luis on 2018-05-23")
}
