// Package locale holds what bitext knows about languages beyond
// golang.org/x/text: long date formats from CLDR, and the names it shows for
// a locale.
//
//	s, _ := locale.LongDate(language.Spanish, "2018-05-23") // "23 de mayo de 2018"
package locale
