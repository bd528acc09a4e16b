package pricing

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// ImportStats counts what an importer read: products and prices emitted, and
// records skipped with the reason for each.
type ImportStats struct {
	Products int
	Prices   int
	Skipped  map[string]int
}

// Skip counts a record skipped for reason.
func (s *ImportStats) Skip(reason string) {
	if s.Skipped == nil {
		s.Skipped = map[string]int{}
	}
	s.Skipped[reason]++
}

// SkippedTotal is the number of skipped records.
func (s ImportStats) SkippedTotal() int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
}

// String summarises the counts, skipped reasons in name order.
func (s ImportStats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d products, %d prices, %d skipped", s.Products, s.Prices, s.SkippedTotal())
	for _, k := range slices.Sorted(maps.Keys(s.Skipped)) {
		fmt.Fprintf(&b, "; %s: %d", k, s.Skipped[k])
	}
	return b.String()
}

// JSONReason names a JSON decoding failure for an importer's error message,
// calling a cut-off input what it is.
func JSONReason(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "truncated JSON: unexpected end of input"
	}
	return err.Error()
}
