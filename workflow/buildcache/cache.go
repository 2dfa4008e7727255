package buildcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"slices"

	"github.com/hopeborder/bitext/workflow/render"
)

// Schema names the cache's format; a cache of another is not read.
const Schema = "bitext-cache/1"

// Dir and File are where the cache is in the output folder.
const (
	Dir  = ".bitext"
	File = "cache.json"
)

// GitIgnore is what Dir's .gitignore holds: everything, itself too.
const GitIgnore = "# bitext's build cache: made by and for the bitext that built output/; never commit it.\n*\n"

// Cache is the build cache of a project.
type Cache struct {
	Schema string `json:"schema"`
	// Tool identifies the bitext binary the entries were made by; a
	// cache of another is empty.
	Tool string `json:"tool"`
	// Docs are, by document name, the entries of each kind of edition.
	Docs map[string]*Doc `json:"docs"`
}

// Doc is what the cache holds of one document.
type Doc struct {
	// Kinds are the entries by kind of edition ("bilingual", "html",
	// "md", "pdf").
	Kinds map[string]Entry `json:"kinds"`
	// Archive is the document's entry in the index, as last built, and
	// Warnings what laying the document out warned of then.
	Archive  *render.ArchiveDoc `json:"archive,omitempty"`
	Warnings []render.Warning   `json:"warnings,omitempty"`
	// Checks are, by locale, what checking the document's translation
	// found (see check.Memo).
	Checks map[string]Checked `json:"checks,omitempty"`
	// Settled is the key of the document's files when an update last
	// found them up to date (see project.UpdateMemo).
	Settled string `json:"settled,omitempty"`
}

// Entry is one kind of edition of a document, as last rendered.
type Entry struct {
	// Key is the hash of what the files were made from.
	Key string `json:"key"`
	// Files are the files made, in the output folder.
	Files []Output `json:"files"`
	// Warnings are what the renderer could not show as written, to be
	// reported again.
	Warnings []render.Warning `json:"warnings"`
}

// Output is one file made, as it was on the disk once written: a file
// whose size or modification time differ is not the one made (a reader
// edited or replaced it) and is made again.
type Output struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
	// ModTime is in nanoseconds since 1970.
	ModTime int64 `json:"mtime"`
}

// New returns an empty cache for tool.
func New(tool string) *Cache {
	return &Cache{Schema: Schema, Tool: tool, Docs: map[string]*Doc{}}
}

// Parse reads a cache made by tool. A cache bitext cannot read, of
// another schema or another tool, is an empty one: the cache only ever
// saves work, so losing it is safe.
func Parse(data []byte, tool string) *Cache {
	var c Cache
	if json.Unmarshal(data, &c) != nil || c.Schema != Schema || c.Tool != tool || c.Docs == nil {
		return New(tool)
	}
	for name, d := range c.Docs {
		if d == nil || d.Kinds == nil {
			delete(c.Docs, name)
		}
	}
	return &c
}

// Lookup returns the entry of doc's editions of kind made from key.
func (c *Cache) Lookup(doc, kind, key string) (Entry, bool) {
	d := c.Docs[doc]
	if d == nil {
		return Entry{}, false
	}
	e, ok := d.Kinds[kind]
	return e, ok && e.Key == key
}

// Put records doc's editions of kind.
func (c *Cache) Put(doc, kind string, e Entry) {
	c.doc(doc).Kinds[kind] = e
}

// Forget removes doc's entry of kind: its files were not all made.
func (c *Cache) Forget(doc, kind string) {
	if d := c.Docs[doc]; d != nil {
		delete(d.Kinds, kind)
	}
}

// SetArchive records doc's entry in the index, and the warnings of its
// layout.
func (c *Cache) SetArchive(doc string, a render.ArchiveDoc, warnings []render.Warning) {
	d := c.doc(doc)
	d.Archive, d.Warnings = &a, warnings
}

// Keep drops every document but those named: the cache holds only the
// project's documents.
func (c *Cache) Keep(docs []string) {
	for name := range c.Docs {
		if !slices.Contains(docs, name) {
			delete(c.Docs, name)
		}
	}
}

// Recall returns what checking doc's translation into locale found, if
// it was checked from the inputs key stands for.
func (c *Cache) Recall(doc, locale, key string) ([]byte, bool) {
	d := c.Docs[doc]
	if d == nil {
		return nil, false
	}
	ch, ok := d.Checks[locale]
	if !ok || ch.Key != key {
		return nil, false
	}
	return ch.Found, true
}

// Remember records what checking doc's translation into locale found.
func (c *Cache) Remember(doc, locale, key string, data []byte) {
	d := c.doc(doc)
	if d.Checks == nil {
		d.Checks = map[string]Checked{}
	}
	d.Checks[locale] = Checked{Key: key, Found: slices.Clone(data)}
}

func (c *Cache) doc(name string) *Doc {
	d := c.Docs[name]
	if d == nil {
		d = &Doc{Kinds: map[string]Entry{}}
		c.Docs[name] = d
	}
	return d
}

// Encode returns the cache's bytes: the same cache, the same bytes
// (encoding/json sorts map keys). They are not indented: a machine reads
// them, on every build, and an archive's cache is megabytes.
func (c *Cache) Encode() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	// Only strings, numbers and the index's fields: it cannot fail.
	_ = enc.Encode(c)
	return b.Bytes()
}

// Key hashes parts, each length-prefixed so that no two lists of parts
// hash alike.
func Key(parts ...string) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}
