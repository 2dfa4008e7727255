package check

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/segment"
)

// goldenCase is one case of testdata/sentence-golden-rules.json: the
// Pragmatic Segmenter's "golden rules" for English and Spanish and its
// Spanish contributors' cases (MIT licence; pySBD carries the same).
type goldenCase struct {
	ID       string   `json:"id"`
	Lang     string   `json:"lang"`
	Name     string   `json:"name"`
	Input    string   `json:"input"`
	Expected []string `json:"expected"`
}

// knownSentenceFailures are the golden cases the splitter gets wrong, and
// why. Like goldmark's known CommonMark failures, they are listed so that
// a fix shows up as a test to update and a regression as a failure.
var knownSentenceFailures = map[string]string{
	"en-golden-18":  "a.m./P.M. before a name: hard, and failed by the reference implementations too",
	"en-golden-31":  "lists whose markers have no period before the next item",
	"en-golden-33":  "lists whose markers have no period before the next item",
	"en-golden-35":  "lists whose markers have no period before the next item",
	"en-golden-37":  "lists whose markers have no period before the next item",
	"en-golden-38":  "lists whose markers have no period before the next item",
	"en-golden-39":  "lists whose markers have no period before the next item",
	"en-golden-42":  "line breaks as boundaries: unit text has none, Normalize makes them spaces",
	"es-contrib-03": "line breaks as boundaries: unit text has none, Normalize makes them spaces",
	"es-contrib-04": "line breaks as boundaries: unit text has none, Normalize makes them spaces",
	"es-contrib-27": "line breaks as boundaries: unit text has none, Normalize makes them spaces",
	"es-contrib-30": "a line of underscores the reference's cleaner drops",
}

// TestSentenceGoldenRules runs the splitter on the conformance corpus the
// way goldmark runs the CommonMark spec. Inputs go through
// segment.Normalize first, as unit text does; so do the expected
// sentences.
func TestSentenceGoldenRules(t *testing.T) {
	data, err := os.ReadFile("testdata/sentence-golden-rules.json")
	require.NoError(t, err)
	var cases []goldenCase
	require.NoError(t, json.Unmarshal(data, &cases))
	require.Len(t, cases, 88)
	passed := 0
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			l := langFor(language.MustParse(c.Lang))
			in := segment.Normalize(c.Input)
			var got []string
			for _, sp := range sentences(in, l, nil) {
				got = append(got, in[sp.start:sp.end])
			}
			var want []string
			for _, s := range c.Expected {
				if s = segment.Normalize(s); s != "" {
					want = append(want, s)
				}
			}
			ok := slices.Equal(got, want)
			if reason, known := knownSentenceFailures[c.ID]; known {
				assert.False(t, ok, "%s (%s) passes now: remove it from knownSentenceFailures (%s)", c.ID, c.Name, reason)
				return
			}
			if assert.Equal(t, want, got, "%s: %s\n%s", c.ID, c.Name, c.Input) {
				passed++
			}
		})
	}
	t.Logf("%d of %d golden cases pass, %d known failures", passed, len(cases), len(knownSentenceFailures))
}

// FuzzSentences checks that the sentences are in order, disjoint, within
// the text, trimmed and not empty, and that only white space lies between
// and around them: the splitter never loses or invents text.
func FuzzSentences(f *testing.F) {
	data, err := os.ReadFile("testdata/sentence-golden-rules.json")
	require.NoError(f, err)
	var cases []goldenCase
	require.NoError(f, json.Unmarshal(data, &cases))
	for _, c := range cases {
		f.Add(c.Input, c.Lang == "es")
	}
	f.Add("Pablo, ¿adónde vas? ¡¿Qué viste?! . . . x", true)
	f.Fuzz(func(t *testing.T, s string, es bool) {
		if !utf8.ValidString(s) {
			return
		}
		l := langFor(language.English)
		if es {
			l = langFor(language.Spanish)
		}
		spans := sentences(s, l, nil)
		last := 0
		for _, sp := range spans {
			require.True(t, sp.start >= last && sp.start < sp.end && sp.end <= len(s), "span %v after %d in %q", sp, last, s)
			require.Empty(t, strings.TrimSpace(s[last:sp.start]), "text lost between sentences of %q", s)
			sent := s[sp.start:sp.end]
			require.Equal(t, strings.TrimSpace(sent), sent, "untrimmed sentence %q", sent)
			last = sp.end
		}
		require.Empty(t, strings.TrimSpace(s[last:]), "text lost after the sentences of %q", s)
	})
}
