package segment

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const articlePath = "../../source/us-mexico-persecution-of-migrants-2018-05-23.txt"

func readArticle(t testing.TB) (string, []byte) {
	t.Helper()
	src, err := os.ReadFile(articlePath)
	require.NoError(t, err)
	return "source/us-mexico-persecution-of-migrants-2018-05-23.txt", src
}

func TestTextArticleUnits(t *testing.T) {
	path, src := readArticle(t)
	doc, err := Text{}.Read(path, src)
	require.NoError(t, err)

	assert.Equal(t, "us-mexico-persecution-of-migrants-2018-05-23", doc.Name)
	assert.Equal(t, "2018-05-23", doc.Date)
	var kinds []string
	for _, u := range doc.Units {
		kinds = append(kinds, string(u.Kind))
	}
	want := []string{"title", "date", "epigraph", "attribution"}
	for range 14 {
		want = append(want, "paragraph")
	}
	want = append(want, "heading")
	for range 26 {
		want = append(want, "note")
	}
	require.Equal(t, want, kinds)

	u := doc.Units
	assert.Equal(t, "The U.S., Mexico and the Persecution of Migrants on Both Sides of the Border", u[0].Text)
	assert.Equal(t, 3, u[0].Line)
	assert.Equal(t, "2018-05-23", u[1].Text)
	assert.True(t, strings.HasPrefix(u[2].Text, "“I think we would have been"), u[2].Text)
	assert.Equal(t, "Gil Kerlikowske, U.S Commissioner of U.S Customs and Border Protection 2014-2017 (during the Obama administration)[^1]", u[3].Text)
	assert.Equal(t, 11, u[3].Line)
	assert.Equal(t, "Resources", u[18].Text)
	assert.Equal(t, "source/us-mexico-persecution-of-migrants-2018-05-23.txt:15", doc.Pos(&u[4]))

	notes := doc.Notes()
	require.Len(t, notes, 26)
	for i, n := range notes {
		assert.Equal(t, itoa(i+1), n.Label)
		assert.NotContains(t, n.Text, "\u00a0", "note %d keeps a no-break space", i+1)
	}
	// A note may go on after a blank line, with several URLs.
	assert.True(t, strings.HasSuffix(notes[3].Text, "IHRC-Statement-Global-compact-for-migration.pdf"), notes[3].Text)
	assert.Contains(t, notes[3].Text, "Me_xico.pdf; https://www.hrw.org/report/2013/02/20/")
	assert.Equal(t, 77, notes[3].Line)
	assert.Equal(t, "(id.)", notes[17].Text)
	assert.Equal(t, "Proceso 2166, id.", notes[22].Text)
	assert.True(t, strings.HasPrefix(notes[0].Text, "Cited in https://www.washingtonpost.com/"), notes[0].Text)
}

// TestTextArticleRefs pins every note reference of the shipped article to
// the words it is glued to: all 26, in order, and none more.
func TestTextArticleRefs(t *testing.T) {
	path, src := readArticle(t)
	doc, err := Text{}.Read(path, src)
	require.NoError(t, err)
	want := []string{
		"(during the Obama administration)[^1]",
		"has repeatedly asserted[^2] Mexico’s",
		"during the last four years.[^3]",
		"(“kidnappings”)[^4] and",
		"80% of migrant women.[^5] Also",
		"in August 2010[^6]; the mass graves",
		"in May 2012[^7]. Together",
		"first six months of 2010[^8]. These",
		"Center in Mexico City[^9].",
		"such as the Zetas[^10], which",
		"both the U.S. and Mexico[^11] argued",
		"the U.S. and Mexico[^12].",
		"context of asylum claims[^13], perhaps",
		"aluminum tariffs[^14]. These",
		"very difficult to obtain[^15], which",
		"increased commensurately.[^16] A",
		"security agencies”[^17], including",
		"border management and security”[^18].",
		"Mexican immigration officials[^19]. This",
		"cross border shootings[^20]. It",
		"in the Western Hemisphere[^21].",
		"has recently reported[^22] how",
		"Falls Church, Virginia[^23]. This",
		"along the Guatemalan border[^24]. All",
		"benefits our security”[^25]. The",
		"human rights defenders and journalists.[^26]",
	}
	var got []string
	var all strings.Builder
	for _, u := range doc.Units {
		if u.Kind == Note {
			continue
		}
		all.WriteString(u.Text + "\n")
		for _, r := range Refs(u.Text) {
			got = append(got, r.Label)
		}
	}
	require.Len(t, got, 26)
	for i, label := range got {
		assert.Equal(t, itoa(i+1), label, "reference %d", i+1)
	}
	text := all.String()
	for _, ctx := range want {
		assert.Contains(t, text, ctx)
	}
	// Numbers that are text stay text.
	for _, s := range []string{"$2.5 billion", "between 60 and 80% of", "In 2014, for", "from 1929 through 2000 and again since 2012)", "documented 9,758 cases", "another 11,333 during", "between 70,000 and 120,000", "72 victims from 6 countries", "another 193 victims", "$600 million", "at least 8 DHS", "$58 million", "10 Mexican bases", "July 1st", "2014-2017"} {
		assert.Contains(t, text, s)
	}
}

func TestTextOtherArticle(t *testing.T) {
	src := strings.Join([]string{
		"top of page",
		"",
		"Walls and Bridges",
		"",
		"2019-11-04",
		"",
		"Ninety-one people crossed in 2019.1 Of these, 12 were children",
		"  and 3 were elderly2, as the  report of 20183 shows.",
		"\u00a0",
		"Findings",
		"",
		"The agency counted 4,512 cases in 2017 and 2.5% more in 2018, see “Annex B”4.",
		"",
		"Notes",
		"",
		"[1] https://example.org/one",
		"[2] Cited in the report, p. 4",
		"[3] (id.)",
		"",
		"https://example.org/three",
		"[4] https://example.org/annex-b",
		"bottom of page",
	}, "\n")
	doc, err := Text{}.Read("source/walls.txt", []byte(src))
	require.NoError(t, err)
	var got []string
	for _, u := range doc.Units {
		got = append(got, string(u.Kind)+": "+u.Text)
	}
	assert.Equal(t, []string{
		"title: Walls and Bridges",
		"date: 2019-11-04",
		"paragraph: Ninety-one people crossed in 2019.[^1] Of these, 12 were children and 3 were elderly[^2], as the report of 2018[^3] shows.",
		"heading: Findings",
		"paragraph: The agency counted 4,512 cases in 2017 and 2.5% more in 2018, see “Annex B”[^4].",
		"heading: Notes",
		"note: https://example.org/one",
		"note: Cited in the report, p. 4",
		"note: (id.) https://example.org/three",
		"note: https://example.org/annex-b",
	}, got)
	assert.Equal(t, 7, doc.Units[2].Line)
}

func TestTextErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{
			name: "ambiguous after a move",
			src:  "Title\n\nSecond2 then third3.\n\nFirst1 and again first2.\n\n[1] a\n[2] b\n[3] c\n",
			want: "doc.txt:8: the notes are not cited in order, and bitext cannot tell which glued number is which reference: note [2] could be the 2 at line 3 or line 5; number the notes",
		},
		{
			name: "notes out of order",
			src:  "Title\n\nOne1 two2.\n\n[1] a\n\n[3] b\n",
			want: "doc.txt:7: note [3] is out of order: expected [2]",
		},
		{
			name: "invalid UTF-8",
			src:  "Title\n\nBad \xff byte\n",
			want: "doc.txt:3:5: invalid UTF-8 byte 0xff",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Text{}.Read("doc.txt", []byte(tc.src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestTextRewrap re-wraps and re-indents every paragraph of the article:
// no unit changes.
func TestTextRewrap(t *testing.T) {
	path, src := readArticle(t)
	before, err := Text{}.Read(path, src)
	require.NoError(t, err)

	var out []string
	for _, line := range strings.Split(string(src), "\n") {
		words := strings.Fields(line)
		if len(words) < 12 || strings.HasPrefix(line, "[") {
			out = append(out, line)
			continue
		}
		// Fold at 9 words, indent every other line, double a space.
		for i := 0; i < len(words); i += 9 {
			chunk := strings.Join(words[i:min(i+9, len(words))], "  ")
			if (i/9)%2 == 1 {
				chunk = "\t  " + chunk
			}
			out = append(out, chunk+" ")
		}
	}
	after, err := Text{}.Read(path, []byte(strings.Join(out, "\n")))
	require.NoError(t, err)
	require.Len(t, after.Units, len(before.Units))
	for i := range before.Units {
		assert.Equal(t, before.Units[i].Text, after.Units[i].Text)
		assert.Equal(t, before.Units[i].Kind, after.Units[i].Kind)
	}
}

func FuzzText(f *testing.F) {
	_, src := readArticle(f)
	f.Add(string(src))
	f.Add("Title\n\n05-23-2018\n\n“Quote.”\n\n--Someone1\n\nText2 and 20103.\n\n[1] a\n[2] b\n[3] c\n")
	f.Add("[1] only a note")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := Text{}.Read("f.txt", []byte(src))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 || e.Line > strings.Count(src, "\n")+1 {
				t.Fatalf("error %q is not at a line of the source", err)
			}
			return
		}
		notes := map[string]bool{}
		for _, n := range doc.Notes() {
			notes[n.Label] = true
		}
		cited := 0
		for _, u := range doc.Units {
			if u.Text != Normalize(u.Text) {
				t.Fatalf("unit text %q is not normalized", u.Text)
			}
			if u.Text == "" {
				t.Fatalf("empty %s unit at line %d", u.Kind, u.Line)
			}
			if c, ok := controlIn(u.Text); ok {
				t.Fatalf("unit %q holds control character %U", u.Text, c)
			}
			if u.Line < 1 {
				t.Fatalf("unit %q has no line", u.Text)
			}
			if u.Kind == Note {
				continue
			}
			for _, r := range Refs(u.Text) {
				if !notes[r.Label] {
					t.Fatalf("reference [^%s] has no note", r.Label)
				}
				cited++
			}
		}
		// Every note is cited, or a warning says it is not.
		uncited := 0
		for _, w := range doc.Warnings {
			if strings.Contains(w.Msg, "is never cited") {
				uncited++
			}
		}
		if cited+uncited < len(notes) {
			t.Fatalf("%d notes, %d references, %d warned uncited", len(notes), cited, uncited)
		}
	})
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

// TestTextErrorLines: the errors of the plain-text reader name the line
// of the note or of the reference they are about.
func TestTextErrorLines(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty note", "Title\n\nOne1.\n\n[1]\n", "a.txt:5: note [1] is empty"},
		{"out of order on a later line", "Title\n\nOne1 two2.\n\n[1] a\n[3] b\n", "a.txt:6: note [3] is out of order"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Text{}.Read("a.txt", []byte(tc.src))
			require.Error(t, err, "units: %q", unitsOf(doc))
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestTextLongNoteLinear reads a note that goes on over n and 4n lines:
// the reader may take four times the memory, not sixteen (each line was
// joined to the note so far, copying it once per line).
func TestTextLongNoteLinear(t *testing.T) {
	src := func(lines int) []byte {
		return []byte("Title\n\nText1.\n\n[1] Note\n" + strings.Repeat("going on and on over one more line\n", lines))
	}
	const n = 2000
	small, large := src(n), src(4*n)
	a := allocated(func() { _, err := Text{}.Read("a.txt", small); require.NoError(t, err) })
	b := allocated(func() { _, err := Text{}.Read("a.txt", large); require.NoError(t, err) })
	assert.Less(t, float64(b)/float64(a), 6.0, "%d bytes at %d lines, %d at %d", a, n, b, 4*n)
}

// TestTextDisorder: notes never cited, or cited out of order, are read
// with a warning when each has one glued number that can be its
// reference.
func TestTextDisorder(t *testing.T) {
	tests := []struct {
		name, src string
		text      []string // the paragraphs, references as [^n]
		warnings  []string
	}{
		{
			name:     "never cited",
			src:      "Title\n\nA paragraph citing nothing.\n\nNotes\n\n[1] https://example.org\n",
			text:     []string{"A paragraph citing nothing."},
			warnings: []string{"doc.txt:7: note [1] is never cited: no 1 glued to a word (as in \"word1\"); it is kept without a reference"},
		},
		{
			name:     "deleted paragraph",
			src:      "Title\n\nOne1 and\ntwo2.\n\nFour4 and five5.\n\n[1] a\n[2] b\n[3] c\n[4] d\n[5] e\n",
			text:     []string{"One[^1] and two[^2].", "Four[^4] and five[^5]."},
			warnings: []string{"doc.txt:10: note [3] is never cited"},
		},
		{
			name: "moved paragraph",
			src:  "Title\n\nOne1, two2.\n\nFive5, six6.\n\nThree3, four4.\n\n[1] a\n[2] b\n[3] c\n[4] d\n[5] e\n[6] f\n",
			text: []string{"One[^1], two[^2].", "Five[^5], six[^6].", "Three[^3], four[^4]."},
			warnings: []string{
				"doc.txt:5: note [5] is cited before note [4] (line 7): the notes are out of order; read as note 5, but renumber the notes in the order the text cites them",
				"doc.txt:5: note [6] is cited before note [4] (line 7)",
			},
		},
		{
			name:     "several candidates, one between its neighbours",
			src:      "Title\n\nOne1, in 20102, three3.\n\nMoved here: eight8 and Route2.\n\nFour4, five5, six6, seven7.\n\n[1] a\n[2] b\n[3] c\n[4] d\n[5] e\n[6] f\n[7] g\n[8] h\n",
			text:     []string{"One[^1], in 2010[^2], three[^3].", "Moved here: eight[^8] and Route2.", "Four[^4], five[^5], six[^6], seven[^7]."},
			warnings: []string{"doc.txt:5: note [8] is cited before note [7] (line 7)"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Text{}.Read("doc.txt", []byte(tc.src))
			require.NoError(t, err)
			var paras []string
			for _, u := range doc.Units {
				if u.Kind == Paragraph {
					paras = append(paras, u.Text)
				}
			}
			assert.Equal(t, tc.text, paras)
			require.Len(t, doc.Warnings, len(tc.warnings), "%v", doc.Warnings)
			for i, w := range tc.warnings {
				assert.Contains(t, doc.Warnings[i].Error(), w)
			}
		})
	}
}

// TestTextGluedYears: a reference glued to the year that ends a range,
// to the quote or bracket that closes after a year, or to an ordinal.
func TestTextGluedYears(t *testing.T) {
	src := "Title\n\n" +
		"He taught at El Paso 2003-20081 and at Austin 2009–20152.\n\n" +
		"The “Plan of 2016”3 and the law (of 2017)4 and [since 2018]5.\n\n" +
		"Signed on July 1st6 and on the 22nd7, not on 3rd Street.\n\n" +
		"[1] a\n[2] b\n[3] c\n[4] d\n[5] e\n[6] f\n[7] g\n"
	doc, err := Text{}.Read("doc.txt", []byte(src))
	require.NoError(t, err)
	assert.Empty(t, doc.Warnings)
	var paras []string
	for _, u := range doc.Units {
		if u.Kind == Paragraph {
			paras = append(paras, u.Text)
		}
	}
	assert.Equal(t, []string{
		"He taught at El Paso 2003-2008[^1] and at Austin 2009–2015[^2].",
		"The “Plan of 2016”[^3] and the law (of 2017)[^4] and [since 2018][^5].",
		"Signed on July 1st[^6] and on the 22nd[^7], not on 3rd Street.",
	}, paras)
}
