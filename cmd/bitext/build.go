package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

type buildOptions struct {
	*globalOptions
	check  *checkOptions
	render *renderOptions
}

func newBuildCmd(g *globalOptions) *cobra.Command {
	o := &buildOptions{
		globalOptions: g,
		check:         &checkOptions{globalOptions: g},
		render:        &renderOptions{globalOptions: g},
	}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Run the whole job: update the locale files, check, and render",
		Long: `build is the main job. It updates the message files from the sources (as
bitext update does), checks the translations (as bitext check does, with its
gates) and writes the editions into the output folder (as bitext render
does). The editions are written even when a gate fails; the exit code then
says so (1).

Standard output holds only the check's report, in --format (text, json,
junit or github), so that it parses; what update and render do is
progress, on standard error.

With no configuration it works on the project's bitext.yaml, or on the
shipped article in a folder without articles.`,
		Example: `  go run ./cmd/bitext build
  bitext build --min-complete es=100 --strict   # a release: complete or nothing
  bitext build -C ~/articles --paper letter`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBuild(o, cmd)
		},
	}
	addCheckFlags(cmd, o.check)
	o.render.addFlags(cmd)
	return cmd
}

func runBuild(o *buildOptions, cmd *cobra.Command) error {
	err := build(o, cmd)
	if err != nil && !errors.Is(err, errFindings) {
		return o.check.reportError(cmd, err)
	}
	return err
}

func build(o *buildOptions, cmd *cobra.Command) error {
	if err := o.check.validate(); err != nil {
		return err
	}
	want, err := o.render.editions()
	if err != nil {
		return err
	}
	if o.render.engine != "go" && o.render.engine != "chromium" {
		return fmt.Errorf("--engine %q: use go or chromium", o.render.engine)
	}
	l, w, unlock, err := lockedWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	defer unlock()
	// The whole configuration is checked before anything is written: a
	// bad paper size or gate must not leave the locale files updated and
	// the editions not.
	cfg, err := o.check.config(l)
	if err != nil {
		return err
	}
	if err := cfg.Validate(w); err != nil {
		return err
	}
	if err := o.render.validate(l); err != nil {
		return err
	}
	if err := o.render.validateDocs(w, want); err != nil {
		return err
	}

	progress := o.progressOut()
	// One build cache for update, check and the editions, saved by
	// render.
	bc := openCache(l, o.render.rebuild)
	fmt.Fprintln(progress, "== update")
	writes, err := w.UpdateWith(bc)
	if err != nil {
		return err
	}
	if err := writeAll(o.globalOptions, cmd, l.root, writes); err != nil {
		return err
	}
	printUpdate(progress, w)
	reportWrites(progress, writes)
	if len(writes) > 0 {
		// Findings name lines of the files as written: the documents
		// written are read again (of an archive, the one edited).
		var paths []string
		for _, wr := range writes {
			paths = append(paths, wr.Path)
		}
		if w, err = w.Reloaded(l.inputs, paths); err != nil {
			return err
		}
	}

	fmt.Fprintln(progress, "\n== check")
	checked := checkWorkspace(o.check, cmd, l, w, bc)
	if checked != nil && !errors.Is(checked, errFindings) {
		return checked
	}

	fmt.Fprintln(progress, "\n== render")
	res, err := renderWorkspace(o.render, l, w, want, bc)
	if res != nil {
		res.print(progress, o.stderr)
	}
	if err != nil {
		return err
	}
	return checked
}
