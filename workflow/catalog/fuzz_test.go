package catalog

import (
	"errors"
	"os"
	"testing"
)

// shippedSeeds adds the real inputs every fuzz test starts from: the
// shipped Spanish locale file, in the format fuzzed, with translator
// comments, and the sample entries with a header and a file comment.
func shippedSeeds(f *testing.F, format Format) {
	data, err := os.ReadFile("../../locales/us-mexico-persecution-of-migrants-2018-05-23.es.toml")
	if err != nil {
		f.Fatal(err)
	}
	shipped, err := Parse("a.es.toml", data)
	if err != nil {
		f.Fatal(err)
	}
	shipped.Messages[0].Comments = []string{" Ana: check the title with the editor", " bitext-allow length: a title"}
	if format == TOML {
		f.Add(data)
	} else {
		f.Add(Marshal(format, shipped.Notes, []string{" file comment"}, entriesOf(shipped)))
	}
	f.Add(Marshal(format, []string{". header"}, []string{" a translator's file comment"}, sample))
}

// checkRoundTrip is the property every reader is fuzzed for. On any input
// it does not panic, and it either reports an error at a line and column
// or reads what go-i18n reads (every text go-i18n finds, with the same
// fields, when go-i18n reads the file at all). What it read, Marshal
// writes back, and reading that gives the same messages and comments;
// go-i18n's Bundle reads the written file with the same IDs and texts.
func checkRoundTrip(t *testing.T, format Format, src []byte) {
	path := "f.es." + string(format)
	ours, err := Parse(path, src)
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) || se.Path != path || se.Line < 1 || se.Col < 1 {
			t.Fatalf("error without a position: %v", err)
		}
		return
	}
	idx := ours.Index()
	if theirs, err := goI18n(path, src); err == nil {
		for id, th := range theirs {
			i, ok := idx[id]
			if !ok {
				if th.Other != "" {
					t.Fatalf("go-i18n reads %q = %q, bitext does not read it", id, th.Other)
				}
				continue
			}
			m := ours.Messages[i]
			if th.Other != m.Other || th.Hash != m.Hash || th.Description != m.Description {
				t.Fatalf("%q: bitext read %+v, go-i18n %+v", id, m, th)
			}
		}
	}

	out := Marshal(format, ours.Notes, ours.Comments, entriesOf(ours))
	back, err := Parse(path, out)
	if err != nil {
		t.Fatalf("cannot read what was written: %v\n%s", err, out)
	}
	if len(back.Messages) != len(ours.Messages) {
		t.Fatalf("read %d messages, wrote and read back %d\n%s", len(ours.Messages), len(back.Messages), out)
	}
	for i, m := range back.Messages {
		o := ours.Messages[i]
		if m.ID != o.ID || m.Other != o.Other || m.Hash != o.Hash || m.Description != o.Description {
			t.Fatalf("round trip changed %+v into %+v", o, m)
		}
		if format != JSON && (!equalLines(m.Comments, o.Comments) || !equalLines(m.Notes, o.Notes)) {
			t.Fatalf("round trip moved the comments of %q: %q %q, then %q %q\n%s", o.ID, o.Comments, o.Notes, m.Comments, m.Notes, out)
		}
	}
	if format != JSON && (!equalLines(back.Comments, ours.Comments) || !equalLines(back.Notes, ours.Notes)) {
		t.Fatalf("round trip changed the file's comments %q %q into %q %q\n%s", ours.Comments, ours.Notes, back.Comments, back.Notes, out)
	}

	theirs, err := goI18n(path, out)
	if err != nil {
		t.Fatalf("go-i18n cannot read what bitext wrote: %v\n%s", err, out)
	}
	if len(theirs) != len(ours.Messages) {
		t.Fatalf("go-i18n reads %d messages in what bitext wrote of %d\n%s", len(theirs), len(ours.Messages), out)
	}
	for _, m := range ours.Messages {
		th, ok := theirs[m.ID]
		if !ok || th.Other != m.Other || th.Hash != m.Hash || th.Description != m.Description {
			t.Fatalf("%q: bitext wrote %+v, go-i18n read %+v\n%s", m.ID, m, th, out)
		}
	}
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzTOML(f *testing.F) {
	shippedSeeds(f, TOML)
	for _, s := range []string{
		"a = \"x\"\n[b]\nother = '''\ny'''\n",
		"[\"q\"]\nother = \"\\u00e9\\\\\"\nhash = \"h\"\n",
		"# file\n\n# a\ntitle.other = \"x\" # trailing\ntitle.hash = \"h\"\n[a]\nb.other = \"y\"\n[a.c]\nother = \"z\"\n",
		"[a]\nother = \"x\"\n# foot\n\n[b] # header\ndescription = \"d\"\n# between\nother = \"\"\"\n=======\n\"\"\"\n",
		"<<<<<<< HEAD\na = \"x\"\n=======\na = \"y\"\n>>>>>>> b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkRoundTrip(t, TOML, src) })
}

func FuzzJSON(f *testing.F) {
	shippedSeeds(f, JSON)
	for _, s := range []string{
		`{"a": "x", "b": {"other": "\u00e9 \ud83d\ude00 \u0000", "hash": "h"}, "c": null}`,
		`{"a": "\ud800"}`,
		"{\"a\": \"caf\xe9\"}",
		`{"a": {"Other": "x", "description": "d"}, "b": {"translation": "y"}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkRoundTrip(t, JSON, src) })
}

func FuzzYAML(f *testing.F) {
	shippedSeeds(f, YAML)
	for _, s := range []string{
		"# file\n\n# a\na: # key\n  description: d # d\n  # between\n  other: |\n    line\n  # foot\n\nb: 'x' # b\n# end\n",
		"---\na: {other: \"x\", hash: h}\n...\n",
		"a:\n  other: x\n---\nb: y\n",
		"a:\n  other: 3\nb: *x\n",
		"a:\n\tother: x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkRoundTrip(t, YAML, src) })
}
