package check

import "testing"

func TestNotes(t *testing.T) {
	runTable(t, checkNotes, []checkCase{
		{name: "moved inside the sentence", src: "during the last four years.[^3]", dst: "durante los últimos cuatro años[^3]."},
		{name: "several", src: "asserted[^2] failure[^3]", dst: "señaló[^2] que[^3]"},
		{name: "reordered", src: "a[^1] b[^2]", dst: "b[^2] a[^1]"},
		{name: "none", src: "no notes here", dst: "sin notas"},
		{name: "missing", src: "women.[^5] Also", dst: "mujeres. También", want: "[^5] of the English is missing"},
		{name: "renumbered", src: "cases.[^8]", dst: "casos[^9].", want: "[^8] of the English is missing; note reference [^9] is not in the English"},
		{name: "doubled", src: "cases[^8]", dst: "casos[^8] y[^8]", want: "[^8] is not in the English"},
		{name: "not a reference", src: "a [^ b] c", dst: "a [^ b] c"},
	})
}
