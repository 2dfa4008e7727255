package check

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/segment"
)

func TestLinks(t *testing.T) {
	const u = "https://www.washingtonpost.com/world/national-security/us-gathers-data/2018/04/06/31a8605a_story.html?utm_term=.167df85861ec"
	runTable(t, checkLinks, []checkCase{
		{name: "bare URL kept", src: "Cited in " + u + "; see also", dst: "Citado en " + u + "; véase también"},
		{name: "URL before a colon", src: "http://www.oas.org/a.pdf: https://x.org/b.pdf;", dst: "http://www.oas.org/a.pdf: https://x.org/b.pdf;"},
		{name: "URL in guillemets", src: "“https://x.org/a”", dst: "«https://x.org/a»"},
		{name: "URL before a note reference", src: "https://x.org/a.pdf[^3]", dst: "https://x.org/a.pdf[^3]"},
		{name: "Markdown link text translated", src: "see [the report](https://x.org/r)", dst: "véase [el informe](https://x.org/r)"},
		{name: "autolink", src: "<https://x.org/a>", dst: "<https://x.org/a>"},
		{name: "mailto", src: "write to [us](mailto:a@x.org)", dst: "escríbanos [aquí](mailto:a@x.org)"},
		{name: "URL in parentheses", src: "(see https://en.wikipedia.org/wiki/Foo_(bar))", dst: "(véase https://en.wikipedia.org/wiki/Foo_(bar))"},
		{name: "URL changed", src: "Cited in " + u, dst: "Citado en " + u[:40] + "X" + u[41:], want: "URL changed"},
		{name: "URL missing", src: "see https://x.org/a and https://x.org/b", dst: "véase https://x.org/a", want: "URL https://x.org/b of the English is missing"},
		{name: "URL added", src: "see the report", dst: "véase https://x.org/a", want: "URL https://x.org/a is not in the English"},
		{name: "link localized", src: "[Wikipedia](https://en.wikipedia.org/wiki/Mexico)", dst: "[Wikipedia](https://es.wikipedia.org/wiki/México)", want: "URL changed"},
		{name: "javascript link", src: "[see](https://x.org)", dst: "[véase](javascript:alert(1))", want: "uses the javascript scheme"},
		{name: "data link", src: "![logo](https://x.org/l.png)", dst: "![logo](data:image/png;base64,AAAA)", want: "uses the data scheme"},
		{name: "disguised scheme", src: "[see](https://x.org)", dst: "[véase](jav&#97;script:alert(1))", want: "uses the javascript scheme"},
		{name: "autolink scheme", src: "<https://x.org>", dst: "<vbscript:msgbox>", want: "uses the vbscript scheme"},
		{name: "relative link kept", src: "[notes](#notes)", dst: "[notas](#notes)"},
	})
}

// TestLinkifyForms: each way an edition makes a link of a URL or e-mail
// address in a translation (linkifyForms) is flagged when the English has
// no such link, and passes when it has the same.
func TestLinkifyForms(t *testing.T) {
	require.Len(t, linkifyForms, 49)
	for _, form := range linkifyForms {
		t.Run(form, func(t *testing.T) {
			e := newEntry(segment.Paragraph, "Read the report today.", "Lea el informe "+form+" hoy.", language.Spanish)
			assert.Contains(t, checkLinks(e), "evil.example", "not flagged")
			e = newEntry(segment.Paragraph, "Read the report "+form+" today.", "Lea el informe "+form+" hoy.", language.Spanish)
			assert.Empty(t, checkLinks(e), "the English has it too")
		})
	}
}
