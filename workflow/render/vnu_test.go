package render

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

// TestNuHTMLChecker runs the Nu HTML Checker (vnu.jar, with its CSS
// checks) on every HTML edition of every scenario and fails on any error.
// It needs Java and vnu.jar: BITEXT_VNU_JAR names the jar (npm install
// vnu-jar puts it in node_modules/vnu-jar/build/dist/vnu.jar).
func TestNuHTMLChecker(t *testing.T) {
	jar := os.Getenv("BITEXT_VNU_JAR")
	if jar == "" {
		fixture.Missing(t, "BITEXT_VNU_JAR is not set: npm install vnu-jar, and set it to node_modules/vnu-jar/build/dist/vnu.jar to run the Nu HTML Checker")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		fixture.Missing(t, "no java to run the Nu HTML Checker with (apt-get install default-jre-headless)")
	}
	dir := t.TempDir()
	var paths []string
	for scenario, files := range scenarios(t) {
		for name, data := range files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			p := filepath.Join(dir, scenario+"-"+name)
			require.NoError(t, os.WriteFile(p, data, 0o644))
			paths = append(paths, p)
		}
	}
	args := append([]string{"-jar", jar, "--errors-only", "--also-check-css", "--format", "json"}, paths...)
	out, runErr := exec.Command(java, args...).CombinedOutput()
	var report struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine                    int
		}
	}
	require.NoError(t, json.Unmarshal(out, &report), "vnu said: %s", out)
	for _, m := range report.Messages {
		t.Errorf("%s:%d: %s: %s (%q)", filepath.Base(m.URL), m.LastLine, m.Type, m.Message, m.Extract)
	}
	if len(report.Messages) == 0 {
		require.NoError(t, runErr, "vnu failed with no message: %s", out)
	}
	t.Logf("checked %d files", len(paths))
}
