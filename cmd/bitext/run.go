package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/files"
)

// Exit codes.
const (
	exitOK          = 0
	exitFindings    = 1   // findings, or a gate that failed
	exitUsage       = 2   // usage, configuration or input error
	exitInterrupted = 130 // stopped by Ctrl-C or SIGTERM, as shells count it
)

// errFindings ends a command that has reported its findings: the exit
// code says so, and nothing more is printed.
var errFindings = errors.New("findings reported")

// reportedError is an error a command has already written to stdout in
// its output format (check's JSON, JUnit or annotations): execute prints
// it on stderr only.
type reportedError struct{ err error }

func (e reportedError) Error() string { return e.err.Error() }
func (e reportedError) Unwrap() error { return e.err }

// run executes the bitext command line on the machine's file system, with
// Ctrl-C and SIGTERM handled (see interrupts), and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	in := catchInterrupts(stderr)
	defer in.stop()
	return execute(in.ctx, env{fs: files.OS, interrupts: in}, args, stdin, stdout, stderr)
}

// env is what a run works with beyond its arguments: the file system it
// writes through (tests put a fault-injecting one there) and the signal
// handling, nil in tests.
type env struct {
	fs         files.FS
	interrupts *interrupts
}

// execute runs the command line and returns the exit code. Errors are
// printed once, here.
func execute(ctx context.Context, e env, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(e, stdin, stdout, stderr)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	var interrupted *files.InterruptedError
	var reported reportedError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &interrupted):
		fmt.Fprintf(stderr, "bitext: %v\n", err)
		return exitInterrupted
	case errors.As(err, &reported):
	case cmd != nil && formatOf(cmd) == "json":
		// What reads the JSON gets JSON that says why there is none.
		_ = writeJSON(stdout, newErrorJSON(cmd.Name(), err))
	}
	fmt.Fprintf(stderr, "bitext: %v\n", err)
	return exitUsage
}

// formatOf returns the --format a command was given, or "".
func formatOf(cmd *cobra.Command) string {
	if f := cmd.Flags().Lookup("format"); f != nil {
		return f.Value.String()
	}
	return ""
}
