package segment

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/internal/mdsame"
)

// fill writes a Markdown document's template with its units' texts, as
// the source-language Markdown edition does (render.Markdown is the
// real one; this one has no translations to sanitize).
func fill(doc *Document) string {
	var b strings.Builder
	for _, p := range doc.Layout.Template {
		if p.Syntax == Verbatim {
			b.WriteString(p.Text)
			continue
		}
		u := &doc.Units[p.Unit]
		t := u.Text
		switch p.Syntax {
		case NoteSlot:
			b.WriteString("[^" + u.Label + "]: " + WriteInline(t, p.Prefix))
		case HTMLSlot:
			if i := strings.IndexByte(t, '>'); strings.HasPrefix(t, "<") && i >= 0 && i < len(t)-1 {
				t = t[:i+1] + "\n" + p.Prefix + strings.TrimSpace(t[i+1:])
			}
			b.WriteString(t)
		case CodeSlot:
			b.WriteString(strings.ReplaceAll(u.Text, "\n", "\n"+p.Prefix))
		case YAMLSlot, TOMLSlot, DateSlot:
			b.WriteString(p.Text)
		case CellSlot:
			b.WriteString(t)
		default:
			b.WriteString(WriteInline(t, p.Prefix))
		}
	}
	return b.String()
}

// everything holds every construct of CommonMark and GitHub's Markdown
// that bitext reads, and the tags of static site generators.
const everything = `---
title: "Walls &amp; Bridges"
date: 2019-11-04T10:00:00+01:00
description: >
  A long
  description.
tags: [a, b]
params:
  subtitle: Sub title
summary:
  - one
  - 'two'
draft: false
---

Heading one
===========

Some text with a [ref link][r1], a [collapsed][] one and a [shortcut], ![an image][img],
&eacute;t&eacute; &amp; &lt;b&gt; &#42;not emphasis&#42; and a hard  
break, then another\
and {{< glossary_tooltip text="a term" term_id="x" >}} and {{ .Title }}.

Subheading
----------

| A | B \| c | Right |
|:--|:--:|--:|
| ` + "`x\\|y`" + ` | 2 | **bold** |
| | y[^1] |

` + "```go" + `
func main() {}
` + "```" + `

~~~
tilde fence
~~~

    indented code

<div class="note">
Hello <b>world</b>
</div>

<custom-element data-x="1">
Text in a custom element
</custom-element>

<!-- a comment -->

<img src="x.png" alt="An image alone">

<details>
<summary>More</summary>

Markdown inside details.

</details>

- [ ] task one
- [x] done
  1. nested *one*
  2. two

     para in item

     ` + "```" + `
     code in item
     ` + "```" + `

     > quote in item
* another list

> quote
> - in list
>
> > nested quote
>
> ` + "```" + `
> code in quote
> ` + "```" + `

***

{{< figure src="x.png" title="A figure" >}}

{% include note.html %}

A paragraph[^long] with a [link](https://example.org "title") and <https://example.org/auto>
and ~~strike~~.

[r1]: https://example.org/r1 "Title"
[collapsed]: /collapsed
[shortcut]: </with space> 'single'
[img]: /img.png

[^1]: First para
    of the note.

    Second para.

    ` + "```" + `
    code in note
    ` + "```" + `

[^long]: A note with a list:

    - one
    - two
`

func TestMarkdownRoundTrip(t *testing.T) {
	doc, err := Markdown{}.Read("a.md", []byte(everything))
	require.NoError(t, err)
	require.NotNil(t, doc.Layout)
	assert.Empty(t, mdsame.Diff([]byte(everything), []byte(fill(doc))), "the template filled with the units is the source")
	assert.Empty(t, doc.Warnings)

	kinds := map[Kind]int{}
	for _, u := range doc.Units {
		kinds[u.Kind]++
		if u.Kind.Normalized() {
			assert.Equal(t, Normalize(u.Text), u.Text)
		}
	}
	assert.Equal(t, 1, kinds[Title])
	assert.Equal(t, 1, kinds[Date])
	assert.Equal(t, 3, kinds[Field], "description and the two summaries")
	assert.Equal(t, 7, kinds[Cell], "the table's cells with text")
	assert.Equal(t, 4, kinds[HTML], "the div, the custom element, the image's alt and the summary")
	assert.Equal(t, 2, kinds[Note])
	assert.Zero(t, kinds[Code], "code passes through")
	var blocks []BlockKind
	for _, b := range doc.Layout.Blocks {
		if b.Kind != UnitBlock {
			blocks = append(blocks, b.Kind)
		}
	}
	// The table, three code blocks, </details> alone, code in the item
	// and in the quote, the break, code in the note.
	assert.Equal(t, []BlockKind{TableBlock, CodeBlock, CodeBlock, CodeBlock, RawBlock, CodeBlock, CodeBlock, BreakBlock, CodeBlock}, blocks)

	text := map[string]bool{}
	for _, u := range doc.Units {
		text[u.Text] = true
	}
	for _, want := range []string{
		"Some text with a [ref link](https://example.org/r1 \"Title\"), a [collapsed](/collapsed) one and a [shortcut](</with space> \"single\"), ![an image](/img.png), été &amp; &lt;b&gt; &#42;not emphasis&#42; and a hard\u2028break, then another\u2028and {{< glossary_tooltip text=\"a term\" term_id=\"x\" >}} and {{ .Title }}.",
		"`x\\|y`", "**bold**", "y[^1]", "task one", "done", "nested *one*", "Markdown inside details.",
		"First para of the note.", "Second para.", "A note with a list:", "one", "two",
		"A long description.",
	} {
		assert.True(t, text[want], "no unit %q", want)
	}
	for _, u := range doc.Units {
		assert.NotContains(t, u.Text, "figure", "a shortcode alone is no unit")
		assert.NotContains(t, u.Text, "include", "an include alone is no unit")
	}
}

// TestMarkdownTranslateCode: with TranslateCode, code blocks are units of
// kind Code, their text as written.
func TestMarkdownTranslateCode(t *testing.T) {
	src := "# T\n\n```go\n// say hello\nfmt.Println(\"hello\")\n```\n\n- item\n\n      indented  code\n"
	doc, err := Markdown{Options{TranslateCode: true}}.Read("a.md", []byte(src))
	require.NoError(t, err)
	var code []string
	for _, u := range doc.Units {
		if u.Kind == Code {
			code = append(code, u.Text)
		}
	}
	assert.Equal(t, []string{"// say hello\nfmt.Println(\"hello\")", "indented  code"}, code)
	assert.Empty(t, mdsame.Diff([]byte(src), []byte(fill(doc))))
}
