package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/gitrepo"
	"github.com/hopeborder/bitext/workflow/project"
)

// lockWait is how long a run waits for another run of bitext on the same
// project to finish.
const lockWait = 30 * time.Second

// lockProject takes the project's write lock, so that two runs that write
// never interleave: the second waits, then works on what the first wrote.
// Holding it, it removes the temporary files a killed run left behind.
func lockProject(g *globalOptions, l *loaded) (func(), error) {
	localesDir := filepath.Join(l.root, filepath.FromSlash(l.cfg.LocalesDir))
	path := filepath.Join(localesDir, ".bitext", "lock")
	unlock, err := files.Lock(path, 0)
	if err != nil {
		if !errors.Is(err, files.ErrLocked) {
			return nil, err
		}
		g.progressf("bitext: another bitext run is writing this project; waiting for it to finish…")
		if unlock, err = files.Lock(path, lockWait); err != nil {
			return nil, err
		}
	}
	removed, err := files.Cleanup(g.fs, localesDir, filepath.Join(localesDir, ".bitext"), filepath.Join(l.root, filepath.FromSlash(l.cfg.OutputDir)))
	if err != nil {
		unlock()
		return nil, fmt.Errorf("remove the temporary files of an interrupted run: %w", err)
	}
	if len(removed) > 0 {
		g.progressf("bitext: removed %d temporary %s left by an interrupted run", len(removed), plural(len(removed), "file", "files"))
	}
	return unlock, nil
}

// lockedWorkspace reads the configuration, takes the project lock and
// loads the project: what every command that writes does first. The caller
// releases the lock with unlock.
func lockedWorkspace(g *globalOptions, cmd *cobra.Command) (l *loaded, w *project.Workspace, unlock func(), err error) {
	if l, err = loadConfig(g, cmd); err != nil {
		return nil, nil, nil, err
	}
	if unlock, err = lockProject(g, l); err != nil {
		return nil, nil, nil, err
	}
	if w, err = project.Load(l.inputs, l.cfg); err != nil {
		unlock()
		return nil, nil, nil, err
	}
	if w.Recording() {
		w.SetActor(actor(cmd.Context(), l), today())
	}
	return l, w, unlock, nil
}

// actor is who works, for the review records: the user key (--by,
// BITEXT_USER, bitext.yaml), else git's user.name, else unknown.
func actor(ctx context.Context, l *loaded) string {
	if l.user != "" {
		return l.user
	}
	name, err := gitrepo.UserName(ctx, l.root)
	if err != nil {
		return ""
	}
	return name
}

// today is the day records are made: SOURCE_DATE_EPOCH's, else today's
// (UTC).
func today() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now().UTC()
}

// writeAll applies writes as one transaction; the caller says what was
// written, once it is.
func writeAll(g *globalOptions, cmd *cobra.Command, root string, writes []project.Write) error {
	return g.interrupts.guard(func() error {
		return files.Apply(cmd.Context(), g.fs, root, writes)
	})
}

// workspaceFor loads the project for a command that writes: locked, or,
// for a dry run, which writes nothing, unlocked. The caller releases the
// lock with unlock.
func workspaceFor(g *globalOptions, cmd *cobra.Command, dryRun bool) (l *loaded, w *project.Workspace, unlock func(), err error) {
	if dryRun {
		l, w, err = loadWorkspace(g, cmd)
		return l, w, func() {}, err
	}
	return lockedWorkspace(g, cmd)
}

// commitWrites applies writes as one transaction and says what it wrote, or,
// for a dry run, says what it would write.
func commitWrites(g *globalOptions, cmd *cobra.Command, root string, writes []project.Write, dryRun bool) error {
	if dryRun {
		for _, wr := range writes {
			fmt.Fprintf(g.stdout, "would write %s\n", wr.Path)
		}
		return nil
	}
	if err := writeAll(g, cmd, root, writes); err != nil {
		return err
	}
	reportWrites(g.stdout, writes)
	return nil
}
