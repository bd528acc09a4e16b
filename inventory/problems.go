package inventory

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// WriteProblemsCSV writes the downloadable problem report: a UTF-8 BOM so
// spreadsheet apps read non-ASCII text, then line, column, value, reason.
// Cells that a spreadsheet would run as a formula (starting with = + - @, a
// tab or a carriage return) are prefixed with a quote.
func WriteProblemsCSV(w io.Writer, problems []Problem) error {
	if _, err := w.Write(utf8BOM); err != nil {
		return fmt.Errorf("write problems: %w", err)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"line", "column", "value", "reason"}); err != nil {
		return fmt.Errorf("write problems: %w", err)
	}
	for _, p := range problems {
		rec := []string{strconv.Itoa(p.Line), neutralize(p.Column), neutralize(p.Value), neutralize(p.Reason)}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write problems: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write problems: %w", err)
	}
	return nil
}

func neutralize(s string) string {
	if s != "" {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + s
		}
	}
	return s
}
