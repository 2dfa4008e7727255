package render

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

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
			if p.Lang() == language.English {
				assert.Contains(t, progress, "show the English original", "English phrases name the source in English")
			}
			assert.Contains(t, out["a.en-"+name+".html"], escapeHTML(progress))
			assert.Contains(t, out["a."+name+".html"], escapeHTML(progress))
			assert.Contains(t, out["a."+name+".md"], progress)
			assert.NotEmpty(t, locale.Autonym(ed.Langs[1].Tag))
		})
	}
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

// TestPhrasesFromMessageFiles reads each of bitext's phrase files with a
// bundle of go-i18n's own and checks that the editions' phrases are its
// messages, every one of them, for each language.
func TestPhrasesFromMessageFiles(t *testing.T) {
	names, err := builtinPhrases.ReadDir("phrases")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(names), 7)
	for _, n := range names {
		t.Run(n.Name(), func(t *testing.T) {
			data, err := builtinPhrases.ReadFile("phrases/" + n.Name())
			require.NoError(t, err)
			b := i18n.NewBundle(language.English)
			b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
			mf, err := b.ParseMessageFileBytes(data, n.Name())
			require.NoError(t, err)
			ids := map[string]*i18n.Message{}
			for _, m := range mf.Messages {
				ids[m.ID] = m
			}
			for _, id := range phraseIDs {
				assert.Contains(t, ids, id, "every language has every phrase")
			}
			assert.Len(t, ids, len(phraseIDs), "no phrase bitext does not use")
			p := PhrasesFor(mf.Tag)
			require.Equal(t, mf.Tag, p.Lang(), "the language's own phrases are used")
			for id, got := range map[string]string{"Notes": p.Notes, "Untranslated": p.Untranslated, "Stale": p.Stale, "Note": p.Note, "Back": p.Back,
				"Show": p.Show, "Both": p.Both, "Editions": p.Editions, "SideBySide": p.SideBySide, "Articles": p.Articles, "ArchiveIntro": p.ArchiveIntro,
				"Article": p.Article, "Date": p.Date, "Translated": p.Translated, "OtherLanguages": p.OtherLanguages} {
				assert.Equal(t, ids[id].Other, got, id)
			}
			pct := p.Percent(42.5)
			assert.Equal(t, strings.Replace(ids["Percent"].Other, "{{.N}}", message.NewPrinter(mf.Tag).Sprint(number.Decimal(42.5)), 1), pct)
			progress := p.Progress(Lang{Translated: 17, Untranslated: 23}, language.English)
			// The counts in the language's digits, as the percentage.
			digits := message.NewPrinter(mf.Tag)
			want := strings.NewReplacer("{{.Percent}}", p.Percent(42.5), "{{.Done}}", digits.Sprint(number.Decimal(17)), "{{.Total}}", digits.Sprint(number.Decimal(40)),
				"{{.Source}}", locale.NameIn(mf.Tag, language.English)).Replace(ids["Progress"].Other)
			assert.Equal(t, want, progress)
			if mf.Tag == language.Arabic {
				assert.Contains(t, progress, "١٧ من ٤٠", "Arabic-Indic digits throughout, never mixed with 17")
			}
		})
	}
}

// TestPhrasesWholeLanguage loads publishers' phrase files and checks that
// a language gets its phrases whole or not at all: a file that lacks a
// message, or whose banner does not fill in, makes the language fall
// back as a whole to the nearest complete one (es for es-MX, else
// English), with a warning naming the file, and never mixes languages in
// a sentence.
func TestPhrasesWholeLanguage(t *testing.T) {
	nah := `[Notes]
other = "Tlahtolmelahualiztli"
[Untranslated]
other = "ayamo motlahtolcuepa"
[Stale]
other = "ye huehcauh"
[Note]
other = "Tlahtolmelahualiztli"
[Back]
other = "Ximocuepa"
[Show]
other = "Xiquitta"
[Both]
other = "Omextin"
[Editions]
other = "Amoxtli"
[SideBySide]
other = "Ome tlahtolli"
[Articles]
other = "Amoxtli"
[ArchiveIntro]
other = "Amoxtli"
[Article]
other = "Amoxtli"
[Date]
other = "Tonalli"
[Translated]
other = "Motlahtolcuep"
[OtherLanguages]
other = "Occequin tlahtolli"
[Byline]
other = "{{.Names}} oquicuilo"
[TranslatedBy]
other = "{{.Names}} oquitlahtolcuep"
[ReviewedBy]
other = "{{.Names}} oquitlachili"
[PublishedBy]
other = "{{.Names}} oquitemaca"
[FirstPublished]
other = "Achto: {{.Date}}"
[License]
other = "Tlanahuatilli: {{.License}}"
[Percent]
other = "{{.N}} %"
[Reviewed]
other = "{{.N}} ihuan {{.Total}} tlachiyalli"
[Progress]
other = "{{.Percent}}: {{.Done}} / {{.Total}} ({{.Source}})"
`
	tests := []struct {
		name     string
		file     string
		tag      string
		wantLang string
		warn     string
	}{
		{"complete", nah, "nah", "nah", ""},
		{"complete, regional tag", nah, "nah-MX", "nah", ""},
		{"a message missing", strings.Replace(nah, "[Progress]\nother", "[Progres]\nother", 1), "nah", "en", "no complete message Progress"},
		{"a placeholder that does not fill in", strings.Replace(nah, "{{.Done}}", "{{.Hecho}}", 1), "nah", "en", "no complete message Progress"},
		{"a regional file missing a message falls back to its language", "[Notes]\nother = \"Notas al pie\"\n", "es-MX", "es", "no complete message Untranslated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tagPart := strings.SplitN(tc.tag, "-", 2)[0]
			if strings.HasPrefix(tc.name, "a regional") {
				tagPart = tc.tag
			}
			file := "phrases/extra." + tagPart + ".toml"
			b, err := NewPhrasebook(PhraseFile{Path: file, Data: []byte(tc.file)})
			require.NoError(t, err)
			p := b.For(language.MustParse(tc.tag))
			assert.Equal(t, tc.wantLang, p.Lang().String())
			whole := b.phrasesOrFail(t, p.Lang())
			assert.Equal(t, whole, p, "every phrase from one language")
			progress := p.Progress(Lang{Translated: 1, Untranslated: 1}, language.Spanish)
			assert.Contains(t, progress, locale.NameIn(p.Lang(), language.Spanish), "the source named in the phrases' language")
			ws := b.Warnings()
			if tc.warn == "" {
				assert.Empty(t, ws)
				return
			}
			require.Len(t, ws, 1)
			assert.Equal(t, file, ws[0].File)
			assert.Contains(t, ws[0].Msg, tc.warn)
		})
	}
}

// phrasesOrFail returns lang's phrases, which must be complete.
func (b *Phrasebook) phrasesOrFail(t *testing.T, lang language.Tag) Phrases {
	p, problem := b.phrases(lang)
	require.Empty(t, problem)
	return p
}

// TestPhraseFileErrors: a publisher's file bitext cannot use is an error
// that names it.
func TestPhraseFileErrors(t *testing.T) {
	for _, tc := range []struct{ path, data, want string }{
		{"phrases/x.nah.toml", "[Notes\nother = 1", "phrases/x.nah.toml: "},
		{"phrases/x.toml", "", `"x" is no language tag`},
		{"phrases/x.e$.toml", "", `"e$" is no language tag`},
		{"phrases/x.nah.txt", "", "phrases/x.nah.txt: a phrase file is a go-i18n message file"},
		{"phrases/x.nah.yml", "", "name a YAML message file .yaml"},
	} {
		_, err := NewPhrasebook(PhraseFile{Path: tc.path, Data: []byte(tc.data)})
		require.Error(t, err, tc.path)
		assert.Contains(t, err.Error(), tc.want)
	}
}

// FuzzPhrasebook loads any text as a publisher's phrase file: no panic,
// and whatever the file, every language gets whole phrases, no phrase
// empty and no placeholder left in the banner.
func FuzzPhrasebook(f *testing.F) {
	en, err := builtinPhrases.ReadFile("phrases/phrases.en.toml")
	require.NoError(f, err)
	f.Add(string(en), "toml")
	f.Add(`{"Notes": "x", "Progress": "{{.Percent}"}`, "json")
	f.Add("Notes: x\nPercent: '{{.N}}'\n", "yaml")
	f.Fuzz(func(t *testing.T, data, ext string) {
		if ext != "toml" && ext != "json" && ext != "yaml" {
			return
		}
		b, err := NewPhrasebook(PhraseFile{Path: "p/x.fr." + ext, Data: []byte(data)})
		if err != nil {
			return
		}
		for _, tag := range []language.Tag{language.French, language.MustParse("fr-CA"), language.English, language.MustParse("nah")} {
			p := b.For(tag)
			for _, s := range []string{p.Notes, p.Untranslated, p.Stale, p.Note, p.Back, p.Show, p.Both, p.Editions, p.SideBySide, p.Articles, p.ArchiveIntro, p.Article, p.Date, p.Translated, p.OtherLanguages, p.Percent(50), p.Progress(Lang{Translated: 1, Stale: 1}, language.English)} {
				if s == "" {
					t.Fatalf("%s: an empty phrase", tag)
				}
			}
		}
	})
}
