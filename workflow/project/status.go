package project

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hopeborder/bitext/workflow/locale"
)

// Status is how far one document's translation into one locale has come.
type Status struct {
	Doc    string `json:"doc"`
	Source string `json:"source"`
	Locale string `json:"locale"`
	// LocaleName is the locale's name, as "Spanish (español)".
	LocaleName string `json:"locale_name"`
	File       string `json:"file"`

	Units        int `json:"units"`
	Translated   int `json:"translated"`
	Stale        int `json:"stale"`
	Untranslated int `json:"untranslated"`
	// Orphaned counts translations in the locale file for units no longer
	// in the source; `bitext update` moves them to the history.
	Orphaned int `json:"orphaned"`
	// Obsolete counts translations kept in the history for removed units.
	Obsolete int `json:"obsolete"`
	// Percent is the share of units translated from the current source,
	// rounded down to a tenth (see Percent).
	Percent float64 `json:"percent"`

	// Words counts the words of the source; WordsTranslated those of the
	// translated units, and WordsToDo those of stale and untranslated ones.
	Words           int `json:"words"`
	WordsTranslated int `json:"words_translated"`
	WordsToDo       int `json:"words_to_do"`

	// Reviewing says whether the locale keeps review records (see
	// Workspace.Review); Reviewed counts the translations reviewed, and
	// ReviewedPercent is their share of the units, rounded as Percent.
	Reviewing       bool    `json:"reviewing"`
	Reviewed        int     `json:"reviewed"`
	ReviewedPercent float64 `json:"reviewed_percent"`
}

// Status returns one Status per document and locale, in document then
// configuration order.
func (w *Workspace) Status() []Status {
	var out []Status
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			s := Status{
				Doc: d.Name, Source: d.SourcePath, Locale: l.Tag.String(), LocaleName: locale.Name(l.Tag),
				File: w.MessagePath(d.Name, l.Tag), Units: len(d.Units),
				Orphaned: len(l.Orphans), Obsolete: l.Obsolete,
			}
			for i := range l.Entries {
				e := &l.Entries[i]
				n := Words(e.Unit.Text)
				s.Words += n
				switch e.State {
				case Translated:
					s.Translated++
					s.WordsTranslated += n
					if e.Reviewed() {
						s.Reviewed++
					}
				case Stale:
					s.Stale++
					s.WordsToDo += n
				default:
					s.Untranslated++
					s.WordsToDo += n
				}
			}
			s.Percent = Percent(s.Translated, s.Units)
			s.Reviewing = l.Recording()
			s.ReviewedPercent = Percent(s.Reviewed, s.Units)
			out = append(out, s)
		}
	}
	return out
}

// Percent returns done out of total as a percentage rounded down to a
// tenth: the one rounding bitext shows, writes and gates with, so that 43
// of 45 is 95.5 everywhere and 99.97 never reads 100. It is 100 when
// total is 0 (nothing to do).
func Percent(done, total int) float64 {
	if total <= 0 {
		return 100
	}
	// In integers, so that no float rounding moves a tenth.
	return float64(int64(done)*1000/int64(total)) / 10
}

// FormatPercent writes a Percent as bitext shows it: "95.5%".
func FormatPercent(p float64) string {
	return strconv.FormatFloat(p, 'f', 1, 64) + "%"
}

// Words counts the words of a unit's text the way translators are paid:
// runs of letters or digits, note references left out. "don't",
// "center-left" and "9,758" are one word each.
func Words(text string) int {
	n := 0
	in := false
	for i := 0; i < len(text); {
		c := text[i]
		switch class := byteClass[c]; {
		case class == wordByte:
			if !in {
				n++
				in = true
			}
			i++
			continue
		case class == joinByte:
			// Joins a word only when one goes on after it.
			i++
			continue
		case c == '[' && i+1 < len(text) && text[i+1] == '^':
			// A note label is short: looking further for its "]" would make
			// a text of many "[^" quadratic.
			if j := strings.IndexByte(text[i:min(len(text), i+maxRefLen)], ']'); j > 0 {
				i += j + 1
				in = false
				continue
			}
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if !in {
					n++
					in = true
				}
			case r == '’':
			default:
				in = false
			}
			continue
		}
		in = false
		i++
	}
	return n
}

// maxRefLen is the longest note reference Words skips, "[^" and "]"
// included; segment allows labels of up to 64 bytes.
const maxRefLen = 2 + 64 + 1

// byteClass sorts ASCII bytes for Words.
var byteClass = func() (t [256]uint8) {
	for c := range 128 {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			t[c] = wordByte
		case c == '\'' || c == '-' || c == '.' || c == ',':
			t[c] = joinByte
		}
	}
	return t
}()

const (
	otherByte = iota
	wordByte
	joinByte
)
