package catalog

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestYAMLErrorPositions checks that a YAML error names the line and
// column where the file goes wrong. yaml.v3 alone names the line where the
// mapping around the problem starts, counted from 0, or no line.
func TestYAMLErrorPositions(t *testing.T) {
	const ok = "a:\n  other: x\n" // two good lines first
	tests := []struct {
		name, src, want string
	}{
		{"unclosed quote", ok + "b:\n  other: \"y\n", "a.es.yaml:4:10: found unexpected end of stream"},
		{"text after a quoted string", ok + "b:\n  other: \"x\" junk\n", "a.es.yaml:4:14: did not find expected key"},
		{"text after a single-quoted string", ok + "b:\n  other: 'x'y\n", "a.es.yaml:4:13: did not find expected key"},
		{"key indented too little", ok + "b:\n  description: d\n hash: h\n", "a.es.yaml:5:2: did not find expected key"},
		{"key indented too much", ok + "b:\n  description: d\n   other: x\n", "a.es.yaml:5:9: mapping values are not allowed in this context"},
		{"list item in a mapping", ok + "b:\n  other: x\n  - y\n", "a.es.yaml:5:3: did not find expected key"},
		{"unclosed flow mapping", ok + "b: {other: x\n", "a.es.yaml:3:"},
		{"second colon on the first line", "a: b: c\n", "a.es.yaml:1:5: mapping values are not allowed in this context"},
		{"second colon", ok + "b:\n  other: «x»: y\n", "a.es.yaml:4:13: mapping values are not allowed in this context"},
		{"key without a colon", ok + "b:\n  other: x\nc\n", "a.es.yaml:5:1: could not find expected ':'"},
		{"unknown escape", ok + "\n\nb:\n  other: \"\\q\"\n", "a.es.yaml:6:11: found unknown escape character"},
		{"character that starts no token", ok + "b: @x\n", "a.es.yaml:3:4: found character that cannot start any token"},
		{"tab", ok + "b:\n\tother: x\n", "a.es.yaml:4:1: a tab: YAML indents with spaces only"},
		{"unknown alias", ok + "b: *nope\n", "a.es.yaml:3:"},
		{"broken second document", ok + "---\nb: [\n", "a.es.yaml:4:4: did not find expected node content"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("a.es.yaml", []byte(tc.src))
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestYAMLErrorPositionLargeFile checks the search that finds an error's
// position on a file where it starts from the entry yaml.v3 points to,
// past many others.
func TestYAMLErrorPositionLargeFile(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		b.WriteString("p-" + strconv.Itoa(i) + ":\n  description: \"paragraph\"\n  other: \"text\"\n")
	}
	src := b.String() + "p-last:\n  description: \"paragraph\"\n hash: \"h\"\n"
	_, err := Parse("a.es.yaml", []byte(src))
	assert.ErrorContains(t, err, "a.es.yaml:6003:2: did not find expected key")
}

func TestYAMLSecondDocument(t *testing.T) {
	for src, line := range map[string]string{
		"a:\n  other: x\n---\nb:\n  other: y\n":      "3",
		"a:\n  other: x\n---\n":                      "3",
		"a:\n  other: x\n...\n---\nb:\n  other: y\n": "4",
	} {
		_, err := Parse("a.es.yaml", []byte(src))
		assert.ErrorContains(t, err, "a.es.yaml:"+line+":1: a second YAML document starts here: go-i18n reads only the first document", src)
	}
	// Markers around one document are fine.
	f, err := Parse("a.es.yaml", []byte("---\na:\n  other: x\n...\n"))
	require.NoError(t, err)
	assert.Equal(t, "x", f.Messages[0].Other)
}

// TestYAMLScalars checks that bitext refuses the values go-i18n does not
// read as the text written: YAML types them as numbers, booleans, dates or
// binary, which go-i18n refuses or decodes, and a null field, which
// go-i18n reads as an entry of its own or refuses.
func TestYAMLScalars(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"number", "a:\n  other: 3\n", `a.es.yaml:2:10: the value of "other" in "a" must be a string, and YAML reads "3" as a number; quote it`},
		{"boolean", "a:\n  other: true\n", `YAML reads "true" as true or false`},
		{"date", "a:\n  description: 2018-05-23\n", `YAML reads "2018-05-23" as a date`},
		{"binary", "a:\n  other: !!binary aGk=\n", `YAML reads "aGk=" as base64 binary data`},
		{"null field", "a:\n  hash: h\n  other:\n", `a.es.yaml:3:9: the value of "other" in "a" is empty (null); write other: "" for an entry still to translate`},
		{"alias", "a: &x\n  other: y\nb: *x\n", `a.es.yaml:3:4: the value of "b" must be a string or a mapping of strings, and YAML reads it as an alias`},
		{"merge key", "a: &x\n  other: y\nb:\n  <<: *x\n", `unknown key "<<" in "b"`},
		{"number ID", "1:\n  other: x\n", `a.es.yaml:1:1: an entry's ID must be a string, and YAML reads "1" as a number; quote it`},
		{"null ID", "~:\n  other: x\n", `YAML reads "~" as empty (null)`},
		{"list", "a:\n  other: [x]\n", `YAML reads it as a list`},
		{"entry inside an entry", "a:\n  b:\n    other: x\n", `"b" in "a" holds a mapping: entries inside entries are not supported; write each entry at the top level, as "a.b":`},
		{"text twice", "a:\n  other: x\n  Other: y\n", `a.es.yaml:3:3: the text of "a" is given twice (key "Other")`},
		{"key twice", "a:\n  hash: x\n  hash: y\n", `key "hash" appears twice in entry "a"`},
		{"field at the top", "other: x\n", `"other" is a key of an entry, not an entry's ID`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("a.es.yaml", []byte(tc.src))
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	// What is quoted is text to YAML and go-i18n alike.
	src := "a:\n  other: \"3\"\nb: 'true'\nc: !!str 2018-05-23\nd: yes\ne:\n"
	f, err := Parse("a.es.yaml", []byte(src))
	require.NoError(t, err)
	theirs, err := goI18n("a.es.yaml", []byte(src))
	require.NoError(t, err)
	require.Len(t, f.Messages, len(theirs))
	for _, m := range f.Messages {
		assert.Equal(t, theirs[m.ID].Other, m.Other, m.ID)
	}
}

// TestYAMLComments pins which entry a comment belongs to, as yaml.v3 finds
// them: above a key, at the end of a line, between keys and under an
// entry before a blank line; a block at the top parted from the first
// entry by a blank line is the file's.
func TestYAMLComments(t *testing.T) {
	tests := []struct {
		name string
		src  string
		file []string
		want map[string][]string
	}{
		{name: "at the end of a value line",
			src:  "a:\n  other: \"x\"  # check with editor\nb:\n  other: y\n",
			want: map[string][]string{"a": {" check with editor"}}},
		{name: "exemption at the end of a value line",
			src:  "a:\n  other: \"60 %\" # bitext-allow numbers: the report says 60\n\n# mine\nb:\n  other: y\n",
			want: map[string][]string{"a": {" bitext-allow numbers: the report says 60"}, "b": {" mine"}}},
		{name: "at the end of a key line",
			src:  "a: # c\n  other: x\nb:\n  other: y\n",
			want: map[string][]string{"a": {" c"}}},
		{name: "at the end of a top-level pair",
			src:  "a: x # c\nb: y\n",
			want: map[string][]string{"a": {" c"}}},
		{name: "between keys",
			src:  "a:\n  description: d\n  # between\n  other: x\nb:\n  other: y\n",
			want: map[string][]string{"a": {" between"}}},
		{name: "under the last key",
			src:  "a:\n  other: x\n  # about a\n\nb:\n  other: y\n",
			want: map[string][]string{"a": {" about a"}}},
		{name: "under the entry",
			src:  "a:\n  other: x\n# about a\n\nb:\n  other: y\n",
			want: map[string][]string{"a": {" about a"}}},
		{name: "above the next entry",
			src:  "a:\n  other: x\n\n# about b\nb:\n  other: y\n",
			want: map[string][]string{"b": {" about b"}}},
		{name: "in order",
			src:  "# above\na: # key\n  description: d # d\n  # between\n  other: x # x\n",
			want: map[string][]string{"a": {" above", " key", " d", " between", " x"}}},
		{name: "at the top, apart",
			src:  "# file\n\n# also the file\n\n# first\na:\n  other: x\n",
			file: []string{" file", " also the file"},
			want: map[string][]string{"a": {" first"}}},
		{name: "at the top, directly above",
			src:  "# first\na:\n  other: x\n",
			want: map[string][]string{"a": {" first"}}},
		{name: "at the top after the document marker",
			src:  "---\n# first\na:\n  other: x\n",
			want: map[string][]string{"a": {" first"}}},
		{name: "at the end of the file",
			src:  "a:\n  other: x\nb:\n  other: y\n\n\n# end\n",
			want: map[string][]string{"b": {" end"}}},
		{name: "only comments",
			src:  "# one\n\n# two\n",
			file: []string{" one", " two"}},
		{name: "comments and no entry",
			src:  "# one\n\n{}\n",
			file: []string{" one"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("a.es.yaml", []byte(tc.src))
			require.NoError(t, err)
			assert.Equal(t, tc.file, f.Comments, "file comments")
			for _, m := range f.Messages {
				assert.Equal(t, tc.want[m.ID], m.Comments, m.ID)
			}
		})
	}
}

// TestYAMLTrailingCommentWrittenAbove checks how a comment at the end of a
// line is written back: above its entry, and from then on it stays there.
func TestYAMLTrailingCommentWrittenAbove(t *testing.T) {
	src := "a:\n  other: \"60 %\" # bitext-allow numbers: the report says 60\nb:\n  other: y\n"
	f, err := Parse("a.es.yaml", []byte(src))
	require.NoError(t, err)
	out := string(Marshal(YAML, nil, f.Comments, entriesOf(f)))
	assert.Equal(t, "# bitext-allow numbers: the report says 60\na:\n  other: \"60 %\"\n\nb:\n  other: \"y\"\n", out)
	again, err := Parse("a.es.yaml", []byte(out))
	require.NoError(t, err)
	assert.Equal(t, f.Messages[0].Comments, again.Messages[0].Comments)
	assert.Empty(t, again.Messages[1].Comments)
}
