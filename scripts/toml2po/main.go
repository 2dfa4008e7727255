// Command toml2po writes a locale file and its source-language file as one
// gettext PO file, so that scripts/bench-check.sh can time gettext's
// msgfmt and Translate Toolkit's pofilter on the same translations as
// bitext check:
//
//	go run ./scripts/toml2po locales/article.en.toml locales/article.es.toml > article.es.po
//
// Each entry becomes msgctxt (the unit ID), msgid (the English) and msgstr
// (the translation). Files may be TOML, JSON or YAML, as bitext reads them.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/hopeborder/bitext/workflow/catalog"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: toml2po SOURCE-FILE LOCALE-FILE > out.po")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "toml2po:", err)
		os.Exit(1)
	}
}

func read(p string) (*catalog.File, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return catalog.Parse(path.Clean(p), data)
}

func convert(srcPath, locPath string) error {
	src, err := read(srcPath)
	if err != nil {
		return err
	}
	loc, err := read(locPath)
	if err != nil {
		return err
	}
	translation := map[string]string{}
	for _, m := range loc.Messages {
		translation[m.ID] = m.Other
	}
	w := bufio.NewWriter(os.Stdout)
	// locales/doc.es.toml is in Spanish: the extension before the last.
	lang := strings.TrimPrefix(path.Ext(strings.TrimSuffix(locPath, path.Ext(locPath))), ".")
	fmt.Fprintf(w, "msgid \"\"\nmsgstr \"\"\n")
	for _, h := range []string{"Project-Id-Version: " + path.Base(srcPath), "PO-Revision-Date: 2018-05-23 00:00+0000",
		"Last-Translator: bitext", "Language-Team: " + lang, "Language: " + lang, "MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit"} {
		fmt.Fprintf(w, "%s\n", quote(h+"\n"))
	}
	w.WriteString("\n")
	for _, m := range src.Messages {
		fmt.Fprintf(w, "#: %s:%d\nmsgctxt %s\nmsgid %s\nmsgstr %s\n\n", srcPath, m.Line, quote(m.ID), quote(m.Other), quote(translation[m.ID]))
	}
	return w.Flush()
}

// quote writes s as a PO string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s) + `"`
}
