package locale

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Name returns how bitext names a locale to its users: the language in
// English and in itself, "Spanish (español)", or just "English".
func Name(tag language.Tag) string {
	en := NameIn(language.English, tag)
	self := nameIn(tag, tag)
	if self == "" || self == en {
		return en
	}
	return en + " (" + self + ")"
}

// NameIn names lang in language in, as CLDR writes it inside a sentence
// ("inglés" for English in Spanish). CLDR names few languages in, say,
// Nahuatl or Yucatec Maya, and x/text has no namer at all for those: then
// the English name serves, and where CLDR has none either (private use
// tags, "qaa", "nah"), the tag itself. It never returns "".
func NameIn(in, lang language.Tag) string {
	if n := nameIn(in, lang); n != "" {
		return n
	}
	if n := nameIn(language.English, lang); n != "" {
		return n
	}
	return lang.String()
}

// nameIn is CLDR's name of lang in language in, or "". x/text's namer
// for a language it has no data for is nil, and a tag it cannot place
// (x-private, und) it names "Unknown language": neither is a name.
func nameIn(in, lang language.Tag) string {
	if _, c := lang.Base(); c == language.No {
		return ""
	}
	if lang == language.Und {
		return ""
	}
	if in == lang {
		return display.Self.Name(lang)
	}
	namer := display.Tags(in)
	if namer == nil {
		return ""
	}
	return namer.Name(lang)
}

// Autonym names lang in itself, capitalized as a label: "Español". Where
// CLDR has no such name it falls back as NameIn does, to the English name
// ("Navajo") or, as it is, the tag ("nah").
func Autonym(lang language.Tag) string {
	n := nameIn(lang, lang)
	if n == "" {
		n = nameIn(language.English, lang)
	}
	if n == "" {
		return lang.String()
	}
	r, size := utf8.DecodeRuneInString(n)
	return strings.ToUpper(string(r)) + n[size:]
}

// Parse reads a locale tag from configuration or the command line. Unlike
// language.Make it fails on a tag that is not well-formed BCP 47.
func Parse(s string) (language.Tag, error) {
	return language.Parse(s)
}
