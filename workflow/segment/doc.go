// Package segment cuts source articles into translation units: title,
// date, epigraph and attribution, headings, paragraphs, quotes, list items
// and reference notes. Each unit has a kind, its text as inline Markdown
// (NFC, whitespace collapsed, note references as [^label]) and its line in
// the source. A Reader per source format does the cutting; Read picks one by
// file extension.
//
//	doc, err := segment.Read("source/article.txt", data)
//	for _, u := range doc.Units {
//		fmt.Println(doc.Pos(&u), u.Kind, u.Text)
//	}
//
// Units come out without IDs: package reconcile gives them IDs that survive
// edits of the source.
package segment
