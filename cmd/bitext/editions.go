package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/hopeborder/bitext/workflow/project"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/pdf"
)

// loadFonts reads the fonts the PDF falls back to (config: fonts): a
// relative path is in the project, an absolute one anywhere (the
// system's fonts). Each must be a font the PDF can embed.
func loadFonts(l *loaded) ([]pdf.Font, error) {
	if len(l.cfg.Fonts) > pdf.MaxFonts {
		return nil, &project.ConfigError{Key: "fonts", Msg: fmt.Sprintf("%d fonts; the PDF takes at most %d", len(l.cfg.Fonts), pdf.MaxFonts)}
	}
	var out []pdf.Font
	for _, p := range l.cfg.Fonts {
		var data []byte
		var err error
		if filepath.IsAbs(p) {
			data, err = os.ReadFile(p)
		} else {
			data, err = fs.ReadFile(l.inputs.Root, path.Clean(filepath.ToSlash(p)))
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, &project.ConfigError{Key: "fonts", Msg: fmt.Sprintf("%s: no such file (relative paths are in the project folder)", p)}
			}
			return nil, &project.ConfigError{Key: "fonts", Msg: err.Error()}
		}
		f := pdf.Font{Name: p, TTF: data}
		if err := pdf.CheckFont(f); err != nil {
			return nil, &project.ConfigError{Key: "fonts", Msg: err.Error()}
		}
		out = append(out, f)
	}
	return out, nil
}

// loadPhrasebook reads the publisher's phrase files (config: phrases)
// into a phrasebook with bitext's own; without the key, bitext's alone.
func loadPhrasebook(l *loaded) (*render.Phrasebook, error) {
	dir := l.cfg.PhrasesDir
	if dir == "" {
		return render.NewPhrasebook()
	}
	dir = path.Clean(dir)
	entries, err := fs.ReadDir(l.inputs.Root, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &project.ConfigError{Key: "phrases", Msg: fmt.Sprintf("%s: no such folder; put the phrase files there, or remove the key", dir)}
	}
	if err != nil {
		return nil, &project.ConfigError{Key: "phrases", Msg: err.Error()}
	}
	var files []render.PhraseFile
	for _, e := range entries {
		switch path.Ext(e.Name()) {
		case ".toml", ".json", ".yaml", ".yml":
		default:
			continue // a README, say
		}
		if e.IsDir() {
			continue
		}
		p := path.Join(dir, e.Name())
		data, err := fs.ReadFile(l.inputs.Root, p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		files = append(files, render.PhraseFile{Path: p, Data: data})
	}
	slices.SortFunc(files, func(a, b render.PhraseFile) int {
		if a.Path < b.Path {
			return -1
		}
		return 1
	})
	b, err := render.NewPhrasebook(files...)
	if err != nil {
		return nil, &project.ConfigError{Key: "phrases", Msg: err.Error()}
	}
	return b, nil
}
