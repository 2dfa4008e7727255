package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestColorFlag(t *testing.T) {
	dir := projectCopy(t, map[string]string{esFile: seedError(t)})
	const red = "\x1b[31;1merror\x1b[0m"
	for _, tc := range []struct {
		name  string
		env   map[string]string
		args  []string
		color bool
	}{
		{"a pipe gets none", nil, nil, false},
		{"always", nil, []string{"--color", "always"}, true},
		{"never", map[string]string{"FORCE_COLOR": "1"}, []string{"--color", "never"}, false},
		{"FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, nil, true},
		{"FORCE_COLOR=0 forces nothing", map[string]string{"FORCE_COLOR": "0"}, nil, false},
		{"NO_COLOR wins over FORCE_COLOR", map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, nil, false},
		{"NO_COLOR wins over always", map[string]string{"NO_COLOR": "1"}, []string{"--color", "always"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"NO_COLOR": "", "FORCE_COLOR": "", "TERM": "xterm"}
			for k, v := range tc.env {
				env[k] = v
			}
			code, stdout, stderr := runIn(t, dir, env, append(tc.args, "check")...)
			require.Equal(t, 1, code, stderr)
			assert.Equal(t, tc.color, strings.Contains(stdout, red), stdout)
			assert.Contains(t, stdout, "[numbers]")
		})
	}
	code, _, stderr := runIn(t, dir, nil, "--color", "sometimes", "check")
	assert.Equal(t, 2, code)
	assert.Equal(t, "bitext: --color \"sometimes\": use auto, always or never\n", stderr)

	// On a terminal, auto colours.
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm")
	term, read := openTerminal(t)
	run([]string{"-C", dir, "check"}, strings.NewReader(""), term, &bytes.Buffer{})
	assert.Contains(t, read(), red)
}

func TestQuietAndVerbose(t *testing.T) {
	dir := projectCopy(t, nil)
	editFile(t, dir+"/"+testSrc, "Little of substance as to", "Little of substance on")
	code, stdout, stderr := runIn(t, dir, nil, "--quiet", "build", "--only", "md", "--fail-on", "off", "--min-complete", "off")
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr, "--quiet prints no progress")
	assert.Contains(t, stdout, "passed")

	code, stdout, stderr = runIn(t, dir, nil, "--verbose", "check", "--min-complete", "off")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "bitext: configuration: "+dir+"/bitext.yaml\n")
	assert.Contains(t, stderr, "bitext: loaded 1 document, target locales es\n")
	assert.Contains(t, stdout, "passed")
	assert.NotContains(t, stdout, "bitext:", "detail goes to stderr")

	code, _, stderr = runIn(t, dir, nil, "--quiet", "--verbose", "check")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "[quiet verbose] were all set")

	// Warnings still show with --quiet: they ask for a change.
	code, _, stderr = runIn(t, dir, map[string]string{"BITEXT_FAIL_ONN": "warning"}, "--quiet", "status")
	require.Equal(t, 0, code)
	assert.Contains(t, stderr, "BITEXT_FAIL_ONN is not a bitext variable")
}

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	code := run([]string{"--version"}, strings.NewReader(""), &out, &bytes.Buffer{})
	require.Equal(t, 0, code)
	assert.Regexp(t, `^bitext \S+( \(.*\))?\n$`, out.String())

	saved := [3]string{version, commit, date}
	t.Cleanup(func() { version, commit, date = saved[0], saved[1], saved[2] })
	version, commit, date = "v1.2.3", "0123456789abcdef0123", "2026-01-02T03:04:05Z"
	out.Reset()
	run([]string{"--version"}, strings.NewReader(""), &out, &bytes.Buffer{})
	assert.Equal(t, "bitext v1.2.3 (commit 0123456789ab, 2026-01-02T03:04:05Z)\n", out.String())
	out.Reset()
	run([]string{"version"}, strings.NewReader(""), &out, &bytes.Buffer{})
	assert.True(t, strings.HasPrefix(out.String(), "bitext v1.2.3 (commit 0123456789ab, 2026-01-02T03:04:05Z)\n"), out.String())
}
