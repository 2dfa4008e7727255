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
package project
