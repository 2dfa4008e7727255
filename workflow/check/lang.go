package check

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// lang is what the checks know of one language: how it writes numbers,
// its scale and number words, its abbreviations and the words that often
// start a sentence.
type lang struct {
	tag  language.Tag
	base string // "es"
	// cldr is how CLDR says the language writes numbers.
	cldr numConv
	// scales are words that multiply the number before them ("million");
	// scaleStart marks the bytes they start with, in either case.
	scales     map[string]int
	scaleStart [256]bool
	// words are cardinal and ordinal number words, lower-cased.
	words map[string]int
	// abbrevs are abbreviations written with a final period, lower-cased
	// and without it; starters are words that often begin a sentence.
	abbrevs  map[string]abbrev
	starters map[string]bool
}

// abbrev says how an abbreviation behaves before a capitalized word.
type abbrev int

const (
	// plain abbreviations end a sentence when a sentence starter follows
	// ("Jane and co. They").
	plain abbrev = iota + 1
	// title abbreviations come before a name and never end a sentence
	// ("Mr. Smith", "Srta. Ledesma").
	title
)

// numConv is one way of writing numbers: the group separators, the
// decimal separator, and the group sizes (3 and 3, or 3 and 2 in India).
type numConv struct {
	groups             string
	decimal            rune
	primary, secondary int
}

// spaces are the group separators of the SI style, "2 000": no-break,
// narrow no-break and thin spaces. A plain space is taken only in
// translations (see numberConvs).
const spaces = "\u00a0\u202f\u2009"

var (
	langMu    sync.Mutex
	langCache = map[language.Tag]*lang{}
)

// langFor returns the language data for a tag.
func langFor(tag language.Tag) *lang {
	langMu.Lock()
	defer langMu.Unlock()
	if l, ok := langCache[tag]; ok {
		return l
	}
	base, _ := tag.Base()
	l := &lang{tag: tag, base: base.String(), cldr: cldrConv(tag)}
	d := langData[l.base]
	l.scales, l.words = d.scales, d.words
	for w := range l.scales {
		l.scaleStart[w[0]] = true
		l.scaleStart[strings.ToUpper(w[:1])[0]] = true
	}
	l.abbrevs = map[string]abbrev{}
	for _, list := range []struct {
		words string
		kind  abbrev
	}{{commonAbbrevs, plain}, {d.abbrevs, plain}, {d.titles, title}} {
		for _, w := range strings.Fields(list.words) {
			l.abbrevs[strings.ToLower(w)] = list.kind
		}
	}
	l.starters = map[string]bool{}
	for _, w := range strings.Fields(d.starters) {
		l.starters[w] = true
	}
	langCache[tag] = l
	return l
}

// cldrConv asks CLDR, through x/text, how tag writes 1234567.5.
func cldrConv(tag language.Tag) numConv {
	s := message.NewPrinter(tag).Sprint(number.Decimal(1234567.5, number.Scale(1)))
	c := numConv{groups: ",", decimal: '.', primary: 3, secondary: 3}
	var seps []rune
	var sizes []int
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
			continue
		}
		seps = append(seps, r)
		sizes = append(sizes, n)
		n = 0
	}
	if len(seps) < 2 {
		return c
	}
	c.decimal = seps[len(seps)-1]
	c.groups = string(seps[0])
	c.primary = sizes[len(sizes)-1]
	c.secondary = c.primary
	if len(sizes) >= 3 {
		c.secondary = sizes[len(sizes)-2]
	}
	if strings.ContainsRune(spaces, seps[0]) {
		c.groups = spaces
	}
	return c
}

// numberConvs returns the ways a text in target may write numbers when
// translated from source: the target's CLDR style, the source's (Mexican
// Spanish writes 2,000.5 as English does, and a translator may keep it),
// and both decimal marks with SI spaces, "2 000". Translations may group
// with a plain space too; sources, whose "2010 72 victims" is two numbers,
// may not.
func numberConvs(target, source *lang) []numConv {
	var out []numConv
	add := func(c numConv) {
		for _, o := range out {
			if o == c {
				return
			}
		}
		out = append(out, c)
	}
	add(target.cldr)
	add(source.cldr)
	add(numConv{groups: " " + spaces, decimal: target.cldr.decimal, primary: 3, secondary: 3})
	add(numConv{groups: " " + spaces, decimal: source.cldr.decimal, primary: 3, secondary: 3})
	return out
}

// sourceConvs returns the ways a source text writes numbers: its CLDR
// style, or SI spaces.
func sourceConvs(source *lang) []numConv {
	return []numConv{source.cldr, {groups: spaces, decimal: source.cldr.decimal, primary: 3, secondary: 3}}
}

// lower lower-cases a short word into buf without allocating for ASCII.
func lower(buf []byte, w string) []byte {
	buf = buf[:0]
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += size
	}
	return buf
}

// langTable is the hand-written part of a language's data.
type langTable struct {
	scales   map[string]int
	words    map[string]int
	abbrevs  string // plain abbreviations, without their period
	titles   string // abbreviations that come before names
	starters string // words that often start a sentence
}

// commonAbbrevs are abbreviations any language's text may hold, as in
// citations and Latin.
const commonAbbrevs = `id íd ibid ibíd op cit loc cf etc al vs ca approx p pp no nos n° nº núm vol vols ed eds ff fig figs art arts cap sec`

var langData = map[string]langTable{
	"en": {
		scales: map[string]int{"hundred": 2, "thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9, "trillion": 12},
		words: map[string]int{
			"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
			"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
			"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
			"eighty": 80, "ninety": 90, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
			"eighth": 8, "ninth": 9, "tenth": 10,
		},
		abbrevs: `inc ltd co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
			a.m p.m e.g i.e u.s u.k u.n e.u u.s.a d.c ph.d jr sr bros mt ft sq`,
		titles: `mr mrs ms dr prof st gen gov rep sen rev hon capt col lt sgt maj adm messrs mme mlle`,
		starters: `A After All Also An And As At Because Before Being But By Did Do Does During Each For From He Her Here His
			How However I If In It Its Many Meanwhile Millions More Most My No Now On One Our She So Some That The Their Then
			There These They This Those Thus To Two Under We What When Where Which While Who Why With Yet You`,
	},
	"es": {
		scales: map[string]int{"mil": 3, "millón": 6, "millones": 6, "millardo": 9, "millardos": 9, "billón": 12, "billones": 12, "trillón": 18, "trillones": 18},
		words: map[string]int{
			"cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
			"nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
			"diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
			"sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "primero": 1, "primer": 1, "primera": 1,
			"segundo": 2, "segunda": 2, "tercero": 3, "tercer": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5,
			"quinta": 5, "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9,
			"décimo": 10, "décima": 10,
		},
		abbrevs: `admón aprox av avda cía cra depto dpto ej ee uu ff aa cc oo ss rr hh s.a d.c ext tel fax pág págs párr párrf
			min mín máx seg hs km kg cm mm aprox ene feb mar abr may jun jul ago sep sept oct nov dic lun mié jue vie sáb dom
			ib a.c d.c a.m p.m`,
		titles: `sr sra srta sres dr dra lic licda ing arq prof profa mtro mtra gral dña d don fr sto sta mons excmo mt st`,
		starters: `A Además Al Ahora Así Aunque Ayer Cada Como Con Cuando De Del Desde Después Durante El Ella Ellas Ellos
			En Entonces Es Esa Esas Ese Eso Esos Esta Estas Este Esto Estos Gracias Hay Hoy La Las Le Les Lo Los Luego Mi
			Mientras Muy Más Ni No Nosotros Para Pero Por Sin Se Según Si Sí Sin Sobre Su Sus También Todo Todos Tras Un Una
			Y Ya Yo Él`,
	},
}
