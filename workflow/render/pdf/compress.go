package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// compressStreams deflates the uncompressed streams of a PDF fpdf wrote
// with compression off (page contents, as "<</Length N>>" objects) and
// writes the cross-reference table anew. fpdf compresses each page with a
// new zlib writer, which allocates and clears most of a megabyte: at a few
// thousand pages that was a fifth of the time a long edition took. One
// writer, reset for each stream, does the same work without it.
func compressStreams(in []byte) ([]byte, error) {
	m := startxref.FindSubmatch(in)
	if m == nil {
		return nil, fmt.Errorf("compress: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(in) || !bytes.HasPrefix(in[xref:], []byte("xref\n")) {
		return nil, fmt.Errorf("compress: startxref %d does not point at a cross-reference table", xref)
	}
	table := in[xref:]
	trailer := bytes.Index(table, []byte("trailer"))
	if trailer < 0 {
		return nil, fmt.Errorf("compress: no trailer")
	}
	lines := bytes.Split(table[:trailer], []byte("\n"))
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || len(lines) < 2+count {
		return nil, fmt.Errorf("compress: cross-reference table %q", lines[1])
	}
	type object struct{ num, off int }
	objs := make([]object, 0, count)
	for i := 1; i < count; i++ {
		e := lines[2+i]
		if len(e) < 18 || e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return nil, fmt.Errorf("compress: cross-reference entry %q", e)
		}
		objs = append(objs, object{i, off})
	}
	slices.SortFunc(objs, func(a, b object) int { return a.off - b.off })

	var out bytes.Buffer
	out.Grow(len(in) / 3)
	out.Write(in[:objs[0].off])
	offsets := make([]int, count)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	for i, o := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		chunk := in[o.off:end]
		offsets[o.num] = out.Len()
		head := plainStream.FindSubmatchIndex(chunk)
		if head == nil {
			out.Write(chunk)
			continue
		}
		n, _ := strconv.Atoi(string(chunk[head[2]:head[3]]))
		start := head[1]
		if start+n > len(chunk) || !bytes.HasPrefix(chunk[start+n:], []byte("\nendstream")) {
			return nil, fmt.Errorf("compress: object %d: stream length %d is wrong", o.num, n)
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
	newXref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", count)
	for i := 1; i < count; i++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offsets[i])
	}
	t := table[trailer:]
	sx := bytes.LastIndex(t, []byte("startxref"))
	out.Write(t[:sx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

var (
	startxref   = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	plainStream = regexp.MustCompile(`^\d+ 0 obj\n<</Length (\d+)>>\nstream\n`)
)
