// Package files writes project files safely: each write goes to a
// temporary file in the same folder and is renamed into place, so a reader
// or a crash never sees half a file; a file that changed on disk since it was
// read is not overwritten; and one lock per project keeps two bitext runs
// from writing at once.
//
//	unlock, err := files.Lock("locales/.bitext/lock", 10*time.Second)
//	…
//	err = files.Replace("locales/a.es.toml", data, old, true)
package files
