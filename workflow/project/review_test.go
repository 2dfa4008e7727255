package project

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/hopeborder/bitext/workflow/files"
)

// act loads dir, sets who works and when, runs do, and applies Update.
func act(t *testing.T, dir, by, day string, do func(w *Workspace)) {
	t.Helper()
	w := load(t, dir, Default())
	on, err := time.Parse("2006-01-02", day)
	require.NoError(t, err)
	w.SetActor(by, on)
	if do != nil {
		do(w)
	}
	writes, err := w.Update()
	require.NoError(t, err)
	require.NoError(t, files.Apply(context.Background(), files.OS, dir, writes))
}

func entryOf(t *testing.T, w *Workspace, id string) *Entry {
	t.Helper()
	e := w.Docs[0].Locales[0].Entry(w.Docs[0], id)
	require.NotNil(t, e, id)
	return e
}

const (
	title = "title"
	para  = "p-mexico-faces-a-potentially-historic"
)

// TestReview: review marks current translations reviewed, by whom and
// when; editing a reviewed translation clears it and records its new
// translator; an English edit clears it too; nothing is recorded before
// the first review.
func TestReview(t *testing.T) {
	dir := newProject(t)
	reviewPath := "locales/.bitext/" + docName + ".es.review.jsonl"

	act(t, dir, "Ana", "2026-01-01", nil)
	assert.NoFileExists(t, filepath.Join(dir, reviewPath), "no records before the first review")

	act(t, dir, "Luis", "2026-01-02", func(w *Workspace) {
		done, err := w.Review(ReviewRequest{Locale: language.Spanish, IDs: []string{title, para}})
		require.NoError(t, err)
		assert.Len(t, done, 2)
	})
	w := load(t, dir, Default())
	for _, id := range []string{title, para} {
		e := entryOf(t, w, id)
		assert.True(t, e.Reviewed(), id)
		by, on := e.Reviewer()
		assert.Equal(t, []string{"Luis", "2026-01-02"}, []string{by, on})
		by, _ = e.Translator()
		assert.Empty(t, by, "made before the records began")
	}
	assert.False(t, entryOf(t, w, "date").Reviewed())
	st := w.Status()[0]
	assert.Equal(t, 2, st.Reviewed)
	assert.True(t, st.Reviewing)
	assert.Contains(t, read(t, dir, esPath), "#, reviewed by Luis on 2026-01-02 (editing the translation clears it)\n[title]")

	// The translator edits the title: not reviewed any more, and theirs.
	es := read(t, dir, esPath)
	require.NoError(t, os.WriteFile(filepath.Join(dir, esPath), []byte(strings.Replace(es, `other = "Estados Unidos, México`, `other = "EE. UU., México`, 1)), 0o644))
	act(t, dir, "Ana", "2026-01-03", nil)
	w = load(t, dir, Default())
	e := entryOf(t, w, title)
	assert.False(t, e.Reviewed(), "edited since the review")
	by, on := e.Translator()
	assert.Equal(t, []string{"Ana", "2026-01-03"}, []string{by, on})
	assert.True(t, entryOf(t, w, para).Reviewed(), "the other unit keeps its review")

	// The English of the paragraph changes: its review goes, even once
	// the translation is accepted as current.
	src := read(t, dir, srcPath)
	require.NoError(t, os.WriteFile(filepath.Join(dir, srcPath), []byte(strings.Replace(src, "potentially historic", "historic", 1)), 0o644))
	act(t, dir, "Ana", "2026-01-04", nil)
	act(t, dir, "Ana", "2026-01-04", func(w *Workspace) {
		_, err := w.Review(ReviewRequest{Locale: language.Spanish, IDs: []string{"p-mexico-faces-a-potentially-historic"}})
		require.ErrorContains(t, err, "is stale")
		_, err = w.Accept(AcceptRequest{All: true})
		require.NoError(t, err)
	})
	w = load(t, dir, Default())
	assert.False(t, entryOf(t, w, para).Reviewed(), "the English changed since the review")

	people := w.People()
	require.NotEmpty(t, people)
	var names []string
	for _, p := range people {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"", "Ana"}, names, "Luis's reviews are gone")

	// Errors leave the workspace as it was.
	_, err := w.Review(ReviewRequest{Locale: language.Spanish, IDs: []string{"p-nope"}})
	assert.ErrorContains(t, err, `no unit "p-nope"`)
	_, err = w.Review(ReviewRequest{Locale: language.French, All: true})
	assert.ErrorContains(t, err, "not a target locale")
}

// TestReviewMerge: two branches' records of the same unit, both kept by
// a merge, read as the later one; a conflict left in the file is an error
// at its line.
func TestReviewMerge(t *testing.T) {
	data := reviewSchema + "\n\n" +
		`{"id":"a","text":"x","translated_by":"Ana","translated":"2026-01-01"}` + "\n\n" +
		`{"id":"a","text":"x","translated_by":"Ana","translated":"2026-01-01","source":"h","reviewed_by":"Luis","reviewed":"2026-01-05"}` + "\n\n" +
		`{"id":"b","text":"y","translated_by":"Eva","translated":"2026-01-03"}` + "\n\n" +
		`{"id":"b","text":"z","translated_by":"Ana","translated":"2026-01-02"}` + "\n"
	recs, err := parseReview("r.jsonl", []byte(data))
	require.NoError(t, err)
	assert.Equal(t, "Luis", recs["a"].ReviewedBy)
	assert.Equal(t, "Eva", recs["b"].TranslatedBy)

	_, err = parseReview("r.jsonl", []byte(reviewSchema+"\n<<<<<<< HEAD\n"))
	assert.ErrorContains(t, err, "r.jsonl:2: an unresolved merge conflict")
	_, err = parseReview("r.jsonl", []byte(reviewSchema+"\n{\"id\":\"a\",\"who\":1}\n"))
	assert.ErrorContains(t, err, "r.jsonl:2:")
	_, err = parseReview("r.jsonl", []byte("{}\n"))
	assert.ErrorContains(t, err, "not a bitext review file")
}
