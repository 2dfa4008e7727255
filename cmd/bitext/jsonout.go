package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/check"
	"github.com/hopeborder/bitext/workflow/project"
)

// The names of the JSON documents the commands write with --format json,
// documented in README.md ("JSON output"). A name changes only when a
// field is removed or changes meaning; fields may be added. Every
// document's first field is "schema", every list is present (empty when
// there is nothing), and positions are "file" (slash path), "line" and
// "column" (1-based; 0 when not known).
const (
	schemaUpdate  = "bitext-update/1"
	schemaAccept  = "bitext-accept/1"
	schemaRender  = "bitext-render/1"
	schemaStatus  = "bitext-status/1"
	schemaUnits   = "bitext-units/1"
	schemaChecks  = "bitext-checks/1"
	schemaVersion = "bitext-version/1"
	// schemaError is what any command writes instead of its own document
	// when it fails with a usage, configuration or input error.
	schemaError = "bitext-error/1"
)

// writeJSON writes v indented, as every JSON document of bitext is.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// addFormatFlag adds --format with the given values, the first the
// default, and their shell completion.
func addFormatFlag(cmd *cobra.Command, p *string, formats ...string) {
	cmd.Flags().StringVar(p, "format", formats[0], "output format: "+orList(formats))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat reports a --format value that is not one of formats.
func checkFormat(format string, formats ...string) error {
	if slices.Contains(formats, format) {
		return nil
	}
	return fmt.Errorf("--format %q: use %s", format, orList(formats))
}

// orList writes "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// fileAction is one file a command wrote, removed or left as it was.
type fileAction struct {
	File string `json:"file"`
	// Action is "write", "remove", or, for render, "unchanged"; for
	// update --dry-run, what would be done.
	Action string `json:"action"`
}

func fileActions(writes []project.Write) []fileAction {
	out := make([]fileAction, 0, len(writes))
	for _, w := range writes {
		a := "write"
		if w.Remove {
			a = "remove"
		}
		out = append(out, fileAction{File: w.Path, Action: a})
	}
	return out
}

// errorJSON is the bitext-error/1 document: a command that stops with an
// error writes it instead of its own, so that standard output still
// parses. Findings are the errors that have a file and a position (a
// locale file that does not parse, say), as check reports them.
type errorJSON struct {
	Schema   string         `json:"schema"`
	Command  string         `json:"command"`
	Message  string         `json:"message"`
	Findings check.Findings `json:"findings"`
}

func newErrorJSON(command string, err error) errorJSON {
	fs := check.ErrorFindings(err)
	if fs == nil {
		fs = check.Findings{}
	}
	return errorJSON{Schema: schemaError, Command: command, Message: err.Error(), Findings: fs}
}
