package check

import "testing"

func TestSpacing(t *testing.T) {
	runTable(t, checkSpacing, []checkCase{
		{name: "single spaces", src: "a b c", dst: "a b c"},
		{name: "no-break space before percent", src: "80% of", dst: "80\u00a0% de"},
		{name: "line break in a multi-line string", src: "a long line", dst: "una línea\nlarga"},
		{name: "spaces in code", src: "run `a  b`", dst: "ejecute `a  b`"},
		{name: "double space", src: "record numbers of", dst: "un número  récord", want: "double space after “número”"},
		{name: "trailing space", src: "Resources", dst: "Referencias ", want: "ends with white space"},
		{name: "leading space", src: "Resources", dst: " Referencias", want: "starts with white space"},
		{name: "tab and space", src: "a b", dst: "a \tb", want: "double space"},
	})
}
