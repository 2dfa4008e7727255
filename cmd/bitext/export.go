package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/exchange"
	"github.com/hopeborder/bitext/workflow/project"
)

type exportOptions struct {
	*globalOptions
	format  string
	locales []string
	docs    []string
	out     string
	project bool
	force   bool
	copySrc bool
}

func newExportCmd(g *globalOptions) *cobra.Command {
	o := &exportOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the units to translate as XLIFF or PO, for a translator's tool",
		Long: `export writes, per document and locale, a file a translator's tool reads:
XLIFF 2.1 (--format xliff2), XLIFF 1.2 (xliff12: what Trados, memoQ and OmegaT
read best) or gettext PO (po: Poedit, Weblate, Translate Toolkit). Each unit
carries its ID, kind and position, its state (untranslated; needs review,
with the English it was translated from; translated), the translator
comments and suggestions. Note references, links, code spans and
placeholders are inline codes in XLIFF, so CAT tools protect them.

Files go to --out (default: exchange/), named <doc>.<locale>.xliff (XLIFF 2.1), .xlf (XLIFF 1.2) or .po; with
--project, one file per locale holds every document. Bring the work back with
bitext import. export writes nothing else.`,
		Example: `  bitext export --format xliff12            # exchange/<doc>.es.xlf, for OmegaT or Trados
  bitext export --format po --out po/       # for Poedit or Weblate
  bitext export --format xliff2 --project   # exchange/project.es.xliff`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(o, cmd)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "xliff2", "file format: xliff2 (XLIFF 2.1), xliff12 (XLIFF 1.2) or po")
	f.StringSliceVar(&o.locales, "locale", nil, "target locales to export (default: every target locale)")
	f.StringSliceVar(&o.docs, "doc", nil, "documents to export, by name or source path (default: all)")
	f.StringVarP(&o.out, "out", "o", "exchange", "folder to write the files to, relative to the project folder")
	f.BoolVar(&o.project, "project", false, "one file per locale for the whole project")
	f.BoolVar(&o.copySrc, "copy-source", false, "XLIFF 1.2: put a copy of the source in the target of untranslated units, as OmegaT needs")
	f.BoolVar(&o.force, "force", false, "replace exported files that differ (they may hold a translator's work: import them first)")
	return cmd
}

func runExport(o *exportOptions, cmd *cobra.Command) error {
	format, err := exchange.ParseFormat(o.format)
	if err == nil && o.copySrc && format != exchange.XLIFF12 {
		return fmt.Errorf("--copy-source is for --format xliff12 (OmegaT)")
	}
	if err != nil || format == exchange.TMX {
		return fmt.Errorf("--format %q: use xliff2, xliff12 or po (the memory goes to TMX with bitext tm export)", o.format)
	}
	if filepath.IsAbs(o.out) || strings.HasPrefix(filepath.ToSlash(filepath.Clean(o.out)), "../") {
		return fmt.Errorf("--out %q: give a folder inside the project", o.out)
	}
	l, w, err := loadWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	tags, err := parseLocales(o.locales, w.Locales())
	if err != nil {
		return err
	}
	type out struct {
		path string
		data []byte
	}
	var outs []out
	for _, tag := range tags {
		f, err := w.Export(tag, o.docs)
		if err != nil {
			return err
		}
		f.Date = exportDate(w)
		f.CopySource = o.copySrc
		var files []*exchange.File
		var names []string
		if o.project {
			files, names = []*exchange.File{f}, []string{"project"}
		} else {
			for i := range f.Docs {
				files = append(files, &exchange.File{Docs: f.Docs[i : i+1], Date: f.Date, CopySource: f.CopySource})
				names = append(names, f.Docs[i].Name)
			}
		}
		for i, xf := range files {
			data, err := encodeExchange(format, xf)
			if err != nil {
				return err
			}
			outs = append(outs, out{path.Join(filepath.ToSlash(o.out), names[i]+"."+tag.String()+format.Ext()), data})
		}
	}
	var writes []project.Write
	for _, x := range outs {
		wr, changed, err := w.ExchangeWrite(x.path, x.data, o.force)
		if err != nil {
			return err
		}
		if changed {
			writes = append(writes, wr)
		} else {
			fmt.Fprintf(o.stdout, "%s is up to date\n", x.path)
		}
	}
	if len(writes) == 0 {
		return nil
	}
	if err := writeAll(o.globalOptions, cmd, l.root, writes); err != nil {
		return err
	}
	reportWrites(o.stdout, writes)
	return nil
}

func encodeExchange(format exchange.Format, f *exchange.File) ([]byte, error) {
	switch format {
	case exchange.XLIFF12:
		return exchange.WriteXLIFF12(f)
	case exchange.PO:
		return exchange.WritePO(f), nil
	}
	return exchange.WriteXLIFF2(f)
}

// parseLocales reads --locale values; none means every target locale.
func parseLocales(in []string, targets []language.Tag) ([]language.Tag, error) {
	if len(in) == 0 {
		return targets, nil
	}
	var out []language.Tag
	for _, s := range splitList(in) {
		tag, err := language.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("--locale %q is not a locale tag (%v)", s, err)
		}
		ok := false
		for _, t := range targets {
			ok = ok || t == tag
		}
		if !ok {
			var names []string
			for _, t := range targets {
				names = append(names, t.String())
			}
			return nil, fmt.Errorf("--locale %s is not a target locale (configured: %s)", tag, strings.Join(names, ", "))
		}
		out = append(out, tag)
	}
	return out, nil
}
