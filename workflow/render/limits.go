package render

import "github.com/hopeborder/bitext/workflow/inline"

// The limits on the text of a unit read as Markdown, which every stage
// shares (see package inline): a unit past either is shown as written,
// its Markdown as text, with a warning.
const (
	// MaxMarkdownBytes is the longest text read as Markdown.
	MaxMarkdownBytes = inline.MaxMarkdownBytes
	// MaxMarkup is the most Markdown marks a text read as Markdown may hold.
	MaxMarkup = inline.MaxMarkup
)

// overLimits says why text is not read as Markdown, or returns "" when it
// may be.
func overLimits(text string) string { return inline.OverLimits(text) }
