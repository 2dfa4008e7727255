package render

import (
	"bytes"
	"encoding/json"
	"strings"

	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale"
)

// CreditLine is one line of an edition's masthead, in the phrases of one
// language: "By Hope Border Institute", "First published May 23, 2018".
// Its text is Before + Linked + After; Linked (the date, or the address
// when there is no date) links to URL when URL is set.
type CreditLine struct {
	// Kind says what the line credits: author, translator, reviewer,
	// publisher, published or license.
	Kind                  string
	Before, Linked, After string
	URL                   string
}

// Text returns the line as plain text.
func (l CreditLine) Text() string { return l.Before + l.Linked + l.After }

// Masthead returns the lines that credit the article in column col, in
// the phrases of the column's language (or those standing in for them,
// as a whole): its authors, the column's translators and reviewers (a
// translation's only), publisher, first publication and licence. None
// when the credits name nothing.
func (ed *Edition) Masthead(col int) []CreditLine {
	c := ed.Credits
	tag := ed.Langs[col].Tag
	p := ed.PhrasesFor(tag)
	var out []CreditLine
	add := func(kind, text string) {
		if text != "" {
			out = append(out, CreditLine{Kind: kind, Before: text})
		}
	}
	if len(c.Authors) > 0 {
		add("author", p.Byline(c.Authors))
	}
	if !ed.Langs[col].Source {
		if t := c.Translators[tag.String()]; len(t) > 0 {
			add("translator", p.TranslatedBy(t))
		}
		if r := c.Reviewers[tag.String()]; len(r) > 0 {
			add("reviewer", p.ReviewedBy(r))
		}
	}
	if c.Publisher != "" {
		add("publisher", p.PublishedBy(c.Publisher))
	}
	if c.Date != "" || c.URL != "" {
		shown := c.URL
		if c.Date != "" {
			// The date in the phrases' language, so that the line is in
			// one language.
			shown = c.Date
			if long, ok := locale.LongDate(p.lang, c.Date); ok {
				shown = long
			}
		}
		// The phrase with a mark where the date goes, to link the date
		// alone.
		const mark = "\uFFFF"
		s := p.FirstPublished(mark)
		before, after, ok := strings.Cut(s, mark)
		if !ok {
			before, after = s, ""
		}
		l := CreditLine{Kind: "published", Before: before, Linked: shown, After: after}
		if c.URL != "" && SafeURL(c.URL) {
			l.URL = c.URL
		}
		out = append(out, l)
	}
	if c.License != "" {
		add("license", p.License(c.License))
	}
	return out
}

// masthead writes the masthead of column col, if there is one, as a
// block of lines; class is the block's class.
func (h *htmlWriter) masthead(col *column, class string, page language.Tag) {
	lines := h.ed.Masthead(col.index)
	if len(lines) == 0 {
		return
	}
	h.WriteString(`<div class="` + class + `" lang="`)
	h.escapeAttr(col.tag.String())
	h.WriteString(`"`)
	h.dir(col.tag, page)
	h.WriteString(">")
	for _, l := range lines {
		h.WriteString(`<p class="credit-` + l.Kind + `">`)
		h.escapeText(l.Before)
		if l.URL != "" {
			h.WriteString(`<a href="`)
			h.escapeAttr(l.URL)
			h.WriteString(`">`)
			h.escapeText(l.Linked)
			h.WriteString("</a>")
		} else {
			h.escapeText(l.Linked)
		}
		h.escapeText(l.After)
		h.WriteString("</p>")
	}
	h.WriteString("</div>")
}

// creditsHead writes the head's metadata of the credits: an author meta
// per author, and the schema.org Article of the page as JSON-LD (see
// articleLD).
func (h *htmlWriter) creditsHead(cols []int) {
	if h.ed == nil || len(cols) == 0 {
		return
	}
	for _, a := range h.ed.Credits.Authors {
		h.WriteString(`<meta name="author" content="`)
		h.escapeAttr(a)
		h.WriteString("\">\n")
	}
	if ld := h.ed.articleLD(cols); ld != nil {
		h.WriteString(`<script type="application/ld+json">`)
		h.Write(ld)
		h.WriteString("</script>\n")
	}
}

// ldArticle is a schema.org Article, as JSON-LD.
type ldArticle struct {
	Context           string      `json:"@context,omitempty"`
	Type              string      `json:"@type"`
	Headline          string      `json:"headline,omitempty"`
	InLanguage        any         `json:"inLanguage,omitempty"`
	Author            []ldThing   `json:"author,omitempty"`
	Translator        []ldThing   `json:"translator,omitempty"`
	Publisher         *ldThing    `json:"publisher,omitempty"`
	DatePublished     string      `json:"datePublished,omitempty"`
	License           string      `json:"license,omitempty"`
	URL               string      `json:"url,omitempty"`
	TranslationOfWork *ldArticle  `json:"translationOfWork,omitempty"`
	WorkTranslation   []ldArticle `json:"workTranslation,omitempty"`
}

// ldThing names a person or organization.
type ldThing struct {
	Type string `json:"@type,omitempty"`
	Name string `json:"name"`
}

func ldNames(names []string) []ldThing {
	var out []ldThing
	for _, n := range names {
		out = append(out, ldThing{Name: n})
	}
	return out
}

// articleLD returns the JSON-LD of the page showing columns cols: the
// original (the source column alone) with its translations as
// workTranslation, or a translation (a target column, alone or beside
// the source) with the original as translationOfWork; nil when the
// credits name nothing. encoding/json writes <, > and & as \u escapes,
// so no value can close the script element.
func (ed *Edition) articleLD(cols []int) []byte {
	c := ed.Credits
	if c.Empty() {
		return nil
	}
	original := ldArticle{Type: "Article", Headline: ed.Title(0), InLanguage: ed.Langs[0].Tag.String(),
		Author: ldNames(c.Authors), DatePublished: c.Date, License: c.License}
	if c.Publisher != "" {
		original.Publisher = &ldThing{Type: "Organization", Name: c.Publisher}
	}
	if c.URL != "" && SafeURL(c.URL) {
		original.URL = c.URL
	}
	translation := func(col int) ldArticle {
		tag := ed.Langs[col].Tag.String()
		return ldArticle{Type: "Article", Headline: ed.Title(col), InLanguage: tag, Author: ldNames(c.Authors),
			Translator: ldNames(c.Translators[tag]), License: c.License, URL: LangName(ed, col, "html")}
	}
	var page ldArticle
	if len(cols) == 1 && cols[0] == 0 {
		page = original
		for col := 1; col < len(ed.Langs); col++ {
			page.WorkTranslation = append(page.WorkTranslation, translation(col))
		}
	} else {
		target := cols[len(cols)-1]
		page = translation(target)
		page.URL = ""
		if len(cols) > 1 {
			page.Headline = ed.Title(0) + " | " + ed.Title(target)
			page.InLanguage = []string{ed.Langs[0].Tag.String(), ed.Langs[target].Tag.String()}
		}
		page.TranslationOfWork = &original
	}
	page.Context = "https://schema.org"
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(page); err != nil {
		return nil // strings and slices only: cannot fail
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
