package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/segment"
)

// madeUpWords returns n made-up words, different for each seed.
func madeUpWords(n, seed int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("w%d", (i*7919+seed*104729)%5003)
	}
	return strings.Join(w, " ") + "."
}

// TestStaleDiff: the stale message shows the English change word by word,
// and a paragraph rewritten from end to end by the ends of each side, in
// a message of one short line rather than two paragraphs.
func TestStaleDiff(t *testing.T) {
	tests := []struct {
		name, was, now, want string
		max                  int
	}{
		{"one word", "Little of substance as to migrant rights was proposed.", "Little of importance as to migrant rights was proposed.",
			"the English changed since this was translated: Little of [-substance-]{+importance+} as to migrant rights …; revise", 300},
		{"rewritten", madeUpWords(6000, 1), madeUpWords(6000, 2), " … ", 600},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEntry(segment.Paragraph, tc.now, "Traducido.", language.Spanish)
			e.id, e.state, e.was, e.hasWas = "p-x", stale, tc.was, true
			msg := checkStale(e)
			assert.Contains(t, msg, tc.want)
			assert.Less(t, len(msg), tc.max)
		})
	}
}
