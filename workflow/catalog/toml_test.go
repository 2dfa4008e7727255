package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTOMLDottedKeys holds the TOML reader to go-i18n's Bundle on the
// ways TOML has to name an entry and its fields: what bitext accepts,
// go-i18n reads with the same IDs and texts; the rest is refused with a
// message, never read as an entry named "title.other", which bitext would
// then move out of the file as an orphan.
func TestTOMLDottedKeys(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Message // ID, Description, Hash and Other, in file order
		err  string
	}{
		{name: "dotted key at the top", src: "title.other = \"Título\"\n",
			want: []Message{{ID: "title", Other: "Título"}}},
		{name: "dotted keys of one entry", src: "title.description = \"title\"\ntitle.hash = \"sha1-1\"\ntitle.other = \"Título\"\n",
			want: []Message{{ID: "title", Description: "title", Hash: "sha1-1", Other: "Título"}}},
		{name: "dotted keys of one entry apart", src: "title.other = \"Título\"\ndate = \"Fecha\"\ntitle.hash = \"sha1-1\"\n",
			want: []Message{{ID: "title", Hash: "sha1-1", Other: "Título"}, {ID: "date", Other: "Fecha"}}},
		{name: "quoted first key", src: "\"title\".other = \"Título\"\n",
			want: []Message{{ID: "title", Other: "Título"}}},
		{name: "quoted field key", src: "title.'other' = \"Título\"\n",
			want: []Message{{ID: "title", Other: "Título"}}},
		{name: "table then field", src: "[title]\nother = \"Título\"\n",
			want: []Message{{ID: "title", Other: "Título"}}},
		{name: "dotted key inside a table", src: "[a]\nb.other = \"x\"\nc.other = \"y\"\n",
			want: []Message{{ID: "a.b", Other: "x"}, {ID: "a.c", Other: "y"}}},
		{name: "dotted key inside a dotted table", src: "[a.b]\nc.other = \"x\"\n",
			want: []Message{{ID: "a.b.c", Other: "x"}}},
		{name: "dotted table header", src: "[a.b]\nother = \"x\"\n",
			want: []Message{{ID: "a.b", Other: "x"}}},
		{name: "empty table around entries", src: "# group\n[a]\n\n[a.b]\nother = \"x\"\n",
			want: []Message{{ID: "a.b", Other: "x"}}},
		{name: "empty table after its entries", src: "[a.b]\nother = \"x\"\n[a]\n",
			want: []Message{{ID: "a.b", Other: "x"}}},
		{name: "quoted key with a dot is one key", src: "[a]\nother = \"y\"\n[\"a.b\"]\nother = \"x\"\n",
			want: []Message{{ID: "a", Other: "y"}, {ID: "a.b", Other: "x"}}},
		{name: "entry named like a field", src: "[a.other]\nother = \"x\"\n",
			want: []Message{{ID: "a.other", Other: "x"}}},

		{name: "entry with fields and an entry inside", src: "[a]\nother = \"y\"\nb.other = \"x\"\n",
			err: `a.es.toml:3:1: entry "a.b" is inside entry "a" (line 1), which has fields of its own: go-i18n cannot load such a file; quote the inner name, as in ["a.b"]`},
		{name: "table inside an entry", src: "[a]\nother = \"y\"\n[a.b]\nother = \"x\"\n",
			err: `a.es.toml:3:1: entry "a.b" is inside entry "a" (line 1)`},
		{name: "table inside a dotted entry", src: "[a]\nb.other = \"x\"\n[a.b.c]\nother = \"y\"\n",
			err: `entry "a.b.c" is inside entry "a.b" (line 2)`},
		{name: "dotted key of no field", src: "a.b = \"x\"\n",
			err: `a.es.toml:1:1: unknown key "b" in "a"`},
		{name: "dotted key of a plural form", src: "a.one = \"x\"\n",
			err: `plural form "one" in "a"`},
		{name: "one name two ways", src: "\"a.b\".other = \"x\"\na.b.hash = \"h\"\n",
			err: `a.es.toml:2:1: entry "a.b" is defined twice (first at line 1)`},
		{name: "dotted entry and table", src: "title.other = \"x\"\n[title]\nhash = \"h\"\n",
			err: `a.es.toml:2:8: entry "title" is defined twice (first at line 1)`},
		{name: "field twice by dotted keys", src: "title.other = \"x\"\ntitle.other = \"y\"\n",
			err: `a.es.toml:2:1: the text of "title" is given twice`},
		{name: "field at the top", src: "other = \"x\"\n",
			err: `"other" is a key of an entry, not an entry's ID: go-i18n would read the whole file as one message`},
		{name: "table named translation", src: "[translation]\nother = \"x\"\n",
			err: `"translation" is a key of an entry, not an entry's ID`},
		{name: "translation inside a name", src: "[a.translation]\nother = \"x\"\n",
			err: `entry "a.translation": go-i18n reads a key named translation as the text of the entry around it`},
		{name: "dotted translation prefix", src: "  translation.other = \"x\"\n",
			err: `a.es.toml:1:3: "translation" is a key of an entry`},
		{name: "empty name", src: "[\"\"]\nother = \"x\"\n",
			err: `an entry needs an ID`},
		{name: "translation not in lower case", src: "[a]\nTranslation = \"x\"\n",
			err: `key "Translation" in "a": go-i18n ignores it unless it is written translation`},
		{name: "other and translation", src: "[a]\nother = \"x\"\ntranslation = \"y\"\n",
			err: `a.es.toml:3:1: the text of "a" is given twice (key "translation")`},
		{name: "other in two cases", src: "[a]\nother = \"x\"\nOTHER = \"y\"\n",
			err: `the text of "a" is given twice (key "OTHER")`},
		{name: "dotted key in an inline table", src: "a = { b.other = \"x\" }\n",
			err: `dotted key b.other in the inline table of "a"`},
		{name: "inline table under a dotted key", src: "a.b = { other = \"x\" }\n",
			err: `the value of a.b must be a quoted string`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("a.es.toml", []byte(tc.src))
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			var got []Message
			for _, m := range f.Messages {
				got = append(got, Message{ID: m.ID, Description: m.Description, Hash: m.Hash, Other: m.Other})
			}
			assert.Equal(t, tc.want, got)

			theirs, err := goI18n("a.es.toml", []byte(tc.src))
			require.NoError(t, err)
			assert.Len(t, theirs, len(got), "go-i18n reads as many messages")
			for _, m := range got {
				if assert.Contains(t, theirs, m.ID) {
					th := theirs[m.ID]
					assert.Equal(t, m, Message{ID: th.ID, Description: th.Description, Hash: th.Hash, Other: th.Other})
				}
			}
		})
	}
}

// TestTOMLDottedKeyLines checks that an entry given by dotted keys has the
// lines a finding points to: its first key and its text.
func TestTOMLDottedKeyLines(t *testing.T) {
	f, err := Parse("a.es.toml", []byte("# mine\ntitle.description = \"title\"\n#. en: Title\ntitle.other = \"Título\"\n"))
	require.NoError(t, err)
	require.Len(t, f.Messages, 1)
	m := f.Messages[0]
	assert.Equal(t, 2, m.Line)
	assert.Equal(t, 4, m.TextLine)
	assert.Equal(t, []string{" mine"}, m.Comments)
	assert.Equal(t, []string{". en: Title"}, m.Notes)
}

// TestTOMLComments pins which entry a comment belongs to. A comment at the
// end of a line is its entry's; a block of comments is the entry's below
// it, unless a blank line parts it from that entry and nothing parts it
// from the entry above, or it is at the top of the file, parted from the
// first entry by a blank line: then it is the file's.
func TestTOMLComments(t *testing.T) {
	tests := []struct {
		name string
		src  string
		file []string            // File.Comments
		want map[string][]string // Comments by ID
	}{
		{name: "at the end of a value line",
			src:  "[a]\nother = \"x\"  # check with editor\n[b]\nother = \"y\"\n",
			want: map[string][]string{"a": {" check with editor"}}},
		{name: "exemption at the end of a value line",
			src:  "[a]\nother = \"60 %\" # bitext-allow numbers: the report says 60\n\n# mine\n[b]\nother = \"y\"\n",
			want: map[string][]string{"a": {" bitext-allow numbers: the report says 60"}, "b": {" mine"}}},
		{name: "at the end of a top-level pair",
			src:  "a = \"x\" # c\nb = \"y\"\n",
			want: map[string][]string{"a": {" c"}}},
		{name: "at the end of an inline table",
			src:  "a = { other = \"x\" } # c\nb = \"y\"\n",
			want: map[string][]string{"a": {" c"}}},
		{name: "at the end of a table header",
			src:  "[a] # c\nother = \"x\"\n[b]\nother = \"y\"\n",
			want: map[string][]string{"a": {" c"}}},
		{name: "at the end of a dotted key",
			src:  "a.other = \"x\" # c\nb.other = \"y\"\n",
			want: map[string][]string{"a": {" c"}}},
		{name: "at the end of a multi-line string",
			src:  "[a]\nother = \"\"\"\nx\n\"\"\" # c\n[b]\nother = \"y\"\n",
			want: map[string][]string{"a": {" c"}}},
		{name: "between keys",
			src:  "[a]\ndescription = \"d\"\n# between\nother = \"x\"\n[b]\nother = \"y\"\n",
			want: map[string][]string{"a": {" between"}}},
		{name: "in order",
			src:  "# above\n[a] # header\ndescription = \"d\" # d\n# between\nother = \"x\" # x\n",
			want: map[string][]string{"a": {" above", " header", " d", " between", " x"}}},
		{name: "under the last key",
			src:  "[a]\nother = \"x\"\n# about a\n\n[b]\nother = \"y\"\n",
			want: map[string][]string{"a": {" about a"}}},
		{name: "above the next entry",
			src:  "[a]\nother = \"x\"\n\n# about b\n[b]\nother = \"y\"\n",
			want: map[string][]string{"b": {" about b"}}},
		{name: "alone between entries",
			src:  "[a]\nother = \"x\"\n\n# about b\n\n[b]\nother = \"y\"\n",
			want: map[string][]string{"b": {" about b"}}},
		{name: "directly above the next entry",
			src:  "[a]\nother = \"x\"\n# about b\n[b]\nother = \"y\"\n",
			want: map[string][]string{"b": {" about b"}}},
		{name: "at the top, apart",
			src:  "# file\n\n# also the file\n\n# first\n[a]\nother = \"x\"\n",
			file: []string{" file", " also the file"},
			want: map[string][]string{"a": {" first"}}},
		{name: "at the top, directly above",
			src:  "# first\n[a]\nother = \"x\"\n",
			want: map[string][]string{"a": {" first"}}},
		{name: "at the end of the file",
			src:  "[a]\nother = \"x\"\n\n# end\n",
			want: map[string][]string{"a": {" end"}}},
		{name: "only comments",
			src:  "# one\n\n# two\n",
			file: []string{" one", " two"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("a.es.toml", []byte(tc.src))
			require.NoError(t, err)
			assert.Equal(t, tc.file, f.Comments, "file comments")
			for _, m := range f.Messages {
				assert.Equal(t, tc.want[m.ID], m.Comments, m.ID)
			}
		})
	}
}

// TestTOMLTrailingCommentWrittenAbove checks how a comment at the end of a
// line is written back: above its entry, where bitext keeps translator
// comments, and from then on it stays there.
func TestTOMLTrailingCommentWrittenAbove(t *testing.T) {
	src := "[a]\ndescription = \"paragraph\"\nother = \"60 %\" # bitext-allow numbers: the report says 60\n\n[b]\nother = \"y\"\n"
	f, err := Parse("a.es.toml", []byte(src))
	require.NoError(t, err)
	out := string(Marshal(TOML, nil, f.Comments, entriesOf(f)))
	assert.Equal(t, "# bitext-allow numbers: the report says 60\n[a]\ndescription = \"paragraph\"\nother = \"60 %\"\n\n[b]\nother = \"y\"\n", out)
	again, err := Parse("a.es.toml", []byte(out))
	require.NoError(t, err)
	assert.Equal(t, f.Messages[0].Comments, again.Messages[0].Comments)
	assert.Empty(t, again.Messages[1].Comments)
}

func TestTOMLCommentControlCharacter(t *testing.T) {
	_, err := Parse("a.es.toml", []byte("[a]\n# tab\tok, bell \a not\nother = \"x\"\n"))
	assert.ErrorContains(t, err, "a.es.toml:2:16: control character U+0007 in a comment")
	// go-i18n's TOML reader refuses it too.
	_, err = goI18n("a.es.toml", []byte("[a]\n# tab\tok, bell \a not\nother = \"x\"\n"))
	assert.Error(t, err)
}

// entriesOf returns f's messages as entries to write, with the notes read.
func entriesOf(f *File) []Entry {
	entries := make([]Entry, len(f.Messages))
	for i, m := range f.Messages {
		entries[i] = Entry{Message: m, Notes: m.Notes}
	}
	return entries
}

// TestTOMLNoteArena checks that the notes handed to one entry are not
// overwritten when a caller appends to another's.
func TestTOMLNoteArena(t *testing.T) {
	f, err := Parse("a.es.toml", []byte("#. one\n[a]\nother = \"x\"\n\n#. two\n[b]\nother = \"y\"\n"))
	require.NoError(t, err)
	appended := append(f.Messages[0].Notes, ". appended")
	assert.Equal(t, []string{". one", ". appended"}, appended)
	assert.Equal(t, []string{". two"}, f.Messages[1].Notes)
}

func TestControlIn(t *testing.T) {
	long := "the note bitext writes above every entry, in “UTF-8” — "
	tests := []struct {
		text string
		want int
	}{
		{"", -1},
		{"short", -1},
		{long + long, -1},
		{"tabs\tare\tallowed\tin\tcomments", -1},
		{"\x00" + long, 0},
		{long + "\x1f", len(long)},
		{long[:9] + "\x7f" + long, 9},
		{"12345678\r", 8},
		{"1234567\x08", 7},
		{"\x80\xff\x7e\x20 high bytes of UTF-8 are not controls", -1},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, controlIn(tc.text), "%q", tc.text)
	}
}
