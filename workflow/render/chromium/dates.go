package chromium

import (
	"regexp"
	"time"
)

// pdfDate matches the dates Chromium writes in a PDF's Info dictionary,
// as (D:20240102030405+00'00') or without the zone.
var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)`)

// fixDates replaces the dates in a PDF with t, keeping every byte offset:
// each replacement is as long as what it replaces, so the cross-reference
// table stays right.
func fixDates(pdf []byte, t time.Time) []byte {
	stamp := t.UTC().Format("20060102150405")
	return pdfDate.ReplaceAllFunc(pdf, func(m []byte) []byte {
		sub := pdfDate.FindSubmatchIndex(m)
		out := append([]byte(nil), m...)
		copy(out[sub[4]:sub[5]], stamp)
		zone := out[sub[6]:sub[7]]
		// +00'00' is as long as any zone Chromium writes.
		if len(zone) == len("+00'00'") {
			copy(zone, "+00'00'")
		} else if len(zone) == 1 {
			zone[0] = 'Z'
		}
		return out
	})
}
