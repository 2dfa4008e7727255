package segment

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
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

// Options are the choices a project makes about what its sources'
// readers turn into units.
type Options struct {
	// TranslateCode makes the code blocks of Markdown sources units, of
	// kind Code. Default: false (code passes through to every edition).
	TranslateCode bool
	// FrontMatterKeys are the keys of Markdown front matter whose strings
	// are translated, top-level keys or dotted paths ("params.subtitle").
	// Default (nil): DefaultFrontMatterKeys.
	FrontMatterKeys []string
}

// readers maps a file extension to the reader for it.
var readers = map[string]func(Options) Reader{
	".txt":      func(Options) Reader { return Text{} },
	".md":       func(o Options) Reader { return Markdown{o} },
	".markdown": func(o Options) Reader { return Markdown{o} },
	".docx":     func(o Options) Reader { return Docx{o} },
}

// Extensions returns the file extensions that have a reader, sorted.
func Extensions() []string {
	return slices.Sorted(maps.Keys(readers))
}

// ReaderFor returns the reader for the file at path, chosen by extension,
// with the options o.
func (o Options) ReaderFor(p string) (Reader, error) {
	r, ok := readers[strings.ToLower(path.Ext(p))]
	if !ok {
		return nil, fmt.Errorf("%s: no reader for %q files; sources must be plain text (.txt), Markdown (.md, .markdown) or Word (.docx)", p, path.Ext(p))
	}
	return r(o), nil
}

// ReaderFor returns the reader for the file at path, chosen by extension,
// with the default options.
func ReaderFor(p string) (Reader, error) { return Options{}.ReaderFor(p) }

// Read segments the source file at path with the reader its extension
// calls for, with the options o.
func (o Options) Read(p string, src []byte) (*Document, error) {
	r, err := o.ReaderFor(p)
	if err != nil {
		return nil, err
	}
	return r.Read(p, src)
}

// Read segments the source file at path with the reader its extension
// calls for, with the default options.
func Read(p string, src []byte) (*Document, error) { return Options{}.Read(p, src) }

// DocName returns the document name for a source path: its base name
// without the extension.
func DocName(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}

// cleanSource checks that src is UTF-8 text without control characters,
// and strips a byte-order mark. Control characters other than tab, line
// feed and carriage return (NUL, ESC, the C1 range…) have no place in an
// article, and would go on into the locale files and onto the terminals
// of whoever reads them.
func cleanSource(p string, src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	valid := utf8.Valid(src)
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
		case c == 0xc2 && i+1 < len(src) && src[i+1] >= 0x80 && src[i+1] < 0xa0:
			// U+0080 to U+009F, the C1 controls.
		case !valid && c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				line, col := lineCol(src, i)
				return nil, &Error{Path: p, Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 byte 0x%02x; save the file as UTF-8", c)}
			}
			i += size - 1
			continue
		default:
			continue
		}
		r, _ := utf8.DecodeRune(src[i:])
		line, col := lineCol(src, i)
		return nil, &Error{Path: p, Line: line, Col: col, Msg: fmt.Sprintf("control character %U; delete it (a source holds text, tabs and line breaks only)", r)}
	}
	return src, nil
}

// lineCol returns the 1-based line and column, in characters, of offset
// off of src.
func lineCol(src []byte, off int) (line, col int) {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return bytes.Count(src[:start], []byte("\n")) + 1, utf8.RuneCount(src[start:off]) + 1
}

// controlIn returns the first control character of s that cleanSource
// would refuse, and whether there is one: for text that reaches a unit
// by another way than the source bytes, such as YAML escapes.
func controlIn(s string) (rune, bool) {
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return r, true
		}
	}
	return 0, false
}
