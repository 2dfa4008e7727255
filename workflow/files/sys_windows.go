package files

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows"
)

// exchange is not available on Windows: writes move the old file aside
// instead (see replace).
func exchange(a, b string) error {
	return fmt.Errorf("exchange %s and %s: %w", a, b, errors.ErrUnsupported)
}

// renameNoReplace is MoveFileEx without MOVEFILE_REPLACE_EXISTING, which
// fails when the target exists.
func renameNoReplace(from, to string) error {
	f, err := windows.UTF16PtrFromString(from)
	if err != nil {
		return err
	}
	t, err := windows.UTF16PtrFromString(to)
	if err != nil {
		return err
	}
	return wrapPath("rename", to, windows.MoveFileEx(f, t, windows.MOVEFILE_WRITE_THROUGH))
}

// Windows cannot sync a folder; a rename is as durable as NTFS makes it.
func isSyncUnsupported(err error) bool { return true }
