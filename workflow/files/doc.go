// Package files writes project files so that no translator's work is ever
// lost: a write that spans several files is a transaction whose every
// prefix is safe (Apply); each file is written to a temporary file, synced,
// and put in place atomically, without ever replacing a save that lands
// meanwhile; one lock per project keeps two bitext runs from writing at
// once; and the temporary files of a killed run are cleaned up by the next
// one. All of it goes through the FS interface, so tests can fail or cut
// short any single step (package filestest).
//
//	unlock, err := files.Lock("locales/.bitext/lock", 10*time.Second)
//	…
//	err = files.Apply(ctx, files.OS, ".", []files.Write{{Path: "locales/a.es.toml", Data: data, Old: old, Existed: true}})
package files
