// Package textdiff computes word-level differences between two versions of
// a text, the way a translator wants to see what changed in the English:
// deleted and inserted words marked, everything else as it was.
//
//	d := textdiff.Words("the red house", "the blue house")
//	fmt.Println(d.Format()) // the [-red-]{+blue+} house
package textdiff
