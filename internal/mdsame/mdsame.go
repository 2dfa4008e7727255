// Package mdsame tells whether two Markdown documents are the same
// document: the same front matter data and the same goldmark tree
// (CommonMark, GitHub's tables, task lists and strikethrough, footnotes),
// white space aside. Text is compared as a reader sees it (escapes and
// character references resolved), footnotes by their number, and link
// reference definitions not at all (they are in the tree only as the
// links that use them). It is for tests: bitext's round-trip property is
// that the source-language Markdown edition is the same document as the
// source.
package mdsame

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

var md = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))

// Diff returns "" when a and b are the same document, and else the first
// difference.
func Diff(a, b []byte) string {
	fa, ba, err := split(a)
	if err != nil {
		return "first: " + err.Error()
	}
	fb, bb, err := split(b)
	if err != nil {
		return "second: " + err.Error()
	}
	if !reflect.DeepEqual(fa, fb) {
		return fmt.Sprintf("front matter differs:\n%v\n%v", fa, fb)
	}
	da, db := Dump(ba), Dump(bb)
	for i := 0; i < len(da) || i < len(db); i++ {
		var x, y string
		if i < len(da) {
			x = da[i]
		}
		if i < len(db) {
			y = db[i]
		}
		if x != y {
			lo := max(0, i-3)
			return fmt.Sprintf("tree differs at node %d:\n  %q\n  %q\nbefore it:\n  %s", i, x, y, strings.Join(da[lo:i], "\n  "))
		}
	}
	return ""
}

// split cuts front matter (YAML between --- lines, TOML between +++
// lines) off src and decodes it.
func split(src []byte) (any, []byte, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	for _, fence := range []string{"---", "+++"} {
		if !bytes.HasPrefix(src, []byte(fence+"\n")) && !bytes.HasPrefix(src, []byte(fence+"\r\n")) {
			continue
		}
		rest := src[bytes.IndexByte(src, '\n')+1:]
		for off := 0; off < len(rest); {
			end := bytes.IndexByte(rest[off:], '\n')
			line := rest[off:]
			if end >= 0 {
				line = rest[off : off+end]
			}
			if t := strings.TrimRight(string(line), "\r \t"); t == fence || fence == "---" && t == "..." {
				data := rest[:off]
				body := []byte{}
				if end >= 0 {
					body = rest[off+end+1:]
				}
				var v any
				var err error
				if fence == "---" {
					err = yaml.Unmarshal(data, &v)
				} else {
					var m map[string]any
					_, err = toml.Decode(string(data), &m)
					v = m
				}
				return v, body, err
			}
			if end < 0 {
				break
			}
			off += end + 1
		}
	}
	return nil, src, nil
}

// Dump returns the tree of src as lines to compare, one per node, in
// Unicode NFC (the readers normalize text so).
func Dump(src []byte) []string {
	doc := md.Parser().Parse(text.NewReader(src))
	var out []string
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		pad := strings.Repeat(" ", depth)
		if _, ok := n.(*ast.LinkReferenceDefinition); ok {
			return
		}
		if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			out = append(out, pad+block(n, src)+" "+inline(n, src))
			return
		}
		if n.Type() == ast.TypeBlock {
			out = append(out, pad+block(n, src))
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	for i := range out {
		out[i] = norm.NFC.String(out[i])
	}
	return out
}

// block describes a block node.
func block(n ast.Node, src []byte) string {
	switch n := n.(type) {
	case *ast.Heading:
		return "heading " + strconv.Itoa(n.Level)
	case *ast.List:
		return fmt.Sprintf("list ordered=%v start=%d tight=%v", n.IsOrdered(), n.Start, n.IsTight)
	case *ast.FencedCodeBlock:
		info := ""
		if n.Info != nil {
			info = string(n.Info.Segment.Value(src))
		}
		return "code " + strconv.Quote(info) + " " + strconv.Quote(lines(n, src))
	case *ast.CodeBlock:
		return "code " + strconv.Quote(lines(n, src))
	case *ast.HTMLBlock:
		s := lines(n, src)
		if n.HasClosure() {
			s += string(n.ClosureLine.Value(src))
		}
		return "html " + strconv.Quote(strings.Join(strings.Fields(s), ""))
	case *extast.Table:
		return fmt.Sprintf("table %v", n.Alignments)
	case *extast.Footnote:
		return "footnote " + strconv.Itoa(n.Index)
	}
	return strings.ToLower(n.Kind().String())
}

func lines(n ast.Node, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return strings.TrimRight(b.String(), "\n")
}

// inline describes the inline content of a block as one string.
func inline(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(src)
				if !c.IsRaw() {
					v = util.UnescapePunctuations(v)
					v = util.ResolveNumericReferences(v)
					v = util.ResolveEntityNames(v)
				}
				b.Write(v)
				switch {
				case c.HardLineBreak():
					b.WriteString("⏎")
				case c.SoftLineBreak():
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				b.WriteString("`")
				var s strings.Builder
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if t, ok := t.(*ast.Text); ok {
						s.Write(t.Segment.Value(src))
					}
				}
				b.WriteString(strings.Join(strings.Fields(s.String()), " "))
				b.WriteString("`")
			case *ast.Emphasis:
				b.WriteString("<em" + strconv.Itoa(c.Level) + ">")
				walk(c)
				b.WriteString("</em>")
			case *ast.Link:
				fmt.Fprintf(&b, "<a %q %q>", c.Destination, c.Title)
				walk(c)
				b.WriteString("</a>")
			case *ast.Image:
				fmt.Fprintf(&b, "<img %q %q>", c.Destination, c.Title)
				walk(c)
				b.WriteString("</img>")
			case *ast.AutoLink:
				fmt.Fprintf(&b, "<auto %q>", c.URL(src))
			case *ast.RawHTML:
				b.WriteString("<raw ")
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					b.Write(seg.Value(src))
				}
				b.WriteString(">")
			case *extast.FootnoteLink:
				b.WriteString("[^" + strconv.Itoa(c.Index) + "]")
			case *extast.TaskCheckBox:
				fmt.Fprintf(&b, "[task %v]", c.IsChecked)
			case *extast.Strikethrough:
				b.WriteString("<del>")
				walk(c)
				b.WriteString("</del>")
			default:
				walk(c)
			}
		}
	}
	walk(n)
	// A hard break before or after all text is white space only, and so is white
	// space around one; several in a row are one.
	// A line separator (U+2028) in text is a hard break too: bitext
	// reads it so.
	s := strings.ReplaceAll(b.String(), "\u2028", "⏎")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.NewReplacer(" ⏎", "⏎", "⏎ ", "⏎").Replace(s)
	for strings.Contains(s, "⏎⏎") {
		s = strings.ReplaceAll(s, "⏎⏎", "⏎")
	}
	return strings.Trim(s, "⏎ ")
}
