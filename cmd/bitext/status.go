package main

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/project"
)

type statusOptions struct {
	*globalOptions
	format   string
	byPerson bool
}

// statusJSON is the bitext-status/1 document.
type statusJSON struct {
	Schema    string           `json:"schema"`
	Documents []project.Status `json:"documents"`
	Notices   []notice         `json:"notices"`
	// People is who did what, with --by-person; empty otherwise.
	People []project.Person `json:"people"`
}

func newStatusCmd(g *globalOptions) *cobra.Command {
	o := &statusOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show how far each translation has come",
		Long: `status shows, per document and locale, how many units are translated from the
current source, stale (translated from an older source) and untranslated, with
the share done and word counts. It reads the sources and locale files as they
are and writes nothing; run update to bring the files in line.

Where a locale keeps review records (see bitext review), a REVIEWED column
shows the share signed off, and --by-person lists who translated and who
reviewed how many units and words, and their last day of work.`,
		Example: `  bitext status
  bitext status --by-person
  bitext status --format json | jq '.documents[] | select(.percent < 100)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStatus(o, cmd)
		},
	}
	addFormatFlag(cmd, &o.format, "text", "json")
	cmd.Flags().BoolVar(&o.byPerson, "by-person", false, "list who translated and reviewed what, from the review records")
	return cmd
}

func runStatus(o *statusOptions, cmd *cobra.Command) error {
	if err := checkFormat(o.format, "text", "json"); err != nil {
		return err
	}
	_, w, err := loadWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	st := w.Status()
	if o.format == "json" {
		out := statusJSON{Schema: schemaStatus, Documents: nonNilSlice(st), Notices: notices(w), People: []project.Person{}}
		if o.byPerson {
			out.People = nonNilSlice(w.People())
		}
		return writeJSON(o.stdout, out)
	}
	reviewing := slices.ContainsFunc(st, func(s project.Status) bool { return s.Reviewing })
	tw := tabwriter.NewWriter(o.stdout, 0, 4, 2, ' ', 0)
	head := "DOCUMENT\tLOCALE\tLANGUAGE\tUNITS\tTRANSLATED\tSTALE\tUNTRANSLATED\tDONE"
	if reviewing {
		head += "\tREVIEWED"
	}
	fmt.Fprintln(tw, head+"\tWORDS\tTO DO")
	for _, s := range st {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s", s.Doc, s.Locale, s.LocaleName, s.Units, s.Translated, s.Stale, s.Untranslated, project.FormatPercent(s.Percent))
		if reviewing {
			fmt.Fprintf(tw, "\t%s", reviewedCell(s))
		}
		fmt.Fprintf(tw, "\t%d\t%d\n", s.Words, s.WordsToDo)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if o.byPerson {
		if err := printPeople(o.stdout, w.People()); err != nil {
			return err
		}
	}
	for _, s := range st {
		if s.Orphaned > 0 {
			fmt.Fprintf(o.stdout, "%s: %d translations for units no longer in the source; `bitext update` keeps them as obsolete\n", s.File, s.Orphaned)
		}
	}
	printNotices(o.stdout, w)
	return nil
}

// reviewedCell is the REVIEWED column: the share, or "-" for a locale
// that keeps no records.
func reviewedCell(s project.Status) string {
	if !s.Reviewing {
		return "-"
	}
	return project.FormatPercent(s.ReviewedPercent)
}

// printPeople prints who did what, from the review records.
func printPeople(out io.Writer, people []project.Person) error {
	fmt.Fprintln(out)
	if len(people) == 0 {
		fmt.Fprintln(out, "no review records yet: `bitext review LOCALE --start` begins them")
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PERSON\tLOCALE\tTRANSLATED\tWORDS\tREVIEWED\tWORDS\tLAST")
	for _, p := range people {
		name := p.Name
		if name == "" {
			name = "(unknown)"
		}
		last := p.Last
		if last == "" {
			last = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\n", name, p.Locale, p.Translated, p.WordsTranslated, p.Reviewed, p.WordsReviewed, last)
	}
	return tw.Flush()
}
