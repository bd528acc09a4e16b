package inventory

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// workbook is an .xlsx package opened for streaming its sheets.
type workbook struct {
	files  map[string]*zip.File
	sheets []wbSheet
	opts   Options
	budget *budget // bytes all parts together may still inflate to
	sst    sharedStrings
}

type wbSheet struct{ name, path string }

func openWorkbook(r io.ReaderAt, size int64, opts Options) (*workbook, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: not a readable .xlsx workbook: %v", ErrUnreadable, err)
	}
	wb := &workbook{files: make(map[string]*zip.File, len(zr.File)), opts: opts, budget: newBudget(opts.MaxInflated)}
	for _, f := range zr.File {
		wb.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := wb.decode("xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	if err := wb.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	sstPath := "xl/sharedStrings.xml"
	for _, rel := range rels.Rels {
		p := rel.Target
		if strings.HasPrefix(p, "/") {
			p = strings.TrimPrefix(p, "/")
		} else {
			p = path.Join("xl", p)
		}
		targets[rel.ID] = p
		if strings.HasSuffix(rel.Type, "/sharedStrings") {
			sstPath = p
		}
	}
	for _, s := range book.Sheets {
		if p, ok := targets[s.ID]; ok {
			wb.sheets = append(wb.sheets, wbSheet{s.Name, p})
		}
	}
	if err := wb.readSST(sstPath); err != nil {
		return nil, err
	}
	return wb, nil
}

// open inflates a part, refusing to go past the upload's budget or, when
// max > 0, past max bytes for this part.
func (wb *workbook) open(name string, max int64) (io.ReadCloser, error) {
	f := wb.files[name]
	if f == nil {
		return nil, fmt.Errorf("%w: the workbook lacks %s", ErrUnreadable, name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrUnreadable, name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&inflateReader{r: rc, part: name, partMax: max, b: wb.budget}, rc}, nil
}

func (wb *workbook) decode(name string, v any) error {
	rc, err := wb.open(name, 0)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v); err != nil {
		return xlsxErr(name, err)
	}
	return nil
}

// readSST reads the shared strings: the text of every <si>, skipping
// phonetic runs. The table stays in memory while the sheets are read, so its
// entries, its text and the XML it is read from are each capped.
func (wb *workbook) readSST(name string) error {
	if wb.files[name] == nil {
		return nil // a workbook without strings
	}
	rc, err := wb.open(name, 4*wb.opts.MaxSharedStringBytes)
	if err != nil {
		return err
	}
	defer rc.Close()
	s := newXMLScanner(rc)
	var cur []byte
	inT, inPh := false, false
	for {
		err := s.next(inT && !inPh)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xlsxErr(name, err)
		}
		if inT && !inPh {
			cur = append(cur, s.text...)
			if len(cur) > maxEscapedCell { // many runs of one entry
				return &LimitError{Limit: LimitCell, Part: name, Max: MaxCellLen}
			}
		}
		n, end, empty := s.name()
		switch string(n) {
		case "si":
			if end || empty {
				if err := wb.addSST(name, cur); err != nil {
					return err
				}
				cur = cur[:0]
			}
		case "t":
			inT = !end && !empty
		case "rPh":
			inPh = !end && !empty
		}
	}
}

// maxEscapedCell bounds a cell's XML text before it is unescaped: an
// entity such as &#x10FFFF; spells one character in up to ten bytes.
const maxEscapedCell = 10 * MaxCellLen

// addSST appends one entry, as XML text, to the shared strings.
func (wb *workbook) addSST(part string, raw []byte) error {
	if wb.sst.len() >= wb.opts.MaxSharedStrings {
		return &LimitError{Limit: LimitSharedStrings, Part: part, Max: int64(wb.opts.MaxSharedStrings)}
	}
	switch wb.sst.add(raw, wb.opts.MaxSharedStringBytes) {
	case errCellTooLong:
		return &LimitError{Limit: LimitCell, Part: part, Max: MaxCellLen}
	case errSSTFull:
		return &LimitError{Limit: LimitSharedStringsBytes, Part: part, Max: wb.opts.MaxSharedStringBytes}
	}
	return nil
}

func xlsxErr(name string, err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		if le.Part == "" {
			le.Part = name
		}
		return le
	}
	if errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("%w: %s: %v", ErrUnreadable, name, err)
}

// sheetReader streams the rows of one worksheet as records.
type sheetReader struct {
	wb    *workbook
	name  string
	path  string // the sheet's part
	rc    io.ReadCloser
	s     *xmlScanner
	row   int
	blank int
	rec   []string
	bytes int64  // text in rec, against MaxRecordBytes
	keep  []bool // columns to keep; nil keeps all
}

func (wb *workbook) sheet(sh wbSheet) (*sheetReader, error) {
	rc, err := wb.open(sh.path, 0)
	if err != nil {
		return nil, err
	}
	return &sheetReader{wb: wb, name: sh.name, path: sh.path, rc: rc, s: newXMLScanner(rc)}, nil
}

func (sr *sheetReader) Close() error { return sr.rc.Close() }

func (sr *sheetReader) next() ([]string, int, error) {
	for {
		rec, err := sr.readRow()
		if err != nil {
			var le *LimitError
			switch {
			case errors.As(err, &le):
				le.Sheet = sr.name
				err = xlsxErr(sr.path, err)
			case err != io.EOF:
				err = xlsxErr("sheet "+sr.name, err)
			}
			return nil, 0, err
		}
		if blank(rec) {
			if sr.blank++; sr.blank > maxBlankRun {
				return nil, 0, io.EOF
			}
			continue
		}
		sr.blank = 0
		return rec, sr.row, nil
	}
}

// readRow reads up to the end of the next <row>.
func (sr *sheetReader) readRow() ([]string, error) {
	s := sr.s
	for {
		if err := s.next(false); err != nil {
			return nil, err
		}
		n, end, empty := s.name()
		if end || string(n) != "row" {
			if end && string(n) == "sheetData" {
				return nil, io.EOF
			}
			continue
		}
		if r, err := strconv.Atoi(string(s.attr("r"))); err == nil && r > sr.row {
			sr.row = r
		} else {
			sr.row++
		}
		sr.rec, sr.bytes = sr.rec[:0], 0
		if empty {
			return sr.rec, nil
		}
		return sr.rec, sr.cells()
	}
}

// cells reads the cells of the current row into sr.rec.
func (sr *sheetReader) cells() error {
	s := sr.s
	col, typ := -1, ""
	inV, inIs, inT, want := false, false, false, false
	var val []byte
	for {
		kept := want && (inV || (inIs && inT))
		if err := s.next(kept); err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		if kept {
			val = append(val, s.text...)
		}
		n, end, empty := s.name()
		switch string(n) {
		case "row":
			if end {
				return nil
			}
		case "c":
			if end {
				if err := sr.put(col, typ, val); err != nil {
					return err
				}
				continue
			}
			col, val = sr.cellCol(col), val[:0]
			want = col < maxColumns && (sr.keep == nil || (col < len(sr.keep) && sr.keep[col]))
			if empty || !want {
				continue
			}
			typ = string(s.attr("t"))
		case "v":
			inV = !end && !empty
		case "is":
			inIs = !end && !empty
		case "t":
			inT = !end && !empty
		}
	}
}

// cellCol is the column of the current <c>: from its reference, else the
// one after the previous cell.
func (sr *sheetReader) cellCol(prev int) int {
	ref := sr.s.attr("r")
	col := 0
	for _, c := range ref {
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > maxColumns {
			return maxColumns
		}
	}
	if col == 0 {
		return prev + 1
	}
	return col - 1
}

// put stores a cell's value as text: shared strings resolved, booleans as
// TRUE/FALSE, numbers as written.
func (sr *sheetReader) put(col int, typ string, val []byte) error {
	if col < 0 || col >= maxColumns || len(val) == 0 {
		return nil
	}
	var v string
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(string(val)))
		var ok bool
		if v, ok = sr.wb.sst.get(i); err != nil || !ok {
			return fmt.Errorf("row %d: shared string %q out of range", sr.row, clip(string(val)))
		}
	case "b":
		v = "FALSE"
		if strings.TrimSpace(string(val)) == "1" {
			v = "TRUE"
		}
	default:
		v = unescape(val)
		if cellTooLong(v) {
			return &LimitError{Limit: LimitCell, Sheet: sr.name, Line: sr.row, Max: MaxCellLen}
		}
	}
	if sr.bytes += int64(len(v)); sr.bytes > sr.wb.opts.MaxRecordBytes {
		return &LimitError{Limit: LimitRecordBytes, Sheet: sr.name, Line: sr.row, Max: sr.wb.opts.MaxRecordBytes}
	}
	for len(sr.rec) <= col {
		sr.rec = append(sr.rec, "")
	}
	sr.rec[col] = v
	return nil
}
