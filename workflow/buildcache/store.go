package buildcache

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/render"
)

// Store is the build cache of one output folder, on the disk: read once
// by Open, asked and told by the check and the renderers (from many
// goroutines), and written once by Save.
type Store struct {
	mu   sync.Mutex
	c    *Cache
	read []byte // the cache file as read, to leave it alone when unchanged
	out  string // the output folder
	off  bool
	// dirty is set once the cache differs from the file read: a build
	// that changed nothing leaves it alone without encoding it.
	dirty bool
}

// Open reads the build cache of the output folder out (a path on the
// disk) made by tool. With off (a rebuild, or a tool that cannot be told
// from another: tool ""), or when the file cannot be read, it is empty,
// and with off it recalls nothing.
func Open(out, tool string, off bool) *Store {
	s := &Store{out: out, off: off || tool == ""}
	data, err := os.ReadFile(s.file())
	if err == nil {
		s.read = data
	}
	if s.off || err != nil {
		s.c = New(tool)
		return s
	}
	s.c = Parse(data, tool)
	return s
}

func (s *Store) dir() string  { return filepath.Join(s.out, Dir) }
func (s *Store) file() string { return filepath.Join(s.dir(), File) }

// onDisk returns a file made into the output folder, as it is now.
func (s *Store) onDisk(name string) (os.FileInfo, error) {
	return os.Stat(filepath.Join(s.out, filepath.FromSlash(path.Clean(name))))
}

// Lookup returns the entry of doc's editions of kind made from key, when
// every file of it is in the output folder as it was made (its size and
// modification time: a file removed, edited or replaced is made again).
func (s *Store) Lookup(doc, kind, key string) (Entry, bool) {
	if s.off {
		return Entry{}, false
	}
	s.mu.Lock()
	e, ok := s.c.Lookup(doc, kind, key)
	s.mu.Unlock()
	if !ok || len(e.Files) == 0 {
		return Entry{}, false
	}
	for _, f := range e.Files {
		fi, err := s.onDisk(f.Name)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.Size || fi.ModTime().UnixNano() != f.ModTime {
			return Entry{}, false
		}
	}
	return e, true
}

// Put records that doc's editions of kind are made from key, and
// written: each file as it is on the disk now. A file that is not as
// written (another process replaced it already) is not recorded, so that
// the next build makes it again.
func (s *Store) Put(doc, kind, key string, out []render.File, warnings []render.Warning) {
	e := Entry{Key: key, Warnings: warnings}
	for _, f := range out {
		fi, err := s.onDisk(f.Name)
		if err != nil || fi.Size() != int64(len(f.Data)) {
			s.Forget(doc, kind)
			return
		}
		e.Files = append(e.Files, Output{Name: f.Name, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.c.Put(doc, kind, e)
	s.dirty = true
}

// Forget drops doc's entry of kind.
func (s *Store) Forget(doc, kind string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.c.Forget(doc, kind)
	s.dirty = true
}

// Archive returns doc's cached index entry, if it lists exactly files.
func (s *Store) Archive(doc string, files []string) (render.ArchiveDoc, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.c.Docs[doc]
	if s.off || d == nil || d.Archive == nil || len(d.Archive.Editions) != len(files) {
		return render.ArchiveDoc{}, false
	}
	for i, e := range d.Archive.Editions {
		if e.File != files[i] {
			return render.ArchiveDoc{}, false
		}
	}
	return *d.Archive, true
}

// EditionWarnings returns the cached warnings of doc's layout.
func (s *Store) EditionWarnings(doc string) []render.Warning {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.c.Docs[doc]; d != nil {
		return d.Warnings
	}
	return nil
}

// SetArchive records doc's index entry and the warnings of its layout.
func (s *Store) SetArchive(doc string, a render.ArchiveDoc, warnings []render.Warning) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.c.SetArchive(doc, a, warnings)
	s.dirty = true
}

// Recall returns what checking doc's translation into locale found, as
// Remember was given it under key (it is a check.Memo).
func (s *Store) Recall(doc, locale, key string) ([]byte, bool) {
	if s.off {
		return nil, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c.Recall(doc, locale, key)
}

// Remember keeps what checking doc's translation into locale found.
func (s *Store) Remember(doc, locale, key string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.c.Remember(doc, locale, key, data)
	s.dirty = true
}

// Settled reports whether an update found doc's files, as key says
// they are, up to date (it is a project.UpdateMemo).
func (s *Store) Settled(doc, key string) bool {
	if s.off {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.c.Docs[doc]
	return d != nil && d.Settled == key
}

// Settle records that an update found doc's files, as key says they
// are, up to date.
func (s *Store) Settle(doc, key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.c.doc(doc); d.Settled != key {
		d.Settled, s.dirty = key, true
	}
}

// Keep drops the documents the project no longer has.
func (s *Store) Keep(docs []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.c.Docs)
	s.c.Keep(slices.Clone(docs))
	s.dirty = s.dirty || len(s.c.Docs) != n
}

// Save writes the cache, and its folder's .gitignore, when they changed.
func (s *Store) Save(fsys files.FS) error {
	s.mu.Lock()
	var data []byte
	if s.dirty || s.read == nil {
		data = s.c.Encode()
	} else {
		data = s.read
	}
	s.mu.Unlock()
	ignore := filepath.Join(s.dir(), ".gitignore")
	if old, err := os.ReadFile(ignore); err != nil || string(old) != GitIgnore {
		if err := os.MkdirAll(s.dir(), 0o755); err != nil {
			return err
		}
		if err := files.WriteFile(fsys, ignore, []byte(GitIgnore)); err != nil {
			return err
		}
	}
	if string(data) == string(s.read) {
		return nil
	}
	if err := os.MkdirAll(s.dir(), 0o755); err != nil {
		return err
	}
	if err := files.WriteFile(fsys, s.file(), data); err != nil {
		return err
	}
	s.read, s.dirty = data, false
	return nil
}

// Checked is what checking one document's translation into one locale
// found, as the check encodes it, under the key of what it read.
type Checked struct {
	Key   string          `json:"key"`
	Found json.RawMessage `json:"found"`
}
