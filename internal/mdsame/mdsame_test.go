package mdsame

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDiff(t *testing.T) {
	same := []struct{ name, a, b string }{
		{"re-wrapped", "One\ntwo  three.\n", "One two three.\n"},
		{"references made inline", "[a][x]\n\n[x]: /u \"t\"\n", "[a](/u \"t\")\n"},
		{"entities decoded", "&eacute;t&eacute;\n", "été\n"},
		{"footnote labels", "A[^x].\n\n[^x]: n\n", "A[^1].\n\n[^1]: n\n"},
		{"front matter quoting", "---\ntitle: a b\ntags: [x]\n---\nText.\n", "---\ntitle: \"a b\"\ntags:\n  - x\n---\nText.\n"},
		{"html whitespace", "<div>\na\n</div>\n", "<div>\na </div>\n"},
	}
	for _, tc := range same {
		t.Run(tc.name, func(t *testing.T) { assert.Empty(t, Diff([]byte(tc.a), []byte(tc.b))) })
	}
	differ := []struct{ name, a, b string }{
		{"text", "One.\n", "Two.\n"},
		{"hard break lost", "a  \nb\n", "a b\n"},
		{"emphasis", "*a*\n", "a\n"},
		{"heading level", "# a\n", "## a\n"},
		{"code", "```\nx\n```\n", "```\ny\n```\n"},
		{"a paragraph split", "a b\n", "a\n\nb\n"},
		{"loose list", "- a\n- b\n", "- a\n\n- b\n"},
		{"link", "[a](/x)\n", "[a](/y)\n"},
		{"table alignment", "| a |\n|:-|\n", "| a |\n|-:|\n"},
		{"front matter value", "---\ntitle: a\n---\n", "---\ntitle: b\n---\n"},
		{"html block made a paragraph", "<custom-x>\na\n</custom-x>\n", "<custom-x> a </custom-x>\n"},
	}
	for _, tc := range differ {
		t.Run(tc.name, func(t *testing.T) { assert.NotEmpty(t, Diff([]byte(tc.a), []byte(tc.b))) })
	}
}
