package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONRefusesWhatGoI18nWouldReplace checks the text encoding/json
// (go-i18n's JSON reader) turns into U+FFFD without a word: bitext refuses
// it with its position, rather than writing U+FFFD over the translation.
func TestJSONRefusesWhatGoI18nWouldReplace(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"invalid UTF-8", "{\n  \"a\": \"caf\xe9 y\"\n}\n",
			"a.es.json:2:12: invalid UTF-8; save the file as UTF-8"},
		{"lone high surrogate", "{\n  \"a\": {\"other\": \"x \\ud800 y\"}\n}\n",
			`a.es.json:2:21: \ud800 is half of a UTF-16 surrogate pair, without its other half`},
		{"lone low surrogate", "{\n  \"a\": \"\\uDC00\"\n}\n",
			`a.es.json:2:9: \udc00 is half of a UTF-16 surrogate pair`},
		{"high surrogate then another escape", "{\"a\": \"\\ud83d\\u0041\"}",
			`a.es.json:1:8: \ud83d is half`},
		{"high surrogate at the end of a string", "{\"a\": \"😀 \\ud83d\"}",
			`a.es.json:1:10: \ud83d is half`},
		{"two high surrogates", "{\"a\": \"\\ud83d\\ud83d\\ude00\"}",
			`a.es.json:1:8: \ud83d is half`},
		{"lone surrogate in an ID", "{\"\\ud800\": \"x\"}",
			`a.es.json:1:3: \ud800 is half`},
		{"after an escaped backslash", "{\"a\": \"\\\\\", \"b\": \"\\ud800\"}",
			`a.es.json:1:19: \ud800 is half`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			theirs, err := goI18n("a.es.json", []byte(tc.src))
			require.NoError(t, err, "go-i18n reads the file")
			replaced := false
			for id, m := range theirs {
				replaced = replaced || containsRune(id+m.Other, '\uFFFD')
			}
			require.True(t, replaced, "go-i18n reads U+FFFD")

			_, err = Parse("a.es.json", []byte(tc.src))
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// TestJSONControlCharacters checks that control characters are read as the
// TOML reader reads them: as escapes they are text, kept and written back
// as escapes; as they are they are refused, by JSON itself.
func TestJSONControlCharacters(t *testing.T) {
	src := "{\n  \"a\": {\"other\": \"NUL \\u0000 bell \\u0007 tab \\t 😀 \\ud83d\\ude00\"}\n}\n"
	f, err := Parse("a.es.json", []byte(src))
	require.NoError(t, err)
	require.Len(t, f.Messages, 1)
	assert.Equal(t, "NUL \x00 bell \a tab \t 😀 😀", f.Messages[0].Other)
	out := Marshal(JSON, nil, nil, entriesOf(f))
	assert.Contains(t, string(out), `"NUL \u0000 bell \u0007 tab \t 😀 😀"`)
	theirs, err := goI18n("a.es.json", out)
	require.NoError(t, err)
	assert.Equal(t, f.Messages[0].Other, theirs["a"].Other)

	// The TOML reader reads the same escapes the same way.
	tf, err := Parse("a.es.toml", []byte("a = \"NUL \\u0000 bell \\u0007 tab \\t 😀 \\U0001F600\"\n"))
	require.NoError(t, err)
	assert.Equal(t, f.Messages[0].Other, tf.Messages[0].Other)

	for _, raw := range []string{"{\"a\": \"x\x00\"}", "{\"a\": \"x\x07\"}"} {
		_, err := Parse("a.es.json", []byte(raw))
		assert.ErrorContains(t, err, "a.es.json:1:9: invalid character")
		_, err = Parse("a.es.toml", []byte("a = \""+raw[7:9]+"\"\n"))
		assert.ErrorContains(t, err, "a.es.toml:1:7: control character", "TOML refuses it too")
	}
}

func TestJSONErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"control character in a nested string", "{\"a\": {\"other\": \"abc\x01\"}}", `a.es.json:1:21: invalid character '\x01' in string literal`},
		{"unknown escape", "{\"a\": \"xy\\q\"}", `a.es.json:1:11: invalid character 'q' in string escape code`},
		{"not hex", "{\n  \"a\": \"\\u12G4\"\n}", `a.es.json:2:13: invalid character 'G' in \u hexadecimal character escape`},
		{"file ends early", "{\"a\": {\"other\": \"x\"", `a.es.json:1:20: the file ends before the JSON does`},
		{"byte order mark", "\ufeff{}", "a.es.json:1:1: the file starts with a byte order mark"},
		{"text twice", "{\"a\": {\"other\": \"x\", \"Other\": \"y\"}}", `a.es.json:1:22: the text of "a" is given twice (key "Other")`},
		{"other and translation", "{\"a\": {\"translation\": \"x\", \"other\": \"y\"}}", `the text of "a" is given twice (key "other")`},
		{"key twice", "{\"a\": {\"hash\": \"x\", \"hash\": \"y\"}}", `key "hash" appears twice in entry "a"`},
		{"null field", "{\"a\": {\"hash\": \"h\", \"other\": null}}", `a.es.json:1:30: the value of "other" in "a" is null`},
		{"entry inside an entry", "{\"a\": {\"b\": {\"other\": \"x\"}}}", `"b" in "a" holds an object: entries inside entries are not supported; write each entry at the top level, as "a.b": {…}`},
		{"field at the top", "{\"other\": \"x\"}", `"other" is a key of an entry, not an entry's ID`},
		{"translation at the top", "{\"translation\": {\"other\": \"x\"}}", `"translation" is a key of an entry`},
		{"empty ID", "{\"\": \"x\"}", `an entry needs an ID`},
		{"Translation", "{\"a\": {\"Translation\": \"x\"}}", `go-i18n ignores it unless it is written translation`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("a.es.json", []byte(tc.src))
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestJSONNullEntry checks the one null go-i18n reads as text: an entry's
// whole value, an entry still to translate.
func TestJSONNullEntry(t *testing.T) {
	f, err := Parse("a.es.json", []byte(`{"a": null}`))
	require.NoError(t, err)
	assert.Equal(t, []Message{{ID: "a", Line: 1, TextLine: 1}}, f.Messages)
	theirs, err := goI18n("a.es.json", []byte(`{"a": null}`))
	require.NoError(t, err)
	assert.Equal(t, "", theirs["a"].Other)
}
