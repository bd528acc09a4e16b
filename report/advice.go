package report

import "cloudadvisor/advisor"

// Advice is what the verdict rests on, as sentences: the preconditions of
// its strategy, the pricing flags, and the single answer that would change
// it (issue 14). Retired workloads have only the preconditions.
func (t Text) Advice(r advisor.Recommendation) []string {
	var out []string
	if r.Preconditions != "" {
		out = append(out, t.T("advice.preconditions", t.Strategy(string(r.Strategy)))+" "+t.T(r.Preconditions))
	}
	for _, f := range r.Flags {
		out = append(out, t.T("advice.flag."+string(f)))
	}
	if d := r.Decider; d != nil {
		out = append(out, t.T("advice.decider", t.T("field."+d.Field+".label"), t.answer(d.Field, d.Value),
			t.Model(string(d.Model)), t.Strategy(string(d.Strategy))))
	}
	return out
}

// answer words an answer's value as the questionnaire does.
func (t Text) answer(field, value string) string {
	switch value {
	case "true":
		return t.T("form.yes")
	case "false":
		return t.T("form.no")
	}
	return t.or("enum."+field+"."+value, value)
}
