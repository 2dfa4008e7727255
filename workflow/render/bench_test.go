package render

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

const benchText = "Nemicas Pami 89,369 niños a federal abusos programa audiencia modelos comisión. Política preocupación programa familias creciente periodistas violencia registro bases contrato Belbelsa tecnología. Lamine Pamita mes Netimor sin [acceso](https://example.org/83295) audiencia fueron humano acceso región. Programa creciente política cooperación modelos Nogune comunidad abusos Pabelquizan tienen contra patrón para fueron o contrato fosas regional federal[^1]."

func BenchmarkParseInline(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		ParseInline(benchText)
	}
}

// benchEdition is an article of n units translated into Spanish.
func benchEdition(b *testing.B, n int) *Edition {
	w, err := fixture.Load("source/article.md", fixture.Article(n), []string{"es"}, fixture.Spanish)
	require.NoError(b, err)
	return NewEdition(w, w.Docs[0])
}

func BenchmarkNewEdition(b *testing.B) {
	w, err := fixture.Load("source/article.md", fixture.Article(2000), []string{"es"}, fixture.Spanish)
	require.NoError(b, err)
	b.ResetTimer()
	for b.Loop() {
		NewEdition(w, w.Docs[0])
	}
}

func benchRenderer(b *testing.B, r Renderer) {
	ed := benchEdition(b, 2000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(ed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBilingualHTML(b *testing.B)   { benchRenderer(b, BilingualHTML{Paper: A4}) }
func BenchmarkMonolingualHTML(b *testing.B) { benchRenderer(b, MonolingualHTML{Paper: A4}) }
func BenchmarkMarkdown(b *testing.B)        { benchRenderer(b, Markdown{}) }

// BenchmarkHostile makes the edition of a project whose one unit is a
// megabyte of a hostile pattern and renders it, for each of
// fixture.Hostile and each text renderer: what `bitext render` does with
// such a translation. TestHostileLinear holds the cost to linear.
func BenchmarkHostile(b *testing.B) {
	const size = 1 << 20
	for _, h := range fixture.Hostile {
		w, err := fixture.OneUnit(fixture.Repeat(h.Pattern, size))
		require.NoError(b, err)
		for _, r := range []struct {
			name string
			r    Renderer
		}{{"bilingual", BilingualHTML{Paper: A4}}, {"html", MonolingualHTML{Paper: A4}}, {"md", Markdown{}}} {
			b.Run(h.Name+"/"+r.name, func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := r.r.Render(NewEdition(w, w.Docs[0])); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
