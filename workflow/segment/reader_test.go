package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSourceControlCharacters: a control character in a source stops the
// reader at its line and column, in both formats, whichever way it got
// into the text, so that none reaches a locale file or a terminal.
func TestSourceControlCharacters(t *testing.T) {
	tests := []struct {
		name, path, src, want string
	}{
		{"NUL in text", "a.txt", "Title\n\nOne \x00two.\n", "a.txt:3:5: control character U+0000"},
		{"ESC in text", "a.txt", "Title\n\nSee \x1b[31mred\x1b[0m.\n", "a.txt:3:5: control character U+001B"},
		{"DEL", "a.txt", "Title\n\nSee\x7f.\n", "a.txt:3:4: control character U+007F"},
		{"C1 CSI after accents", "a.txt", "Title\n\nCafé \u009b2J.\n", "a.txt:3:6: control character U+009B"},
		{"NEL", "a.md", "# T\n\nA line\u0085next.\n", "a.md:3:7: control character U+0085"},
		{"form feed", "a.md", "# T\n\f\nText.\n", "a.md:2:1: control character U+000C"},
		{"ESC in a heading", "a.md", "# T\n\n## \x1b]0;title\x07\n", "a.md:3:4: control character U+001B"},
		{"after a byte-order mark", "a.md", "\ufeff# T\x01\n", "a.md:1:4: control character U+0001"},
		{"escaped in the front matter title", "a.md", "---\ndate: 2018-05-23\ntitle: \"Red \\e[31m\"\n---\n\nText.\n", "a.md:3: front matter: title holds control character U+001B"},
		{"invalid UTF-8 after a control", "a.txt", "Title\n\n\xff \x1b\n", "a.txt:3:1: invalid UTF-8 byte 0xff"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(tc.path, []byte(tc.src))
			require.Error(t, err, "units: %q", unitsOf(doc))
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	// Tab, line feed and carriage return are text.
	doc, err := Read("a.md", []byte("# T\r\n\r\nOne\ttwo\r\nthree.\r\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"title:1: T", "paragraph:3: One two three."}, units(doc))
}

func unitsOf(doc *Document) []string {
	if doc == nil {
		return nil
	}
	return units(doc)
}
