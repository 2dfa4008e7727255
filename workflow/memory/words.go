package memory

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Bag is a text's words as a sorted multiset of hashes: enough to measure
// how much two texts share, cheaply, whatever their order.
type Bag []uint64

type bag = Bag

// Words returns the words of text as a Bag (see wordBag).
func Words(text string) Bag { return wordBag(text) }

// wordBag returns the words of text: letter and digit runs, lower-cased and
// stripped of accents (so "Mexico" and "México" are one word), with note
// references left out (a renumbered note changes no word).
func wordBag(text string) bag {
	b := appendWords(make(bag, 0, len(text)/5+1), text)
	slices.Sort(b)
	return b
}

// appendWords appends the word hashes of text to b, unsorted.
func appendWords(b bag, text string) bag {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	in := false
	end := func() {
		if in {
			b = append(b, mix(h))
			h, in = offset, false
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '[' && i+1 < len(text) && text[i+1] == '^':
				end()
				if j := indexByte(text[i:], ']'); j > 0 {
					i += j + 1
					continue
				}
				i++
				continue
			default:
				end()
				i++
				continue
			}
			h = (h ^ uint64(c)) * prime
			in = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			end()
			continue
		}
		for _, f := range fold(r) {
			h = (h ^ uint64(f)) * prime
		}
		in = true
	}
	end()
	return b
}

// mix spreads the bits of an FNV hash, so that the smallest hashes of a
// bag are a fair sample of its words (see sketch).
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// fold returns the lower-case, accent-free form of a letter.
func fold(r rune) string {
	if r < 0x250 {
		return latinFold[r]
	}
	var out []rune
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			out = append(out, unicode.ToLower(d))
		}
	}
	return string(out)
}

// latinFold caches fold for the Latin blocks, where almost all letters of
// the languages bitext meets are.
var latinFold = func() []string {
	t := make([]string, 0x250)
	for r := rune(0); r < 0x250; r++ {
		var out []rune
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				out = append(out, unicode.ToLower(d))
			}
		}
		t[r] = string(out)
	}
	return t
}()

func indexByte(s string, c byte) int {
	for i := 0; i < len(s) && i < 80; i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Common counts the words a and b share, as multisets.
func Common(a, b Bag) int { return common(a, b) }

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

// Dice is the Dice coefficient of two word bags: 1 for the same words, 0
// for none in common.
func Dice(a, b Bag) float64 { return dice(a, b) }

func dice(a, b bag) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

// sketchSize is how many of its smallest word hashes stand for a text when
// looking for similar ones.
const sketchSize = 12

// sketch returns the sketchSize smallest distinct hashes of a bag: a
// bottom-k MinHash sample. Two texts that share most words share most of
// their sketch, and a text that holds another holds the part of the other's
// sketch that falls in it, so sketches find candidates for similarity and
// for containment alike, at a fixed cost per text.
func sketch(b bag) []uint64 {
	s := make([]uint64, 0, sketchSize)
	for i, h := range b {
		if i > 0 && b[i-1] == h {
			continue
		}
		s = append(s, h)
		if len(s) == sketchSize {
			break
		}
	}
	return s
}
