package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// pdfDoc is a PDF read back for the tests: enough of the format to check
// that a file is well formed (every object where the cross-reference table
// says, every stream inflating) and to get its text per page, its links
// and outline, independently of fpdf.
type pdfDoc struct {
	data []byte
	objs map[int][]byte // object number → what lies between "obj" and "endobj"
	root int
	info int
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	refRe       = regexp.MustCompile(`(\d+) 0 R`)
)

// readPDF parses data, checking its structure: a cross-reference table
// or stream, objects in object streams.
func readPDF(data []byte) (*pdfDoc, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		return nil, fmt.Errorf("no %%PDF header")
	}
	m := startxrefRe.FindSubmatch(data)
	if m == nil {
		return nil, fmt.Errorf("no startxref at the end")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off >= len(data) {
		return nil, fmt.Errorf("startxref %d is past the end", off)
	}
	d := &pdfDoc{data: data, objs: map[int][]byte{}}
	// at reads the object at offset o, which must be num.
	at := func(num, o int) error {
		head := fmt.Sprintf("%d 0 obj", num)
		if o <= 0 || o >= len(data) || !bytes.HasPrefix(data[o:], []byte(head)) {
			return fmt.Errorf("object %d is not at offset %d", num, o)
		}
		end := bytes.Index(data[o:], []byte("endobj"))
		if end < 0 {
			return fmt.Errorf("object %d has no endobj", num)
		}
		d.objs[num] = data[o+len(head) : o+end]
		return nil
	}
	var trailer string
	if bytes.HasPrefix(data[off:], []byte("xref\n")) {
		lines := strings.Split(string(data[off:]), "\n")
		var first, count int
		if _, err := fmt.Sscanf(lines[1], "%d %d", &first, &count); err != nil {
			return nil, fmt.Errorf("xref subsection header %q: %v", lines[1], err)
		}
		for i := 1; i < count; i++ {
			e := lines[2+i]
			if !strings.HasSuffix(strings.TrimSpace(e), "n") {
				continue
			}
			o, err := strconv.Atoi(e[:10])
			if err != nil {
				return nil, fmt.Errorf("xref entry %q", e)
			}
			if err := at(first+i, o); err != nil {
				return nil, err
			}
		}
		trailer = string(data[off:])
	} else {
		// A cross-reference stream: /W [1 4 2], every object from 0.
		h := regexp.MustCompile(`^(\d+) 0 obj`).FindSubmatch(data[off:])
		if h == nil {
			return nil, fmt.Errorf("startxref %d points at neither a table nor a stream", off)
		}
		num, _ := strconv.Atoi(string(h[1]))
		if err := at(num, off); err != nil {
			return nil, err
		}
		body := d.objs[num]
		if !bytes.Contains(body, []byte("/Type /XRef")) || !bytes.Contains(body, []byte("/W [1 4 2]")) {
			return nil, fmt.Errorf("object %d is no cross-reference stream as bitext writes them", num)
		}
		rows, err := d.stream(body)
		if err != nil {
			return nil, fmt.Errorf("cross-reference stream: %v", err)
		}
		sm := regexp.MustCompile(`/Size (\d+)`).FindSubmatch(body)
		size, _ := strconv.Atoi(string(sm[1]))
		if len(rows) != 7*size {
			return nil, fmt.Errorf("cross-reference stream of %d bytes for /Size %d", len(rows), size)
		}
		type slot struct{ stm, index int }
		var packed = map[int]slot{}
		for i := 1; i < size; i++ {
			r := rows[7*i : 7*i+7]
			f2 := int(r[1])<<24 | int(r[2])<<16 | int(r[3])<<8 | int(r[4])
			f3 := int(r[5])<<8 | int(r[6])
			switch r[0] {
			case 1:
				if err := at(i, f2); err != nil {
					return nil, err
				}
			case 2:
				packed[i] = slot{f2, f3}
			default:
				return nil, fmt.Errorf("cross-reference stream: object %d of type %d", i, r[0])
			}
		}
		for num, p := range packed {
			stm, ok := d.objs[p.stm]
			if !ok || !bytes.Contains(stm, []byte("/Type /ObjStm")) {
				return nil, fmt.Errorf("object %d: object stream %d missing", num, p.stm)
			}
			content, err := d.stream(stm)
			if err != nil {
				return nil, fmt.Errorf("object stream %d: %v", p.stm, err)
			}
			fm := regexp.MustCompile(`/First (\d+)`).FindSubmatch(stm)
			nm := regexp.MustCompile(`/N (\d+)`).FindSubmatch(stm)
			first, _ := strconv.Atoi(string(fm[1]))
			n, _ := strconv.Atoi(string(nm[1]))
			index := strings.Fields(string(content[:first]))
			if len(index) != 2*n || p.index >= n {
				return nil, fmt.Errorf("object stream %d: index %q", p.stm, index)
			}
			if index[2*p.index] != strconv.Itoa(num) {
				return nil, fmt.Errorf("object %d: object stream %d has %s at %d", num, p.stm, index[2*p.index], p.index)
			}
			from, _ := strconv.Atoi(index[2*p.index+1])
			to := len(content) - first
			if p.index+1 < n {
				to, _ = strconv.Atoi(index[2*p.index+3])
			}
			d.objs[num] = bytes.TrimSpace(content[first+from : first+to])
		}
		trailer = string(body)
	}
	if r := regexp.MustCompile(`/Root (\d+) 0 R`).FindStringSubmatch(trailer); r != nil {
		d.root, _ = strconv.Atoi(r[1])
	}
	if r := regexp.MustCompile(`/Info (\d+) 0 R`).FindStringSubmatch(trailer); r != nil {
		d.info, _ = strconv.Atoi(r[1])
	}
	if d.objs[d.root] == nil || d.objs[d.info] == nil {
		return nil, fmt.Errorf("trailer's /Root %d or /Info %d missing", d.root, d.info)
	}
	for num, body := range d.objs {
		if _, err := d.stream(body); err != nil {
			return nil, fmt.Errorf("object %d: %v", num, err)
		}
	}
	return d, nil
}

// stream returns the decoded stream of an object, or nil when it has none.
func (d *pdfDoc) stream(body []byte) ([]byte, error) {
	i := bytes.Index(body, []byte("stream\n"))
	if i < 0 {
		return nil, nil
	}
	j := bytes.LastIndex(body, []byte("endstream"))
	if j < i {
		return nil, fmt.Errorf("stream without endstream")
	}
	raw := bytes.TrimSuffix(body[i+len("stream\n"):j], []byte("\n"))
	if !bytes.Contains(body[:i], []byte("/FlateDecode")) {
		return raw, nil
	}
	r, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// pages returns the page objects in order.
func (d *pdfDoc) pages() []int {
	for _, body := range d.objs {
		if bytes.Contains(body, []byte("/Type /Pages")) {
			kids := regexp.MustCompile(`/Kids \[([^\]]*)\]`).FindSubmatch(body)
			var out []int
			for _, m := range refRe.FindAllSubmatch(kids[1], -1) {
				n, _ := strconv.Atoi(string(m[1]))
				out = append(out, n)
			}
			return out
		}
	}
	return nil
}

// annots returns the annotations of page p.
func (d *pdfDoc) annots(p int) [][]byte {
	m := regexp.MustCompile(`/Annots \[([^\]]*)\]`).FindSubmatch(d.objs[p])
	if m == nil {
		return nil
	}
	var out [][]byte
	for _, r := range refRe.FindAllSubmatch(m[1], -1) {
		n, _ := strconv.Atoi(string(r[1]))
		out = append(out, d.objs[n])
	}
	return out
}

// pageText returns the text drawn on page p, column by column, line by
// line from the top, each line's runs from the left.
func (d *pdfDoc) pageText(p int) string {
	body := d.objs[p]
	m := regexp.MustCompile(`/Contents (\d+) 0 R`).FindSubmatch(body)
	if m == nil {
		return ""
	}
	n, _ := strconv.Atoi(string(m[1]))
	content, _ := d.stream(d.objs[n])
	type run struct {
		x, y float64
		s    string
	}
	var runs []run
	re := regexp.MustCompile(`BT ([\d.-]+) ([\d.-]+) Td \(((?:\\.|[^\\)])*)\) Tj ET`)
	for _, m := range re.FindAllSubmatch(content, -1) {
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		y, _ := strconv.ParseFloat(string(m[2]), 64)
		runs = append(runs, run{x, y, decodeText(unescape(m[3]))})
	}
	// Read as a person would: the left column, then the right, each from
	// the top; what starts left of the middle (running title, page
	// number) goes with the left.
	var width float64
	if mb := regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+)`).FindSubmatch(d.data); mb != nil {
		width, _ = strconv.ParseFloat(string(mb[1]), 64)
	}
	col := func(r run) int {
		if r.x < width/2 {
			return 0
		}
		return 1
	}
	sort.SliceStable(runs, func(i, j int) bool {
		if ci, cj := col(runs[i]), col(runs[j]); ci != cj {
			return ci < cj
		}
		if runs[i].y != runs[j].y {
			return runs[i].y > runs[j].y
		}
		return runs[i].x < runs[j].x
	})
	var b strings.Builder
	for i, r := range runs {
		if i > 0 {
			if r.y != runs[i-1].y || col(r) != col(runs[i-1]) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(r.s)
	}
	return b.String()
}

// unescape undoes a PDF literal string's escapes.
func unescape(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			out = append(out, s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		default:
			if c >= '0' && c <= '7' {
				v := 0
				k := 0
				for ; k < 3 && i+k < len(s) && s[i+k] >= '0' && s[i+k] <= '7'; k++ {
					v = v*8 + int(s[i+k]-'0')
				}
				out = append(out, byte(v))
				i += k - 1
			} else {
				out = append(out, c)
			}
		}
	}
	return out
}

// decodeText reads a string fpdf writes for a UTF-8 font or a text
// string: UTF-16BE, with or without a byte-order mark.
func decodeText(b []byte) string {
	b = bytes.TrimPrefix(b, []byte{0xfe, 0xff})
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// textString returns the value of a text string entry of an object, as
// /Title (…).
func textString(body []byte, key string) string {
	re := regexp.MustCompile(regexp.QuoteMeta(key) + ` \(((?:\\.|[^\\)])*)\)`)
	m := re.FindSubmatch(body)
	if m == nil {
		return ""
	}
	raw := unescape(m[1])
	if bytes.HasPrefix(raw, []byte{0xfe, 0xff}) {
		return decodeText(raw)
	}
	return string(raw)
}

// outline returns the titles of the outline items in object order.
func (d *pdfDoc) outline() []string {
	nums := make([]int, 0, len(d.objs))
	for n := range d.objs {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var titles []string
	for _, n := range nums {
		body := d.objs[n]
		if bytes.Contains(body, []byte("/Parent")) && bytes.Contains(body, []byte("/Title")) && bytes.Contains(body, []byte("/Dest")) {
			titles = append(titles, textString(body, "/Title"))
		}
	}
	return titles
}

// drawn returns the characters drawn on every page, by the font they
// are drawn in, named as fpdf names it ("caladeaBI", "gomono").
func (d *pdfDoc) drawn() map[string][]rune {
	fonts := map[string]string{} // resource name → font
	base := regexp.MustCompile(`/BaseFont /utf8(\S+)`)
	entry := regexp.MustCompile(`/(F[0-9a-f]+) (\d+) 0 R`)
	for _, body := range d.objs {
		if !bytes.Contains(body, []byte("/Font <<")) {
			continue
		}
		for _, m := range entry.FindAllSubmatch(body, -1) {
			n, _ := strconv.Atoi(string(m[2]))
			if b := base.FindSubmatch(d.objs[n]); b != nil {
				fonts[string(m[1])] = string(b[1])
			}
		}
	}
	out := map[string][]rune{}
	op := regexp.MustCompile(`/(F[0-9a-f]+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj`)
	for _, p := range d.pages() {
		m := regexp.MustCompile(`/Contents (\d+) 0 R`).FindSubmatch(d.objs[p])
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(string(m[1]))
		content, _ := d.stream(d.objs[n])
		font := ""
		for _, o := range op.FindAllSubmatch(content, -1) {
			if o[1] != nil {
				font = fonts[string(o[1])]
				continue
			}
			out[font] = append(out[font], []rune(decodeText(unescape(o[2])))...)
		}
	}
	return out
}
