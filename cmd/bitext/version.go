package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Release builds stamp these with -ldflags (see .goreleaser.yaml and
// .ci/run):
//
//	-X main.version=v1.2.3 -X main.commit=<sha> -X main.date=<commit date, RFC 3339>
//
// Left empty, they come from the build information Go records: the module
// version for `go install …@v1.2.3`, and the VCS revision and time for a
// build in a git checkout.
var (
	version = ""
	commit  = ""
	date    = ""
)

type versionOptions struct {
	*globalOptions
	format string
}

// buildInfo is what `bitext version` reports.
type buildInfo struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
	Go      string `json:"go"`
	// Modules are the libraries bitext reads and writes files with.
	Modules []moduleVersion `json:"modules"`
}

type moduleVersion struct {
	Path    string `json:"path"`
	Version string `json:"version"`
}

// versionInfo returns the version stamps, completed from the build
// information.
func versionInfo() buildInfo {
	b := buildInfo{Version: version, Commit: commit, Date: date, Modules: []moduleVersion{}}
	info, ok := debug.ReadBuildInfo()
	if ok {
		b.Go = info.GoVersion
		if b.Version == "" && info.Main.Version != "" {
			b.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && b.Commit == "":
				b.Commit = s.Value
			case s.Key == "vcs.time" && b.Date == "":
				b.Date = s.Value
			}
		}
		for _, dep := range info.Deps {
			switch dep.Path {
			case "github.com/nicksnyder/go-i18n/v2", "golang.org/x/text", "github.com/yuin/goldmark":
				b.Modules = append(b.Modules, moduleVersion{dep.Path, dep.Version})
			}
		}
	}
	if b.Version == "" {
		b.Version = "(devel)"
	}
	return b
}

// String is the first line of `bitext version` and all of
// `bitext --version`: "bitext v1.2.3 (commit 0123abc, 2026-01-02T03:04:05Z)".
func (b buildInfo) String() string {
	var extra []string
	if b.Commit != "" {
		c := b.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		extra = append(extra, "commit "+c)
	}
	if b.Date != "" {
		extra = append(extra, b.Date)
	}
	s := "bitext " + b.Version
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}

func newVersionCmd(g *globalOptions) *cobra.Command {
	o := &versionOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version of bitext and of the libraries it reads files with",
		Example: `  bitext version
  bitext --version
  bitext version --format json | jq -r .commit`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersion(o)
		},
	}
	addFormatFlag(cmd, &o.format, "text", "json")
	return cmd
}

func runVersion(o *versionOptions) error {
	if err := checkFormat(o.format, "text", "json"); err != nil {
		return err
	}
	b := versionInfo()
	if o.format == "json" {
		return writeJSON(o.stdout, versionJSON{Schema: schemaVersion, buildInfo: b})
	}
	fmt.Fprintln(o.stdout, b.String())
	if b.Go != "" {
		fmt.Fprintf(o.stdout, "  %s\n", b.Go)
	}
	for _, m := range b.Modules {
		fmt.Fprintf(o.stdout, "  %s %s\n", m.Path, m.Version)
	}
	return nil
}

// versionJSON is the bitext-version/1 document.
type versionJSON struct {
	Schema string `json:"schema"`
	buildInfo
}
