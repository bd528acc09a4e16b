package aws

import (
	"errors"
	"fmt"
)

// Sentinel reasons a price file is rejected; a ParseError wraps one of them
// or the underlying decoder error.
var (
	ErrFormat          = errors.New("not an AWS price list")
	ErrMalformed       = errors.New("malformed price list")
	ErrUnknownUnit     = errors.New("unknown unit")
	ErrUnknownCurrency = errors.New("unknown currency")
	ErrNegativePrice   = errors.New("negative price")
	ErrBadPrice        = errors.New("invalid price")
	// ErrNotFound is returned by the fetch path for an unknown service or region.
	ErrNotFound = errors.New("not found in the price list index")
)

// ParseError says where in which source a price list went wrong: a byte
// offset for JSON, a line for CSV, and the SKU being read when known.
type ParseError struct {
	Source string
	Offset int64 // byte offset, JSON only; -1 when unknown
	Line   int   // line number, CSV only
	SKU    string
	Err    error
}

func (e *ParseError) Error() string {
	pos := ""
	switch {
	case e.Line > 0:
		pos = fmt.Sprintf(": line %d", e.Line)
	case e.Offset >= 0:
		pos = fmt.Sprintf(": byte %d", e.Offset)
	}
	sku := ""
	if e.SKU != "" {
		sku = fmt.Sprintf(" (sku %s)", e.SKU)
	}
	return fmt.Sprintf("%s%s%s: %v", e.Source, pos, sku, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// reasonf builds an error raised while reading a record, before its
// position is known; the caller wraps it in a ParseError.
func reasonf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w %s", sentinel, fmt.Sprintf(format, args...))
}
