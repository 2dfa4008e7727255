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
		return placeholders(e, nil)
	}
	// An English that is no template either (a Hugo shortcode, "{{< x >}}")
	// is not read as one by the project: the translation need only keep
	// its tags.
	if _, err := template.New("").Parse(e.dst.s); err != nil && !brokenTemplate(e.src.s) {
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
	var msgs []string
	if len(extra) > 0 {
		msgs = append(msgs, fmt.Sprintf("template action %s is not in the English: go-i18n would run it; remove it", joinListed(extra, " ")))
	}
	return placeholders(e, msgs)
}

// placeholders adds to msgs the template tags of a static site generator
// ({{< x >}}, {% x %}…, which every edition writes as they are) that the
// translation does not have exactly as the English has them, or has and
// the English has not ({{…}} ones are told above, as go-i18n actions).
func placeholders(e *entry, msgs []string) string {
	s, d := &e.src, &e.dst
	if len(d.placeholders) > 0 || len(s.placeholders) > 0 {
		missing, added := unmatched(s.placeholders, d.placeholders)
		var lost, extra []string
		for _, i := range missing {
			lost = append(lost, s.placeholders[i])
		}
		for _, j := range added {
			if p := d.placeholders[j]; !strings.HasPrefix(p, "{{") || strings.HasPrefix(p, "{{<") || strings.HasPrefix(p, "{{%") {
				extra = append(extra, p)
			}
		}
		if len(lost) > 0 {
			msgs = append(msgs, fmt.Sprintf("template tag %s of the English %s missing or changed: copy it exactly as written", shorten(joinListed(lost, " ")), isAre(len(lost))))
		}
		if len(extra) > 0 {
			msgs = append(msgs, fmt.Sprintf("template tag %s %s not in the English", shorten(joinListed(extra, " ")), isAre(len(extra))))
		}
	}
	return strings.Join(msgs, "; ")
}

// brokenTemplate reports whether s holds "{{" and does not parse as a
// Go template.
func brokenTemplate(s string) bool {
	if !strings.Contains(s, "{{") {
		return false
	}
	_, err := template.New("").Parse(s)
	return err != nil
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
