package check

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hopeborder/bitext/workflow/segment"
)

func TestHTMLTags(t *testing.T) {
	runTable(t, checkHTMLTags, []checkCase{
		{name: "text translated", kind: segment.HTML, src: `<div class="note"><p>Read <b>this</b>.</p></div>`, dst: `<div class="note"><p>Lea <b>esto</b>.</p></div>`},
		{name: "alt and title translated", kind: segment.HTML, src: `<img src="a.png" alt="A map" title="Map">`, dst: `<img title="Mapa" alt="Un mapa" src="a.png">`},
		{name: "tags reordered", kind: segment.HTML, src: `<p><i>a</i> <b>b</b></p>`, dst: `<p><b>b</b> <i>a</i></p>`},
		{name: "not an HTML block", src: "<b>x</b>", dst: "x"},
		{name: "tag lost", kind: segment.HTML, src: `<p>Read <b>this</b>.</p>`, dst: `<p>Lea esto.</p>`, want: "HTML tag <b> </b> of the English is missing or changed"},
		{name: "attribute changed", kind: segment.HTML, src: `<a href="/a">x</a>`, dst: `<a href="https://evil.example">x</a>`, want: `HTML tag <a href="/a"> of the English is missing or changed`},
		{name: "script added", kind: segment.HTML, src: `<p>x</p>`, dst: `<p>x</p><script>alert(1)</script>`, want: "HTML tag <script> </script> is not in the English"},
		{name: "handler added", kind: segment.HTML, src: `<p>x</p>`, dst: `<p onclick="steal()">x</p>`, want: "is not in the English"},
	})
}

// TestHTMLTagsCapped: a translation of a million tags is read only to
// the cap.
func TestHTMLTagsCapped(t *testing.T) {
	tags := htmlTags(strings.Repeat("<b>", 1_000_000))
	assert.Len(t, tags, maxHTMLTags)
}

// TestLengthNewKinds: cells, fields and HTML blocks have length bounds
// like every other kind of prose.
func TestLengthNewKinds(t *testing.T) {
	for _, k := range []segment.Kind{segment.Cell, segment.Field, segment.HTML} {
		_, ok := lengthBounds[k]
		assert.True(t, ok, "%s has length bounds", k)
	}
	runTable(t, checkLength, []checkCase{
		{name: "cell", kind: segment.Cell, src: "List all new or modified files", dst: "Lista todos los archivos nuevos o modificados"},
		{name: "cell left short", kind: segment.Cell, src: "Show file differences that haven't been staged", dst: "Diferencias", want: "shorter than the usual"},
	})
}
