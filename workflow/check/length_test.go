package check

import (
	"strings"
	"testing"

	"github.com/hopeborder/bitext/workflow/segment"
)

func TestLength(t *testing.T) {
	const en = "These longstanding trends are particularly troubling in light of efforts currently underway."
	const es = "Estas tendencias de larga data resultan especialmente preocupantes a la luz de las gestiones en curso."
	runTable(t, checkLength, []checkCase{
		{name: "usual ratio", src: en, dst: es},
		{name: "short heading", src: "Resources", dst: "Referencias y otras fuentes consultadas", kind: segment.Heading},
		{name: "short note", src: "(id.)", dst: "(íd.)", kind: segment.Note},
		{name: "URLs do not count", src: "see https://x.org/" + strings.Repeat("a", 300), dst: "véase también en https://x.org/" + strings.Repeat("a", 300), kind: segment.Note},
		{name: "date", src: "May 23, 2018", dst: "miércoles 23 de mayo de 2018, en la Ciudad de México", kind: segment.Date},
		{name: "sentence left out", src: en + " " + en, dst: "Estas tendencias preocupan.", want: "shorter than the usual 0.6–2.0 for a paragraph"},
		{name: "sentence doubled", src: en, dst: es + " " + es + " " + es, want: "longer than the usual 0.6–2.0"},
		{name: "title far too long", src: "The U.S., Mexico and the Persecution of Migrants", dst: strings.Repeat("Estados Unidos, México y la persecución ", 4), kind: segment.Title, want: "for a title"},
		{name: "Chinese runs shorter", src: en, dst: "这些长期趋势在当前努力中尤其令人不安。", locale: "zh"},
	})
}
