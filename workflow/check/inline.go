package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range of a text, [start, end).
type span struct{ start, end int }

// inline is a unit's text as the checks see it: inline Markdown whose
// opaque parts (code spans, URLs, link destinations, raw HTML, note
// references) are found once, so that the checks of prose (numbers,
// punctuation, brackets…) can skip them, and whose markup is counted.
type inline struct {
	s string
	// opaque are the byte ranges prose checks skip, sorted and disjoint.
	opaque []span
	// urls are bare URLs, autolinks and link destinations, in order.
	urls []span
	// dests marks which of urls are link or image destinations or
	// autolinks, the ones a renderer turns into a link.
	dests []bool
	// refs are the labels of note references [^label], in order.
	refs []span
	// html are raw HTML tags.
	html []span

	codeSpans, openTicks int // code spans, and backtick runs left unclosed
	links, images        int
	em, strong, strike   int // matched emphasis, strong emphasis, strikethrough
	looseEm, looseStrike int // delimiter characters that match nothing

	delims  []delim // scratch for emphasis matching
	openers []int
	bracket []int // scratch: open [ positions (negative for ![)
	// ticks lists the backtick runs of s by length, and tickNext how far
	// each list has been read: a code span's closer is the next run of its
	// length, found without looking at the text again. Made when the
	// first backtick is met.
	ticks    map[int][]int
	tickNext map[int]int
	// found remembers, for each kind of bare URL start (http, www.,
	// mailto:), the next one a search found and where that search began:
	// the answer holds for any later search that begins at or before it,
	// so no stretch of the text is searched twice.
	found [3]struct{ from, at int }
	// steps counts the bytes and delimiters parse looked at, sub-scans
	// included: the tests hold it to a small multiple of len(s), which is
	// what keeps checking linear on hostile text.
	steps int
	// budget is how many more bytes link destinations and HTML tags may
	// scan ahead in all, so that text of many unclosed "](" or "<a" stays
	// linear to parse. exhausted is set when it ran out: the text is then
	// too tangled to check, and checkMarkup says so rather than pass it.
	budget    int
	exhausted bool
}

// limit returns how far a scan may look: at most max, and what is left
// of the budget.
func (in *inline) limit(max int) int { return min(max, in.budget) }

// spend takes what a scan looked at from the budget. A scan that the
// budget, not max, stopped leaves the text unchecked.
func (in *inline) spend(looked, limit, max int) {
	in.steps += looked
	if looked >= limit && limit < max {
		in.exhausted = true
	}
	in.budget -= min(looked, in.budget)
}

// maxDest and maxTag bound link destinations and HTML tags, so that
// parsing stays linear on hostile text.
const (
	maxDest = 4096
	maxTag  = 1024
)

// delim is a run of *, _ or ~ that may open or close emphasis.
type delim struct {
	c                 byte
	n                 int // characters left to match
	canOpen, canClose bool
}

// parse fills in from s, reusing the slices in.
func (in *inline) parse(s string) {
	in.reset(s)
	in.budget = 4*len(s) + 2*maxDest
	in.steps = len(s) // the main loop's
	nextURL := in.urlStart(0)
	for i := 0; i < len(s); {
		if i == nextURL {
			if end := in.bareURL(i); end > i {
				in.addURL(span{i, end}, false)
				in.opaque = append(in.opaque, span{i, end})
				i = end
				nextURL = in.urlStart(i)
				continue
			}
			nextURL = in.urlStart(i + 1)
		} else if nextURL < i {
			// A code span or link went past it.
			nextURL = in.urlStart(i)
			continue
		}
		// Skip plain text up to the next Markdown byte or URL.
		stop := min(nextURL, len(s))
		for i < stop && !inlineSpecial[s[i]] {
			i++
		}
		if i == stop {
			continue
		}
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i += 2
		case c == '`':
			i = in.codeSpan(i)
		case c == '<':
			i = in.angle(i)
		case c == '[':
			end, ok, looked := noteRef(s, i)
			in.steps += looked
			if ok {
				in.refs = append(in.refs, span{i + 2, end - 1})
				in.opaque = append(in.opaque, span{i, end})
				i = end
				continue
			}
			pos := i + 1
			if i > 0 && s[i-1] == '!' {
				pos = -pos
			}
			in.bracket = append(in.bracket, pos)
			i++
		case c == ']':
			i = in.closeBracket(i)
		case c == '*' || c == '_' || c == '~':
			i = in.delimRun(i)
		default:
			i++
		}
	}
	in.emphasis()
}

// inlineSpecial marks the bytes of Markdown syntax parse stops at.
var inlineSpecial = func() (t [256]bool) {
	for _, c := range []byte("\\`<[]*_~") {
		t[c] = true
	}
	return t
}()

// urlStart returns where the next bare URL may start at or after i, or
// len(s): the http or https before a "://", a "www." or a "mailto:",
// found with the fast searches of package strings rather than by looking
// at every h, w and m of the text.
func (in *inline) urlStart(i int) int {
	s := in.s
	for i < len(s) {
		cand := in.next(urlHTTP, i)
		// Occurrences that start before cand end before cand+len-1. Like
		// GitHub's autolinks, these are found in lower case only.
		if w := in.next(urlWWW, i); w+len("www.") <= min(len(s), cand+3) {
			cand = w
		}
		if m := in.next(urlMailto, i); m+len("mailto:") <= min(len(s), cand+6) {
			cand = m
		}
		if cand == len(s) || wordStart(s, cand) {
			return cand
		}
		i = cand + 1
	}
	return len(s)
}

// The kinds of bare URL start.
const (
	urlHTTP = iota
	urlWWW
	urlMailto
)

// next returns the first start of a bare URL of kind at or after i, or
// len(s), searching only when what the last search found does not answer.
func (in *inline) next(kind, i int) int {
	f := &in.found[kind]
	if f.from >= 0 && f.from <= i && i <= f.at {
		return f.at
	}
	s := in.s
	at := len(s)
	switch kind {
	case urlHTTP:
		for j := i; j < len(s); {
			k := strings.Index(s[j:], "://")
			if k < 0 {
				in.steps += len(s) - j
				break
			}
			in.steps += k + 3
			sep := j + k
			if sep-5 >= i && hasPrefixFold(s[sep-5:], "https") {
				at = sep - 5
				break
			}
			if sep-4 >= i && hasPrefixFold(s[sep-4:], "http") {
				at = sep - 4
				break
			}
			j = sep + 3
		}
	case urlWWW, urlMailto:
		word := "www."
		if kind == urlMailto {
			word = "mailto:"
		}
		if k := strings.Index(s[i:], word); k >= 0 {
			at = i + k
		}
		in.steps += at - i
	}
	f.from, f.at = i, at
	return at
}

// reset sets the text to s, unparsed: no spans, no counts.
func (in *inline) reset(s string) {
	*in = inline{s: s, opaque: in.opaque[:0], urls: in.urls[:0], dests: in.dests[:0], refs: in.refs[:0],
		html: in.html[:0], delims: in.delims[:0], openers: in.openers[:0], bracket: in.bracket[:0]}
	for k := range in.found {
		in.found[k].from = -1
	}
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func (in *inline) addURL(sp span, dest bool) {
	in.urls = append(in.urls, sp)
	in.dests = append(in.dests, dest)
}

// codeSpan reads a backtick run at i: a code span when a run of the same
// length closes it, else literal backticks.
func (in *inline) codeSpan(i int) int {
	s := in.s
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	if in.ticks == nil {
		in.indexTicks()
	}
	// The closer is the first run of n backticks after this one.
	runs, k := in.ticks[n], in.tickNext[n]
	for k < len(runs) && runs[k] < i+n {
		k++
	}
	in.steps += n + k - in.tickNext[n]
	in.tickNext[n] = k
	if k == len(runs) {
		in.openTicks++
		return i + n
	}
	j := runs[k]
	in.tickNext[n] = k + 1
	in.codeSpans++
	in.opaque = append(in.opaque, span{i, j + n})
	return j + n
}

// indexTicks lists the runs of backticks of the text by length.
func (in *inline) indexTicks() {
	in.ticks, in.tickNext = map[int][]int{}, map[int]int{}
	s := in.s
	for j := 0; j < len(s); {
		k := strings.IndexByte(s[j:], '`')
		if k < 0 {
			break
		}
		j += k
		m := 0
		for j+m < len(s) && s[j+m] == '`' {
			m++
		}
		in.ticks[m] = append(in.ticks[m], j)
		j += m
	}
	in.steps += len(s)
}

// angle reads what starts with < at i: an autolink, a raw HTML tag, or a
// literal <.
func (in *inline) angle(i int) int {
	s := in.s
	end, looked := autolink(s, i)
	in.steps += looked
	if end > 0 {
		in.addURL(span{i + 1, end - 1}, true)
		in.opaque = append(in.opaque, span{i, end})
		return end
	}
	limit := in.limit(maxTag)
	end, looked = htmlTag(s, i, limit)
	in.spend(looked, limit, maxTag)
	if end > 0 {
		in.html = append(in.html, span{i, end})
		in.opaque = append(in.opaque, span{i, end})
		return end
	}
	return i + 1
}

// closeBracket reads a ] at i: the end of a link or image when an open [
// waits and a destination in parentheses follows.
func (in *inline) closeBracket(i int) int {
	s := in.s
	if len(in.bracket) == 0 {
		return i + 1
	}
	open := in.bracket[len(in.bracket)-1]
	in.bracket = in.bracket[:len(in.bracket)-1]
	if i+1 >= len(s) || s[i+1] != '(' {
		return i + 1
	}
	limit := in.limit(maxDest)
	dest, end, ok := linkTail(s, i+1, limit)
	in.spend(end-i-1, limit, maxDest)
	if !ok {
		return i + 1
	}
	if open < 0 {
		in.images++
	} else {
		in.links++
	}
	if dest.end > dest.start {
		in.addURL(dest, true)
	}
	in.opaque = append(in.opaque, span{i + 1, end})
	return end
}

// linkTail reads "(destination "title")" at i and returns the
// destination's span and the end of the whole, looking at most limit
// bytes ahead. When it fails, end is how far it looked.
func linkTail(s string, i, limit int) (dest span, end int, ok bool) {
	if limit < len(s)-i {
		s = s[:i+limit]
	}
	j := i + 1
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
		j++
	}
	if j < len(s) && s[j] == '<' {
		k := strings.IndexAny(s[j+1:], "<>\n")
		if k < 0 || s[j+1+k] != '>' {
			return span{}, len(s), false
		}
		dest = span{j + 1, j + 1 + k}
		j += k + 2
	} else {
		start, depth := j, 0
		for j < len(s) {
			c := s[j]
			if c == '\\' && j+1 < len(s) {
				j += 2
				continue
			}
			if c == ' ' || c == '\t' || c == '\n' || c < 0x20 {
				break
			}
			if c == '(' {
				depth++
			} else if c == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
			j++
		}
		if depth != 0 {
			return span{}, j, false
		}
		dest = span{start, j}
	}
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
		j++
	}
	if j < len(s) && (s[j] == '"' || s[j] == '\'' || s[j] == '(') {
		closer := s[j]
		if closer == '(' {
			closer = ')'
		}
		k := j + 1
		for k < len(s) && s[k] != closer {
			if s[k] == '\\' {
				k++
			}
			k++
		}
		if k >= len(s) {
			return span{}, k, false
		}
		j = k + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
	}
	if j >= len(s) || s[j] != ')' {
		return span{}, j, false
	}
	return dest, j + 1, true
}

// noteRef reports whether a note reference [^label] starts at i, where it
// ends, and how far it looked; labels follow segment.Refs.
func noteRef(s string, i int) (end int, ok bool, looked int) {
	if i+2 >= len(s) || s[i+1] != '^' {
		return 0, false, 1
	}
	j := i + 2
	for ; j < len(s) && j-i-2 <= 64; j++ {
		switch s[j] {
		case ']':
			return j + 1, j > i+2, j + 1 - i
		case ' ', '\t', '\n', '[', '^':
			return 0, false, j - i
		}
	}
	return 0, false, j - i
}

// autolink reports the end of a CommonMark autolink, <scheme:…> or
// <user@host>, starting at i, or 0, and how far it looked: no further
// than the next < or white space.
func autolink(s string, i int) (end, looked int) {
	j := i + 1
	k := j
	for k < len(s) && k-j <= 32 && (isAlpha(s[k]) || k > j && (isDigit(s[k]) || s[k] == '+' || s[k] == '.' || s[k] == '-')) {
		k++
	}
	if k-j >= 2 && k < len(s) && s[k] == ':' {
		for k++; k < len(s); k++ {
			c := s[k]
			if c == '>' {
				return k + 1, k + 1 - i
			}
			if c <= ' ' || c == '<' {
				return 0, k - i
			}
		}
		return 0, k - i
	}
	// An e-mail autolink.
	at := false
	for k = j; k < len(s); k++ {
		c := s[k]
		switch {
		case c == '>':
			if at && k > j {
				return k + 1, k + 1 - i
			}
			return 0, k - i
		case c == '@':
			if at {
				return 0, k - i
			}
			at = true
		case c <= ' ' || c == '<' || c >= 0x80:
			return 0, k - i
		}
	}
	return 0, k - i
}

// htmlTag reports the end of a raw HTML open tag, closing tag or comment
// starting at i, or 0, looking at most limit bytes ahead; looked is how
// far it looked.
func htmlTag(s string, i, limit int) (end, looked int) {
	if limit < len(s)-i {
		s = s[:i+limit]
	}
	j := i + 1
	if j >= len(s) {
		// Nothing left to look at, or no budget left to look with.
		return 0, len(s) - i
	}
	if strings.HasPrefix(s[j:], "!--") {
		if k := strings.Index(s[j+3:], "-->"); k >= 0 {
			return j + 3 + k + 3, k + 6
		}
		return 0, len(s) - i
	}
	if j < len(s) && s[j] == '/' {
		j++
	}
	if j >= len(s) || !isAlpha(s[j]) {
		return 0, 1
	}
	for j < len(s) && (isAlpha(s[j]) || isDigit(s[j]) || s[j] == '-') {
		j++
	}
	var quote byte
	for ; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1, j + 1 - i
		case c == '<':
			return 0, j - i
		}
	}
	return 0, j - i
}

// wordStart reports whether i starts a word: the byte before is not a
// letter, digit or URL character that would make i the middle of one.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '.' || r == '@' || r == '-' || r == '_')
}

// bareURL returns the end of a URL written as plain text at i (http://,
// https://, mailto: or www.), or i. As in GitHub's autolinks, the URL runs
// to white space and leaves out trailing punctuation and unbalanced
// closing parentheses; it also stops at quotes and at a note reference.
func (in *inline) bareURL(i int) int {
	s := in.s
	rest := s[i:]
	var n int
	switch {
	case hasPrefixFold(rest, "https://"):
		n = 8
	case hasPrefixFold(rest, "http://"):
		n = 7
	case strings.HasPrefix(rest, "mailto:"):
		n = 7
	case strings.HasPrefix(rest, "www."):
		n = 4
	default:
		return i
	}
	end := i + n
	for end < len(s) {
		c := s[end]
		if c <= ' ' || c == '<' || c == '"' || c == '`' {
			break
		}
		if c == '[' && end+1 < len(s) && s[end+1] == '^' || c == ']' && end+1 < len(s) && s[end+1] == '(' {
			break
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[end:])
			if unicode.IsSpace(r) || strings.ContainsRune("«»“”‘’„‹›", r) {
				break
			}
			end += size
			continue
		}
		end++
	}
	// Counted once, then kept up to date as the end moves back.
	url := s[i:end]
	opens, closes := strings.Count(url, "("), strings.Count(url, ")")
	openSq, closeSq := strings.Count(url, "["), strings.Count(url, "]")
	in.steps += 5 * (end - i)
	for end > i+n {
		c := s[end-1]
		switch {
		case strings.IndexByte("?!.,:;*_~'", c) >= 0:
			end--
			continue
		case c == ')' && closes > opens:
			closes--
			end--
			continue
		case c == ']' && closeSq > openSq:
			closeSq--
			end--
			continue
		}
		break
	}
	if end == i+n {
		return i
	}
	return end
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// delimRun records a run of *, _ or ~ at i with whether it can open or
// close emphasis, by CommonMark's flanking rules.
func (in *inline) delimRun(i int) int {
	s := in.s
	c := s[i]
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	spaceBefore, spaceAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	punctBefore, punctAfter := isPunct(before), isPunct(after)
	left := !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
	right := !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
	d := delim{c: c, n: n, canOpen: left, canClose: right}
	if c == '_' {
		d.canOpen = left && (!right || punctBefore)
		d.canClose = right && (!left || punctAfter)
	}
	if c == '~' && n > 2 {
		d.canOpen, d.canClose = false, false
	}
	if d.canOpen || d.canClose {
		in.delims = append(in.delims, d)
	}
	return i + n
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// emphasis matches the delimiter runs as CommonMark does, simplified:
// a closer matches the nearest opener of the same character (and, for ~,
// the same length); openers skipped over stay unmatched.
func (in *inline) emphasis() {
	st := in.openers[:0]
	// bottom[which] is the stack height below which no opener is left for
	// a closer of that kind, as in CommonMark's openers_bottom: it keeps
	// matching linear. ~ and ~~ match only their own length, so each has
	// its own.
	var bottom [4]int
	which := func(d *delim) int {
		switch {
		case d.c == '*':
			return 0
		case d.c == '_':
			return 1
		}
		return 1 + d.n // ~ is 2, ~~ is 3
	}
	shrink := func(n int) {
		st = st[:n]
		for i := range bottom {
			bottom[i] = min(bottom[i], n)
		}
	}
	in.steps += len(in.delims)
	for k := range in.delims {
		d := &in.delims[k]
		if d.canClose {
			for d.n > 0 {
				b := &bottom[which(d)]
				j := len(st) - 1
				for j >= *b && !(in.delims[st[j]].c == d.c && (d.c != '~' || in.delims[st[j]].n == d.n)) {
					j--
				}
				in.steps += len(st) - j
				if j < *b {
					*b = len(st)
					break
				}
				o := &in.delims[st[j]]
				for _, skipped := range st[j+1:] {
					in.loose(&in.delims[skipped])
				}
				shrink(j + 1)
				if d.c == '~' {
					in.strike++
					o.n, d.n = 0, 0
				} else {
					for o.n > 0 && d.n > 0 {
						if o.n >= 2 && d.n >= 2 {
							in.strong++
							o.n -= 2
							d.n -= 2
						} else {
							in.em++
							o.n--
							d.n--
						}
					}
				}
				if o.n == 0 {
					shrink(j)
				}
			}
		}
		if d.n > 0 {
			if d.canOpen {
				st = append(st, k)
			} else {
				in.loose(d)
			}
		}
	}
	for _, k := range st {
		in.loose(&in.delims[k])
	}
	in.openers = st
}

func (in *inline) loose(d *delim) {
	if d.c == '~' {
		in.looseStrike += d.n
	} else {
		in.looseEm += d.n
	}
	d.n = 0
}

// mask writes s into buf with every opaque byte replaced by 'x', so that
// prose checks see neither URLs nor code, at the same offsets.
func (in *inline) mask(buf []byte) []byte {
	buf = append(buf[:0], in.s...)
	for _, sp := range in.opaque {
		for i := sp.start; i < sp.end; i++ {
			buf[i] = 'x'
		}
	}
	return buf
}

// prose calls f for each run of text outside the opaque spans.
func (in *inline) prose(f func(start int, text string)) {
	last := 0
	for _, sp := range in.opaque {
		if sp.start > last {
			f(last, in.s[last:sp.start])
		}
		last = sp.end
	}
	if last < len(in.s) {
		f(last, in.s[last:])
	}
}

// proseLen returns the number of runes outside the opaque spans.
func (in *inline) proseLen() int {
	n := 0
	in.prose(func(_ int, t string) { n += utf8.RuneCountInString(t) })
	return n
}

// url returns the i-th URL.
func (in *inline) url(i int) string { return in.s[in.urls[i].start:in.urls[i].end] }
