package chromium

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/internal/fixture"
)

// The shipped article's editions, as the tests below open them.
const (
	pairPage = "us-mexico-persecution-of-migrants-2018-05-23.en-es.html"
	enPage   = "us-mexico-persecution-of-migrants-2018-05-23.en.html"
	esPage   = "us-mexico-persecution-of-migrants-2018-05-23.es.html"
)

// widths are the screens the reading tests measure at: a phone and a
// laptop.
var widths = []int64{390, 1366}

// reader is a browser with the shipped article's HTML editions written
// to a directory.
type reader struct {
	t    *testing.T
	dir  string
	bctx context.Context
}

func newReader(t *testing.T, eds ...*render.Edition) *reader {
	exe := needChromium(t)
	dir := t.TempDir()
	if len(eds) == 0 {
		eds = []*render.Edition{shipped(t)}
	}
	for _, ed := range eds {
		writeEditions(t, dir, ed)
	}
	bctx, stop, err := browser(exe, filepath.Join(dir, "profile"), time.Minute)
	require.NoError(t, err)
	t.Cleanup(stop)
	return &reader{t: t, dir: dir, bctx: bctx}
}

// writeEditions writes the HTML editions of ed to dir.
func writeEditions(t *testing.T, dir string, ed *render.Edition) {
	for _, r := range []render.Renderer{render.BilingualHTML{Paper: render.A4}, render.MonolingualHTML{Paper: render.A4}} {
		files, err := r.Render(ed)
		require.NoError(t, err)
		for _, f := range files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644))
		}
	}
}

func (r *reader) url(page string) string {
	return "file://" + filepath.ToSlash(filepath.Join(r.dir, page))
}

// open loads page (with a fragment, perhaps) in a new tab width px wide.
func (r *reader) open(width int64, page string) context.Context {
	ctx, cancel := tab(r.bctx, time.Minute)
	r.t.Cleanup(cancel)
	require.NoError(r.t, chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(r.url(page))))
	r.settle(ctx)
	return ctx
}

// settle waits for two frames, so that scroll handlers have run.
func (r *reader) settle(ctx context.Context) {
	_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))`, chromedp.EvalAwaitPromise))
	require.NoError(r.t, err)
}

// eval runs js in the page and decodes its JSON result into out.
func (r *reader) eval(ctx context.Context, js string, out any) {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string]("JSON.stringify((() => {"+js+"})())"))
	require.NoError(r.t, err, js)
	require.NoError(r.t, json.Unmarshal([]byte(s), out))
}

// show picks a language in the bilingual edition's switch: "show-both",
// "show-src" or "show-tgt".
func (r *reader) show(ctx context.Context, id string) {
	r.click(ctx, `label[for="`+id+`"]`)
	r.settle(ctx)
}

// click clicks the middle of the element sel names with the mouse, as a
// reader does: chromedp.Click would scroll it into view first.
func (r *reader) click(ctx context.Context, sel string) {
	var at struct{ X, Y float64 }
	r.eval(ctx, `const b = document.querySelector(`+fmt.Sprintf("%q", sel)+`).getBoundingClientRect(); return {x: b.left + b.width / 2, y: b.top + b.height / 2};`, &at)
	require.NoError(r.t, chromedp.Do(ctx, chromedp.MouseClickXY(at.X, at.Y)))
}

// TestNoteNumbers measures every note number and citation number shown,
// on a phone and a laptop, in each edition and each mode of the switch:
// each is on screen, inside its own column (a target column's numbers
// right of the column rule, a source column's left of it), on the line
// where its note's text starts, and a citation number is left of the
// text it numbers. Besides the shipped article, a long one has
// three-digit numbers.
func TestNoteNumbers(t *testing.T) {
	w, err := fixture.Load("source/long.md", fixture.Article(140), []string{"es"}, fixture.Spanish)
	require.NoError(t, err)
	long := render.NewEdition(w, w.Docs[0])
	r := newReader(t, shipped(t), long)
	paras := 0
	for i := range long.Rows {
		paras = max(paras, long.Rows[i].Para)
	}
	require.Greater(t, paras, 100)
	require.Greater(t, long.Notes, 0)
	type num struct {
		Note                         string
		Left, Right, Top             float64
		CellLeft, CellRight, TextTop float64
		RuleLeft                     float64
		Screen                       float64
	}
	type pn struct {
		ID                    string
		Left, Right, TextLeft float64
	}
	const measure = `
const vw = document.documentElement.clientWidth;
const shown = e => e.getClientRects().length > 0;
const notes = [...document.querySelectorAll(".fn-num")].filter(shown).map(n => {
	const cell = n.parentElement, b = n.getBoundingClientRect(), c = cell.getBoundingClientRect();
	const range = document.createRange();
	range.setStartAfter(n); range.setEndAfter(cell.lastChild);
	const text = [...range.getClientRects()].find(q => q.width > 1);
	const rule = cell.classList.contains("tgt") ? c.left + (parseFloat(getComputedStyle(cell).borderLeftWidth) > 0 ? parseFloat(getComputedStyle(cell).borderLeftWidth) + 2 : 0) : c.left;
	return {note: cell.closest("[id]").id, left: b.left, right: b.right, top: b.top, cellLeft: c.left, cellRight: c.right, textTop: text ? text.top : -1, ruleLeft: rule, screen: vw};
});
const pns = [...document.querySelectorAll(".pn")].filter(shown).map(p => {
	const unit = p.parentElement, b = p.getBoundingClientRect();
	const text = [...unit.querySelectorAll(".cell, p, li")].filter(shown).map(e => e.getBoundingClientRect().left);
	return {id: unit.id, left: b.left, right: b.right, textLeft: Math.min(unit.getBoundingClientRect().left, ...text)};
});
return {notes, pns};`
	check := func(t *testing.T, ctx context.Context, notes, pns int) {
		var got struct {
			Notes []num
			Pns   []pn
		}
		r.eval(ctx, measure, &got)
		seen := map[string]bool{}
		for _, n := range got.Notes {
			seen[n.Note] = true
		}
		require.Len(t, seen, notes, "every note's number shows")
		require.Len(t, got.Pns, pns, "every paragraph's citation number shows")
		for _, n := range got.Notes {
			assert.GreaterOrEqual(t, n.Left, 0.0, "%s: number off the left of the screen", n.Note)
			assert.LessOrEqual(t, n.Right, n.Screen, "%s: number off the right of the screen", n.Note)
			assert.GreaterOrEqual(t, n.Left, n.RuleLeft, "%s: number on or outside the column rule", n.Note)
			assert.LessOrEqual(t, n.Right, n.CellRight, "%s: number outside its column", n.Note)
			assert.InDelta(t, n.Top, n.TextTop, 6, "%s: number not on the line its text starts on", n.Note)
		}
		for _, p := range got.Pns {
			assert.GreaterOrEqual(t, p.Left, 0.0, "%s: ¶ off the screen", p.ID)
			assert.LessOrEqual(t, p.Right, p.TextLeft, "%s: ¶ over the text", p.ID)
		}
	}
	for _, doc := range []struct {
		ed           *render.Edition
		notes, paras int
	}{{shipped(t), 26, 14}, {long, long.Notes, paras}} {
		pair, one := render.PairName(doc.ed, 1, "html"), []string{render.LangName(doc.ed, 0, "html"), render.LangName(doc.ed, 1, "html")}
		for _, w := range widths {
			for _, page := range one {
				t.Run(fmt.Sprintf("%s@%d", page, w), func(t *testing.T) { check(t, r.open(w, page), doc.notes, doc.paras) })
			}
			for _, mode := range []string{"show-both", "show-src", "show-tgt"} {
				t.Run(fmt.Sprintf("%s/%s@%d", pair, mode, w), func(t *testing.T) {
					ctx := r.open(w, pair)
					r.show(ctx, mode)
					check(t, ctx, doc.notes, doc.paras)
				})
			}
		}
	}
}

// TestNoteLanding follows links to notes and back, on a phone and a
// laptop: what a link points to lands below the sticky toolbar, on
// screen, and is highlighted.
func TestNoteLanding(t *testing.T) {
	r := newReader(t)
	type landing struct {
		Top, Bottom, Toolbar, Screen float64
		Background                   string
	}
	at := func(ctx context.Context, id string) landing {
		var l landing
		r.eval(ctx, `const e = document.getElementById(`+fmt.Sprintf("%q", id)+`), b = e.getBoundingClientRect();
return {top: b.top, bottom: b.bottom, toolbar: document.querySelector(".toolbar").getBoundingClientRect().bottom, screen: innerHeight, background: getComputedStyle(e).backgroundColor};`, &l)
		return l
	}
	const highlight = "rgb(253, 241, 194)"
	for _, w := range widths {
		for _, page := range []string{pairPage, enPage, esPage} {
			t.Run(fmt.Sprintf("%s@%d", page, w), func(t *testing.T) {
				for _, id := range []string{"note-5", "note-18", "note-26"} {
					ctx := r.open(w, page+"#"+id)
					l := at(ctx, id)
					assert.GreaterOrEqual(t, l.Top, l.Toolbar, "%s lands under the toolbar", id)
					assert.Less(t, l.Top, l.Screen, "%s is not on screen", id)
					assert.Equal(t, highlight, l.Background, "%s is not highlighted", id)
				}
				// Following a reference in the text, then the note's
				// number back to it.
				ctx := r.open(w, page)
				ref := "fnref-en-9"
				if page == esPage {
					ref = "fnref-es-9"
				}
				require.NoError(t, chromedp.Do(ctx, chromedp.Click("#"+ref)))
				r.settle(ctx)
				l := at(ctx, "note-9")
				assert.GreaterOrEqual(t, l.Top, l.Toolbar, "note-9 lands under the toolbar")
				assert.Equal(t, highlight, l.Background)
				require.NoError(t, chromedp.Do(ctx, chromedp.Click(`[href="#`+ref+`"]`)))
				r.settle(ctx)
				l = at(ctx, ref)
				assert.GreaterOrEqual(t, l.Top, l.Toolbar, "back to %s lands under the toolbar", ref)
				assert.Equal(t, highlight, l.Background)
			})
		}
	}
}

// TestSwitchKeepsPlace reads the bilingual edition on a phone and a
// laptop: after scrolling to a passage, switching language keeps that
// passage where the reader is, and the choice holds on reload.
func TestSwitchKeepsPlace(t *testing.T) {
	r := newReader(t)
	type place struct {
		Top, Bottom, Toolbar, Screen float64
		Checked                      string
		Src, Tgt                     string
	}
	where := func(ctx context.Context, id string) place {
		var p place
		r.eval(ctx, `const b = document.getElementById(`+fmt.Sprintf("%q", id)+`).getBoundingClientRect(), row = document.querySelector("#p-mexico-faces-a-potentially-historic");
return {top: b.top, bottom: b.bottom, toolbar: document.querySelector(".toolbar").getBoundingClientRect().bottom, screen: innerHeight,
	checked: document.querySelector(".switch input:checked").id, src: getComputedStyle(row.querySelector(".src")).display, tgt: getComputedStyle(row.querySelector(".tgt")).display};`, &p)
		return p
	}
	inView := func(t *testing.T, p place, id, after string) {
		assert.LessOrEqual(t, p.Top, p.Toolbar+1, "%s: %s starts below the top of the reading area after %s", id, id, after)
		assert.Greater(t, p.Bottom, p.Toolbar, "%s: %s is above the reading area after %s", id, id, after)
		assert.Less(t, p.Top, p.Screen)
	}
	for _, w := range widths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx := r.open(w, pairPage)
			const id = "p-these-efforts-include-training-by"
			// Halfway into the passage, as a reader is.
			r.eval(ctx, `const e = document.getElementById("`+id+`"), t = document.querySelector(".toolbar").getBoundingClientRect().bottom;
scrollBy(0, e.getBoundingClientRect().top - t + e.getBoundingClientRect().height / 3); return 0;`, new(int))
			r.settle(ctx)
			inView(t, where(ctx, id), id, "scrolling")
			for _, mode := range []string{"show-tgt", "show-src", "show-both", "show-tgt"} {
				r.show(ctx, mode)
				inView(t, where(ctx, id), id, mode)
			}
			require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
			r.settle(ctx)
			p := where(ctx, id)
			assert.Equal(t, "show-tgt", p.Checked, "the choice is lost on reload")
			assert.Equal(t, "none block", p.Src+" "+p.Tgt)

			// A link to the passage, with the choice applied as the page
			// opens, still lands on it.
			fresh := r.open(w, pairPage+"#"+id)
			p = where(fresh, id)
			assert.Equal(t, "show-tgt", p.Checked, "the choice is lost in a new tab")
			assert.GreaterOrEqual(t, p.Top, p.Toolbar-1, "the link lands under the toolbar")
			assert.Less(t, p.Top, p.Screen, "the link does not land on the passage")
			r.show(fresh, "show-both")
		})
	}
}

// TestEditionLinks goes from one edition to another after reading to a
// passage: the other edition opens at the same passage.
func TestEditionLinks(t *testing.T) {
	r := newReader(t)
	for _, w := range widths {
		for _, tc := range []struct{ from, to, id string }{
			{esPage, enPage, "p-mexico-is-a-country-where"},
			{enPage, pairPage, "p-the-washington-post-has-recently"},
			{pairPage, esPage, "p-these-longstanding-trends-are-particularly"},
		} {
			t.Run(fmt.Sprintf("%s-%s@%d", tc.from, tc.to, w), func(t *testing.T) {
				ctx := r.open(w, tc.from)
				r.eval(ctx, `const e = document.getElementById("`+tc.id+`"); scrollBy(0, e.getBoundingClientRect().top - document.querySelector(".toolbar").getBoundingClientRect().bottom + 4); return 0;`, new(int))
				r.settle(ctx)
				var at struct{ X, Y float64 }
				r.eval(ctx, `const b = document.querySelector(".toolbar nav a[href^='`+tc.to+`']").getBoundingClientRect(); return {x: b.left + b.width / 2, y: b.top + b.height / 2};`, &at)
				_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.MouseClickXY(at.X, at.Y)))
				require.NoError(t, err)
				r.settle(ctx)
				var got struct {
					Hash                         string
					Top, Bottom, Toolbar, Screen float64
				}
				r.eval(ctx, `const b = document.getElementById("`+tc.id+`").getBoundingClientRect();
return {hash: location.hash, top: b.top, bottom: b.bottom, toolbar: document.querySelector(".toolbar").getBoundingClientRect().bottom, screen: innerHeight};`, &got)
				assert.Equal(t, "#"+tc.id, got.Hash)
				assert.GreaterOrEqual(t, got.Top, got.Toolbar-1, "the passage is under the toolbar")
				assert.Less(t, got.Top, got.Screen, "the passage is not on screen")
			})
		}
	}
}
