package terms

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRenders(t *testing.T) {
	for _, tc := range []struct {
		name        string
		entry       Entry
		translation string
		want        bool
	}{
		{"as written", Entry{Approved: []string{"guerra contra el narcotráfico"}}, "la guerra contra el narcotráfico se militarizó", true},
		{"capitalized", Entry{Approved: []string{"guerra contra el narcotráfico"}}, "Guerra contra el narcotráfico", true},
		{"plural", Entry{Approved: []string{"derecho humano"}}, "los derechos humanos", true},
		{"plural dropping an accent", Entry{Approved: []string{"nación"}}, "las naciones del Caribe", true},
		{"z to ces", Entry{Approved: []string{"voz"}}, "otras voces", true},
		{"gender", Entry{Approved: []string{"migrante mexicano"}}, "las migrantes mexicanas", true},
		{"article of another number", Entry{Approved: []string{"el país seguro"}}, "los países seguros", true},
		{"another word", Entry{Approved: []string{"guerra contra el narcotráfico"}}, "la guerra contra las drogas", false},
		{"a word apart", Entry{Approved: []string{"Iniciativa Mérida"}}, "la Iniciativa de Mérida", false},
		{"a name keeps its capitals", Entry{Approved: []string{"Instituto Fronterizo Esperanza"}, Case: Exact}, "el instituto fronterizo esperanza", false},
		{"a name in a sentence", Entry{Approved: []string{"Instituto Fronterizo Esperanza"}, Case: Exact}, "El Instituto Fronterizo Esperanza (Hope Border Institute) seguirá", true},
		{"inside a longer word", Entry{Approved: []string{"mar"}}, "la marea", false},
		{"with its period", Entry{Approved: []string{"Ibíd."}}, "Ibíd.", true},
		{"without its period", Entry{Approved: []string{"Ibíd."}}, "Ibíd", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ok := tc.entry.Renders(Words(tc.translation))
			assert.Equal(t, tc.want, ok)
		})
	}
}

func TestIn(t *testing.T) {
	drug := Entry{Term: "drug war"}
	name := Entry{Term: "Hope Border Institute", Case: Exact}
	id := Entry{Term: "id."}
	for _, tc := range []struct {
		entry  Entry
		source string
		want   bool
	}{
		{drug, "since the drug war became militarized", true},
		{drug, "Drug war efforts", true},
		{drug, "the drug wars of the decade", true},
		{drug, "a drug warehouse", false},
		{name, "Hope Border Institute will continue", true},
		{name, "hope border institute", false},
		{id, "(id.)", true},
		{id, "Proceso 2166, id.", true},
		{id, "an id card", false},
	} {
		t.Run(tc.entry.Term+"/"+tc.source, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.entry.In(Words(tc.source)))
		})
	}
}

func TestForbiddenIn(t *testing.T) {
	e := Entry{Term: "drug war", Approved: []string{"guerra contra el narcotráfico"}, Forbidden: []string{"guerra contra las drogas"}}
	assert.Equal(t, []string{"guerra contra las drogas"}, e.ForbiddenIn(Words("en la Guerra contra las drogas")))
	assert.Equal(t, []string{"guerra contra las drogas"}, e.ForbiddenIn(Words("las guerras contra las drogas")), "inflected")
	assert.Empty(t, e.ForbiddenIn(Words("la guerra contra el narcotráfico")))
}

func TestRule(t *testing.T) {
	r := Rule{Forms: []string{"administración de {Name}", "administración {Name}"}}
	m := r.Matches("la administración de Obama y la administración Trump; la administración de Trump")
	assert.Len(t, m[0], 2)
	assert.Len(t, m[1], 1)
	m = r.Matches("la administración que tomará posesión")
	assert.Empty(t, m[0])
	assert.Empty(t, m[1])
}

const yamlGlossary = `locale: es
terms:
  - term: drug war
    approved: guerra contra el narcotráfico
    forbidden: [guerra contra las drogas]
    note: '"guerra contra las drogas" is the U.S. phrase'
  - term: Hope Border Institute
    approved: [Instituto Fronterizo Esperanza]
    case: exact
consistency:
  - name: administración de NAME
    forms: ["administración de {Name}", "administración {Name}"]
`

func TestReadYAML(t *testing.T) {
	g, err := ReadYAML("glossary/es.yaml", []byte(yamlGlossary))
	require.NoError(t, err)
	require.Len(t, g.Entries, 2)
	assert.Equal(t, Entry{Locale: "es", Term: "drug war", Approved: []string{"guerra contra el narcotráfico"}, Forbidden: []string{"guerra contra las drogas"},
		Case: Insensitive, Note: `"guerra contra las drogas" is the U.S. phrase`, File: "glossary/es.yaml", Line: 3}, g.Entries[0])
	assert.Equal(t, Exact, g.Entries[1].Case)
	require.Len(t, g.Rules, 1)
	again, err := ReadYAML("glossary/es.yaml", g.MarshalYAML("es"))
	require.NoError(t, err)
	assert.Equal(t, strip(g), strip(again), "written and read back")

	for _, bad := range []struct{ name, text, want string }{
		{"unknown key", "terms:\n  - term: x\n    aproved: y\n", "aproved"},
		{"no rendering", "terms:\n  - term: x\n", "neither an approved nor a forbidden"},
		{"bad case", "terms:\n  - term: x\n    approved: y\n    case: upper\n", `case "upper"`},
		{"both", "terms:\n  - term: x\n    approved: y\n    forbidden: Y\n", "both approved and forbidden"},
		{"one form", "consistency:\n  - name: x\n    forms: [a]\n", "two forms"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			_, err := ReadYAML("glossary/es.yaml", []byte(bad.text))
			require.Error(t, err)
			assert.Contains(t, err.Error(), bad.want)
			assert.Contains(t, err.Error(), "glossary/es.yaml:")
		})
	}
}

// strip drops where entries were read.
func strip(g *Glossary) *Glossary {
	out := &Glossary{}
	for _, e := range g.Entries {
		e.File, e.Line = "", 0
		out.Entries = append(out.Entries, e)
	}
	for _, r := range g.Rules {
		r.File, r.Line = "", 0
		out.Rules = append(out.Rules, r)
	}
	return out
}

func TestReadCSV(t *testing.T) {
	g, err := ReadCSV("glossary/es.csv", []byte("term,approved,forbidden,case,note\ndrug war,guerra contra el narcotráfico,guerra contra las drogas,,the U.S. phrase\nMérida Initiative,Iniciativa Mérida|Plan Mérida,,exact,\n"))
	require.NoError(t, err)
	require.Len(t, g.Entries, 2)
	assert.Equal(t, []string{"Iniciativa Mérida", "Plan Mérida"}, g.Entries[1].Approved)
	assert.Equal(t, "es", g.Entries[1].Locale)
	assert.Equal(t, 3, g.Entries[1].Line)
	_, err = ReadCSV("glossary/es.csv", []byte("term,translation\nx,y\n"))
	assert.ErrorContains(t, err, `unknown column "translation"`)
}

func TestTBXRoundTrip(t *testing.T) {
	g, err := ReadYAML("glossary/es.yaml", []byte(yamlGlossary))
	require.NoError(t, err)
	data := g.MarshalTBX("en")
	back, err := ReadTBX("glossary.tbx", data, "en")
	require.NoError(t, err)
	assert.Equal(t, strip(&Glossary{Entries: g.Entries}), strip(back), "entries survive TBX (consistency rules have no place there)")

	// xmllint reads it, and Translate Toolkit's TBX reader (in the
	// python3 Debian's translate-toolkit installs) finds its terms.
	dir := t.TempDir()
	path := filepath.Join(dir, "glossary.tbx")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	if _, err := exec.LookPath("xmllint"); err == nil {
		out, err := exec.Command("xmllint", "--noout", path).CombinedOutput()
		assert.NoError(t, err, "%s", out)
	} else if os.Getenv("BITEXT_REQUIRE_TOOLS") != "" {
		t.Fatal("xmllint is missing")
	}
	script := "import sys\nfrom translate.storage import tbx\nf = tbx.tbxfile.parsefile(sys.argv[1])\nprint(len(f.units), f.units[0].source)\n"
	if out, err := exec.Command("/usr/bin/python3", "-c", script, path).CombinedOutput(); err == nil {
		assert.Equal(t, "2 drug war\n", string(out))
	} else if os.Getenv("BITEXT_REQUIRE_TOOLS") != "" {
		t.Fatalf("Translate Toolkit cannot read the TBX: %v: %s", err, out)
	}
}

func TestReadTBX3(t *testing.T) {
	data := `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c1">
  <langSec xml:lang="en-US"><termSec><term>Rome Statute</term><termNote type="partOfSpeech">properNoun</termNote></termSec></langSec>
  <langSec xml:lang="es"><note>the treaty's name</note>
    <termSec><term>Estatuto de Roma</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>Estatuto Romano</term><termNote type="administrativeStatus">forbidden</termNote></termSec>
  </langSec>
</conceptEntry>
</body></text></tbx>`
	g, err := ReadTBX("x.tbx", []byte(data), "en")
	require.NoError(t, err)
	require.Len(t, g.Entries, 1)
	e := g.Entries[0]
	assert.Equal(t, []string{"Estatuto de Roma"}, e.Approved)
	assert.Equal(t, []string{"Estatuto Romano"}, e.Forbidden)
	assert.Equal(t, Exact, e.Case)
	assert.Equal(t, "the treaty's name", e.Note)
	_, err = ReadTBX("x.tbx", []byte("<martif><text>"), "en")
	assert.ErrorContains(t, err, "x.tbx:")
}
