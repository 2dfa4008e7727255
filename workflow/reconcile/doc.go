// Package reconcile gives translation units IDs that survive edits of the
// source. It matches the units of a freshly segmented document with the
// units bitext knew before (the previous source-locale file and the history
// of removed units): unchanged, re-wrapped and moved units keep their IDs,
// edited ones keep theirs and are reported as edited, removed ones that come
// back get theirs back, and only new units get new, readable IDs such as
// "p-mexico-faces-a-potentially-historic". Note labels get the same
// treatment, so a note renumbered by an insertion before it changes no text.
//
//	res := reconcile.Reconcile(doc, reconcile.Prior{Units: previous})
//	for i, u := range res.Units {
//		fmt.Println(u.ID, res.Origins[i])
//	}
package reconcile
