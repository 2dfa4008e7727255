package chromium

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
	"github.com/hopeborder/bitext/workflow/segment"
)

// This package has no golden files; the flag is accepted so that
// go test ./... -update runs here too.
var _ = flag.Bool("update", false, "no golden files in this package")

func TestFindNotOnPath(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Renderer{}.Find()
	require.ErrorIs(t, err, ErrNotFound)
	assert.Contains(t, err.Error(), "apt-get install chromium")
	assert.Contains(t, err.Error(), "--engine go")

	_, err = Renderer{Paper: render.A4}.Render(shipped(t))
	assert.ErrorIs(t, err, ErrNotFound, "Render says why it cannot print")
}

func TestFindExecPath(t *testing.T) {
	_, err := Renderer{ExecPath: filepath.Join(t.TempDir(), "chrome")}.Find()
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestFixDates(t *testing.T) {
	in := []byte("<</CreationDate (D:20260102030405+01'00')\n/ModDate (D:20260102030405Z)>>")
	out := fixDates(in, time.Date(2018, 5, 23, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, "<</CreationDate (D:20180523000000+00'00')\n/ModDate (D:20180523000000Z)>>", string(out))
	assert.Len(t, out, len(in), "offsets must not move")
}

func shipped(t testing.TB) *render.Edition {
	w, err := project.Load(project.Inputs{Root: os.DirFS(filepath.Join("..", "..", ".."))}, project.Default())
	require.NoError(t, err)
	return render.NewEdition(w, w.Docs[0])
}

// incomplete is a short article with passages shown in the original.
func incomplete(t testing.TB) *render.Edition {
	w, err := fixture.Load("source/short.md", fixture.Article(12), []string{"es"}, func(loc string, u *segment.Unit) (string, bool) {
		text, _ := fixture.Spanish(loc, u)
		switch {
		case u.Kind == segment.Note && u.Label == "2":
			return "", false
		case strings.HasPrefix(u.Text, "Paragraph 3."):
			return text, true
		}
		return text, false
	})
	require.NoError(t, err)
	return render.NewEdition(w, w.Docs[0])
}

// struck is a short article with strikethrough in its text, a link and
// a note: the <s> elements axe-core sees.
func struck(t testing.TB) *render.Edition {
	src := "# A ~~Draft~~ Title\n\nThe count was ~~forty~~ fifty-two, ~~and [a link](https://example.org/a)~~.\n\n- An item ~removed~ kept.\n\nA note.[^1]\n\n[^1]: The note, ~~wrong~~ right.\n"
	w, err := fixture.Load("source/struck.md", src, []string{"es"}, func(_ string, u *segment.Unit) (string, bool) {
		return "ES " + u.Text, false
	})
	require.NoError(t, err)
	return render.NewEdition(w, w.Docs[0])
}

// arabic is a short article translated into Arabic, one paragraph not.
func arabic(t testing.TB) *render.Edition {
	w, err := fixture.Load("source/rtl.md", fixture.Article(12), []string{"ar"}, fixture.Arabic)
	require.NoError(t, err)
	return render.NewEdition(w, w.Docs[0])
}

func needChromium(t *testing.T) string {
	exe, err := Renderer{}.Find()
	if err != nil {
		fixture.Missing(t, "no Chromium to test with (apt-get install chromium): %v", err)
	}
	return exe
}

// TestPrint prints the shipped article through Chromium: a PDF on the
// configured paper, with the text of both languages, the same bytes twice.
func TestPrint(t *testing.T) {
	needChromium(t)
	ed := shipped(t)
	r := Renderer{Paper: render.Letter}
	files, err := r.Render(ed)
	require.NoError(t, err)
	require.Len(t, files, 1)
	assert.Equal(t, "us-mexico-persecution-of-migrants-2018-05-23.en-es.pdf", files[0].Name)
	data := files[0].Data
	require.True(t, bytes.HasPrefix(data, []byte("%PDF-")))
	assert.Contains(t, string(data), "/CreationDate (D:20180523000000")
	assert.Contains(t, string(data), "/MediaBox [0 0 612 792]")

	again, err := r.Render(ed)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(data, again[0].Data), "two prints differ")

	if _, err := exec.LookPath("pdftotext"); err != nil {
		fixture.Missing(t, "pdftotext is not installed (apt-get install poppler-utils); not checking the printed text")
	}
	path := filepath.Join(t.TempDir(), "print.pdf")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err)
	text := strings.Join(strings.Fields(string(out)), " ")
	assert.Contains(t, text, "Estados Unidos, México y la persecución")
	assert.Contains(t, text, "The U.S., Mexico and the Persecution")
	page2, err := exec.Command("pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err)
	// Each column's title over it, in its language, cut to fit.
	assert.Contains(t, string(page2), ed.Title(0)[:40], "running title in the top margin")
	assert.Contains(t, string(page2), ed.Title(1)[:40], "running title in the top margin")
	assert.Regexp(t, `(?m)^2\s*$`, string(page2), "page number in the bottom margin")
}

// TestSwitch clicks the language switch of the bilingual edition in
// Chromium: both languages show, then English alone, then Spanish alone,
// with scripts off: the switch is CSS, the page's script only keeps the
// reader's place (see TestSwitchKeepsPlace).
func TestSwitch(t *testing.T) {
	exe := needChromium(t)
	dir := t.TempDir()
	files, err := render.BilingualHTML{Paper: render.A4}.Render(shipped(t))
	require.NoError(t, err)
	page := filepath.Join(dir, files[0].Name)
	require.NoError(t, os.WriteFile(page, files[0].Data, 0o644))

	bctx, stop, err := browser(exe, filepath.Join(dir, "profile"), time.Minute)
	require.NoError(t, err)
	defer stop()
	ctx, cancel := tab(bctx, time.Minute)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))
	_, err = chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(page))))
	ran, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.style.scrollPaddingTop`))
	require.NoError(t, err)
	require.Empty(t, ran, "the page's script ran")
	shown := func() string {
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[".src", ".tgt"].map(c => getComputedStyle(document.querySelector("#p-mexico-faces-a-potentially-historic " + c)).display).join(" ")`))
		require.NoError(t, err)
		return out
	}
	assert.Equal(t, "block block", shown(), "both languages without a choice")
	for _, tc := range []struct{ label, want string }{
		{"show-src", "block none"},
		{"show-tgt", "none block"},
		{"show-both", "block block"},
	} {
		require.NoError(t, chromedp.Do(ctx, chromedp.Click(`label[for="`+tc.label+`"]`)))
		assert.Equal(t, tc.want, shown(), "after choosing %s", tc.label)
	}
}

// TestLayout measures the bilingual edition in Chromium: on a wide screen
// the two cells of every row start at the same height, whatever their
// lengths; on a narrow one each unit's Spanish comes under its English.
func TestLayout(t *testing.T) {
	exe := needChromium(t)
	dir := t.TempDir()
	files, err := render.BilingualHTML{Paper: render.A4}.Render(shipped(t))
	require.NoError(t, err)
	page := filepath.Join(dir, files[0].Name)
	require.NoError(t, os.WriteFile(page, files[0].Data, 0o644))
	bctx, stop, err := browser(exe, filepath.Join(dir, "profile"), time.Minute)
	require.NoError(t, err)
	defer stop()
	type box struct{ Top, Bottom, Left, Right float64 }
	ed := shipped(t)
	shared := map[string]bool{}
	for i := range ed.Rows {
		if ed.Shared(&ed.Rows[i], 1) {
			shared[ed.Rows[i].ID] = true
		}
	}
	require.Len(t, shared, 15, "notes the same in English and Spanish")
	measure := func(width int64) map[string][2]box {
		ctx, cancel := tab(bctx, time.Minute)
		defer cancel()
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate("file://"+filepath.ToSlash(page))))
		// A shared note's one cell is measured with its row.
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(Object.fromEntries([...document.querySelectorAll(".row[id]")].map(r => [r.id, (r.classList.contains("shared") ? [":scope > .both", ":scope"] : [":scope > .src", ":scope > .tgt"]).map(c => { const b = r.querySelector(c) ? r.querySelector(c).getBoundingClientRect() : r.getBoundingClientRect(); return {top: b.top, bottom: b.bottom, left: b.left, right: b.right}; })])))`))
		require.NoError(t, err)
		var rows map[string][2]box
		require.NoError(t, json.Unmarshal([]byte(out), &rows))
		require.Len(t, rows, 45)
		return rows
	}
	for _, width := range []int64{1280, 390} {
		for id, cells := range measure(width) {
			switch {
			case shared[id]:
				assert.Equal(t, cells[1].Left, cells[0].Left, "%s: a shared note does not start at the row's start", id)
				assert.Equal(t, cells[1].Right, cells[0].Right, "%s: a shared note does not span both columns", id)
			case width == 1280:
				assert.Equal(t, cells[0].Top, cells[1].Top, "%s: the cells start at different heights", id)
				assert.Greater(t, cells[1].Left, cells[0].Left, "%s: Spanish is not beside the English", id)
			default:
				assert.GreaterOrEqual(t, cells[1].Top, cells[0].Bottom, "%s: Spanish is not under the English", id)
			}
		}
	}
}

// axeResult is a violation axe-core reports.
type axeResult struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// TestAxe runs axe-core in headless Chromium on every HTML edition, wide
// and narrow, and fails on any serious or critical violation. It needs
// Chromium and axe-core: BITEXT_AXE_JS names axe.min.js (npm install
// axe-core puts it in node_modules/axe-core/axe.min.js).
func TestAxe(t *testing.T) {
	exe := needChromium(t)
	axePath := os.Getenv("BITEXT_AXE_JS")
	if axePath == "" {
		fixture.Missing(t, "BITEXT_AXE_JS is not set: npm install axe-core, and set it to node_modules/axe-core/axe.min.js to run axe-core")
	}
	axe, err := os.ReadFile(axePath)
	require.NoError(t, err)

	dir := t.TempDir()
	var pages []string
	write := func(files []render.File) {
		for _, f := range files {
			if strings.HasSuffix(f.Name, ".html") {
				p := filepath.Join(dir, f.Name)
				require.NoError(t, os.WriteFile(p, f.Data, 0o644))
				pages = append(pages, p)
			}
		}
	}
	// The editions, and the index pages of an English and an Arabic one.
	index := &render.Archive{Source: language.English, Targets: []language.Tag{language.Spanish, language.Arabic}}
	// The shipped article with every credit, so that the masthead (its
	// link, its lines in both languages) is checked too.
	credited := shipped(t)
	credited.Credits = project.DocCredits{
		Authors: []string{"Hope Border Institute"}, Translators: map[string][]string{"es": {"Ana Ruiz"}}, Reviewers: map[string][]string{"es": {"Luis Gómez"}},
		Publisher: "Hope Border Institute", URL: "https://example.org/original", Date: "2018-05-23", License: "CC BY 4.0",
	}
	for _, ed := range []*render.Edition{credited, incomplete(t), arabic(t), struck(t)} {
		var names []string
		for _, r := range []render.Renderer{render.BilingualHTML{Paper: render.A4}, render.MonolingualHTML{Paper: render.A4}} {
			files, err := r.Render(ed)
			require.NoError(t, err)
			write(files)
			for _, f := range files {
				names = append(names, f.Name)
			}
		}
		if ed.Name != "short" {
			index.Docs = append(index.Docs, render.NewArchiveDoc(ed, names))
		}
	}
	files, err := index.Render()
	require.NoError(t, err)
	write(files)
	bctx, stop, err := browser(exe, filepath.Join(dir, "profile"), time.Minute)
	require.NoError(t, err)
	defer stop()
	for _, p := range pages {
		for _, width := range []int64{1280, 390} {
			t.Run(fmt.Sprintf("%s@%dpx", filepath.Base(p), width), func(t *testing.T) {
				ctx, cancel := tab(bctx, time.Minute)
				defer cancel()
				require.NoError(t, chromedp.Do(ctx,
					chromedp.EmulateViewport(width, 900),
					chromedp.Navigate("file://"+filepath.ToSlash(p)),
				))
				_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(axe)))
				require.NoError(t, err)
				out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))}))))`, chromedp.EvalAwaitPromise))
				require.NoError(t, err)
				var violations []axeResult
				require.NoError(t, json.Unmarshal([]byte(out), &violations))
				for _, v := range violations {
					if v.Impact == "serious" || v.Impact == "critical" {
						t.Errorf("%s (%s): %s at %v", v.ID, v.Impact, v.Help, v.Nodes)
					} else {
						t.Logf("%s (%s): %s at %d places", v.ID, v.Impact, v.Help, len(v.Nodes))
					}
				}
			})
		}
	}
}

// TestRightToLeftLayout measures Arabic editions in Chromium. In the
// English-Arabic edition the columns run as the English page does, the
// Arabic one on the right, each row's cells level and the rule between
// them; Arabic text sets from the right of its cell, English from the
// left; stacked on a phone, the Arabic cell's rule is on its right, where
// Arabic lines start. The Arabic edition is mirrored: its title sets from
// the right, its notes hang on the right.
func TestRightToLeftLayout(t *testing.T) {
	exe := needChromium(t)
	ed := arabic(t)
	dir := t.TempDir()
	pages := map[string]string{}
	for _, r := range []render.Renderer{render.BilingualHTML{Paper: render.A4}, render.MonolingualHTML{Paper: render.A4}} {
		files, err := r.Render(ed)
		require.NoError(t, err)
		for _, f := range files {
			p := filepath.Join(dir, f.Name)
			require.NoError(t, os.WriteFile(p, f.Data, 0o644))
			pages[f.Name] = p
		}
	}
	bctx, stop, err := browser(exe, filepath.Join(dir, "profile"), time.Minute)
	require.NoError(t, err)
	defer stop()
	eval := func(page string, width int64, js string, out any) {
		ctx, cancel := tab(bctx, time.Minute)
		defer cancel()
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate("file://"+filepath.ToSlash(pages[page]))))
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal([]byte(s), out))
	}
	// text returns the left and right of a cell's text, and of its box.
	const measure = `const text = el => { const r = document.createRange(); r.selectNodeContents(el); const t = r.getBoundingClientRect(), b = el.getBoundingClientRect(), s = getComputedStyle(el);
		return {textLeft: t.left, textRight: t.right, left: b.left, right: b.right, top: b.top, bottom: b.bottom, dir: s.direction,
			borderLeft: parseFloat(s.borderLeftWidth), borderRight: parseFloat(s.borderRightWidth), padLeft: parseFloat(s.paddingLeft), padRight: parseFloat(s.paddingRight)}; };`
	type box struct {
		TextLeft, TextRight, Left, Right, Top, Bottom float64
		Dir                                           string
		BorderLeft, BorderRight, PadLeft, PadRight    float64
	}

	var wide struct {
		Rows map[string][2]box
		Rule float64
	}
	eval("rtl.en-ar.html", 1280, measure+`JSON.stringify({rows: Object.fromEntries([...document.querySelectorAll(".row[id]")].map(r => [r.id, [text(r.querySelector(".src")), text(r.querySelector(".tgt"))]])),
		rule: (() => { const r = document.querySelector(".k-paragraph"); return r.getBoundingClientRect().left + parseFloat(getComputedStyle(r, "::before").left); })()})`, &wide)
	require.NotEmpty(t, wide.Rows)
	for id, c := range wide.Rows {
		en, ar := c[0], c[1]
		assert.Equal(t, en.Top, ar.Top, "%s: the cells start at different heights", id)
		assert.Greater(t, ar.Left, en.Right, "%s: the Arabic is not on the right of the English", id)
		assert.Less(t, en.Right, wide.Rule, "%s: the rule is not between the cells", id)
		assert.Greater(t, ar.Left, wide.Rule, "%s: the rule is not between the cells", id)
	}
	title := wide.Rows["title"]
	assert.Equal(t, "ltr", title[0].Dir)
	assert.Equal(t, "rtl", title[1].Dir)
	assert.InDelta(t, title[0].Left, title[0].TextLeft, 1, "English sets from the left")
	assert.InDelta(t, title[1].Right, title[1].TextRight, 1, "Arabic sets from the right")
	assert.Greater(t, title[1].TextLeft-title[1].Left, 100.0, "a short Arabic title leaves the left of its cell empty")

	var narrow map[string][2]box
	eval("rtl.en-ar.html", 390, measure+`JSON.stringify(Object.fromEntries([...document.querySelectorAll(".row[id]")].map(r => [r.id, [text(r.querySelector(".src")), text(r.querySelector(".tgt"))]])))`, &narrow)
	for id, c := range narrow {
		assert.GreaterOrEqual(t, c[1].Top, c[0].Bottom, "%s: the Arabic is not under the English", id)
		if c[1].Dir == "rtl" {
			assert.Equal(t, 3.0, c[1].BorderRight, "%s: the Arabic cell's rule is on its right", id)
			assert.Zero(t, c[1].BorderLeft, id)
		}
	}

	var single struct {
		Title, Note box
		HTMLDir     string
		// Numbers are the citation numbers, OnRight those in the right
		// margin of their passage.
		Numbers, OnRight int
	}
	eval("rtl.ar.html", 1280, measure+`JSON.stringify({title: text(document.querySelector("h1")), note: text(document.querySelector(".notes li")), htmlDir: getComputedStyle(document.documentElement).direction,
		numbers: document.querySelectorAll(".pn").length, onRight: [...document.querySelectorAll(".pn")].filter(p => p.getBoundingClientRect().left >= p.parentElement.getBoundingClientRect().right - 1).length})`, &single)
	assert.Equal(t, "rtl", single.HTMLDir)
	assert.Greater(t, single.Numbers, 10)
	assert.Equal(t, single.Numbers, single.OnRight, "citation numbers in the Arabic page's right margin, the English passage's too")
	assert.InDelta(t, single.Title.Right, single.Title.TextRight, 1, "the Arabic title sets from the right")
	assert.Greater(t, single.Note.PadRight, 10.0, "the notes hang on the right")
	assert.Zero(t, single.Note.PadLeft)
}
