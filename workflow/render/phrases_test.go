package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// unnamedLocales are tags x/text parses but has no CLDR display names
// for, in any language or in themselves: languages border organizations
// translate into (Nahuatl, Yucatec Maya, Navajo), private-use ones, and
// tags x/text rewrites.
var unnamedLocales = []string{"nah", "yua", "nv", "qaa", "qtz", "x-private", "nah-MX", "yua-Latn-MX", "art-lojban", "zh-min-nan", "i-klingon", "tlh", "es-x-maya"}

// TestLocalesWithoutNames renders an incomplete translation into each of
// unnamedLocales with every text renderer: the progress note, marks and
// labels are written, in English where bitext has no phrases of the
// language, naming the source language in the language of the phrases.
func TestLocalesWithoutNames(t *testing.T) {
	for _, tag := range unnamedLocales {
		t.Run(tag, func(t *testing.T) {
			w, err := fixture.Load("source/a.md", fixture.Article(6), []string{tag}, func(_ string, u *segment.Unit) (string, bool) {
				if u.Kind == segment.Paragraph {
					return "", false // still to translate
				}
				return "[" + tag + "] " + u.Text, false
			})
			require.NoError(t, err)
			ed := NewEdition(w, w.Docs[0])
			require.False(t, ed.Langs[1].Complete())
			out := map[string]string{}
			for _, r := range renderers {
				files, err := r.Render(ed)
				require.NoError(t, err)
				for _, f := range files {
					out[f.Name] = string(f.Data)
				}
			}
			name := ed.Langs[1].Tag.String()
			p := PhrasesFor(ed.Langs[1].Tag)
			progress := p.Progress(ed.Langs[1], ed.Langs[0].Tag)
			if _, ok := phrases[baseOf(ed.Langs[1].Tag)]; !ok {
				assert.Contains(t, progress, "show the English original", "English phrases name the source in English")
			}
			assert.Contains(t, out["a.en-"+name+".html"], escapeHTML(progress))
			assert.Contains(t, out["a."+name+".html"], escapeHTML(progress))
			assert.Contains(t, out["a."+name+".md"], progress)
			assert.NotEmpty(t, locale.Autonym(ed.Langs[1].Tag))
		})
	}
}

func baseOf(tag language.Tag) string {
	b, _ := tag.Base()
	return b.String()
}

func escapeHTML(s string) string {
	h := &htmlWriter{}
	h.escapeText(s)
	return h.String()
}

// TestPhrasesEveryTag is the property behind TestLocalesWithoutNames
// over many tags: for every language x/text knows, alone and with a
// script, a region and a private use part, the phrases of an edition
// into it and out of it are whole sentences, whatever CLDR has.
func TestPhrasesEveryTag(t *testing.T) {
	tags := manyTags(t)
	require.Greater(t, len(tags), 2000)
	half := Lang{Translated: 1, Untranslated: 1}
	for _, tag := range tags {
		for _, pair := range [][2]language.Tag{{tag, language.English}, {language.Spanish, tag}, {tag, tag}} {
			target, source := pair[0], pair[1]
			got := PhrasesFor(target).Progress(half, source)
			assert.NotContains(t, got, "{", "%s from %s: a placeholder is left: %s", target, source, got)
			assert.NotContains(t, got, "  ", "%s from %s: a name is missing: %s", target, source, got)
		}
		assert.NotEmpty(t, strings.TrimSpace(locale.Autonym(tag)), tag.String())
		assert.NotEmpty(t, strings.TrimSpace(locale.NameIn(tag, language.English)), tag.String())
	}
}

// manyTags returns every language subtag of two or three letters that
// x/text parses, and variants of some with a script, region and private
// use subtag.
func manyTags(t *testing.T) []language.Tag {
	var tags []language.Tag
	letters := "abcdefghijklmnopqrstuvwxyz"
	add := func(s string) {
		if tag, err := language.Parse(s); err == nil {
			tags = append(tags, tag)
		}
	}
	for _, a := range letters {
		for _, b := range letters {
			add(string([]rune{a, b}))
			for _, c := range letters {
				s := string([]rune{a, b, c})
				add(s)
				if c == 'a' {
					add(s + "-Latn-MX")
					add(s + "-x-bitext")
				}
			}
		}
	}
	t.Logf("%d tags", len(tags))
	return tags
}

// TestProgressReviewed: a locale that keeps review records says how much
// is reviewed, complete or not; a complete one all reviewed says nothing.
func TestProgressReviewed(t *testing.T) {
	es := PhrasesFor(language.Spanish)
	l := Lang{Tag: language.Spanish, Translated: 45, Reviewing: true, Reviewed: 30}
	assert.True(t, l.ShowProgress())
	assert.Equal(t, "30 de 45 pasajes están revisados.", es.Progress(l, language.English))
	l.Translated, l.Stale = 43, 2
	assert.Equal(t, "Esta traducción está completa al 95,5\u00a0%: 43 de 45 pasajes. Los pasajes marcados «aún sin traducir» o «traducción desactualizada» muestran el original en inglés. 30 de 45 pasajes están revisados.", es.Progress(l, language.English))
	l = Lang{Tag: language.Spanish, Translated: 45, Reviewing: true, Reviewed: 45}
	assert.False(t, l.ShowProgress(), "complete and all reviewed")
	l.Reviewing, l.Reviewed = false, 0
	assert.False(t, l.ShowProgress(), "complete, no review records")
	for lang := range phrases {
		assert.Contains(t, phrases[lang].reviewed, "{n}", lang)
	}
}
