package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/segment"
)

// ArchiveSchema names the version of the manifest, index.json.
const ArchiveSchema = "bitext-archive/1"

// Archive is the index of a whole project: every document with its
// titles, date, how complete each translation is, and its editions. It
// renders as output/index.html (in the source language), one
// index.<locale>.html per target locale, and output/index.json, the same
// as a manifest for sites that import it. It is one more renderer, over
// all documents rather than one; a build keeps each document's entry with
// its other results, so that documents it does not render again still
// have theirs.
type Archive struct {
	// Source and Targets are the project's languages.
	Source  language.Tag
	Targets []language.Tag
	// Docs are the entries, in document order.
	Docs []ArchiveDoc
	// Phrasebook holds the page's words; nil means bitext's own.
	Phrasebook *Phrasebook
}

// ArchiveDoc is one document in the index. Its JSON form is the
// manifest's (see README.md, "The index page and manifest").
type ArchiveDoc struct {
	Doc    string `json:"doc"`
	Source string `json:"source"`
	// Date is the article's ISO date, or "".
	Date string `json:"date"`
	// Titles are the title in each language, source first, as the
	// editions show it (the source's where a translation is missing).
	Titles []ArchiveTitle `json:"titles"`
	// Authors and Translators (by locale) are the credits of the
	// document, from bitext.yaml (credits); empty when it names none.
	Authors     []string            `json:"authors"`
	Translators map[string][]string `json:"translators"`
	// Locales say how complete each translation is.
	Locales []ArchiveLocale `json:"locales"`
	// Editions are the files of the document, as rendered.
	Editions []ArchiveEdition `json:"editions"`
}

// ArchiveTitle is a document's title in one language.
type ArchiveTitle struct {
	Locale string `json:"locale"`
	Title  string `json:"title"`
	// Fallback is set when the title is the source's, the translation
	// missing or out of date.
	Fallback bool `json:"fallback"`
}

// ArchiveLocale is how complete one translation is.
type ArchiveLocale struct {
	Locale       string  `json:"locale"`
	Units        int     `json:"units"`
	Translated   int     `json:"translated"`
	Stale        int     `json:"stale"`
	Untranslated int     `json:"untranslated"`
	Percent      float64 `json:"percent"`
	Complete     bool    `json:"complete"`
}

// ArchiveEdition is one file of a document.
type ArchiveEdition struct {
	// Kind is "bilingual" (HTML), "html" (one language), "md" or "pdf".
	Kind string `json:"kind"`
	// Locales are the languages it shows: two for a bilingual edition
	// and the PDF, one otherwise.
	Locales []string `json:"locales"`
	// File is its name in the output folder.
	File string `json:"file"`
}

// NewArchiveDoc makes the index entry of ed, whose editions are files
// (names in the output folder, as the renderers make them).
func NewArchiveDoc(ed *Edition, files []string) ArchiveDoc {
	a := ArchiveDoc{Doc: ed.Name, Source: ed.SourcePath, Date: ed.Date, Authors: []string{}, Translators: map[string][]string{}, Titles: []ArchiveTitle{}, Locales: []ArchiveLocale{}, Editions: []ArchiveEdition{}}
	for col, l := range ed.Langs {
		t := ArchiveTitle{Locale: l.Tag.String(), Title: ed.Title(col)}
		for i := range ed.Rows {
			if ed.Rows[i].Kind == segment.Title {
				t.Fallback = ed.Rows[i].Cells[col].Fallback
				break
			}
		}
		a.Titles = append(a.Titles, t)
		if col == 0 {
			continue
		}
		a.Locales = append(a.Locales, ArchiveLocale{Locale: l.Tag.String(), Units: len(ed.Rows), Translated: l.Translated, Stale: l.Stale,
			Untranslated: l.Untranslated, Percent: project.Percent(l.Translated, len(ed.Rows)), Complete: l.Complete()})
	}
	// Each file is told by its name, as the renderers make them: the
	// bilingual and PDF editions pair the source with one target, the
	// others are in one language.
	type known struct {
		kind string
		cols []int
	}
	names := map[string]known{}
	for col := range ed.Langs {
		names[LangName(ed, col, "html")] = known{"html", []int{col}}
		names[LangName(ed, col, "md")] = known{"md", []int{col}}
	}
	for col := 1; col < len(ed.Langs); col++ {
		names[PairName(ed, col, "html")] = known{"bilingual", []int{0, col}}
		names[PairName(ed, col, "pdf")] = known{"pdf", []int{0, col}}
	}
	for _, f := range files {
		k, ok := names[f]
		if !ok {
			continue
		}
		e := ArchiveEdition{Kind: k.kind, File: f}
		for _, col := range k.cols {
			e.Locales = append(e.Locales, ed.Langs[col].Tag.String())
		}
		a.Editions = append(a.Editions, e)
	}
	return a
}

// manifest is index.json.
type manifest struct {
	Schema       string       `json:"schema"`
	SourceLocale string       `json:"source_locale"`
	Locales      []string     `json:"locales"`
	Documents    []ArchiveDoc `json:"documents"`
}

// IndexName returns the name of the index page in language col of the
// archive's languages (0 the source): index.html, index.es.html.
func (a *Archive) IndexName(tag language.Tag) string {
	if tag == a.Source {
		return "index.html"
	}
	return "index." + tag.String() + ".html"
}

// Render returns the index pages and the manifest.
func (a *Archive) Render() ([]File, error) {
	m := manifest{Schema: ArchiveSchema, SourceLocale: a.Source.String(), Locales: []string{}, Documents: a.Docs}
	if m.Documents == nil {
		m.Documents = []ArchiveDoc{}
	}
	for _, t := range a.Targets {
		m.Locales = append(m.Locales, t.String())
	}
	var j bytes.Buffer
	enc := json.NewEncoder(&j)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	var out []File
	for _, tag := range append([]language.Tag{a.Source}, a.Targets...) {
		out = append(out, File{Name: a.IndexName(tag), Data: a.page(tag)})
	}
	return append(out, File{Name: "index.json", Data: j.Bytes()}), nil
}

// archiveCSS styles the index pages: system fonts, a table that becomes
// one block per article on a narrow screen.
const archiveCSS = `:root { color-scheme: light dark; --ink: #1d1b18; --muted: #57524b; --accent: #8c2f1b; --rule: #d8d2c8; --paper: #fdfcf9; }
@media (prefers-color-scheme: dark) { :root { --ink: #ece8e1; --muted: #b3ada4; --accent: #f0a58f; --rule: #4a4640; --paper: #1b1a18; } }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1rem/1.5 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Liberation Serif", serif; }
main { max-width: 68rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
.intro, nav, td.date, .pct { color: var(--muted); }
nav { font: .9rem/1.4 system-ui, "Liberation Sans", sans-serif; margin-bottom: 1rem; }
nav a, td a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; vertical-align: top; padding-block: .5rem; padding-inline: 0 .6rem; border-bottom: 1px solid var(--rule); }
th { font: 600 .8rem/1.3 system-ui, "Liberation Sans", sans-serif; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.titles p { margin: 0 0 .2rem; }
td.titles p + p { color: var(--muted); }
td.titles p.credit { font: .85rem/1.4 system-ui, "Liberation Sans", sans-serif; margin-bottom: .4rem; }
td ul { list-style: none; margin: 0; padding: 0; font: .9rem/1.5 system-ui, "Liberation Sans", sans-serif; }
td.date { white-space: nowrap; }
@media (max-width: 40rem) {
  table, tbody, tr, td { display: block; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--rule); padding: .5rem 0; }
  td { border: 0; padding: .15rem 0; }
}
`

// page writes the index page in tag's language.
func (a *Archive) page(tag language.Tag) []byte {
	book := a.Phrasebook
	if book == nil {
		book = builtinBook()
	}
	p := book.For(tag)
	h := &htmlWriter{}
	h.WriteString("<!DOCTYPE html>\n<html lang=\"")
	h.escapeAttr(tag.String())
	h.WriteString("\"")
	h.pageDir(tag)
	h.WriteString(">\n")
	var alts []alternate
	for _, t := range append([]language.Tag{a.Source}, a.Targets...) {
		alts = append(alts, alternate{href: a.IndexName(t), hreflang: t.String(), label: locale.Autonym(t), lang: t.String(), current: t == tag})
	}
	h.head(p.Articles, alts, archiveCSS, nil)
	h.WriteString("<body>\n<main>\n<h1")
	h.phraseLang(p, tag)
	h.WriteString(">")
	h.escapeText(p.Articles)
	h.WriteString("</h1>\n<p class=\"intro\"")
	h.phraseLang(p, tag)
	h.WriteString(">")
	h.escapeText(p.ArchiveIntro)
	h.WriteString("</p>\n<nav")
	h.phraseLang(p, tag)
	h.WriteString(">")
	h.escapeText(p.OtherLanguages)
	h.WriteString(":")
	for _, al := range alts {
		if al.current {
			continue
		}
		h.WriteString(` <a href="`)
		h.escapeAttr(al.href)
		h.WriteString(`" hreflang="`)
		h.escapeAttr(al.hreflang)
		h.WriteString(`" lang="`)
		h.escapeAttr(al.lang)
		h.WriteString(`"`)
		h.dir(language.Make(al.lang), tag)
		h.WriteString(">")
		h.escapeText(al.label)
		h.WriteString("</a>")
	}
	h.WriteString("</nav>\n<table>\n<thead><tr")
	h.phraseLang(p, tag)
	h.WriteString("><th scope=\"col\">")
	h.escapeText(p.Article)
	h.WriteString("</th><th scope=\"col\">")
	h.escapeText(p.Date)
	h.WriteString("</th><th scope=\"col\">")
	h.escapeText(p.Translated)
	h.WriteString("</th><th scope=\"col\">")
	h.escapeText(p.Editions)
	h.WriteString("</th></tr></thead>\n<tbody>\n")
	for i := range a.Docs {
		a.row(h, &a.Docs[i], tag, p)
	}
	h.WriteString("</tbody>\n</table>\n</main>\n</body>\n</html>\n")
	return h.Bytes()
}

// phraseLang writes a lang attribute when the phrases are in another
// language than the page (English standing in for one without phrases).
func (h *htmlWriter) phraseLang(p Phrases, page language.Tag) {
	if b1, _ := p.Lang().Base(); b1 != baseOf(page) {
		h.WriteString(` lang="`)
		h.escapeAttr(p.Lang().String())
		h.WriteString(`"`)
		h.dir(p.Lang(), page)
	}
}

func baseOf(t language.Tag) language.Base {
	b, _ := t.Base()
	return b
}

// row writes one document of the index page in tag's language: its title
// in that language first, then the others.
func (a *Archive) row(h *htmlWriter, d *ArchiveDoc, tag language.Tag, p Phrases) {
	h.WriteString("<tr id=\"")
	h.escapeAttr(d.Doc)
	h.WriteString("\">\n<td class=\"titles\">")
	titles := slices.Clone(d.Titles)
	slices.SortStableFunc(titles, func(x, y ArchiveTitle) int {
		return boolInt(x.Locale != tag.String()) - boolInt(y.Locale != tag.String())
	})
	for _, t := range titles {
		lang := t.Locale
		if t.Fallback {
			lang = a.Source.String()
		}
		link := ""
		for _, e := range d.Editions {
			if (e.Kind == "html" || e.Kind == "bilingual" && t.Locale == a.Source.String()) && slices.Contains(e.Locales, t.Locale) {
				link = e.File
				break
			}
		}
		h.WriteString(`<p lang="`)
		h.escapeAttr(lang)
		h.WriteString(`"`)
		h.dir(language.Make(lang), tag)
		h.WriteString(">")
		if link != "" {
			h.WriteString(`<a href="`)
			h.escapeAttr(link)
			h.WriteString(`">`)
		}
		h.escapeText(t.Title)
		if link != "" {
			h.WriteString("</a>")
		}
		h.WriteString("</p>")
		// The credits, in the page's language, under the title they
		// are of: the authors under the original's, the translators
		// under their translation's.
		credit := ""
		if t.Locale == a.Source.String() && len(d.Authors) > 0 {
			credit = p.Byline(d.Authors)
		} else if names := d.Translators[t.Locale]; t.Locale != a.Source.String() && len(names) > 0 {
			credit = p.TranslatedBy(names)
		}
		if credit != "" {
			h.WriteString(`<p class="credit"`)
			h.phraseLang(p, tag)
			h.WriteString(">")
			h.escapeText(credit)
			h.WriteString("</p>")
		}
	}
	h.WriteString("</td>\n<td class=\"date\">")
	if d.Date != "" {
		date, ok := locale.LongDate(tag, d.Date)
		if !ok {
			date = d.Date
		}
		h.WriteString(`<time datetime="`)
		h.escapeAttr(d.Date)
		h.WriteString(`">`)
		h.escapeText(date)
		h.WriteString("</time>")
	}
	h.WriteString("</td>\n<td><ul>")
	for _, l := range d.Locales {
		h.WriteString(`<li><span lang="`)
		h.escapeAttr(l.Locale)
		h.WriteString(`"`)
		h.dir(language.Make(l.Locale), tag)
		h.WriteString(">")
		h.escapeText(locale.Autonym(language.Make(l.Locale)))
		h.WriteString(`</span> <span class="pct">`)
		h.escapeText(p.Percent(l.Percent))
		h.WriteString("</span></li>")
	}
	h.WriteString("</ul></td>\n<td><ul>")
	for _, e := range d.Editions {
		h.WriteString(`<li><a href="`)
		h.escapeAttr(e.File)
		h.WriteString(`">`)
		h.escapeText(a.editionLabel(e, p))
		h.WriteString("</a></li>")
	}
	h.WriteString("</ul></td>\n</tr>\n")
}

// editionLabel names an edition in the index: the language it is in, or
// "Side by side: English, Español", then the format where it is not HTML.
func (a *Archive) editionLabel(e ArchiveEdition, p Phrases) string {
	var names []string
	for _, l := range e.Locales {
		names = append(names, locale.Autonym(language.Make(l)))
	}
	s := strings.Join(names, " · ")
	switch e.Kind {
	case "bilingual":
		return fmt.Sprintf("%s: %s", p.SideBySide, s)
	case "pdf":
		return fmt.Sprintf("PDF: %s", s)
	case "md":
		return fmt.Sprintf("Markdown: %s", s)
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
