package check_test

import (
	"fmt"
	"testing/fstest"

	"github.com/hopeborder/bitext/workflow/catalog"
	"github.com/hopeborder/bitext/workflow/check"
	"github.com/hopeborder/bitext/workflow/project"
)

func ExampleRun() {
	const english = "Between 60 and 80% of 2,000 women, in 2018."
	fsys := fstest.MapFS{
		"source/doc.md": {Data: []byte("# Title\n\n" + english + "\n")},
		"locales/doc.es.toml": {Data: []byte(`[title]
description = "title"
hash = "` + catalog.Hash("title", "Title") + `"
other = "Título"

[p-between-60-and-80-of]
description = "paragraph"
hash = "` + catalog.Hash("paragraph", english) + `"
other = "Entre 60 y 90\u00a0% de 2.000 mujeres, en 2018."
`)},
	}
	w, err := project.Load(project.Inputs{Root: fsys}, project.Default())
	if err != nil {
		panic(err)
	}
	r, err := check.Run(w, check.Config{})
	if err != nil {
		panic(err)
	}
	for _, f := range r.Findings {
		fmt.Println(f)
	}
	fmt.Println("passed:", r.Passed())
	// Output:
	// locales/doc.es.toml:9: error [numbers] p-between-60-and-80-of: the English has “80” where the translation has “90”; the values must match (separators may follow the locale)
	// passed: false
}
