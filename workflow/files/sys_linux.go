package files

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// exchange swaps two paths with renameat2(RENAME_EXCHANGE), which lets a
// writer see exactly what it replaced.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if err != nil && unsupported(err) {
		// Old kernels and some file systems (network ones, some
		// overlays) have no RENAME_EXCHANGE.
		return fmt.Errorf("exchange %s and %s: %w (%v)", a, b, errors.ErrUnsupported, err)
	}
	return wrapPath("exchange", b, err)
}

// renameNoReplace renames with renameat2(RENAME_NOREPLACE), falling back
// to a hard link where the file system lacks the flag.
func renameNoReplace(from, to string) error {
	err := unix.Renameat2(unix.AT_FDCWD, from, unix.AT_FDCWD, to, unix.RENAME_NOREPLACE)
	if err != nil && unsupported(err) {
		return linkRename(from, to)
	}
	return wrapPath("rename", to, err)
}

func unsupported(err error) bool {
	return errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP)
}

func isSyncUnsupported(err error) bool { return errors.Is(err, unix.EINVAL) }
