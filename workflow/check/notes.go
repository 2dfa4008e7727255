package check

import (
	"fmt"
	"slices"
	"strings"
)

// checkNotes reports note references [^n] of the English that the
// translation lacks, and ones it adds, counting repeats.
func checkNotes(e *entry) string {
	if len(e.src.refs) == 0 && len(e.dst.refs) == 0 {
		return ""
	}
	src := labels(&e.src)
	dst := labels(&e.dst)
	var missing, extra []string
	i, j := 0, 0
	for i < len(src) || j < len(dst) {
		switch {
		case j == len(dst) || i < len(src) && src[i] < dst[j]:
			missing = append(missing, "[^"+src[i]+"]")
			i++
		case i == len(src) || dst[j] < src[i]:
			extra = append(extra, "[^"+dst[j]+"]")
			j++
		default:
			i++
			j++
		}
	}
	var msgs []string
	if len(missing) > 0 {
		msgs = append(msgs, fmt.Sprintf("note reference %s of the English %s missing", joinListed(missing, " "), isAre(len(missing))))
	}
	if len(extra) > 0 {
		msgs = append(msgs, fmt.Sprintf("note reference %s %s not in the English", joinListed(extra, " "), isAre(len(extra))))
	}
	if len(msgs) == 0 {
		return ""
	}
	return strings.Join(msgs, "; ") + "; keep each [^n] of the English once, where the sentence needs it"
}

// labels returns the note labels of in, sorted.
func labels(in *unitText) []string {
	out := slices.Clone(in.refs)
	slices.Sort(out)
	return out
}
