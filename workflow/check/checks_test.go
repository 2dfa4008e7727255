package check

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/segment"
)

// checkCase is a row of a check's test table: an English text and its
// translation, and a part of the message the check must give, or "" when
// it must find nothing.
type checkCase struct {
	name     string
	src, dst string
	want     string
	kind     segment.Kind // default paragraph
	locale   string       // default es
}

// runTable runs one check over its table. Every table has rows that must
// be flagged and rows that must not, so that neither a check that flags
// everything nor one that flags nothing passes.
func runTable(t *testing.T, run func(*entry) string, cases []checkCase) {
	t.Helper()
	flagged, clean := 0, 0
	for _, tc := range cases {
		if tc.want == "" {
			clean++
		} else {
			flagged++
		}
		t.Run(tc.name, func(t *testing.T) {
			kind, loc := tc.kind, tc.locale
			if kind == "" {
				kind = segment.Paragraph
			}
			if loc == "" {
				loc = "es"
			}
			e := newEntry(kind, tc.src, tc.dst, language.MustParse(loc))
			got := run(e)
			if tc.want == "" {
				assert.Empty(t, got, "%q → %q must pass", tc.src, tc.dst)
				return
			}
			assert.Contains(t, got, tc.want, "%q → %q", tc.src, tc.dst)
		})
	}
	require.Positive(t, flagged, "the table needs rows the check must flag")
	require.Positive(t, clean, "the table needs rows the check must pass")
}

// TestChecksTable checks that the registry is sound: unique IDs, a
// function and a summary each, and the documented severities.
func TestChecksTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range checks {
		assert.False(t, seen[c.id], "duplicate check %s", c.id)
		seen[c.id] = true
		assert.NotNil(t, c.run, c.id)
		assert.NotEmpty(t, c.summary, c.id)
		assert.NotEqual(t, allowCheck, c.id)
	}
	assert.Equal(t, Warning, checkByID("orphaned").severity, "the issue asks for orphans as warnings")
	assert.Len(t, Checks(), len(checks)+1)
}

// TestHostileText checks that a message quoting translation text cannot
// drive the terminal or break the one-line format.
func TestHostileText(t *testing.T) {
	e := newEntry(segment.Paragraph, "(a) b", "\x1b[2J(a \u202eb\nc", language.Spanish)
	msg := checkBrackets(e)
	require.NotEmpty(t, msg)
	got := oneLine(msg)
	assert.NotContains(t, got, "\x1b")
	assert.NotContains(t, got, "\n")
	assert.NotContains(t, got, "\u202e")
	assert.Contains(t, got, `\x1b[2J(a \u202eb\x0ac`)
	assert.Equal(t, "plain «text»", oneLine("plain «text»"))
}
