package tagged_test

import (
	"fmt"

	"github.com/hopeborder/bitext/workflow/render/pdf/tagged"
)

// A one-page document in English with a Spanish paragraph: the
// operators around its text, then the objects to add to the file, from
// object 10 on, the page being object 3.
func Example() {
	t := tagged.New("en")
	art := t.Add(t.Root(), "Art")
	t.SetLang(art, "es")
	p := t.Add(art, "P")
	fmt.Println(t.Begin(1, p, ""))
	fmt.Println("BT 56.69 785.20 Td (Hola) Tj ET")
	fmt.Println(tagged.End)

	out, err := t.Objects(10, []int{3})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, o := range out.Objects {
		fmt.Printf("%d 0 obj %s\n", 10+i, o)
	}
	fmt.Println("catalog:", out.Catalog)
	fmt.Println("page:", out.Pages[0])
	// Output:
	// /P <</MCID 0>> BDC
	// BT 56.69 785.20 Td (Hola) Tj ET
	// EMC
	// 10 0 obj <</Type /StructElem /S /Document /P 14 0 R /Lang (en) /K [11 0 R]>>
	// 11 0 obj <</Type /StructElem /S /Art /P 10 0 R /Lang (es) /K [12 0 R]>>
	// 12 0 obj <</Type /StructElem /S /P /P 11 0 R /Pg 3 0 R /K [0]>>
	// 13 0 obj <</Nums [0 [12 0 R]]>>
	// 14 0 obj <</Type /StructTreeRoot /K 10 0 R /ParentTree 13 0 R /ParentTreeNextKey 1>>
	// catalog: /MarkInfo <</Marked true>> /StructTreeRoot 14 0 R
	// page: /StructParents 0 /Tabs /S
}
