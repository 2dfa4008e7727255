package main

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/project"
)

// Shell completion: cobra's completion command writes the scripts for
// bash, zsh, fish and PowerShell, which ask `bitext __complete …` for the
// words. The values of flags are completed here, and so are what only the
// project knows: its locales, documents and unit IDs.

// registerCompletions completes the root's flags.
func registerCompletions(root *cobra.Command, g *globalOptions) {
	fixed := func(values ...string) cobra.CompletionFunc {
		return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
	}
	_ = root.RegisterFlagCompletionFunc("message-format", fixed("toml", "json", "yaml"))
	_ = root.RegisterFlagCompletionFunc("color", fixed("auto", "always", "never"))
	_ = root.RegisterFlagCompletionFunc("dir", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	_ = root.RegisterFlagCompletionFunc("config", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = root.RegisterFlagCompletionFunc("locales", func(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return completeList(g.configuredLocales(cmd))(cmd, nil, toComplete)
	})
}

// completeList completes a comma-separated list of values: "html,bi"
// gives "html,bilingual", and values already in the list are not offered
// again.
func completeList(values []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		i := strings.LastIndexByte(toComplete, ',')
		head, last := toComplete[:i+1], toComplete[i+1:]
		have := strings.Split(head, ",")
		var out []cobra.Completion
		for _, v := range values {
			if strings.HasPrefix(v, last) && !slices.Contains(have, v) {
				out = append(out, head+v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// quietly runs f with nothing printed on stderr: a completion must not
// write notices and warnings into the user's command line.
func (g *globalOptions) quietly(f func()) {
	saved, quiet := g.stderr, g.quiet
	g.stderr, g.quiet = io.Discard, true
	defer func() { g.stderr, g.quiet = saved, quiet }()
	f()
}

// configuredLocales returns the project's target locales, or none when
// its configuration cannot be read.
func (g *globalOptions) configuredLocales(cmd *cobra.Command) []string {
	var tags []string
	g.quietly(func() {
		if l, err := loadConfig(g, cmd); err == nil {
			tags = l.cfg.Locales
		}
	})
	return tags
}

// completionWorkspace loads the project for a completion, or returns nil.
func (g *globalOptions) completionWorkspace(cmd *cobra.Command) *project.Workspace {
	var w *project.Workspace
	g.quietly(func() {
		if _, ws, err := loadWorkspace(g, cmd); err == nil {
			w = ws
		}
	})
	return w
}

// complete completes accept's arguments: the locale first, then the IDs
// of its stale units (of every locale with --all-locales), those already
// given left out.
func (o *acceptOptions) complete(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) == 0 && !o.allLocales {
		var out []cobra.Completion
		for _, t := range o.configuredLocales(cmd) {
			if strings.HasPrefix(t, toComplete) {
				out = append(out, t)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	if o.all {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	w := o.completionWorkspace(cmd)
	if w == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	given := args
	locale := ""
	if !o.allLocales {
		locale, given = args[0], args[1:]
	}
	var out []cobra.Completion
	seen := map[string]bool{}
	for _, d := range w.Docs {
		if o.doc != "" && o.doc != d.Name && o.doc != d.SourcePath {
			continue
		}
		for _, l := range d.Locales {
			if locale != "" && !strings.EqualFold(l.Tag.String(), locale) {
				continue
			}
			for i := range l.Entries {
				e := &l.Entries[i]
				id := e.Unit.ID
				if e.State != project.Stale || seen[id] || slices.Contains(given, id) || !strings.HasPrefix(id, toComplete) {
					continue
				}
				seen[id] = true
				out = append(out, cobra.CompletionWithDesc(id, d.Name))
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeDoc completes --doc with the documents' names.
func (o *acceptOptions) completeDoc(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	w := o.completionWorkspace(cmd)
	if w == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, d := range w.Docs {
		if strings.HasPrefix(d.Name, toComplete) {
			out = append(out, cobra.CompletionWithDesc(d.Name, d.SourcePath))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeMinComplete completes --min-complete with LOCALE=100 for each
// target locale, and off.
func (o *checkOptions) completeMinComplete(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	out := []cobra.Completion{}
	for _, t := range o.configuredLocales(cmd) {
		if c := t + "=100"; strings.HasPrefix(c, toComplete) {
			out = append(out, c)
		}
	}
	if strings.HasPrefix("off", toComplete) {
		out = append(out, "off")
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// complete completes review's arguments: a locale, then the IDs of
// translations not yet reviewed in it.
func (o *reviewOptions) complete(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) == 0 {
		var out []cobra.Completion
		for _, t := range o.configuredLocales(cmd) {
			if strings.HasPrefix(t, toComplete) {
				out = append(out, t)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	w := o.completionWorkspace(cmd)
	if o.all || o.start || w == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, d := range w.Docs {
		if o.doc != "" && o.doc != d.Name && o.doc != d.SourcePath {
			continue
		}
		for _, l := range d.Locales {
			if !strings.EqualFold(l.Tag.String(), args[0]) {
				continue
			}
			for i := range l.Entries {
				e := &l.Entries[i]
				id := e.Unit.ID
				if e.State != project.Translated || e.Reviewed() || slices.Contains(args[1:], id) || !strings.HasPrefix(id, toComplete) {
					continue
				}
				out = append(out, cobra.CompletionWithDesc(id, d.Name))
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
