package segment

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in Unicode NFC with every run of white space collapsed
// to one space and both ends trimmed, so that re-wrapping or re-indenting a
// source changes no unit. A run made only of no-break spaces (U+00A0, U+202F)
// inside the text is kept as it is: it was put there on purpose. A run
// holding a line separator (U+2028, HardBreak) is one line separator: the
// readers write a hard line break of the source so.
func Normalize(s string) string {
	if ascii(s) {
		if isCollapsed(s) {
			return s
		}
		return collapseASCII(s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var run []rune
	flush := func() {
		if len(run) == 0 {
			return
		}
		if b.Len() > 0 {
			switch {
			case onlyNoBreak(run):
				b.WriteString(string(run))
			case slices.Contains(run, HardBreak):
				b.WriteRune(HardBreak)
			default:
				b.WriteByte(' ')
			}
		}
		run = run[:0]
	}
	for i, r := range s {
		if unicode.IsSpace(r) {
			run = append(run, r)
			continue
		}
		flush()
		// The bytes as they are: an invalid byte stays itself.
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
	}
	return b.String()
}

func ascii(s string) bool {
	// Eight bytes at a time: a document is megabytes of mostly ASCII.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// collapseASCII is Normalize for ASCII text, which is always NFC.
func collapseASCII(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			space = true
		default:
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		}
	}
	return string(b)
}

// isCollapsed reports whether s is already trimmed and collapsed: only single
// ASCII spaces between non-space runes. It is the fast path for clean text.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	if ascii(s) {
		// Only the other ASCII spaces are left to look for.
		return !strings.ContainsAny(s, "\t\n\r\v\f")
	}
	prevSpace := true // a leading space is not collapsed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			space := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
			if space && (c != ' ' || prevSpace) {
				return false
			}
			prevSpace = space
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace
}

// HardBreak is how unit text holds a hard line break of the source (a
// line of a Markdown paragraph ending in two spaces or a backslash, a
// line break in a Word paragraph): U+2028 LINE SEPARATOR, since a unit's
// text is one line. The editions write it as a line break.
const HardBreak = '\u2028'

func onlyNoBreak(run []rune) bool {
	for _, r := range run {
		if r != '\u00a0' && r != '\u202f' {
			return false
		}
	}
	return true
}
