// Package pdf writes bitext's bilingual PDF edition in Go, with no
// browser: aligned two-column rows set with go-pdf/fpdf in the Go fonts,
// which are embedded. Lines are broken by the package's own measure of the
// fonts, so that each row's height is known before it is drawn and a row
// either fits, moves to the next page, or splits with both columns
// continuing together.
//
//	files, err := pdf.Renderer{Paper: render.A4}.Render(ed)
package pdf
