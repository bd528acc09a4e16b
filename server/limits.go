package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"cloudadvisor/i18n"
	"cloudadvisor/inventory"
)

// limitStatus is the status of a file past one of the parser's limits: 413
// for too much data (inflated bytes, shared strings, a record's bytes), 422
// for a shape no real export has (a cell or a row past Excel's limits).
func limitStatus(le *inventory.LimitError) int {
	switch le.Limit {
	case inventory.LimitCell, inventory.LimitColumns:
		return http.StatusUnprocessableEntity
	}
	return http.StatusRequestEntityTooLarge
}

// isLimit matches an inventory.LimitError answered with status.
func isLimit(status int) func(error) bool {
	return func(err error) bool {
		var le *inventory.LimitError
		return errors.As(err, &le) && limitStatus(le) == status
	}
}

// limitKey is the message of the limit: inventory.error.limit.<limit>.
func limitKey(err error) string {
	var le *inventory.LimitError
	if !errors.As(err, &le) {
		return ""
	}
	return "inventory.error.limit." + le.Limit
}

// limitArgs are where in the file the limit was passed and what is allowed,
// in MB for the limits in bytes.
func limitArgs(ctx context.Context, err error) []any {
	var le *inventory.LimitError
	if !errors.As(err, &le) {
		return nil
	}
	max := le.Max
	switch le.Limit {
	case inventory.LimitInflated, inventory.LimitPartInflated, inventory.LimitSharedStringsBytes, inventory.LimitRecordBytes:
		max >>= 20
	}
	return []any{limitWhere(ctx, le), groupDigits(max)}
}

// limitWhere names the place in the file in the user's language.
func limitWhere(ctx context.Context, le *inventory.LimitError) string {
	line := groupDigits(int64(le.Line))
	switch {
	case le.Sheet != "" && le.Line > 0:
		return i18n.Tc(ctx, "inventory.error.where.sheet_row", le.Sheet, line)
	case le.Sheet != "":
		return i18n.Tc(ctx, "inventory.error.where.sheet", le.Sheet)
	case le.Part != "" && le.Line > 0:
		return i18n.Tc(ctx, "inventory.error.where.part_line", le.Part, line)
	case le.Part != "":
		return le.Part
	case le.Line > 0:
		return i18n.Tc(ctx, "inventory.error.where.line", line)
	}
	return i18n.Tc(ctx, "inventory.error.where.file")
}

// groupDigits writes n with a comma every three digits, as both English and
// Korean write counts.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
