package inventory

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// source yields the non-blank records of a table with their line numbers,
// and io.EOF at the end.
type source interface {
	next() (rec []string, line int, err error)
}

type csvSource struct {
	r    *csv.Reader
	skip int    // lines dropped before the reader started (Excel's sep= line)
	part string // the file's name inside a zip, for errors
}

func newCSVSource(r io.Reader, opts Options) (*csvSource, error) {
	br := bufio.NewReaderSize(r, headLen)
	head, _ := br.Peek(headLen)
	text, sep, sepLine := csvPreamble(head)
	if _, err := br.Discard(len(head) - len(text)); err != nil {
		return nil, err
	}
	s := &csvSource{}
	if sepLine {
		s.skip = 1
	}
	s.r = csv.NewReader(newCSVGuard(br, sep, 1+s.skip, opts.MaxRecordBytes))
	s.r.Comma, s.r.FieldsPerRecord, s.r.LazyQuotes, s.r.ReuseRecord = sep, -1, true, true
	return s, nil
}

func (s *csvSource) next() ([]string, int, error) {
	for {
		rec, err := s.r.Read()
		var le *LimitError
		switch {
		case errors.As(err, &le):
			le.Part = s.part
			return nil, 0, le
		case err == io.EOF:
			return nil, 0, err
		case err != nil:
			return nil, 0, fmt.Errorf("%w: %v", ErrUnreadable, err)
		}
		if blank(rec) {
			continue
		}
		line, _ := s.r.FieldPos(0)
		line += s.skip
		for _, f := range rec {
			if cellTooLong(f) {
				return nil, 0, &LimitError{Limit: LimitCell, Part: s.part, Line: line, Max: MaxCellLen}
			}
		}
		return rec, line, nil
	}
}

// maxBlankRun ends a sheet: spreadsheets padded with formatted rows have
// thousands of them, and an export has none in the middle.
const maxBlankRun = 10_000

func blank(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// headerScan is how many non-blank rows are tried as the header of a sheet.
const headerScan = 5

// readHeader returns the first non-blank record as the header.
func readHeader(src source) (header, int, error) {
	rec, line, err := src.next()
	if err == io.EOF {
		return header{}, 0, notInventory("the table is empty")
	}
	if err != nil {
		return header{}, 0, err
	}
	h := newHeader(rec)
	h.line = line
	return h, line, nil
}

func parseCSV(r io.Reader, name string, opts Options) (Result, error) {
	src, err := newCSVSource(r, opts)
	if err != nil {
		return Result{}, fmt.Errorf("%w: %s: %v", ErrUnreadable, baseName(name), err)
	}
	return parseTable(src, opts, "the file")
}

// parseTable finds the header among the first non-blank rows (a title may
// sit above it) and reads the rows below it.
func parseTable(src source, opts Options, what string) (Result, error) {
	var firstErr error
	for range headerScan {
		h, _, err := readHeader(src)
		if err != nil {
			if firstErr != nil && errors.Is(err, ErrNotInventory) {
				return Result{}, firstErr
			}
			return Result{}, err
		}
		f, err := formatOf(h)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		m, err := newMapper(f, h, opts, nil)
		if err != nil {
			return Result{}, err
		}
		if c, ok := m.(columnar); ok {
			if sr, ok := src.(*sheetReader); ok {
				sr.keep = keepColumns(c.columns())
			}
		}
		return run(f, h, m, src, opts)
	}
	if firstErr == nil {
		firstErr = notInventory(what + " has no known header")
	}
	return Result{}, firstErr
}

// run reads every record through the format's mapper.
func run(f Format, h header, m mapper, src source, opts Options) (Result, error) {
	b := newBuilder(f, h, opts)
	for {
		rec, line, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Result{}, err
		}
		if b.res.Stats.Read >= opts.MaxRows {
			return Result{}, fmt.Errorf("%w: the limit is %d rows", ErrTooManyRows, opts.MaxRows)
		}
		r := b.begin(line, rec)
		if m.row(r) {
			b.finish(r)
		}
	}
	m.after(b)
	return b.res, nil
}

// parseXLSX reads the vInfo sheet of an RVTools workbook, or else the first
// sheet whose header is a known format's.
func parseXLSX(r io.ReaderAt, size int64, opts Options) (Result, error) {
	wb, err := openWorkbook(r, size, opts)
	if err != nil {
		return Result{}, err
	}
	sheets := wb.sheets
	// vInfo first: RVTools workbooks hold many sheets, all with a VM column.
	for i, s := range sheets {
		if strings.EqualFold(strings.TrimSpace(s.name), "vInfo") {
			sheets[0], sheets[i] = sheets[i], sheets[0]
			break
		}
	}
	var firstErr error
	for _, s := range sheets {
		res, err := parseSheet(wb, s, opts)
		if err == nil || !errors.Is(err, ErrNotInventory) {
			return res, err
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = notInventory("the workbook has no sheets")
	}
	return Result{}, firstErr
}

func parseSheet(wb *workbook, sheet wbSheet, opts Options) (Result, error) {
	src, err := wb.sheet(sheet)
	if err != nil {
		return Result{}, err
	}
	defer src.Close()
	return parseTable(src, opts, fmt.Sprintf("sheet %q", sheet.name))
}

// columnar is a mapper that reads only some columns; the others are not
// even decoded.
type columnar interface {
	columns() []int
}

func keepColumns(cols []int) []bool {
	keep := make([]bool, 0, 128)
	for _, c := range cols {
		if c < 0 || c >= maxColumns {
			continue
		}
		for len(keep) <= c {
			keep = append(keep, false)
		}
		keep[c] = true
	}
	return keep
}
