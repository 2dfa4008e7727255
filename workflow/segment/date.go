package segment

import (
	"strings"
	"time"
)

// dateLayouts are the ways a source may write its publication date. US
// month-first layouts come before day-first ones: the shipped sources are
// American ("05-23-2018").
var dateLayouts = []string{
	"2006-01-02",
	"01-02-2006",
	"1-2-2006",
	"01/02/2006",
	"1/2/2006",
	"02-01-2006",
	"02/01/2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
}

// ParseDate reads s as a publication date and returns it as an ISO 8601
// date (2018-05-23).
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 20 {
		return "", false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}
