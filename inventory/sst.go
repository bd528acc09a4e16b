package inventory

import (
	"errors"
	"unicode/utf8"
)

// sharedStrings is a workbook's shared strings table, held while its sheets
// are read. The text is stored end to end in chunks of sstChunk bytes, which
// costs far less than a string per entry and, unlike one growing buffer,
// never copies what is already stored.
type sharedStrings struct {
	chunks [][]byte
	refs   []uint64 // chunk<<40 | offset<<20 | length
	bytes  int64
}

// sstChunk is the size of one chunk; an entry (at most MaxCellLen
// characters, so under 1 MiB) never spans two.
const sstChunk = 1 << 20

var (
	errCellTooLong = errors.New("cell too long")
	errSSTFull     = errors.New("shared strings full")
)

func (t *sharedStrings) len() int { return len(t.refs) }

// add appends an entry given as XML text, unescaping it in place. It fails
// when the entry is longer than MaxCellLen characters or the table's text
// would pass max bytes.
func (t *sharedStrings) add(raw []byte, max int64) error {
	if n := len(t.chunks); n == 0 || len(t.chunks[n-1])+len(raw) > sstChunk {
		t.chunks = append(t.chunks, make([]byte, 0, sstChunk))
	}
	c := len(t.chunks) - 1
	buf := t.chunks[c]
	off := len(buf)
	buf = appendUnescaped(buf, raw) // never longer than raw: stays in the chunk
	v := buf[off:]
	if len(v) > MaxCellLen && utf8.RuneCount(v) > MaxCellLen {
		return errCellTooLong
	}
	if t.bytes+int64(len(v)) > max {
		return errSSTFull
	}
	t.chunks[c], t.bytes = buf, t.bytes+int64(len(v))
	t.refs = append(t.refs, uint64(c)<<40|uint64(off)<<20|uint64(len(v)))
	return nil
}

// get is entry i, ok false when there is none.
func (t *sharedStrings) get(i int) (string, bool) {
	if i < 0 || i >= len(t.refs) {
		return "", false
	}
	r := t.refs[i]
	c, off, n := r>>40, (r>>20)&(sstChunk-1), r&(sstChunk-1)
	return string(t.chunks[c][off : off+n]), true
}
