package locale

import "golang.org/x/text/language"

// rtlScripts are the scripts written right to left.
var rtlScripts = map[string]bool{"Arab": true, "Aran": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true, "Adlm": true,
	"Rohg": true, "Mand": true, "Samr": true, "Yezi": true, "Mend": true, "Phnx": true, "Hung": true}

// RightToLeft reports whether tag's language is written right to left:
// its script, as tag names it or as CLDR's likely subtags give it (Arab
// for ar, fa and ur; Hebr for he and yi), is one. A tag whose script
// cannot be told (und, a private use tag) is left to right.
func RightToLeft(tag language.Tag) bool {
	s, conf := tag.Script()
	return conf != language.No && rtlScripts[s.String()]
}
