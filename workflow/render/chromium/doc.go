// Package chromium prints bitext's bilingual HTML edition to PDF through
// headless Chromium, driven with chromedp: the alternative to package pdf
// for those who want the browser's typesetting of the print stylesheet.
// It needs Chromium (or Chrome) installed; Find says which it would run,
// or why none.
//
//	files, err := chromium.Renderer{Paper: render.A4}.Render(ed)
//	if errors.Is(err, chromium.ErrNotFound) {
//		// use package pdf instead
//	}
package chromium
