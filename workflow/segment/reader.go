package segment

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// Reader cuts one source file into a Document. A new source format is one
// more Reader and one more row in readers; nothing else changes.
type Reader interface {
	// Read segments src, the contents of the file at path (slash-separated).
	// Units come back without IDs; note references use the labels the
	// source gives.
	Read(path string, src []byte) (*Document, error)
}

// readers maps a file extension to the reader for it.
var readers = map[string]Reader{
	".txt":      Text{},
	".md":       Markdown{},
	".markdown": Markdown{},
}

// Extensions returns the file extensions that have a reader, sorted.
func Extensions() []string {
	return slices.Sorted(maps.Keys(readers))
}

// ReaderFor returns the reader for the file at path, chosen by extension.
func ReaderFor(p string) (Reader, error) {
	r, ok := readers[strings.ToLower(path.Ext(p))]
	if !ok {
		return nil, fmt.Errorf("%s: no reader for %q files; sources must be plain text (.txt) or Markdown (.md)", p, path.Ext(p))
	}
	return r, nil
}

// Read segments the source file at path with the reader its extension calls for.
func Read(p string, src []byte) (*Document, error) {
	r, err := ReaderFor(p)
	if err != nil {
		return nil, err
	}
	return r.Read(p, src)
}

// DocName returns the document name for a source path: its base name
// without the extension.
func DocName(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}

// cleanSource checks that src is UTF-8 and strips a byte-order mark.
func cleanSource(p string, src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !utf8.Valid(src) {
		line := 1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				return nil, errorf(p, line, "invalid UTF-8 byte 0x%02x; save the file as UTF-8", src[i])
			}
			if r == '\n' {
				line++
			}
			i += size
		}
	}
	return src, nil
}
