package check

import (
	"fmt"
	"strings"

	"github.com/hopeborder/bitext/workflow/segment"
)

// minLengthRunes is the shortest English, in characters of prose, whose
// translation's length is judged: "Resources" may well become
// "Referencias".
const minLengthRunes = 20

// lengthBounds are the least and greatest ratio of translation to English
// length, in characters of prose, for a language that runs about as long
// as Spanish, which is 10–30 % longer than English.
var lengthBounds = map[segment.Kind][2]float64{
	segment.Title:       {0.4, 2.5},
	segment.Heading:     {0.4, 2.5},
	segment.Epigraph:    {0.6, 2.0},
	segment.Attribution: {0.5, 2.5},
	segment.Paragraph:   {0.6, 2.0},
	segment.Quote:       {0.6, 2.0},
	segment.Item:        {0.5, 2.2},
	segment.Note:        {0.5, 2.5},
	segment.Cell:        {0.4, 2.5},
	segment.Field:       {0.5, 2.2},
	segment.HTML:        {0.5, 2.5},
}

// lengthFactor scales the bounds for languages that write far fewer
// characters than Spanish for the same text.
var lengthFactor = map[string]float64{"zh": 0.3, "ja": 0.45, "ko": 0.45}

// checkLength reports a translation far shorter or longer than its kind's
// usual ratio to the English: a sentence left out, or one doubled. URLs,
// code and note references, the same on both sides, are not counted.
func checkLength(e *entry) string {
	b, ok := lengthBounds[e.kind]
	if !ok {
		return "" // dates and the like
	}
	src := e.src.proseLen()
	if src < minLengthRunes {
		return ""
	}
	f := 1.0
	if x, ok := lengthFactor[e.lang.base]; ok {
		f = x
	}
	lo, hi := b[0]*f, b[1]*f
	ratio := float64(e.dst.proseLen()) / float64(src)
	switch {
	case ratio < lo:
		return fmt.Sprintf("the translation is %.2f times as long as the English, shorter than the usual %.1f–%.1f for %s: check that nothing is left out", ratio, lo, hi, article(string(e.kind)))
	case ratio > hi:
		return fmt.Sprintf("the translation is %.2f times as long as the English, longer than the usual %.1f–%.1f for %s: check that nothing is doubled", ratio, lo, hi, article(string(e.kind)))
	}
	return ""
}

// article puts "a" or "an" before a kind's name.
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}
