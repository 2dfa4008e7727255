package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/project"
)

type acceptOptions struct {
	*globalOptions
	all        bool
	allLocales bool
	doc        string
	format     string
}

// acceptJSON is the bitext-accept/1 document.
type acceptJSON struct {
	Schema   string         `json:"schema"`
	Accepted []acceptedJSON `json:"accepted"`
	Files    []fileAction   `json:"files"`
}

type acceptedJSON struct {
	Doc    string `json:"doc"`
	Locale string `json:"locale"`
	ID     string `json:"id"`
}

func newAcceptCmd(g *globalOptions) *cobra.Command {
	o := &acceptOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "accept LOCALE [ID...]",
		Short: "Record that stale translations are up to date",
		Long: `accept records, for stale translations, that they now match the current
source: their hash becomes that of the current source text, and their "was" and
"diff" notes go away. Run it after revising a stale translation.

When a source edit needs no re-translation at all (a typo fixed in the
English), --all-locales records that for every locale in one go; the IDs then
come without a locale.`,
		Example: `  bitext accept es p-mexico-faces-a-potentially-historic
  bitext accept es --all                  # every stale unit in Spanish
  bitext accept es --all --doc us-mexico-persecution-of-migrants-2018-05-23
  bitext accept --all-locales p-the-presidential-debates-have-included
  bitext accept es --all --format json | jq -r '.accepted[].id'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAccept(o, cmd, args)
		},
		ValidArgsFunction: o.complete,
	}
	cmd.Flags().BoolVar(&o.all, "all", false, "accept every stale unit (of --doc, if given)")
	cmd.Flags().BoolVar(&o.allLocales, "all-locales", false, "accept in every target locale; the arguments are all IDs")
	cmd.Flags().StringVar(&o.doc, "doc", "", "limit to one document (its name or source path)")
	addFormatFlag(cmd, &o.format, "text", "json")
	_ = cmd.RegisterFlagCompletionFunc("doc", o.completeDoc)
	return cmd
}

func runAccept(o *acceptOptions, cmd *cobra.Command, args []string) error {
	if err := checkFormat(o.format, "text", "json"); err != nil {
		return err
	}
	req := project.AcceptRequest{All: o.all, Doc: o.doc}
	if o.allLocales {
		req.IDs = args
	} else {
		if len(args) == 0 {
			return fmt.Errorf("accept needs a locale, as in `bitext accept es ID…`, or --all-locales")
		}
		tag, err := language.Parse(args[0])
		if err != nil {
			return fmt.Errorf("%q is not a locale tag (%v); the first argument is the locale, as in `bitext accept es ID…`", args[0], err)
		}
		req.Locales = []language.Tag{tag}
		req.IDs = args[1:]
	}
	if o.all && len(req.IDs) > 0 {
		return fmt.Errorf("give IDs or --all, not both")
	}
	l, w, unlock, err := lockedWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	defer unlock()
	done, err := w.Accept(req)
	if err != nil {
		return err
	}
	writes, err := w.Update()
	if err != nil {
		return err
	}
	// Success is reported once it is on disk.
	if err := writeAll(o.globalOptions, cmd, l.root, writes); err != nil {
		return err
	}
	if o.format == "json" {
		out := acceptJSON{Schema: schemaAccept, Accepted: []acceptedJSON{}, Files: fileActions(writes)}
		for _, a := range done {
			out.Accepted = append(out.Accepted, acceptedJSON{Doc: a.Doc, Locale: a.Locale, ID: a.ID})
		}
		return writeJSON(o.stdout, out)
	}
	if len(done) == 0 {
		fmt.Fprintln(o.stdout, "nothing to accept: no stale translation matches")
	}
	reportWrites(o.stdout, writes)
	for _, a := range done {
		fmt.Fprintf(o.stdout, "accepted %s %s (%s)\n", a.Locale, a.ID, a.Doc)
	}
	return nil
}
