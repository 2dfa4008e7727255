// Package pdf writes bitext's bilingual PDF edition in Go, with no
// browser: aligned two-column rows set with go-pdf/fpdf in Caladea and
// the Go fonts, which are embedded. Lines are broken by the package's own
// measure of the fonts, so that each row's height is known before it is
// drawn and a row either fits, moves to the next page, or splits with both
// columns continuing together, in time linear in the text however long its
// words.
//
// fpdf can set no character beyond the Basic Multilingual Plane, and none
// its fonts lack: each character goes along its face's fallback chain
// (fonts.go), and one no face has is set as U+FFFD with a warning in the
// file's Warnings; invisible characters are left out. Each document gets
// its own copy of the fonts, as fpdf writes into the bytes it is given,
// so that the same edition gives the same bytes whatever else was set.
//
// Each row's two cells are evened out (balance): the shorter opens its
// leading a little and the taller closes its, so that the hole under the
// shorter column shrinks. A note the same in both languages is set once
// across both columns. Passages carry their citation number, "¶ 12", in
// the margin, and each column its running head in its own language.
//
// The PDF is tagged, after PDF/UA-1: each column's text is an article
// in its language in the structure tree (tags.go), built with package
// tagged while the pages are drawn, the running heads, page numbers and
// rules are artifacts, and finish.go adds to fpdf's output what fpdf
// cannot write (finish).
//
//	files, err := pdf.Renderer{Paper: render.A4}.Render(ed)
package pdf
