package main

import (
	"fmt"
	"path"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/project"
)

type glossaryOptions struct {
	*globalOptions
	locales []string
	out     string
	force   bool
	dryRun  bool
}

func newGlossaryCmd(g *globalOptions) *cobra.Command {
	o := &glossaryOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "Export and import the project glossary as TBX, for OmegaT, Trados or Weblate",
		Long: `The project glossary (glossary/<locale>.yaml or .csv; see "Glossary" in the
README) gives each English term its approved translations, the forbidden ones,
a case rule and a note. The terms check holds translations to it, and update
shows a unit's terms in the locale file ("#. term:" lines). TBX-Basic is how
CAT tools exchange glossaries: glossary export writes it, glossary import
merges one into the YAML glossary.`,
		Args: cobra.NoArgs,
	}
	export := &cobra.Command{
		Use:   "export",
		Short: "Write the glossary as TBX-Basic",
		Long: `glossary export writes every locale's glossary as one TBX-Basic file,
--out/glossary.tbx (default exchange/glossary.tbx): a concept per English
term, the first approved rendering preferred, the others admitted, the
forbidden ones deprecated, names marked as proper nouns. Consistency rules
have no place in TBX and stay in the YAML.`,
		Example: `  bitext glossary export
  bitext glossary export --out omegat/glossary`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runGlossaryExport(o, cmd) },
	}
	export.Flags().StringVarP(&o.out, "out", "o", "exchange", "folder to write to, relative to the project folder")
	export.Flags().BoolVar(&o.force, "force", false, "replace a glossary.tbx that differs")

	imp := &cobra.Command{
		Use:   "import FILE.tbx",
		Short: "Merge a TBX glossary into the project glossary",
		Long: `glossary import reads a TBX file (TBX-Basic, TBX 2 or 3, as OmegaT, Trados
and Weblate write them) and merges the entries of each target locale into
glossary/<locale>.yaml: an entry of a term the file has replaces it in place,
new terms are added at the end; the file's top comments and consistency rules
stay. Preferred, admitted and unmarked terms are approved; deprecated,
superseded and obsolete ones forbidden. A file that cannot be read stops the
import with its line, and nothing is written. Run bitext update afterwards to
show the terms in the locale files.`,
		Example: `  bitext glossary import weblate-glossary.tbx
  bitext glossary import --locale es omegat/glossary.tbx`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runGlossaryImport(o, cmd, args[0]) },
	}
	imp.Flags().BoolVarP(&o.dryRun, "dry-run", "n", false, "show what would change, write nothing")
	cmd.PersistentFlags().StringSliceVar(&o.locales, "locale", nil, "import: target locales to take from the file (default: every target locale)")
	cmd.AddCommand(export, imp)
	return cmd
}

func runGlossaryExport(o *glossaryOptions, cmd *cobra.Command) error {
	if filepath.IsAbs(o.out) {
		return fmt.Errorf("--out %q: give a folder inside the project", o.out)
	}
	l, w, err := loadWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	p := path.Join(filepath.ToSlash(o.out), "glossary.tbx")
	wr, changed, err := w.ExchangeWrite(p, w.GlossaryTBX(), o.force)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.stdout, "%s: %d terms\n", p, len(w.Glossary().Entries))
	if !changed {
		fmt.Fprintf(o.stdout, "%s is up to date\n", p)
		return nil
	}
	writes := []project.Write{wr}
	if err := writeAll(o.globalOptions, cmd, l.root, writes); err != nil {
		return err
	}
	reportWrites(o.stdout, writes)
	return nil
}

func runGlossaryImport(o *glossaryOptions, cmd *cobra.Command, file string) error {
	data, err := readArg(o.dir, file)
	if err != nil {
		return err
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
	writes, report, err := w.ImportGlossary(filepath.ToSlash(file), data, tags)
	if err != nil {
		return fmt.Errorf("%w; nothing was imported", err)
	}
	for _, r := range report {
		fmt.Fprintf(o.stdout, "%s: %d new terms, %d replaced\n", r.Path, r.Added, r.Replaced)
	}
	if len(writes) == 0 {
		fmt.Fprintln(o.stdout, "the glossary is up to date")
		return nil
	}
	if err := commitWrites(o.globalOptions, cmd, l.root, writes, o.dryRun); err != nil {
		return err
	}
	if !o.dryRun {
		fmt.Fprintln(o.stdout, "run bitext update to show the terms in the locale files")
	}
	return nil
}
