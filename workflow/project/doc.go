// Package project is bitext's workflow over a whole project: it loads the
// configured sources, reconciles them with their message files and history
// into a Workspace, and says what to write to bring everything up to date.
// It reads through an fs.FS and never writes: the command applies the
// returned writes atomically.
//
//	w, err := project.Load(project.Inputs{Root: os.DirFS(".")}, project.Default())
//	for _, s := range w.Status() {
//		fmt.Println(s.Doc, s.Locale, s.Percent)
//	}
//	writes := w.Update()
//
// The same workspace goes to translators' tools and back: Export gives
// the units of a locale as exchange files hold them, Import brings a
// translator's file back (by ID, never taking a translation of older
// English as current), and Memory is the locale's translation memory
// across every document, the histories and the outside memory that
// AddMemory grows; FillExact fills exact matches for review.
package project
