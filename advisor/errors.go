package advisor

import (
	"errors"
	"fmt"
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

// ErrQuota is matched by a QuotaError: a session would hold more than the
// store allows it.
var ErrQuota = errors.New("over quota")

// QuotaError says which limit a request would pass: What is "staged_bytes"
// (inventory files staged for preview, all the session's together),
// "staged_total" (staged across every session: the disk's guard) or
// "assessments" (assessments one session may own); Limit is the limit in
// bytes or a count.
type QuotaError struct {
	What  string
	Limit int64
}

func (e *QuotaError) Error() string {
	return fmt.Sprintf("over quota: %s limit %d", e.What, e.Limit)
}

// Is makes errors.Is(err, ErrQuota) true.
func (e *QuotaError) Is(target error) bool { return target == ErrQuota }

// Quotas are what one anonymous session may hold, checked by the stores
// where the data is written, so one client cannot fill the disk.
type Quotas struct {
	// Assessments is how many assessments one session may own.
	Assessments int
	// StagedBytesPerSession is what one session's staged inventory files may
	// hold together until confirmed, discarded or expired (24 h).
	StagedBytesPerSession int64
	// StagedBytesTotal is what the staged files of every session may hold
	// together; past it, staging answers 503 until some expire.
	StagedBytesTotal int64
}

// DefaultQuotas are the stores' quotas unless a test sets others.
var DefaultQuotas = Quotas{Assessments: 200, StagedBytesPerSession: 128 << 20, StagedBytesTotal: 2 << 30}
