package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

type unitsOptions struct {
	*globalOptions
	format string
}

// unitsJSON is the bitext-units/1 document.
type unitsJSON struct {
	Schema string     `json:"schema"`
	Units  []unitJSON `json:"units"`
}

// unitJSON is one unit: where it is in its source (File, Line; Column is
// 0, units start a line), its ID, kind and text.
type unitJSON struct {
	Doc    string `json:"doc"`
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Label  string `json:"label,omitempty"`
	Text   string `json:"text"`
}

func newUnitsCmd(g *globalOptions) *cobra.Command {
	o := &unitsOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "units",
		Short: "List the translation units of the sources",
		Long: `units lists every translation unit of every source, in reading order, with its
position in the source (file:line), ID, kind and text, as update would write
them. It writes nothing.`,
		Example: `  bitext units
  bitext units --format json | jq -r '.units[] | select(.kind == "note") | .text'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUnits(o, cmd)
		},
	}
	addFormatFlag(cmd, &o.format, "text", "json")
	return cmd
}

func runUnits(o *unitsOptions, cmd *cobra.Command) error {
	if err := checkFormat(o.format, "text", "json"); err != nil {
		return err
	}
	_, w, err := loadWorkspace(o.globalOptions, cmd)
	if err != nil {
		return err
	}
	all := []unitJSON{}
	for _, d := range w.Docs {
		for _, u := range d.Units {
			all = append(all, unitJSON{Doc: d.Name, ID: u.ID, Kind: string(u.Kind), File: d.SourcePath, Line: u.Line, Label: u.Label, Text: u.Text})
		}
	}
	if o.format == "json" {
		return writeJSON(o.stdout, unitsJSON{Schema: schemaUnits, Units: all})
	}
	for _, u := range all {
		fmt.Fprintf(o.stdout, "%s:%d: %s [%s] %s\n", u.File, u.Line, u.ID, u.Kind, u.Text)
	}
	return nil
}
