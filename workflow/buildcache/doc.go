// Package buildcache is what a build remembers of the last one, so that
// a document whose inputs did not change is not rendered again: for each
// document and kind of edition, the hash of everything the files were
// made from (the key) and the files made, with their sizes and
// modification times; and the document's entry in the archive's index.
//
// The cache lives in the output folder (output/.bitext/cache.json, with a
// .gitignore of its own): it describes the files there, goes with them
// when the folder is removed, and is never committed: it is this
// machine's state (its keys name the bitext binary that made the files,
// its times the files' on this disk). The editions never depend on it.
//
//	c := buildcache.Parse(data, tool)          // an unreadable cache is an empty one
//	if e, ok := c.Lookup(doc, "pdf", key); ok { … reuse e.Files … }
//	c.Put(doc, "pdf", buildcache.Entry{Key: key, Files: files})
//	data = c.Encode()
package buildcache
