// Command gencldr writes workflow/locale/cldr_dates.go, the long date
// formats of every CLDR locale's Gregorian calendar: the "long" date
// pattern and the wide month names, both as used in a date (format
// context) and on their own (stand-alone), with CLDR's inheritance
// resolved (es_MX from es_419 from es, and root). x/text has CLDR's
// number systems but no date formats; these tables are generated from
// CLDR's own XML, never transcribed.
//
//	apt-get install unicode-cldr-core    # CLDR's XML, /usr/share/unicode/cldr
//	go generate ./workflow/locale
//
// The tests regenerate the tables from the same data and compare (see
// TestTablesAreCLDR), and check the dates against Babel's formatter of
// CLDR data.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hopeborder/bitext/workflow/locale/internal/cldrdates"
)

func main() {
	dir := flag.String("cldr", "/usr/share/unicode/cldr", "the CLDR folder (with common/main)")
	out := flag.String("o", "cldr_dates.go", "the file to write")
	flag.Parse()
	t, err := cldrdates.Read(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencldr:", err)
		os.Exit(1)
	}
	src, err := t.Generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencldr:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencldr:", err)
		os.Exit(1)
	}
}
