package buildcache

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundTrip(t *testing.T) {
	c := New("bitext v1")
	e := Entry{Key: Key("a", "b"), Files: []Output{{Name: "a.en-es.pdf", Size: 10, ModTime: 42}}}
	c.Put("a", "pdf", e)
	c.Put("b", "html", Entry{Key: "k"})
	data := c.Encode()
	assert.Equal(t, data, Parse(data, "bitext v1").Encode(), "the same cache, the same bytes")

	got, ok := Parse(data, "bitext v1").Lookup("a", "pdf", e.Key)
	require.True(t, ok)
	assert.Equal(t, e, got)
	_, ok = Parse(data, "bitext v1").Lookup("a", "pdf", Key("a", "c"))
	assert.False(t, ok, "another key is another edition")
	_, ok = Parse(data, "bitext v1").Lookup("a", "html", e.Key)
	assert.False(t, ok)

	c.Keep([]string{"a"})
	_, ok = c.Lookup("b", "html", "k")
	assert.False(t, ok, "a document the project no longer has is dropped")
	c.Forget("a", "pdf")
	_, ok = c.Lookup("a", "pdf", e.Key)
	assert.False(t, ok)
}

// TestOtherTool: a cache another bitext made, or of another schema, or
// not a cache at all, is an empty one.
func TestOtherTool(t *testing.T) {
	c := New("bitext v1")
	c.Put("a", "pdf", Entry{Key: "k", Files: []Output{{Name: "a.pdf"}}})
	data := c.Encode()
	for name, tc := range map[string]struct {
		data []byte
		tool string
	}{
		"another bitext": {data, "bitext v2"},
		"not json":       {[]byte("{"), "bitext v1"},
		"another schema": {[]byte(`{"schema": "bitext-cache/0", "tool": "bitext v1", "docs": {"a": {"kinds": {"pdf": {"key": "k"}}}}}`), "bitext v1"},
		"no docs":        {[]byte(`{"schema": "bitext-cache/1", "tool": "bitext v1"}`), "bitext v1"},
	} {
		t.Run(name, func(t *testing.T) {
			_, ok := Parse(tc.data, tc.tool).Lookup("a", "pdf", "k")
			assert.False(t, ok)
		})
	}
}

// TestKey: parts are length-prefixed, so that no two lists of parts
// hash alike by running into each other.
func TestKey(t *testing.T) {
	assert.NotEqual(t, Key("ab", "c"), Key("a", "bc"))
	assert.NotEqual(t, Key("a"), Key("a", ""))
	assert.Equal(t, Key("a", "b"), Key("a", "b"))
}
