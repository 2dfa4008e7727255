package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/segment"
)

func txt(s string) Span { return Span{Kind: Text, Text: s} }

func TestParseInline(t *testing.T) {
	link := func(url string, auto bool, children ...Span) Span {
		return Span{Kind: Link, URL: url, Auto: auto, Children: children}
	}
	ref := func(label string) Span { return Span{Kind: NoteRef, Label: label} }
	tests := []struct {
		name string
		in   string
		want []Span
	}{
		{"plain text", "Mexico faces a potentially historic election.", []Span{txt("Mexico faces a potentially historic election.")}},
		{"brackets stay text", "McAllen [Tex.] and the valley", []Span{txt("McAllen [Tex.] and the valley")}},
		{"emphasis and strong", "a *b* and **c**", []Span{txt("a "), {Kind: Emph, Children: []Span{txt("b")}}, txt(" and "), {Kind: Strong, Children: []Span{txt("c")}}}},
		{"strikethrough", "was ~~wrong~~ ~so~", []Span{txt("was "), {Kind: Strike, Text: "~~", Children: []Span{txt("wrong")}}, txt(" "), {Kind: Strike, Text: "~", Children: []Span{txt("so")}}}},
		{"three tildes are text", "~~~a~~~", []Span{txt("~~~a~~~")}},
		{"code span keeps its text", "run `a <b> *c*`", []Span{txt("run "), {Kind: Code, Text: "a <b> *c*"}}},
		{"note reference glued to a word", "asserted[^2] that", []Span{txt("asserted"), ref("2"), txt(" that")}},
		{"note reference with a word label", "women.[^sexual-abuse]", []Span{txt("women."), ref("sexual-abuse")}},
		{"a caret that is no reference", "[^ not a ref]", []Span{txt("[^ not a ref]")}},
		{"bare URL is a link", "see https://example.org/a_b_c.pdf.", []Span{txt("see "), link("https://example.org/a_b_c.pdf", true, txt("https://example.org/a_b_c.pdf")), txt(".")}},
		{"URLs separated by semicolons", "https://a.org/x; https://b.org/y", []Span{link("https://a.org/x", true, txt("https://a.org/x")), txt("; "), link("https://b.org/y", true, txt("https://b.org/y"))}},
		{"URL glued to a note reference", "report https://a.org/r.pdf[^3]", []Span{txt("report "), link("https://a.org/r.pdf", true, txt("https://a.org/r.pdf")), ref("3")}},
		{"www address", "at www.example.org now", []Span{txt("at "), link("http://www.example.org", true, txt("www.example.org")), txt(" now")}},
		{"markdown link", "[the report](https://a.org/r?x=1&y=2)", []Span{link("https://a.org/r?x=1&y=2", false, txt("the report"))}},
		{"javascript link is its text", "[click](javascript:alert(1))", []Span{txt("click")}},
		{"mixed case javascript", "[click](JaVaScRiPt:alert(1))", []Span{txt("click")}},
		{"javascript hidden by an entity", "[click](java&#x09;script:alert(1))", []Span{txt("click")}},
		{"data link is its text", "[x](data:text/html;base64,PHNjcmlwdD4=)", []Span{txt("x")}},
		{"vbscript link is its text", "[x](vbscript:msgbox)", []Span{txt("x")}},
		{"javascript autolink is its text", "<javascript:alert(1)>", []Span{txt("javascript:alert(1)")}},
		{"raw HTML is text", `<script>alert("x")</script>`, []Span{txt(`<script>alert("x")</script>`)}},
		{"img with onerror is text", `<img src=x onerror=alert(1)>`, []Span{txt(`<img src=x onerror=alert(1)>`)}},
		{"an image is its description", "![a map](https://evil.example/track.png)", []Span{txt("a map")}},
		{"looks like a list", "1994. A year of change", []Span{txt("1994. A year of change")}},
		{"looks like a heading", "# 5 is a number", []Span{txt("# 5 is a number")}},
		{"looks like a link definition", "[x]: https://a.org", []Span{txt("[x]: "), link("https://a.org", true, txt("https://a.org"))}},
		{"escapes", `\*not emphasis\*`, []Span{txt("*not emphasis*")}},
		{"entities", "AT&amp;T &eacute;", []Span{txt("AT&T é")}},
		{"email", "write to a@b.org", []Span{txt("write to "), link("mailto:a@b.org", true, txt("a@b.org"))}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, ParseInline(tc.in))
		})
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		url  string
		safe bool
	}{
		{"https://example.org", true},
		{"http://example.org/a:b", true},
		{"mailto:a@b.org", true},
		{"ftp://example.org", true},
		{"tel:+15551234", true},
		{"#fn-1", true},
		{"../a/b.html", true},
		{"a/b:c", true},
		{"javascript:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{" javascript:alert(1)", false},
		{"\x01javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{"data:text/html,<script>", false},
		{"vbscript:x", false},
		{"file:///etc/passwd", false},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			assert.Equal(t, tc.safe, SafeURL(tc.url))
		})
	}
}

func TestPlainText(t *testing.T) {
	spans := ParseInline("The *U.S.*[^1] and `code` at https://a.org")
	assert.Equal(t, "The U.S. and code at https://a.org", PlainText(spans))
}

// FuzzParseInline checks that any text parses without panic, with no
// unsafe link, and that the Markdown written back from its spans reads as
// the same spans, or the same without emphasis where Markdown would
// misread it.
func FuzzParseInline(f *testing.F) {
	for _, s := range []string{
		"Mexico faces a potentially historic presidential election[^1] on July 1st.",
		"“I think we would have been in a significantly worse position in McAllen [Tex.]”",
		"https://www.wola.org/2015/05/assessing/; http://www.imumi.org/x_y.pdf: https://a.org",
		"<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))",
		"*a* **b** `c` [d](https://e.org) ![f](g.png) \\* &amp; &#1; 1994. # x",
		"[^a][^b] [^ c] [^] [^x]y",
		"***!*0**",
		"text[^1] more[^a-b] ![^2] [^3](x) [^ 4] end",
		"plain text, nothing to parse",
		"Mexico *faces* a **potentially** historic [election](https://example.org/1?a=b&c=d)[^1] and ¡más! texto.",
		"a*b*c*d* *a *b* **a* [x]y [x](y z) [^1]*a*[^2] *á* [*a*](b) [a](javascript:x) x![a](b)",
		"~~gone~~ ~one~ x~~y~~z a~~~b~~ ~~*a*~~ [~~a~~](b) ~~a~~~~b~~ \\~~a~~ ~~~a~~~ ~~a ~b~ c~~",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Unit texts come normalized, by the readers and by NewEdition.
		s = segment.Normalize(s)
		spans := ParseInline(s)
		checkSafe(t, spans)
		if s != "" {
			// Reading many texts at once reads each as alone.
			all := parseInlineAll([]string{s, "*a* [^1] b", s, "x [y](javascript:z) https://a.org"})
			require.Equal(t, spans, all[0], "%q read alone and in a batch", s)
			require.Equal(t, spans, all[2], "%q read alone and in a batch", s)
		}
		numberAll(spans)
		md := inlineMarkdown(spans, true)
		again := ParseInline(md)
		if !sameSpans(again, spans) && !sameSpans(again, trimSpans(stripEmphasis(spans))) {
			t.Fatalf("markdown %q of %q reads as %#v, not %#v", md, s, again, spans)
		}
	})
}

func checkSafe(t *testing.T, spans []Span) {
	for _, s := range spans {
		if s.Kind == Link && !SafeURL(s.URL) {
			t.Fatalf("unsafe link %q", s.URL)
		}
		checkSafe(t, s.Children)
	}
}

// numberAll makes every note reference one to a note, as NewEdition does
// for references to notes that exist.
func numberAll(spans []Span) {
	for i := range spans {
		if spans[i].Kind == NoteRef {
			spans[i].Note = 1
		}
		numberAll(spans[i].Children)
	}
}
