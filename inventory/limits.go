package inventory

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// Default limits against crafted files, of Options. A real export is far
// inside each; a zip bomb or a file of a million columns is refused at the
// first byte past one, with a LimitError naming it.
const (
	// DefaultMaxInflated is the most bytes a workbook or a zip of CSV files
	// may inflate to, all its parts together.
	DefaultMaxInflated = 1 << 30
	// DefaultMaxSharedStrings is the most entries of a workbook's shared
	// strings table, which is held in memory while its sheets are read.
	DefaultMaxSharedStrings = 2_000_000
	// DefaultMaxSharedStringBytes is the most text, in bytes, of the shared
	// strings table. Its XML part may inflate to four times as much.
	DefaultMaxSharedStringBytes = 64 << 20
	// DefaultMaxRecordBytes is the longest CSV record.
	DefaultMaxRecordBytes = 4 << 20
)

// Fixed limits: Excel's own.
const (
	// MaxColumns is the most columns of a table (Excel's limit).
	MaxColumns = 16_384
	// MaxCellLen is the most characters of one cell (Excel's limit).
	MaxCellLen = 32_767
)

// maxColumns is Excel's column limit.
const maxColumns = MaxColumns

// The limits a LimitError names.
const (
	LimitInflated           = "inflated"             // bytes all parts of a zip inflate to
	LimitPartInflated       = "part_inflated"        // bytes one part (the shared strings) inflates to
	LimitSharedStrings      = "shared_strings"       // entries of the shared strings table
	LimitSharedStringsBytes = "shared_strings_bytes" // text of the shared strings table
	LimitCell               = "cell"                 // characters of one cell
	LimitColumns            = "columns"              // columns of one record
	LimitRecordBytes        = "record_bytes"         // bytes of one CSV record
)

// LimitError is a file refused because it goes past one of the parser's
// limits. It matches ErrTooLarge with errors.Is.
type LimitError struct {
	// Limit is one of the Limit constants.
	Limit string
	// Part is where in the file: a workbook part ("xl/sharedStrings.xml")
	// or a file of a zip; "" for a plain CSV.
	Part string
	// Sheet is the name of the sheet, when the limit was passed in one.
	Sheet string
	// Line is the CSV line or sheet row, 0 when the limit is not a row's.
	Line int
	// Max is what is allowed: bytes, entries, characters or columns.
	Max int64
}

// Error says which limit, where, and what is allowed.
func (e *LimitError) Error() string {
	where := e.Part
	if e.Sheet != "" {
		where = "sheet " + e.Sheet
	}
	if e.Line > 0 {
		if where != "" {
			where += " "
		}
		where += "line " + strconv.Itoa(e.Line)
	}
	if where == "" {
		where = "the file"
	}
	return fmt.Sprintf("%s: %s: past the limit %s of %d", ErrTooLarge, where, e.Limit, e.Max)
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *LimitError) Is(target error) bool { return target == ErrTooLarge }

// budget is what is left of the bytes an upload may inflate to, shared by
// all its parts.
type budget struct{ left, max int64 }

func newBudget(max int64) *budget { return &budget{max, max} }

// inflateReader reads an inflating part, failing with a LimitError past the
// part's own limit (when partMax > 0) or past the upload's budget.
type inflateReader struct {
	r       io.Reader
	part    string
	partMax int64
	read    int64
	b       *budget
}

func (l *inflateReader) Read(p []byte) (int, error) {
	if l.b.left <= 0 {
		return 0, &LimitError{Limit: LimitInflated, Part: l.part, Max: l.b.max}
	}
	if l.partMax > 0 && l.read >= l.partMax {
		return 0, &LimitError{Limit: LimitPartInflated, Part: l.part, Max: l.partMax}
	}
	p = p[:min(int64(len(p)), l.b.left)]
	if l.partMax > 0 {
		p = p[:min(int64(len(p)), l.partMax-l.read)]
	}
	n, err := l.r.Read(p)
	l.b.left -= int64(n)
	l.read += int64(n)
	return n, err
}

// cellTooLong reports whether s is longer than MaxCellLen characters.
func cellTooLong(s string) bool {
	return len(s) > MaxCellLen && utf8.RuneCountInString(s) > MaxCellLen
}

// csvGuard sits between a CSV file and encoding/csv, which holds a whole
// record in memory: it follows the quoting to find where records end and
// fails with a LimitError as soon as one has more bytes or columns than
// allowed, before the reader has buffered or split it.
type csvGuard struct {
	r        io.Reader
	sep      byte
	maxBytes int64
	state    csvState
	line     int // the physical line being read
	recLine  int // the line the current record started on
	bytes    int64
	cols     int
}

type csvState uint8

const (
	fieldStart csvState = iota
	unquoted
	quoted
	quotedQuote // a quote inside a quoted field: its end, or the first of ""
)

func newCSVGuard(r io.Reader, sep rune, firstLine int, maxBytes int64) *csvGuard {
	return &csvGuard{r: r, sep: byte(sep), maxBytes: maxBytes, line: firstLine, recLine: firstLine, cols: 1}
}

func (g *csvGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	for _, c := range p[:n] {
		if err := g.step(c); err != nil {
			return 0, err
		}
	}
	return n, err
}

// step follows one byte as encoding/csv with LazyQuotes reads it.
func (g *csvGuard) step(c byte) error {
	if c == '\n' {
		g.line++
	}
	end := false
	switch g.state {
	case fieldStart, unquoted:
		switch c {
		case '"':
			if g.state == fieldStart {
				g.state = quoted
			}
		case g.sep:
			g.state = fieldStart
			g.cols++
		case '\n':
			end = true
		default:
			g.state = unquoted
		}
	case quoted:
		if c == '"' {
			g.state = quotedQuote
		}
	case quotedQuote:
		switch c {
		case g.sep:
			g.state = fieldStart
			g.cols++
		case '\n':
			end = true
		case '\r': // before the \n of a line end
		default: // "" or, lazily, a stray quote: still inside the field
			g.state = quoted
		}
	}
	if end {
		g.state, g.bytes, g.cols, g.recLine = fieldStart, 0, 1, g.line
		return nil
	}
	if g.bytes++; g.bytes > g.maxBytes {
		return &LimitError{Limit: LimitRecordBytes, Line: g.recLine, Max: g.maxBytes}
	}
	if g.cols > MaxColumns {
		return &LimitError{Limit: LimitColumns, Line: g.recLine, Max: MaxColumns}
	}
	return nil
}
