package segment

import "bytes"

// maxNesting is how deep lists and block quotes may nest in a Markdown
// source. goldmark tries its block parsers again at every level of a line
// and measures the line's indentation from its start every time, so a line
// of n nested markers ("- - - - … x", "> > > …") costs it O(n²): 200 KB of
// "- " took half a minute. Articles nest lists a few levels at most.
const maxNesting = 32

// tooDeep returns the first line of a Markdown body (1-based) where lists
// and block quotes may nest more than maxNesting deep, or 0. It reads each
// line once, before goldmark does, and errs on the side of depth: a line
// counts every list marker and ">" that starts it, and the list items its
// indentation may continue, at least 2 columns each, up to as many
// containers as the lines before may have left open. A line can continue
// no more containers than were open after the line before; these are the
// containers that line matched or opened, or, after a lazy continuation
// line (which matches none), those open before it.
func tooDeep(src []byte) int {
	open := 0 // containers that may be open after the line before
	for n, off := 1, 0; off < len(src); n++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		depth := lineDepth(src[off:end], open)
		if depth > maxNesting {
			return n
		}
		open = max(open, depth)
		off = end + 1
	}
	return 0
}

// lineDepth returns the most containers line may be inside of, when at
// most open were open before it.
func lineDepth(line []byte, open int) int {
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
			return markers + min(open, cols/2)
		case c == '-' || c == '+' || c == '*':
			if !markerEnds(line, i+1) {
				return markers + min(open, cols/2)
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
				return markers + min(open, cols/2)
			}
			markers++
			inItem = true
			i = j + 1
		default:
			return markers + min(open, cols/2)
		}
		if c == mark && i > tb {
			marks--
		}
	}
	return markers + min(open, cols/2)
}

// markerEnds reports whether a list marker may end at line[i]: white space
// or the end of the line follows.
func markerEnds(line []byte, i int) bool {
	return i == len(line) || line[i] == ' ' || line[i] == '\t'
}
