package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hopeborder/bitext/workflow/buildcache"
	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/pdf"
)

// buildCache is the build cache (workflow/buildcache) of one render, safe
// for the renderers' goroutines, with what its keys start from.
type buildCache struct {
	mu    sync.Mutex
	c     *buildcache.Cache
	read  []byte // the cache file as read, to leave it alone when unchanged
	path  string // the cache file, on the disk
	dir   string
	dirty bool
	// settings is the key part every edition shares: the bitext binary,
	// the languages, the paper, the date and the phrases (the fonts are
	// the PDF's own part, editionKind.extra).
	settings string
	off      bool
}

// toolIdentity names the bitext binary running: its version when it is a
// release or a module version of a clean checkout, else a hash of the
// executable, so that a build of changed code (go run) never takes the
// editions an older one made for its own. It is "" when the binary cannot
// be told from another: then nothing is cached.
var toolIdentity = sync.OnceValue(func() string {
	v := versionInfo().Version
	if v != "(devel)" && v != "" && !strings.Contains(v, "dirty") {
		return "bitext " + v
	}
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err = io.Copy(h, f); err == nil {
				return "bitext " + v + " " + hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	return ""
})

// settingsKey hashes what every edition of the project depends on besides
// its document (see buildCache.settings).
func settingsKey(l *loaded, paper render.Paper, created time.Time, book *render.Phrasebook) string {
	return buildcache.Key(toolIdentity(), l.cfg.SourceLocale, strings.Join(l.cfg.Locales, ","), paper.Name, created.UTC().Format(time.RFC3339), book.Key())
}

// fontsKey hashes the fallback fonts, which only bitext's own PDF sets
// text in.
func fontsKey(fonts []pdf.Font) string {
	var parts []string
	for _, f := range fonts {
		sum := sha256.Sum256(f.TTF)
		parts = append(parts, f.Name, hex.EncodeToString(sum[:]))
	}
	return buildcache.Key(parts...)
}

// openCache reads the build cache of outDir; with --rebuild, or when the
// file cannot be read, it is empty.
func openCache(o *renderOptions, l *loaded, outDir, settings string) *buildCache {
	dir := filepath.Join(l.root, filepath.FromSlash(outDir), buildcache.Dir)
	bc := &buildCache{path: filepath.Join(dir, buildcache.File), dir: dir, settings: settings, off: o.rebuild || toolIdentity() == ""}
	data, err := os.ReadFile(bc.path)
	if err == nil {
		bc.read = data
	}
	if bc.off || err != nil {
		bc.c = buildcache.New(toolIdentity())
		return bc
	}
	bc.c = buildcache.Parse(data, toolIdentity())
	return bc
}

// lookup returns the entry of doc's editions of kind made from key,
// when every file of it is in the output folder as it was made (its size
// and modification time: a file removed, edited or replaced is made
// again).
func (bc *buildCache) lookup(root, outDir, doc, kind, key string) (buildcache.Entry, bool) {
	if bc.off {
		return buildcache.Entry{}, false
	}
	bc.mu.Lock()
	e, ok := bc.c.Lookup(doc, kind, key)
	bc.mu.Unlock()
	if !ok || len(e.Files) == 0 {
		return buildcache.Entry{}, false
	}
	for _, f := range e.Files {
		fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(path.Join(outDir, f.Name))))
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.Size || fi.ModTime().UnixNano() != f.ModTime {
			return buildcache.Entry{}, false
		}
	}
	return e, true
}

// put records that doc's editions of kind are made from key, and
// written: each file as it is on the disk now. A file that is not as
// written (another process replaced it already) is not recorded, so
// that the next build makes it again.
func (bc *buildCache) put(root, outDir, doc, kind, key string, out []render.File, warnings []render.Warning) {
	e := buildcache.Entry{Key: key, Warnings: warnings}
	for _, f := range out {
		fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(path.Join(outDir, f.Name))))
		if err != nil || fi.Size() != int64(len(f.Data)) {
			bc.forget(doc, kind)
			return
		}
		e.Files = append(e.Files, buildcache.Output{Name: f.Name, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()})
	}
	bc.mu.Lock()
	defer bc.mu.Unlock()
	bc.c.Put(doc, kind, e)
	bc.dirty = true
}

// forget drops doc's entry of kind.
func (bc *buildCache) forget(doc, kind string) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	bc.c.Forget(doc, kind)
	bc.dirty = true
}

// archive returns doc's cached index entry, if it lists exactly files.
func (bc *buildCache) archive(doc string, files []string) (render.ArchiveDoc, bool) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	d := bc.c.Docs[doc]
	if bc.off || d == nil || d.Archive == nil || len(d.Archive.Editions) != len(files) {
		return render.ArchiveDoc{}, false
	}
	for i, e := range d.Archive.Editions {
		if e.File != files[i] {
			return render.ArchiveDoc{}, false
		}
	}
	return *d.Archive, true
}

// editionWarnings returns the cached warnings of doc's layout.
func (bc *buildCache) editionWarnings(doc string) []render.Warning {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	if d := bc.c.Docs[doc]; d != nil {
		return d.Warnings
	}
	return nil
}

func (bc *buildCache) setArchive(doc string, a render.ArchiveDoc, warnings []render.Warning) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	bc.c.SetArchive(doc, a, warnings)
}

// keep drops the documents the project no longer has.
func (bc *buildCache) keep(docs []string) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	bc.c.Keep(slices.Clone(docs))
}

// save writes the cache, and its folder's .gitignore, when they changed.
func (bc *buildCache) save(fsys files.FS) error {
	data := bc.c.Encode()
	ignore := filepath.Join(bc.dir, ".gitignore")
	if old, err := os.ReadFile(ignore); err != nil || string(old) != buildcache.GitIgnore {
		if err := os.MkdirAll(bc.dir, 0o755); err != nil {
			return err
		}
		if err := files.WriteFile(fsys, ignore, []byte(buildcache.GitIgnore)); err != nil {
			return err
		}
	}
	if string(data) == string(bc.read) {
		return nil
	}
	if err := os.MkdirAll(bc.dir, 0o755); err != nil {
		return err
	}
	return files.WriteFile(fsys, bc.path, data)
}
