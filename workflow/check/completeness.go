package check

import (
	"fmt"
	"strings"

	"github.com/hopeborder/bitext/workflow/textdiff"
)

// checkUntranslated reports an entry with no translation.
func checkUntranslated(e *entry) string {
	if e.inFile {
		return "not translated yet: write the translation in \"other\" (the English is in the comment above)"
	}
	return "not in the locale file: run `bitext update` to add it, then translate it"
}

// checkStale reports a translation made from an older English, with the
// change of the English when it is known.
func checkStale(e *entry) string {
	accept := fmt.Sprintf("revise the translation, then run `bitext accept %s %s`", e.locale, e.id)
	if !e.hasWas {
		return "the English changed since this was translated (the old text is no longer known): compare with the English, " + accept
	}
	return fmt.Sprintf("the English changed since this was translated: %s; %s", compactDiff(textdiff.Words(e.was, e.src.s)), accept)
}

// checkOrphaned reports a translation whose unit is gone from the source.
func checkOrphaned(e *entry) string {
	return "no unit of the source has this ID any more: `bitext update` moves the translation to the history, and brings it back if the unit returns"
}

// diffContext is how many words of unchanged text a compact diff keeps on
// each side of a change.
const diffContext = 4

// compactDiff formats d as textdiff does ("the [-red-]{+blue+} house"),
// cutting long unchanged stretches down to a few words around each change,
// and long changes (a paragraph rewritten) to their ends, so that the diff
// fits a one-line message.
func compactDiff(d textdiff.Diff) string {
	var b strings.Builder
	for i, c := range d {
		switch c.Op {
		case textdiff.Delete:
			b.WriteString("[-" + textdiff.Abridge(c.Text, 2*diffContext) + "-]")
		case textdiff.Insert:
			b.WriteString("{+" + textdiff.Abridge(c.Text, 2*diffContext) + "+}")
		default:
			words := strings.Fields(c.Text)
			lead := strings.HasPrefix(c.Text, " ") || strings.HasPrefix(c.Text, "\u00a0")
			trail := strings.HasSuffix(c.Text, " ") || strings.HasSuffix(c.Text, "\u00a0")
			first, last := i == 0, i == len(d)-1
			keep := 2 * diffContext
			if first || last {
				keep = diffContext
			}
			if len(words) <= keep {
				b.WriteString(c.Text)
				continue
			}
			if lead {
				b.WriteByte(' ')
			}
			switch {
			case first:
				b.WriteString("… " + strings.Join(words[len(words)-diffContext:], " "))
			case last:
				b.WriteString(strings.Join(words[:diffContext], " ") + " …")
			default:
				b.WriteString(strings.Join(words[:diffContext], " ") + " … " + strings.Join(words[len(words)-diffContext:], " "))
			}
			if trail {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}
