package exchange

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"time"
)

// State is where a unit's translation stands, in the terms every format
// can say.
type State int

// The states of a unit's translation.
const (
	// Untranslated: no target.
	Untranslated State = iota
	// NeedsReview: a target made from other source text (bitext's stale),
	// or one a tool marked fuzzy; it is not current until someone says so.
	NeedsReview
	// Translated: a target of the current source.
	Translated
)

func (s State) String() string {
	switch s {
	case NeedsReview:
		return "needs review"
	case Translated:
		return "translated"
	}
	return "untranslated"
}

// Unit is one translation unit as it travels to a translator's tool.
type Unit struct {
	// ID is the unit's ID in bitext: XLIFF's unit or trans-unit id, PO's
	// msgctxt, TMX's tuid.
	ID string
	// Kind is the unit's kind (paragraph, heading…).
	Kind string
	// Position is where the unit starts in its source file, as
	// "source/a.txt:12"; context for the translator.
	Position string
	// Source and Target are the texts as inline Markdown. Target is empty
	// for an untranslated unit.
	Source, Target string
	State          State
	// OldSource is, for a unit that needs review, the source text its
	// target was made from, when known.
	OldSource string
	// Comments are the translator's comments, one a line.
	Comments []string
	// Reviewed says a reviewer signed the target off (bitext review): XLIFF
	// 2's state reviewed, XLIFF 1.2's signed-off. People says who made
	// and reviewed it, when bitext recorded that; both are written for the
	// tools and never read back (the review records are the project's).
	Reviewed bool
	People   People
	// Terms are the glossary terms of the source with their approved
	// renderings, as "drug war → guerra contra el narcotráfico (not:
	// guerra contra las drogas)", one a term: written for the translator,
	// never read back (the glossary is the project's).
	Terms []string
	// Suggestions are translations of similar units, for the translator
	// to copy from; never targets.
	Suggestions []Suggestion
	// Base fingerprints the target as it was when bitext wrote the file
	// (see Fingerprint), so that an import can tell a translation changed
	// in the tool from one changed in the project meanwhile. Empty when a
	// tool did not keep it.
	Base string

	// Line is the line of the file the unit was read from; 0 for a unit
	// not read from a file.
	Line int
}

// People is who translated and reviewed a unit, and on which days (ISO);
// empty where unknown.
type People struct {
	TranslatedBy, Translated, ReviewedBy, Reviewed string
}

// lines returns p as notes: "translated by Ana on 2026-01-03".
func (p People) lines() []string {
	var out []string
	for _, x := range [][3]string{{"translated", p.TranslatedBy, p.Translated}, {"reviewed", p.ReviewedBy, p.Reviewed}} {
		if x[1] == "" && x[2] == "" {
			continue
		}
		l := x[0]
		if x[1] != "" {
			l += " by " + x[1]
		}
		if x[2] != "" {
			l += " on " + x[2]
		}
		out = append(out, l)
	}
	return out
}

// Suggestion is a translation offered for a unit.
type Suggestion struct {
	// Score is the similarity in percent; 100 for the same source text.
	Score int
	// Origin says where the translation comes from, as "doc/p-id".
	Origin string
	Source string
	Target string
}

// Doc is one document's units for one target language.
type Doc struct {
	// Name is the document's name in bitext.
	Name string
	// Original is the source file's path in the project, slash-separated.
	Original string
	// SourceLang and TargetLang are BCP 47 tags.
	SourceLang, TargetLang string
	Units                  []Unit
	// Line is the line the document starts at in the file read.
	Line int
}

// File is what one exchange file holds: one document or several, for one
// pair of languages.
type File struct {
	Docs []Doc
	// Date is when the file was made, for the formats that record it (PO's
	// PO-Revision-Date); zero leaves it out.
	Date time.Time
	// CopySource makes the XLIFF 1.2 target of an untranslated unit a copy
	// of its source, without a state: OmegaT's XLIFF filter translates
	// the content of <target>, and finds nothing to translate without one.
	// Read back, such a target that is still the source of a unit exported
	// untranslated is untranslated.
	CopySource bool
}

// Format is an exchange file format.
type Format string

// The formats.
const (
	XLIFF2  Format = "xliff2"
	XLIFF12 Format = "xliff12"
	PO      Format = "po"
	TMX     Format = "tmx"
)

// Formats lists the formats export writes, in the order --help shows them.
var Formats = []Format{XLIFF2, XLIFF12, PO}

// ParseFormat validates a format name given by a user.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case XLIFF2, XLIFF12, PO, TMX:
		return f, nil
	case "xliff", "xlf", "xliff21", "xliff2.1":
		return XLIFF2, nil
	case "xliff1.2":
		return XLIFF12, nil
	}
	return "", fmt.Errorf("unknown exchange format %q; use xliff2 (XLIFF 2.1), xliff12 (XLIFF 1.2) or po", s)
}

// Ext returns the file extension the format is written with.
func (f Format) Ext() string {
	switch f {
	case PO:
		return ".po"
	case TMX:
		return ".tmx"
	case XLIFF12:
		return ".xlf"
	}
	return ".xliff"
}

// Error is an exchange file that cannot be read, at a line. Nothing is
// imported from such a file.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// Read reads an exchange file in the format its content shows: XLIFF of
// either version, TMX, or else PO.
func Read(name string, data []byte) (*File, error) {
	switch Sniff(name, data) {
	case XLIFF2:
		return ReadXLIFF2(name, data)
	case XLIFF12:
		return ReadXLIFF12(name, data)
	case TMX:
		return nil, &Error{Path: name, Msg: "this is a translation memory (TMX); add it with `bitext tm import`"}
	}
	return ReadPO(name, data)
}

// Sniff tells the format of an exchange file from its first bytes and,
// failing that, its name.
func Sniff(name string, data []byte) Format {
	head := string(data[:min(len(data), 2048)])
	switch {
	case strings.Contains(head, "<tmx"):
		return TMX
	case strings.Contains(head, "urn:oasis:names:tc:xliff:document:2."):
		return XLIFF2
	case strings.Contains(head, "<xliff"):
		if strings.Contains(head, `version="2`) || strings.Contains(head, `version='2`) {
			return XLIFF2
		}
		return XLIFF12
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".xlf", ".xliff":
		return XLIFF12
	case ".tmx":
		return TMX
	}
	return PO
}

// Fingerprint returns a short hash of a target text, for Unit.Base: "" for
// no target.
func Fingerprint(target string) string {
	if target == "" {
		return ""
	}
	sum := sha1.Sum([]byte(target))
	return hex.EncodeToString(sum[:8])
}
