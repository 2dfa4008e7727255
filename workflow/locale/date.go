package locale

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// longDate is a CLDR long date format ("yMMMMd" in its gregorian
// calendar data) reduced to what articles need: a pattern with {d}, {MMMM}
// and {y}, and the format-context wide month names.
type longDate struct {
	pattern string
	months  [12]string
}

// longDates are transcribed from CLDR 45 (common/main/*.xml,
// dateFormatLength type="long").
var longDates = map[string]longDate{
	"en": {"{MMMM} {d}, {y}", [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}},
	"es": {"{d} de {MMMM} de {y}", [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}},
	"fr": {"{d} {MMMM} {y}", [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}},
	"de": {"{d}. {MMMM} {y}", [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}},
	"it": {"{d} {MMMM} {y}", [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}},
	"pt": {"{d} de {MMMM} de {y}", [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}},
	"nl": {"{d} {MMMM} {y}", [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}},
}

// LongDate writes an ISO 8601 date (2018-05-23) the way CLDR's long date
// format does for the language of tag: "May 23, 2018", "23 de mayo de
// 2018". It reports false when the date is not valid or bitext has no
// format for the language.
func LongDate(tag language.Tag, iso string) (string, bool) {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return "", false
	}
	base, _ := tag.Base()
	f, ok := longDates[base.String()]
	if !ok {
		return "", false
	}
	r := strings.NewReplacer("{d}", strconv.Itoa(t.Day()), "{MMMM}", f.months[t.Month()-1], "{y}", strconv.Itoa(t.Year()))
	return r.Replace(f.pattern), true
}
