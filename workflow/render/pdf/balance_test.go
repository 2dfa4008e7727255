package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hopeborder/bitext/workflow/render"
)

// gaps returns the holes the shorter column of rows leaves, in points:
// the largest and their sum, over rows with text in both columns.
func gaps(rows []rowBox) (largest, total float64) {
	for i := range rows {
		a, b := &rows[i].cells[0], &rows[i].cells[1]
		if len(a.lines) == 0 || len(b.lines) == 0 {
			continue
		}
		g := max(a.height(0, len(a.lines)), b.height(0, len(b.lines))) - min(a.height(0, len(a.lines)), b.height(0, len(b.lines)))
		largest, total = max(largest, g*ptPerMM), total+g*ptPerMM
	}
	return largest, total
}

// TestBalance lays out the shipped article and checks that the rows'
// columns are evened out: without balancing the largest hole under the
// shorter column is over 50 pt (the review measured 52; 67 pt since the
// editor's corrections), with it the largest shrinks by more than a third
// and stays under the review's 52 pt, and their sum falls by two thirds;
// leading moves no more than maxOpen and maxClose allow.
func TestBalance(t *testing.T) {
	ed := shipped(t)
	m, err := newMetrics()
	require.NoError(t, err)
	d := Renderer{Paper: render.A4}.newDocument(ed, 1, m)
	rows := d.layout()
	plain := make([]rowBox, len(rows))
	for i := range rows {
		plain[i] = unplain(rows[i])
	}
	before, beforeSum := gaps(plain)
	after, afterSum := gaps(rows)
	t.Logf("holes under the shorter column: largest %.1f pt, sum %.1f pt before; %.1f pt, %.1f pt after", before, beforeSum, after, afterSum)
	assert.Greater(t, before, 50.0, "the shipped article no longer has the holes the review saw")
	assert.Less(t, after, before*2/3)
	assert.Less(t, after, 52.0)
	assert.Less(t, afterSum, beforeSum/3)
	for i := range rows {
		for j := range rows[i].cells {
			c, p := &rows[i].cells[j], &plain[i].cells[j]
			assert.LessOrEqual(t, c.lineH, p.lineH*(1+maxOpen)+1e-9)
			assert.GreaterOrEqual(t, c.lineH, p.lineH*(1-maxClose)-1e-9)
			assert.InDelta(t, c.base-c.lineH/2, p.base-p.lineH/2, 1e-9, "the baseline leaves the middle of the line")
		}
	}
}

// unplain returns rb with its cells' leading as their style sets it.
func unplain(rb rowBox) rowBox {
	for j := range rb.cells {
		c := &rb.cells[j]
		if len(c.lines) > 0 {
			c.setLead(rb.style.size * rb.style.lead * ptToMM)
		}
	}
	return rb
}

// TestSharedNotes checks that the shipped article's notes that read the
// same in both languages are set once, across both columns: one cell,
// with lines wider than a column, and no rule between columns.
func TestSharedNotes(t *testing.T) {
	ed := shipped(t)
	m, err := newMetrics()
	require.NoError(t, err)
	d := Renderer{Paper: render.A4}.newDocument(ed, 1, m)
	shared := 0
	for _, rb := range d.layout() {
		if rb.kind != "note" {
			continue
		}
		widest := 0.0
		for _, l := range rb.cells[0].lines {
			for _, p := range l.pieces {
				widest = max(widest, p.x+p.w)
			}
		}
		if !rb.shared {
			assert.NotEmpty(t, rb.cells[1].lines, "note %d", rb.note)
			assert.LessOrEqual(t, widest, d.colW, "note %d", rb.note)
			continue
		}
		shared++
		assert.Empty(t, rb.cells[1].lines, "note %d is set twice", rb.note)
		assert.False(t, rb.rule, "note %d has a column rule", rb.note)
		assert.Greater(t, widest, d.colW, "note %d keeps to one column", rb.note)
	}
	assert.Equal(t, 15, shared)
}
