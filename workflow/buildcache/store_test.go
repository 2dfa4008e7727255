package buildcache

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/files"
)

// TestStoreChecks: what the check remembers is saved and recalled by the
// next build of the same bitext, under the same key only; a cache file
// that is unreadable, or a rebuild, recalls nothing.
func TestStoreChecks(t *testing.T) {
	out := t.TempDir()
	s := Open(out, "bitext v1", false)
	_, ok := s.Recall("a", "es", "k")
	assert.False(t, ok, "no cache file yet")
	s.Remember("a", "es", "k", []byte(`{"findings":[]}`))
	require.NoError(t, s.Save(files.OS))

	got, ok := Open(out, "bitext v1", false).Recall("a", "es", "k")
	require.True(t, ok)
	assert.JSONEq(t, `{"findings":[]}`, string(got))
	_, ok = Open(out, "bitext v1", false).Recall("a", "es", "other key")
	assert.False(t, ok)
	_, ok = Open(out, "bitext v2", false).Recall("a", "es", "k")
	assert.False(t, ok, "another bitext")
	_, ok = Open(out, "bitext v1", true).Recall("a", "es", "k")
	assert.False(t, ok, "a rebuild")
	_, ok = Open(out, "", false).Recall("a", "es", "k")
	assert.False(t, ok, "a bitext that cannot be told from another")

	for name, data := range map[string]string{
		"truncated":  `{"schema":"bitext-cache/1","tool":"bitext v1","docs":{"a":{"kinds":{},"checks":{"es":{"key":"k","found":`,
		"garbage":    "\x00\xff",
		"wrong type": `{"schema":"bitext-cache/1","tool":"bitext v1","docs":{"a":{"kinds":{},"checks":{"es":{"key":7}}}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, os.WriteFile(filepath.Join(out, Dir, File), []byte(data), 0o644))
			s := Open(out, "bitext v1", false)
			_, ok := s.Recall("a", "es", "k")
			assert.False(t, ok)
			s.Remember("a", "es", "k", []byte(`{}`))
			require.NoError(t, s.Save(files.OS))
			_, ok = Open(out, "bitext v1", false).Recall("a", "es", "k")
			assert.True(t, ok, "the next save replaces it")
		})
	}
}
