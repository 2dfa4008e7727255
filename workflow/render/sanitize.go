package render

import (
	"bytes"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlPolicy is what the editions let through of an HTML block:
// bluemonday's policy for user-generated content (text formatting,
// tables, lists, links with safe schemes), which a translation, untrusted,
// cannot get a script, a style, a form or an event handler through. It
// is made once: building a policy costs more than using one.
var htmlPolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireNoFollowOnLinks(false)
	return p
})

// SanitizeHTML returns an HTML block as an edition shows it: sanitized
// (see htmlPolicy), images replaced by their descriptions (no edition
// loads anything from the network), and balanced, so that a block that
// opens a <div> and leaves it to a later one to close cannot swallow the
// rest of the page. The source's HTML goes through it as the
// translation's does.
func SanitizeHTML(s string) string { return sanitize(s, false) }

// sanitize is SanitizeHTML, keeping images when images is set: for a
// Markdown edition, which a site generator publishes with its images.
func sanitize(s string, images bool) string {
	clean := htmlPolicy().Sanitize(s)
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(clean), ctx)
	if err != nil {
		return html.EscapeString(s)
	}
	var b bytes.Buffer
	for _, n := range nodes {
		if !images {
			if n.Type == html.ElementNode && n.DataAtom == atom.Img {
				n = &html.Node{Type: html.TextNode, Data: htmlAttr(n, "alt")}
			}
			dropImages(n)
		}
		if err := html.Render(&b, n); err != nil {
			return html.EscapeString(s)
		}
	}
	return b.String()
}

// dropImages replaces each image under n by its alt text.
func dropImages(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom == atom.Img {
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: htmlAttr(c, "alt")}, c)
			n.RemoveChild(c)
		} else {
			dropImages(c)
		}
		c = next
	}
}

// HTMLText returns the text of an HTML block, without its tags: what a
// PDF shows of it.
func HTMLText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := ""
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			if skip == "" {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "script", "style":
				if tt == html.StartTagToken {
					skip = string(name)
				}
			case "img":
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					if string(k) == "alt" {
						b.WriteString(" ")
						b.Write(v)
						b.WriteString(" ")
					}
				}
			case "br", "p", "div", "li", "tr", "td", "th":
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case skip:
				skip = ""
			case "p", "div", "li", "tr", "td", "th", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6":
				b.WriteByte(' ')
			}
		}
	}
}

// htmlAttr returns the value of n's attribute key, or "".
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
