// Package memory is the project's translation memory: every document's
// translations, the translations the history keeps of removed units, and
// outside memories imported as TMX, for one pair of languages. It finds,
// for a text that needs translating, the same text translated elsewhere
// (100 %) and similar ones, scored on words, through indexes whose cost
// per lookup does not grow with the memory.
//
//	var m memory.Memory
//	m.Add(memory.Entry{Doc: "a", ID: "p-x", Source: english, Target: spanish})
//	for _, s := range m.Suggest(newEnglish, "b", "p-y", 3) {
//		fmt.Println(s.Score, s.Doc, s.ID, s.Target)
//	}
//
// Words gives the word bags the memory compares texts by; package
// reconcile matches units with them too.
package memory
