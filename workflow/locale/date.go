package locale

import (
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

//go:generate go run ./internal/gencldr -o cldr_dates.go

// longDate is a CLDR locale's long date format: indexes into
// datePatterns and monthNames (cldr_dates.go, generated from CLDR).
type longDate struct {
	pattern, format, standAlone, abbreviated, era uint16
}

// LongDate writes an ISO 8601 date (2018-05-23) the way CLDR's long date
// format of the Gregorian calendar does for the language of tag: "May 23,
// 2018", "23 de mayo de 2018", "2018年5月23日", with the language's own
// digits ("٢٣ مايو ٢٠١٨"). It reports false when the date is not valid or
// CLDR has no data for the language (Nahuatl, a private use tag): CLDR's
// root format, "2018 M05 23", is no date a reader would write.
func LongDate(tag language.Tag, iso string) (string, bool) {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return "", false
	}
	f, ok := cldrLocale(tag)
	if !ok {
		return "", false
	}
	return formatDate(tag, f, t)
}

// cldrLocale finds the CLDR locale of tag: its language with the script
// and region it has or implies (zh-TW is zh_Hant_TW), dropping the
// region, then the script where CLDR has no such locale; never a locale
// of another script (sr-Latn is never sr, which is Cyrillic).
func cldrLocale(tag language.Tag) (longDate, bool) {
	base, bconf := tag.Base()
	if bconf == language.No {
		return longDate{}, false
	}
	b := base.String()
	_, rawScript, rawRegion := tag.Raw()
	// The script the tag names, or implies with confidence (Hant for
	// zh-TW; not Arab for ms-ID, where most write Latin).
	script, sconf := tag.Script()
	def, _ := language.Make(b).Script()
	s := ""
	if rawScript.String() != "Zzzz" || sconf >= language.High {
		s = script.String()
	} else {
		script = def
	}
	r := ""
	if rawRegion.String() != "ZZ" {
		r = rawRegion.String()
	}
	var ids []string
	if s != "" && r != "" {
		ids = append(ids, b+"_"+s+"_"+r)
	}
	if r != "" && script == def {
		ids = append(ids, b+"_"+r)
	}
	if s != "" {
		ids = append(ids, b+"_"+s)
	}
	if s == "" || script == def {
		ids = append(ids, b)
	}
	for _, id := range ids {
		if f, ok := longDates[id]; ok {
			return f, true
		}
	}
	return longDate{}, false
}

// formatDate writes t in f's pattern: CLDR's date field symbols d, dd,
// M, MM, MMM, MMMM, L, LL, LLLL, y, yy, yyyy and G (the era, abbreviated),
// and quoted literal text; any other symbol makes it report false. The
// year is never before 1: t is a year of the Common Era.
func formatDate(tag language.Tag, f longDate, t time.Time) (string, bool) {
	pattern := datePatterns[f.pattern]
	p := message.NewPrinter(tag)
	num := func(n, minDigits int) string {
		return p.Sprint(number.Decimal(n, number.NoSeparator(), number.MinIntegerDigits(minDigits)))
	}
	var b strings.Builder
	for i := 0; i < len(pattern); {
		c := pattern[i]
		switch {
		case c == '\'':
			// 'text' is literal, '' an apostrophe, in or out of quotes.
			if i+1 < len(pattern) && pattern[i+1] == '\'' {
				b.WriteByte('\'')
				i += 2
				continue
			}
			j := i + 1
			for j < len(pattern) {
				if pattern[j] == '\'' {
					if j+1 < len(pattern) && pattern[j+1] == '\'' {
						b.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(pattern[j])
				j++
			}
			i = j + 1
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(pattern) && pattern[j] == c {
				j++
			}
			n := j - i
			switch {
			case c == 'd' && n <= 2:
				b.WriteString(num(t.Day(), n))
			case (c == 'M' || c == 'L') && n <= 2:
				b.WriteString(num(int(t.Month()), n))
			case c == 'M' && n == 3:
				b.WriteString(monthNames[f.abbreviated][t.Month()-1])
			case c == 'G' && n <= 3:
				b.WriteString(eraNames[f.era])
			case c == 'M' && n == 4:
				b.WriteString(monthNames[f.format][t.Month()-1])
			case c == 'L' && n == 4:
				b.WriteString(monthNames[f.standAlone][t.Month()-1])
			case c == 'y' && n == 2:
				b.WriteString(num(t.Year()%100, 2))
			case c == 'y':
				b.WriteString(num(t.Year(), n))
			default:
				return "", false
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), true
}
