package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/buildcache"
	"github.com/hopeborder/bitext/workflow/check"
	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/locale"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/chromium"
	"github.com/hopeborder/bitext/workflow/render/pdf"
)

type renderOptions struct {
	*globalOptions
	strict   bool
	engine   string
	chromium string
	only     []string
	format   string
	rebuild  bool
}

// renderJSON is the bitext-render/1 document.
type renderJSON struct {
	Schema string `json:"schema"`
	// Files are the editions, in document and edition order, each
	// "write" or "unchanged".
	Files []fileAction `json:"files"`
	// Editions say how complete each translation is, per document and
	// target locale.
	Editions []editionJSON `json:"editions"`
	// Missing are, with --strict, the units that stopped the run.
	Missing check.Findings `json:"missing"`
	// Warnings are what the renderers could not show as written (check
	// "glyphs": characters the PDF fonts lack; "limits": a unit too big or
	// too tangled to read as Markdown), at the unit's file and line.
	Warnings check.Findings `json:"warnings"`
}

type editionJSON struct {
	Doc    string `json:"doc"`
	Locale string `json:"locale"`
	// Source is the locale of the original, which the edition shows
	// where a translation is missing.
	Source       string  `json:"source"`
	Units        int     `json:"units"`
	Translated   int     `json:"translated"`
	Stale        int     `json:"stale"`
	Untranslated int     `json:"untranslated"`
	Percent      float64 `json:"percent"`
	Complete     bool    `json:"complete"`
}

// rendered is what renderWorkspace did.
type rendered struct {
	files    []fileAction
	editions []editionJSON
	missing  check.Findings
	warnings check.Findings // what the renderers could not show as written
}

func newRenderCmd(g *globalOptions) *cobra.Command {
	o := &renderOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "render",
		Short: "Write the bilingual and one-language editions, in HTML, Markdown and PDF",
		Long: `render writes, for each source document <doc> and each target language, into
the output folder (config: output_dir):

  <doc>.en-es.html  the bilingual edition, English and Spanish side by side,
                    unit by unit, with a switch to show one language
  <doc>.en.html     the one-language editions, linked to each other
  <doc>.es.html
  <doc>.es.md       the translation as Markdown
  <doc>.en-es.pdf   the bilingual edition for print

The HTML files are self-contained (styles inline, no request to any network
address) and print well (config: paper). A passage whose translation is
missing or out of date shows the original, marked, and the editions say how
complete the translation is; with --strict, render writes nothing and fails
instead, naming those passages.

The PDF is set by bitext itself; --engine chromium prints the bilingual HTML
through headless Chromium instead, where Chromium is installed. The same
inputs give the same bytes; the PDF's date is SOURCE_DATE_EPOCH when set,
else the article's date.`,
		Example: `  bitext render
  bitext render --strict            # fail unless every unit is translated
  bitext render --paper letter
  bitext render --only html,md      # no PDF
  bitext render --engine chromium   # print the PDF through Chromium
  bitext render --engine chromium --chromium /usr/bin/google-chrome`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRender(o, cmd)
		},
	}
	o.addFlags(cmd)
	addFormatFlag(cmd, &o.format, "text", "json")
	return cmd
}

// addFlags defines render's flags on cmd, for render and for build.
func (o *renderOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.strict, "strict", false, "fail (exit 1), writing nothing, when a unit is untranslated or stale")
	f.String("paper", "", "page size of the PDF and of printed HTML: a4 or letter (config: paper; default a4)")
	f.StringVar(&o.engine, "engine", "go", "how to write the PDF: go (bitext itself) or chromium (headless Chromium)")
	f.StringSliceVar(&o.only, "only", nil, "write only these editions, comma-separated: html (all HTML), bilingual (the bilingual HTML), md, pdf, index (the index pages and manifest, of the editions written) (default: all)")
	f.BoolVar(&o.rebuild, "rebuild", false, "render every edition again, whatever the build cache holds")
	f.StringVar(&o.chromium, "chromium", "", "the browser --engine chromium runs (default: chromium, chromium-browser or google-chrome on PATH)")
	_ = cmd.RegisterFlagCompletionFunc("paper", cobra.FixedCompletions([]string{"a4", "letter"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("engine", cobra.FixedCompletions([]string{"go", "chromium"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("only", completeList([]string{"html", "bilingual", "md", "pdf"}))
}

// runRender loads the project and writes its editions. It reads what
// bitext update wrote and writes only into the output folder, each file
// atomically; it takes no project lock, so build can call it while holding
// one.
func runRender(o *renderOptions, cmd *cobra.Command) error {
	if err := checkFormat(o.format, "text", "json"); err != nil {
		return err
	}
	if o.engine != "go" && o.engine != "chromium" {
		return fmt.Errorf("--engine %q: use go or chromium", o.engine)
	}
	want, err := o.editions()
	if err != nil {
		return err
	}
	l, w, err := loadWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	res, err := renderWorkspace(o, l, w, want, nil)
	if res == nil {
		return err
	}
	if o.format == "json" {
		if jerr := writeJSON(o.stdout, renderJSON{Schema: schemaRender, Files: nonNilSlice(res.files), Editions: nonNilSlice(res.editions), Missing: nonNilSlice(res.missing), Warnings: nonNilSlice(res.warnings)}); jerr != nil {
			return jerr
		}
		if err != nil {
			return reportedError{err}
		}
		return nil
	}
	res.print(o.stdout, o.stderr)
	return err
}

// print writes what render did for people: a line per file on out, then
// what is not complete; the units --strict refused go to errOut.
func (r *rendered) print(out, errOut io.Writer) {
	for _, f := range r.missing {
		fmt.Fprintf(errOut, "%s: [%s] %s %s: %s\n", f.Pos(), f.Check, f.Locale, f.ID, f.Message)
	}
	if n := len(r.missing); n > 0 {
		fmt.Fprintf(errOut, "render --strict: %d %s not translated from the current source; nothing written\n", n, plural(n, "unit is", "units are"))
		return
	}
	for _, w := range r.warnings {
		id := w.ID
		if id != "" {
			id += ": "
		}
		fmt.Fprintf(errOut, "%s: warning [%s] %s%s\n", w.Pos(), w.Check, id, w.Message)
	}
	for _, f := range r.files {
		verb := "wrote"
		if f.Action == "unchanged" {
			verb = "unchanged"
		}
		fmt.Fprintln(out, verb+" "+f.File)
	}
	for _, e := range r.editions {
		if !e.Complete {
			missing := e.Stale + e.Untranslated
			fmt.Fprintf(out, "%s %s: %d of %d units translated (%s); %d %s the %s original, marked (render --strict refuses)\n",
				e.Doc, e.Locale, e.Translated, e.Units, project.FormatPercent(e.Percent), missing, plural(missing, "shows", "show"), locale.Name(language.Make(e.Source)))
		}
	}
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// validate checks what render will need from the configuration and the
// environment, so that build can refuse before it writes anything.
func (o *renderOptions) validate(l *loaded) error {
	if _, err := render.ParsePaper(l.cfg.Paper); err != nil {
		return &project.ConfigError{Key: "paper", Msg: err.Error()}
	}
	if _, err := sourceDateEpoch(); err != nil {
		return err
	}
	if _, err := o.editions(); err != nil {
		return err
	}
	if _, err := loadPhrasebook(l); err != nil {
		return err
	}
	if _, err := loadFonts(l); err != nil {
		return err
	}
	if o.engine != "go" && o.engine != "chromium" {
		return fmt.Errorf("--engine %q: use go or chromium", o.engine)
	}
	return nil
}

// validateDocs refuses, before anything is written, a document whose
// editions would take the index pages' names: one named index, whose
// Spanish edition would be index.es.html.
func (o *renderOptions) validateDocs(w *project.Workspace, want map[string]bool) error {
	if !want["index"] {
		return nil
	}
	for _, d := range w.Docs {
		if d.Name == "index" {
			return &project.ConfigError{Key: "sources", Msg: fmt.Sprintf("%s: its editions would be named as the index pages (index.html, index.<locale>.html); rename the source", d.SourcePath)}
		}
	}
	return nil
}

// editions returns which editions --only asks for.
func (o *renderOptions) editions() (map[string]bool, error) {
	want := map[string]bool{"bilingual": true, "html": true, "md": true, "pdf": true, "index": true}
	if len(o.only) == 0 {
		return want, nil
	}
	want = map[string]bool{}
	for _, e := range o.only {
		switch e {
		case "html":
			want["bilingual"], want["html"] = true, true
		case "bilingual", "md", "pdf", "index":
			want[e] = true
		default:
			return nil, fmt.Errorf("--only %q: the editions are html (all HTML), bilingual (the bilingual HTML), md and pdf, and index the index pages", e)
		}
	}
	return want, nil
}

// renderWorkspace writes the editions of a loaded workspace and says what
// it did (nil when it stopped before anything); build calls it after
// update and check. With --strict and a unit not translated, it writes
// nothing and returns errFindings.
//
// A document's editions of a kind whose inputs have not changed since
// they were made (the build cache, workflow/buildcache) are not rendered
// again; the index pages and manifest are made every time, from the
// cached entries of those documents.
func renderWorkspace(o *renderOptions, l *loaded, w *project.Workspace, want map[string]bool, bc *buildcache.Store) (*rendered, error) {
	if err := o.validate(l); err != nil {
		return nil, err
	}
	if err := o.validateDocs(w, want); err != nil {
		return nil, err
	}
	res := &rendered{}
	paper, _ := render.ParsePaper(l.cfg.Paper)
	created, _ := sourceDateEpoch()
	if o.strict {
		if res.missing = missingUnits(w); len(res.missing) > 0 {
			return res, errFindings
		}
	}
	book, err := loadPhrasebook(l)
	if err != nil {
		return nil, err
	}
	fonts, err := loadFonts(l)
	if err != nil {
		return nil, err
	}
	var pdfRenderer render.Renderer = pdf.Renderer{Paper: paper, Created: created, Fonts: fonts}
	pdfEngine := "go " + fontsKey(fonts)
	if o.engine == "chromium" && want["pdf"] {
		cr := chromium.Renderer{Paper: paper, Created: created, ExecPath: o.chromium}
		// Before anything is written: without a browser, no edition.
		exe, err := cr.Find()
		if err != nil {
			return nil, err
		}
		pdfRenderer = cr
		pdfEngine = "chromium " + exe
	}
	// The editions, each a renderer over the same rows.
	var kinds []editionKind
	for _, k := range []editionKind{
		{"bilingual", render.BilingualHTML{Paper: paper}, ""},
		{"html", render.MonolingualHTML{Paper: paper}, ""},
		{"md", render.Markdown{}, ""},
		{"pdf", pdfRenderer, pdfEngine},
	} {
		if want[k.name] {
			kinds = append(kinds, k)
		}
	}
	outDir := path.Clean(l.cfg.OutputDir)
	if bc == nil {
		bc = openCache(l, o.rebuild)
	}
	settings := settingsKey(l, paper, created, book)
	files, archive, warnings, err := renderAll(o.fs, l.root, outDir, w, book, kinds, bc, settings, o.verbosef)
	res.files = files
	// The index of every document, and the cache, once the editions are
	// all written. It links the editions of this run: with --only, only
	// when asked (--only html,md,index).
	if err == nil && want["index"] {
		// The credits the editions show (configuration, then source),
		// fresh, whatever the cache holds.
		for i := range archive {
			c := w.Credits(w.Docs[i])
			archive[i].Authors, archive[i].Translators = c.Authors, c.Translators
		}
		a := &render.Archive{Source: w.SourceLocale(), Targets: w.Locales(), Docs: archive, Phrasebook: book}
		var idx []render.File
		if idx, err = a.Render(); err == nil {
			var lines []fileAction
			lines, err = writeFiles(o.fs, l.root, outDir, idx)
			res.files = append(res.files, lines...)
		}
	}
	if cerr := bc.Save(o.fs); cerr != nil && err == nil {
		err = cerr
	}
	warnings = append(warnings, book.Warnings()...)
	for _, w := range render.SortWarnings(warnings) {
		res.warnings = append(res.warnings, check.Finding{File: w.File, Line: w.Line, Severity: check.Warning, Check: w.Check, ID: w.ID, Message: w.Msg})
	}
	if err != nil {
		return res, err
	}
	for _, d := range w.Docs {
		for _, lang := range langCounts(d) {
			res.editions = append(res.editions, editionJSON{
				Doc: d.Name, Locale: lang.Tag.String(), Source: w.SourceLocale().String(), Units: len(d.Units), Translated: lang.Translated, Stale: lang.Stale,
				Untranslated: lang.Untranslated, Percent: project.Percent(lang.Translated, len(d.Units)), Complete: lang.Complete(),
			})
		}
	}
	return res, nil
}

// editionKind is one kind of edition and its renderer; extra is what
// else its files depend on (the browser that prints the PDF).
type editionKind struct {
	name  string
	r     render.Renderer
	extra string
}

// langCounts returns the target columns of d's editions, with their
// counts, as render.NewEdition makes them.
func langCounts(d *project.Doc) []render.Lang {
	var out []render.Lang
	for _, l := range d.Locales {
		lang := render.Lang{Tag: l.Tag}
		for i := range l.Entries {
			switch l.Entries[i].State {
			case project.Translated:
				lang.Translated++
			case project.Stale:
				lang.Stale++
			default:
				lang.Untranslated++
			}
		}
		out = append(out, lang)
	}
	return out
}

// renderAll renders the editions of every document that the cache does
// not hold as made from the same inputs, and writes each file,
// atomically, as soon as its renderer is done, while the others go on
// (the PDF takes the longest), as many at once as there are processors.
// It returns what it did, a file at a time in document and renderer
// order, each document's index entry, the renderers' warnings (those of
// cached editions too), and the first error.
func renderAll(fsys files.FS, root, outDir string, w *project.Workspace, book *render.Phrasebook, kinds []editionKind, bc *buildcache.Store, settings string, verbosef func(string, ...any)) ([]fileAction, []render.ArchiveDoc, []render.Warning, error) {
	type job struct {
		doc  int
		kind int
		key  string
		// cached is the entry that stands for the files, when reused.
		cached *buildcache.Entry
	}
	docs := w.Docs
	editions := make([]*render.Edition, len(docs))
	// What the cache holds of each document, asked on every processor:
	// of an archive, this is most of a build that renders nothing.
	jobs := make([]job, len(docs)*len(kinds))
	parallel(len(docs), func(i int) {
		d := docs[i]
		fp := w.Fingerprint(d)
		for k, kind := range kinds {
			jb := job{doc: i, kind: k, key: buildcache.Key(settings, kind.name, kind.extra, fp)}
			if e, ok := bc.Lookup(d.Name, kind.name, jb.key); ok {
				jb.cached = &e
			}
			jobs[i*len(kinds)+k] = jb
		}
	})
	// An edition is laid out only for the documents something is
	// rendered of, or whose index entry the cache lacks.
	once := make([]sync.Once, len(docs))
	edition := func(i int) *render.Edition {
		once[i].Do(func() {
			editions[i] = render.NewEdition(w, docs[i])
			editions[i].Phrasebook = book
		})
		return editions[i]
	}
	reports := make([][]fileAction, len(jobs))
	made := make([][]string, len(jobs))
	warnings := make([][]render.Warning, len(jobs))
	errs := make([]error, len(jobs))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, j := range jobs {
		if j.cached != nil {
			verbosef("%s: the %s editions' inputs are as when they were made (build cache); not rendered again", docs[j.doc].Name, kinds[j.kind].name)
			for _, f := range j.cached.Files {
				reports[i] = append(reports[i], fileAction{File: path.Join(outDir, f.Name), Action: "unchanged"})
				made[i] = append(made[i], f.Name)
			}
			warnings[i] = j.cached.Warnings
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			d := docs[j.doc]
			kind := kinds[j.kind]
			// A renderer may make some files and fail others (a PDF
			// whose language it cannot set): those made are written.
			files, rerr := kind.r.Render(edition(j.doc))
			for _, f := range files {
				warnings[i] = append(warnings[i], f.Warnings...)
				made[i] = append(made[i], f.Name)
			}
			reports[i], errs[i] = writeFiles(fsys, root, outDir, files)
			if rerr != nil {
				errs[i] = fmt.Errorf("render %s: %w", d.Name, rerr)
			}
			if errs[i] != nil {
				bc.Forget(d.Name, kind.name)
				return
			}
			bc.Put(d.Name, kind.name, j.key, files, warnings[i])
		}()
	}
	wg.Wait()
	var lines []fileAction
	for _, r := range reports {
		lines = append(lines, r...)
	}
	var all []render.Warning
	for _, w := range warnings {
		all = append(all, w...)
	}
	// Each document's index entry: the cache's when nothing of it was
	// rendered, else made anew; and the warnings of its layout.
	archive := make([]render.ArchiveDoc, len(docs))
	for i, d := range docs {
		var names []string
		for k := range kinds {
			names = append(names, made[i*len(kinds)+k]...)
		}
		if a, ok := bc.Archive(d.Name, names); ok && editions[i] == nil {
			archive[i] = a
			all = append(all, bc.EditionWarnings(d.Name)...)
			continue
		}
		ed := edition(i)
		archive[i] = render.NewArchiveDoc(ed, names)
		bc.SetArchive(d.Name, archive[i], ed.Warnings)
		all = append(all, ed.Warnings...)
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	bc.Keep(names)
	for _, err := range errs {
		if err != nil {
			return lines, archive, all, err
		}
	}
	return lines, archive, all, nil
}

// parallel calls f(0) … f(n-1) on every processor and returns when all
// have returned.
func parallel(n int, f func(int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// writeFiles writes files into outDir under root, each atomically,
// leaving alone those that already hold the same bytes.
func writeFiles(fsys files.FS, root, outDir string, out []render.File) ([]fileAction, error) {
	var lines []fileAction
	for _, f := range out {
		rel := path.Join(outDir, f.Name)
		p := filepath.Join(root, filepath.FromSlash(rel))
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, f.Data) {
			lines = append(lines, fileAction{File: rel, Action: "unchanged"})
			continue
		}
		if err := files.WriteFile(fsys, p, f.Data); err != nil {
			return lines, fmt.Errorf("write %s: %w", rel, err)
		}
		lines = append(lines, fileAction{File: rel, Action: "write"})
	}
	return lines, nil
}

// missingUnits returns, as findings, every unit of every target language
// that is not translated from the current source, at the place its
// edition names (the translation's line, or the source's for a unit
// missing from the locale file).
func missingUnits(w *project.Workspace) check.Findings {
	var out check.Findings
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			for i := range l.Entries {
				e := &l.Entries[i]
				if e.State == project.Translated {
					continue
				}
				file, line := d.SourcePath, e.Unit.Line
				if e.Message.TextLine > 0 {
					file, line = l.File.Path, e.Message.TextLine
				}
				what := "not yet translated"
				if e.State == project.Stale {
					what = "translation out of date (the source changed since)"
				}
				out = append(out, check.Finding{File: file, Line: line, Severity: check.Error, Check: e.State.String(),
					Doc: d.Name, Locale: l.Tag.String(), ID: e.Unit.ID, Message: what})
			}
		}
	}
	return out
}

// sourceDateEpoch returns the time SOURCE_DATE_EPOCH sets, or zero when it
// is not set (https://reproducible-builds.org/specs/source-date-epoch/):
// decimal digits, the seconds since 1970-01-01 UTC, as date +%s prints
// them, up to the end of 9999, the last year a PDF date can hold.
func sourceDateEpoch() (time.Time, error) {
	s, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	v := strings.TrimSpace(s)
	if !ok || v == "" {
		return time.Time{}, nil
	}
	const want = "want a whole number of seconds since 1970-01-01 UTC"
	digits := strings.TrimPrefix(v, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: %s", s, want)
	}
	if digits != v {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: a date before 1970-01-01; %s", s, want)
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs > render.LastPDFDate.Unix() {
		// Only digits, so err is out of range.
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: after %s, the last date a PDF can hold", s, render.LastPDFDate.Format(time.RFC3339))
	}
	return time.Unix(secs, 0).UTC(), nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
