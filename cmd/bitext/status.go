package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/project"
)

type statusOptions struct {
	*globalOptions
	format string
}

// statusJSON is the bitext-status/1 document.
type statusJSON struct {
	Schema    string           `json:"schema"`
	Documents []project.Status `json:"documents"`
	Notices   []notice         `json:"notices"`
}

func newStatusCmd(g *globalOptions) *cobra.Command {
	o := &statusOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show how far each translation has come",
		Long: `status shows, per document and locale, how many units are translated from the
current source, stale (translated from an older source) and untranslated, with
the share done and word counts. It reads the sources and locale files as they
are and writes nothing; run update to bring the files in line.`,
		Example: `  bitext status
  bitext status --format json | jq '.documents[] | select(.percent < 100)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStatus(o, cmd)
		},
	}
	addFormatFlag(cmd, &o.format, "text", "json")
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
		return writeJSON(o.stdout, statusJSON{Schema: schemaStatus, Documents: nonNilSlice(st), Notices: notices(w)})
	}
	tw := tabwriter.NewWriter(o.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DOCUMENT\tLOCALE\tLANGUAGE\tUNITS\tTRANSLATED\tSTALE\tUNTRANSLATED\tDONE\tWORDS\tTO DO")
	for _, s := range st {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%d\t%d\n", s.Doc, s.Locale, s.LocaleName, s.Units, s.Translated, s.Stale, s.Untranslated, project.FormatPercent(s.Percent), s.Words, s.WordsToDo)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range st {
		if s.Orphaned > 0 {
			fmt.Fprintf(o.stdout, "%s: %d translations for units no longer in the source; `bitext update` keeps them as obsolete\n", s.File, s.Orphaned)
		}
	}
	printNotices(o.stdout, w)
	return nil
}
