package check

import (
	"fmt"
	"html"
	"strings"
)

// allowedSchemes are the link schemes a translation may use. Translation
// text is untrusted: a javascript: or data: link would run in a reader's
// browser.
var allowedSchemes = []string{"http", "https", "mailto"}

// checkLinks reports link destinations of the English that the
// translation lacks or changes, ones it adds, and links whose scheme is
// not http, https or mailto. Links are what the editions link: Markdown
// links, images, autolinks, and the bare URLs and e-mail addresses GFM
// makes links (also glued to a word by _, *, ~ or "(": "nota_https://…").
func checkLinks(e *entry) string {
	if len(e.src.urls) == 0 && len(e.dst.urls) == 0 {
		return ""
	}
	var msgs []string
	srcURLs, dstURLs := e.src.urls, e.dst.urls
	onlySrc, onlyDst := unmatched(srcURLs, dstURLs)
	bad := 0
	for _, j := range onlyDst {
		u := dstURLs[j]
		if scheme := linkScheme(u); scheme != "" && !isAllowedScheme(scheme) {
			if bad++; bad <= maxListed {
				msgs = append(msgs, fmt.Sprintf("link %q uses the %s scheme: links may only be http, https or mailto", shorten(u), scheme))
			}
		}
	}
	if bad > maxListed {
		msgs = append(msgs, fmt.Sprintf("and %d more links of other schemes", bad-maxListed))
	}
	var missing, extra []string
	var lastMissing, lastExtra string
	for _, i := range onlySrc {
		missing = append(missing, shorten(srcURLs[i]))
		lastMissing = srcURLs[i]
	}
	for _, j := range onlyDst {
		extra = append(extra, shorten(dstURLs[j]))
		lastExtra = dstURLs[j]
	}
	if len(missing) == 1 && len(extra) == 1 {
		a, b := around(lastMissing, lastExtra)
		msgs = append(msgs, fmt.Sprintf("URL changed: the English has %s where the translation has %s; copy URLs unchanged", a, b))
		return strings.Join(msgs, "; ")
	}
	if len(missing) > 0 {
		msgs = append(msgs, fmt.Sprintf("URL %s of the English %s missing or changed: copy URLs unchanged", joinListed(missing, " "), isAre(len(missing))))
	}
	if len(extra) > 0 {
		msgs = append(msgs, fmt.Sprintf("URL %s %s not in the English", joinListed(extra, " "), isAre(len(extra))))
	}
	return strings.Join(msgs, "; ")
}

// linkScheme returns the lower-cased scheme of a link destination, or ""
// for a relative link, read as a browser would: entities and escapes
// decoded, tabs and line breaks dropped.
func linkScheme(dest string) string {
	if strings.ContainsAny(dest, "&\\\t\n\r") {
		dest = html.UnescapeString(dest)
		dest = strings.Map(func(r rune) rune {
			if r == '\\' || r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, dest)
	}
	dest = strings.TrimLeft(dest, " \x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f")
	i := strings.IndexByte(dest, ':')
	if i <= 0 {
		return ""
	}
	for k := 0; k < i; k++ {
		c := dest[k]
		if !(isAlpha(c) || k > 0 && (isDigit(c) || c == '+' || c == '-' || c == '.')) {
			return ""
		}
	}
	return strings.ToLower(dest[:i])
}

func isAllowedScheme(s string) bool {
	for _, a := range allowedSchemes {
		if s == a {
			return true
		}
	}
	return false
}

// around shortens two URLs around where they first differ.
func around(a, b string) (string, string) {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	const ctx = 30
	cut := func(u string) string {
		start, end := max(0, p-ctx), min(len(u), p+ctx)
		for start > 0 && u[start]&0xC0 == 0x80 {
			start--
		}
		for end < len(u) && u[end]&0xC0 == 0x80 {
			end++
		}
		s := u[start:end]
		if start > 0 {
			s = "…" + s
		}
		if end < len(u) {
			s += "…"
		}
		return s
	}
	return cut(a), cut(b)
}

// shorten cuts a long URL in the middle, so that a message stays one
// readable line and still shows both ends.
func shorten(u string) string {
	const max = 80
	if len(u) <= max {
		return u
	}
	cut := max/2 - 1
	start := u[:cut]
	for len(start) > 0 && start[len(start)-1]&0xC0 == 0x80 {
		start = start[:len(start)-1]
	}
	end := u[len(u)-cut:]
	for len(end) > 0 && end[0]&0xC0 == 0x80 {
		end = end[1:]
	}
	return start + "…" + end
}
