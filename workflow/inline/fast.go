package inline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hopeborder/bitext/workflow/segment"
)

// simpleInline reads text whose only markup is the commonest: note
// references, *emphasis* and **strong emphasis** around plain words, and
// [links](https://…) with plain text and a plain destination, as goldmark
// with this package's parsers reads it, without goldmark; most units of
// an article are that. It reports false for anything else, which Parse
// then gives to goldmark. FuzzParse holds the two to the same result.
// When opaque is not nil, the ranges of note references and link
// destinations are added to it.
func simpleInline(src string, opaque *[]Range) ([]Span, bool) {
	if mayHoldBareLink(src) {
		return nil, false
	}
	var spans []Span
	text := 0 // start of the text not yet a span
	addText := func(end int) {
		if end > text {
			spans = appendText(spans, src[text:end])
		}
	}
	mark := func(start, end int) {
		if opaque != nil {
			*opaque = append(*opaque, Range{start, end})
		}
	}
	for i := 0; i < len(src); {
		switch c := src[i]; c {
		case '*':
			n := 1
			if i+1 < len(src) && src[i+1] == '*' {
				n = 2
			}
			open := i + n
			if open >= len(src) || src[open] == '*' {
				return nil, false
			}
			end := strings.IndexByte(src[open:], '*')
			if end <= 0 {
				return nil, false
			}
			end += open
			if end+n > len(src) || src[end+n-1] != '*' || end+n < len(src) && src[end+n] == '*' {
				return nil, false // not a closing run as long as the opening one
			}
			inner := src[open:end]
			if !plainWords(inner) {
				return nil, false
			}
			addText(i)
			kind := Emph
			if n == 2 {
				kind = Strong
			}
			spans = append(spans, Span{Kind: kind, Children: []Span{{Kind: Text, Text: inner}}})
			i = end + n
			text = i
		case '[':
			if i > 0 && src[i-1] == '!' {
				return nil, false // an image
			}
			if i+1 < len(src) && src[i+1] == '^' {
				refs := segment.Refs(src[i:min(len(src), i+maxRefLen)])
				if len(refs) == 0 || refs[0].Start != 0 {
					return nil, false
				}
				addText(i)
				spans = append(spans, Span{Kind: NoteRef, Label: refs[0].Label})
				mark(i, i+refs[0].End)
				i += refs[0].End
				text = i
				continue
			}
			close := strings.IndexByte(src[i+1:], ']')
			if close < 0 {
				return nil, false
			}
			close += i + 1
			label := src[i+1 : close]
			if close+1 >= len(src) || src[close+1] != '(' || !plainWords(label) {
				return nil, false
			}
			end := strings.IndexByte(src[close+2:], ')')
			if end < 0 {
				return nil, false
			}
			end += close + 2
			dest := src[close+2 : end]
			if !plainDest(dest) {
				return nil, false
			}
			addText(i)
			spans = append(spans, Span{Kind: Link, URL: dest, Children: []Span{{Kind: Text, Text: label}}})
			mark(close+2, end)
			i = end + 1
			text = i
		case ']':
			i++
		case '!':
			if i+1 < len(src) && src[i+1] == '[' {
				return nil, false // an image
			}
			i++
		default:
			if bail[c] {
				return nil, false
			}
			i++
		}
	}
	addText(len(src))
	return trimSpans(spans), true
}

// bail marks the characters simpleInline leaves to goldmark.
var bail = func() (t [256]bool) {
	for _, c := range []byte("_`<&\\~{") {
		t[c] = true
	}
	return t
}()

// plainWords reports whether s is text that emphasis or a link can hold
// as it is: not empty, no markup, and starting and ending with a letter or
// digit, so that emphasis delimiters around it open and close whatever is
// on their other side.
func plainWords(s string) bool {
	if s == "" || strings.ContainsAny(s, "*_`[]<>&\\!~{") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return (unicode.IsLetter(first) || unicode.IsDigit(first)) && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// plainDest reports whether s is a link destination goldmark takes as it
// is: not empty, and only characters that need no unescaping or
// balancing (an & with no ; to end a character reference).
func plainDest(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte(":/._~%#?=+-,", c) >= 0:
		case c == '&' && strings.IndexByte(s, ';') < 0:
		default:
			return false
		}
	}
	return true
}
