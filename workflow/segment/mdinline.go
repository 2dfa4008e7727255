package segment

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A unit's text is read on its own wherever it goes (a locale file, an
// edition, a CAT tool), so what it means must not depend on the rest of
// the source: reference links, whose destinations are defined elsewhere,
// are made inline links. Character references are decoded where they
// stand for text ("&eacute;", "&nbsp;"), so that translators see the
// text; those that stand for markup ("&lt;", "&ast;", "&amp;") stay.

// fixParser reads a unit's text as one paragraph, with the inline parsers
// that decide what is a link and what is text: code spans, links,
// autolinks and raw HTML. The link parser is wrapped to record where each
// reference link is.
var fixParser = parser.NewParser(
	parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
	parser.WithInlineParsers(
		util.Prioritized(parser.NewCodeSpanParser(), 100),
		util.Prioritized(refLinkParser{parser.NewLinkParser()}, 200),
		util.Prioritized(parser.NewAutoLinkParser(), 300),
		util.Prioritized(parser.NewRawHTMLParser(), 400),
	),
)

var refLinksKey = parser.NewContextKey()

// refLink is a reference link of a unit's text: bytes start to end, its
// text at text[0] to text[1].
type refLink struct {
	start, end int
	text       [2]int
	dest       []byte
	title      []byte
	image      bool
}

// refLinkParser is goldmark's link parser, recording the reference links
// it makes.
type refLinkParser struct{ parser.InlineParser }

func (p refLinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	n := p.InlineParser.Parse(parent, block, pc)
	var ref *ast.ReferenceLink
	var dest, title []byte
	image := false
	switch l := n.(type) {
	case *ast.Link:
		ref, dest, title = l.Reference, l.Destination, l.Title
	case *ast.Image:
		ref, dest, title, image = l.Reference, l.Destination, l.Title, true
	}
	if ref == nil {
		return n
	}
	_, seg := block.Position()
	rl := refLink{start: n.Pos(), end: seg.Start, dest: dest, title: title, image: image}
	// Where the link text ends: before "[label]", "[]" or the final "]".
	close := rl.end - 1
	switch ref.Type {
	case ast.ReferenceLinkFull:
		close = rl.end - len(ref.Value) - 3
	case ast.ReferenceLinkCollapsed:
		close = rl.end - 3
	}
	open := rl.start + 1
	if image {
		open++
	}
	if open > close || close >= len(block.Source()) || block.Source()[close] != ']' {
		return n // not as expected: leave the link as written
	}
	rl.text = [2]int{open, close}
	list, _ := pc.Get(refLinksKey).([]refLink)
	pc.Set(refLinksKey, append(list, rl))
	return n
}

// inlineFixes makes the reference links of the units' texts inline and
// decodes their character references that stand for text.
func (r *mdReader) inlineFixes(refs map[string]parser.Reference) error {
	for i := range r.doc.Units {
		u := &r.doc.Units[i]
		switch u.Kind {
		case HTML, Code, Field, Date:
			continue
		}
		if u.Kind == Title && u.Line <= r.lineBase {
			continue // the front matter's: not Markdown
		}
		maybeRef := len(refs) > 0 && strings.IndexByte(u.Text, ']') >= 0
		if !maybeRef && strings.IndexByte(u.Text, '&') < 0 {
			continue
		}
		u.Text = fixInline(u.Text, refs)
	}
	return nil
}

// fixInline returns text with its reference links inline and character
// references that stand for text decoded.
func fixInline(src string, refs map[string]parser.Reference) string {
	source := []byte(src)
	pc := parser.NewContext()
	for _, ref := range refs {
		pc.AddReference(ref)
	}
	doc := fixParser.Parse(text.NewReader(source), parser.WithContext(pc))
	type edit struct {
		start, end int
		with       string
	}
	var edits []edit
	links, _ := pc.Get(refLinksKey).([]refLink)
	for _, l := range links {
		var b strings.Builder
		if l.image {
			b.WriteByte('!')
		}
		b.WriteByte('[')
		b.Write(source[l.text[0]:l.text[1]])
		b.WriteString("](")
		b.WriteString(linkDest(l.dest))
		if len(l.title) > 0 {
			b.WriteString(" " + linkTitle(l.title))
		}
		b.WriteByte(')')
		edits = append(edits, edit{l.start, l.end, b.String()})
	}
	// Character references in text, outside code spans, raw HTML and
	// autolinks.
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			v := source[seg.Start:seg.Stop]
			for k := 0; k < len(v); {
				amp := bytes.IndexByte(v[k:], '&')
				if amp < 0 {
					break
				}
				amp += k
				semi := bytes.IndexByte(v[amp:min(len(v), amp+34)], ';')
				if semi < 0 || amp > 0 && v[amp-1] == '\\' {
					k = amp + 1
					continue
				}
				ref := string(v[amp : amp+semi+1])
				if dec := html.UnescapeString(ref); dec != ref && textOnly(dec) {
					edits = append(edits, edit{seg.Start + amp, seg.Start + amp + semi + 1, dec})
				}
				k = amp + semi + 1
			}
		}
		return ast.WalkContinue, nil
	})
	if len(edits) == 0 {
		return src
	}
	// Apply edits back to front, skipping any inside one already made.
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	out := src
	limit := len(src) + 1
	for _, e := range edits {
		if e.end > limit {
			continue
		}
		out = out[:e.start] + e.with + out[e.end:]
		limit = e.start
	}
	return Normalize(out)
}

// textOnly reports whether a decoded character reference is text that
// stands for no markup: no ASCII punctuation, no control character.
func textOnly(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
		if unicode.IsControl(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// linkDest writes a link destination for an inline link. goldmark keeps
// a destination as written, escapes and all, so it is written so: in
// angle brackets when it holds spaces, starts with one or holds
// parentheses that do not pair, escaping there the angle brackets that
// are not escaped yet.
func linkDest(d []byte) string {
	depth, paired := 0, true
	for i, c := range d {
		if i > 0 && d[i-1] == '\\' {
			continue
		}
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			paired = paired && depth >= 0
		}
	}
	if len(d) > 0 && paired && depth == 0 && !bytes.ContainsAny(d, " \t") && d[0] != '<' {
		return string(d)
	}
	return "<" + escapeUnescaped(d, "<>") + ">"
}

// linkTitle writes a link title for an inline link. goldmark keeps a
// title as written, escapes and all, so it is delimited with what it
// does not hold: "…", else '…', else (…), else "…" with its quotes
// escaped.
func linkTitle(t []byte) string {
	switch {
	case !bytes.ContainsRune(t, '"'):
		return `"` + string(t) + `"`
	case !bytes.ContainsRune(t, '\''):
		return "'" + string(t) + "'"
	case !bytes.ContainsAny(t, "()"):
		return "(" + string(t) + ")"
	}
	return `"` + escapeUnescaped(t, `"`) + `"`
}

// escapeUnescaped escapes each of chars in s that no backslash escapes.
func escapeUnescaped(s []byte, chars string) string {
	var b strings.Builder
	for i, c := range s {
		if strings.IndexByte(chars, c) >= 0 && (i == 0 || s[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// onlyTemplateTags reports whether t is made only of the tags of static
// site generators: Hugo's shortcodes ({{< x >}}, {{% x %}}), Go
// templates ({{ .Title }}) and Liquid or Jinja tags and comments
// ({% include x %}, {# x #}), with spaces between them.
func onlyTemplateTags(t string) bool {
	seen := false
	for {
		t = strings.TrimLeft(t, " ")
		if t == "" {
			return seen
		}
		end := templateTagEnd(t)
		if end < 0 {
			return false
		}
		t, seen = t[end:], true
	}
}

// templateTagEnd returns the length of the template tag t starts with,
// or -1.
func templateTagEnd(t string) int {
	for _, d := range [][2]string{{"{{<", ">}}"}, {"{{%", "%}}"}, {"{{", "}}"}, {"{%", "%}"}, {"{#", "#}"}} {
		if strings.HasPrefix(t, d[0]) {
			if i := strings.Index(t[len(d[0]):], d[1]); i >= 0 {
				return len(d[0]) + i + len(d[1])
			}
			return -1
		}
	}
	return -1
}

// htmlHasText reports whether an HTML block holds something to
// translate: text, or an attribute a reader sees (alt, title,
// aria-label, placeholder).
func htmlHasText(s string) bool {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	raw := "" // the script or style being skipped
	for {
		tt := z.Next()
		if raw != "" {
			if name, _ := z.TagName(); tt == xhtml.EndTagToken && string(name) == raw || tt == xhtml.ErrorToken {
				raw = ""
			}
			if tt != xhtml.ErrorToken {
				continue
			}
		}
		switch tt {
		case xhtml.ErrorToken:
			return false
		case xhtml.TextToken:
			if strings.IndexFunc(string(z.Text()), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				return true
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, more := z.TagName()
			if tt == xhtml.StartTagToken && (string(name) == "script" || string(name) == "style") {
				raw = string(name)
				continue
			}
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if TranslatableAttr(string(k)) && len(bytes.TrimSpace(v)) > 0 {
					return true
				}
			}
		}
	}
}

// TranslatableAttr reports whether an HTML attribute holds text a
// translation translates rather than keeps: alt, title, aria-label,
// placeholder.
func TranslatableAttr(name string) bool {
	switch strings.ToLower(name) {
	case "alt", "title", "aria-label", "placeholder":
		return true
	}
	return false
}
