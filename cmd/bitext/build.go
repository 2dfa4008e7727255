package main

import (
	"github.com/spf13/cobra"
)

func newBuildCmd(g *globalOptions) *cobra.Command {
	o := &updateOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Run the whole job: update the locale files, check, and render",
		Long: `build is the main job: it updates the locale files from the sources (as
bitext update does), checks the translations and renders the editions into the
output folder. With no configuration it works on the project's bitext.yaml, or
on the shipped article in a folder without articles.`,
		Example: `  go run ./cmd/bitext build
  bitext build -C ~/articles`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUpdate(o, cmd)
		},
	}
	return cmd
}
