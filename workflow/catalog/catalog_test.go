package catalog

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"os"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

func TestHash(t *testing.T) {
	sum := sha1.Sum([]byte("paragraph" + "Hello, world."))
	assert.Equal(t, "sha1-"+hex.EncodeToString(sum[:]), Hash("paragraph", "Hello, world."))
	assert.NotEqual(t, Hash("paragraph", "x"), Hash("heading", "x"), "the description is part of the hash")
}

var sample = []Entry{
	{Message: Message{ID: "title", Description: "title", Hash: Hash("title", "A"), Other: "Estados Unidos, México y la persecución"}, Notes: []string{". en: The U.S., Mexico and the Persecution"}},
	{Message: Message{ID: "p-quotes", Description: "paragraph", Hash: "sha1-0", Other: `«Cita» con "comillas", \barra y tab	fin`, Comments: []string{" my own note", "bitext-allow numbers: reason"}}, Notes: []string{", stale: …", ". was: old", ". diff: [-old-]{+new+}"}},
	{Message: Message{ID: "note-6", Description: "note", Other: ""}, Notes: []string{", untranslated"}},
	{Message: Message{ID: "odd id.with dot", Description: "paragraph", Other: "line one\nline two \u2028 \u0085 {braces} {{ not a template"}},
	{Message: Message{ID: "yes", Description: "paragraph", Other: "YAML reads a bare yes as true"}},
}

func TestRoundTrip(t *testing.T) {
	header := []string{". header", ". second line"}
	fileComments := []string{" a translator's file comment", "bitext-allow nothing: at the top"}
	for _, format := range []Format{TOML, JSON, YAML} {
		t.Run(string(format), func(t *testing.T) {
			data := Marshal(format, header, fileComments, sample)
			f, err := Parse("locales/a.es."+string(format), data)
			require.NoError(t, err, string(data))
			require.Len(t, f.Messages, len(sample))
			for i, m := range f.Messages {
				want := sample[i].Message
				assert.Equal(t, want.ID, m.ID)
				assert.Equal(t, want.Description, m.Description)
				assert.Equal(t, want.Hash, m.Hash)
				assert.Equal(t, want.Other, m.Other)
				if format != JSON {
					assert.Equal(t, want.Comments, m.Comments, "translator comments survive")
					assert.Equal(t, sample[i].Notes, m.Notes, "bitext's notes are read apart")
				}
				assert.Positive(t, m.Line)
				assert.GreaterOrEqual(t, m.TextLine, m.Line)
			}
			if format != JSON {
				assert.Equal(t, fileComments, f.Comments, "file comments stay the file's")
				assert.Equal(t, header, f.Notes)
			}
			// Marshal of what was read gives the same bytes.
			assert.Equal(t, string(data), string(Marshal(format, f.Notes, f.Comments, entriesOf(f))))
		})
	}
}

// TestFileCommentsAboveFirstEntry checks that comments right above the
// first entry, with no blank line, are the entry's, not the file's.
func TestFileCommentsAboveFirstEntry(t *testing.T) {
	entries := []Entry{{Message: Message{ID: "title", Other: "T", Comments: []string{" about the title"}}, Notes: []string{". en: Title"}}}
	for _, format := range []Format{TOML, YAML} {
		data := Marshal(format, nil, nil, entries)
		f, err := Parse("a.es."+string(format), data)
		require.NoError(t, err)
		assert.Empty(t, f.Comments, format)
		assert.Equal(t, []string{" about the title"}, f.Messages[0].Comments, format)
		assert.Equal(t, []string{". en: Title"}, f.Messages[0].Notes, format)
	}
}

// goI18n reads a message file the way an application does, through
// go-i18n's Bundle, and returns its messages by ID. Two messages with one
// ID are an error: the Bundle would keep either.
func goI18n(path string, data []byte) (map[string]*i18n.Message, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	mf, err := b.ParseMessageFileBytes(data, path)
	if err != nil {
		return nil, err
	}
	byID := map[string]*i18n.Message{}
	for _, m := range mf.Messages {
		if _, dup := byID[m.ID]; dup {
			return nil, fmt.Errorf("go-i18n read two messages %q", m.ID)
		}
		byID[m.ID] = m
	}
	return byID, nil
}

// TestGoI18nLoads checks that go-i18n's own Bundle loads what Marshal
// writes, in every format, with the same texts.
func TestGoI18nLoads(t *testing.T) {
	for _, format := range []Format{TOML, JSON, YAML} {
		t.Run(string(format), func(t *testing.T) {
			b := i18n.NewBundle(language.English)
			b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
			b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
			braces := Entry{Message: Message{ID: "p-braces", Description: "paragraph", Other: "Text with {braces}, {.Field} and }} stays literal"}}
			entries := []Entry{sample[0], sample[1], sample[4], braces}
			_, err := b.ParseMessageFileBytes(Marshal(format, []string{". header"}, nil, entries), "a.es."+string(format))
			require.NoError(t, err)
			loc := i18n.NewLocalizer(b, "es")
			for _, e := range entries {
				got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: e.ID})
				require.NoError(t, err)
				assert.Equal(t, e.Other, got)
			}
		})
	}
}

func TestParseTOMLForms(t *testing.T) {
	src := `# translator's note
simple = "Hola"
inline = { other = 'literal \n', hash = "sha1-1" }

[multi]
description = "paragraph" # trailing comment
other = """
Línea uno \
    sigue
y "dos" ""fin"""""

["quoted id"]
other = '''
texto 'literal'
'''

[dotted . key]
translation = "\u00e9\t\U0001F600"
`
	f, err := Parse("a.es.toml", []byte(src))
	require.NoError(t, err)
	got := map[string]Message{}
	for _, m := range f.Messages {
		m.Line, m.TextLine = 0, 0
		got[m.ID] = m
	}
	assert.Equal(t, Message{ID: "simple", Other: "Hola", Comments: []string{" translator's note"}}, got["simple"])
	assert.Equal(t, Message{ID: "inline", Other: `literal \n`, Hash: "sha1-1"}, got["inline"])
	assert.Equal(t, Message{ID: "multi", Description: "paragraph", Other: "Línea uno sigue\ny \"dos\" \"\"fin\"\"", Comments: []string{" trailing comment"}}, got["multi"])
	assert.Equal(t, Message{ID: "quoted id", Other: "texto 'literal'\n"}, got["quoted id"])
	assert.Equal(t, Message{ID: "dotted.key", Other: "é\t😀"}, got["dotted.key"])

	// BurntSushi's decoder, which go-i18n uses, reads the same values.
	var raw map[string]any
	_, err = toml.Decode(src, &raw)
	require.NoError(t, err)
	assert.Equal(t, "Hola", raw["simple"])
	assert.Equal(t, got["multi"].Other, raw["multi"].(map[string]any)["other"])
	assert.Equal(t, got["quoted id"].Other, raw["quoted id"].(map[string]any)["other"])
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ path, src, want string }{
		{"a.es.toml", "[title]\nother = \"unclosed\n", "a.es.toml:2:9: string is not closed before the end of the line"},
		{"a.es.toml", "[title]\nother = 3\n", "a.es.toml:2:9: the value of \"other\" must be a quoted string"},
		{"a.es.toml", "[a]\nother = \"x\"\n[a]\n", "a.es.toml:3:4: entry \"a\" is defined twice (first at line 1)"},
		{"a.es.toml", "[a]\nfoo = \"x\"\n", "a.es.toml:2:1: unknown key \"foo\" in \"a\""},
		{"a.es.toml", "[a]\nother = \"\\q\"\n", "a.es.toml:2:11: unknown escape \\q"},
		{"a.es.toml", "[a\n", "a.es.toml:1:3: table header [a is not closed with ]"},
		{"a.es.toml", "[a]\nother = \"x\" junk\n", "a.es.toml:2:13: unexpected 'j' after the value"},
		{"a.es.toml", "[a]\nother = \"\xff\"\n", "a.es.toml:2:10: invalid UTF-8"},
		{"a.es.json", "{\n  \"a\": {\"other\": 3}\n}\n", "a.es.json:2:18: the value of \"other\" in \"a\" must be a string"},
		{"a.es.json", "{\n  \"a\": \"x\",\n}\n", "a.es.json:3:1: invalid character '}'"},
		{"a.es.yaml", "a:\n  other: [1]\n", "a.es.yaml:2:10: the value of \"other\" in \"a\" must be a string"},
		{"a.es.yaml", "a:\n\tother: x\n", "a.es.yaml:2:1: a tab: YAML indents with spaces only"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			_, err := Parse(tc.path, []byte(tc.src))
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "bitext has not changed it")
		})
	}
}

func TestShippedFilesLoadInGoI18n(t *testing.T) {
	const doc = "../../locales/us-mexico-persecution-of-migrants-2018-05-23"
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	en, err := b.LoadMessageFile(doc + ".en.toml")
	require.NoError(t, err)
	es, err := b.LoadMessageFile(doc + ".es.toml")
	require.NoError(t, err)
	require.Len(t, en.Messages, 45)
	require.Len(t, es.Messages, 45)

	// Our reader sees what go-i18n sees.
	for _, lang := range []string{"en", "es"} {
		data, err := os.ReadFile(doc + "." + lang + ".toml")
		require.NoError(t, err)
		ours, err := Parse(doc+"."+lang+".toml", data)
		require.NoError(t, err)
		theirs := en.Messages
		if lang == "es" {
			theirs = es.Messages
		}
		byID := map[string]*i18n.Message{}
		for _, m := range theirs {
			byID[m.ID] = m
		}
		for _, m := range ours.Messages {
			require.Contains(t, byID, m.ID)
			assert.Equal(t, byID[m.ID].Other, m.Other)
			assert.Equal(t, byID[m.ID].Hash, m.Hash)
			assert.Equal(t, byID[m.ID].Description, m.Description)
		}
	}

	// Every ID localizes, in both languages, to the text of its file: the
	// [^n] references, quotes and brackets stay literal.
	enText := map[string]string{}
	for _, m := range en.Messages {
		enText[m.ID] = m.Other
	}
	for _, lang := range []string{"en", "es"} {
		loc := i18n.NewLocalizer(b, lang)
		msgs := en.Messages
		if lang == "es" {
			msgs = es.Messages
		}
		for _, m := range msgs {
			got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: m.ID})
			require.NoError(t, err, m.ID)
			assert.Equal(t, m.Other, got, m.ID)
			if lang == "es" {
				assert.Equal(t, Hash(m.Description, enText[m.ID]), m.Hash, "%s: the hash is goi18n's hash of the English", m.ID)
			}
		}
	}
}

func TestHistoryRoundTrip(t *testing.T) {
	h := &History{
		Sources:  map[string]Source{"sha1-1": {ID: "p-a", Description: "paragraph", Text: "Old <English> & more"}},
		Obsolete: map[string]ObsoleteUnit{"p-b": {Description: "paragraph", Text: "Gone", Translations: map[string]Translation{"es": {Hash: "sha1-2", Other: "Ido", Comments: []string{" mine"}}}}},
	}
	data := h.Marshal()
	assert.Contains(t, string(data), "Old <English> & more", "no HTML escaping in the history")
	back, err := ParseHistory("h.json", data)
	require.NoError(t, err)
	assert.Equal(t, h, back)
	_, err = ParseHistory("h.json", []byte("{\n  \"sources\": 3\n}"))
	assert.ErrorContains(t, err, "cannot unmarshal number")
	assert.ErrorContains(t, err, "h.json:")
	empty, err := ParseHistory("h.json", nil)
	require.NoError(t, err)
	assert.True(t, empty.Empty())
}

func ExampleHash() {
	fmt.Println(Hash("paragraph", "The presidential debates…"))
	// Output: sha1-fc25dd94b869675c84a8914b75e5a227227e59ff
}

// BenchmarkParseTOML reads a locale file of 20,000 paragraphs, each with
// its "#. en:" comment, as bitext writes them.
func BenchmarkParseTOML(b *testing.B) {
	text := "The presidential debates have included the positioning of these issues as a central topic, particularly in the campaign’s second debate held in Tijuana on May 20th. Little of substance as to migrant rights issues was proposed by any of the candidates."
	entries := make([]Entry, 20000)
	for i := range entries {
		entries[i] = Entry{Message: Message{ID: fmt.Sprintf("p-paragraph-%d", i), Description: "paragraph", Hash: Hash("paragraph", text), Other: text}, Notes: []string{". en: " + text}}
	}
	data := Marshal(TOML, nil, nil, entries)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("a.es.toml", data); err != nil {
			b.Fatal(err)
		}
	}
}
