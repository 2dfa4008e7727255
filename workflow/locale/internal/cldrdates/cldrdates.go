// Package cldrdates reads the long date formats of the Gregorian
// calendar from CLDR's XML (common/main/*.xml, with inheritance through
// common/supplemental/supplementalData.xml's parentLocales and root), for
// gencldr to write as tables and for the tests to compare them with.
package cldrdates

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Tables are the long date formats of every CLDR locale, resolved.
type Tables struct {
	// Version is the CLDR release, as "41".
	Version string
	// Patterns and Months hold each distinct pattern and month set once.
	Patterns []string
	Months   [][12]string
	Eras     []string
	// Locales are, by CLDR locale ID (es_MX), indexes into Patterns and
	// Months.
	Locales map[string]Locale
	// Drafts are the locales whose data, or their parents', holds a
	// value in use that is a draft not taken (provisional, unconfirmed):
	// there formatters that take drafts (Babel) write otherwise.
	Drafts map[string]bool
}

// Locale is one locale's long date format: indexes into Patterns (the
// pattern), Months (the wide names in a date and on their own, the
// abbreviated ones in a date) and Eras (the abbreviated name of the era
// of the years after 1 BCE: "CE", "ค.ศ.").
type Locale struct {
	Pattern, Format, StandAlone, Abbreviated, Era int
}

// ldml is the part of a CLDR locale file read here.
type ldml struct {
	Calendars []struct {
		Type   string `xml:"type,attr"`
		Months []struct {
			Context string `xml:"type,attr"`
			Widths  []struct {
				Type   string    `xml:"type,attr"`
				Alias  *struct{} `xml:"alias"`
				Months []struct {
					Type  string `xml:"type,attr"`
					Alt   string `xml:"alt,attr"`
					Draft string `xml:"draft,attr"`
					Year  string `xml:"yeartype,attr"`
					Text  string `xml:",chardata"`
				} `xml:"month"`
			} `xml:"monthWidth"`
		} `xml:"months>monthContext"`
		Eras []struct {
			Type  string `xml:"type,attr"`
			Alt   string `xml:"alt,attr"`
			Draft string `xml:"draft,attr"`
			Text  string `xml:",chardata"`
		} `xml:"eras>eraAbbr>era"`
		DateFormats []struct {
			Type     string `xml:"type,attr"`
			Patterns []struct {
				Alt   string `xml:"alt,attr"`
				Draft string `xml:"draft,attr"`
				Text  string `xml:",chardata"`
			} `xml:"dateFormat>pattern"`
		} `xml:"dateFormats>dateFormatLength"`
	} `xml:"dates>calendars>calendar"`
}

// raw is what one locale file itself says, before inheritance: "" for
// what it leaves to its parent.
type raw struct {
	pattern, era                    string
	format, standAlone, abbreviated [12]string
	// drafts is set when a value was left out for being a draft.
	drafts bool
}

// usable reports whether CLDR data of this draft status is taken, as ICU
// takes it: approved and contributed data, not provisional or
// unconfirmed.
func (r *raw) usable(alt, draft string) bool {
	if alt != "" {
		return false
	}
	if draft == "" || draft == "approved" || draft == "contributed" {
		return true
	}
	r.drafts = true
	return false
}

func readLocale(path string) (*raw, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc ldml
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	r := &raw{}
	for _, c := range doc.Calendars {
		if c.Type != "gregorian" {
			continue
		}
		for _, df := range c.DateFormats {
			if df.Type != "long" {
				continue
			}
			for _, p := range df.Patterns {
				if r.usable(p.Alt, p.Draft) {
					r.pattern = p.Text
				}
			}
		}
		for _, e := range c.Eras {
			if e.Type == "1" && r.usable(e.Alt, e.Draft) {
				r.era = e.Text
			}
		}
		for _, ctx := range c.Months {
			for _, w := range ctx.Widths {
				var dst *[12]string
				switch {
				case ctx.Context == "format" && w.Type == "wide":
					dst = &r.format
				case ctx.Context == "format" && w.Type == "abbreviated":
					dst = &r.abbreviated
				case ctx.Context == "stand-alone" && w.Type == "wide":
					dst = &r.standAlone
				default:
					continue
				}
				for _, m := range w.Months {
					n, err := strconv.Atoi(m.Type)
					if err != nil || n < 1 || n > 12 || m.Year != "" || !r.usable(m.Alt, m.Draft) {
						continue
					}
					dst[n-1] = m.Text
				}
			}
		}
	}
	return r, nil
}

var (
	parentRE  = regexp.MustCompile(`<parentLocale parent="([^"]+)" locales="([^"]+)"`)
	versionRE = regexp.MustCompile(`<!ATTLIST version cldrVersion CDATA #FIXED "([^"]+)"`)
)

// Read reads CLDR's folder dir (holding common/main).
func Read(dir string) (*Tables, error) {
	dtd, err := os.ReadFile(filepath.Join(dir, "common", "dtd", "ldml.dtd"))
	if err != nil {
		return nil, err
	}
	v := versionRE.FindSubmatch(dtd)
	if v == nil {
		return nil, fmt.Errorf("no cldrVersion in ldml.dtd")
	}
	supp, err := os.ReadFile(filepath.Join(dir, "common", "supplemental", "supplementalData.xml"))
	if err != nil {
		return nil, err
	}
	parents := map[string]string{}
	for _, m := range parentRE.FindAllSubmatch(supp, -1) {
		for _, l := range strings.Fields(string(m[2])) {
			parents[l] = string(m[1])
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "common", "main", "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no CLDR locale files in common/main", dir)
	}
	raws := map[string]*raw{}
	for _, f := range files {
		r, err := readLocale(f)
		if err != nil {
			return nil, err
		}
		raws[strings.TrimSuffix(filepath.Base(f), ".xml")] = r
	}
	parent := func(id string) string {
		if p, ok := parents[id]; ok {
			return p
		}
		if i := strings.LastIndexByte(id, '_'); i >= 0 {
			return id[:i]
		}
		return "root"
	}
	chain := func(id string) []*raw {
		var out []*raw
		for cur := id; ; cur = parent(cur) {
			if r := raws[cur]; r != nil {
				out = append(out, r)
			}
			if cur == "root" {
				return out
			}
		}
	}
	t := &Tables{Version: string(v[1]), Locales: map[string]Locale{}, Drafts: map[string]bool{}}
	patterns := map[string]int{}
	eras := map[string]int{}
	months := map[[12]string]int{}
	intern := func(m [12]string) int {
		if i, ok := months[m]; ok {
			return i
		}
		months[m] = len(t.Months)
		t.Months = append(t.Months, m)
		return months[m]
	}
	for _, id := range slices.Sorted(func(yield func(string) bool) {
		for id := range raws {
			if !yield(id) {
				return
			}
		}
	}) {
		c := chain(id)
		for _, r := range c {
			t.Drafts[id] = t.Drafts[id] || r.drafts
		}
		var pattern, era string
		var format, standAlone, abbreviated [12]string
		for _, r := range c {
			if pattern == "" {
				pattern = r.pattern
			}
			if era == "" {
				era = r.era
			}
			for i := range 12 {
				if format[i] == "" {
					format[i] = r.format[i]
				}
			}
		}
		// Root makes format abbreviated an alias of format wide.
		for _, r := range c {
			for i := range 12 {
				if abbreviated[i] == "" {
					abbreviated[i] = r.abbreviated[i]
				}
			}
		}
		// Root makes stand-alone wide an alias of format wide: what no
		// locale of the chain sets stand-alone is its format name.
		for _, r := range c {
			for i := range 12 {
				if standAlone[i] == "" {
					standAlone[i] = r.standAlone[i]
				}
			}
		}
		for i := range 12 {
			if standAlone[i] == "" {
				standAlone[i] = format[i]
			}
			if abbreviated[i] == "" {
				abbreviated[i] = format[i]
			}
		}
		if pattern == "" || era == "" || slices.Contains(format[:], "") {
			return nil, fmt.Errorf("%s: no long date pattern, era or month names, even in root", id)
		}
		if _, ok := patterns[pattern]; !ok {
			patterns[pattern] = len(t.Patterns)
			t.Patterns = append(t.Patterns, pattern)
		}
		if _, ok := eras[era]; !ok {
			eras[era] = len(t.Eras)
			t.Eras = append(t.Eras, era)
		}
		t.Locales[id] = Locale{Pattern: patterns[pattern], Format: intern(format), StandAlone: intern(standAlone), Abbreviated: intern(abbreviated), Era: eras[era]}
	}
	return t, nil
}

// Generate returns the Go source of the tables, as cldr_dates.go holds
// them.
func (t *Tables) Generate() ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by gencldr from CLDR %s; DO NOT EDIT.\n\npackage locale\n\n", t.Version)
	fmt.Fprintf(&b, "// cldrVersion is the CLDR release the date tables come from.\nconst cldrVersion = %q\n\n", t.Version)
	b.WriteString("// datePatterns are CLDR long date patterns, each once.\nvar datePatterns = [...]string{\n")
	for _, p := range t.Patterns {
		fmt.Fprintf(&b, "\t%q,\n", p)
	}
	b.WriteString("}\n\n// monthNames are sets of wide month names, January to December, each once.\nvar monthNames = [...][12]string{\n")
	for _, m := range t.Months {
		var q []string
		for _, s := range m {
			q = append(q, fmt.Sprintf("%q", s))
		}
		fmt.Fprintf(&b, "\t{%s},\n", strings.Join(q, ", "))
	}
	b.WriteString("}\n\n// eraNames are abbreviated names of the Common Era, each once.\nvar eraNames = [...]string{\n")
	for _, e := range t.Eras {
		fmt.Fprintf(&b, "\t%q,\n", e)
	}
	b.WriteString("}\n\n// longDates are, by CLDR locale ID, the indexes of its long date\n// pattern, wide month names in a date and on their own, abbreviated\n// month names in a date, and era.\nvar longDates = map[string]longDate{\n")
	for _, id := range slices.Sorted(func(yield func(string) bool) {
		for id := range t.Locales {
			if !yield(id) {
				return
			}
		}
	}) {
		l := t.Locales[id]
		fmt.Fprintf(&b, "\t%q: {%d, %d, %d, %d, %d},\n", id, l.Pattern, l.Format, l.StandAlone, l.Abbreviated, l.Era)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
