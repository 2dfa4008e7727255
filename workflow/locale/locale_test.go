package locale

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func TestLongDate(t *testing.T) {
	tests := []struct{ tag, iso, want string }{
		{"en", "2018-05-23", "May 23, 2018"},
		{"en-US", "2018-12-01", "December 1, 2018"},
		{"es", "2018-05-23", "23 de mayo de 2018"},
		{"es-MX", "2018-07-01", "1 de julio de 2018"},
		{"fr", "2018-05-23", "23 mai 2018"},
		{"de", "2018-03-09", "9. März 2018"},
		{"pt-BR", "2018-05-23", "23 de maio de 2018"},
		{"ja", "2018-05-23", "2018年5月23日"},
		{"zh-TW", "2018-05-23", "2018年5月23日"},
		{"ar", "2018-05-23", "٢٣ مايو ٢٠١٨"},
		{"ar-MA", "2018-05-23", "23 ماي 2018"},
		{"fa", "2018-05-23", "۲۳ مهٔ ۲۰۱۸"},
		{"hi", "2018-05-23", "23 मई 2018"},
		{"ru", "2018-05-23", "23 мая 2018 г."},
		{"sr", "2018-05-23", "23. мај 2018."},
		{"sr-Latn", "2018-05-23", "23. maj 2018."},
		{"th", "2018-05-23", "23 พฤษภาคม ค.ศ. 2018"},
		{"eu", "2018-05-23", "2018(e)ko maiatzakren 23(a)"},
		{"de", "2018-05-23", "23. Mai 2018"},
		{"es", "2018-02-30", ""},
		{"nah", "2018-05-23", ""},
		{"x-private", "2018-05-23", ""},
	}
	for _, tc := range tests {
		got, ok := LongDate(language.MustParse(tc.tag), tc.iso)
		assert.Equal(t, tc.want != "", ok, tc.tag+" "+tc.iso)
		assert.Equal(t, tc.want, got, tc.tag+" "+tc.iso)
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		tag             string
		name, autonym   string
		inSpanish, inEn string // the tag named in Spanish, English in the tag
	}{
		{"es", "Spanish (español)", "Español", "español", "inglés"},
		{"en", "English", "English", "inglés", "English"},
		{"fr", "French (français)", "Français", "francés", "anglais"},
		{"es-MX", "Mexican Spanish (español de México)", "Español de México", "español de México", "inglés"},
		// No CLDR names in x/text: the English name, else the tag.
		{"nv", "Navajo", "Navajo", "navajo", "English"},
		{"nah", "nah", "nah", "nah", "English"},
		{"yua", "yua", "yua", "yua", "English"},
		{"qaa", "qaa", "qaa", "qaa", "English"},
		{"x-private", "x-private", "x-private", "x-private", "English"},
		{"art-lojban", "Lojban", "Lojban", "lojban", "English"},
	}
	for _, tc := range tests {
		t.Run(tc.tag, func(t *testing.T) {
			tag := language.MustParse(tc.tag)
			assert.Equal(t, tc.name, Name(tag))
			assert.Equal(t, tc.autonym, Autonym(tag))
			assert.Equal(t, tc.inSpanish, NameIn(language.Spanish, tag))
			assert.Equal(t, tc.inEn, NameIn(tag, language.English))
		})
	}
}

// TestNamesEveryTag checks, for every language subtag of two or three
// letters that x/text parses (alone, with a script and region, and with a
// private use part), that each name bitext makes of it, in it and from
// it is a name: not empty, valid UTF-8, without control characters.
func TestNamesEveryTag(t *testing.T) {
	n := 0
	forEveryTag(func(tag language.Tag) {
		n++
		for _, s := range []string{Name(tag), Autonym(tag), NameIn(tag, language.English), NameIn(language.English, tag), NameIn(tag, language.Spanish), NameIn(tag, tag)} {
			checkName(t, tag, s)
		}
	})
	assert.Greater(t, n, 2000, "tags tried")
}

func forEveryTag(f func(language.Tag)) {
	letters := "abcdefghijklmnopqrstuvwxyz"
	try := func(s string) {
		if tag, err := language.Parse(s); err == nil {
			f(tag)
		}
	}
	for _, a := range letters {
		for _, b := range letters {
			try(string([]rune{a, b}))
			for _, c := range letters {
				s := string([]rune{a, b, c})
				try(s)
				if c == 'a' || c == 'h' {
					try(s + "-Latn-MX")
					try(s + "-x-bitext")
				}
			}
		}
	}
	for _, s := range []string{"x-private", "und", "i-klingon", "zh-min-nan", "sgn-BE-FR", "en-US-u-ca-buddhist"} {
		try(s)
	}
}

func checkName(t *testing.T, tag language.Tag, s string) {
	t.Helper()
	if strings.TrimSpace(s) == "" || !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0 {
		t.Errorf("%s: name %q", tag, s)
	}
}

// FuzzNames checks that any tag x/text parses gets names, whatever
// CLDR has for it.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"es", "nah", "yua-MX", "x-private", "qaa", "i-klingon", "en-US-u-ca-buddhist", "zh-Hant-TW"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tag, err := language.Parse(s)
		if err != nil {
			return
		}
		for _, name := range []string{Name(tag), Autonym(tag), NameIn(tag, language.English), NameIn(language.English, tag), NameIn(tag, tag)} {
			checkName(t, tag, name)
		}
	})
}

func TestRightToLeft(t *testing.T) {
	for tag, want := range map[string]bool{
		"ar": true, "he": true, "fa": true, "ur": true, "yi": true, "ar-EG": true, "ps": true, "dv": true,
		"en": false, "es": false, "ja": false, "nah": false, "az-Arab": true, "az": false, "x-private": false, "und": false,
	} {
		assert.Equal(t, want, RightToLeft(language.Make(tag)), tag)
	}
}
