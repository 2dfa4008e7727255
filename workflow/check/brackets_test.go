package check

import "testing"

func TestBrackets(t *testing.T) {
	runTable(t, checkBrackets, []checkCase{
		{name: "English quotes become guillemets", src: `“governance”`, dst: `«gobernanza»`},
		{name: "straight quotes become curly", src: `"safe"`, dst: `“segura”`},
		{name: "nested", src: `(“kidnappings”)`, dst: `(«secuestros»)`},
		{name: "apostrophes", src: "Mexico’s role", dst: "l’état d’urgence"},
		{name: "square brackets", src: "McAllen [Tex.]", dst: "McAllen [Texas]"},
		{name: "link and note reference", src: "[a](https://x.org/Foo_(b)) and[^1]", dst: "[b](https://x.org/Foo_(b)) y[^1]"},
		{name: "English itself unbalanced", src: "a) first, b) second", dst: "a) primero, b) segundo"},
		{name: "quotation running on", src: "“He said the first part.", dst: "«Dijo la primera parte."},
		{name: "unclosed parenthesis", src: "the massacre (Tamaulipas) in 2010", dst: "la masacre (Tamaulipas en 2010", want: "( in “la masacre (Tamaulipas en 2010” is never closed"},
		{name: "unclosed guillemet", src: `“crimes against humanity”`, dst: `«crímenes de lesa humanidad`, want: "« in"},
		{name: "crossed", src: `(“a”)`, dst: `(«a)»`, want: ") in “(«a)»” closes the « opened before it"},
		{name: "stray closer", src: "a b", dst: "a b)", want: "closes nothing"},
		{name: "odd straight quotes", src: `"a" b`, dst: `"a b`, want: `" in`},
	})
}
