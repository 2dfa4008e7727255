package inline

import "strconv"

// Limits on the text of a unit that bitext reads as Markdown.
// Translations are untrusted, and a pull request must not stall CI:
// goldmark allocates some 500 bytes per delimiter or bracket, and in
// places rescans the rest of the paragraph at each of them (a thousand
// "[a](" take it as long as a million letters; goldmark issue #555 on
// emphasis), so a unit past either limit is read as text by every stage:
// the renderers show it as written, with a warning, and the checks say
// so. No real unit comes near: the longest of the shipped article has
// 1,266 bytes and 8 marks.
const (
	// MaxMarkdownBytes is the longest text read as Markdown.
	MaxMarkdownBytes = 64 << 10
	// MaxMarkup is the most marks (see isMark) a text read as Markdown
	// may hold.
	MaxMarkup = 1024
)

// isMark marks the bytes that open, close or escape Markdown inlines, or
// make goldmark look for a link: what its cost grows with.
var isMark = func() (t [256]bool) {
	for _, c := range []byte("*_`[]<>!&\\~@{") {
		t[c] = true
	}
	return t
}()

// OverLimits says why text is not read as Markdown, or returns "" when it
// may be. Text with no markup at all needs no reading, whatever its
// length.
func OverLimits(text string) string {
	if plainOnly(text) {
		return ""
	}
	if len(text) > MaxMarkdownBytes {
		return "the text is " + thousands(len(text)) + " bytes, more than the " + thousands(MaxMarkdownBytes) +
			" bitext reads as Markdown in one unit; it is shown as written, its Markdown as text"
	}
	n := 0
	for i := 0; i < len(text); i++ {
		if isMark[text[i]] {
			n++
		}
	}
	if n > MaxMarkup {
		return "the text has " + thousands(n) + " Markdown marks (* _ ` [ ] < > ! & \\ ~ @ {), more than the " + thousands(MaxMarkup) +
			" bitext reads in one unit; it is shown as written, its Markdown as text"
	}
	return ""
}

// thousands writes n with commas: 1,048,576.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
