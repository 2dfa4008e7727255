package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/exchange"
	"github.com/hopeborder/bitext/workflow/project"
)

type tmOptions struct {
	*globalOptions
	locales []string
	out     string
	force   bool
	dryRun  bool
}

func newTMCmd(g *globalOptions) *cobra.Command {
	o := &tmOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "tm",
		Short: "Export, import and use the project's translation memory (TMX)",
		Long: `The translation memory is every translation of the project, in every
document, with those the history keeps of removed units, and the outside
memories added with tm import. update offers its matches as suggestions: the
same English elsewhere is a 100 % match, shown first; similar English is
scored on words, with the differences shown. Nothing is filled in unless you
ask: tm fill fills exact matches, marked as needing review.`,
		Args: cobra.NoArgs,
	}
	cmd.PersistentFlags().StringSliceVar(&o.locales, "locale", nil, "target locales (default: every target locale)")

	export := &cobra.Command{
		Use:   "export",
		Short: "Write the memory as TMX 1.4b",
		Long: `tm export writes each locale's memory as TMX 1.4b, for OmegaT, Trados or
another vendor: source and target, the document, ID and kind as properties,
creation and change dates (SOURCE_DATE_EPOCH, else the article's date: bitext
records no time of translation). Files go to --out (default
exchange/memory.<locale>.tmx).`,
		Example: `  bitext tm export
  bitext tm export --locale es --out exchange/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runTMExport(o, cmd) },
	}
	export.Flags().StringVarP(&o.out, "out", "o", "exchange", "folder to write to, relative to the project folder")
	export.Flags().BoolVar(&o.force, "force", false, "replace files that differ")

	imp := &cobra.Command{
		Use:   "import FILE.tmx...",
		Short: "Add an outside memory (OmegaT, Trados, a vendor) to the project's",
		Long: `tm import adds the translation units of TMX files to the project's memory,
kept in locales/.bitext/memory.<locale>.tmx and never mixed into the locale
files: they feed the suggestions update writes. Units of other languages are
left out; a file that cannot be read stops the import with its line, and
nothing is written.`,
		Example: `  bitext tm import vendor.tmx
  bitext tm import --locale es omegat/project_save.tmx`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runTMImport(o, cmd, args) },
	}
	imp.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "show what would be added, write nothing")

	fill := &cobra.Command{
		Use:   "fill",
		Short: "Fill untranslated units whose English the memory holds exactly, as needing review",
		Long: `tm fill gives every untranslated unit whose English the memory holds exactly
(in another document, in the history, or in an outside memory) that
translation, marked as needing review: the locale file says where it came
from, and it counts as stale until a translator runs bitext accept.`,
		Example: `  bitext tm fill --locale es
  bitext accept es --all       # once reviewed`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runTMFill(o, cmd) },
	}
	fill.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "show what would be filled, write nothing")
	cmd.AddCommand(export, imp, fill)
	return cmd
}

// exportDate is the date the project's translations get in TMX:
// SOURCE_DATE_EPOCH, else the latest article date, else none.
func exportDate(w *project.Workspace) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	var latest time.Time
	for _, d := range w.Docs {
		if t, err := time.Parse("2006-01-02", d.Date); err == nil && t.After(latest) {
			latest = t
		}
	}
	return latest
}

func runTMExport(o *tmOptions, cmd *cobra.Command) error {
	if filepath.IsAbs(o.out) {
		return fmt.Errorf("--out %q: give a folder inside the project", o.out)
	}
	l, w, err := loadWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	tags, err := parseLocales(o.locales, w.Locales())
	if err != nil {
		return err
	}
	date := exportDate(w)
	var writes []project.Write
	for _, tag := range tags {
		m, err := w.ExportMemory(tag, date)
		if err != nil {
			return err
		}
		data, err := exchange.WriteTMX(m)
		if err != nil {
			return err
		}
		p := path.Join(filepath.ToSlash(o.out), "memory."+tag.String()+".tmx")
		wr, changed, err := w.ExchangeWrite(p, data, o.force)
		if err != nil {
			return err
		}
		fmt.Fprintf(o.stdout, "%s: %d translation units\n", p, len(m.TUs))
		if changed {
			writes = append(writes, wr)
		}
	}
	if len(writes) == 0 {
		fmt.Fprintln(o.stdout, "the memory files are up to date")
		return nil
	}
	if err := writeAll(o.globalOptions, cmd, l.root, writes); err != nil {
		return err
	}
	reportWrites(o.stdout, writes)
	return nil
}

func runTMImport(o *tmOptions, cmd *cobra.Command, args []string) error {
	datas := make([][]byte, len(args))
	for i, a := range args {
		var err error
		if datas[i], err = readArg(o.dir, a); err != nil {
			return err
		}
	}
	l, w, unlock, err := workspaceFor(o.globalOptions, cmd, o.dryRun)
	if err != nil {
		return err
	}
	defer unlock()
	tags, err := parseLocales(o.locales, w.Locales())
	if err != nil {
		return err
	}
	for _, tag := range tags {
		var tus []exchange.TU
		for i, a := range args {
			name := filepath.ToSlash(a)
			m, err := exchange.ReadTMX(name, datas[i], w.SourceLocale().String(), tag.String())
			if err != nil {
				return fmt.Errorf("%w; nothing was imported", err)
			}
			for _, tu := range m.TUs {
				if tu.Origin == "" {
					tu.Origin = path.Base(name)
				}
				tus = append(tus, tu)
			}
			fmt.Fprintf(o.stdout, "%s: %d translation units from %s into %s\n", name, len(m.TUs), w.SourceLocale(), tag)
		}
		added, err := w.AddMemory(tag, tus)
		if err != nil {
			return err
		}
		fmt.Fprintf(o.stdout, "%s: %d new\n", w.MemoryPath(tag), added)
	}
	// The locale files too: the new memory's matches become suggestions.
	writes, err := w.Update()
	if err != nil {
		return err
	}
	return commitWrites(o.globalOptions, cmd, l.root, writes, o.dryRun)
}

func runTMFill(o *tmOptions, cmd *cobra.Command) error {
	l, w, unlock, err := workspaceFor(o.globalOptions, cmd, o.dryRun)
	if err != nil {
		return err
	}
	defer unlock()
	tags, err := parseLocales(o.locales, w.Locales())
	if err != nil {
		return err
	}
	filled, err := w.FillExact(tags)
	if err != nil {
		return err
	}
	for _, f := range filled {
		fmt.Fprintf(o.stdout, "filled %s %s (%s) from %s, to review\n", f.Locale, f.ID, f.Doc, f.From)
	}
	if len(filled) == 0 {
		fmt.Fprintln(o.stdout, "no untranslated unit has an exact match in the memory")
	}
	writes, err := w.Update()
	if err != nil {
		return err
	}
	return commitWrites(o.globalOptions, cmd, l.root, writes, o.dryRun)
}
