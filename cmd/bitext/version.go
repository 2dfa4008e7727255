package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build information is shown.
var version = ""

func newVersionCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version of bitext and of the libraries it reads files with",
		Example: `  bitext version`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := version
			info, ok := debug.ReadBuildInfo()
			if v == "" {
				v = "(devel)"
				if ok && info.Main.Version != "" {
					v = info.Main.Version
				}
			}
			fmt.Fprintf(g.stdout, "bitext %s\n", v)
			if ok {
				fmt.Fprintf(g.stdout, "  %s\n", info.GoVersion)
				for _, dep := range info.Deps {
					switch dep.Path {
					case "github.com/nicksnyder/go-i18n/v2", "golang.org/x/text", "github.com/yuin/goldmark":
						fmt.Fprintf(g.stdout, "  %s %s\n", dep.Path, dep.Version)
					}
				}
			}
			return nil
		},
	}
}
