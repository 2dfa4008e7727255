package check

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// decimal is an exact decimal number, mant × 10^exp with no trailing zero
// in mant, so that equal values are equal structs. Numbers with more
// digits than a uint64 holds keep their digits in big.
type decimal struct {
	mant uint64
	exp  int32
	neg  bool
	big  string
}

// makeDecimal returns the value of ASCII digits, the last frac of which
// follow the decimal mark.
func makeDecimal(digits []byte, frac int, neg bool) decimal {
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	exp := -frac
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		exp++
	}
	if len(digits) == 0 {
		return decimal{}
	}
	d := decimal{exp: int32(exp), neg: neg}
	if len(digits) > 19 {
		d.big = string(digits)
		return d
	}
	for _, c := range digits {
		d.mant = d.mant*10 + uint64(c-'0')
	}
	return d
}

// String writes d in plain English digits, for messages.
func (d decimal) String() string {
	digits := d.big
	if digits == "" {
		digits = strconv.FormatUint(d.mant, 10)
	}
	if digits == "0" || d.mant == 0 && d.big == "" {
		return "0"
	}
	var s string
	switch e := int(d.exp); {
	case e >= 0:
		s = digits + strings.Repeat("0", e)
	case -e < len(digits):
		s = digits[:len(digits)+e] + "." + digits[len(digits)+e:]
	default:
		s = "0." + strings.Repeat("0", -e-len(digits)) + digits
	}
	if d.neg {
		s = "-" + s
	}
	return s
}

// numTok is a number in a text: where it is, and the values it can have
// under the ways of writing numbers that apply (9,758 is 9758 in Mexico
// and 9.758 in Spain).
type numTok struct {
	start, end int // the number, with any scale words after it
	digitsEnd  int // the end of the digits
	vals       [4]decimal
	n          int
	// verbatim is set when no way of writing numbers reads the digits
	// (1.2.3, 351.123.465.4): they must then appear as written.
	verbatim bool
	// plain is set for an integer of four or more digits written without
	// separators: a year, or a number that names something.
	plain bool
	// joined is set when a plain space joined groups (2 000); if the
	// value does not fit, the parts are tried alone.
	joined bool
	// neg is set for a number with a minus sign before it.
	neg bool
}

// text returns the number as written in s, with its sign and scale
// words.
func (t *numTok) text(s string) string {
	if t.neg {
		return "-" + s[t.start:t.end]
	}
	return s[t.start:t.end]
}

func (t *numTok) has(v decimal) bool {
	for _, x := range t.vals[:t.n] {
		if x == v {
			return true
		}
	}
	return false
}

func (t *numTok) add(v decimal) {
	if t.has(v) || t.n == len(t.vals) {
		return
	}
	t.vals[t.n] = v
	t.n++
}

// numScanner finds numbers in texts. It keeps its buffers between calls.
type numScanner struct {
	digits []byte
	toks   []numTok
}

// isSep reports whether r may separate digit groups or mark decimals in
// any style numberConvs knows.
func isSep(r rune, plainSpace bool) bool {
	switch r {
	case ',', '.', '\'', '’', '٬', '٫', '\u00a0', '\u202f', '\u2009':
		return true
	case ' ':
		return plainSpace
	}
	return false
}

// digitValue returns the value of a decimal digit of any script.
func digitValue(r rune) int {
	if r < 0x660 {
		// ASCII digits, and below U+0660 no script has others.
		if r >= '0' && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return -1
}

func isDigitRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r)
}

// scan appends the numbers of the prose of in to s.toks, reading them
// with convs and scale words from l. plainSpace lets a plain space group
// digits.
func (s *numScanner) scan(in *unitText, l *lang, convs []numConv, plainSpace bool) {
	s.toks = s.toks[:0]
	last := 0
	for _, sp := range in.opaque {
		s.scanText(in.s, last, sp.start, l, convs, plainSpace)
		last = sp.end
	}
	s.scanText(in.s, last, len(in.s), l, convs, plainSpace)
}

// scanText scans text[from:to].
func (s *numScanner) scanText(text string, from, to int, l *lang, convs []numConv, plainSpace bool) {
	i := from
	for i < to {
		// Skip to a digit: an ASCII one, or one of another script, none
		// of which is below U+0660 (lead byte 0xD9).
		c := text[i]
		if c < utf8.RuneSelf {
			if c < '0' || c > '9' {
				i++
				continue
			}
		} else if c < 0xD9 {
			i++
			continue
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !unicode.IsDigit(r) {
			i += size
			continue
		}
		var prev rune = ' '
		if i > from {
			prev, _ = utf8.DecodeLastRuneInString(text[from:i])
		}
		if unicode.IsLetter(prev) || prev == '_' {
			// Digits inside a word: G7, H2O, B52.
			for i < to {
				r, size := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) && !isDigitRune(r) {
					break
				}
				i += size
			}
			continue
		}
		j := numberEnd(text, i, to, plainSpace)
		neg := false
		if prev == '-' || prev == '−' {
			k := i - utf8.RuneLen(prev)
			before := ' '
			if k > from {
				before, _ = utf8.DecodeLastRuneInString(text[from:k])
			}
			neg = unicode.IsSpace(before) || before == '(' || before == '['
		}
		s.read(text, i, j, to, neg, l, convs, plainSpace)
		i = j
	}
}

// numberEnd returns the end of the digits and separators starting at i.
func numberEnd(text string, i, to int, plainSpace bool) int {
	j := i
	for j < to {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isDigitRune(r) {
			j += size
			continue
		}
		if isSep(r, plainSpace) && j+size < to {
			if r2, _ := utf8.DecodeRuneInString(text[j+size:]); isDigitRune(r2) {
				j += size
				continue
			}
		}
		break
	}
	return j
}

// read reads the number text[i:j] and appends it.
func (s *numScanner) read(text string, i, j, to int, neg bool, l *lang, convs []numConv, plainSpace bool) {
	run := text[i:j]
	t := numTok{start: i, end: j, digitsEnd: j, neg: neg}
	if asciiDigits(run) {
		// Every way of writing numbers reads plain digits alike.
		t.add(makeDecimal([]byte(run), 0, neg))
	} else {
		for _, c := range convs {
			if v, ok := s.value(run, c, neg); ok {
				t.add(v)
			}
		}
	}
	if t.n == 0 {
		if plainSpace && strings.IndexByte(run, ' ') >= 0 {
			// "en 2010 150 personas": two numbers after all.
			for k := i; k < j; {
				e := numberEnd(text, k, j, false)
				s.read(text, k, e, to, neg && k == i, l, convs, false)
				k = e
				for k < j && text[k] == ' ' {
					k++
				}
			}
			return
		}
		t.verbatim = true
	}
	t.plain = !t.verbatim && len(run) >= 4 && allDigits(run)
	t.joined = plainSpace && strings.IndexByte(run, ' ') >= 0
	if exp, end := scaleAfter(text, j, to, l); exp > 0 && !t.verbatim {
		for k := range t.vals[:t.n] {
			t.vals[k] = t.vals[k].scaled(exp)
		}
		t.end = end
	}
	s.toks = append(s.toks, t)
}

func asciiDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for _, r := range s {
		if !isDigitRune(r) {
			return false
		}
	}
	return true
}

func (d decimal) scaled(exp int) decimal {
	if d.mant == 0 && d.big == "" {
		return d
	}
	d.exp += int32(exp)
	return d
}

// value reads run (digits and separators) under conv, or reports that
// conv cannot have written it.
func (s *numScanner) value(run string, c numConv, neg bool) (decimal, bool) {
	digits := s.digits[:0]
	frac := -1
	var group rune
	groupLen, groups, firstLen := 0, 0, 0
	for _, r := range run {
		if v := digitValue(r); v >= 0 {
			digits = append(digits, byte('0'+v))
			if frac >= 0 {
				frac++
			} else {
				groupLen++
			}
			continue
		}
		switch {
		case r == c.decimal && frac < 0:
			frac = 0
		case frac < 0 && strings.ContainsRune(c.groups, r) && (group == 0 || r == group || c.groups == " "+spaces || c.groups == spaces):
			if groups == 0 {
				firstLen = groupLen
				if firstLen > c.secondary && firstLen > c.primary {
					return decimal{}, false
				}
			} else if groupLen != c.secondary {
				return decimal{}, false
			}
			group = r
			groups++
			groupLen = 0
		default:
			return decimal{}, false
		}
	}
	s.digits = digits
	if frac == 0 {
		return decimal{}, false
	}
	if groups > 0 && groupLen != c.primary {
		return decimal{}, false
	}
	if frac < 0 {
		frac = 0
	}
	return makeDecimal(digits, frac, neg), true
}

// scaleAfter reads scale words after a number ("million", "mil
// millones") and returns the power of ten they make and where they end.
func scaleAfter(text string, j, to int, l *lang) (int, int) {
	if len(l.scales) == 0 {
		return 0, j
	}
	exp, end := 0, j
	var buf [32]byte
	for k := end; k < to; {
		w0 := k
		for w0 < to {
			r, size := utf8.DecodeRuneInString(text[w0:])
			if r != ' ' && r != '\u00a0' && r != '\u202f' {
				break
			}
			w0 += size
		}
		if w0 == k {
			// A scale word needs a space before it: "2m" is two metres.
			break
		}
		w1 := w0
		for w1 < to {
			r, size := utf8.DecodeRuneInString(text[w1:])
			if !unicode.IsLetter(r) {
				break
			}
			w1 += size
		}
		if w1 == w0 || w1-w0 > len(buf) || !l.scaleStart[text[w0]] {
			break
		}
		e, ok := l.scales[string(lower(buf[:0], text[w0:w1]))]
		if !ok {
			break
		}
		exp += e
		end = w1
		k = w1
	}
	return exp, end
}

// wordNumbers appends to s.toks the numbers a text writes in words
// ("seis", "un millón", "mil"), for numbers the digits left unmatched.
func (s *numScanner) wordNumbers(in *unitText, l *lang) {
	s.toks = s.toks[:0]
	if len(l.words) == 0 && len(l.scales) == 0 {
		return
	}
	var buf [32]byte
	in.prose(func(off int, text string) {
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
			j := i
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += size
			}
			if j-i <= len(buf) {
				w := lower(buf[:0], text[i:j])
				if v, ok := l.words[string(w)]; ok {
					t := numTok{start: off + i, end: off + j, digitsEnd: off + j}
					exp, end := scaleAfter(text, j, len(text), l)
					t.add(makeDecimal([]byte(strconv.Itoa(v)), 0, false).scaled(exp))
					t.end = off + end
					s.toks = append(s.toks, t)
					j = end
				} else if e, ok := l.scales[string(w)]; ok {
					t := numTok{start: off + i, end: off + j, digitsEnd: off + j}
					exp, end := scaleAfter(text, j, len(text), l)
					t.add(decimal{mant: 1, exp: int32(e + exp)})
					t.end = off + end
					s.toks = append(s.toks, t)
					j = end
				}
			}
			i = j
		}
	})
}

// numberPair holds the numbers of an entry's English and translation.
type numberPair struct {
	src, dst           numScanner
	srcWords, dstWords numScanner
	srcUsed            []bool
	dstUsed            []int // index of the source number matched, or -1
	// srcIndex and dstIndex hold the numbers in words of each side, for
	// the numbers in digits of the other side that match none.
	srcIndex, dstIndex wordIndex
}

// checkNumbers reports numbers of the English that the translation lacks
// or changes, and numbers the translation adds, comparing values: 2,000
// and 2.000 and 2 000 are the same number, and so are 2.5 billion and 2.5
// mil millones. Numbers the English writes without separators (years)
// must keep that form.
func checkNumbers(e *entry) string {
	p := &e.r.nums
	p.src.scan(&e.src, e.srcLang, e.srcConvs, false)
	p.dst.scan(&e.dst, e.lang, e.convs, true)
	if len(p.src.toks) == 0 && len(p.dst.toks) == 0 {
		return ""
	}
	p.match(e)
	// A plain-space group that fits nothing may be two numbers: "los 3
	// 100 metros".
	for j := range p.dst.toks {
		if p.dstUsed[j] < 0 && p.dst.toks[j].joined {
			p.dst.splitJoined(e, p.dstUsed)
			p.match(e)
			break
		}
	}
	src, dst := p.src.toks, p.dst.toks
	var missing, extra, reformatted []string
	// Numbers left over may be written in words on the other side: "6"
	// and "seis", "1,000" and "mil".
	words := false
	srcWords, dstWords := &p.srcIndex, &p.dstIndex
	for i := range src {
		if p.srcUsed[i] {
			continue
		}
		if !words {
			p.srcWords.wordNumbers(&e.src, e.srcLang)
			p.dstWords.wordNumbers(&e.dst, e.lang)
			srcWords.reset(p.srcWords.toks)
			dstWords.reset(p.dstWords.toks)
			words = true
		}
		if !dstWords.take(&src[i]) {
			missing = append(missing, src[i].text(e.src.s))
		}
	}
	for j := range dst {
		if i := p.dstUsed[j]; i >= 0 {
			s := &src[i]
			if s.plain && e.src.s[s.start:s.digitsEnd] != e.dst.s[dst[j].start:dst[j].digitsEnd] {
				reformatted = append(reformatted, fmt.Sprintf("%s is written %s", e.src.s[s.start:s.digitsEnd], e.dst.s[dst[j].start:dst[j].digitsEnd]))
			}
			continue
		}
		if !words {
			p.srcWords.wordNumbers(&e.src, e.srcLang)
			p.dstWords.wordNumbers(&e.dst, e.lang)
			srcWords.reset(p.srcWords.toks)
			dstWords.reset(p.dstWords.toks)
			words = true
		}
		if !srcWords.take(&dst[j]) {
			extra = append(extra, dst[j].text(e.dst.s))
		}
	}
	var msgs []string
	switch {
	case len(missing) > 0 && len(extra) > 0:
		msgs = append(msgs, fmt.Sprintf("the English has %s where the translation has %s; the values must match (separators may follow the locale)", quoteList(missing), quoteList(extra)))
		if hint := billionHint(missing, extra, e); hint != "" {
			msgs = append(msgs, hint)
		}
	case len(missing) > 0:
		msgs = append(msgs, fmt.Sprintf("%s of the English %s missing from the translation", quoteList(missing), isAre(len(missing))))
	case len(extra) > 0:
		msgs = append(msgs, fmt.Sprintf("%s in the translation %s not in the English", quoteList(extra), isAre(len(extra))))
	}
	if len(reformatted) > 0 {
		msgs = append(msgs, strings.Join(reformatted, ", ")+": keep numbers the English writes without separators (years, numbers that name things) as they are")
	}
	return strings.Join(msgs, "; ")
}

// match pairs each source number with the first unused translation
// number of the same value.
func (p *numberPair) match(e *entry) {
	src, dst := p.src.toks, p.dst.toks
	p.srcUsed = resetBools(p.srcUsed, len(src))
	p.dstUsed = resetInts(p.dstUsed, len(dst))
	if len(src)*len(dst) > smallMatch {
		p.matchMany(e)
		return
	}
	for i := range src {
		for j := range dst {
			if p.dstUsed[j] < 0 && numbersMatch(e, &src[i], &dst[j]) {
				p.srcUsed[i] = true
				p.dstUsed[j] = i
				break
			}
		}
	}
}

// matchMany does what match does for texts with very many numbers: it
// finds the candidates through maps of the translation's numbers by value
// and by text, which cover every pair numbersMatch accepts.
func (p *numberPair) matchMany(e *entry) {
	src, dst := p.src.toks, p.dst.toks
	byVal := map[decimal][]int{}
	byText := map[string][]int{}
	for j := range dst {
		d := &dst[j]
		byText[e.dst.s[d.start:d.digitsEnd]] = append(byText[e.dst.s[d.start:d.digitsEnd]], j)
		for _, v := range d.vals[:d.n] {
			byVal[v] = append(byVal[v], j)
		}
	}
	// first returns the first index of list not yet used and that matches,
	// dropping used ones from the front.
	first := func(list []int, i int) ([]int, int) {
		for len(list) > 0 && p.dstUsed[list[0]] >= 0 {
			list = list[1:]
		}
		for _, j := range list {
			if p.dstUsed[j] < 0 && numbersMatch(e, &src[i], &dst[j]) {
				return list, j
			}
		}
		return list, -1
	}
	for i := range src {
		s := &src[i]
		best := -1
		consider := func(j int) {
			if j >= 0 && (best < 0 || j < best) {
				best = j
			}
		}
		text := e.src.s[s.start:s.digitsEnd]
		var j int
		byText[text], j = first(byText[text], i)
		consider(j)
		for _, v := range s.vals[:s.n] {
			byVal[v], j = first(byVal[v], i)
			consider(j)
		}
		if best >= 0 {
			p.srcUsed[i] = true
			p.dstUsed[best] = i
		}
	}
}

// numbersMatch reports whether a translation's number renders a source
// number.
func numbersMatch(e *entry, s, d *numTok) bool {
	if s.verbatim || d.verbatim {
		return e.src.s[s.start:s.digitsEnd] == e.dst.s[d.start:d.digitsEnd]
	}
	for _, v := range s.vals[:s.n] {
		if d.has(v) {
			return true
		}
	}
	return false
}

// wordIndex holds the numbers one side writes in words, to match the
// other side's numbers against. Each is used once.
type wordIndex struct {
	toks []numTok
	// byVal lists the numbers by value, made on first use: looking
	// through all of them for every number was O(n·m) on a text of
	// numbers in words against one of digits.
	byVal map[decimal][]int
	// steps counts what take looked at, for the tests.
	steps int
}

func (w *wordIndex) reset(toks []numTok) {
	w.toks, w.byVal, w.steps = toks, nil, 0
}

// take matches t against the first unused number in words that has one
// of its values, and uses that up.
func (w *wordIndex) take(t *numTok) bool {
	if t.verbatim || len(w.toks) == 0 {
		return false
	}
	if w.byVal == nil {
		w.byVal = map[decimal][]int{}
		for k := range w.toks {
			for _, v := range w.toks[k].vals[:w.toks[k].n] {
				w.byVal[v] = append(w.byVal[v], k)
			}
		}
		w.steps += len(w.toks)
	}
	best := -1
	for _, v := range t.vals[:t.n] {
		list := w.byVal[v]
		w.steps++
		for len(list) > 0 && w.toks[list[0]].n == 0 {
			list = list[1:]
			w.steps++
		}
		w.byVal[v] = list
		if len(list) > 0 && (best < 0 || list[0] < best) {
			best = list[0]
		}
	}
	if best < 0 {
		return false
	}
	w.toks[best].n = 0
	return true
}

// splitJoined replaces the joined numbers of the translation that matched
// nothing by their parts.
func (s *numScanner) splitJoined(e *entry, used []int) {
	var out []numTok
	for j, t := range s.toks {
		if !t.joined || used[j] >= 0 {
			out = append(out, t)
			continue
		}
		var part numScanner
		part.scanText(e.dst.s, t.start, t.digitsEnd, e.lang, e.convs, false)
		out = append(out, part.toks...)
	}
	s.toks = out
}

// billionHint explains the commonest number mistake from English into
// Spanish: a billion is mil millones, and un billón is a million million.
func billionHint(missing, extra []string, e *entry) string {
	if e.lang.base != "es" {
		return ""
	}
	has := func(list []string, word string) bool {
		for _, s := range list {
			if strings.Contains(strings.ToLower(s), word) {
				return true
			}
		}
		return false
	}
	if has(missing, "billion") && has(extra, "bill") {
		return "an English billion is mil millones (or un millardo); un billón is a million million"
	}
	return ""
}

// quoteList writes items as “a”, “b” and “c”, the first maxListed of
// them.
func quoteList(items []string) string {
	shown, more := listed(items)
	q := make([]string, len(shown))
	for i, s := range shown {
		q[i] = "“" + shorten(s) + "”"
	}
	if more != "" {
		return strings.Join(q, ", ") + more
	}
	switch len(q) {
	case 1:
		return q[0]
	case 2:
		return q[0] + " and " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func resetBools(b []bool, n int) []bool {
	b = b[:0]
	for range n {
		b = append(b, false)
	}
	return b
}

func resetInts(b []int, n int) []int {
	b = b[:0]
	for range n {
		b = append(b, -1)
	}
	return b
}
