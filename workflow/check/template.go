package check

import (
	"fmt"
	"strings"
	"text/template"
)

// checkTemplate reports what go-i18n would make of "{{" in a translation:
// go-i18n parses any message holding "{{" as a Go text/template, so one
// that does not parse fails to render, and actions the English does not
// have would run when it does (translation text is untrusted).
func checkTemplate(e *entry) string {
	if !strings.Contains(e.dst.s, "{{") {
		return ""
	}
	if _, err := template.New("").Parse(e.dst.s); err != nil {
		// "template: :1: unclosed action" → "unclosed action".
		msg := strings.TrimPrefix(err.Error(), "template: ")
		if strings.HasPrefix(msg, ":") {
			if i := strings.Index(msg[1:], ": "); i >= 0 {
				msg = msg[1+i+2:]
			}
		}
		return fmt.Sprintf("go-i18n would read this as a broken template (%s): write the braces some other way, or close the {{ with }}", msg)
	}
	dst := actions(e.dst.s)
	_, added := unmatched(actions(e.src.s), dst)
	var extra []string
	for _, j := range added {
		extra = append(extra, dst[j])
	}
	if len(extra) > 0 {
		return fmt.Sprintf("template action %s is not in the English: go-i18n would run it; remove it", joinListed(extra, " "))
	}
	return ""
}

// actions returns the {{…}} of s.
func actions(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			return out
		}
		out = append(out, s[i:i+j+2])
		s = s[i+j+2:]
	}
}
