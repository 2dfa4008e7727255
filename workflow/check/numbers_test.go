package check

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/segment"
)

func TestNumbers(t *testing.T) {
	runTable(t, checkNumbers, []checkCase{
		// Separators by locale: all the same value.
		{name: "grouping as in Spain", src: "2,000 women", dst: "2.000 mujeres"},
		{name: "grouping as in Mexico", src: "2,000 women", dst: "2,000 mujeres"},
		{name: "grouping with a space", src: "2,000 women", dst: "2 000 mujeres"},
		{name: "grouping with a no-break space", src: "2,000 women", dst: "2\u00a0000 mujeres"},
		{name: "grouping with a narrow no-break space", src: "12,000 women", dst: "12\u202f000 mujeres"},
		{name: "four digits ungrouped", src: "9,758 cases", dst: "9758 casos"},
		{name: "decimal comma", src: "3.5 metres", dst: "3,5 metros"},
		{name: "decimal point kept (Mexico)", src: "3.5 metres", dst: "3.5 metros"},
		{name: "pofilter's 3,5 is one number", src: "It grew 3.5 times.", dst: "Creció 3,5 veces."},
		{name: "percent with a space", src: "between 60 and 80% of women", dst: "entre 60 y 80 % de las mujeres"},
		{name: "thousands and decimals as in Spain", src: "$1,234.5", dst: "1.234,5 dólares"},
		{name: "many groups", src: "1,000,000 people", dst: "1.000.000 de personas"},
		{name: "shipped 70,000", src: "vary between 70,000 and 120,000", dst: "oscilan entre 70,000 y 120,000"},
		// Scale words.
		{name: "billion is mil millones", src: "the $2.5 billion dollar Mérida Initiative", dst: "la Iniciativa Mérida, dotada con 2.5 mil millones de dólares"},
		{name: "billion with a decimal comma", src: "$2.5 billion", dst: "2,5 mil millones de dólares"},
		{name: "billion as millones", src: "$2.5 billion", dst: "2500 millones de dólares"},
		{name: "million", src: "$600 million", dst: "600 millones de dólares"},
		{name: "millardo", src: "$3 billion", dst: "3 millardos de dólares"},
		{name: "billion is not billón", src: "$2.5 billion", dst: "2.5 billones de dólares", want: "un billón is a million million"},
		{name: "million is not mil", src: "$600 million", dst: "600 mil dólares", want: "the English has “600 million” where the translation has “600 mil”"},
		// Words and ordinals.
		{name: "ordinal suffix", src: "on July 1st", dst: "el 1 de julio"},
		{name: "number in words", src: "72 victims from 6 countries", dst: "72 víctimas de seis países"},
		{name: "thousand in words", src: "1,000 migrants", dst: "mil migrantes"},
		{name: "words both ways", src: "six countries", dst: "6 países"},
		// Years and names keep their form.
		{name: "year as is", src: "in August 2010", dst: "en agosto de 2010"},
		{name: "year regrouped", src: "in August 2010", dst: "en agosto de 2.010", want: "2010 is written 2.010"},
		{name: "issue number regrouped", src: "Proceso 2166", dst: "Proceso 2,166", want: "2166 is written 2,166"},
		{name: "range", src: "2014-2017", dst: "de 2014 a 2017"},
		{name: "page range", src: "p. 28-31", dst: "pp. 28-31"},
		{name: "two numbers after a year", src: "in 2010 72 victims", dst: "en 2010 72 víctimas"},
		{name: "a space between numbers is not a group", src: "the 3 100-metre races", dst: "las 3 carreras de 100 metros"},
		// Wrong numbers.
		{name: "changed value", src: "between 60 and 80% of women", dst: "entre 60 y 81 % de las mujeres", want: "the English has “80” where the translation has “81”"},
		{name: "missing number", src: "72 victims in August 2010", dst: "víctimas en agosto de 2010", want: "“72” of the English is missing"},
		{name: "added number", src: "victims in August", dst: "72 víctimas en agosto", want: "“72” in the translation is not in the English"},
		{name: "decimal comma misread", src: "3.5 metres", dst: "35 metros", want: "“3.5”"},
		{name: "a Spanish 2.000 is not 2.0", src: "2.0 points", dst: "2.000 puntos"},
		{name: "sign", src: "it fell to -5 degrees", dst: "bajó a 5 grados", want: "“-5”"},
		{name: "verbatim version", src: "version 1.2.3", dst: "versión 1.2.3"},
		{name: "verbatim version changed", src: "version 1.2.3", dst: "versión 1.2.4", want: "1.2.3"},
		// Not numbers of the prose.
		{name: "URLs and note references", src: "See https://x.org/2018/04/06/a.html[^12].", dst: "Véase https://x.org/2018/04/06/a.html[^12]."},
		{name: "digits inside a word", src: "the G7 summit", dst: "la cumbre del G7"},
		// Other locales.
		{name: "French grouping", src: "2,000.5 euros", dst: "2 000,5 euros", locale: "fr"},
		{name: "Swiss grouping", src: "1,000 francs", dst: "1’000 Franken", locale: "de-CH"},
		{name: "Indian grouping", src: "1,234,567 people", dst: "12,34,567 लोग", locale: "hi"},
		{name: "Arabic digits", src: "1,234.5", dst: "١٬٢٣٤٫٥", locale: "ar"},
		{name: "French wrong", src: "2,000.5 euros", dst: "2 000,6 euros", locale: "fr", want: "2,000.5"},
	})
}

// format writes the number mant×10^-frac with conv's separators, grouping
// when group is set.
func format(mant uint64, frac int, c numConv, group bool) string {
	digits := strconv.FormatUint(mant, 10)
	for len(digits) <= frac {
		digits = "0" + digits
	}
	intPart, fracPart := digits[:len(digits)-frac], digits[len(digits)-frac:]
	if group && len(intPart) > c.primary {
		sep := string([]rune(c.groups)[0])
		var parts []string
		rest := intPart
		parts = append(parts, rest[len(rest)-c.primary:])
		rest = rest[:len(rest)-c.primary]
		for len(rest) > c.secondary {
			parts = append([]string{rest[len(rest)-c.secondary:]}, parts...)
			rest = rest[:len(rest)-c.secondary]
		}
		parts = append([]string{rest}, parts...)
		intPart = strings.Join(parts, sep)
	}
	if frac > 0 {
		return intPart + string(c.decimal) + fracPart
	}
	return intPart
}

// FuzzNumberValue writes a number the way a locale writes it, in a
// sentence, and checks that the scanner reads it back as one number that
// can have that value: the property pofilter breaks when it splits 3,5.
func FuzzNumberValue(f *testing.F) {
	// The shipped article's numbers: 2.5 billion, 9,758, 70,000, 11,333,
	// 60 and 80%, 2018.
	for _, seed := range []struct {
		mant   uint64
		frac   uint8
		locale uint8
		group  bool
	}{{25, 1, 0, true}, {9758, 0, 1, true}, {70000, 0, 2, true}, {11333, 0, 3, false}, {80, 0, 0, false}, {2018, 0, 1, false}, {1234567, 2, 4, true}} {
		f.Add(seed.mant, seed.frac, seed.locale, seed.group)
	}
	locales := []string{"es", "es-MX", "fr", "de-CH", "hi", "en"}
	en := langFor(language.English)
	f.Fuzz(func(t *testing.T, mant uint64, frac uint8, loc uint8, group bool) {
		mant %= 1_000_000_000_000
		fr := int(frac % 7)
		l := langFor(language.MustParse(locales[int(loc)%len(locales)]))
		for _, c := range numberConvs(l, en) {
			text := format(mant, fr, c, group)
			in := &unitText{}
			in.parse("a " + text + " b")
			var s numScanner
			s.scan(in, l, numberConvs(l, en), true)
			want := makeDecimal([]byte(strconv.FormatUint(mant, 10)), fr, false)
			require.Len(t, s.toks, 1, "%q (%+v) should be one number", text, c)
			assert.True(t, s.toks[0].has(want), "%q (%+v) should read as %s, got %v", text, c, want, s.toks[0].vals[:s.toks[0].n])
		}
	})
}

// FuzzNumberScan scans any text: numbers come out in order, within the
// text, each starting with a digit and readable or kept verbatim.
func FuzzNumberScan(f *testing.F) {
	for _, s := range []string{"entre 60 y 80 % de 2.5 mil millones", "9,758 cases, 11,333 during 2010[^8]", "1.2.3 y 2 000 y 3 100-metros", "١٬٢٣٤٫٥", "-5 y (−3)"} {
		f.Add(s)
	}
	l := langFor(language.Spanish)
	convs := numberConvs(l, langFor(language.English))
	f.Fuzz(func(t *testing.T, text string) {
		in := &unitText{}
		in.parse(text)
		var s numScanner
		s.scan(in, l, convs, true)
		last := 0
		for _, tok := range s.toks {
			require.True(t, tok.start >= last && tok.start < tok.digitsEnd && tok.digitsEnd <= tok.end && tok.end <= len(text), "%+v after %d in %q", tok, last, text)
			r := []rune(text[tok.start:tok.digitsEnd])[0]
			require.True(t, isDigitRune(r), "number %q starts with %q", text[tok.start:tok.end], r)
			require.True(t, tok.verbatim || tok.n > 0)
			last = tok.digitsEnd
		}
	})
}

func TestDecimalString(t *testing.T) {
	for _, tc := range []struct {
		digits string
		frac   int
		want   string
	}{{"25", 1, "2.5"}, {"2500", 0, "2500"}, {"0005", 3, "0.005"}, {"000", 0, "0"}, {"12345678901234567890123", 2, "123456789012345678901.23"}} {
		assert.Equal(t, tc.want, makeDecimal([]byte(tc.digits), tc.frac, false).String(), fmt.Sprint(tc))
	}
	assert.Equal(t, makeDecimal([]byte("25"), 1, false).scaled(9), makeDecimal([]byte("2500"), 0, false).scaled(6), "2.5 billion is 2500 million")
}

func TestNumbersSegmentKinds(t *testing.T) {
	// A date unit compares like any other: "May 23, 2018" and "23 de mayo
	// de 2018" hold the same numbers.
	e := newEntry(segment.Date, "May 23, 2018", "23 de mayo de 2018", language.Spanish)
	assert.Empty(t, checkNumbers(e))
}

// TestNumbersMany covers texts with so many numbers that matching goes
// through maps: the result must be what pairwise matching gives.
func TestNumbersMany(t *testing.T) {
	var src, dst []string
	for i := 1; i <= 40; i++ {
		src = append(src, fmt.Sprintf("%d,000", i))
		if i != 17 {
			dst = append([]string{fmt.Sprintf("%d.000", i)}, dst...)
		}
	}
	dst = append(dst, "1999")
	e := newEntry(segment.Paragraph, strings.Join(src, " y "), strings.Join(dst, " y "), language.Spanish)
	require.Greater(t, 40*40, smallMatch)
	assert.Equal(t, "the English has “17,000” where the translation has “1999”; the values must match (separators may follow the locale)", checkNumbers(e))
}
