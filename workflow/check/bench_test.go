package check

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/segment"
)

// benchWorkspace loads a project of about n units made of the shipped
// article's headings, paragraphs and notes and their Spanish, repeated
// with the note labels made unique, all translated.
func benchWorkspace(tb testing.TB, n int) *project.Workspace {
	tb.Helper()
	shipped, err := project.Load(project.Inputs{Root: os.DirFS("../..")}, project.Default())
	require.NoError(tb, err)
	d := shipped.Docs[0]
	spanish := map[string]string{}
	var md, notes strings.Builder
	md.WriteString("# A long article\n\n")
	units := 1
	for k := 0; units < n; k++ {
		relabel := func(l string) string { return fmt.Sprintf("r%d-%s", k, l) }
		for i, u := range d.Units {
			es := d.Locales[0].Entries[i].Message.Other
			text := segment.RelabelRefs(u.Text, relabel)
			switch u.Kind {
			case segment.Heading:
				text = fmt.Sprintf("%s %d", u.Text, k)
				es = fmt.Sprintf("%s %d", es, k)
				fmt.Fprintf(&md, "## %s\n\n", text)
			case segment.Paragraph:
				fmt.Fprintf(&md, "%s\n\n", text)
			case segment.Note:
				fmt.Fprintf(&notes, "[^%s]: %s\n\n", relabel(u.Label), text)
			default:
				continue
			}
			spanish[text] = segment.RelabelRefs(es, relabel)
			units++
		}
	}
	md.WriteString(notes.String())
	fsys := fstest.MapFS{"source/long.md": {Data: []byte(md.String())}}
	w, err := project.Load(project.Inputs{Root: fsys}, project.Default())
	require.NoError(tb, err)
	var entries []catalog.Entry
	for _, u := range w.Docs[0].Units {
		es, ok := spanish[u.Text]
		if u.Kind == segment.Title {
			es, ok = "Un artículo largo", true
		}
		require.True(tb, ok, "no Spanish for %q", u.Text)
		entries = append(entries, catalog.Entry{Message: catalog.Message{ID: u.ID, Description: string(u.Kind), Hash: catalog.Hash(string(u.Kind), u.Text), Other: es}})
	}
	fsys["locales/long.es.toml"] = &fstest.MapFile{Data: catalog.Marshal(catalog.TOML, nil, nil, entries)}
	w, err = project.Load(project.Inputs{Root: fsys}, project.Default())
	require.NoError(tb, err)
	return w
}

// BenchmarkRun checks 20,000 translated units with every check on,
// loading excluded; scripts/bench-check.sh times the whole command.
func BenchmarkRun(b *testing.B) {
	w := benchWorkspace(b, 20000)
	r, err := Run(w, Config{})
	require.NoError(b, err)
	require.Empty(b, r.Findings, "the benchmark corpus is clean, as the shipped translation is")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Run(w, Config{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(w.Docs[0].Units)), "ns/unit")
}
