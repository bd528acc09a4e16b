package report

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
)

// perStream is how many objects go in one object stream.
const perStream = 1000

// xrefEntry is a cross-reference stream's row: an object at an offset
// (kind 1), or the index-th object of object stream stm (kind 2).
type xrefEntry struct {
	num, kind, field2, field3 int
}

// update writes the objects of an incremental update after the original
// file: changed objects plain, new ones packed into compressed object
// streams (a structure element is tens of bytes, mostly repeated names),
// and a cross-reference stream (PDF 1.5) that indexes them and points back
// to the original's table.
type update struct {
	base    int // length of the original file
	buf     bytes.Buffer
	entries []xrefEntry
	nextNum int // the next free object number, for object streams

	stm       int // object number of the object stream being filled
	stmObjs   []int
	stmOffs   []int
	stmBody   bytes.Buffer
	stmHeader bytes.Buffer
}

// obj starts a plain object.
func (u *update) obj(num int) {
	u.entries = append(u.entries, xrefEntry{num: num, kind: 1, field2: u.base + u.buf.Len()})
	u.buf.WriteString(strconv.Itoa(num))
	u.buf.WriteString(" 0 obj\n")
}

func (u *update) endobj() { u.buf.WriteString("\nendobj\n") }

// packed returns the buffer to write object num's value into, in the
// object stream being filled.
func (u *update) packed(num int) *bytes.Buffer {
	if len(u.stmObjs) == perStream {
		u.flush()
	}
	if len(u.stmObjs) == 0 {
		u.stm = u.nextNum
		u.nextNum++
	}
	u.entries = append(u.entries, xrefEntry{num: num, kind: 2, field2: u.stm, field3: len(u.stmObjs)})
	if len(u.stmObjs) > 0 {
		u.stmBody.WriteByte('\n')
	}
	u.stmObjs = append(u.stmObjs, num)
	u.stmOffs = append(u.stmOffs, u.stmBody.Len())
	return &u.stmBody
}

// flush writes the object stream being filled.
func (u *update) flush() {
	if len(u.stmObjs) == 0 {
		return
	}
	u.stmHeader.Reset()
	for i, num := range u.stmObjs {
		fmt.Fprintf(&u.stmHeader, "%d %d ", num, u.stmOffs[i])
	}
	first := u.stmHeader.Len()
	u.stmHeader.Write(u.stmBody.Bytes())
	u.stream(u.stm, fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(u.stmObjs), first), u.stmHeader.Bytes())
	u.stmObjs, u.stmOffs = u.stmObjs[:0], u.stmOffs[:0]
	u.stmBody.Reset()
}

// stream writes a plain stream object of data, compressed.
func (u *update) stream(num int, dict string, data []byte) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(data) // writes to a bytes.Buffer do not fail
	zw.Close()
	u.obj(num)
	fmt.Fprintf(&u.buf, "<<%s /Filter /FlateDecode /Length %d>>\nstream\n", dict, z.Len())
	u.buf.Write(z.Bytes())
	u.buf.WriteString("\nendstream")
	u.endobj()
}

// finish writes the last object stream and the cross-reference stream,
// one /Index run per range of consecutive numbers, and the file's end.
func (u *update) finish(f pdfFile) error {
	u.flush()
	num := u.nextNum
	xref := u.base + u.buf.Len()
	if xref >= 1<<32 {
		return fmt.Errorf("%d bytes: too large for the cross-reference stream", xref)
	}
	u.entries = append(u.entries, xrefEntry{num: num, kind: 1, field2: xref})
	slices.SortFunc(u.entries, func(a, b xrefEntry) int { return a.num - b.num })
	var index bytes.Buffer
	rows := make([]byte, 0, 7*len(u.entries))
	for i, e := range u.entries {
		if i == 0 || e.num != u.entries[i-1].num+1 {
			j := i + 1
			for j < len(u.entries) && u.entries[j].num == u.entries[j-1].num+1 {
				j++
			}
			fmt.Fprintf(&index, "%d %d ", e.num, j-i)
		}
		rows = append(rows, byte(e.kind))
		rows = binary.BigEndian.AppendUint32(rows, uint32(e.field2))
		rows = binary.BigEndian.AppendUint16(rows, uint16(e.field3))
	}
	u.stream(num, fmt.Sprintf("/Type /XRef /Size %d /Root %d 0 R /Info %d 0 R /Prev %d /Index [%s] /W [1 4 2]",
		num+1, f.root, f.info, f.xref, bytes.TrimSpace(index.Bytes())), rows)
	fmt.Fprintf(&u.buf, "startxref\n%d\n%%%%EOF\n", xref)
	return nil
}

// ref writes a reference to object num.
func ref(b *bytes.Buffer, num int) {
	b.WriteString(strconv.Itoa(num))
	b.WriteString(" 0 R")
}
