// Command bitext segments articles into translation units, keeps their
// translations in go-i18n message files, checks them, and renders
// parallel-language editions. Run "bitext help" for the commands.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
