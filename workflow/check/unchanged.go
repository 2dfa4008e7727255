package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hopeborder/bitext/workflow/segment"
)

// checkUnchanged reports a translation that is the English text as it is,
// unless the English holds nothing to translate: only URLs, numbers,
// names or citations such as "(id.)".
func checkUnchanged(e *entry) string {
	if strings.TrimSpace(e.dst.s) != strings.TrimSpace(e.src.s) || nothingToTranslate(&e.src, e.kind) {
		return ""
	}
	return "the translation is the English text unchanged: translate it, or exempt it with a reason if it is right as it is"
}

// nothingToTranslate reports whether the prose of in is made only of
// numbers, symbols, citation abbreviations and, outside titles, headings
// (where English capitalizes every word) and dates (whose months are
// capitalized), capitalized words, taken as names.
func nothingToTranslate(in *unitText, kind segment.Kind) bool {
	names := kind != segment.Title && kind != segment.Heading && kind != segment.Date
	ok := true
	in.prose(func(_ int, text string) {
		for i := 0; ok && i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
			j := i
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' {
					break
				}
				j += size
			}
			word := strings.TrimRight(text[i:j], ".'’")
			i = j
			if names && unicode.IsUpper(r) {
				continue
			}
			if isCitation(word) {
				continue
			}
			ok = false
		}
	})
	return ok
}

// citations are the abbreviations of references: id., ibid., op. cit.,
// p., pp., cf., et al.
var citations = map[string]bool{"id": true, "íd": true, "ibid": true, "ibíd": true, "ib": true, "op": true, "cit": true,
	"loc": true, "cf": true, "et": true, "al": true, "p": true, "pp": true, "vol": true, "vols": true, "ed": true,
	"eds": true, "n": true, "no": true, "nos": true, "ff": true}

func isCitation(word string) bool {
	var buf [8]byte
	if len(word) > len(buf) {
		return false
	}
	return citations[string(lower(buf[:0], word))]
}
