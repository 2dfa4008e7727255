package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/reconcile"
)

type updateOptions struct {
	*globalOptions
	dryRun bool
}

func newUpdateCmd(g *globalOptions) *cobra.Command {
	o := &updateOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Segment the sources and bring the locale files up to date",
		Long: `update cuts every source article into translation units and writes the
message files: locales/<doc>.<source>.toml with the source text, and one file
per target locale with every unit in document order.

Translations are never dropped. A unit whose source text changed keeps its
ID and translation and is marked stale, with a word diff of the change; a
moved or re-wrapped unit is unchanged; a new unit is untranslated, with close
translations offered as suggestions; the translation of a removed unit is
kept in locales/.bitext/<doc>.history.json and comes back with the unit.`,
		Example: `  bitext update
  bitext update --dry-run      # show what would be written
  BITEXT_LOCALES=es,fr bitext update`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUpdate(o, cmd)
		},
	}
	cmd.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "show what would be written, write nothing")
	return cmd
}

func runUpdate(o *updateOptions, cmd *cobra.Command) error {
	if o.dryRun {
		_, w, err := loadWorkspace(o.globalOptions, cmd)
		if err != nil {
			return err
		}
		writes, err := w.Update()
		if err != nil {
			return err
		}
		printUpdate(o.stdout, w)
		for _, wr := range writes {
			fmt.Fprintf(o.stdout, "would write %s\n", wr.Path)
		}
		return nil
	}
	l, w, unlock, err := lockedWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	defer unlock()
	writes, err := w.Update()
	if err != nil {
		return err
	}
	printUpdate(o.stdout, w)
	return writeAll(o.globalOptions, cmd, l.root, writes)
}

func reportWrites(out io.Writer, writes []project.Write) {
	if len(writes) == 0 {
		fmt.Fprintln(out, "locale files are up to date")
	}
	for _, wr := range writes {
		verb := "wrote"
		if wr.Remove {
			verb = "removed"
		}
		fmt.Fprintf(out, "%s %s\n", verb, wr.Path)
	}
}

// printUpdate says, per document, how its units relate to the last run and
// where each translation stands.
func printUpdate(out io.Writer, w *project.Workspace) {
	for _, d := range w.Docs {
		counts := map[reconcile.Origin]int{}
		for _, o := range d.Origins {
			counts[o]++
		}
		var parts []string
		for _, o := range []reconcile.Origin{reconcile.New, reconcile.Edited, reconcile.Moved, reconcile.Restored} {
			if counts[o] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", counts[o], o))
			}
		}
		if len(d.Removed) > 0 {
			parts = append(parts, fmt.Sprintf("%d removed", len(d.Removed)))
		}
		change := "unchanged"
		if len(parts) > 0 {
			change = strings.Join(parts, ", ")
		}
		fmt.Fprintf(out, "%s: %d units (%s)\n", d.SourcePath, len(d.Units), change)
	}
	printNotices(out, w)
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			var n [3]int
			for i := range l.Entries {
				n[l.Entries[i].State]++
			}
			done := 100.0
			if len(l.Entries) > 0 {
				done = float64(n[project.Translated]) * 100 / float64(len(l.Entries))
			}
			fmt.Fprintf(out, "  %s %s: %d translated, %d stale, %d untranslated (%.0f%%)\n",
				d.Name, l.Tag, n[project.Translated], n[project.Stale], n[project.Untranslated], done)
		}
	}
}

// printNotices says what bitext found and dealt with in the files it keeps:
// an article renamed, a source-locale file deleted, files of no article.
func printNotices(out io.Writer, w *project.Workspace) {
	for _, d := range w.Docs {
		if d.RenamedFrom != "" {
			fmt.Fprintf(out, "%s: this article's files were named %s (the article was renamed): `bitext update` moves its translations and history to the name %s\n", d.SourcePath, d.RenamedFrom, d.Name)
		}
		for _, p := range d.Leftovers() {
			fmt.Fprintf(out, "%s holds nothing that the files of %s do not (a run cut short left it): `bitext update` removes it\n", p, d.Name)
		}
		if d.Recovered > 0 {
			fmt.Fprintf(out, "%s was missing: the IDs of %d units come from the locale files and the history\n", d.Source.Path, d.Recovered)
		}
	}
	for _, o := range w.OrphanFiles {
		fmt.Fprintf(out, "%s %s\n", o.Path, o.Advice())
	}
}
