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
// section and no dead objects:
//
//   - the header says PDF 1.7, the version PDF/UA-1 is built on;
//   - each page dictionary gets the page's /StructParents, /Tabs /S and
//     its link annotations, which the tree writes as objects of their own
//     with a /StructParent;
//   - the catalog gets /MarkInfo, /StructTreeRoot and /ViewerPreferences
//     <</DisplayDocTitle true>>;
//   - the tree's objects are added after fpdf's, in object streams:
//     uncompressed, the thousands of small dictionaries a tagged edition
//     has doubled its size. Objects in object streams need a
//     cross-reference stream (PDF 1.5) in place of fpdf's table;
//     fpdf's own objects stay as they were;
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
	// fpdf's objects, the structure's, the object streams holding them,
	// the cross-reference stream.
	size := count + len(tags.Objects) + (len(tags.Objects)+perObjStm-1)/perObjStm + 1
	offsets := make([]int, size)
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
	// The structure's objects, small dictionaries by the hundred, go
	// into object streams, deflated; which needs a cross-reference
	// stream in place of the table. fpdf's objects stay as they are.
	type slot struct{ stm, index int } // where a compressed object is
	packed := make([]slot, size)
	stm := count + len(tags.Objects)
	for from := 0; from < len(tags.Objects); from += perObjStm {
		objs := tags.Objects[from:min(from+perObjStm, len(tags.Objects))]
		var index, data bytes.Buffer
		for i, obj := range objs {
			num := count + from + i
			fmt.Fprintf(&index, "%d %d ", num, data.Len())
			data.Write(obj)
			data.WriteByte('\n')
			packed[num] = slot{stm, i}
		}
		index.WriteByte('\n')
		z.Reset()
		zw.Reset(&z)
		for _, b := range [][]byte{index.Bytes(), data.Bytes()} {
			if _, err := zw.Write(b); err != nil {
				return nil, err
			}
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		offsets[stm] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", stm, len(objs), index.Len(), z.Len())
		out.Write(z.Bytes())
		out.WriteString("\nendstream\nendobj\n")
		stm++
	}
	info := infoRe.FindSubmatch(table[trailer:])
	if info == nil || bytes.Contains(table[trailer:], []byte("/Encrypt")) {
		return nil, fmt.Errorf("finish: the trailer is not as fpdf writes it")
	}
	xrefNum := size - 1
	newXref := out.Len()
	offsets[xrefNum] = newXref
	rows := make([]byte, 0, 7*size)
	for i := range size {
		switch {
		case i == 0:
			rows = append(rows, 0, 0, 0, 0, 0, 0xff, 0xff)
		case packed[i].stm != 0:
			p := packed[i]
			rows = append(rows, 2, byte(p.stm>>24), byte(p.stm>>16), byte(p.stm>>8), byte(p.stm), byte(p.index>>8), byte(p.index))
		default:
			o := offsets[i]
			rows = append(rows, 1, byte(o>>24), byte(o>>16), byte(o>>8), byte(o), 0, 0)
		}
	}
	z.Reset()
	zw.Reset(&z)
	if _, err := zw.Write(rows); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	fmt.Fprintf(&out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %s 0 R /Filter /FlateDecode /Length %d>>\nstream\n", xrefNum, size, catalog, info[1], z.Len())
	out.Write(z.Bytes())
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

// perObjStm is how many objects an object stream holds at most, so that
// a reader can find one without inflating them all.
const perObjStm = 200

var (
	startxref   = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	plainStream = regexp.MustCompile(`^\d+ 0 obj\n<</Length (\d+)>>\nstream\n`)
	kidsRe      = regexp.MustCompile(`/Kids \[((?:\d+ 0 R ?)*)\]`)
	objRefRe    = regexp.MustCompile(`(\d+) 0 R`)
	rootRe      = regexp.MustCompile(`/Root (\d+) 0 R`)
	infoRe      = regexp.MustCompile(`/Info (\d+) 0 R`)
	versionRe   = regexp.MustCompile(`^%PDF-1\.\d`)
	pageKey     = []byte("<</Type /Page\n")
	catalogKey  = []byte("/Type /Catalog\n")
)
