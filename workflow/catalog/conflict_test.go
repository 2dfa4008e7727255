package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConflictMarkers checks that a locale file git left mid-merge is
// named as such, in every format, with the line of the first marker and
// what to do, whether the markers break the syntax or, inside a TOML
// multi-line string, would have been read as text.
func TestConflictMarkers(t *testing.T) {
	const fix = "; resolve the merge conflict: keep one side of each conflict, remove the markers, then run again (bitext has not changed it)"
	tests := []struct {
		name, path, src, want string
	}{
		{"toml", "a.es.toml",
			"[a]\nother = \"x\"\n\n<<<<<<< HEAD\n[b]\nother = \"y\"\n=======\n[b]\nother = \"z\"\n>>>>>>> feature\n",
			"a.es.toml:4:1: git merge conflict: the file still has the markers git writes around the two sides of a conflict (<<<<<<< at line 4, ======= at line 7, >>>>>>> at line 10)"},
		{"toml inside a multi-line string", "a.es.toml",
			"[a]\nother = \"\"\"\n<<<<<<< HEAD\nHola\n=======\nBuenas\n>>>>>>> feature\n\"\"\"\n",
			"a.es.toml:3:1: git merge conflict: the file still has the markers git writes around the two sides of a conflict (<<<<<<< at line 3, ======= at line 5, >>>>>>> at line 7)"},
		{"json", "a.es.json",
			"{\n<<<<<<< HEAD\n  \"a\": \"x\"\n=======\n  \"a\": \"y\"\n>>>>>>> feature\n}\n",
			"a.es.json:2:1: git merge conflict"},
		{"yaml", "a.es.yaml",
			"a:\n<<<<<<< HEAD\n  other: x\n=======\n  other: y\n>>>>>>> feature\n",
			"a.es.yaml:2:1: git merge conflict"},
		{"diff3 style, two conflicts", "a.es.toml",
			"<<<<<<< HEAD\na = \"x\"\n||||||| base\na = \"w\"\n=======\na = \"y\"\n>>>>>>> feature\n<<<<<<< HEAD\nb = \"1\"\n=======\n>>>>>>> feature\n",
			"a.es.toml:1:1: git merge conflict: the file still has the markers git writes around the two sides of a conflict (<<<<<<< at line 1, ||||||| at line 3, ======= at line 5, >>>>>>> at line 7), and 1 more conflict after it"},
		{"only the closing marker left", "a.es.toml",
			"[a]\nother = \"x\"\n>>>>>>> feature\n",
			"a.es.toml:3:1: git merge conflict: the file still has the markers git writes around the two sides of a conflict (>>>>>>> at line 3)"},
		{"only the middle marker left", "a.es.yaml",
			"a:\n  other: x\n=======\n",
			"a.es.yaml:3:1: git merge conflict"},
		{"CRLF", "a.es.toml",
			"[a]\r\nother = \"x\"\r\n<<<<<<< HEAD\r\n=======\r\n>>>>>>> feature\r\n",
			"a.es.toml:3:1: git merge conflict"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.path, []byte(tc.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), fix)
			var se *SyntaxError
			assert.ErrorAs(t, err, &se, "a conflict is a file bitext cannot read")
		})
	}
}

// TestNoConflict checks what looks like a marker but is not one: a line of
// seven "=" in a multi-line string (a Markdown heading) of a file that
// parses, and markers that do not start a line.
func TestNoConflict(t *testing.T) {
	for path, src := range map[string]string{
		"a.es.toml": "[a]\nother = \"\"\"\nTitle\n=======\n\"\"\"\n[b]\nother = \"<<<<<<< HEAD and >>>>>>> x\"\n",
		"a.es.yaml": "a:\n  other: |\n    <<<<<<< HEAD\n",
		"a.es.json": "{\"a\": \"<<<<<<< HEAD\"}",
	} {
		_, err := Parse(path, []byte(src))
		assert.NoError(t, err, path)
	}
}
