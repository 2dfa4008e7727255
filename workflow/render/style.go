package render

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

// styleCSS is the stylesheet of both HTML editions, inlined in each page
// so that a page is one self-contained file.
//
//go:embed style.css
var styleCSS string

// stylesheet returns a page's CSS: the shared stylesheet and the @page
// rules for its paper, with running titles in the top margin and page
// numbers in the bottom one (the first page has no running title). A
// one-language page has its title centred; a bilingual page each
// column's title over it, in its language (titles[0] left, titles[1]
// right).
func stylesheet(paper Paper, titles ...string) string {
	var b strings.Builder
	b.Grow(len(styleCSS) + 1024)
	b.WriteString(styleCSS)
	b.WriteString("\n@page {\n  size: ")
	b.WriteString(paper.CSS)
	b.WriteString(";\n  margin: 19mm 16mm 21mm 10mm;\n")
	const font = `font: italic 8pt/1.2 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Liberation Serif", serif; color: #57524b;`
	boxes := []string{"top-center"}
	max := 90
	if len(titles) == 2 {
		boxes, max = []string{"top-left", "top-right"}, 60
	}
	for i, box := range boxes {
		b.WriteString("  @" + box + " { content: ")
		b.WriteString(cssString(shorten(titles[i], max)))
		b.WriteString("; " + font)
		if box == "top-right" {
			b.WriteString(" text-align: left; padding-left: 6mm;")
		}
		if box == "top-left" {
			b.WriteString(" padding-left: 6mm;")
		}
		b.WriteString(" }\n")
	}
	b.WriteString("  @bottom-center { content: counter(page); font: 8pt/1.2 system-ui, \"Liberation Sans\", sans-serif; color: #57524b; }\n}\n")
	b.WriteString("@page :first {\n")
	for _, box := range boxes {
		b.WriteString("  @" + box + " { content: none; }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// shorten cuts s at a word boundary to at most max runes, with an
// ellipsis, for a running title that must fit one line.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut, space, n := len(s), -1, 0
	for i := range s {
		if n == max-1 {
			cut = i
			break
		}
		if s[i] == ' ' {
			space = i
		}
		n++
	}
	if space > 0 {
		cut = space
	}
	return strings.TrimRight(s[:cut], " ,;:·—–-") + "…"
}

// readingJS keeps the reader's place across the language switch, reloads
// and editions. The pages work without it; the Content-Security-Policy
// allows this script alone, by its hash.
//
//go:embed reading.js
var readingJS string

// readingHash is readingJS's CSP source, 'sha256-…'.
var readingHash = func() string {
	sum := sha256.Sum256([]byte(readingJS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()
