// Package terms is the project's glossary: per target locale, each source
// term with its approved translations, the translations it must never
// have, a case rule and a note, and the consistency rules of a document
// ("administración de Obama" or "administración Obama", not both). It
// reads the glossary as YAML or CSV, reads and writes TBX (TBX-Basic, the
// exchange format of OmegaT, Trados and Weblate glossaries), and finds a
// glossary's terms in a source text and their renderings in a
// translation, allowing the inflections of Spanish (see Entry.Renders).
//
//	g, err := terms.ReadYAML("glossary/es.yaml", data)
//	for _, e := range g.Find("es", "The drug war became militarized.") {
//		fmt.Println(e.Term, e.Approved[0])
//	}
package terms
