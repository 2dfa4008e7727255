// Package peer finds the outside tools that tests check bitext's files
// with (Translate Toolkit, gettext, OmegaT, xmllint). A test that needs
// one it cannot find is skipped, saying what to install; with
// BITEXT_REQUIRE_TOOLS=1 in the environment, as CI sets it, it fails
// instead, so that a missing install step cannot pass unseen.
package peer

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the command name, or skips (or fails) t,
// naming the Debian package that has it.
func Need(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "%s is not installed (apt-get install %s)", name, pkg)
	}
	return p
}

// Missing skips t, or fails it under BITEXT_REQUIRE_TOOLS=1.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("BITEXT_REQUIRE_TOOLS") == "1" {
		t.Fatalf("BITEXT_REQUIRE_TOOLS=1: "+format, args...)
	}
	t.Skipf(format, args...)
}
