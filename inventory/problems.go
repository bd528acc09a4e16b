package inventory

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// ProblemsHeader is the header row of the problem report: the names of its
// line, column, value and reason columns, in the reader's language.
type ProblemsHeader [4]string

// WriteProblemsCSV writes the downloadable problem report: a UTF-8 BOM so
// spreadsheet apps read non-ASCII text, then the header and, per problem,
// its line, column, value and reason as reason words it (the caller's
// translation of Key and Args; nil keeps the English Reason). Cells that a
// spreadsheet would run as a formula (starting with = + - @, a tab or a
// carriage return) are prefixed with a quote.
func WriteProblemsCSV(w io.Writer, header ProblemsHeader, problems []Problem, reason func(Problem) string) error {
	if reason == nil {
		reason = func(p Problem) string { return p.Reason }
	}
	if _, err := w.Write(utf8BOM); err != nil {
		return fmt.Errorf("write problems: %w", err)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header[:]); err != nil {
		return fmt.Errorf("write problems: %w", err)
	}
	for _, p := range problems {
		rec := []string{strconv.Itoa(p.Line), neutralize(p.Column), neutralize(p.Value), neutralize(reason(p))}
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
