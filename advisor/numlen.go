package advisor

import "strconv"

// MaxNumberLen is the most characters a number typed or uploaded by a user
// may have. No real answer comes near it, and parsing a decimal costs time
// that grows with the square of its length (a 4 MB figure took 33
// CPU-seconds), so the length is checked before anything is parsed.
const MaxNumberLen = 64

// CheckNumberLen returns a too_long error for field when s is longer than
// MaxNumberLen, else nil.
func CheckNumberLen(field, s string) *FieldError {
	if len(s) <= MaxNumberLen {
		return nil
	}
	return &FieldError{Field: field, Code: "too_long", Args: []string{strconv.Itoa(MaxNumberLen)}}
}
