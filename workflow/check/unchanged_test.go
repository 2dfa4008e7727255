package check

import (
	"testing"

	"github.com/hopeborder/bitext/workflow/segment"
)

func TestUnchanged(t *testing.T) {
	runTable(t, checkUnchanged, []checkCase{
		{name: "translated", src: "Resources", dst: "Referencias", kind: segment.Heading},
		{name: "citation", src: "(id.)", dst: "(id.)", kind: segment.Note},
		{name: "name and citation", src: "Proceso 2166, id.", dst: "Proceso 2166, id.", kind: segment.Note},
		{name: "URLs only", src: "https://x.org/a; http://y.org/b", dst: "https://x.org/a; http://y.org/b", kind: segment.Note},
		{name: "numbers", src: "2014-2017", dst: "2014-2017", kind: segment.Attribution},
		{name: "names", src: "Andrés Manuel López Obrador", dst: "Andrés Manuel López Obrador", kind: segment.Attribution},
		{name: "page citation", src: "http://x.org/a.pdf, p. 26-27", dst: "http://x.org/a.pdf, p. 26-27", kind: segment.Note},
		{name: "date translated", src: "May 23, 2018", dst: "23 de mayo de 2018", kind: segment.Date},
		{name: "date left in English", src: "May 23, 2018", dst: "May 23, 2018", kind: segment.Date, want: "unchanged"},
		{name: "heading left in English", src: "Resources", dst: "Resources", kind: segment.Heading, want: "unchanged"},
		{name: "paragraph left in English", src: "Mexico faces a potentially historic election.", dst: "Mexico faces a potentially historic election.", want: "unchanged"},
		{name: "note with words left in English", src: "For an overview, see: https://x.org/a", dst: "For an overview, see: https://x.org/a", kind: segment.Note, want: "unchanged"},
		{name: "white space around does not count", src: "Mexico faces an election.", dst: " Mexico faces an election. ", want: "unchanged"},
	})
}
