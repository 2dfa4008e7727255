package check

import (
	"fmt"
	"strings"
)

// checkMarkup reports inline Markdown of the translation that is
// unbalanced or not as in the English: emphasis, strikethrough, code
// spans, links and images, and raw HTML (which the English must have:
// translation text is untrusted).
func checkMarkup(e *entry) string {
	s, d := &e.src, &e.dst
	if d.over() != "" && s.over() == "" {
		return "not read as Markdown: " + d.over() + "; every edition does the same"
	}
	var msgs []string
	differ := func(what string, a, b int) {
		if a != b {
			msgs = append(msgs, fmt.Sprintf("%s: %d in the English, %d in the translation", what, a, b))
		}
	}
	if d.openTicks > s.openTicks {
		msgs = append(msgs, "a ` opens a code span that is never closed")
	}
	differ("code spans", s.codeSpans, d.codeSpans)
	differ("links", s.links, d.links)
	differ("images", s.images, d.images)
	if d.looseEm > s.looseEm {
		msgs = append(msgs, "a * or _ opens or closes emphasis that is not closed or opened")
	}
	// Italics the translation adds are its own: Spanish, for one, sets
	// titles of works and foreign words in italics where English may not.
	if d.em < s.em {
		differ("emphasis (*…* or _…_)", s.em, d.em)
	}
	differ("strong emphasis (**…**)", s.strong, d.strong)
	if d.looseStrike > s.looseStrike {
		msgs = append(msgs, "a ~~ strikethrough is not closed")
	}
	differ("strikethrough (~~…~~)", s.strike, d.strike)
	if len(d.html) > 0 || len(s.html) > 0 {
		srcTags, dstTags := s.html, d.html
		missing, added := unmatched(srcTags, dstTags)
		var extra []string
		for _, j := range added {
			extra = append(extra, dstTags[j])
		}
		if len(extra) > 0 {
			shown, more := listed(extra)
			msgs = append(msgs, fmt.Sprintf("raw HTML %s%s is not in the English: write Markdown, or the text itself", shorten(strings.Join(shown, " ")), more))
		}
		if len(missing) > 0 {
			msgs = append(msgs, fmt.Sprintf("%s of the English %s missing", plural(len(missing), "HTML tag"), isAre(len(missing))))
		}
	}
	return strings.Join(msgs, "; ")
}
