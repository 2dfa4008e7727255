//go:build !linux && !darwin && !windows

package files

import (
	"errors"
	"fmt"
)

// exchange is not available here: writes move the old file aside instead
// (see replace).
func exchange(a, b string) error {
	return fmt.Errorf("exchange %s and %s: %w", a, b, errors.ErrUnsupported)
}

func renameNoReplace(from, to string) error { return linkRename(from, to) }

func isSyncUnsupported(err error) bool { return true }
