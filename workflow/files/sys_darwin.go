package files

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// exchange swaps two paths with renamex_np(RENAME_SWAP), which lets a
// writer see exactly what it replaced.
func exchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if err != nil && unsupported(err) {
		return fmt.Errorf("exchange %s and %s: %w (%v)", a, b, errors.ErrUnsupported, err)
	}
	return wrapPath("exchange", b, err)
}

// renameNoReplace renames with renamex_np(RENAME_EXCL), falling back to a
// hard link where the file system lacks the flag.
func renameNoReplace(from, to string) error {
	err := unix.RenamexNp(from, to, unix.RENAME_EXCL)
	if err != nil && unsupported(err) {
		return linkRename(from, to)
	}
	return wrapPath("rename", to, err)
}

func unsupported(err error) bool {
	return errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP)
}

func isSyncUnsupported(err error) bool { return errors.Is(err, unix.EINVAL) }
