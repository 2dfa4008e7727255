package check

import "testing"

func TestTemplate(t *testing.T) {
	runTable(t, checkTemplate, []checkCase{
		{name: "no braces", src: "a b", dst: "a b"},
		{name: "single braces", src: "{a}", dst: "{a}"},
		{name: "closing braces alone", src: "a}} b", dst: "a}} b"},
		{name: "action of the English kept", src: "Hello {{.Name}}", dst: "Hola {{.Name}}"},
		{name: "unclosed", src: "a b", dst: "a {{ b", want: "broken template"},
		{name: "unknown function", src: "a b", dst: "a {{b}}", want: `function "b" not defined`},
		{name: "added action", src: "Hello", dst: "Hola {{.Secret}}", want: "template action {{.Secret}} is not in the English"},
		{name: "added call", src: "Hello", dst: `Hola {{printf "%s" .}}`, want: "go-i18n would run it"},
		{name: "placeholder kept", src: `see {{< figure src="a.png" >}}`, dst: `véase {{< figure src="a.png" >}}`},
		{name: "placeholder changed", src: `see {{< figure src="a.png" >}}`, dst: `véase {{< figura src="a.png" >}}`, want: "template tag {{< figure src=\"a.png\" >}} of the English is missing or changed"},
		{name: "placeholder added", src: "by the editors", dst: "por {% include autor.html %}", want: "template tag {% include autor.html %} is not in the English"},
		{name: "placeholder broken", src: "by {{ .Author }}", dst: "por {{ .Author }", want: "broken template"},
	})
}
