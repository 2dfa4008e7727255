package reconcile

import (
	"hash/maphash"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// bag is a text's words as a sorted multiset of hashes: enough to measure
// how much two texts share, cheaply, whatever their order.
type bag []uint64

var seed = maphash.MakeSeed()

// wordBag returns the words of text: lower-cased letter and digit runs,
// with note references left out (a renumbered note changes no word).
func wordBag(text string) bag {
	b := make(bag, 0, len(text)/6+1)
	for i := 0; i < len(text); {
		if text[i] == '[' && i+1 < len(text) && text[i+1] == '^' {
			if end := indexByte(text[i:], ']'); end > 0 {
				i += end + 1
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		lower := true
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			if r >= utf8.RuneSelf || 'A' <= r && r <= 'Z' {
				lower = false
			}
			i += size
		}
		word := text[start:i]
		if !lower {
			word = foldWord(word)
		}
		b = append(b, maphash.String(seed, word))
	}
	slices.Sort(b)
	return b
}

// foldWord lower-cases a word and strips its accents, so that "Mexico" and
// "México" count as one word.
func foldWord(w string) string {
	var out []rune
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		out = append(out, unicode.ToLower(r))
	}
	return string(out)
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s) && i < 80; i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// common counts the words a and b share, as multisets.
func common(a, b bag) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// dice is the Dice coefficient of two word bags: 1 for the same words, 0 for
// none in common.
func dice(a, b bag) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}
