package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

type unitsOptions struct {
	*globalOptions
	format string
}

// unitJSON is one unit in `bitext units --format json`.
type unitJSON struct {
	Doc   string `json:"doc"`
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Pos   string `json:"pos"`
	Label string `json:"label,omitempty"`
	Text  string `json:"text"`
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
  bitext units --format json | jq -r '.[] | select(.kind == "note") | .text'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, w, err := loadWorkspace(o.globalOptions, cmd)
			if err != nil {
				return err
			}
			var all []unitJSON
			for _, d := range w.Docs {
				for _, u := range d.Units {
					all = append(all, unitJSON{Doc: d.Name, ID: u.ID, Kind: string(u.Kind), Pos: fmt.Sprintf("%s:%d", d.SourcePath, u.Line), Label: u.Label, Text: u.Text})
				}
			}
			switch o.format {
			case "json":
				enc := json.NewEncoder(o.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(all)
			case "text":
				for _, u := range all {
					fmt.Fprintf(o.stdout, "%s: %s [%s] %s\n", u.Pos, u.ID, u.Kind, u.Text)
				}
				return nil
			}
			return fmt.Errorf("--format %q: use text or json", o.format)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	return cmd
}
