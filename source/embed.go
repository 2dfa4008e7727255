// Package source holds the articles bitext ships with, as published. The
// first of them is the default the bitext command runs on in a folder that
// has no articles of its own.
package source

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed *.txt
var files embed.FS

// FS returns the shipped articles as a file system in which they sit where a
// project keeps them: source/<name>.
func FS() fs.FS { return prefixFS{} }

type prefixFS struct{}

func (prefixFS) Open(name string) (fs.File, error) {
	switch {
	case name == "source":
		return files.Open(".")
	case strings.HasPrefix(name, "source/"):
		return files.Open(strings.TrimPrefix(name, "source/"))
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
