package render_test

import (
	"fmt"

	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

func ExampleParseInline() {
	for _, s := range render.ParseInline(`See *the report*[^3] at https://example.org/r.pdf; <script>x</script> [y](javascript:z)`) {
		fmt.Printf("%s %q %q\n", s.Kind, s.Text+render.PlainText(s.Children), s.URL+s.Label)
	}
	// Output:
	// text "See " ""
	// emph "the report" ""
	// noteref "" "3"
	// text " at " ""
	// link "https://example.org/r.pdf" "https://example.org/r.pdf"
	// text "; <script>x</script> y" ""
}

func ExampleBilingualHTML() {
	w, err := fixture.Load("source/article.md", fixture.Article(3), []string{"es", "fr"}, fixture.Spanish)
	if err != nil {
		panic(err)
	}
	ed := render.NewEdition(w, w.Docs[0])
	files, err := render.BilingualHTML{Paper: render.A4}.Render(ed)
	if err != nil {
		panic(err)
	}
	for _, f := range files {
		fmt.Println(f.Name)
	}
	// Output:
	// article.en-es.html
	// article.en-fr.html
}
