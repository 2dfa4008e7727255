package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/exchange"
	"github.com/hopeborder/bitext/workflow/project"
)

type importOptions struct {
	*globalOptions
	dryRun bool
	prefer string
	locale string
}

func newImportCmd(g *globalOptions) *cobra.Command {
	o := &importOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Bring translations back from XLIFF or PO files",
		Long: `import reads XLIFF (2.x or 1.2) and PO files made by bitext export, as a
translator's tool saved them, and brings the translations into the locale
files. Units are matched by ID. A translation is taken as current only for
the English it was made from: one of an older English becomes a stale entry,
and one the tool did not confirm (fuzzy, needs review) waits for review.
Translator comments are added. Units that no longer exist are reported.

When the project's translation of a unit changed since the file was
exported, it is kept and the file's is shown beside it as an import
conflict (--prefer import takes the file's instead). A file that cannot be
read stops the import with its line, and nothing is written. Importing a
file exactly as exported changes nothing.`,
		Example: `  bitext import exchange/us-mexico-persecution-of-migrants-2018-05-23.es.xlf
  bitext import --dry-run translated/*.po
  bitext import --prefer import from-vendor.xlf`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImport(o, cmd, args)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.dryRun, "dry-run", "n", false, "show what would change, write nothing")
	f.StringVar(&o.prefer, "prefer", "local", "when both the file and the project changed a translation: local (keep the project's) or import")
	f.StringVar(&o.locale, "locale", "", "the target locale of files that do not say (PO without a Language header)")
	return cmd
}

func runImport(o *importOptions, cmd *cobra.Command, args []string) error {
	if o.prefer != "local" && o.prefer != "import" {
		return fmt.Errorf("--prefer %q: use local or import", o.prefer)
	}
	opts := project.ImportOptions{PreferImport: o.prefer == "import"}
	if o.locale != "" {
		tag, err := language.Parse(o.locale)
		if err != nil {
			return fmt.Errorf("--locale %q is not a locale tag (%v)", o.locale, err)
		}
		opts.Locale = tag
	}
	// Every file is read and parsed before anything is loaded or locked:
	// a malformed one stops the import with nothing written.
	var parsed []*exchange.File
	var names []string
	for _, a := range args {
		data, err := readArg(o.dir, a)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(a)
		f, err := exchange.Read(name, data)
		if err != nil {
			return fmt.Errorf("%w; nothing was imported", err)
		}
		parsed = append(parsed, f)
		names = append(names, name)
	}
	l, w, unlock, err := workspaceFor(o.globalOptions, cmd, o.dryRun)
	if err != nil {
		return err
	}
	defer unlock()
	var reports []*project.ImportReport
	for i, f := range parsed {
		opts.Origin = names[i]
		rep, err := w.Import(f, opts)
		if err != nil {
			return fmt.Errorf("%w; nothing was imported", err)
		}
		reports = append(reports, rep)
	}
	// The conflicting translations go to the memory, first in the
	// transaction: a run cut short after it loses nothing.
	writes, err := w.Update()
	if err != nil {
		return err
	}
	for i, rep := range reports {
		printImport(o.stdout, names[i], rep)
	}
	return commitWrites(o.globalOptions, cmd, l.root, writes, o.dryRun)
}

func readArg(dir, name string) ([]byte, error) {
	if name == "-" {
		return nil, fmt.Errorf("import reads files, not standard input: give a file name")
	}
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, nil
}

// printImport says, per file, what changed, unit by unit, then the counts.
func printImport(out io.Writer, name string, rep *project.ImportReport) {
	counts := map[string]int{}
	for _, c := range rep.Changes {
		counts[c.What]++
		where := fmt.Sprintf("%s:%d", name, c.Line)
		switch c.What {
		case "missing":
			fmt.Fprintf(out, "%s: %s %s: no such unit in the project any more; its translation was not imported\n", where, c.Locale, c.ID)
		case "conflict":
			fmt.Fprintf(out, "%s: %s %s (%s): conflict: the project's translation changed since the export; kept it, and the file's is offered beside it (bitext import --prefer import takes the file's)\n", where, c.Locale, c.ID, c.Doc)
		case "comments":
			fmt.Fprintf(out, "%s: %s %s (%s): comment added: %s\n", where, c.Locale, c.ID, c.Doc, c.New)
		default:
			fmt.Fprintf(out, "%s: %s %s (%s): %s\n", where, c.Locale, c.ID, c.Doc, c.What)
		}
	}
	var parts []string
	for _, what := range []string{"translated", "accepted", "needs review", "stale", "comments", "conflict", "missing"} {
		if counts[what] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[what], what))
		}
	}
	parts = append(parts, fmt.Sprintf("%d unchanged", rep.Unchanged))
	fmt.Fprintf(out, "%s: %s\n", name, strings.Join(parts, ", "))
}
