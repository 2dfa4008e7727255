package render

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/segment"
)

// htmlWriter writes the parts both HTML editions share. Everything from a
// unit goes through escapeText or escapeAttr: translations are untrusted.
type htmlWriter struct {
	bytes.Buffer
	ed *Edition
	// rtl is set while the text written is right to left: URLs and code
	// in it are isolated, left to right.
	rtl bool
}

// dir writes a dir attribute on an element in language lang, inside one
// in context, when the two are written in different directions: the
// attribute also isolates the element's text from its neighbours'.
func (h *htmlWriter) dir(lang, context language.Tag) {
	if r := locale.RightToLeft(lang); r != locale.RightToLeft(context) {
		if r {
			h.WriteString(` dir="rtl"`)
		} else {
			h.WriteString(` dir="ltr"`)
		}
	}
}

// pageDir writes the dir attribute of a page in lang: rtl for a
// language written right to left, nothing (ltr) otherwise.
func (h *htmlWriter) pageDir(lang language.Tag) { h.dir(lang, language.English) }

// column is what writing a cell needs to know of its column.
type column struct {
	index int
	// id prefixes the column's note anchors: "fn-es-3", "fnref-es-3".
	id      string
	tag     language.Tag
	phrases Phrases
	// class is the cell's class in a bilingual edition: "src" or "tgt".
	class string
}

func newColumn(ed *Edition, col int, class string) column {
	tag := ed.Langs[col].Tag
	return column{index: col, id: tag.String(), tag: tag, phrases: ed.PhrasesFor(tag), class: class}
}

// escapeText writes s as HTML text.
func (h *htmlWriter) escapeText(s string) { h.escape(s, false) }

// escapeAttr writes s as the value of a double-quoted attribute.
func (h *htmlWriter) escapeAttr(s string) { h.escape(s, true) }

// escape writes s with &, < and > escaped, and quotes too in an attribute.
// Characters HTML forbids in text (controls other than white space,
// non-characters), which a translation may hold as escapes in its locale
// file, are written as U+FFFD, so that the page stays valid.
func (h *htmlWriter) escape(s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		var esc string
		size := 1
		switch c := s[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"' && attr:
			esc = "&quot;"
		case c == '\'' && attr:
			esc = "&#39;"
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f:
			esc = "\ufffd"
		case c >= utf8.RuneSelf:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if !forbiddenInHTML(r) {
				i += size
				continue
			}
			esc = "\ufffd"
		default:
			i++
			continue
		}
		h.WriteString(s[last:i])
		h.WriteString(esc)
		i += size
		last = i
	}
	h.WriteString(s[last:])
}

// forbiddenInHTML reports whether HTML forbids r in a document: the C1
// controls and the non-characters.
func forbiddenInHTML(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe
}

// textBreaks writes text, its hard line breaks (segment.HardBreak) as
// <br>.
func (h *htmlWriter) textBreaks(s string) {
	for {
		i := strings.IndexRune(s, segment.HardBreak)
		if i < 0 {
			h.escapeText(s)
			return
		}
		h.escapeText(s[:i])
		h.WriteString("<br>")
		s = s[i+len(string(segment.HardBreak)):]
	}
}

// spans writes inline spans of column col.
func (h *htmlWriter) spans(spans []Span, col *column) {
	for i := range spans {
		s := &spans[i]
		switch s.Kind {
		case Text:
			h.textBreaks(s.Text)
		case Emph:
			h.WriteString("<em>")
			h.spans(s.Children, col)
			h.WriteString("</em>")
		case Strong:
			h.WriteString("<strong>")
			h.spans(s.Children, col)
			h.WriteString("</strong>")
		case Strike:
			// <s>, not <del>: HTML's <del> records an edit to the
			// document (with its cite and datetime), <s> is text that is
			// no longer accurate or relevant, shown as such, which is
			// what an article's strikethrough says to its reader.
			h.WriteString("<s>")
			h.spans(s.Children, col)
			h.WriteString("</s>")
		case Code:
			if h.rtl {
				h.WriteString(`<code dir="ltr">`)
				h.escapeText(s.Text)
				h.WriteString("</code>")
				break
			}
			h.WriteString("<code>")
			h.escapeText(s.Text)
			h.WriteString("</code>")
		case Link:
			h.WriteString(`<a href="`)
			h.escapeAttr(string(util.URLEscape([]byte(s.URL), false)))
			if s.Auto || looksLikeURL(s.Children) {
				h.WriteString(`" class="url"`)
				if h.rtl {
					h.WriteString(` dir="ltr"`)
				}
				h.WriteString(">")
			} else {
				h.WriteString(`">`)
			}
			h.spans(s.Children, col)
			h.WriteString("</a>")
		case NoteRef:
			h.noteRef(s, col)
		case Placeholder:
			h.escapeText(s.Text)
		}
	}
}

// looksLikeURL reports whether a link's text is a URL, which may need
// breaking anywhere to fit a line.
func looksLikeURL(children []Span) bool {
	if len(children) != 1 || children[0].Kind != Text {
		return false
	}
	t := children[0].Text
	return strings.Contains(t, "://") || strings.HasPrefix(t, "www.")
}

// noteRef writes a reference as a superscript link to the note in the same
// column; the note links back to it.
func (h *htmlWriter) noteRef(s *Span, col *column) {
	if s.Note == 0 {
		// A reference to no note (a typo in a translation): show it as
		// written; bitext check reports it.
		h.escapeText("[^" + s.Label + "]")
		return
	}
	n := strconv.Itoa(s.Note)
	h.WriteString(`<sup class="ref"><a href="#`)
	h.escapeAttr(h.ed.NoteIDs[s.Note-1])
	h.WriteString(`" id="`)
	h.refID(col, s.Note, s.Occurrence)
	h.WriteString(`" role="doc-noteref" aria-label="`)
	h.escapeAttr(col.phrases.Note + " " + n)
	h.WriteString(`">` + n + "</a></sup>")
}

// refID writes the anchor of the occurrence-th reference to note n.
func (h *htmlWriter) refID(col *column, n, occurrence int) {
	h.WriteString("fnref-")
	h.escapeAttr(col.id)
	h.WriteString("-" + strconv.Itoa(n))
	if occurrence > 1 {
		h.WriteString("-" + strconv.Itoa(occurrence))
	}
}

// noteStart writes the start of a note's content: its number, a link back
// to its first reference, or plain when nothing refers to it.
func (h *htmlWriter) noteStart(row *Row, col *column) {
	h.noteNum(row, col, "")
}

// noteNum writes a note's number in column col, with class added to
// fn-num's.
func (h *htmlWriter) noteNum(row *Row, col *column, class string) {
	n := strconv.Itoa(row.Note)
	if h.ed.RefCounts[col.index][row.Note-1] == 0 {
		h.WriteString(`<span class="fn-num` + class + `">` + n + ".</span> ")
		return
	}
	h.WriteString(`<a class="fn-num` + class + `" href="#`)
	h.refID(col, row.Note, 1)
	h.WriteString(`" role="doc-backlink" title="`)
	h.escapeAttr(col.phrases.Back)
	h.WriteString(`">` + n + ".</a> ")
}

// paraNum writes a passage's citation number, "¶ 12", a link to the
// passage itself: the same number in every language and edition.
func (h *htmlWriter) paraNum(row *Row) {
	if row.Para == 0 {
		return
	}
	h.WriteString(`<a class="pn" href="#`)
	h.escapeAttr(row.ID)
	h.WriteString(`">¶&nbsp;` + strconv.Itoa(row.Para) + "</a>")
}

// noteEnd writes links back to the second and later references to a note.
func (h *htmlWriter) noteEnd(row *Row, col *column) {
	count := h.ed.RefCounts[col.index][row.Note-1]
	for k := 2; k <= count; k++ {
		h.WriteString(` <a class="fn-back" href="#`)
		h.refID(col, row.Note, k)
		h.WriteString(`" role="doc-backlink" title="`)
		h.escapeAttr(col.phrases.Back)
		h.WriteString(`">↩` + strconv.Itoa(k) + "</a>")
	}
}

// mark writes the label on a passage shown in the original.
func (h *htmlWriter) mark(c *Cell, col *column) {
	if !c.Fallback {
		return
	}
	text := col.phrases.Untranslated
	if c.State == project.Stale {
		text = col.phrases.Stale
	}
	h.WriteString(`<span class="mark" lang="`)
	h.escapeAttr(col.tag.String())
	h.WriteString(`"`)
	h.dir(col.tag, c.Lang)
	h.WriteString(">")
	h.escapeText(text)
	h.WriteString("</span> ")
}

// wrapped writes a cell's content inside an inner element, when the kind
// of the row has one (a heading in its cell, say).
func (h *htmlWriter) wrapped(inner string, row *Row, c *Cell, col *column) {
	if inner != "" {
		h.WriteString("<" + inner + ">")
	}
	h.content(row, c, col)
	if inner != "" {
		h.WriteString("</" + inner + ">")
	}
}

// content writes a cell's text, with its mark, and, in a note, its
// number and back links; dates are wrapped in <time>.
func (h *htmlWriter) content(row *Row, c *Cell, col *column) {
	h.rtl = locale.RightToLeft(c.Lang)
	defer func() { h.rtl = false }()
	if row.Kind != segment.Note {
		h.mark(c, col)
	}
	switch {
	case row.Kind == segment.Note:
		h.noteStart(row, col)
		h.mark(c, col)
		h.spans(c.Spans, col)
		h.noteEnd(row, col)
	case row.Kind == segment.Date && h.ed.Date != "":
		h.WriteString(`<time datetime="`)
		h.escapeAttr(h.ed.Date)
		h.WriteString(`">`)
		h.spans(c.Spans, col)
		h.WriteString("</time>")
	case row.Kind == segment.HTML:
		h.WriteString(SanitizeHTML(c.Text))
	case row.Kind == segment.Code:
		h.escapeText(c.Text)
	default:
		h.taskMark(row)
		h.spans(c.Spans, col)
	}
}

// element returns the element that holds a unit of a kind, and for quotes
// and items the one inside it.
func element(row *Row) (outer, inner string) {
	switch row.Kind {
	case segment.Title:
		return "h1", ""
	case segment.Heading:
		return "h" + strconv.Itoa(min(row.Level, 6)), ""
	case segment.Epigraph, segment.Quote:
		return "blockquote", "p"
	case segment.Item:
		return "ul", "li"
	case segment.HTML:
		return "div", ""
	case segment.Code:
		return "pre", "code"
	}
	return "p", ""
}

// kindClass is the class of a unit of a kind: "k-paragraph".
func kindClass(k segment.Kind) string { return "k-" + string(k) }

// cellClass returns the classes a cell adds to its kind's.
func cellClass(c *Cell) string {
	switch {
	case !c.Fallback:
		return ""
	case c.State == project.Stale:
		return " fallback stale"
	}
	return " fallback untranslated"
}

// NotesNeedHeading reports whether the notes need a heading of their
// own, which renderers add: they do unless a heading of the article comes
// right before them (as "Resources" does in the shipped article).
func (ed *Edition) NotesNeedHeading() bool {
	for i := range ed.Rows {
		if ed.Rows[i].Kind == segment.Note {
			return i == 0 || ed.Rows[i-1].Kind != segment.Heading
		}
	}
	return false
}

// head writes the document head: title, alternates and style, the
// description when there is one, and the credits' metadata of the page
// showing columns cols. The Content-Security-Policy allows the reading
// script only on the editions (cols not nil), which carry it; a page
// without it, the index, allows no script at all.
func (h *htmlWriter) head(title string, alternates []alternate, css string, cols []int, description ...string) {
	script := "'none'"
	if cols != nil {
		script = readingHash
	}
	h.WriteString(`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ` + script + `; base-uri 'none'; form-action 'none'">
<meta name="generator" content="bitext">
`)
	for _, d := range description {
		if d != "" {
			h.WriteString(`<meta name="description" content="`)
			h.escapeAttr(d)
			h.WriteString("\">\n")
		}
	}
	h.creditsHead(cols)
	h.WriteString(`<title>`)
	h.escapeText(title)
	h.WriteString("</title>\n")
	for _, a := range alternates {
		if a.current {
			continue
		}
		h.WriteString(`<link rel="alternate" hreflang="`)
		h.escapeAttr(a.hreflang)
		h.WriteString(`" href="`)
		h.escapeAttr(a.href)
		h.WriteString(`" title="`)
		h.escapeAttr(a.label)
		h.WriteString("\">\n")
	}
	h.WriteString("<style>\n")
	h.WriteString(css)
	h.WriteString("</style>\n</head>\n")
}

// end writes the end of a page: the reading script, body and html.
func (h *htmlWriter) end() {
	h.WriteString("</article>\n</main>\n<script>")
	h.WriteString(readingJS)
	h.WriteString("</script>\n</body>\n</html>\n")
}

// alternate is another edition of the same document.
type alternate struct {
	href, hreflang, label string
	// lang is the language of label; empty for a bilingual edition's.
	lang    string
	current bool
}

// alternates lists the editions of ed a page links to, the page itself
// marked current: every one-language edition in cols, then the bilingual
// editions of those columns.
func alternates(ed *Edition, cols []int, current string) []alternate {
	var out []alternate
	for _, c := range cols {
		tag := ed.Langs[c].Tag.String()
		name := LangName(ed, c, "html")
		out = append(out, alternate{href: name, hreflang: tag, label: locale.Autonym(ed.Langs[c].Tag), lang: tag, current: name == current})
	}
	for _, c := range cols {
		if c == 0 {
			continue
		}
		name := PairName(ed, c, "html")
		label := locale.Autonym(ed.Langs[0].Tag) + " | " + locale.Autonym(ed.Langs[c].Tag)
		out = append(out, alternate{href: name, hreflang: "mul", label: label, current: name == current})
	}
	return out
}

// editionsNav writes the links to the editions, in the page's language
// (page).
func (h *htmlWriter) editionsNav(alts []alternate, p Phrases, page language.Tag) {
	h.WriteString(`<nav aria-label="`)
	h.escapeAttr(p.Editions)
	h.WriteString("\">\n<ul>\n")
	for _, a := range alts {
		h.WriteString(`<li><a href="`)
		h.escapeAttr(a.href)
		h.WriteString(`"`)
		if a.lang != "" {
			h.WriteString(` hreflang="`)
			h.escapeAttr(a.hreflang)
			h.WriteString(`" lang="`)
			h.escapeAttr(a.lang)
			h.WriteString(`"`)
			h.dir(language.Make(a.lang), page)
		}
		if a.current {
			h.WriteString(` aria-current="page"`)
		}
		h.WriteString(">")
		if a.lang == "" {
			h.escapeText(p.SideBySide + ": ")
		}
		h.escapeText(a.label)
		h.WriteString("</a></li>\n")
	}
	h.WriteString("</ul>\n</nav>\n")
}

// sizeHint guesses the size of an HTML edition of ed showing ncols
// columns, to allocate once.
func sizeHint(ed *Edition, ncols int) int {
	n := 16 << 10
	for i := range ed.Rows {
		n += 160 * ncols
		for j := 0; j < ncols && j < len(ed.Rows[i].Cells); j++ {
			n += spansLen(ed.Rows[i].Cells[j].Spans) * 9 / 8
		}
	}
	return n
}

func spansLen(spans []Span) int {
	n := 0
	for i := range spans {
		n += len(spans[i].Text) + len(spans[i].URL)*2 + spansLen(spans[i].Children)
	}
	return n
}

// cssString writes s as a CSS string literal. Everything but letters,
// digits, spaces and non-ASCII text is escaped, so that no title can end
// the style element or the string.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ', r == ',', r == '.':
			b.WriteRune(r)
		case r >= 0xa0 && r != 0x2028 && r != 0x2029:
			b.WriteRune(r)
		default:
			b.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
		}
	}
	b.WriteByte('"')
	return b.String()
}
