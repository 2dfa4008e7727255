//go:build !linux

package main

import (
	"os"
	"testing"
)

// openTerminal would open a pseudo-terminal; this test knows how only on
// Linux.
func openTerminal(t *testing.T) (*os.File, func() string) {
	t.Skip("testing colour on a terminal needs Linux pseudo-terminals")
	return nil, nil
}
