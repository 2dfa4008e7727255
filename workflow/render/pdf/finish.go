package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/hopeborder/bitext/workflow/render/pdf/tagged"
)

// finish turns the PDF fpdf wrote into bitext's: tagged, with the
// structure tree t built while the pages were drawn, and compressed.
//
// fpdf has no way to tag a document: it writes no structure tree, no
// entries of its own choosing in the catalog or the page dictionaries,
// and its link annotations are direct objects, which a structure element
// cannot point at. The pages' content is bitext's, marked as it is drawn
// (tagged.Tree.Begin, written with fpdf's RawWriteStr); the rest is done
// here, on fpdf's output, in one pass that writes the file anew rather
// than as an incremental update, so that the file has one cross-reference
// table and no dead objects:
//
//   - the header says PDF 1.7, the version PDF/UA-1 is built on;
//   - each page dictionary gets the page's /StructParents, /Tabs /S and
//     its link annotations, which the tree writes as objects of their own
//     with a /StructParent;
//   - the catalog gets /MarkInfo, /StructTreeRoot and /ViewerPreferences
//     <</DisplayDocTitle true>>;
//   - the tree's objects are added after fpdf's;
//   - the uncompressed streams (page contents, as "<</Length N>>"
//     objects) are deflated. fpdf compresses each page with a new zlib
//     writer, which allocates and clears most of a megabyte: at a few
//     thousand pages that was a fifth of the time a long edition took.
//     One writer, reset for each stream, does the same work without it.
//
// The changes are made at places fpdf's output is known to have; where
// one is not as expected, finish fails rather than write a file that
// says what it is not.
func finish(in []byte, t *tagged.Tree) ([]byte, error) {
	m := startxref.FindSubmatch(in)
	if m == nil {
		return nil, fmt.Errorf("finish: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(in) || !bytes.HasPrefix(in[xref:], []byte("xref\n")) {
		return nil, fmt.Errorf("finish: startxref %d does not point at a cross-reference table", xref)
	}
	table := in[xref:]
	trailer := bytes.Index(table, []byte("trailer"))
	if trailer < 0 {
		return nil, fmt.Errorf("finish: no trailer")
	}
	lines := bytes.Split(table[:trailer], []byte("\n"))
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || len(lines) < 2+count {
		return nil, fmt.Errorf("finish: cross-reference table %q", lines[1])
	}
	type object struct{ num, off int }
	objs := make([]object, 0, count)
	starts := make([]int, count) // offset of each object in in
	for i := 1; i < count; i++ {
		e := lines[2+i]
		if len(e) < 18 || e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("finish: cross-reference entry %q", e)
		}
		objs = append(objs, object{i, off})
		starts[i] = off
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("finish: no objects")
	}
	slices.SortFunc(objs, func(a, b object) int { return a.off - b.off })
	ends := make([]int, count)
	for i, o := range objs {
		ends[o.num] = xref
		if i+1 < len(objs) {
			ends[o.num] = objs[i+1].off
		}
	}
	body := func(num int) []byte {
		if num <= 0 || num >= count || starts[num] == 0 {
			return nil
		}
		return in[starts[num]:ends[num]]
	}

	// The pages, from the page tree's root, which fpdf makes object 1.
	kids := kidsRe.FindSubmatch(body(1))
	if kids == nil {
		return nil, fmt.Errorf("finish: object 1 is not the page tree")
	}
	var pages []int
	for _, r := range objRefRe.FindAllSubmatch(kids[1], -1) {
		n, _ := strconv.Atoi(string(r[1]))
		pages = append(pages, n)
	}
	root := rootRe.FindSubmatch(table[trailer:])
	if root == nil {
		return nil, fmt.Errorf("finish: the trailer names no catalog")
	}
	catalog, _ := strconv.Atoi(string(root[1]))
	if !bytes.Contains(body(catalog), catalogKey) {
		return nil, fmt.Errorf("finish: object %d is not the catalog", catalog)
	}
	tags, err := t.Objects(count, pages)
	if err != nil {
		return nil, err
	}
	// What goes into which object, after the line that opens it.
	insert := make(map[int][]byte, len(pages)+1)
	for i, p := range pages {
		if !bytes.Contains(body(p), pageKey) {
			return nil, fmt.Errorf("finish: object %d is not a page", p)
		}
		insert[p] = []byte(tags.Pages[i] + "\n")
	}
	insert[catalog] = []byte(tags.Catalog + "\n/ViewerPreferences <</DisplayDocTitle true>>\n")

	var out bytes.Buffer
	out.Grow(len(in)/3 + 64*len(tags.Objects))
	head := in[:objs[0].off]
	if v := versionRe.FindIndex(head); v != nil {
		out.Write(head[:v[0]])
		out.WriteString("%PDF-1.7")
		out.Write(head[v[1]:])
	} else {
		return nil, fmt.Errorf("finish: no PDF header")
	}
	offsets := make([]int, count+len(tags.Objects))
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	for _, o := range objs {
		chunk := body(o.num)
		offsets[o.num] = out.Len()
		if add, ok := insert[o.num]; ok {
			key := pageKey
			if o.num == catalog {
				key = catalogKey
			}
			at := bytes.Index(chunk, key) + len(key)
			out.Write(chunk[:at])
			out.Write(add)
			out.Write(chunk[at:])
			continue
		}
		head := plainStream.FindSubmatchIndex(chunk)
		if head == nil {
			out.Write(chunk)
			continue
		}
		n, _ := strconv.Atoi(string(chunk[head[2]:head[3]]))
		start := head[1]
		if start+n > len(chunk) || !bytes.HasPrefix(chunk[start+n:], []byte("\nendstream")) {
			return nil, fmt.Errorf("finish: object %d: stream length %d is wrong", o.num, n)
		}
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(chunk[start : start+n]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		fmt.Fprintf(&out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, z.Len())
		out.Write(z.Bytes())
		out.Write(chunk[start+n:])
	}
	for i, obj := range tags.Objects {
		num := count + i
		offsets[num] = out.Len()
		out.WriteString(strconv.Itoa(num))
		out.WriteString(" 0 obj\n")
		out.Write(obj)
		out.WriteString("\nendobj\n")
	}
	size := count + len(tags.Objects)
	newXref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for i := 1; i < size; i++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offsets[i])
	}
	tr := table[trailer:]
	sx := bytes.LastIndex(tr, []byte("startxref"))
	s := sizeRe.FindIndex(tr[:sx])
	if s == nil {
		return nil, fmt.Errorf("finish: the trailer has no /Size")
	}
	out.Write(tr[:s[0]])
	fmt.Fprintf(&out, "/Size %d", size)
	out.Write(tr[s[1]:sx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

var (
	startxref   = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	plainStream = regexp.MustCompile(`^\d+ 0 obj\n<</Length (\d+)>>\nstream\n`)
	kidsRe      = regexp.MustCompile(`/Kids \[((?:\d+ 0 R ?)*)\]`)
	objRefRe    = regexp.MustCompile(`(\d+) 0 R`)
	rootRe      = regexp.MustCompile(`/Root (\d+) 0 R`)
	sizeRe      = regexp.MustCompile(`/Size \d+`)
	versionRe   = regexp.MustCompile(`^%PDF-1\.\d`)
	pageKey     = []byte("<</Type /Page\n")
	catalogKey  = []byte("/Type /Catalog\n")
)
