package reconcile

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/hopeborder/bitext/workflow/segment"
)

// idAllocator hands out IDs: taken holds the IDs in use, and next the suffix to try
// first for a base, so that many units starting with the same words cost
// one step each, not one per earlier clash.
type idAllocator struct {
	taken map[string]bool
	next  map[string]int
}

// newID makes a readable ID for a unit that has none: its kind, then the
// first words of its text ("p-mexico-faces-a-potentially-historic"), or the
// note label for a note ("note-6"). The ID is made once and kept however
// the text changes after, so it reads well but does not encode content.
// A clash gets "-2", "-3"…
func (s *idAllocator) newID(u *segment.Unit) string {
	// Every ID starts with its kind's prefix, so no ID can be one of
	// go-i18n's reserved words (other, description, hash…).
	base := u.Kind.IDPrefix()
	switch {
	case u.Kind == segment.Note:
		base += "-" + slug(u.Label, 4)
	case u.Kind == segment.Field:
		if s := slug(strings.ReplaceAll(u.Key, ".", " "), 6); s != "" {
			base += "-" + s
		}
	case u.Kind.IDWords() > 0:
		if s := slug(u.Text, u.Kind.IDWords()); s != "" {
			base += "-" + s
		}
	}
	id := base
	n := max(s.next[base], 2)
	for s.taken[id] {
		id = base + "-" + strconv.Itoa(n)
		n++
	}
	s.next[base] = n
	s.taken[id] = true
	return id
}

// slug returns up to n words of text, lower-cased, accents stripped, joined
// with dashes: ASCII letters and digits only, at most 48 bytes.
func slug(text string, n int) string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	text = stripRefs(text)
	for _, r := range norm.NFD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’':
			// "Mexico’s" is one word.
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			cur.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
		if len(words) >= n {
			break
		}
	}
	flush()
	if len(words) > n {
		words = words[:n]
	}
	s := strings.Join(words, "-")
	for len(s) > 48 {
		i := strings.LastIndexByte(s, '-')
		if i < 0 {
			s = s[:48]
			break
		}
		s = s[:i]
	}
	return s
}

func stripRefs(text string) string {
	refs := segment.Refs(text)
	if len(refs) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, r := range refs {
		b.WriteString(text[last:r.Start])
		last = r.End
	}
	b.WriteString(text[last:])
	return b.String()
}
