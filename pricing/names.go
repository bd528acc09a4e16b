package pricing

// names returns the string values of a list of string-typed enumerations,
// for menus and for the "one of" of a validation message.
func names[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// TermNames lists every Term as text, in display order.
func TermNames() []string { return names(Terms) }

// ServiceNames lists every Service as text.
func ServiceNames() []string { return names(Services) }

// CommitmentNames lists every Commitment as text, in display order.
func CommitmentNames() []string { return names(Commitments) }
