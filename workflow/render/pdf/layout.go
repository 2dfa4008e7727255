package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/hopeborder/bitext/workflow/render/pdf/tagged"
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// run is text in one style: what line breaking works on.
type run struct {
	text  string
	face  face
	size  float64 // points
	rise  float64 // points above the baseline, for note references
	color rgb
	// url makes the run a link out; link a link within the document.
	url  string
	link *tagged.Dest
	// anchor, when not nil, is a link target set where this run is
	// drawn: the first reference to a note, which the note links back to.
	anchor *tagged.Dest
	// group, when not 0, tells the link or note call the run is part of
	// from the cell's others: a link's text may be several runs.
	group int
	// call is set on a note call, label on the lead text of a note or
	// an item (its number, its bullet).
	call, label bool
	// badge draws the run on a tinted box: the mark of a passage shown in
	// the original.
	badge bool
	// strike, when not 0, tells the strikethrough the run is part of
	// from the cell's others: a line is drawn through it.
	strike int
	// brk is the invisible break the text was followed by: zeroWidthSpace
	// (a line may break there) or softHyphen (a line may break there,
	// with a hyphen); 0 for none.
	brk rune
}

// The characters that mark where a line may break without showing: they
// are not drawn, and a line breaks at them as at a space (the soft
// hyphen then drawn as a hyphen).
const (
	zeroWidthSpace = '\u200b'
	softHyphen     = '\u00ad'
	breaks         = "\u200b\u00ad"
)

// piece is part of a run placed on a line.
type piece struct {
	*run
	text string
	// x and w are in millimetres: x from the start of the word the piece
	// was cut from (see word.origin), then, placed, from the line's.
	x, w float64
	// units is the advance of text, in thousandths of an em: w is
	// computed from it, so that the parts of a cut piece add up exactly.
	units int
	// merged holds text while words are merged into the piece on a line
	// being filled: appending to a string would copy the line so far at
	// each word.
	merged []byte
	// hyphen is set on the hyphen that ends a line broken at a soft
	// hyphen: text a reader of the PDF's text leaves out.
	hyphen bool
}

// line is one line of a laid-out cell.
type line struct {
	pieces []piece
	width  float64
}

// word is what lies between two spaces: pieces of one or more runs
// ("women", a superscript "5", ".").
type word struct {
	pieces []piece
	// origin is the x of the word's start among its pieces' x: not 0 for
	// the rest of a word cut at the end of a line, whose pieces keep the
	// x they had in the whole word.
	origin float64
	width  float64
	// space is the width of the space after the word; 0 at the end.
	space float64
	// hyphen is set when the word ends at a soft hyphen: a line broken
	// after it ends with a hyphen.
	hyphen bool
}

// wrap breaks runs into lines of at most width millimetres. Lines break
// at spaces; a word too long for a line (a URL, mostly) breaks after a
// slash, dash or other URL punctuation, or anywhere as a last resort, and
// a long one is broken to fill the line it starts on rather than leave a
// gap. Each character is measured a bounded number of times, however
// long the word: cutting a line off a word costs that line, not the rest
// of the word.
func (m *metrics) wrap(runs []run, width float64) []line {
	words := m.words(runs)
	var lines []line
	var cur line
	x := 0.0
	pending := 0.0 // the space owed before the next word on the line
	// hyphen is the run of the last word placed when it ends at a soft
	// hyphen: a line broken after it gets a hyphen.
	var hyphen *run
	flush := func() {
		cur.width = x
		for i := range cur.pieces {
			if p := &cur.pieces[i]; p.merged != nil {
				p.text, p.merged = string(p.merged), nil
			}
		}
		lines = append(lines, cur)
		cur = line{}
		x, pending = 0, 0
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if x > 0 && x+pending+w.width > width {
			room := width - x - pending
			if w.width > width/3 && room > width/4 {
				if at, ok := m.cutPoint(w, room); ok {
					head, tail := m.cut(w, at)
					m.place(&cur, head, x+pending)
					x += pending + head.width
					flush()
					words[i] = tail
					i--
					continue
				}
			}
			if hyphen != nil {
				// The word goes on on the next line: a hyphen, no space.
				m.hyphenate(&cur, hyphen, &x)
			} else {
				spaceAfter(&cur)
			}
			flush()
		}
		for w.width > width {
			at, _ := m.cutPoint(w, width-x-pending)
			head, tail := m.cut(w, at)
			m.place(&cur, head, x+pending)
			x += pending + head.width
			flush()
			w = tail
		}
		m.place(&cur, w, x+pending)
		x += pending + w.width
		pending = w.space
		hyphen = nil
		if w.hyphen && len(w.pieces) > 0 {
			hyphen = w.pieces[len(w.pieces)-1].run
		}
	}
	if len(cur.pieces) > 0 {
		flush()
	}
	return lines
}

// hyphenate ends line l, x wide, with the hyphen of a word broken at a
// soft hyphen, in the face of the word's last run r (or the regular one,
// when that lacks a hyphen). It may stand out of the line by its width,
// as hyphens hang in the margin of a justified page.
func (m *metrics) hyphenate(l *line, r *run, x *float64) {
	h := *r
	if !m.covers(h.face, '-') {
		h.face = regular
	}
	h.brk, h.anchor = 0, nil
	u := m.units(h.face, "-")
	w := mm(u, h.size)
	l.pieces = append(l.pieces, piece{run: &h, text: "-", x: *x, w: w, units: u, hyphen: true})
	*x += w
}

// sameStyle reports whether a and b are drawn alike: one run, or the
// parts of one cut at an invisible break (run.brk).
func sameStyle(a, b *run) bool {
	if a == b {
		return true
	}
	x, y := *a, *b
	x.text, y.text, x.brk, y.brk = "", "", 0, 0
	return x == y
}

// place puts a word's pieces on a line at x.
func (m *metrics) place(l *line, w word, x float64) {
	for _, p := range w.pieces {
		p.x += x - w.origin
		if n := len(l.pieces); n > 0 {
			// Merge with the piece before when the style is the same, so
			// that a line is drawn in few text operations.
			prev := &l.pieces[n-1]
			if sameStyle(prev.run, p.run) && prev.x+prev.w <= p.x+0.001 {
				if prev.merged == nil {
					prev.merged = append(make([]byte, 0, 2*len(prev.text)+len(p.text)+1), prev.text...)
				}
				if p.x-(prev.x+prev.w) > 0.01 {
					prev.merged = append(prev.merged, ' ')
				}
				prev.merged = append(prev.merged, p.text...)
				prev.w = p.x + p.w - prev.x
				continue
			}
			if p.x-(prev.x+prev.w) > 0.01 || p.call && !prev.call {
				spaceAfter(l)
			}
		}
		l.pieces = append(l.pieces, p)
	}
}

// spaceAfter ends the last piece of l with a space, drawn but not
// measured: words set apart by position only would run together in the
// text of the structure tree that screen readers read ("thePersecution"
// across a line break, "word*emph*" between two runs).
func spaceAfter(l *line) {
	if len(l.pieces) == 0 {
		return
	}
	p := &l.pieces[len(l.pieces)-1]
	if p.merged != nil {
		p.merged = append(p.merged, ' ')
		return
	}
	p.text += " "
}

// words cuts runs into words at spaces. The words' pieces share one
// array: a word's own would be an allocation per word.
func (m *metrics) words(runs []run) []word {
	n := 1
	for i := range runs {
		n += strings.Count(runs[i].text, " ")
	}
	words := make([]word, 0, n)
	all := make([]piece, 0, n+len(runs))
	starts := make([]int, 0, n) // of each word's pieces in all
	var cur word
	for i := range runs {
		r := &runs[i]
		text := r.text
		for text != "" {
			sp := strings.IndexByte(text, ' ')
			part := text
			if sp >= 0 {
				part = text[:sp]
			}
			if part != "" {
				if len(starts) == len(words) { // the word's first piece
					starts = append(starts, len(all))
				}
				u := m.units(r.face, part)
				w := mm(u, r.size)
				all = append(all, piece{run: r, text: part, x: cur.width, w: w, units: u})
				cur.width += w
			}
			if sp < 0 {
				break
			}
			// A space ends the word; several count as one.
			if len(starts) > len(words) {
				cur.space = m.width(r.face, r.size, " ")
				words = append(words, cur)
				cur = word{}
			}
			text = text[sp+1:]
		}
		// An invisible break ends the word, with no space.
		if r.brk != 0 && len(starts) > len(words) {
			cur.hyphen = r.brk == softHyphen
			words = append(words, cur)
			cur = word{}
		}
	}
	if len(starts) > len(words) {
		words = append(words, cur)
	}
	starts = append(starts, len(all))
	for k := range words {
		words[k].pieces = all[starts[k]:starts[k+1]:starts[k+1]]
	}
	return words
}

// breakAfter are the characters after which a long word may break.
const breakAfter = "/-–—.?&=_;,:#"

// cutAt is where to cut a word: before byte off of pieces[piece], units
// into that piece.
type cutAt struct {
	piece, off int
	units      int
}

// cutPoint returns where to cut w so that its head is at most max
// millimetres wide: after a breakAfter character where one fits, else
// after as many characters as fit (at least one). It reports whether the
// cut is at a break point: a word cut elsewhere is better started on a
// line of its own. It measures only the characters that fit, and one
// more.
func (m *metrics) cutPoint(w word, max float64) (at cutAt, ok bool) {
	var lastBreak, lastFit cutAt
	found, fitted := false, false
	acc := 0.0
	for pi, p := range w.pieces {
		units := 0
		for off, r := range p.text {
			a := m.advance(p.face, r)
			rw := float64(a) * p.size / 1000 * ptToMM
			if acc+rw > max {
				goto done
			}
			acc += rw
			units += a
			next := off + utf8.RuneLen(r)
			lastFit, fitted = cutAt{pi, next, units}, true
			if strings.ContainsRune(breakAfter, r) && (pi < len(w.pieces)-1 || next < len(p.text)) {
				lastBreak, found = cutAt{pi, next, units}, true
			}
		}
	}
done:
	if found {
		return lastBreak, true
	}
	if fitted {
		return lastFit, false
	}
	// Not one character fits: take one anyway, or nothing would ever be
	// placed.
	p := w.pieces[0]
	r, size := utf8.DecodeRuneInString(p.text)
	return cutAt{0, size, m.advance(p.face, r)}, false
}

// cut cuts w at at into a head and a tail. The tail shares w's pieces,
// and the piece cut in two is replaced in place by its second part: w is
// not to be used after.
func (m *metrics) cut(w word, at cutAt) (head, tail word) {
	p := w.pieces[at.piece]
	if at.piece == len(w.pieces)-1 && at.off >= len(p.text) {
		return w, word{}
	}
	head.pieces = make([]piece, at.piece, at.piece+1)
	copy(head.pieces, w.pieces[:at.piece])
	cutX := p.x
	if at.off > 0 {
		hp := p
		hp.text, hp.units = p.text[:at.off], at.units
		hp.w = mm(hp.units, p.size)
		head.pieces = append(head.pieces, hp)
		cutX += hp.w
	}
	if at.off < len(p.text) {
		tp := p
		tp.text, tp.units = p.text[at.off:], p.units-at.units
		tp.x, tp.w = cutX, mm(tp.units, p.size)
		w.pieces[at.piece] = tp
		tail.pieces = w.pieces[at.piece:]
	} else {
		tail.pieces = w.pieces[at.piece+1:]
		if len(tail.pieces) > 0 {
			cutX = tail.pieces[0].x
		}
	}
	head.origin, head.width = w.origin, cutX-w.origin
	tail.origin, tail.width = cutX, w.origin+w.width-cutX
	tail.space = w.space
	return head, tail
}
