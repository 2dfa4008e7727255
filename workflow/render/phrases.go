package render

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/hopeborder/bitext/workflow/locale"
)

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
	// progress says how complete a translation is, with {pct}, {done},
	// {total} and {source} (the source language, named in this one).
	progress string
	// reviewed says how many passages are reviewed, with {n} and {total}.
	reviewed string
	// percent writes a percentage, {n} standing for the number.
	percent string
	// lang is the language these phrases are in: the edition's, or
	// English for a language bitext has no phrases of.
	lang language.Tag
}

var phrases = map[string]Phrases{
	"en": {
		Notes: "Notes", Untranslated: "not yet translated", Stale: "translation out of date",
		Note: "Note", Back: "Back to the text", Show: "Show", Both: "Both",
		Editions: "Editions", SideBySide: "Side by side",
		progress: "This translation is {pct} complete: {done} of {total} passages. Passages marked “not yet translated” or “translation out of date” show the {source} original.",
		reviewed: "{n} of {total} passages are reviewed.",
		percent:  "{n}%",
	},
	"es": {
		Notes: "Notas", Untranslated: "aún sin traducir", Stale: "traducción desactualizada",
		Note: "Nota", Back: "Volver al texto", Show: "Mostrar", Both: "Ambos",
		Editions: "Ediciones", SideBySide: "En paralelo",
		progress: "Esta traducción está completa al {pct}: {done} de {total} pasajes. Los pasajes marcados «aún sin traducir» o «traducción desactualizada» muestran el original en {source}.",
		reviewed: "{n} de {total} pasajes están revisados.",
		percent:  "{n}\u00a0%",
	},
	"fr": {
		Notes: "Notes", Untranslated: "pas encore traduit", Stale: "traduction à mettre à jour",
		Note: "Note", Back: "Retour au texte", Show: "Afficher", Both: "Les deux",
		Editions: "Éditions", SideBySide: "En regard",
		progress: "Cette traduction est complète à {pct} : {done} passages sur {total}. Les passages marqués « pas encore traduit » ou « traduction à mettre à jour » donnent l’original en {source}.",
		reviewed: "{n} passages sur {total} sont relus.",
		percent:  "{n}\u202f%",
	},
	"de": {
		Notes: "Anmerkungen", Untranslated: "noch nicht übersetzt", Stale: "Übersetzung veraltet",
		Note: "Anmerkung", Back: "Zurück zum Text", Show: "Anzeigen", Both: "Beide",
		Editions: "Ausgaben", SideBySide: "Nebeneinander",
		progress: "Diese Übersetzung ist zu {pct} vollständig: {done} von {total} Abschnitten. Mit „noch nicht übersetzt“ oder „Übersetzung veraltet“ markierte Abschnitte zeigen das Original auf {source}.",
		reviewed: "{n} von {total} Abschnitten sind lektoriert.",
		percent:  "{n}\u00a0%",
	},
	"it": {
		Notes: "Note", Untranslated: "non ancora tradotto", Stale: "traduzione non aggiornata",
		Note: "Nota", Back: "Torna al testo", Show: "Mostra", Both: "Entrambe",
		Editions: "Edizioni", SideBySide: "A fronte",
		progress: "Questa traduzione è completa al {pct}: {done} passaggi su {total}. I passaggi segnati «non ancora tradotto» o «traduzione non aggiornata» riportano l’originale in {source}.",
		reviewed: "{n} passaggi su {total} sono rivisti.",
		percent:  "{n}%",
	},
	"pt": {
		Notes: "Notas", Untranslated: "ainda não traduzido", Stale: "tradução desatualizada",
		Note: "Nota", Back: "Voltar ao texto", Show: "Mostrar", Both: "Ambas",
		Editions: "Edições", SideBySide: "Lado a lado",
		progress: "Esta tradução está {pct} concluída: {done} de {total} trechos. Os trechos marcados “ainda não traduzido” ou “tradução desatualizada” mostram o original em {source}.",
		reviewed: "{n} de {total} trechos estão revisados.",
		percent:  "{n}%",
	},
	"nl": {
		Notes: "Noten", Untranslated: "nog niet vertaald", Stale: "vertaling verouderd",
		Note: "Noot", Back: "Terug naar de tekst", Show: "Toon", Both: "Beide",
		Editions: "Edities", SideBySide: "Naast elkaar",
		progress: "Deze vertaling is voor {pct} klaar: {done} van {total} passages. Passages gemarkeerd met ‘nog niet vertaald’ of ‘vertaling verouderd’ tonen het origineel in het {source}.",
		reviewed: "{n} van {total} passages zijn nagekeken.",
		percent:  "{n}%",
	},
}

// PhrasesFor returns the phrases of tag's language, or English ones for a
// language bitext has none for.
func PhrasesFor(tag language.Tag) Phrases {
	base, _ := tag.Base()
	if p, ok := phrases[base.String()]; ok {
		p.lang = language.Make(base.String())
		return p
	}
	p := phrases["en"]
	p.lang = language.English
	return p
}

// Progress says, in these phrases' language, how complete l is, naming the
// source language in it, and how much of it is reviewed when its locale
// keeps review records: in English when the phrases are English
// standing in for a language bitext has none of.
func (p Phrases) Progress(l Lang, source language.Tag) string {
	total := l.Translated + l.Stale + l.Untranslated
	var out []string
	if !l.Complete() {
		out = append(out, strings.NewReplacer(
			"{pct}", p.Percent(l.Percent()),
			"{done}", strconv.Itoa(l.Translated),
			"{total}", strconv.Itoa(total),
			"{source}", locale.NameIn(p.lang, source),
		).Replace(p.progress))
	}
	if l.Reviewing {
		out = append(out, strings.NewReplacer("{n}", strconv.Itoa(l.Reviewed), "{total}", strconv.Itoa(total)).Replace(p.reviewed))
	}
	return strings.Join(out, " ")
}

// Percent writes a share the way the language does (its decimal mark, its
// space before the sign), to a tenth and rounded down, as everywhere else
// in bitext, so that an incomplete translation never reads 100.
func (p Phrases) Percent(pct float64) string {
	tenths := math.Floor(pct*10+1e-9) / 10
	n := message.NewPrinter(p.lang).Sprint(number.Decimal(tenths, number.MaxFractionDigits(1)))
	return strings.Replace(p.percent, "{n}", n, 1)
}
