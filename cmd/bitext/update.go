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
	format string
}

// updateJSON is the bitext-update/1 document.
type updateJSON struct {
	Schema string `json:"schema"`
	// DryRun is set for --dry-run: Files are what would be written.
	DryRun    bool          `json:"dry_run"`
	Documents []updateDoc   `json:"documents"`
	Notices   []notice      `json:"notices"`
	Files     []fileAction  `json:"files"`
	Locales   []localeState `json:"locales"`
}

// updateDoc is what update found in one source.
type updateDoc struct {
	Doc    string `json:"doc"`
	Source string `json:"source"`
	Units  int    `json:"units"`
	// New, Edited, Moved and Restored count units by how they relate to
	// the last run; Removed counts units gone from the source.
	New      int `json:"new"`
	Edited   int `json:"edited"`
	Moved    int `json:"moved"`
	Restored int `json:"restored"`
	Removed  int `json:"removed"`
}

// localeState is where one document's translation into one locale stands
// after the update.
type localeState struct {
	Doc          string  `json:"doc"`
	Locale       string  `json:"locale"`
	File         string  `json:"file"`
	Translated   int     `json:"translated"`
	Stale        int     `json:"stale"`
	Untranslated int     `json:"untranslated"`
	Percent      float64 `json:"percent"`
}

// notice is something bitext found and dealt with in the files it keeps;
// File and Message read as one sentence.
type notice struct {
	File    string `json:"file"`
	Message string `json:"message"`
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
  bitext update --format json | jq -r '.files[].file'
  BITEXT_LOCALES=es,fr bitext update`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUpdate(o, cmd)
		},
	}
	cmd.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "show what would be written, write nothing")
	addFormatFlag(cmd, &o.format, "text", "json")
	return cmd
}

func runUpdate(o *updateOptions, cmd *cobra.Command) error {
	if err := checkFormat(o.format, "text", "json"); err != nil {
		return err
	}
	if o.dryRun {
		_, w, err := loadWorkspace(o.globalOptions, cmd)
		if err != nil {
			return err
		}
		writes, err := w.Update()
		if err != nil {
			return err
		}
		warnSources(o.globalOptions, w)
		if o.format == "json" {
			return writeJSON(o.stdout, newUpdateJSON(w, writes, true))
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
	warnSources(o.globalOptions, w)
	if err := writeAll(o.globalOptions, cmd, l.root, writes); err != nil {
		return err
	}
	if o.format == "json" {
		return writeJSON(o.stdout, newUpdateJSON(w, writes, false))
	}
	printUpdate(o.stdout, w)
	reportWrites(o.stdout, writes)
	return nil
}

func newUpdateJSON(w *project.Workspace, writes []project.Write, dryRun bool) updateJSON {
	out := updateJSON{Schema: schemaUpdate, DryRun: dryRun, Documents: []updateDoc{}, Notices: notices(w), Files: fileActions(writes), Locales: localeStates(w)}
	for _, d := range w.Docs {
		c := origins(d)
		out.Documents = append(out.Documents, updateDoc{Doc: d.Name, Source: d.SourcePath, Units: len(d.Units),
			New: c[reconcile.New], Edited: c[reconcile.Edited], Moved: c[reconcile.Moved], Restored: c[reconcile.Restored], Removed: len(d.Removed)})
	}
	return out
}

func origins(d *project.Doc) map[reconcile.Origin]int {
	counts := map[reconcile.Origin]int{}
	for _, o := range d.Origins {
		counts[o]++
	}
	return counts
}

func localeStates(w *project.Workspace) []localeState {
	out := []localeState{}
	for _, d := range w.Docs {
		for _, l := range d.Locales {
			s := localeState{Doc: d.Name, Locale: l.Tag.String(), File: w.MessagePath(d.Name, l.Tag)}
			for i := range l.Entries {
				switch l.Entries[i].State {
				case project.Translated:
					s.Translated++
				case project.Stale:
					s.Stale++
				default:
					s.Untranslated++
				}
			}
			s.Percent = project.Percent(s.Translated, len(l.Entries))
			out = append(out, s)
		}
	}
	return out
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
		counts := origins(d)
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
	for _, s := range localeStates(w) {
		fmt.Fprintf(out, "  %s %s: %d translated, %d stale, %d untranslated (%s)\n",
			s.Doc, s.Locale, s.Translated, s.Stale, s.Untranslated, project.FormatPercent(s.Percent))
	}
}

// notices returns what bitext found and dealt with in the files it keeps:
// an article renamed, a source-locale file deleted, files of no article.
func notices(w *project.Workspace) []notice {
	out := []notice{}
	for _, d := range w.Docs {
		if d.RenamedFrom != "" {
			out = append(out, notice{d.SourcePath, fmt.Sprintf("is an article whose files were named %s (the article was renamed): `bitext update` moves its translations and history to the name %s", d.RenamedFrom, d.Name)})
		}
		for _, p := range d.Leftovers() {
			out = append(out, notice{p, fmt.Sprintf("holds nothing that the files of %s do not (a run cut short left it): `bitext update` removes it", d.Name)})
		}
		if d.Recovered > 0 {
			out = append(out, notice{d.Source.Path, fmt.Sprintf("was missing: the IDs of %d units come from the locale files and the history", d.Recovered)})
		}
	}
	for _, o := range w.OrphanFiles {
		out = append(out, notice{o.Path, o.Advice()})
	}
	return out
}

// warnSources prints what the readers read otherwise than written, or
// guessed (a note never cited, citations out of order), as warnings.
func warnSources(g *globalOptions, w *project.Workspace) {
	for _, d := range w.Docs {
		for _, e := range d.SourceWarnings {
			g.warnf("%s", e)
		}
	}
}

func printNotices(out io.Writer, w *project.Workspace) {
	for _, n := range notices(w) {
		fmt.Fprintf(out, "%s %s\n", n.File, n.Message)
	}
}
