// Package tagged builds the logical structure of a tagged PDF (ISO
// 32000-1 §14.7–14.8, as PDF/UA-1 asks for it) while the pages are
// drawn, and writes it as PDF objects: structure elements, the link
// annotations they own, the parent tree and the structure tree root.
//
// It knows nothing of the library that draws the pages. The drawing
// code asks the Tree for the marked-content operators to put around
// each run of text (Begin, with an MCID the tree records) or around
// what is no part of the text (Artifact), registers each link
// annotation with the element it belongs to, and at the end asks for
// the objects, numbered from the first free object number, with what
// to add to the catalog and to each page dictionary:
//
//	t := tagged.New("en")
//	art := t.Add(t.Root(), "Art")
//	t.SetLang(art, "es")
//	p := t.Add(art, "P")
//	ops := t.Begin(1, p, "") // "/P <</MCID 0>> BDC", then the text, then "EMC"
//	out, err := t.Objects(next, pageObjectNumbers)
//
// The same calls give the same bytes.
package tagged
