// Package check finds what is left to do and what looks wrong in the
// translations of a project: untranslated, stale and orphaned entries, and
// translations whose numbers, links, note references, markup, punctuation,
// quotes, spacing, length or templates do not fit the English. Each finding
// names the locale file and line of its entry, so an editor can jump there,
// and says what to do in one line. Findings can be exempted one entry and
// one check at a time, with a reason, by a translator comment in the locale
// file:
//
//	# bitext-allow numbers: the English rounds the figure; the Spanish source gives it exactly
//
// Run reads a loaded workspace and returns a Report; it never writes. The
// report also holds the completeness of every document and locale and the
// result of the gates a CI job sets (a minimum completeness per locale, and
// the severity that fails the run).
//
//	w, err := project.Load(project.Inputs{Root: os.DirFS(".")}, project.Default())
//	r, err := check.Run(w, check.Config{MinComplete: map[string]float64{"es": 100}})
//	r.WriteText(os.Stdout, false)
//	if !r.Passed() {
//		os.Exit(1)
//	}
//
// Adding a check is one function over an entry and one row in the table
// in checks.go.
package check
