package chromium

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

// printed is an HTML edition printed by Chromium, as a PDF file.
func (r *reader) printed(page string) string {
	data, err := Renderer{}.print(r.bctx, time.Minute, r.url(page))
	require.NoError(r.t, err)
	path := filepath.Join(r.dir, page+".pdf")
	require.NoError(r.t, os.WriteFile(path, data, 0o644))
	return path
}

func needPoppler(t *testing.T, tools ...string) {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			fixture.Missing(t, "%s is not installed (apt-get install poppler-utils qpdf); not measuring the print", tool)
		}
	}
}

// The @page margins of the print stylesheet, in points.
const (
	printTop    = 19 * 72 / 25.4
	printBottom = 21 * 72 / 25.4
)

var (
	bboxPage = regexp.MustCompile(`(?s)<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>`)
	bboxWord = regexp.MustCompile(`yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"`)
)

// emptyShares returns, for each page of a PDF, the share of the text area
// left empty under its last line of text.
func emptyShares(t *testing.T, path string) []float64 {
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	require.NoError(t, err)
	var shares []float64
	for _, pg := range bboxPage.FindAllStringSubmatch(string(out), -1) {
		h, _ := strconv.ParseFloat(pg[2], 64)
		top, bottom := printTop, h-printBottom
		last := top
		for _, w := range bboxWord.FindAllStringSubmatch(pg[3], -1) {
			y0, _ := strconv.ParseFloat(w[1], 64)
			y1, _ := strconv.ParseFloat(w[2], 64)
			if y0 >= top-1 && y1 <= bottom+1 { // not the running head or page number
				last = max(last, y1)
			}
		}
		shares = append(shares, (bottom-last)/(bottom-top))
	}
	return shares
}

// TestPrintFillsPages prints every HTML edition through Chromium and
// measures the pages: no page but the last is a third empty, as when
// whole rows were kept together and a long one left its page for the
// next.
func TestPrintFillsPages(t *testing.T) {
	needPoppler(t, "pdftotext")
	r := newReader(t)
	for _, page := range []string{pairPage, enPage, esPage} {
		shares := emptyShares(t, r.printed(page))
		require.Greater(t, len(shares), 2, page)
		for i, s := range shares[:len(shares)-1] {
			assert.Less(t, s, 1.0/3, "%s: page %d is %.0f%% empty", page, i+1, 100*s)
		}
		t.Logf("%s: %d pages, empty share %.2f", page, len(shares), shares)
	}
}

var (
	qdfPage = regexp.MustCompile(`%% Contents for page \d+`)
	qdfRect = regexp.MustCompile(`(?m)^([\d.\-]+) ([\d.\-]+) ([\d.]+) ([\d.]+) re$`)
)

// TestPrintRule prints the bilingual edition and measures the column rule
// on every page, as Chromium draws it (a thin rectangle per cell): each
// stretch of it runs beside at least three lines of text (a cell keeps
// three lines on each side of a page break), never a speck beside
// padding or a short note.
func TestPrintRule(t *testing.T) {
	needPoppler(t, "qpdf")
	r := newReader(t)
	path := r.printed(pairPage)
	qdf := filepath.Join(r.dir, "qdf.pdf")
	out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, qdf).CombinedOutput()
	require.NoError(t, err, "%s", out)
	data, err := os.ReadFile(qdf)
	require.NoError(t, err)
	pages := qdfPage.Split(string(data), -1)[1:]
	require.NotEmpty(t, pages)
	// The print's line is 9.6pt × 1.42, 18.2 CSS px.
	const lines3 = 3 * 18.2
	stretches, shortest := 0, 1e9
	for i, pg := range pages {
		pg, _, _ = strings.Cut(pg, "endstream")
		byX := map[float64][][2]float64{}
		for _, m := range qdfRect.FindAllStringSubmatch(pg, -1) {
			var v [4]float64
			for k := range v {
				v[k], _ = strconv.ParseFloat(m[k+1], 64)
			}
			if v[2] > 0 && v[2] <= 1.5 && v[3] > 0 { // a vertical hairline
				byX[v[0]] = append(byX[v[0]], [2]float64{v[1], v[1] + v[3]})
			}
		}
		for x, segs := range byX {
			sort.Slice(segs, func(a, b int) bool { return segs[a][0] < segs[b][0] })
			var runs [][2]float64
			for _, s := range segs {
				if n := len(runs); n > 0 && s[0] <= runs[n-1][1]+0.5 {
					runs[n-1][1] = max(runs[n-1][1], s[1])
					continue
				}
				runs = append(runs, s)
			}
			for _, run := range runs {
				stretches++
				shortest = min(shortest, run[1]-run[0])
				assert.GreaterOrEqual(t, run[1]-run[0], lines3, "page %d: a speck of rule at x=%.0f, y=%.0f, %.1f px long", i+1, x, run[0], run[1]-run[0])
			}
		}
	}
	assert.GreaterOrEqual(t, stretches, len(pages)-1, "the rule is not where the test looks for it")
	t.Logf("%d stretches of rule on %d pages, the shortest %.1f px", stretches, len(pages), shortest)
}

// TestPrintMeasure prints the one-language editions and counts the
// characters of the full lines of running text (not a paragraph's last
// line, not lists of URLs): half of them from 60 to 75, and none past
// 85, for a comfortable read.
func TestPrintMeasure(t *testing.T) {
	needPoppler(t, "pdftotext")
	r := newReader(t)
	for _, page := range []string{enPage, esPage} {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", r.printed(page), "-").Output()
		require.NoError(t, err)
		var lengths []int
		for _, block := range strings.Split(string(out), "\n\n") {
			if strings.Contains(block, "http") {
				continue
			}
			lines := strings.Split(strings.TrimSpace(block), "\n")
			for _, l := range lines[:len(lines)-1] {
				lengths = append(lengths, len([]rune(strings.TrimSpace(l))))
			}
		}
		require.Greater(t, len(lengths), 100, page)
		sort.Ints(lengths)
		median, top := lengths[len(lengths)/2], lengths[len(lengths)*19/20]
		t.Logf("%s: %d full lines, median %d characters, 95th percentile %d", page, len(lengths), median, top)
		assert.GreaterOrEqual(t, median, 60, page)
		assert.LessOrEqual(t, median, 75, page)
		assert.LessOrEqual(t, top, 85, page)
	}
}
