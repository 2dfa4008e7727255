package segment

import (
	"bytes"
	"fmt"
)

// The limits are shapes of Markdown that goldmark (v1.8.7) takes
// quadratic time over, which the reader refuses before goldmark sees
// them, at their line. No article comes near them.
const (
	// maxNesting is how deep lists and block quotes may nest. goldmark
	// tries its block parsers again at every level of a line and measures
	// the line's indentation from its start every time, so a line of n
	// nested markers ("- - - - … x", "> > > …") costs it O(n²): 200 KB of
	// "- " took half a minute.
	maxNesting = 32
	// maxRefWork bounds, in a block of lines without a blank one, the
	// lines that start with "[" times the lines: goldmark takes each link
	// reference definition ("[label]: url") off the front of its
	// paragraph by copying the lines after it, so 75,000 definitions in a
	// row took 18 s. 2,048 in a row are fine.
	maxRefWork = 1 << 22
)

// overLimit returns the first line of a Markdown body (1-based) that
// goes past a limit, and what to tell the author, or 0. It reads each line
// once.
//
// For nesting it errs on the side of depth: a line counts every list
// marker and ">" that starts it, and the list items its indentation may
// continue, at least 2 columns each, up to as many containers as the
// lines before may have left open. A line can continue no more containers
// than were open after the line before; these are the containers that
// line matched or opened, or, after a lazy continuation line (which
// matches none), those open before it.
func overLimit(src []byte) (int, string) {
	open := 0 // containers that may be open after the line before
	// The block of non-blank lines the line is in: where it starts, its
	// lines, and those that start with "[".
	blockStart, lines, refs := 0, 0, 0
	for n, off := 1, 0; off < len(src); n++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := src[off:end]
		depth, text := lineDepth(line, open)
		if depth > maxNesting {
			return n, fmt.Sprintf("lists or block quotes nested more than %d levels deep; flatten them", maxNesting)
		}
		open = max(open, depth)
		switch rest := bytes.TrimSpace(line[text:]); {
		case len(rest) == 0:
			lines, refs = 0, 0
		default:
			if lines == 0 {
				blockStart = n
			}
			lines++
			if rest[0] == '[' {
				refs++
			}
			if refs*lines > maxRefWork {
				return blockStart, fmt.Sprintf("a block of %d lines, %d of them starting with [ (link reference definitions), without a blank line: too many to read; put blank lines between the definitions", lines, refs)
			}
		}
		off = end + 1
	}
	return 0, ""
}

// lineDepth returns the most containers line may be inside of, when at
// most open were open before it, and where the text after the markers
// starts.
func lineDepth(line []byte, open int) (depth, text int) {
	line = bytes.TrimSuffix(line, []byte("\r"))
	// A thematic break ("* * *", "- - - -") may follow the markers: it is
	// a leaf, not more list items. tb is where the longest run of one
	// break character and white space that ends the line starts.
	tb, mark := len(line), byte(0)
	for tb > 0 {
		c := line[tb-1]
		if c == ' ' || c == '\t' {
			tb--
			continue
		}
		if mark == 0 {
			if c != '-' && c != '*' && c != '_' {
				break
			}
			mark = c
		}
		if c != mark {
			break
		}
		tb--
	}
	marks := bytes.Count(line[tb:], []byte{mark})

	cols := 0       // columns of white space before the first list marker
	markers := 0    // list markers and ">"
	inItem := false // a list marker was seen: what follows is new
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ':
			if !inItem {
				cols++
			}
			i++
		case c == '\t':
			if !inItem {
				cols += 4 - cols%4
			}
			i++
		case c == '>':
			markers++
			i++
			if i < len(line) && line[i] == ' ' {
				// The space a quote marker takes with it.
				i++
			}
		case i >= tb && c == mark && marks >= 3:
			return markers + min(open, cols/2), i
		case c == '-' || c == '+' || c == '*':
			if !markerEnds(line, i+1) {
				return markers + min(open, cols/2), i
			}
			markers++
			inItem = true
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j-i > 9 || j == len(line) || line[j] != '.' && line[j] != ')' || !markerEnds(line, j+1) {
				return markers + min(open, cols/2), i
			}
			markers++
			inItem = true
			i = j + 1
		default:
			return markers + min(open, cols/2), i
		}
		if c == mark && i > tb {
			marks--
		}
	}
	return markers + min(open, cols/2), len(line)
}

// markerEnds reports whether a list marker may end at line[i]: white space
// or the end of the line follows.
func markerEnds(line []byte, i int) bool {
	return i == len(line) || line[i] == ' ' || line[i] == '\t'
}
