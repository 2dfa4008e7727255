package project

import (
	"fmt"
	"io/fs"
	"sync"
)

// Reloaded returns the workspace Load would return once the files at
// written (slash paths in the project, as Update's writes name them)
// have changed: the documents those files belong to are read again, the
// others are kept as loaded. A build that updated one article of a
// thousand reads that one again, not all. When a written file belongs to
// no document, or the workspace has files of no source (which a document
// may claim), it loads the whole project again.
func (w *Workspace) Reloaded(in Inputs, written []string) (*Workspace, error) {
	if in.Sources == nil {
		in.Sources = in.Root
	}
	owner := map[string]int{}
	for i, d := range w.Docs {
		owner[w.MessagePath(d.Name, w.cfg.source)] = i
		for _, tag := range w.cfg.targets {
			owner[w.MessagePath(d.Name, tag)] = i
		}
		owner[w.HistoryPath(d.Name)] = i
	}
	again := map[int]bool{}
	for _, p := range written {
		i, ok := owner[p]
		if !ok || len(w.OrphanFiles) > 0 {
			return Load(in, w.cfg.Config)
		}
		again[i] = true
	}
	// The glossary and who works are the project's, read once; the
	// memories are made again, from the files as written.
	out := &Workspace{cfg: w.cfg, root: in.Root, Docs: make([]*Doc, len(w.Docs)), glossary: w.glossary, actor: w.actor, today: w.today}
	copy(out.Docs, w.Docs)
	errs := make([]error, len(w.Docs))
	var wg sync.WaitGroup
	for i := range again {
		wg.Go(func() {
			p := w.Docs[i].SourcePath
			src, err := fs.ReadFile(in.Sources, p)
			if err != nil {
				errs[i] = fmt.Errorf("read source: %w", err)
				return
			}
			out.Docs[i], errs[i] = out.loadDoc(in.Root, p, src, nil, func(string) {})
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
