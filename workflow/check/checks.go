package check

import (
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/segment"
)

// The checks, in the order their findings are listed for one entry.
// Adding a check is one function from an entry to a message ("" when all
// is well) and one row here.
var checks = []checkDef{
	{"untranslated", Warning, onUntranslated, "the entry is missing or empty", checkUntranslated},
	{"stale", Warning, onStale, "the translation was made from an older English; the message shows the English change", checkStale},
	{"orphaned", Warning, onOrphan, "a translation whose unit is no longer in the source", checkOrphaned},
	{"unchanged", Warning, onCurrent, "the translation is the English text unchanged (units of only URLs, numbers, names or citations are skipped)", checkUnchanged},
	{"notes", Error, onCurrent, "the note references [^n] differ from the English", checkNotes},
	{"numbers", Error, onCurrent, "a number of the English is missing or different, compared by value with the locale's separators", checkNumbers},
	{"links", Error, onCurrent, "a URL or link of the English is missing or changed, or a link has a scheme other than http, https or mailto", checkLinks},
	{"markup", Error, onCurrent, "emphasis, code spans, links or raw HTML are unbalanced or not as many as in the English", checkMarkup},
	{"punctuation", Error, onText, "Spanish: ? and ! without their opening ¿ and ¡ in the same sentence, nesting that does not mirror, a period right after ? or !", checkPunctuation},
	{"brackets", Error, onText, "quotes or brackets are unbalanced in the translation (when they are balanced in the English)", checkBrackets},
	{"spacing", Warning, onText, "leading or trailing space differing from the English, or double spaces", checkSpacing},
	{"length", Warning, onCurrent, "the translation is far shorter or longer than translations of its kind usually are", checkLength},
	{"template", Error, onText, "text go-i18n would treat as a broken template, template actions not in the English, template tags ({{< x >}}, {% x %}) not as in the English", checkTemplate},
	{"terms", Error, onText, "a glossary term of the English without an approved rendering, or a forbidden rendering anywhere", checkTerms},
	{"typography", Warning, onText, "Spanish: no no-break space between a number and %, spaces inside « », and choices made two ways in one document (glossary consistency rules, range dashes, ellipses)", checkTypography},
	{"html", Error, onCurrent, "an HTML block whose translation lost, changed or added tags or attributes (text, alt and title are translated)", checkHTMLTags},
}

// allowCheck is the ID of findings about exemptions themselves: one
// without a reason, for an unknown check, or that exempts nothing.
const allowCheck = "allow"

// checkDef is one check.
type checkDef struct {
	id       string
	severity Severity // the default
	scope    scope
	summary  string
	run      func(e *entry) string
}

// scope says which entries a check looks at.
type scope int

const (
	onUntranslated scope = iota
	onStale
	onOrphan
	// onCurrent checks compare a translation with the English it was made
	// from, so they look only at translations of the current English: a
	// stale one is reported as stale, and checked once revised.
	onCurrent
	// onText checks look at the translation alone, stale or not.
	onText
)

func (s scope) covers(st state) bool {
	switch s {
	case onUntranslated:
		return st == untranslated
	case onStale:
		return st == stale
	case onOrphan:
		return st == orphan
	case onCurrent:
		return st == current
	default:
		return st == current || st == stale
	}
}

// Info describes a check, for listings and documentation.
type Info struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Summary  string   `json:"summary"`
}

// Checks returns every check with its default severity, in order.
func Checks() []Info {
	out := make([]Info, 0, len(checks)+1)
	for _, c := range checks {
		out = append(out, Info{c.id, c.severity, c.summary})
	}
	return append(out, Info{allowCheck, Error, "an exemption without a reason or for an unknown check (error), or one that exempts nothing (warning); cannot be turned off"})
}

func checkByID(id string) *checkDef {
	for i := range checks {
		if checks[i].id == id {
			return &checks[i]
		}
	}
	return nil
}

// state is where an entry stands.
type state int

const (
	untranslated state = iota
	stale
	current
	orphan
)

// entry is what a check looks at: one unit's English and translation.
type entry struct {
	id     string
	kind   segment.Kind
	state  state
	locale string // the target locale, as in `bitext accept es ID`
	// src is the current English; dst the translation. Both are parsed
	// for translated entries only.
	src, dst unitText
	// inFile is set when the entry is in the locale file.
	inFile bool
	// was is the English a stale translation was made from, if known.
	was    string
	hasWas bool

	lang, srcLang   *lang
	convs, srcConvs []numConv

	r *runner // scratch buffers
}

// newEntry returns an entry of the current English src translated as dst
// into tag, as tests and benchmarks build them.
func newEntry(kind segment.Kind, src, dst string, tag language.Tag) *entry {
	r := newRunner()
	e := &r.e
	e.kind, e.state, e.locale = kind, current, tag.String()
	r.setLangs(langFor(tag), langFor(language.English))
	e.src.parse(src)
	e.dst.parse(dst)
	return e
}
