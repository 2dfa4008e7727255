// Package inline is the one reading of a unit's inline Markdown that
// every stage shares: the renderers draw its spans, and the checks count
// and compare them, so nothing an edition shows can be invisible to the
// checks. It is goldmark with one paragraph parser and no link reference
// definitions (so that text which looks like a block stays text), the
// GFM linkify and strikethrough extensions, note references [^label] as
// segment.Refs reads them, and placeholders: the template tags of static
// site generators ({{< shortcode >}}, {{% x %}}, {% include … %},
// {{ .Title }}), which every renderer keeps as written.
//
// Parse returns the spans of one text; ParseAll of many, faster; ParseDoc
// the spans with the byte ranges of the text that hold no prose (code,
// URLs, raw HTML, note references, placeholders), which the checks of
// prose skip. A text past MaxMarkdownBytes or MaxMarkup (OverLimits) is
// not read as Markdown by any stage: goldmark is quadratic on some
// hostile text (its emphasis matching, goldmark issue #555), and
// translations are untrusted.
//
//	for _, s := range inline.Parse("See [the report](https://example.org)[^1].") {
//		fmt.Println(s.Kind, s.URL)
//	}
package inline
