// Package gitrepo reads the two things bitext needs from the git
// repository a project is in: where the project folder is in the
// repository (Prefix), so that the paths CI annotates are the paths of a
// pull request, and the project's files as staged in the index (Index),
// so that a pre-commit hook checks what is being committed rather than
// the working tree.
//
// It runs the git command, as found on PATH, and honours the variables
// git sets for hooks (GIT_DIR, GIT_INDEX_FILE…), so a hook that runs
// bitext sees the index of the commit being made:
//
//	root, err := gitrepo.Index(ctx, "docs/translations")
//	ws, err := project.Load(project.Inputs{Root: root}, cfg)
package gitrepo
