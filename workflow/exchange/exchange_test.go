package exchange

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sample is a document with a unit in every state and text that tests
// the escaping of each format.
func sample() *File {
	return &File{Docs: []Doc{{
		Name: "article", Original: "source/article.txt", SourceLang: "en", TargetLang: "es",
		Units: []Unit{
			{ID: "title", Kind: "title", Position: "source/article.txt:1", Source: "The U.S. & Mexico", Target: "Estados Unidos y México", State: Translated, Base: Fingerprint("Estados Unidos y México"),
				Reviewed: true, People: People{TranslatedBy: "Ana Pérez", Translated: "2026-01-03", ReviewedBy: "Luis", Reviewed: "2026-01-05"}},
			{ID: "p-new", Kind: "paragraph", Position: "source/article.txt:3", Source: `Say "hi"[^1] to <b>you</b>, see [the report](https://example.org/?a=1&b=2) and {{.Name}}.`, Comments: []string{"Ana: check the link"},
				Terms:       []string{"report → informe (not: reporte)"},
				Suggestions: []Suggestion{{Score: 92, Origin: "other/p-x", Source: "Say hi to you.", Target: "Saluda."}}},
			{ID: "p-stale", Kind: "paragraph", Position: "source/article.txt:5", Source: "Little of substance on migrant rights.", OldSource: "Little of substance as to migrant rights.", Target: "Poca cosa «de fondo»\\ en *derechos*.", State: NeedsReview, Base: Fingerprint("Poca cosa «de fondo»\\ en *derechos*.")},
			{ID: "note-1", Kind: "note", Position: "source/article.txt:9", Source: "https://www.wola.org/x; `code`", Target: "https://www.wola.org/x; `code`", State: Translated, Comments: []string{"first", "second line"}},
		},
	}}}
}

// carried returns f as a format carries it back: suggestions, terms,
// the review and who did what are bitext's to write anew, lines are where
// the units were read.
func carried(f *File, keepPosition bool) *File {
	out := &File{}
	for _, d := range f.Docs {
		d.Line = 0
		var units []Unit
		for _, u := range d.Units {
			u.Suggestions, u.Terms, u.Line = nil, nil, 0
			u.Reviewed, u.People = false, People{}
			if !keepPosition {
				u.Position = ""
			}
			if u.State != NeedsReview {
				u.OldSource = ""
			}
			units = append(units, u)
		}
		d.Units = units
		out.Docs = append(out.Docs, d)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(*File) ([]byte, error)
		read  func(string, []byte) (*File, error)
	}{
		{"xliff2", WriteXLIFF2, ReadXLIFF2},
		{"xliff12", WriteXLIFF12, ReadXLIFF12},
		{"po", func(f *File) ([]byte, error) { return WritePO(f), nil }, ReadPO},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := tc.write(sample())
			require.NoError(t, err)
			again, err := tc.write(sample())
			require.NoError(t, err)
			assert.Equal(t, data, again, "output is deterministic")
			assert.Contains(t, string(data), "report → informe (not: reporte)", "the unit's terms, for the translator")
			assert.Contains(t, string(data), "translated by Ana Pérez on 2026-01-03", "who did what")
			assert.Contains(t, string(data), "reviewed by Luis on 2026-01-05")
			switch tc.name {
			case "xliff2":
				assert.Contains(t, string(data), `<segment state="reviewed">`)
				assert.Contains(t, string(data), `<mda:metadata xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"><mda:metaGroup category="bitext:people"><mda:meta type="translated-by">Ana Pérez</mda:meta><mda:meta type="translated">2026-01-03</mda:meta><mda:meta type="reviewed-by">Luis</mda:meta><mda:meta type="reviewed">2026-01-05</mda:meta></mda:metaGroup></mda:metadata>`)
			case "xliff12":
				assert.Contains(t, string(data), `<target state="signed-off">`)
			}
			back, err := tc.read("x", data)
			require.NoError(t, err)
			assert.Equal(t, carried(sample(), true), carried(back, true))
			// Read is what Read sniffs.
			sniffed, err := Read("x", data)
			require.NoError(t, err)
			assert.Equal(t, back, sniffed)
		})
	}
}

func TestRoundTripSeveralDocuments(t *testing.T) {
	f := sample()
	second := f.Docs[0]
	second.Name, second.Original = "second", "source/second.md"
	f.Docs = append(f.Docs, second)
	for name, write := range map[string]func(*File) ([]byte, error){
		"xliff2": WriteXLIFF2, "xliff12": WriteXLIFF12, "po": func(f *File) ([]byte, error) { return WritePO(f), nil },
	} {
		t.Run(name, func(t *testing.T) {
			data, err := write(f)
			require.NoError(t, err)
			back, err := Read("x."+name, data)
			require.NoError(t, err)
			require.Len(t, back.Docs, 2)
			for i := range back.Docs {
				assert.Equal(t, f.Docs[i].Name, back.Docs[i].Name)
				assert.Len(t, back.Docs[i].Units, len(f.Docs[i].Units))
			}
		})
	}
}

func TestXLIFF2Codes(t *testing.T) {
	data, err := WriteXLIFF2(sample())
	require.NoError(t, err)
	s := string(data)
	assert.Contains(t, s, `<data id="d1">[^1]</data>`)
	assert.Contains(t, s, `<source>Say &quot;hi&quot;<ph id="s1" dataRef="d1" disp="[^1]"/> to <ph id="s2" dataRef="d2" disp="&lt;b&gt;"/>you`)
	assert.Contains(t, s, `<segment state="initial" subState="bitext:needs-review">`)
	assert.Contains(t, s, `<note category="bitext:old-source" appliesTo="source">Little of substance as to migrant rights.</note>`)
}

func TestXLIFF2ControlCharacters(t *testing.T) {
	f := sample()
	f.Docs[0].Units[0].Target = "a\x01b"
	data, err := WriteXLIFF2(f)
	require.NoError(t, err)
	assert.Contains(t, string(data), `a<cp hex="1"/>b`)
	back, err := ReadXLIFF2("x", data)
	require.NoError(t, err)
	assert.Equal(t, "a\x01b", back.Docs[0].Units[0].Target)
	_, err = WriteXLIFF12(f)
	assert.ErrorContains(t, err, "U+0001")
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, data, want string
	}{
		{"xliff not well-formed", "a.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\">\n<file id=\"f\">\n<unit id=\"u\"><segment><source>a</sourc></segment></unit></file></xliff>", "a.xlf:3: not well-formed XML"},
		{"xliff2 unknown data", "a.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\">\n<file id=\"f\">\n<unit id=\"u\">\n<segment><source>a<ph id=\"1\" dataRef=\"d9\"/></source></segment></unit></file></xliff>", "a.xlf:4: inline code refers to data \"d9\""},
		{"xliff12 x code", "a.xlf", "<xliff version=\"1.2\">\n<file original=\"a\" source-language=\"en\" datatype=\"plaintext\"><body>\n<trans-unit id=\"u\"><source>a</source>\n<target>b<x id=\"1\"/></target></trans-unit></body></file></xliff>", "a.xlf:4: inline code <x id=\"1\"> carries no data"},
		{"po no msgctxt", "a.po", "msgid \"\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"b\"\n", "a.po:4: entry \"a\" has no msgctxt"},
		{"po no msgctxt but the id comment", "a.po", "msgid \"\"\nmsgstr \"\"\n\n#. bitext: id p-a\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\"\nmsgstr \"\"\n", "a.po:8: entry \"c\" has no msgctxt"},
		{"po bad escape", "a.po", "msgctxt \"u\"\nmsgid \"a\\q\"\nmsgstr \"\"\n", "a.po:2: msgid: unknown escape \\q"},
		{"po unquoted", "a.po", "msgctxt \"u\"\nmsgid \"a\"\nmsgstr b\n", "a.po:3: msgstr: a string must be in double quotes"},
		{"po not utf-8", "a.po", "msgctxt \"u\"\nmsgid \"a\"\nmsgstr \"\xff\"\n", "a.po:3: not UTF-8"},
		{"tmx in import", "a.tmx", "<tmx version=\"1.4\"><header/></tmx>", "a.tmx: this is a translation memory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.file, []byte(tc.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			var e *Error
			assert.ErrorAs(t, err, &e)
		})
	}
}

func TestPOFromTools(t *testing.T) {
	// As msgmerge and Poedit write: wrapped strings, obsolete entries,
	// other flags, a previous msgid over several lines.
	po := `msgid ""
msgstr ""
"Language: es\n"
"X-Bitext-Document: article\n"

# Ana: check
#. bitext: id p-stale; kind paragraph; base 0011223344556677
#: source/article.txt:5
#, fuzzy, no-wrap
#| msgid "Little of substance "
#| "as to migrant rights."
msgctxt "p-stale"
msgid ""
"Little of substance "
"on migrant rights."
msgstr "Poca cosa"

#~ msgctxt "gone"
#~ msgid "Old"
#~ msgstr "Viejo"
`
	f, err := ReadPO("a.po", []byte(po))
	require.NoError(t, err)
	require.Len(t, f.Docs, 1)
	require.Len(t, f.Docs[0].Units, 1)
	u := f.Docs[0].Units[0]
	assert.Equal(t, Unit{ID: "p-stale", Kind: "paragraph", Base: "0011223344556677", Position: "source/article.txt:5", Source: "Little of substance on migrant rights.",
		Target: "Poca cosa", State: NeedsReview, OldSource: "Little of substance as to migrant rights.", Comments: []string{"Ana: check"}, Line: 6}, u)
	assert.Equal(t, "article", f.Docs[0].Name)
}

func TestTMXRoundTrip(t *testing.T) {
	day := time.Date(2018, 5, 23, 0, 0, 0, 0, time.UTC)
	m := &Memory{SourceLang: "en", TargetLang: "es", TUs: []TU{
		{ID: "p-a", Doc: "article", Kind: "paragraph", Source: "Say [^1] <b>&</b>", Target: "Di [^1]", Created: day, Changed: day},
		{Source: "Plain", Target: "Llano", Origin: "vendor.tmx"},
	}}
	data, err := WriteTMX(m)
	require.NoError(t, err)
	back, err := ReadTMX("m.tmx", data, "en", "es")
	require.NoError(t, err)
	for i := range back.TUs {
		back.TUs[i].Line = 0
	}
	back.Tool = ""
	assert.Equal(t, m, back)
}

func TestTMXOwnLayoutIsFast(t *testing.T) {
	m := &Memory{SourceLang: "en", TargetLang: "es", TUs: []TU{{ID: "p-a", Doc: "d", Kind: "paragraph", Source: "a & <b>", Target: "c\nd"}}}
	data, err := WriteTMX(m)
	require.NoError(t, err)
	fast, ok := readOwnTMX(data, "en", "es")
	require.True(t, ok, "bitext's own layout is read by the fast reader")
	slow, err := readTMX("m.tmx", data, "en", "es")
	require.NoError(t, err)
	slow.Tool = "bitext"
	assert.Equal(t, slow, fast)
	_, ok = readOwnTMX([]byte(strings.Replace(string(data), "<seg>", "<seg> ", 1)), "en", "es")
	assert.True(t, ok, "text is text")
	_, ok = readOwnTMX([]byte(strings.Replace(string(data), "</tu>", "</tu><!-- -->", 1)), "en", "es")
	assert.False(t, ok, "anything else goes to the XML reader")
}

func TestTMXForeign(t *testing.T) {
	tmx := `<?xml version="1.0"?>
<tmx version="1.4"><header creationtool="OmegaT" srclang="EN-US" o-tmf="OmegaT" segtype="sentence" adminlang="EN" datatype="plaintext"/>
<body>
<tu><tuv lang="EN-US"><seg>Hello <bpt i="1" x="1">&lt;b&gt;</bpt>world<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="ES-MX"><seg>Hola <ph x="2">&lt;br/&gt;</ph>mundo</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Only English</seg></tuv></tu>
</body></tmx>`
	m, err := ReadTMX("o.tmx", []byte(tmx), "en", "es")
	require.NoError(t, err)
	require.Len(t, m.TUs, 1)
	assert.Equal(t, "Hello world", m.TUs[0].Source)
	assert.Equal(t, "Hola mundo", m.TUs[0].Target)
	assert.Equal(t, "OmegaT", m.Tool)
}

// fuzzRoundTrip checks what a reader gives: writing it and reading that
// again gives the same units (the writer can carry all the reader reads).
func fuzzRoundTrip(t *testing.T, f *File, write func(*File) ([]byte, error), read func(string, []byte) (*File, error)) {
	for i := range f.Docs {
		for j := range f.Docs[i].Units {
			u := &f.Docs[i].Units[j]
			if _, bad := firstInvalid(u.ID + u.Source + u.Target + u.OldSource + strings.Join(u.Comments, "")); bad {
				return
			}
		}
	}
	data, err := write(f)
	if err != nil {
		return
	}
	back, err := read("again", data)
	if err != nil {
		t.Fatalf("reading what was written failed: %v\n%s", err, data)
	}
	a, b := carried(f, false), carried(back, false)
	for _, x := range []*File{a, b} {
		for i := range x.Docs {
			x.Docs[i].SourceLang, x.Docs[i].TargetLang = "", ""
			for j := range x.Docs[i].Units {
				u := &x.Docs[i].Units[j]
				u.Comments = nil
			}
		}
	}
	if len(a.Docs) != len(b.Docs) {
		t.Fatalf("%d documents became %d", len(a.Docs), len(b.Docs))
	}
	for i := range a.Docs {
		if len(a.Docs[i].Units) != len(b.Docs[i].Units) {
			t.Fatalf("%d units became %d", len(a.Docs[i].Units), len(b.Docs[i].Units))
		}
		for j := range a.Docs[i].Units {
			x, y := a.Docs[i].Units[j], b.Docs[i].Units[j]
			if x.ID != y.ID || x.Source != y.Source || x.Target != y.Target || x.State != y.State {
				t.Fatalf("unit %d changed:\n%+v\n%+v", j, x, y)
			}
		}
	}
}

func seeds(f *testing.F, write func(*File) ([]byte, error)) {
	data, err := write(sample())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
}

func FuzzReadXLIFF2(f *testing.F) {
	seeds(f, WriteXLIFF2)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadXLIFF2("f.xlf", data)
		if err != nil {
			var e *Error
			if !strings.Contains(err.Error(), "f.xlf") {
				t.Fatalf("error without the file name: %v (%T %v)", err, err, e)
			}
			return
		}
		fuzzRoundTrip(t, file, WriteXLIFF2, ReadXLIFF2)
	})
}

func FuzzReadXLIFF12(f *testing.F) {
	seeds(f, WriteXLIFF12)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadXLIFF12("f.xlf", data)
		if err != nil {
			if !strings.Contains(err.Error(), "f.xlf") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		fuzzRoundTrip(t, file, WriteXLIFF12, ReadXLIFF12)
	})
}

func FuzzReadPO(f *testing.F) {
	seeds(f, func(f *File) ([]byte, error) { return WritePO(f), nil })
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadPO("f.po", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.po:") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		fuzzRoundTrip(t, file, func(f *File) ([]byte, error) { return WritePO(f), nil }, ReadPO)
	})
}

func FuzzReadTMX(f *testing.F) {
	data, _ := WriteTMX(&Memory{SourceLang: "en", TargetLang: "es", TUs: []TU{{ID: "a", Doc: "d", Source: "x [^1]", Target: "y &<>\"\n\t", Created: time.Unix(0, 0).UTC(), Conflict: "c"}, {Source: "s", Target: "t"}}})
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		// The fast reader of bitext's own layout reads what the XML
		// reader reads, or nothing.
		if fast, ok := readOwnTMX(data, "en", "es"); ok {
			slow, err := readTMX("f.tmx", data, "en", "es")
			if err != nil {
				t.Fatalf("the fast reader read what the XML reader refuses: %v", err)
			}
			fast.Tool, slow.Tool = "", ""
			for i := range fast.TUs {
				fast.TUs[i].Line = 0
			}
			for i := range slow.TUs {
				slow.TUs[i].Line = 0
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Fatalf("the readers differ:\n%+v\n%+v", fast, slow)
			}
		}
		m, err := ReadTMX("f.tmx", data, "en", "es")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.tmx") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		out, err := WriteTMX(m)
		if err != nil {
			return
		}
		back, err := ReadTMX("again", out, "en", "es")
		if err != nil {
			t.Fatalf("reading what was written failed: %v\n%s", err, out)
		}
		if len(back.TUs) != len(m.TUs) {
			t.Fatalf("%d units became %d", len(m.TUs), len(back.TUs))
		}
		for i := range m.TUs {
			if m.TUs[i].Source != back.TUs[i].Source || m.TUs[i].Target != back.TUs[i].Target {
				t.Fatalf("unit %d changed: %+v %+v", i, m.TUs[i], back.TUs[i])
			}
		}
	})
}

// TestTMXPeople: who translated and reviewed a unit goes to TMX's
// creationid and changeid and to properties; it is not read back.
func TestTMXPeople(t *testing.T) {
	m := &Memory{SourceLang: "en", TargetLang: "es", TUs: []TU{
		{ID: "p-a", Source: "A", Target: "Una", People: People{TranslatedBy: "Ana & Co", Translated: "2026-01-03", ReviewedBy: "Luis", Reviewed: "2026-01-05"}},
	}}
	data, err := WriteTMX(m)
	require.NoError(t, err)
	s := string(data)
	assert.Contains(t, s, `<tu tuid="p-a" creationid="Ana &amp; Co" changeid="Luis">`)
	for _, p := range []string{`<prop type="x-translated-by">Ana &amp; Co</prop>`, `<prop type="x-translated">2026-01-03</prop>`, `<prop type="x-reviewed-by">Luis</prop>`, `<prop type="x-reviewed">2026-01-05</prop>`} {
		assert.Contains(t, s, p)
	}
	back, err := ReadTMX("m.tmx", data, "en", "es")
	require.NoError(t, err)
	assert.Equal(t, People{}, back.TUs[0].People)
}
