package check

import (
	"strings"
	"testing"
)

func TestMarkup(t *testing.T) {
	runTable(t, checkMarkup, []checkCase{
		{name: "emphasis kept", src: "a *key* test", dst: "una prueba *clave*"},
		{name: "emphasis with underscores", src: "a *key* test", dst: "una prueba _clave_"},
		{name: "strong kept", src: "**Note:** this", dst: "**Nota:** esto"},
		{name: "code span kept", src: "run `bitext update` now", dst: "ejecute `bitext update` ahora"},
		{name: "asterisk in code", src: "use `a*b`", dst: "use `a*b`"},
		{name: "intraword underscores", src: "see Final_Preliminary_ITC_Verdict", dst: "véase Final_Preliminary_ITC_Verdict"},
		{name: "URL with underscores", src: "http://x.org/IACHR_PFS_Petition.pdf", dst: "http://x.org/IACHR_PFS_Petition.pdf"},
		{name: "lone asterisk", src: "5 * 3", dst: "5 * 3"},
		{name: "brackets that are no link", src: "McAllen [Tex.]", dst: "McAllen [Texas]"},
		{name: "link kept", src: "[a](https://x.org)", dst: "[b](https://x.org)"},
		{name: "emphasis unclosed", src: "a *key* test", dst: "una prueba *clave", want: "not closed or opened"},
		{name: "emphasis dropped", src: "a *key* test", dst: "una prueba clave", want: "emphasis (*…* or _…_): 1 in the English, 0 in the translation"},
		{name: "emphasis became strong", src: "a *key* test", dst: "una prueba **clave**", want: "strong emphasis (**…**): 0 in the English, 1 in the translation"},
		{name: "code span unclosed", src: "run `bitext update` now", dst: "ejecute `bitext update ahora", want: "never closed"},
		{name: "link dropped", src: "see [the report](https://x.org)", dst: "véase el informe https://x.org", want: "links: 1 in the English, 0 in the translation"},
		{name: "image became link", src: "![logo](https://x.org/l.png)", dst: "[logo](https://x.org/l.png)", want: "images: 1 in the English, 0 in the translation"},
		{name: "strikethrough unclosed", src: "~~old~~ new", dst: "~~viejo nuevo", want: "strikethrough"},
		// Every edition draws strikethrough now: one dropped or added
		// changes what the reader is told is no longer so.
		{name: "strikethrough kept", src: "~~old~~ new", dst: "~~viejo~~ nuevo"},
		{name: "strikethrough with one tilde", src: "~~old~~ new", dst: "~viejo~ nuevo"},
		{name: "strikethrough dropped", src: "~~old~~ new", dst: "viejo nuevo", want: "strikethrough (~~…~~): 1 in the English, 0 in the translation"},
		{name: "strikethrough added", src: "old new", dst: "~~viejo~~ nuevo", want: "strikethrough (~~…~~): 0 in the English, 1 in the translation"},
		{name: "strikethrough became emphasis", src: "~~old~~ new", dst: "*viejo* nuevo", want: "strikethrough (~~…~~): 1 in the English, 0 in the translation"},
		{name: "three tildes are text", src: "~~~old~~~ new", dst: "~~~viejo~~~ nuevo"},
		{name: "raw HTML added", src: "a test", dst: `una <img src=x onerror="alert(1)"> prueba`, want: "raw HTML <img"},
		{name: "raw HTML kept", src: "H<sub>2</sub>O", dst: "H<sub>2</sub>O"},
		// The case: emphasis may not cross a link's brackets, and
		// every edition prints these underscores.
		{name: "italics added for a title", src: "our report, Sealing the Border, shows", dst: "nuestro informe *Sealing the Border* («Sellar la frontera») muestra"},
		{name: "italics added, unclosed", src: "our report, Sealing the Border, shows", dst: "nuestro informe *Sealing the Border muestra", want: "not closed or opened"},
		{name: "emphasis across a link", src: "The _report_ [says 80](https://x.org) …", dst: "El _informe [dice 80_](https://x.org) …", want: "emphasis (*…* or _…_): 1 in the English, 0 in the translation"},
		{name: "emphasis inside a link", src: "The _report_ [says 80](https://x.org) …", dst: "El [_informe_ dice 80](https://x.org) …"},
		{name: "too much markup to read", src: "a test", dst: strings.Repeat("*a* ", 600), want: "not read as Markdown: the text has 1,200 Markdown marks"},
	})
}
