package segment

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func units(doc *Document) []string {
	var out []string
	for _, u := range doc.Units {
		s := string(u.Kind) + ":" + itoa(u.Line) + ": " + u.Text
		if u.Label != "" {
			s = string(u.Kind) + "[" + u.Label + "]:" + itoa(u.Line) + ": " + u.Text
		}
		out = append(out, s)
	}
	return out
}

func TestMarkdown(t *testing.T) {
	src := `---
title: Walls and *Bridges*
date: 2019-11-04
---

> “A border is a *scar*.”
>
> — Gloria Anzaldúa[^a]

## The numbers

Ninety-one people crossed,
  twelve of them [children](https://example.org/kids)[^1].
Others waited.

- first item
- second item with ` + "`code`" + `

[^1]: Cited in https://example.org/one; see also
    the annex.
[^a]: *Borderlands*, 1987.
`
	doc, err := Markdown{}.Read("source/walls.md", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, "2019-11-04", doc.Date)
	assert.Equal(t, []string{
		"title:2: Walls and *Bridges*",
		"date:3: 2019-11-04",
		"epigraph:6: “A border is a *scar*.”",
		"attribution:8: Gloria Anzaldúa[^a]",
		"heading:10: The numbers",
		"paragraph:12: Ninety-one people crossed, twelve of them [children](https://example.org/kids)[^1]. Others waited.",
		"item:16: first item",
		"item:17: second item with `code`",
		"note[1]:19: Cited in https://example.org/one; see also the annex.",
		"note[a]:21: *Borderlands*, 1987.",
	}, units(doc))
}

func TestMarkdownTitleAndDateInBody(t *testing.T) {
	doc, err := Markdown{}.Read("a.md", []byte("# Title\n\nMay 23, 2018\n\n# Second h1 is a heading\n\nText.\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"title:1: Title", "date:3: 2018-05-23", "heading:5: Second h1 is a heading", "paragraph:7: Text."}, units(doc))
}

func TestMarkdownErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"undefined note", "# T\n\nText[^9].\n", "a.md:3: note reference [^9] has no note"},
		{"code block", "# T\n\n```\ncode\n```\n", "a.md:3: unsupported Markdown block (FencedCodeBlock)"},
		{"open front matter", "---\ntitle: x\n", "a.md:1: front matter opened with --- is never closed"},
		{"bad date", "---\ndate: someday\n---\n", "a.md:2: front matter: date \"someday\" is not a date"},
		{"duplicate note", "# T\n\nA[^1].\n\n[^1]: x\n[^1]: y\n", "note [^1] is defined twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Markdown{}.Read("a.md", []byte(tc.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestReaders checks that both readers agree on an article written in
// each format.
func TestReaders(t *testing.T) {
	txt := "Walls\n\n2019-11-04\n\nOne crossed in 2019.1 Two waited.\n\n[1] https://example.org/one\n"
	md := "# Walls\n\n2019-11-04\n\nOne crossed in 2019.[^1] Two waited.\n\n[^1]: https://example.org/one\n"
	a, err := Read("x.txt", []byte(txt))
	require.NoError(t, err)
	b, err := Read("x.md", []byte(md))
	require.NoError(t, err)
	for i := range a.Units {
		a.Units[i].Line, b.Units[i].Line = 0, 0
	}
	assert.Equal(t, a.Units, b.Units)
	_, err = Read("x.docx", nil)
	assert.ErrorContains(t, err, "no reader for \".docx\" files")
}

func FuzzMarkdown(f *testing.F) {
	f.Add("# T\n\nText[^1].\n\n[^1]: note\n")
	f.Add("---\ntitle: T\n---\n> q\n>\n> — who\n\n- a\n- b\n")
	f.Add(strings.Repeat("para *x* [l](http://x)\n\n", 3))
	f.Add("---\ntitle: \"a\\tb\"\ndate: [1\n---\n#\n\n> ***\n\n[^1]:\n")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := Markdown{}.Read("f.md", []byte(src))
		lines := strings.Count(src, "\n") + 1
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 || e.Line > lines {
				t.Fatalf("error %q is not at a line of the source", err)
			}
			return
		}
		labels := map[string]bool{}
		for _, u := range doc.Units {
			if u.Kind == Note {
				labels[u.Label] = true
			}
		}
		for _, u := range doc.Units {
			if u.Text != Normalize(u.Text) {
				t.Fatalf("unit text %q is not normalized", u.Text)
			}
			if u.Text == "" {
				t.Fatalf("empty %s unit at line %d", u.Kind, u.Line)
			}
			if c, ok := controlIn(u.Text); ok {
				t.Fatalf("unit %q holds control character %U", u.Text, c)
			}
			if u.Line < 1 || u.Line > lines {
				t.Fatalf("unit %q at line %d of %d", u.Text, u.Line, lines)
			}
			if u.Kind != Note {
				for _, r := range Refs(u.Text) {
					if !labels[r.Label] {
						t.Fatalf("reference [^%s] has no note", r.Label)
					}
				}
			}
		}
	})
}

// TestMarkdownPieces reads a long article whole and in parallel pieces:
// the units are the same, lines included.
func TestMarkdownPieces(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: Long\ndate: 2018-05-23\n---\n\n> An epigraph.\n>\n> — Someone\n\n")
	for i := 0; b.Len() < 3*mdCutSize; i++ {
		fmt.Fprintf(&b, "## Section %d\n\nParagraph %d, with *emphasis*\nand a [link](https://example.org/%d)[^n%d].\n\n", i, i, i, i)
		fmt.Fprintf(&b, "- item %d\n- item two\n\n  continued\n\n> quote %d\n>\n> — who\n\n", i, i)
		fmt.Fprintf(&b, "[^n%d]: Note %d,\n    on two lines.\n\n", i, i)
	}
	src := []byte(b.String())
	require.Greater(t, len(mdCuts(src, 4)), 2, "the article is long enough to cut")
	whole, err := readMarkdown("a.md", src, 1)
	require.NoError(t, err)
	for _, n := range []int{2, 3, 4} {
		pieces, err := readMarkdown("a.md", src, n)
		require.NoError(t, err)
		require.Equal(t, len(whole.Units), len(pieces.Units), "%d pieces", n)
		for i := range whole.Units {
			require.Equal(t, whole.Units[i], pieces.Units[i], "%d pieces, unit %d", n, i)
		}
	}
	// A heading inside fenced code is no place to cut.
	fenced := []byte(strings.Repeat("text\n\n", mdCutSize/6) + "```\n\n# code\n```\n" + strings.Repeat("more\n\n", mdCutSize/6) + "# real\n")
	for _, c := range mdCuts(fenced, 8)[1:] {
		assert.Equal(t, "# real\n", string(fenced[c:]))
	}
}

// TestMarkdownEmptyHeading: a heading with no text would be a unit that
// can never be translated; it is an error at its own line.
func TestMarkdownEmptyHeading(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"hash alone", "# T\n\nText.\n\n#\n\nMore.\n", "a.md:5: empty heading"},
		{"hashes and a space", "# T\n\nText.\n\n## \n", "a.md:5: empty heading"},
		{"closing hashes only", "# T\n\nText.\n\n### ###\n", "a.md:5: empty heading"},
		{"only white space", "# T\n\nText.\n\n## \u00a0\u2003\n", "a.md:5: empty heading"},
		{"empty title", "#\n\nText.\n", "a.md:1: empty heading"},
		{"after front matter", "---\ndate: 2018-05-23\n---\n\n# T\n\n##\n", "a.md:7: empty heading"},
		{"in a long article", strings.Repeat("## Heading\n\nText.\n\n", mdCutSize/10) + "##\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want == "" {
				want = "a.md:" + itoa(strings.Count(tc.src, "\n")) + ": empty heading"
			}
			doc, err := Markdown{}.Read("a.md", []byte(tc.src))
			require.Error(t, err, "units: %q", unitsOf(doc))
			assert.Contains(t, err.Error(), want)
			assert.Contains(t, err.Error(), "give it its text or delete the line")
		})
	}
	// A paragraph, item or quote of no-break spaces alone is a spacer, a
	// blank as in plain text, and no unit.
	doc, err := Markdown{}.Read("a.md", []byte("# T\n\n\u00a0\n\n- \u00a0\n- b\n\n> \u2003\n\nText.\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"title:1: T", "item:6: b", "paragraph:10: Text."}, units(doc))
}

// TestMarkdownErrorLines: every error of the Markdown reader names the
// line where the problem is, not the first line of the file or of the
// block around it.
func TestMarkdownErrorLines(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty fenced code", "# T\n\nText.\n\n```\n```\n", "a.md:5: unsupported Markdown block (FencedCodeBlock)"},
		{"fenced code with info", "# T\n\n```go\nx\n```\n", "a.md:3: unsupported Markdown block (FencedCodeBlock)"},
		{"thematic break in a quote", "# T\n\n> a\n>\n> ***\n", "a.md:5: unsupported Markdown inside a block quote (ThematicBreak)"},
		{"list in a quote", "# T\n\n> a\n>\n> - b\n", "a.md:5: unsupported Markdown inside a block quote (List)"},
		{"quote in a list", "# T\n\n- a\n\n  > b\n", "a.md:5: unsupported Markdown inside a list item (Blockquote)"},
		{"empty note", "# T\n\nText[^1].\n\n[^1]:\n", "a.md:5: note [^1] is empty"},
		{"break in a note", "# T\n\nText[^1].\n\n[^1]: a\n\n    ***\n", "a.md:7: unsupported Markdown inside note [^1] (ThematicBreak)"},
		{"reference on a later line", "# T\n\nOne,\ntwo,\nthree[^9].\n", "a.md:5: note reference [^9] has no note"},
		{"reference in a later piece", strings.Repeat("## H\n\nText.\n\n", mdCutSize/6) + "## End\n\nOne,\ntwo[^9].\n", ""},
		{"duplicate note", "# T\n\nA[^1].\n\n[^1]: x\n\n[^1]: y\n", "a.md:7: note [^1] is defined twice (first at line 5)"},
		{"YAML flow never closed", "---\ntitle: T\ndate: [2018\n---\n", "a.md:3: front matter: did not find expected ',' or ']'"},
		{"YAML list in a mapping", "---\ntitle: T\n- a\n---\n", "a.md:3: front matter: did not find expected key"},
		{"YAML tab", "---\ntitle: T\n\tdate: x\n---\n", "a.md:3: front matter: found a tab character"},
		{"YAML key twice", "---\ntitle: T\ndate: x\ndate: y\n---\n", "a.md:4: front matter: mapping key \"date\" already defined at line 3"},
		{"YAML type", "---\ntitle: T\n\ndate: [1, 2]\n---\n", "a.md:4: front matter:"},
		{"bad date", "---\ntitle: T\ndate: someday\n---\n", "a.md:3: front matter: date \"someday\" is not a date"},
		{"unclosed front matter", "---\ntitle: x\n", "a.md:1: front matter opened with --- is never closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want == "" {
				want = "a.md:" + itoa(strings.Count(tc.src, "\n")) + ": note reference [^9] has no note"
			}
			doc, err := Markdown{}.Read("a.md", []byte(tc.src))
			require.Error(t, err, "units: %q", unitsOf(doc))
			assert.Contains(t, err.Error(), want)
		})
	}
}

// TestMarkdownFrontMatterLines: the title and date of the front matter
// are at the lines that give them.
func TestMarkdownFrontMatterLines(t *testing.T) {
	doc, err := Markdown{}.Read("a.md", []byte("---\nauthor: x\ndate: 2018-05-23\n\ntitle: Walls\n---\n\nText.\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"title:5: Walls", "date:3: 2018-05-23", "paragraph:8: Text."}, units(doc))
}
