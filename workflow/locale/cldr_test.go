package locale

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/locale/internal/cldrdates"
)

// cldrDir is where Debian's unicode-cldr-core puts CLDR's XML.
const cldrDir = "/usr/share/unicode/cldr"

// needTool skips the test when a tool is missing, or fails it with
// BITEXT_REQUIRE_TOOLS=1 (CI installs them).
func needTool(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("BITEXT_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is not installed, and BITEXT_REQUIRE_TOOLS=1", what)
	}
	t.Skipf("%s is not installed", what)
}

// TestTablesAreCLDR regenerates the date tables from CLDR's XML and
// compares them with cldr_dates.go: the tables are CLDR's, generated,
// not transcribed, and go generate has been run.
func TestTablesAreCLDR(t *testing.T) {
	_, err := os.Stat(cldrDir + "/common/main/root.xml")
	needTool(t, err == nil, "CLDR's XML (apt-get install unicode-cldr-core)")
	tables, err := cldrdates.Read(cldrDir)
	require.NoError(t, err)
	src, err := tables.Generate()
	require.NoError(t, err)
	have, err := os.ReadFile("cldr_dates.go")
	require.NoError(t, err)
	assert.True(t, bytes.Equal(src, have), "cldr_dates.go is not what CLDR %s gives; run go generate ./workflow/locale", tables.Version)
	assert.Greater(t, len(tables.Locales), 700)
}

// TestLongDateBabel formats dates for every CLDR locale and compares
// them with Babel's formatter of CLDR data (format="long"), another
// implementation of CLDR's patterns and inheritance. Babel writes ASCII
// digits where CLDR's number system (which bitext takes from x/text)
// has others, so digits are compared by value.
func TestLongDateBabel(t *testing.T) {
	py := "/usr/bin/python3"
	ok := exec.Command(py, "-c", "import babel.dates").Run() == nil
	needTool(t, ok, "Babel (apt-get install python3-babel)")
	var ids []string
	for id := range longDates {
		if id != "root" {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	dates := []string{"2018-05-23", "2007-01-05", "2020-12-31", "1999-09-09", "2024-02-29", "2001-03-01", "2010-04-10", "2011-06-15", "2012-07-04", "2013-08-20", "2014-10-02", "2015-11-11"}
	script := `
import babel, babel.dates, datetime, json, sys
ids, dates = json.load(sys.stdin)
out = {}
for i in ids:
    try:
        loc = babel.Locale.parse(i)
    except Exception:
        continue
    out[i] = [babel.dates.format_date(datetime.date.fromisoformat(d), format="long", locale=loc) for d in dates]
json.dump(out, sys.stdout, ensure_ascii=False)
`
	in, err := json.Marshal([]any{ids, dates})
	require.NoError(t, err)
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = bytes.NewReader(in)
	raw, err := cmd.Output()
	require.NoError(t, err)
	var babel map[string][]string
	require.NoError(t, json.Unmarshal(raw, &babel))
	require.Greater(t, len(babel), 600, "locales Babel formats")
	_, err = os.Stat(cldrDir + "/common/main/root.xml")
	needTool(t, err == nil, "CLDR's XML (apt-get install unicode-cldr-core)")
	tables, err := cldrdates.Read(cldrDir)
	require.NoError(t, err)
	n, drafts := 0, 0
	for _, id := range ids {
		want, ok := babel[id]
		if !ok {
			continue
		}
		if tables.Drafts[id] {
			// Babel takes CLDR's provisional and unconfirmed data; bitext
			// leaves them out, as ICU does.
			drafts++
			continue
		}
		f := longDates[id]
		tag := language.Make(strings.ReplaceAll(id, "_", "-"))
		for i, d := range dates {
			tm, _ := time.Parse("2006-01-02", d)
			got, ok := formatDate(tag, f, tm)
			if assert.True(t, ok, "%s: pattern %q", id, datePatterns[f.pattern]) {
				assert.Equal(t, asciiDigits(want[i]), asciiDigits(got), "%s %s (pattern %q)", id, d, datePatterns[f.pattern])
				n++
			}
		}
	}
	assert.Greater(t, n, 12*400, "dates compared")
	t.Logf("%d dates in %d locales agree with Babel; %d locales with drafts left out", n, len(babel)-drafts, drafts)
}

// asciiDigits writes the decimal digits of any script as ASCII ones.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Nd, r) && r > '9' {
			for d := r; d >= r-9; d-- {
				if !unicode.Is(unicode.Nd, d-1) || d == r-9 {
					return '0' + (r - d)
				}
			}
		}
		return r
	}, s)
}

// TestLongDateEveryLocale formats a date in every CLDR locale bitext has
// and for tags that name them the BCP 47 way, with every pattern symbol
// understood and the language's own digits.
func TestLongDateEveryLocale(t *testing.T) {
	for id := range longDates {
		tag, err := language.Parse(strings.ReplaceAll(id, "_", "-"))
		if err != nil {
			continue // root
		}
		got, ok := LongDate(tag, "2018-05-23")
		require.True(t, ok, "%s (%s): %q", id, tag, datePatterns[longDates[id].pattern])
		assert.Contains(t, asciiDigits(got), "23", id)
		assert.Contains(t, asciiDigits(got), "2018", id)
	}
}
