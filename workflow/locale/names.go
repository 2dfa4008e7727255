package locale

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Name returns how bitext names a locale to its users: the language in
// English and in itself, "Spanish (español)", or just "English".
func Name(tag language.Tag) string {
	en := display.English.Tags().Name(tag)
	self := display.Self.Name(tag)
	if en == "" {
		en = tag.String()
	}
	if self == "" || self == en {
		return en
	}
	return en + " (" + self + ")"
}

// Parse reads a locale tag from configuration or the command line. Unlike
// language.Make it fails on a tag that is not well-formed BCP 47.
func Parse(s string) (language.Tag, error) {
	return language.Parse(s)
}
