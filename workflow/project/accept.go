package project

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// AcceptRequest says which stale translations to record as current.
type AcceptRequest struct {
	// Locales to accept in; empty means every target locale.
	Locales []language.Tag
	// Doc limits the IDs to one document, by name; empty means any.
	Doc string
	// IDs are the units to accept. Empty with All set means every stale
	// unit.
	IDs []string
	All bool
}

// Accepted is one translation recorded as current.
type Accepted struct {
	Doc, Locale, ID string
}

// Accept records that the stale translations req names are current: each
// gets the hash of the current source message, as if translated from it.
// Use it after revising a stale translation, or for every locale at once
// after an edit that needs no re-translation (a typo fixed in the English).
// Untranslated units are left alone. An ID that is no unit of the
// documents is an error; the workspace is then unchanged.
func (w *Workspace) Accept(req AcceptRequest) ([]Accepted, error) {
	tags := req.Locales
	if len(tags) == 0 {
		tags = w.cfg.targets
	}
	for _, t := range tags {
		if !slices.Contains(w.cfg.targets, t) {
			return nil, &ConfigError{"locales", fmt.Sprintf("%s is not a target locale (configured: %s)", t, w.localeList())}
		}
	}
	var names []string
	if req.Doc != "" {
		names = []string{req.Doc}
	}
	docs, err := w.selectDocs(names)
	if err != nil {
		return nil, err
	}
	if !req.All && len(req.IDs) == 0 {
		return nil, fmt.Errorf("name the units to accept, or use --all")
	}
	for _, id := range req.IDs {
		var in []string
		for _, d := range docs {
			if d.Unit(id) != nil {
				in = append(in, d.Name)
			}
		}
		switch len(in) {
		case 0:
			return nil, fmt.Errorf("no unit %q in %s; `bitext status` and the locale files list the IDs", id, docNames(docs))
		case 1:
		default:
			return nil, fmt.Errorf("unit %q is in several documents (%s); say which with --doc", id, strings.Join(in, ", "))
		}
	}
	var done []Accepted
	for _, d := range docs {
		for _, l := range d.Locales {
			if !slices.Contains(tags, l.Tag) {
				continue
			}
			for i := range l.Entries {
				e := &l.Entries[i]
				if e.State != Stale || !req.All && !slices.Contains(req.IDs, e.Unit.ID) {
					continue
				}
				e.Message.Hash = e.Hash
				e.State = Translated
				e.Was = nil
				done = append(done, Accepted{Doc: d.Name, Locale: l.Tag.String(), ID: e.Unit.ID})
			}
		}
	}
	return done, nil
}

func (w *Workspace) localeList() string {
	var s []string
	for _, t := range w.cfg.targets {
		s = append(s, t.String())
	}
	return strings.Join(s, ", ")
}

func docNames(docs []*Doc) string {
	var s []string
	for _, d := range docs {
		s = append(s, d.Name)
	}
	return strings.Join(s, ", ")
}
