package inline

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/segment"
)

func txt(s string) Span { return Span{Kind: Text, Text: s} }

func TestParse(t *testing.T) {
	link := func(url string, auto bool, children ...Span) Span {
		return Span{Kind: Link, URL: url, Auto: auto, Children: children}
	}
	tests := []struct {
		name string
		in   string
		want []Span
	}{
		{"plain", "plain text", []Span{txt("plain text")}},
		{"unsafe link kept, for the checks", "[click](javascript:alert(1))", []Span{link("javascript:alert(1)", false, txt("click"))}},
		{"image", "![a map](https://x.org/m.png)", []Span{{Kind: Image, URL: "https://x.org/m.png", Children: []Span{txt("a map")}}}},
		{"raw HTML", "H<sub>2</sub>O", []Span{txt("H"), {Kind: HTML, Text: "<sub>"}, txt("2"), {Kind: HTML, Text: "</sub>"}, txt("O")}},
		{"strikethrough", "a ~~b~~ and ~c~", []Span{txt("a "), {Kind: Strike, Text: "~~", Children: []Span{txt("b")}}, txt(" and "), {Kind: Strike, Text: "~", Children: []Span{txt("c")}}}},
		{"three tildes are text", "a ~~~b~~~", []Span{txt("a ~~~b~~~")}},
		{"linkify after an underscore", "nota_https://evil.example/phish hoy", []Span{txt("nota_"), link("https://evil.example/phish", true, txt("https://evil.example/phish")), txt(" hoy")}},
		{"linkify after a parenthesis", "(ftp://evil.example/x)", []Span{txt("("), link("ftp://evil.example/x", true, txt("ftp://evil.example/x")), txt(")")}},
		{"bare e-mail", "escriba a user@evil.example.", []Span{txt("escriba a "), link("mailto:user@evil.example", true, txt("user@evil.example")), txt(".")}},
		{"e-mail autolink", "<user@evil.example>", []Span{link("mailto:user@evil.example", true, txt("user@evil.example"))}},
		{"Hugo shortcode", `see {{< figure src="a_b.png" >}} now`, []Span{txt("see "), {Kind: Placeholder, Text: `{{< figure src="a_b.png" >}}`}, txt(" now")}},
		{"Hugo shortcode with Markdown", "{{% note %}}", []Span{{Kind: Placeholder, Text: "{{% note %}}"}}},
		{"Liquid include", "{% include x_y.html %}", []Span{{Kind: Placeholder, Text: "{% include x_y.html %}"}}},
		{"Go template", "by {{ .Author }}", []Span{txt("by "), {Kind: Placeholder, Text: "{{ .Author }}"}}},
		{"unclosed tag is text", "a {{ b", []Span{txt("a {{ b")}},
		{"braces alone are text", "a {b} c", []Span{txt("a {b} c")}},
		{"the issue's emphasis across a link", "El _informe [dice 80_](https://x.org) …", []Span{txt("El _informe "), link("https://x.org", false, txt("dice 80_")), txt(" …")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Parse(tc.in))
			assert.Equal(t, tc.want, ParseDoc(tc.in).Spans)
			assert.Equal(t, tc.want, ParseAll([]string{tc.in})[0])
		})
	}
}

func TestOpaque(t *testing.T) {
	for _, tc := range []struct {
		in     string
		opaque []string
	}{
		{"plain text", nil},
		{"women.[^5] Also[^note-6]", []string{"[^5]", "[^note-6]"}},
		{"see https://x.org/a_b.pdf; and www.y.org.", []string{"https://x.org/a_b.pdf;", "www.y.org"}},
		{"[a *b*](https://x.org \"T\") ![i](i.png)", []string{"https://x.org", "i.png"}},
		{"<https://x.org> and <a@b.org>", []string{"<https://x.org>", "<a@b.org>"}},
		{"`a*b*` and ``x`y``", []string{"`a*b*`", "``x`y``"}},
		{"H<sub>2</sub>O", []string{"<sub>", "</sub>"}},
		{"by {{ .Author }} [text](<dest with spaces>)", []string{"{{ .Author }}", "<dest with spaces>"}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			d := ParseDoc(tc.in)
			var got []string
			for _, r := range d.Opaque {
				got = append(got, tc.in[r.Start:r.End])
			}
			assert.Equal(t, tc.opaque, got)
		})
	}
}

func TestOverLimits(t *testing.T) {
	hostile := strings.Repeat("*a ", MaxMarkup+1)
	d := ParseDoc(hostile)
	assert.Contains(t, d.Over, "Markdown marks")
	require.Len(t, d.Spans, 1)
	assert.True(t, d.Spans[0].Kind == Text && d.Spans[0].Text == hostile, "read as text")
	assert.Empty(t, ParseDoc(strings.Repeat("a ", MaxMarkdownBytes)).Over, "plain text has no limit")
	assert.Contains(t, ParseDoc(strings.Repeat("a ", MaxMarkdownBytes)+"*b*").Over, "bytes")
}

// FuzzParse reads any text without panic; the shortcuts read it as
// goldmark does, and so does reading many texts at once; the opaque
// ranges are sorted, disjoint and inside the text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Mexico faces a potentially historic presidential election[^1] on July 1st.",
		"https://www.wola.org/2015/05/assessing/; http://www.imumi.org/x_y.pdf: https://a.org",
		"<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))",
		"*a* **b** `c` [d](https://e.org) ![f](g.png) \\* &amp; &#1; 1994. # x",
		"[^a][^b] [^ c] [^] [^x]y ~~s~~ ~t~ {{< x >}} {% y %} {{ .Z }}",
		"***!*0**",
		"nota_https://evil.example/phish *ftp://a.org (user@b.org",
		"a*b*c*d* *a *b* **a* [x]y [x](y z) [^1]*a*[^2] *á* [*a*](b) [a](javascript:x) x![a](b)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = segment.Normalize(s)
		spans := Parse(s)
		if s == "" {
			return
		}
		require.Equal(t, parseMarkdown(s, nil), spans, "the shortcut and goldmark read %q differently", s)
		all := ParseAll([]string{s, "*a* [^1] b", s, "x [y](javascript:z) https://a.org"})
		require.Equal(t, spans, all[0], "%q read alone and in a batch", s)
		require.Equal(t, spans, all[2], "%q read alone and in a batch", s)
		d := ParseDoc(s)
		docs := make([]Doc, 3)
		ParseDocs([]string{"*a* [b](c) `d`", s, "x <y> https://a.org"}, docs)
		require.Equal(t, d, docs[1], "%q read alone and in a batch", s)
		if d.Over == "" {
			require.Equal(t, spans, d.Spans)
		}
		last := 0
		for _, r := range d.Opaque {
			require.True(t, r.Start >= last && r.Start < r.End && r.End <= len(s), "opaque %v after %d in %q", r, last, s)
			last = r.End
		}
	})
}
