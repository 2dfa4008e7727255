package render

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/hopeborder/bitext/workflow/locale"
)

// builtinPhrases are bitext's own edition phrases, one go-i18n message
// file per language, phrases/phrases.<lang>.toml.
//
//go:embed phrases/*.toml
var builtinPhrases embed.FS

// Phrases are the few words an edition adds to the article, in one
// language: labels of the controls, the notes heading, the marks on
// passages shown in the original.
type Phrases struct {
	// Notes heads the notes when no heading of the article does.
	Notes string
	// Untranslated and Stale mark a passage shown in the original.
	Untranslated, Stale string
	// Note labels a note reference for screen readers: "Note 3".
	Note string
	// Back labels the link from a note back to the text.
	Back string
	// Show labels the language switch; Both is its choice of both columns.
	Show, Both string
	// Editions labels the links to the other editions; SideBySide names
	// the bilingual one.
	Editions, SideBySide string
	// Articles heads the index page of every article, ArchiveIntro says
	// what it lists, Article, Date and Translated head its columns, and
	// OtherLanguages labels the links to its other languages.
	Articles, ArchiveIntro, Article, Date, Translated, OtherLanguages string

	// book holds the messages Progress and Percent fill in.
	book *Phrasebook
	// lang is the language these phrases are in: the edition's, or
	// English for a language there are no (complete) phrases of.
	lang language.Tag
}

// phraseIDs are the IDs of the messages every language's phrases must
// have: a language that lacks one is not used at all (see Phrasebook).
var phraseIDs = []string{"Notes", "Untranslated", "Stale", "Note", "Back", "Show", "Both", "Editions", "SideBySide",
	"Articles", "ArchiveIntro", "Article", "Date", "Translated", "OtherLanguages", "Progress", "Reviewed", "Percent", "Byline", "TranslatedBy",
	"ReviewedBy", "PublishedBy", "FirstPublished", "License"}

// progressData is what the Progress message may use.
type progressData struct {
	// Percent is the share translated, as the Percent message writes it.
	Percent string
	// Done and Total count the passages translated and all of them,
	// written with the language's digits (٤٥ in Arabic).
	Done, Total string
	// Source names the language of the original, in the phrases' one.
	Source string
}

// reviewedData is what the Reviewed message may use.
type reviewedData struct {
	// N and Total count the passages reviewed and all of them, written
	// with the language's digits.
	N, Total string
}

// percentData is what the Percent message may use.
type percentData struct {
	// N is the number, with the language's decimal mark.
	N string
}

// dateData is what the FirstPublished message may use.
type dateData struct {
	// Date is a long date, in the phrases' language.
	Date string
}

// licenseData is what the License message may use.
type licenseData struct {
	// License names the licence, as the credits give it.
	License string
}

// namesData is what the Byline, TranslatedBy, ReviewedBy and PublishedBy
// messages may use.
type namesData struct {
	// Names are people's names, joined by commas.
	Names string
}

// PhraseFile is a go-i18n message file of edition phrases, named
// <anything>.<lang>.<toml|json|yaml> as go-i18n names them.
type PhraseFile struct {
	// Path names the file in messages: a slash path in the project.
	Path string
	Data []byte
}

// Phrasebook holds the edition phrases of every language there are some
// for, in one go-i18n Bundle: bitext's own and the publisher's, loaded
// after them (a publisher's file for a language bitext has replaces
// bitext's messages of it, one by one). A language gets its phrases as a
// whole or not at all: one whose file lacks a message, or whose messages
// do not fill in, falls back entirely to the nearest language that has
// them all (es for es-MX) and else to English, so that an edition never
// mixes two languages in one sentence.
type Phrasebook struct {
	bundle *i18n.Bundle
	// key hashes the files, in order.
	key string
	// files are where each language's messages came from, for warnings.
	files map[language.Tag][]string
	// chosen are the phrases For gave each tag; problems say what each
	// incomplete language lacks, found on first use.
	mu       sync.Mutex
	chosen   map[language.Tag]Phrases
	problems map[language.Tag]string
}

// NewPhrasebook loads bitext's phrases and then extra, the publisher's.
// A file that is not a message file go-i18n reads, or that is not named
// after a language, is an error naming it.
func NewPhrasebook(extra ...PhraseFile) (*Phrasebook, error) {
	b := &Phrasebook{
		bundle:   i18n.NewBundle(language.English),
		files:    map[language.Tag][]string{},
		chosen:   map[language.Tag]Phrases{},
		problems: map[language.Tag]string{},
	}
	b.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	b.bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	b.bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	names, err := builtinPhrases.ReadDir("phrases")
	if err != nil {
		return nil, err
	}
	var files []PhraseFile
	for _, n := range names {
		data, err := builtinPhrases.ReadFile("phrases/" + n.Name())
		if err != nil {
			return nil, err
		}
		files = append(files, PhraseFile{Path: "phrases/" + n.Name(), Data: data})
	}
	h := sha256.New()
	for i, f := range append(files, extra...) {
		if err := b.add(f, i >= len(files)); err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "%d:%s%d:", len(f.Path), f.Path, len(f.Data))
		h.Write(f.Data)
	}
	b.key = hex.EncodeToString(h.Sum(nil))
	return b, nil
}

// add parses one message file into the bundle.
func (b *Phrasebook) add(f PhraseFile, publisher bool) error {
	base := path.Base(f.Path)
	ext := path.Ext(base)
	switch ext {
	case ".toml", ".json", ".yaml":
	case ".yml":
		return fmt.Errorf("%s: name a YAML message file .yaml, as go-i18n reads it", f.Path)
	default:
		return fmt.Errorf("%s: a phrase file is a go-i18n message file, .toml, .json or .yaml", f.Path)
	}
	stem := strings.TrimSuffix(base, ext)
	tagPart := stem[strings.LastIndexByte(stem, '.')+1:]
	tag, err := language.Parse(tagPart)
	if err != nil || tag == language.Und {
		return fmt.Errorf("%s: the name must end in the language of the file, as phrases.fr.toml or phrases.pt-BR.toml; %q is no language tag", f.Path, tagPart)
	}
	if _, err := b.bundle.ParseMessageFileBytes(f.Data, f.Path); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	if publisher {
		t := language.Make(tagPart)
		b.files[t] = append(b.files[t], f.Path)
	}
	return nil
}

// Key returns a hash of the phrase files the book was loaded from: the
// same files, the same key.
func (b *Phrasebook) Key() string {
	return b.key
}

// builtinBook is the phrasebook of bitext's own phrases.
var builtinBook = sync.OnceValue(func() *Phrasebook {
	b, err := NewPhrasebook()
	if err != nil {
		// The files are part of bitext, and a test reads each.
		panic("render: built-in phrases: " + err.Error())
	}
	return b
})

// PhrasesFor returns bitext's own phrases of tag's language, or English
// ones for a language it has none for.
func PhrasesFor(tag language.Tag) Phrases { return builtinBook().For(tag) }

// For returns the phrases of tag's language: those of the most specific
// language of the book that tag is (es-MX, then es), complete, else the
// English ones.
func (b *Phrasebook) For(tag language.Tag) Phrases {
	b.mu.Lock()
	defer b.mu.Unlock()
	if p, ok := b.chosen[tag]; ok {
		return p
	}
	var p Phrases
	found := false
	for _, cand := range b.candidates(tag) {
		var problem string
		if p, problem = b.phrases(cand); problem == "" {
			found = true
			break
		}
		if _, seen := b.problems[cand]; !seen {
			b.problems[cand] = problem
		}
	}
	if !found {
		p, _ = b.phrases(language.English)
	}
	b.chosen[tag] = p
	return p
}

// candidates returns the book's languages that tag is, most specific
// first: es-MX and es for es-MX; English last of all.
func (b *Phrasebook) candidates(tag language.Tag) []language.Tag {
	base, script, region := tag.Raw()
	type cand struct {
		tag   language.Tag
		score int
	}
	var out []cand
	for _, t := range b.bundle.LanguageTags() {
		tb, ts, tr := t.Raw()
		if tb != base || tb.String() == "und" {
			continue
		}
		score := 0
		if ts.String() != "Zzzz" {
			if ts != script {
				continue
			}
			score += 2
		}
		if tr.String() != "ZZ" {
			if tr != region {
				continue
			}
			score++
		}
		out = append(out, cand{t, score})
	}
	slices.SortStableFunc(out, func(a, c cand) int { return c.score - a.score })
	var tags []language.Tag
	for _, c := range out {
		tags = append(tags, c.tag)
	}
	return tags
}

// phrases localizes every phrase in lang, through go-i18n's Localizer.
// It says what is wrong when a message is missing in lang (go-i18n
// would put the English one in its place) or does not fill in.
func (b *Phrasebook) phrases(lang language.Tag) (Phrases, string) {
	p := Phrases{book: b, lang: lang}
	loc := i18n.NewLocalizer(b.bundle, lang.String())
	fields := []*string{&p.Notes, &p.Untranslated, &p.Stale, &p.Note, &p.Back, &p.Show, &p.Both, &p.Editions, &p.SideBySide,
		&p.Articles, &p.ArchiveIntro, &p.Article, &p.Date, &p.Translated, &p.OtherLanguages}
	var missing []string
	for i, id := range phraseIDs {
		var data any
		switch id {
		case "Progress":
			data = progressData{Percent: "1%", Done: "1", Total: "2", Source: "English"}
		case "Reviewed":
			data = reviewedData{N: "1", Total: "2"}
		case "Percent":
			data = percentData{N: "1"}
		case "Byline", "TranslatedBy", "ReviewedBy", "PublishedBy":
			data = namesData{Names: "Ana"}
		case "FirstPublished":
			data = dateData{Date: "1"}
		case "License":
			data = licenseData{License: "CC0"}
		}
		s, got, err := loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
		if err != nil || got != lang || strings.TrimSpace(s) == "" {
			missing = append(missing, id)
			continue
		}
		if i < len(fields) {
			*fields[i] = s
		}
	}
	if len(missing) > 0 {
		return Phrases{}, "no complete message " + strings.Join(missing, ", ")
	}
	return p, ""
}

// Warnings says, for each publisher's language whose phrases are not
// used because they are incomplete or do not fill in, which file and
// what it lacks; the editions into it are in another language's
// phrases. Only languages asked for (through For) are reported.
func (b *Phrasebook) Warnings() []Warning {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []Warning
	for tag, problem := range b.problems {
		for _, f := range b.files[tag] {
			out = append(out, Warning{File: f, Check: "phrases", Msg: fmt.Sprintf("the %s phrases are not used, in any edition: %s; the editions into %s use another language's phrases as a whole", tag, problem, tag)})
		}
	}
	return SortWarnings(out)
}

// Lang returns the language the phrases are in.
func (p Phrases) Lang() language.Tag { return p.lang }

// localize fills in message id of the phrases' language.
func (p Phrases) localize(id string, data any) string {
	book := p.book
	if book == nil {
		book = builtinBook()
		p = book.For(language.English)
	}
	s, err := i18n.NewLocalizer(book.bundle, p.lang.String()).Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		// phrases tried this message with data of the same type.
		return ""
	}
	return s
}

// Progress says, in these phrases' language, how complete l is, naming the
// source language in it, and how much of it is reviewed when its locale
// keeps review records: in English when the phrases are English
// standing in for a language there are none of.
func (p Phrases) Progress(l Lang, source language.Tag) string {
	total := l.Translated + l.Stale + l.Untranslated
	var out []string
	if !l.Complete() {
		out = append(out, p.localize("Progress", progressData{
			Percent: p.Percent(l.Percent()),
			Done:    p.number(l.Translated),
			Total:   p.number(total),
			Source:  locale.NameIn(p.lang, source),
		}))
	}
	if l.Reviewing {
		out = append(out, p.localize("Reviewed", reviewedData{N: p.number(l.Reviewed), Total: p.number(total)}))
	}
	return strings.Join(out, " ")
}

// Byline credits authors, and TranslatedBy translators, in these
// phrases' language.
func (p Phrases) Byline(names []string) string {
	return p.localize("Byline", namesData{Names: strings.Join(names, ", ")})
}

// TranslatedBy credits translators; see Byline.
func (p Phrases) TranslatedBy(names []string) string {
	return p.localize("TranslatedBy", namesData{Names: strings.Join(names, ", ")})
}

// ReviewedBy credits a translation's reviewers; see Byline.
func (p Phrases) ReviewedBy(names []string) string {
	return p.localize("ReviewedBy", namesData{Names: strings.Join(names, ", ")})
}

// PublishedBy credits the publisher.
func (p Phrases) PublishedBy(name string) string {
	return p.localize("PublishedBy", namesData{Names: name})
}

// FirstPublished says when the original first appeared; date is written
// as given.
func (p Phrases) FirstPublished(date string) string {
	return p.localize("FirstPublished", dateData{Date: date})
}

// License gives the article's licence.
func (p Phrases) License(license string) string {
	return p.localize("License", licenseData{License: license})
}

// number writes a count with the language's digits and grouping.
func (p Phrases) number(n int) string {
	return message.NewPrinter(p.lang).Sprint(number.Decimal(n))
}

// Percent writes a share the way the language does (its decimal mark, its
// space before the sign), to a tenth and rounded down, as everywhere else
// in bitext, so that an incomplete translation never reads 100.
func (p Phrases) Percent(pct float64) string {
	tenths := math.Floor(pct*10+1e-9) / 10
	n := message.NewPrinter(p.lang).Sprint(number.Decimal(tenths, number.MaxFractionDigits(1)))
	return p.localize("Percent", percentData{N: n})
}
