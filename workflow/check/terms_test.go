package check

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/terms"
)

// testGlossary is a glossary as the shipped one writes it.
func testGlossary(t *testing.T) *terms.Glossary {
	g, err := terms.ReadYAML("glossary/es.yaml", []byte(`locale: es
terms:
  - term: drug war
    approved: [guerra contra el narcotráfico]
    forbidden: [guerra contra las drogas]
  - term: Hope Border Institute
    approved: [Instituto Fronterizo Esperanza]
    case: exact
  - term: Inter-American Human Rights Commission
    approved: [Comisión Interamericana de Derechos Humanos]
    case: exact
  - term: id.
    approved: [Ibíd.]
    forbidden: [íd.]
consistency:
  - name: administración de NAME
    forms: ["administración de {Name}", "administración {Name}"]
`))
	require.NoError(t, err)
	return g
}

// withGlossary runs a check with the test glossary, and the document's
// choices made from others, the other translations of its document.
func withGlossary(t *testing.T, run func(*entry) string, others ...string) func(*entry) string {
	g := newGlossary(testGlossary(t), "es")
	return func(e *entry) string {
		e.r.gloss = g
		e.r.doc = newDocChoices(g, append(others, e.dst.s))
		return run(e)
	}
}

func TestTerms(t *testing.T) {
	runTable(t, withGlossary(t, checkTerms), []checkCase{
		{name: "approved rendering", src: "since the drug war became militarized", dst: "desde que la guerra contra el narcotráfico se militarizó"},
		{name: "approved rendering, plural", src: "the drug wars", dst: "las guerras contra el narcotráfico"},
		{name: "capitalized at the start", src: "Drug war efforts", dst: "Guerra contra el narcotráfico: los esfuerzos"},
		{name: "no term in the English", src: "a war on poverty", dst: "una guerra contra la pobreza"},
		{name: "approved rendering missing", src: "since the drug war became militarized", dst: "desde que la lucha antidrogas se militarizó",
			want: "the English has the glossary term “drug war”: use “guerra contra el narcotráfico” (glossary/es.yaml:3)"},
		{name: "forbidden rendering", src: "drug war efforts", dst: "los esfuerzos en la guerra contra las drogas",
			want: "“guerra contra las drogas” is a forbidden rendering of “drug war”: use “guerra contra el narcotráfico”"},
		{name: "forbidden rendering at a sentence start", src: "Drug war efforts failed.", dst: "Guerra contra las drogas: fracasó.", want: "“guerra contra las drogas” is a forbidden rendering"},
		{name: "forbidden rendering inflected", src: "the drug wars", dst: "las guerras contra las drogas", want: "forbidden rendering"},
		{name: "forbidden rendering where the English has no term", src: "efforts against drugs", dst: "la guerra contra las drogas", want: "forbidden rendering"},
		{name: "a name as written", src: "Hope Border Institute will continue", dst: "El Instituto Fronterizo Esperanza (Hope Border Institute) seguirá"},
		{name: "a name left in English", src: "Hope Border Institute will continue", dst: "Hope Border Institute seguirá", want: "“Instituto Fronterizo Esperanza”"},
		{name: "a name in lower case", src: "Hope Border Institute will continue", dst: "El instituto fronterizo esperanza seguirá", want: "“Instituto Fronterizo Esperanza”"},
		{name: "a hyphenated term", src: "adopted by the Inter-American Human Rights Commission.", dst: "adoptadas por la Comisión Interamericana.",
			want: "the English has the glossary term “Inter-American Human Rights Commission”: use “Comisión Interamericana de Derechos Humanos”"},
		{name: "a hyphenated term rendered", src: "adopted by the Inter-American Human Rights Commission.", dst: "adoptadas por la Comisión Interamericana de Derechos Humanos."},
		{name: "a term in quotes", src: "“Hope Border Institute” will continue", dst: "«Hope Border Institute» seguirá", want: "use “Instituto Fronterizo Esperanza”"},
		{name: "repeated citation", src: "(id.)", dst: "Ibíd."},
		{name: "repeated citation the old way", src: "(id.)", dst: "(íd.)", want: "“íd.” is a forbidden rendering of “id.”: use “Ibíd.”"},
	})
}

func TestTypography(t *testing.T) {
	runTable(t, withGlossary(t, checkTypography, "la administración de Obama", "la administración de Trump"), []checkCase{
		{name: "no-break space before %", src: "between 60 and 80% of women", dst: "entre el 60 y el 80\u00a0% de las mujeres"},
		{name: "narrow no-break space before %", src: "80%", dst: "el 80\u202f%"},
		{name: "plain space before %", src: "between 60 and 80% of women", dst: "entre el 60 y el 80 % de las mujeres", want: "the space before % should be a no-break space"},
		{name: "no space before %", src: "80%", dst: "el 80%", want: "put a no-break space between the number and %"},
		{name: "a unit", src: "5 km away", dst: "a 5 km", want: "the space before km"},
		{name: "a word after a number", src: "5 kings", dst: "5 kilos"},
		{name: "a verb after a year", src: "since 2010 there have been", dst: "desde 2010 ha habido"},
		{name: "a percent in a URL", src: "see https://x.org/a?b=5%20c", dst: "véase https://x.org/a?b=5%20c"},
		{name: "tight guillemets", src: "“third country”", dst: "«tercer país»"},
		{name: "spaces inside guillemets", src: "“third country”", dst: "« tercer país »", want: "no space inside « »"},
		{name: "the document's form", src: "the Trump administration", dst: "la administración de Trump"},
		{name: "the other form", src: "the Trump administration", dst: "la administración Trump",
			want: "consistency rule “administración de NAME” (glossary/es.yaml:16): “administración {Name}” here, “administración de {Name}” in 2 other units of the document"},
		{name: "French guillemets are not Spanish rules", src: "“a”", dst: "« a »", locale: "fr"},
	})
}

func TestTypographyChoices(t *testing.T) {
	runTable(t, withGlossary(t, checkTypography, "pp. 26-27", "de 2014-2017", "Dijo…"), []checkCase{
		{name: "range with the document's hyphen", src: "pp. 28-31", dst: "pp. 28-31"},
		{name: "range with an en dash", src: "pp. 28-31", dst: "pp. 28–31", want: "ranges of numbers: “1990–1995” here, “1990-1995” in 2 other units"},
		{name: "hyphen in a URL is no range", src: "https://x.org/2014-2017", dst: "https://x.org/2014–2017"},
		{name: "ellipsis as the document writes it", src: "He said…", dst: "Dijo…"},
		{name: "three periods", src: "He said...", dst: "Dijo...", want: "ellipsis: “...” here, “…”"},
	})
}
