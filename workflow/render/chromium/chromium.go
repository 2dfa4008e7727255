package chromium

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hopeborder/bitext/workflow/render"
)

// ErrNotFound means no Chromium or Chrome was found to print with.
var ErrNotFound = errors.New("no Chromium or Chrome found")

// Renderer prints the bilingual HTML edition of each target language to
// <doc>.<source>-<target>.pdf through headless Chromium, which lays out
// the print stylesheet: the @page size, margin boxes with the running
// title and page numbers, rows kept whole. The browser runs with a fresh
// profile and no network features, and the page allows no request.
type Renderer struct {
	// Paper is the page size the HTML's print stylesheet asks for.
	Paper render.Paper
	// ExecPath is the browser to run. Empty means the first of chromium,
	// chromium-browser, google-chrome, google-chrome-stable, headless_shell
	// and chrome found on PATH.
	ExecPath string
	// Timeout bounds starting the browser and printing one file. Zero
	// means two minutes.
	Timeout time.Duration
	// Created replaces the dates Chromium writes in the file, the time of
	// printing. Zero means the article's date, or 1970-01-01 for an
	// article without one, as package pdf does (see render.PDFDate).
	Created time.Time
}

// candidates are the browsers Renderer looks for, in order.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell", "chrome"}

// Find returns the browser r runs, or an error wrapping ErrNotFound that
// says how to get one.
func (r Renderer) Find() (string, error) {
	if r.ExecPath != "" {
		p, err := exec.LookPath(r.ExecPath)
		if err != nil {
			return "", fmt.Errorf("%w at %s (%v); install Chromium or use --engine go", ErrNotFound, r.ExecPath, err)
		}
		return p, nil
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w on PATH (looked for %s): --engine chromium prints through headless Chromium; install it (Debian: apt-get install chromium) or use --engine go", ErrNotFound, joinNames(candidates))
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// Render implements render.Renderer.
func (r Renderer) Render(ed *render.Edition) ([]render.File, error) {
	created, err := render.PDFDate(r.Created, ed)
	if err != nil {
		return nil, err
	}
	exe, err := r.Find()
	if err != nil {
		return nil, err
	}
	pages, err := render.BilingualHTML{Paper: r.Paper}.Render(ed)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "bitext-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	profile := filepath.Join(tmp, "profile")

	timeout := r.Timeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	bctx, stop, err := browser(exe, profile, timeout)
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", exe, err)
	}
	defer stop()

	var files []render.File
	for _, pg := range pages {
		htmlPath := filepath.Join(tmp, pg.Name)
		if err := os.WriteFile(htmlPath, pg.Data, 0o600); err != nil {
			return nil, err
		}
		data, err := r.print(bctx, timeout, "file://"+filepath.ToSlash(htmlPath))
		if err != nil {
			return nil, fmt.Errorf("print %s with %s: %w", pg.Name, exe, err)
		}
		data = fixDates(data, created)
		name := pg.Name[:len(pg.Name)-len(".html")] + ".pdf"
		files = append(files, render.File{Name: name, Data: data})
	}
	return files, nil
}

// browser starts exe headless, with a fresh profile in dir and the network
// features a print needs none of turned off, and returns its context;
// stop ends the browser. Each page gets a tab of its own (see tab).
func browser(exe, dir string, timeout time.Duration) (ctx context.Context, stop func(), err error) {
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(dir),
	)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	stop = func() {
		cancelBrowser()
		cancelAlloc()
	}
	// The first action starts the browser, bound to the context it runs
	// on: this one, not a page's, which ends when the page is done.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	select {
	case err = <-started:
	case <-time.After(timeout):
		err = fmt.Errorf("no answer in %s", timeout)
	}
	if err != nil {
		stop()
		return nil, nil, err
	}
	return bctx, stop, nil
}

// tab opens a tab of the browser for one page, closed by cancel, with a
// time limit.
func tab(bctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	tctx, closeTab := chromedp.NewContext(bctx)
	ctx, cancel := context.WithTimeout(tctx, timeout)
	return ctx, func() {
		cancel()
		closeTab()
	}
}

// print loads a page and prints it with its own page size and margins.
func (r Renderer) print(bctx context.Context, timeout time.Duration, url string) ([]byte, error) {
	ctx, cancel := tab(bctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFOutlineAndTagged(),
	))
}
