package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/hopeborder/bitext/workflow/buildcache"
	"github.com/hopeborder/bitext/workflow/render"
	"github.com/hopeborder/bitext/workflow/render/pdf"
)

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

// openCache reads the build cache of the project's output folder; with
// --rebuild it is empty.
func openCache(l *loaded, rebuild bool) *buildcache.Store {
	out := filepath.Join(l.root, filepath.FromSlash(path.Clean(l.cfg.OutputDir)))
	return buildcache.Open(out, toolIdentity(), rebuild)
}
