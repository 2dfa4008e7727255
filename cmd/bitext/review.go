package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/project"
)

type reviewOptions struct {
	*globalOptions
	all   bool
	start bool
	doc   string
}

func newReviewCmd(g *globalOptions) *cobra.Command {
	o := &reviewOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "review LOCALE [ID...]",
		Short: "Mark translations reviewed, and record who translated and reviewed each unit",
		Long: `review marks translations reviewed: an editor or proofreader has signed
them off. Editing a reviewed translation, or its English changing, clears the
mark. Only current translations can be reviewed (accept a stale one first).

The first review of a locale starts its records, in
locales/.bitext/<doc>.<locale>.review.jsonl: from then on bitext records who
made each new or changed translation and who reviewed it, and on which day,
whichever command brings the change in (update, import, accept, tm fill).
Who works is --by, else the user key (bitext.yaml or BITEXT_USER), else
git config user.name; the day is SOURCE_DATE_EPOCH's, else today's.
Translations made before the records began are of an unknown translator.

status shows the reviewed share (and, with --by-person, who did what), check
gates it with min_reviewed, exports carry it, and the editions' completeness
note says it.`,
		Example: `  bitext review es p-mexico-faces-a-potentially-historic
  bitext review es --all --by "Ana Pérez"
  bitext review es --start            # record who translates, review nothing yet`,
		Args:              cobra.MinimumNArgs(1),
		RunE:              func(cmd *cobra.Command, args []string) error { return runReview(o, cmd, args) },
		ValidArgsFunction: o.complete,
	}
	cmd.Flags().BoolVar(&o.all, "all", false, "mark every current translation (of --doc, if given) reviewed")
	cmd.Flags().BoolVar(&o.start, "start", false, "start the records of the locale without marking anything reviewed")
	cmd.Flags().StringVar(&o.doc, "doc", "", "limit to one document (its name or source path)")
	return cmd
}

func runReview(o *reviewOptions, cmd *cobra.Command, args []string) error {
	tag, err := language.Parse(args[0])
	if err != nil {
		return fmt.Errorf("%q is not a locale tag (%v); the first argument is the locale, as in `bitext review es ID…`", args[0], err)
	}
	req := project.ReviewRequest{Locale: tag, Doc: o.doc, IDs: args[1:], All: o.all, Start: o.start}
	if (o.all || o.start) && len(req.IDs) > 0 {
		return fmt.Errorf("give IDs or --all (or --start), not both")
	}
	l, w, unlock, err := lockedWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	defer unlock()
	by := actor(cmd.Context(), l)
	w.SetActor(by, today())
	done, err := w.Review(req)
	if err != nil {
		return err
	}
	writes, err := w.Update()
	if err != nil {
		return err
	}
	if err := writeAll(o.globalOptions, cmd, l.root, writes); err != nil {
		return err
	}
	reportWrites(o.stdout, writes)
	who := by
	if who == "" {
		who = "someone unknown (set --by, the user key or git config user.name)"
	}
	for _, r := range done {
		fmt.Fprintf(o.stdout, "reviewed %s %s (%s) by %s\n", r.Locale, r.ID, r.Doc, who)
	}
	if len(done) == 0 && !o.start {
		fmt.Fprintln(o.stdout, "nothing to mark: those translations are reviewed already")
	}
	return nil
}
