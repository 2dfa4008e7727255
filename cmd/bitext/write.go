package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/project"
)

// lockWait is how long a run waits for another run of bitext on the same
// project to finish.
const lockWait = 30 * time.Second

// lockProject takes the project's write lock, so that two runs that write
// never interleave: the second waits, then works on what the first wrote.
func lockProject(l *loaded, stderr io.Writer) (func(), error) {
	path := filepath.Join(l.root, filepath.FromSlash(l.cfg.LocalesDir), ".bitext", "lock")
	unlock, err := files.Lock(path, 0)
	if err == nil {
		return unlock, nil
	}
	fmt.Fprintln(stderr, "bitext: another bitext run is writing this project; waiting for it to finish…")
	return files.Lock(path, lockWait)
}

// lockedWorkspace reads the configuration, takes the project lock and
// loads the project: what every command that writes does first. The caller
// releases the lock with unlock.
func lockedWorkspace(g *globalOptions, cmd *cobra.Command) (l *loaded, w *project.Workspace, unlock func(), err error) {
	if l, err = loadConfig(g, cmd); err != nil {
		return nil, nil, nil, err
	}
	if unlock, err = lockProject(l, g.stderr); err != nil {
		return nil, nil, nil, err
	}
	if w, err = project.Load(l.inputs, l.cfg); err != nil {
		unlock()
		return nil, nil, nil, err
	}
	return l, w, unlock, nil
}

// writeAll applies writes and says what was written.
func writeAll(out io.Writer, root string, writes []project.Write) error {
	if err := apply(root, writes); err != nil {
		return err
	}
	reportWrites(out, writes)
	return nil
}

// apply performs writes under root. It first checks that no file changed
// on disk since it was read, so that either every file is written or, when
// one changed, none is.
func apply(root string, writes []project.Write) error {
	for _, w := range writes {
		if err := files.Check(filepath.Join(root, filepath.FromSlash(w.Path)), w.Old, w.Existed); err != nil {
			return err
		}
	}
	for _, w := range writes {
		p := filepath.Join(root, filepath.FromSlash(w.Path))
		var err error
		if w.Remove {
			err = files.Remove(p, w.Old)
		} else {
			err = files.Replace(p, w.Data, w.Old, w.Existed)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
