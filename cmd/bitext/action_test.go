package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// repoRoot is this repository, where action.yml is.
var repoRoot, _ = filepath.Abs(filepath.Join("..", ".."))

// actionFile is action.yml, as far as the tests read it.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID    string            `yaml:"id"`
			Uses  string            `yaml:"uses"`
			Run   string            `yaml:"run"`
			Shell string            `yaml:"shell"`
			Env   map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

// TestActionMatchesItsScripts checks that action.yml hands every input
// to the check script under the name the script reads, and runs the two
// scripts the other tests run.
func TestActionMatchesItsScripts(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	require.NoError(t, err)
	var a actionFile
	require.NoError(t, yaml.Unmarshal(data, &a))
	assert.Equal(t, "composite", a.Runs.Using)
	var runs []string
	passed := map[string]bool{}
	for _, s := range a.Runs.Steps {
		if s.Run != "" {
			assert.Equal(t, "bash", s.Shell)
			runs = append(runs, s.Run)
		}
		for name, value := range s.Env {
			m := regexp.MustCompile(`^\$\{\{ inputs\.([a-z-]+) \}\}$`).FindStringSubmatch(value)
			require.NotNil(t, m, "%s=%s", name, value)
			_, ok := a.Inputs[m[1]]
			assert.True(t, ok, "%s names no input", value)
			assert.Equal(t, "INPUT_"+strings.ToUpper(strings.ReplaceAll(m[1], "-", "_")), name)
			passed[m[1]] = true
		}
	}
	assert.Equal(t, []string{`"$GITHUB_ACTION_PATH/scripts/action/install.sh"`, `"$GITHUB_ACTION_PATH/scripts/action/check.sh"`}, runs)
	script, err := os.ReadFile(filepath.Join(repoRoot, "scripts", "action", "check.sh"))
	require.NoError(t, err)
	for name := range a.Inputs {
		if name == "setup-go" {
			continue // a step of its own
		}
		assert.True(t, passed[name], "input %s reaches no script", name)
		v := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		assert.Contains(t, string(script), v, "check.sh does not read %s", v)
	}
	assert.Equal(t, "${{ steps.check.outputs.passed }}", a.Outputs["passed"].Value)
}

// TestActionLint lints, with actionlint, a workflow that uses this
// repository's action with every input, and the README's example
// workflow; a misspelt input is caught, so the check can fail.
func TestActionLint(t *testing.T) {
	actionlint := requireTool(t, "actionlint", "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12")
	repo := t.TempDir()
	wf := filepath.Join(repo, ".github", "workflows")
	require.NoError(t, os.MkdirAll(wf, 0o755))
	copyFile(t, filepath.Join(repoRoot, "action.yml"), filepath.Join(repo, "action.yml"))
	copyFile(t, filepath.Join("testdata", "action", "workflow.yml"), filepath.Join(wf, "local.yml"))
	copyFile(t, filepath.Join(repoRoot, "docs", "ci", "github-workflow.yml"), filepath.Join(wf, "readme.yml"))
	gitIn(t, repo, "init", "-q")
	lint := func() (string, error) {
		cmd := exec.Command(actionlint, "-no-color")
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := lint()
	require.NoError(t, err, "actionlint:\n%s", out)

	local, err := os.ReadFile(filepath.Join(wf, "local.yml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(wf, "local.yml"), []byte(strings.Replace(string(local), "fail-on:", "fail_on:", 1)), 0o644))
	out, err = lint()
	require.Error(t, err)
	assert.Contains(t, out, `input "fail_on" is not defined in action "bitext check"`)
}

// TestActionScriptsShellcheck runs shellcheck on the action's scripts.
func TestActionScriptsShellcheck(t *testing.T) {
	shellcheck := requireTool(t, "shellcheck", "apt-get install shellcheck")
	scripts, err := filepath.Glob(filepath.Join(repoRoot, "scripts", "action", "*.sh"))
	require.NoError(t, err)
	require.Len(t, scripts, 2)
	out, err := exec.Command(shellcheck, scripts...).CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// TestActionScripts runs the action's steps as GitHub would, on this
// machine: install.sh builds bitext and puts it on the job's PATH;
// check.sh, with the action's inputs, annotates, writes the summary, the
// JUnit report and the outputs, and fails the step when a gate fails.
func TestActionScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds bitext")
	}
	requireTool(t, "go", "https://go.dev/dl")
	requireTool(t, "bash", "apt-get install bash")
	runner := t.TempDir()
	ghPath := filepath.Join(runner, "path")
	cmd := exec.Command("bash", filepath.Join(repoRoot, "scripts", "action", "install.sh"))
	cmd.Env = append(os.Environ(), "GITHUB_ACTION_PATH="+repoRoot, "RUNNER_TEMP="+runner, "GITHUB_PATH="+ghPath, "GITHUB_ACTION_REF=v9.9.9")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "install.sh:\n%s", out)
	assert.Contains(t, string(out), "bitext v9.9.9")
	pathFile, err := os.ReadFile(ghPath)
	require.NoError(t, err)
	bin := strings.TrimSpace(string(pathFile))
	assert.FileExists(t, filepath.Join(bin, "bitext"))

	// A workspace with the project in docs/translations of a git
	// repository; the Spanish has an error.
	ws := t.TempDir()
	project := filepath.Join(ws, "docs", "translations")
	require.NoError(t, os.MkdirAll(filepath.Dir(project), 0o755))
	require.NoError(t, os.Rename(projectCopy(t, map[string]string{esFile: seedError(t)}), project))
	gitIn(t, ws, "init", "-q")

	check := func(inputs map[string]string) (code int, stdout string, outputs, summary string) {
		t.Helper()
		outFile, sumFile := filepath.Join(runner, "output"), filepath.Join(runner, "summary.md")
		os.Remove(outFile)
		os.Remove(sumFile)
		cmd := exec.Command("bash", filepath.Join(repoRoot, "scripts", "action", "check.sh"))
		cmd.Dir = ws
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GITHUB_OUTPUT="+outFile, "GITHUB_STEP_SUMMARY="+sumFile, "NO_COLOR=1", "GIT_CEILING_DIRECTORIES="+filepath.Dir(ws))
		for k, v := range inputs {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		var so strings.Builder
		cmd.Stdout = &so
		err := cmd.Run()
		code = 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else {
			require.NoError(t, err)
		}
		o, _ := os.ReadFile(outFile)
		s, _ := os.ReadFile(sumFile)
		return code, so.String(), string(o), string(s)
	}
	inputs := map[string]string{"INPUT_DIRECTORY": "docs/translations", "INPUT_FORMAT": "github", "INPUT_SUMMARY": "true", "INPUT_JUNIT": "reports/bitext-check.xml"}
	code, stdout, outputs, summary := check(inputs)
	assert.Equal(t, 1, code, "a failed gate fails the step")
	assert.True(t, strings.HasPrefix(stdout, "::error title=bitext fail_on::"), stdout)
	assert.Contains(t, stdout, "::error file=docs/translations/"+esFile+",line=67,title=bitext numbers::")
	assert.Contains(t, summary, "## bitext check: failed")
	assert.Equal(t, 1, strings.Count(summary, "## bitext check:"), "one summary a run")
	assert.Contains(t, outputs, "passed=false\n")
	assert.Contains(t, outputs, "junit=reports/bitext-check.xml\n")
	junit := filepath.Join(ws, "reports", "bitext-check.xml")
	requireValidJUnitFile(t, junit)
	data, err := os.ReadFile(junit)
	require.NoError(t, err)
	assert.Contains(t, string(data), `file="docs/translations/`+esFile+`"`)

	// Gates from the inputs; no summary, no JUnit when asked.
	code, stdout, outputs, summary = check(map[string]string{"INPUT_DIRECTORY": "docs/translations", "INPUT_FAIL_ON": "off", "INPUT_MIN_COMPLETE": "off", "INPUT_SUMMARY": "false", "INPUT_FORMAT": "text"})
	assert.Equal(t, 0, code, stdout)
	assert.Contains(t, stdout, "passed")
	assert.Empty(t, summary)
	assert.Equal(t, "passed=true\n", outputs)

	// A broken input is exit 2, and says so in an annotation.
	code, stdout, _, _ = check(map[string]string{"INPUT_DIRECTORY": "docs/translations", "INPUT_FAIL_ON": "sometimes"})
	assert.Equal(t, 2, code)
	assert.Contains(t, stdout, "::error title=bitext error::configuration: fail_on: ")
	code, stdout, _, _ = check(map[string]string{"INPUT_FORMAT": "xml"})
	assert.Equal(t, 2, code)
	assert.Contains(t, stdout, `::error title=bitext action::format: "xml" is not github or text`)
}

// TestGitLabExample runs the script of the README's GitLab CI job, with
// the bitext under test for the one it installs.
func TestGitLabExample(t *testing.T) {
	requireTool(t, "bash", "apt-get install bash")
	data, err := os.ReadFile(filepath.Join(repoRoot, "docs", "ci", "gitlab-ci.yml"))
	require.NoError(t, err)
	var jobs map[string]struct {
		Script    []string `yaml:"script"`
		Artifacts struct {
			When    string `yaml:"when"`
			Reports struct {
				JUnit string `yaml:"junit"`
			} `yaml:"reports"`
		} `yaml:"artifacts"`
	}
	require.NoError(t, yaml.Unmarshal(data, &jobs))
	job, ok := jobs["translations"]
	require.True(t, ok)
	require.NotEmpty(t, job.Script)
	assert.Equal(t, "go install github.com/hopeborder/bitext/cmd/bitext@latest", job.Script[0], "the job installs the command, it does not go run")
	assert.Equal(t, "always", job.Artifacts.When, "the report is kept when the gate fails")

	bin := fakeBitext(t)
	for _, tc := range []struct {
		name  string
		files map[string]string
		code  int
	}{
		{"passes", nil, 0},
		{"an error fails the job", map[string]string{esFile: seedError(t)}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := projectCopy(t, tc.files)
			cmd := exec.Command("bash", "-e", "-c", strings.Join(job.Script[1:], "\n"))
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "NO_COLOR=1")
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tc.code, code, "%s", out)
			requireValidJUnitFile(t, filepath.Join(dir, job.Artifacts.Reports.JUnit))
		})
	}
}

// fakeBitext returns a folder with a bitext command on it that runs this
// test binary as bitext.
func fakeBitext(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	script := "#!/bin/sh\n" + mainEnv + "=1 exec '" + os.Args[0] + "' \"$@\"\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bitext"), []byte(script), 0o755))
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, data, 0o644))
}

func requireValidJUnitFile(t *testing.T, p string) {
	t.Helper()
	require.FileExists(t, p)
	requireValidJUnit(t, p)
}

// TestREADMECIExamples checks that the README shows the CI examples the
// tests lint and run: its YAML blocks under "GitHub Actions" and "GitLab
// CI" are docs/ci's files, their header comments aside.
func TestREADMECIExamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	for heading, file := range map[string]string{"### GitHub Actions": "github-workflow.yml", "### GitLab CI": "gitlab-ci.yml"} {
		at := strings.Index(string(readme), heading)
		require.GreaterOrEqual(t, at, 0, heading)
		block := string(readme)[at:]
		start := strings.Index(block, "```yaml\n")
		require.GreaterOrEqual(t, start, 0, heading)
		block = block[start+len("```yaml\n"):]
		block = block[:strings.Index(block, "```\n")]
		data, err := os.ReadFile(filepath.Join(repoRoot, "docs", "ci", file))
		require.NoError(t, err)
		lines := strings.SplitAfter(string(data), "\n")
		for len(lines) > 0 && strings.HasPrefix(lines[0], "#") {
			lines = lines[1:]
		}
		assert.Equal(t, strings.Join(lines, ""), block, "README.md %s and docs/ci/%s differ", heading, file)
	}
}
