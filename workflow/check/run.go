package check

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/inline"
	"github.com/hopeborder/bitext/workflow/project"
)

// Report is the outcome of a run: the findings, what was exempted, how
// complete each translation is, and whether the gates passed.
type Report struct {
	// Findings are the live findings, sorted.
	Findings Findings
	// Exempted are findings an exemption covers, with its reason, sorted.
	Exempted Findings
	// Status is one row per document and locale, in document then
	// configuration order.
	Status []Status
	// Gates are the gates the run was held to, in order: min_complete and
	// min_reviewed per document and locale, then fail_on.
	Gates []Gate

	failOn Severity    // 0 for never
	units  [][]unitRef // the entries of each Status row, for JUnit
}

// unitRef is an entry of a locale file: its ID and line.
type unitRef struct {
	id   string
	line int
}

// Status is how far one document's translation into one locale has come,
// with the count of its findings.
type Status struct {
	project.Status
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// Gate is one condition a run is held to.
type Gate struct {
	// Name is "min_complete", "min_reviewed" or "fail_on", or "load" for a run that could
	// not check because files could not be read (see FailedReport).
	Name   string `json:"gate"`
	Doc    string `json:"doc,omitempty"`
	Locale string `json:"locale,omitempty"`
	// Min and Percent are, for min_complete and min_reviewed, the share
	// required and reached.
	Min     *float64 `json:"min,omitempty"`
	Percent *float64 `json:"percent,omitempty"`
	// Level and Count are, for fail_on, the least severity that fails the
	// run ("error", "warning" or "off") and the findings at or above it.
	Level   string `json:"level,omitempty"`
	Count   *int   `json:"count,omitempty"`
	Passed  bool   `json:"passed"`
	Message string `json:"message"`
}

// Passed reports whether every gate passed.
func (r *Report) Passed() bool {
	for _, g := range r.Gates {
		if !g.Passed {
			return false
		}
	}
	return true
}

// Run checks every translation of w with cfg. It reads and never writes.
// A configuration that does not fit the workspace (an unknown check, a
// locale that is not a target) is a *project.ConfigError.
func Run(w *project.Workspace, cfg Config) (*Report, error) {
	return RunWith(w, cfg, nil)
}

// RunWith is Run, taking from memo what checking a document's
// translation found last time when nothing that check reads has changed
// since, and giving memo what it checks anew; the report is the one Run
// makes. A nil memo remembers nothing.
func RunWith(w *project.Workspace, cfg Config, memo Memo) (*Report, error) {
	s, err := cfg.validate(w)
	if err != nil {
		return nil, err
	}
	s.glossary = w.Glossary()
	var keys map[string]string
	if memo != nil {
		keys = s.localeKeys(w)
	}
	rep := &Report{failOn: s.failOn}
	src := langFor(w.SourceLocale())
	// Counting words for the status takes a while: it runs beside the
	// checks.
	var status []project.Status
	done := make(chan struct{})
	go func() {
		status = w.Status()
		close(done)
	}()
	seenIDs := map[string]map[string]bool{} // locale → lower-cased unit IDs, for config exemptions
	var rows []Status
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			tag := l.Tag.String()
			if len(s.exempt[tag]) > 0 {
				if seenIDs[tag] == nil {
					seenIDs[tag] = map[string]bool{}
				}
				for i := range d.Units {
					seenIDs[tag][strings.ToLower(d.Units[i].ID)] = true
				}
			}
			out, exempted, units := s.memoLocale(memo, keys[tag], d, l, src)
			rep.Findings = append(rep.Findings, out...)
			rep.Exempted = append(rep.Exempted, exempted...)
			rep.units = append(rep.units, units)
			rows = append(rows, Status{Errors: out.Count(Error), Warnings: out.Count(Warning)})
		}
	}
	<-done
	for i := range rows {
		rows[i].Status = status[i]
	}
	rep.Status = rows
	rep.Findings = append(rep.Findings, s.unusedConfigExemptions(seenIDs)...)
	if sev := s.severity["orphaned"]; sev != 0 {
		for _, o := range w.OrphanFiles {
			rep.Findings = append(rep.Findings, Finding{File: o.Path, Doc: o.Doc, Severity: sev, Check: "orphaned", Message: oneLine(o.Advice())})
		}
	}
	rep.Findings.Sort()
	rep.Exempted.Sort()
	rep.gates(s)
	return rep, nil
}

// memoLocale is s.locale, through memo when there is one.
func (s *settings) memoLocale(memo Memo, settings string, d *project.Doc, l *project.Locale, src *lang) (out, exempted Findings, units []unitRef) {
	if memo == nil {
		return s.locale(d, l, src)
	}
	tag := l.Tag.String()
	key := memoKey(settings, d, l)
	if data, ok := memo.Recall(d.Name, tag, key); ok {
		if out, exempted, units, ok := decodeMemo(data); ok {
			return out, exempted, units
		}
	}
	out, exempted, units = s.locale(d, l, src)
	if data, ok := encodeMemo(out, exempted, units); ok {
		memo.Remember(d.Name, tag, key, data)
	}
	return out, exempted, units
}

// unusedConfigExemptions reports exemptions in the configuration for
// units no document has.
func (s *settings) unusedConfigExemptions(seen map[string]map[string]bool) Findings {
	var out Findings
	for tag, byID := range s.exempt {
		for id, byCheck := range byID {
			if seen[tag][id] {
				continue
			}
			for chk := range byCheck {
				out = append(out, Finding{File: s.source, Severity: Warning, Check: allowCheck, Locale: tag, ID: oneLine(id),
					Message: oneLine(fmt.Sprintf("exempt: %s: no document has a unit %q; remove the %s exemption", tag, id, chk))})
			}
		}
	}
	return out
}

func (rep *Report) gates(s *settings) {
	for _, st := range rep.Status {
		min, ok := s.min[st.Locale]
		if !ok {
			continue
		}
		// The gate holds the percentage shown (rounded down), so that a
		// translation shown below 100% never passes a gate of 100.
		got := st.Percent
		g := Gate{Name: "min_complete", Doc: st.Doc, Locale: st.Locale, Min: &min, Percent: &got, Passed: got >= min}
		if g.Passed {
			g.Message = fmt.Sprintf("%s of %s is %.1f%% complete (at least %g%% required)", st.Locale, st.Doc, got, min)
		} else {
			g.Message = fmt.Sprintf("%s of %s is %.1f%% complete, below the %g%% required; to do: %d stale, %d untranslated", st.Locale, st.Doc, got, min, st.Stale, st.Untranslated)
		}
		rep.Gates = append(rep.Gates, g)
	}
	for _, st := range rep.Status {
		min, ok := s.minReviewed[st.Locale]
		if !ok {
			continue
		}
		got := st.ReviewedPercent
		g := Gate{Name: "min_reviewed", Doc: st.Doc, Locale: st.Locale, Min: &min, Percent: &got, Passed: got >= min}
		switch {
		case g.Passed:
			g.Message = fmt.Sprintf("%s of %s is %.1f%% reviewed (at least %g%% required)", st.Locale, st.Doc, got, min)
		case !st.Reviewing:
			g.Message = fmt.Sprintf("%s of %s is not reviewed: no review records yet; review it with `bitext review %s ID…` (at least %g%% required)", st.Locale, st.Doc, st.Locale, min)
		default:
			g.Message = fmt.Sprintf("%s of %s is %.1f%% reviewed, below the %g%% required; %d of %d units to review (`bitext review %s ID…`)", st.Locale, st.Doc, got, min, st.Units-st.Reviewed, st.Units, st.Locale)
		}
		rep.Gates = append(rep.Gates, g)
	}
	g := Gate{Name: "fail_on", Level: "off", Passed: true}
	count := 0
	switch s.failOn {
	case Error:
		g.Level = "error"
		count = rep.Findings.Count(Error)
	case Warning:
		g.Level = "warning"
		count = len(rep.Findings)
	}
	g.Count = &count
	g.Passed = count == 0
	switch {
	case s.failOn == 0:
		g.Message = "findings never fail the run (fail_on: off)"
	case g.Passed:
		g.Message = fmt.Sprintf("no finding of severity %s or worse", g.Level)
	default:
		g.Message = fmt.Sprintf("%s of severity %s or worse (fail_on: %s)", plural(count, "finding"), g.Level, g.Level)
	}
	rep.Gates = append(rep.Gates, g)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// runner runs the checks over entries, keeping its buffers between them.
type runner struct {
	e         entry
	nums      numberPair
	buf       []byte
	sents     []span
	marksOpen []opened
	bal       balance
	lines     []int // line starts of the locale file, when needed
	texts     []string
	docs      []inline.Doc
	gloss     *glossary   // the glossary of the locale
	doc       *docChoices // the choices of the document's translations
	runs      []string    // the terms check's runs of the English, reused

	// The locale being checked, and what the runner found in it.
	s             *settings
	l             *project.Locale
	base          Finding
	exempt        map[string]map[string]string
	out, exempted Findings
	units         []unitRef
}

func newRunner() *runner {
	r := &runner{}
	r.e.r = r
	return r
}

func (r *runner) setLangs(target, source *lang) {
	r.e.lang, r.e.srcLang = target, source
	r.e.convs = numberConvs(target, source)
	r.e.srcConvs = sourceConvs(source)
}

// parallelMin is the number of entries from which a locale's entries are
// shared among goroutines, one per processor.
const parallelMin = 2000

// locale checks one document's translation into one locale and returns
// its findings, exempted findings and entries, in file order.
func (s *settings) locale(d *project.Doc, l *project.Locale, src *lang) (out, exempted Findings, units []unitRef) {
	tag := l.Tag.String()
	base := Finding{File: l.File.Path, Doc: d.Name, Locale: tag}
	if !l.File.Exists && s.severity["untranslated"] != 0 {
		f := base
		f.Severity, f.Check = s.severity["untranslated"], "untranslated"
		f.Message = fmt.Sprintf("the file does not exist: run `bitext update` to create it, then translate its %s", plural(len(d.Units), "unit"))
		out = append(out, f)
	}
	target := langFor(l.Tag)
	gloss := newGlossary(s.glossary, tag)
	var texts []string
	for i := range l.Entries {
		if st := l.Entries[i].State; st == project.Translated || st == project.Stale {
			texts = append(texts, l.Entries[i].Message.Other)
		}
	}
	doc := newDocChoices(gloss, texts)
	n := len(l.Entries)
	workers := 1
	if n >= parallelMin {
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	runners := make([]*runner, workers)
	var wg sync.WaitGroup
	for k := range runners {
		r := newRunner()
		r.setLangs(target, src)
		r.s, r.l, r.base, r.exempt = s, l, base, s.exempt[tag]
		r.gloss, r.doc = gloss, doc
		r.e.locale = tag
		runners[k] = r
		lo, hi := k*n/workers, (k+1)*n/workers
		wg.Go(func() {
			for i := lo; i < hi; i += parseBlock {
				end := min(hi, i+parseBlock)
				r.parse(l.Entries[i:end])
				for k := i; k < end; k++ {
					r.entry(&l.Entries[k], k-i)
				}
			}
		})
	}
	wg.Wait()
	last := runners[len(runners)-1]
	for i := range l.Orphans {
		last.orphan(&l.Orphans[i])
	}
	for _, r := range runners {
		out = append(out, r.out...)
		exempted = append(exempted, r.exempted...)
		units = append(units, r.units...)
	}
	return out, exempted, units
}

// parseBlock is how many entries a runner reads at once: goldmark's
// set-up costs as much as a short paragraph, and reading many texts in
// one document shares it.
const parseBlock = 256

// parse reads the English and the translation of each entry that has
// one, into r.docs: entry k's at 2k and 2k+1.
func (r *runner) parse(entries []project.Entry) {
	r.texts = r.texts[:0]
	for i := range entries {
		en := &entries[i]
		if en.State == project.Translated || en.State == project.Stale {
			r.texts = append(r.texts, en.Unit.Text, en.Message.Other)
		} else {
			r.texts = append(r.texts, "", "")
		}
	}
	for len(r.docs) < len(r.texts) {
		r.docs = append(r.docs, inline.Doc{})
	}
	inline.ParseDocs(r.texts, r.docs[:len(r.texts)])
}

// entry checks one entry of the locale, the k-th that r.parse read.
func (r *runner) entry(en *project.Entry, k int) {
	e := &r.e
	e.kind = en.Unit.Kind
	e.was, e.hasWas = "", en.Was != nil
	if e.hasWas {
		e.was = en.Was.Text
	}
	var st state
	switch en.State {
	case project.Translated:
		st = current
	case project.Stale:
		st = stale
	}
	if st == untranslated {
		e.src.reset(en.Unit.Text)
		e.dst.reset(en.Message.Other)
	} else {
		e.src.read(en.Unit.Text, &r.docs[2*k])
		e.dst.read(en.Message.Other, &r.docs[2*k+1])
	}
	m := &en.Message
	if m.ID == "" {
		// Not in the file: a copy with the unit's ID.
		c := *m
		c.ID = en.Unit.ID
		m = &c
	}
	r.run(m, st)
}

// orphan checks a translation whose unit is gone.
func (r *runner) orphan(m *catalog.Message) {
	e := &r.e
	e.kind, e.was, e.hasWas = "", "", false
	e.src.reset("")
	e.dst.reset(m.Other)
	r.run(m, orphan)
}

// run runs the checks that apply to the entry in r.e, of message m.
func (r *runner) run(m *catalog.Message, st state) {
	s, e := r.s, &r.e
	e.id, e.state, e.inFile = m.ID, st, m.Line > 0
	line := m.TextLine
	if line == 0 {
		line = m.Line
	}
	r.units = append(r.units, unitRef{m.ID, line})
	// IDs of orphans come from the locale file as written: printable only.
	id := oneLine(e.id)
	allows := r.allows(m, r.l, r.base, line, &r.out)
	var exempt map[string]string
	if len(r.exempt) > 0 {
		exempt = r.exempt[strings.ToLower(e.id)]
	}
	for i := range checks {
		c := &checks[i]
		sev := s.levels[i]
		if sev == 0 || !c.scope.covers(st) || st == untranslated && !r.l.File.Exists {
			continue
		}
		msg := c.run(e)
		if msg == "" {
			if a := allows.find(c.id); a != nil {
				f := r.base
				f.Line, f.ID, f.Severity, f.Check = a.line, id, Warning, allowCheck
				f.Message = fmt.Sprintf("the %s check finds nothing here any more; remove the exemption", c.id)
				r.out = append(r.out, f)
			} else if _, ok := exempt[c.id]; ok {
				f := Finding{File: s.source, Doc: r.base.Doc, Locale: r.base.Locale, ID: id, Severity: Warning, Check: allowCheck}
				f.Message = fmt.Sprintf("exempt: %s: %s: the %s check finds nothing here any more; remove the exemption", r.base.Locale, id, c.id)
				r.out = append(r.out, f)
			}
			continue
		}
		f := r.base
		f.Line, f.ID, f.Severity, f.Check, f.Message = line, id, sev, c.id, oneLine(msg)
		reason, ok := allows.reason(c.id)
		if !ok {
			reason, ok = exempt[c.id]
		}
		if ok {
			f.Reason = reason
			r.exempted = append(r.exempted, f)
			continue
		}
		r.out = append(r.out, f)
	}
}
