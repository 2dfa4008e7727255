package check

import "testing"

func TestPunctuation(t *testing.T) {
	runTable(t, checkPunctuation, []checkCase{
		{name: "an image, no exclamation", src: "See ![a map](/m.png).", dst: "Vea ![un mapa](/m.png)."},
		{name: "an exclamation before an image", src: "Look! ![a map](/m.png)", dst: "Mire! ![un mapa](/m.png)", want: "! in"},
		{name: "question", src: "How are you today?", dst: "¿Cómo está hoy?"},
		{name: "question inside the sentence", src: "Paul, where are you going?", dst: "Pablo, ¿adónde vas?"},
		{name: "mirrored nesting", src: "What did you see?!", dst: "¡¿Qué viste?!"},
		{name: "several sentences", src: "Hello Ms. Ledesma! How are you today? I hope well.", dst: "¡Hola Srta. Ledesma! ¿Cómo está hoy? Espero que muy bien."},
		{name: "question then comma", src: "“Are you coming?”, she asked.", dst: "«¿Vienes?», preguntó."},
		{name: "question then ellipsis", src: "And if he does not come?...", dst: "¿Y si no llega?..."},
		{name: "question mark in a URL", src: "see https://x.org/a?b=1", dst: "véase https://x.org/a?b=1"},
		{name: "abbreviation inside a question", src: "Did you see Mr. García?", dst: "¿Vio usted al Sr. García?"},
		{name: "English is not checked", src: "Where?", dst: "Where?", locale: "en"},
		{name: "no opening mark", src: "Paul, where are you going?", dst: "Pablo, adónde vas?", want: "? in “Pablo, adónde vas?” has no ¿"},
		{name: "no opening exclamation", src: "Hello!", dst: "Hola!", want: "! in “Hola!” has no ¡"},
		{name: "not mirrored", src: "What did you see?!", dst: "¿¡Qué viste?!", want: "mirror order"},
		{name: "opened in another sentence", src: "How are you today. I hope well?", dst: "¿Cómo está hoy. Espero que bien?", want: "¿ in “¿Cómo está hoy.” is not closed by ?"},
		{name: "period after the question mark", src: "Are you coming?", dst: "¿Vienes?.", want: "a period follows ?"},
		{name: "mixed marks", src: "What!", dst: "¿Qué!", want: "! closes the ¿"},
	})
}
