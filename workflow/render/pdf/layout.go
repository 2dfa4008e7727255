package pdf

import (
	"strings"
	"unicode/utf8"
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
	// url makes the run a link out; link (an fpdf link) a link within the
	// document.
	url  string
	link int
	// anchor, when not 0, is an fpdf link whose target is where this run
	// is drawn: the first reference to a note, which the note links back to.
	anchor int
	// badge draws the run on a tinted box: the mark of a passage shown in
	// the original.
	badge bool
}

// piece is part of a run placed on a line.
type piece struct {
	*run
	text string
	x, w float64 // millimetres from the line's start
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
	width  float64
	// space is the width of the space after the word; 0 at the end.
	space float64
}

// wrap breaks runs into lines of at most width millimetres. Lines break
// at spaces; a word too long for a line (a URL, mostly) breaks after a
// slash, dash or other URL punctuation, or anywhere as a last resort, and
// a long one is broken to fill the line it starts on rather than leave a
// gap.
func (m *metrics) wrap(runs []run, width float64) []line {
	words := m.words(runs)
	var lines []line
	var cur line
	x := 0.0
	pending := 0.0 // the space owed before the next word on the line
	flush := func() {
		cur.width = x
		lines = append(lines, cur)
		cur = line{}
		x, pending = 0, 0
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if x > 0 && x+pending+w.width > width {
			room := width - x - pending
			if w.width > width/3 && room > width/4 {
				if head, tail, ok := m.split(w, room); ok {
					m.place(&cur, head, x+pending)
					x += pending + head.width
					flush()
					words[i] = tail
					i--
					continue
				}
			}
			flush()
		}
		for w.width > width {
			head, tail, _ := m.split(w, width-x-pending)
			m.place(&cur, head, x+pending)
			x += pending + head.width
			flush()
			w = tail
		}
		m.place(&cur, w, x+pending)
		x += pending + w.width
		pending = w.space
	}
	if len(cur.pieces) > 0 {
		flush()
	}
	return lines
}

// place puts a word's pieces on a line at x.
func (m *metrics) place(l *line, w word, x float64) {
	for _, p := range w.pieces {
		p.x += x
		if n := len(l.pieces); n > 0 {
			// Merge with the piece before when the style is the same, so
			// that a line is drawn in few text operations.
			prev := &l.pieces[n-1]
			if prev.run == p.run && prev.x+prev.w <= p.x+0.001 {
				if p.x-(prev.x+prev.w) > 0.01 {
					prev.text += " "
				}
				prev.text += p.text
				prev.w = p.x + p.w - prev.x
				continue
			}
		}
		l.pieces = append(l.pieces, p)
	}
}

// words cuts runs into words at spaces.
func (m *metrics) words(runs []run) []word {
	var words []word
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
				w := m.width(r.face, r.size, part)
				cur.pieces = append(cur.pieces, piece{run: r, text: part, x: cur.width, w: w})
				cur.width += w
			}
			if sp < 0 {
				break
			}
			// A space ends the word; several count as one.
			if len(cur.pieces) > 0 {
				cur.space = m.width(r.face, r.size, " ")
				words = append(words, cur)
				cur = word{}
			}
			text = text[sp+1:]
		}
	}
	if len(cur.pieces) > 0 {
		words = append(words, cur)
	}
	return words
}

// breakAfter are the characters after which a long word may break.
const breakAfter = "/-–—.?&=_;,:#"

// split cuts w so that its head is at most max millimetres wide, after a
// breakAfter character where one fits, else after as many characters as
// fit (at least one). It reports whether the cut is at a break point: a
// word cut elsewhere is better started on a line of its own.
func (m *metrics) split(w word, max float64) (head, tail word, ok bool) {
	type pos struct {
		piece, off int // cut before byte off of pieces[piece]
		width      float64
	}
	var lastBreak, lastFit pos
	found, fitted := false, false
	acc := 0.0
	for pi, p := range w.pieces {
		for off, r := range p.text {
			rw := float64(m.advance(p.face, r)) * p.size / 1000 * ptToMM
			if acc+rw > max {
				goto done
			}
			acc += rw
			next := off + utf8.RuneLen(r)
			lastFit, fitted = pos{pi, next, acc}, true
			if strings.ContainsRune(breakAfter, r) && (pi < len(w.pieces)-1 || next < len(p.text)) {
				lastBreak, found = pos{pi, next, acc}, true
			}
		}
	}
done:
	cut := lastBreak
	if !found {
		if !fitted {
			// Not one character fits: take one anyway, or nothing would
			// ever be placed.
			p := w.pieces[0]
			_, size := utf8.DecodeRuneInString(p.text)
			cut = pos{0, size, m.width(p.face, p.size, p.text[:size])}
		} else {
			cut = lastFit
		}
	}
	ok = found
	if cut.piece == len(w.pieces)-1 && cut.off >= len(w.pieces[cut.piece].text) {
		return w, word{}, false
	}
	for i, p := range w.pieces {
		switch {
		case i < cut.piece:
			head.pieces = append(head.pieces, p)
		case i == cut.piece:
			if cut.off > 0 {
				hp := p
				hp.text = p.text[:cut.off]
				hp.w = m.width(p.face, p.size, hp.text)
				head.pieces = append(head.pieces, hp)
			}
			if cut.off < len(p.text) {
				tp := p
				tp.text = p.text[cut.off:]
				tp.w = m.width(p.face, p.size, tp.text)
				tail.pieces = append(tail.pieces, tp)
			}
		default:
			tail.pieces = append(tail.pieces, p)
		}
	}
	head.width = relayout(head.pieces)
	tail.width = relayout(tail.pieces)
	tail.space = w.space
	return head, tail, ok
}

// relayout sets the x of consecutive pieces and returns their width.
func relayout(ps []piece) float64 {
	x := 0.0
	for i := range ps {
		ps[i].x = x
		x += ps[i].w
	}
	return x
}
