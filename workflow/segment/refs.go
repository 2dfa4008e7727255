package segment

import "strings"

// Ref is a note reference, [^Label], in a unit's text.
type Ref struct {
	Label string
	// Start and End are the byte offsets of the whole "[^Label]" in the text.
	Start, End int
}

// Refs returns the note references in text, in order.
func Refs(text string) []Ref {
	var refs []Ref
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "[^")
		if j < 0 {
			break
		}
		j += i
		k := strings.IndexByte(text[j+2:], ']')
		if k < 0 {
			break
		}
		end := j + 2 + k + 1
		if label := text[j+2 : end-1]; validLabel(label) {
			refs = append(refs, Ref{Label: label, Start: j, End: end})
			i = end
			continue
		}
		i = j + 2
	}
	return refs
}

// RelabelRefs returns text with each reference [^l] replaced by
// [^relabel(l)].
func RelabelRefs(text string, relabel func(string) string) string {
	refs := Refs(text)
	if len(refs) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 8)
	last := 0
	for _, r := range refs {
		b.WriteString(text[last:r.Start])
		b.WriteString("[^")
		b.WriteString(relabel(r.Label))
		b.WriteByte(']')
		last = r.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// validLabel reports whether s can be a note label: non-empty, at most 64
// bytes, and free of white space and brackets.
func validLabel(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	return !strings.ContainsAny(s, " \t\n[]^")
}
