package gitrepo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Index returns the files under dir as they are staged in the git index:
// what the next commit will hold, whatever the working tree has. Paths
// are relative to dir. Contents are read from git when a file is opened.
// A path with unresolved merge conflicts is an error; a symbolic link can
// be listed but not opened.
func Index(ctx context.Context, dir string) (fs.FS, error) {
	out, err := git(ctx, dir, nil, "ls-files", "--stage", "-z")
	if err != nil {
		return nil, err
	}
	ix := &indexFS{ctx: ctx, dir: dir, files: map[string]entry{}, dirs: map[string][]string{".": nil}}
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		// "<mode> <object> <stage>\t<path>"
		meta, name, ok := strings.Cut(string(rec), "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 {
			return nil, fmt.Errorf("git ls-files: cannot read %q", rec)
		}
		mode, oid, stage := fields[0], fields[1], fields[2]
		if stage != "0" {
			return nil, fmt.Errorf("%s has unresolved merge conflicts in the index; resolve them and stage the result", name)
		}
		if mode == "160000" { // a submodule: no files of its own here
			continue
		}
		if !fs.ValidPath(name) {
			return nil, fmt.Errorf("git ls-files: %q is not a path bitext can read", name)
		}
		ix.files[name] = entry{oid: oid, link: mode == "120000"}
		ix.addDir(name)
	}
	if err := ix.sizes(); err != nil {
		return nil, err
	}
	for d := range ix.dirs {
		slices.Sort(ix.dirs[d])
		ix.dirs[d] = slices.Compact(ix.dirs[d])
	}
	return ix, nil
}

type entry struct {
	oid  string
	size int64
	link bool
}

// sizes asks git for the size of every staged file, in one run.
func (ix *indexFS) sizes() error {
	var in bytes.Buffer
	names := slices.Sorted(maps.Keys(ix.files))
	for _, n := range names {
		in.WriteString(ix.files[n].oid + "\n")
	}
	if in.Len() == 0 {
		return nil
	}
	out, err := git(ix.ctx, ix.dir, in.Bytes(), "cat-file", "--batch-check")
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(names) {
		return fmt.Errorf("git cat-file: %d answers for %d files", len(lines), len(names))
	}
	for i, l := range lines {
		// "<object> <type> <size>"
		f := strings.Fields(l)
		if len(f) != 3 {
			return fmt.Errorf("git cat-file: cannot read %q", l)
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			return fmt.Errorf("git cat-file: cannot read %q", l)
		}
		e := ix.files[names[i]]
		e.size = size
		ix.files[names[i]] = e
	}
	return nil
}

// indexFS is the index as an fs.FS.
type indexFS struct {
	ctx   context.Context
	dir   string
	files map[string]entry
	dirs  map[string][]string // folder → the names in it

	mu    sync.Mutex
	cache map[string][]byte
}

func (ix *indexFS) addDir(name string) {
	for name != "." {
		parent := path.Dir(name)
		_, seen := ix.dirs[parent]
		ix.dirs[parent] = append(ix.dirs[parent], path.Base(name))
		if seen {
			return
		}
		name = parent
	}
}

// Open opens a staged file or a folder of staged files.
func (ix *indexFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if names, ok := ix.dirs[name]; ok {
		return &indexDir{info: info{name: path.Base(name), dir: true}, fsys: ix, path: name, names: names}, nil
	}
	data, err := ix.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &indexFile{info: info{name: path.Base(name), size: int64(len(data))}, r: bytes.NewReader(data)}, nil
}

// ReadFile returns a staged file's content.
func (ix *indexFS) ReadFile(name string) ([]byte, error) {
	e, ok := ix.files[name]
	if !ok {
		if _, dir := ix.dirs[name]; dir {
			return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("is a folder")}
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if e.link {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("is a symbolic link in the index, which a check of the index does not follow")}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if data, ok := ix.cache[name]; ok {
		return slices.Clone(data), nil
	}
	data, err := git(ix.ctx, ix.dir, nil, "cat-file", "blob", e.oid)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if ix.cache == nil {
		ix.cache = map[string][]byte{}
	}
	ix.cache[name] = data
	return slices.Clone(data), nil
}

// ReadDir lists a folder of staged files, sorted by name.
func (ix *indexFS) ReadDir(name string) ([]fs.DirEntry, error) {
	names, ok := ix.dirs[name]
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(names))
	for _, n := range names {
		p := path.Join(name, n)
		_, dir := ix.dirs[p]
		e := ix.files[p]
		out = append(out, fs.FileInfoToDirEntry(info{name: n, dir: dir, link: e.link, size: e.size}))
	}
	return out, nil
}

// info describes a staged file or folder; the index keeps no times.
type info struct {
	name string
	size int64
	dir  bool
	link bool
}

func (i info) Name() string { return i.name }
func (i info) Size() int64  { return i.size }
func (i info) Mode() fs.FileMode {
	switch {
	case i.dir:
		return fs.ModeDir | 0o755
	case i.link:
		return fs.ModeSymlink | 0o777
	}
	return 0o644
}
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return i.dir }
func (i info) Sys() any           { return nil }

type indexFile struct {
	info
	r *bytes.Reader
}

func (f *indexFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *indexFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *indexFile) Close() error               { return nil }

type indexDir struct {
	info
	fsys  *indexFS
	path  string
	names []string
	read  int
}

func (d *indexDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *indexDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.path, Err: fmt.Errorf("is a folder")}
}
func (d *indexDir) Close() error { return nil }

// ReadDir lists the folder, n entries at a time (all for n <= 0).
func (d *indexDir) ReadDir(n int) ([]fs.DirEntry, error) {
	all, err := d.fsys.ReadDir(d.path)
	if err != nil {
		return nil, err
	}
	all = all[d.read:]
	if n <= 0 {
		d.read += len(all)
		return all, nil
	}
	if len(all) == 0 {
		return nil, io.EOF
	}
	if n > len(all) {
		n = len(all)
	}
	d.read += n
	return all[:n], nil
}
