package check

import (
	"fmt"
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/hopeborder/bitext/workflow/segment"
)

// The checks of what the Markdown and Word readers make units of beyond
// prose: HTML blocks, whose tags a translation keeps. (The template tags
// of static site generators are the template check's.)

// checkHTMLTags reports, for an HTML block, the tags of the English the
// translation lost or changed and those it added. Tags are compared by
// name and attributes, leaving out the attributes that hold text (alt,
// title…), which are translated; their order may change with the
// sentence.
func checkHTMLTags(e *entry) string {
	if e.kind != segment.HTML {
		return ""
	}
	src, dst := htmlTags(e.src.s), htmlTags(e.dst.s)
	missing, added := unmatched(src, dst)
	var msgs []string
	if len(missing) > 0 {
		var l []string
		for _, i := range missing {
			l = append(l, src[i])
		}
		msgs = append(msgs, fmt.Sprintf("HTML tag %s of the English is missing or changed: keep the English's tags and attributes, translating only text, alt and title", joinListed(l, " ")))
	}
	if len(added) > 0 {
		var l []string
		for _, j := range added {
			l = append(l, dst[j])
		}
		msgs = append(msgs, fmt.Sprintf("HTML tag %s is not in the English: remove it (the editions drop what the English does not have)", joinListed(l, " ")))
	}
	return strings.Join(msgs, "; ")
}

// maxHTMLTags caps the tags read of one HTML block, so that a hostile
// translation costs linear time in the matching.
const maxHTMLTags = 2000

// htmlTags returns the start, end and self-closing tags of s, each
// written back in one canonical form: name, then the attributes that do
// not hold text, sorted.
func htmlTags(s string) []string {
	var tags []string
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for len(tags) < maxHTMLTags {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return tags
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			name, more := z.TagName()
			var attrs []string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if !segment.TranslatableAttr(string(k)) {
					attrs = append(attrs, fmt.Sprintf("%s=%q", k, v))
				}
			}
			slices.Sort(attrs)
			t := "<" + string(name)
			if tt == xhtml.EndTagToken {
				t = "</" + string(name)
			}
			if len(attrs) > 0 {
				t += " " + strings.Join(attrs, " ")
			}
			tags = append(tags, t+">")
		}
	}
	return tags
}
