package advisor

import (
	"errors"
	"strings"

	"cloudadvisor/pricing"
)

// Sentinel errors mapped to HTTP status codes in one place by the server.
var (
	// ErrNotFound is pricing.ErrNotFound: one not-found error for both domains.
	ErrNotFound = pricing.ErrNotFound
	ErrInvalid  = errors.New("invalid input")
	ErrConflict = errors.New("conflict")
	// ErrStorage means the store could not be written (a full disk, a
	// read-only file or database); the write changed nothing and reads go on.
	ErrStorage = errors.New("the database cannot be written")
	// ErrBusy means the store stayed locked by another writer (a long
	// catalog import, say) past its wait. Nothing was changed; the request
	// can be retried in a few seconds.
	ErrBusy = errors.New("the database is busy")
)

// FieldError says what is wrong with one field. Code names the problem
// (required, too_long, range, one_of, integer, number, decimal) and Args are
// its parameters in order (min and max for range; the allowed values for
// one_of); the message catalog turns them into text.
type FieldError struct {
	Field string   `json:"field"`
	Code  string   `json:"code"`
	Args  []string `json:"args,omitempty"`
}

// FieldErrors is a list of field problems. It matches ErrInvalid with errors.Is.
type FieldErrors []FieldError

// Error lists the fields at fault.
func (fe FieldErrors) Error() string {
	names := make([]string, len(fe))
	for i, f := range fe {
		names[i] = f.Field + ": " + f.Code
	}
	return "invalid input: " + strings.Join(names, ", ")
}

// Is makes errors.Is(err, ErrInvalid) true.
func (fe FieldErrors) Is(target error) bool { return target == ErrInvalid }

// For returns the first error of the field, or nil.
func (fe FieldErrors) For(field string) *FieldError {
	for i := range fe {
		if fe[i].Field == field {
			return &fe[i]
		}
	}
	return nil
}

// Prefix returns the errors with every field name prefixed, as in
// "workloads[2]." for a workload inside an assessment.
func (fe FieldErrors) Prefix(p string) FieldErrors {
	out := make(FieldErrors, len(fe))
	for i, f := range fe {
		f.Field = p + f.Field
		out[i] = f
	}
	return out
}
