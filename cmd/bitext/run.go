package main

import (
	"errors"
	"fmt"
	"io"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1 // findings, or a gate that failed
	exitUsage    = 2 // usage, configuration or input error
)

// errFindings ends a command that has reported its findings: the exit
// code says so, and nothing more is printed.
var errFindings = errors.New("findings reported")

// run executes the bitext command line and returns the exit code. Errors
// are printed once, here.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	}
	fmt.Fprintf(stderr, "bitext: %v\n", err)
	return exitUsage
}
