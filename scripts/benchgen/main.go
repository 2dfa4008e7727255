// Command benchgen makes the corpora that scripts/bench.sh times bitext and
// the tools people use today on: a Markdown article of about N units, an
// edited version of it, and a fully translated project around the original.
//
//	go run ./scripts/benchgen -n 20000 -out bench/20000
//
// writes
//
//	bench/20000/base/                  a project: bitext.yaml, source/article.md,
//	                                   glossary/es.yaml (a copy of -glossary),
//	                                   locales/article.en.toml and a complete
//	                                   locales/article.es.toml
//	bench/20000/article.edited.md      the article with about 5 % of its
//	                                   paragraphs edited and 1 % inserted
//
// With -mixed the article is shaped as documentation: fenced code blocks
// and tables among the paragraphs, N still the number of units.
//
// and, with -fill-po FILE, fills every empty msgstr of a PO file (as
// po4a-updatepo makes it) with the same pseudo-translation, so the PO side
// of the benchmark starts from a fully translated file too.
//
// The text is made of English words from a fixed list; the "translation"
// maps each word to a Spanish one and keeps numbers, links, note
// references and markup, so that it is the shape of a real translation.
// Everything is seeded: the same N gives the same bytes.
package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hopeborder/bitext/workflow/files"
	"github.com/hopeborder/bitext/workflow/project"
)

func main() {
	n := flag.Int("n", 2000, "number of translation units")
	out := flag.String("out", "", "output folder")
	fillPO := flag.String("fill-po", "", "fill the empty msgstr entries of this PO file and exit")
	glossary := flag.String("glossary", "glossary/es.yaml", "a glossary to copy into the project, so that check runs its terms and typography checks with it (none if the file does not exist)")
	seed := flag.Uint64("seed", 0, "seed of the text (default: N); the same seed gives the same paragraphs, so an article of N units with the seed of a larger one is that one's beginning")
	mixed := flag.Bool("mixed", false, "make the article as documentation is: a fenced code block after every 5th paragraph and a table of 3 columns and 4 rows (12 cell units) after every 20th, fewer paragraphs so that N stays the number of units")
	flag.Parse()
	var err error
	switch {
	case *fillPO != "":
		err = fillPOFile(*fillPO)
	case *out != "":
		err = generate(*n, cmp.Or(*seed, uint64(*n)), *out, *glossary, *mixed)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
}

// words pairs English words with the Spanish ones the pseudo-translation
// uses.
var words = [][2]string{
	{"the", "el"}, {"migrants", "migrantes"}, {"border", "frontera"}, {"rights", "derechos"}, {"government", "gobierno"},
	{"report", "informe"}, {"asylum", "asilo"}, {"security", "seguridad"}, {"agreement", "acuerdo"}, {"country", "país"},
	{"policy", "política"}, {"human", "humanos"}, {"commission", "comisión"}, {"victims", "víctimas"}, {"state", "estado"},
	{"federal", "federal"}, {"local", "local"}, {"authorities", "autoridades"}, {"documented", "documentó"}, {"cases", "casos"},
	{"between", "entre"}, {"during", "durante"}, {"after", "después"}, {"before", "antes"}, {"with", "con"},
	{"without", "sin"}, {"through", "mediante"}, {"against", "contra"}, {"which", "que"}, {"and", "y"},
	{"or", "o"}, {"of", "de"}, {"in", "en"}, {"to", "a"}, {"for", "para"}, {"by", "por"}, {"on", "sobre"},
	{"is", "es"}, {"are", "son"}, {"has", "ha"}, {"have", "han"}, {"been", "sido"}, {"was", "fue"}, {"were", "fueron"},
	{"new", "nuevo"}, {"large", "grande"}, {"serious", "grave"}, {"official", "oficial"}, {"joint", "conjunto"},
	{"increasing", "creciente"}, {"regional", "regional"}, {"national", "nacional"}, {"international", "internacional"},
	{"program", "programa"}, {"funding", "financiamiento"}, {"detention", "detención"}, {"center", "centro"},
	{"officials", "funcionarios"}, {"data", "datos"}, {"court", "tribunal"}, {"law", "ley"}, {"families", "familias"},
	{"children", "niños"}, {"women", "mujeres"}, {"workers", "trabajadores"}, {"community", "comunidad"},
	{"violence", "violencia"}, {"crime", "delito"}, {"evidence", "pruebas"}, {"investigation", "investigación"},
	{"measures", "medidas"}, {"protection", "protección"}, {"access", "acceso"}, {"process", "proceso"},
	{"hearing", "audiencia"}, {"judge", "juez"}, {"record", "registro"}, {"year", "año"}, {"month", "mes"},
	{"city", "ciudad"}, {"region", "región"}, {"southern", "del sur"}, {"northern", "del norte"}, {"crossing", "cruce"},
	{"enforcement", "aplicación"}, {"training", "capacitación"}, {"equipment", "equipo"}, {"contract", "contrato"},
	{"company", "empresa"}, {"technology", "tecnología"}, {"fingerprints", "huellas"}, {"towers", "torres"},
	{"bases", "bases"}, {"models", "modelos"}, {"concern", "preocupación"}, {"monitors", "observadores"},
	{"journalists", "periodistas"}, {"defenders", "defensores"}, {"outcome", "resultado"}, {"elections", "elecciones"},
	{"candidate", "candidato"}, {"campaign", "campaña"}, {"debate", "debate"}, {"consulates", "consulados"},
	{"efforts", "esfuerzos"}, {"cooperation", "cooperación"}, {"pattern", "patrón"}, {"trend", "tendencia"},
	{"abuses", "abusos"}, {"disappearances", "desapariciones"}, {"massacre", "masacre"}, {"graves", "fosas"},
}

// pseudo maps each English word of text to its Spanish pair and keeps
// everything else (numbers, links, note references, punctuation).
func pseudo(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		if text[i] == '(' && strings.HasPrefix(text[i:], "(https://") && strings.IndexByte(text[i:], ')') > 0 {
			end := strings.IndexByte(text[i:], ')')
			b.WriteString(text[i : i+end+1])
			i += end + 1
			continue
		}
		if strings.HasPrefix(text[i:], "https://") {
			end := strings.IndexAny(text[i:], " )")
			if end < 0 {
				end = len(text) - i
			}
			b.WriteString(text[i : i+end])
			i += end
			continue
		}
		if text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z' {
			j := i
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			w := text[i:j]
			b.WriteString(translateWord(w))
			i = j
			continue
		}
		// Spanish sets a no-break space between a number and %, as
		// bitext's typography check asks of a finished translation.
		if text[i] == '%' && i > 0 && text[i-1] >= '0' && text[i-1] <= '9' {
			b.WriteString("\u00a0")
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String()
}

var dict = func() map[string]string {
	m := map[string]string{}
	for _, p := range words {
		m[p[0]] = p[1]
	}
	return m
}()

func translateWord(w string) string {
	lower := strings.ToLower(w)
	es, ok := dict[lower]
	if !ok {
		return w
	}
	if w != lower {
		return strings.ToUpper(es[:1]) + es[1:]
	}
	return es
}

// article writes the Markdown article: a title, a date, then sections of
// paragraphs with numbers, links, emphasis and note references, and the
// notes at the end. It returns the source and its paragraphs' line spans
// for editing.
type article struct {
	r     *rand.Rand
	notes []string
	next  int // next note label
}

// names are rarer words, as names of places, people and institutions are:
// drawn with a skewed distribution so that a few are common and most are
// rare, as in real text. The pseudo-translation keeps them.
var names = func() []string {
	syll := []string{"ta", "pa", "chu", "la", "mi", "co", "re", "no", "sa", "ve", "dra", "gu", "lo", "ti", "zan", "bel", "mor", "qui", "cas", "ne"}
	r := rand.New(rand.NewPCG(7, 11))
	out := make([]string, 4000)
	for i := range out {
		w := ""
		for k := 0; k < 2+r.IntN(3); k++ {
			w += syll[r.IntN(len(syll))]
		}
		out[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return out
}()

func (a *article) sentence() string {
	n := 8 + a.r.IntN(14)
	var parts []string
	for i := 0; i < n; i++ {
		w := words[a.r.IntN(len(words))][0]
		if a.r.IntN(5) == 0 {
			u := a.r.Float64()
			w = names[int(u*u*u*float64(len(names)))]
		}
		switch x := a.r.IntN(60); {
		case x == 0:
			w = strconv.Itoa(1990 + a.r.IntN(35))
		case x == 1:
			w = fmt.Sprintf("%d,%03d", 1+a.r.IntN(99), a.r.IntN(1000))
		case x == 2:
			w = fmt.Sprintf("%d.%d%%", a.r.IntN(100), a.r.IntN(10))
		case x == 3:
			w = "*" + w + "*"
		case x == 4:
			w = fmt.Sprintf("[%s](https://example.org/%d)", w, a.r.IntN(100000))
		}
		parts = append(parts, w)
	}
	s := strings.Join(parts, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (a *article) paragraph() string {
	var b strings.Builder
	n := 2 + a.r.IntN(4)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(a.sentence())
	}
	if a.r.IntN(8) == 0 {
		a.next++
		label := strconv.Itoa(a.next)
		a.notes = append(a.notes, fmt.Sprintf("[^%s]: Cited in https://example.org/report/%d; see also %s", label, a.next, a.sentence()))
		s := b.String()
		return s[:len(s)-1] + "[^" + label + "]."
	}
	return b.String()
}

// wrap folds a paragraph at about 72 columns, as authors write Markdown.
func wrap(p string) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(p) {
		if i > 0 {
			if col+1+len(w) > 72 {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

func generate(n int, seed uint64, out, glossary string, mixed bool) error {
	a := &article{r: rand.New(rand.NewPCG(seed, 2018))}
	// Units: title, date, headings (one per 20 paragraphs), paragraphs and
	// notes (one per 8 paragraphs on average); with mixed, 12 table cells
	// per 20 paragraphs too.
	paras := max(1, (n-2)*160/(160+8+20))
	if mixed {
		paras = max(1, (n-2)*160/(160+8+20+96))
	}
	blocks := []string{"# Persecution of Migrants on Both Sides of the Border", "2018-05-23"}
	for i := 0; i < paras; i++ {
		if i%20 == 0 {
			blocks = append(blocks, fmt.Sprintf("## %s %s %s %d", strings.ToUpper(words[a.r.IntN(len(words))][0]), words[a.r.IntN(len(words))][0], words[a.r.IntN(len(words))][0], i/20+1))
		}
		blocks = append(blocks, wrap(a.paragraph()))
		if mixed && i%5 == 4 {
			blocks = append(blocks, fmt.Sprintf("```go\nfunc count%d(cases []Case) int {\n\treturn len(cases) * %d // %s\n}\n```", i, i, words[a.r.IntN(len(words))][0]))
		}
		if mixed && i%20 == 19 {
			var t strings.Builder
			t.WriteString("| Year | Cases | Source |\n| --- | ---: | --- |\n")
			for row := 0; row < 3; row++ {
				fmt.Fprintf(&t, "| %d | %d | %s %s |\n", 2000+a.r.IntN(25), a.r.IntN(100000), words[a.r.IntN(len(words))][0], words[a.r.IntN(len(words))][0])
			}
			blocks = append(blocks, strings.TrimSuffix(t.String(), "\n"))
		}
	}
	blocks = append(blocks, a.notes...)
	original := strings.Join(blocks, "\n\n") + "\n"

	// The edit: about 5 % of paragraphs get a few words changed, 1 % of
	// new paragraphs are inserted.
	e := &article{r: rand.New(rand.NewPCG(uint64(n), 2019)), next: 1 << 20}
	var edited []string
	for _, blk := range blocks {
		isPara := !strings.HasPrefix(blk, "#") && !strings.HasPrefix(blk, "[^") && !strings.HasPrefix(blk, "```") && !strings.HasPrefix(blk, "|") && blk != "2018-05-23"
		if isPara && e.r.IntN(100) == 0 {
			edited = append(edited, wrap(e.sentence()+" "+e.sentence()))
		}
		if isPara && e.r.IntN(20) == 0 {
			f := strings.Fields(blk)
			for k := 0; k < 3; k++ {
				j := e.r.IntN(len(f))
				if !strings.ContainsAny(f[j], "[]()*^") {
					f[j] = words[e.r.IntN(len(words))][0]
				}
			}
			blk = wrap(strings.Join(f, " "))
		}
		edited = append(edited, blk)
	}
	editedText := strings.Join(edited, "\n\n") + "\n"

	base := filepath.Join(out, "base")
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for path, data := range map[string]string{
		filepath.Join(base, "bitext.yaml"):          "sources: [source/*.md]\nsource_locale: en\nlocales: [es]\n",
		filepath.Join(base, "source", "article.md"): original,
		filepath.Join(out, "article.edited.md"):     editedText,
	} {
		if err := files.WriteFile(files.OS, path, []byte(data)); err != nil {
			return err
		}
	}
	if data, err := os.ReadFile(glossary); err == nil {
		if err := files.WriteFile(files.OS, filepath.Join(base, "glossary", filepath.Base(glossary)), data); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	// Translate every unit and let bitext write the message files.
	cfg := project.Default()
	cfg.Sources = []string{"source/*.md"}
	w, err := project.Load(project.Inputs{Root: os.DirFS(base)}, cfg)
	if err != nil {
		return err
	}
	units := 0
	for _, d := range w.Docs {
		units += len(d.Units)
		for _, l := range d.Locales {
			for i := range l.Entries {
				en := &l.Entries[i]
				en.Message.Other = pseudo(en.Unit.Text)
				en.Message.Hash = en.Hash
				en.State = project.Translated
			}
		}
	}
	writes, err := w.Update()
	if err != nil {
		return err
	}
	if err := files.Apply(context.Background(), files.OS, base, writes); err != nil {
		return err
	}
	fmt.Printf("%s: %d units\n", out, units)
	return nil
}

// fillPOFile fills each empty msgstr with the pseudo-translation of its
// msgid, rewriting the file in place.
func fillPOFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	var out []string
	var msgid strings.Builder
	inID := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "msgid "):
			msgid.Reset()
			inID = true
			s, _ := strconv.Unquote(strings.TrimPrefix(line, "msgid "))
			msgid.WriteString(s)
		case inID && strings.HasPrefix(line, `"`):
			s, _ := strconv.Unquote(line)
			msgid.WriteString(s)
		case strings.HasPrefix(line, "msgstr "):
			inID = false
			if line == `msgstr ""` && msgid.Len() > 0 {
				line = "msgstr " + strconv.Quote(pseudo(msgid.String()))
			}
		default:
			inID = false
		}
		out = append(out, line)
	}
	f.Close()
	if err := sc.Err(); err != nil {
		return err
	}
	return files.WriteFile(files.OS, path, []byte(strings.Join(out, "\n")+"\n"))
}
