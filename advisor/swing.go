package advisor

import (
	"reflect"
	"slices"
	"strconv"

	"github.com/expr-lang/expr/vm"
)

// Swing is one answer whose change alone would change the verdict: were
// Field Value (instead of what was given or assumed), the model would be
// Model and the strategy Strategy.
type Swing struct {
	Field    string   `json:"field"`
	Value    string   `json:"value"`
	Model    Model    `json:"model"`
	Strategy Strategy `json:"strategy"`
	Assumed  bool     `json:"assumed,omitempty"` // the current value was a default
}

// swingField is an answer tried by the swing analysis and the values it is
// tried at. Enumerations and booleans try every other value, nearest first;
// numbers try the thresholds the rules use.
type swingField struct {
	name   string
	values []string
}

// swingFields are the answers a user can reasonably be asked to confirm, in
// the order the questionnaire asks them (which is the decider's preference).
// Kind is what the workload is, not an answer that can be wrong, and in_use
// and end_of_life retire anything: they are asked first anyway.
var swingFields = []swingField{
	{"data_sensitivity", Sensitivities},
	{"needs_os_control", []string{"false", "true"}},
	{"custom_code", []string{"false", "true"}},
	{"customization", CustomizationLevel},
	{"developers", []string{"0", "1", "3", "6"}},
	{"code_ownership", []string{"false", "true"}},
	{"lifetime_months", []string{"4", "10", "24", "60"}},
	{"lock_in_tolerance", LockInTolerances},
	{"time_to_market", TimesToMarket},
	{"growth", Growths},
	{"collaboration", []string{"false", "true"}},
	{"mobile_access", []string{"false", "true"}},
	{"os", OSes},
	{"database_engine", DatabaseEngines[1:]},
	{"gpu_count", []string{"0", "1"}},
	{"interruptible", []string{"false", "true"}},
}

// SwingFieldNames are the answers the swing analysis tries, in question order:
// the questionnaire asks them first and marks them.
func SwingFieldNames() []string {
	out := make([]string, len(swingFields))
	for i, f := range swingFields {
		out[i] = f.name
	}
	return out
}

// swings changes one answer at a time and keeps, per answer, the nearest
// value that changes the model or the strategy. Only the rules that read
// the changed answer are run again; the others keep their outcome. A
// retired workload has no swings: its verdict rests on in_use or
// end_of_life alone.
func (r *Rules) swings(w Workload, base verdict, on []bool) []Swing {
	if base.model == Retire {
		return nil
	}
	var out []Swing
	alt := w
	av := reflect.ValueOf(&alt).Elem()
	try := slices.Clone(on)
	excluded := map[Model][]string{}
	var machine vm.VM
	env := any(&alt) // one boxing: the conditions read the fields through the pointer
	for _, f := range swingFields {
		i, ok := exprFields[f.name]
		if !ok || (f.name == "database_engine" && w.DatabaseEngine == "") {
			continue
		}
		field := av.Field(i)
		cur := formatValue(field)
		for _, val := range nearest(f.values, cur) {
			setValue(field, val)
			copy(try, on)
			for _, ri := range r.readers[f.name] {
				out, err := machine.Run(r.rules[ri].program, env)
				b, _ := out.(bool)
				try[ri] = err == nil && b
			}
			clear(excluded)
			v := r.outcome(try, alt.LockInTolerance, excluded)
			if v.model != base.model || v.strategy != base.strategy {
				out = append(out, Swing{Field: f.name, Value: val, Model: v.model, Strategy: v.strategy, Assumed: w.Assumed(f.name)})
				break
			}
		}
		setValue(field, cur)
	}
	return out
}

// nearest returns the values other than cur, nearest to cur first in the
// list's order (the enumerations are ordered: none < low < medium < high).
func nearest(values []string, cur string) []string {
	at := slices.Index(values, cur)
	if at < 0 { // a number between the thresholds: try them in order
		return values
	}
	out := make([]string, 0, len(values)-1)
	for d := 1; d < len(values); d++ {
		for _, j := range []int{at - d, at + d} {
			if j >= 0 && j < len(values) {
				out = append(out, values[j])
			}
		}
	}
	return out
}

// setValue sets a bool, int or string field from its text.
func setValue(f reflect.Value, s string) {
	switch f.Kind() {
	case reflect.Bool:
		f.SetBool(s == "true")
	case reflect.Int:
		n, _ := strconv.Atoi(s)
		f.SetInt(int64(n))
	case reflect.String:
		f.SetString(s)
	}
}

// decider picks the swing to tell: the first assumed one in question order,
// else the first one.
func decider(swings []Swing) *Swing {
	for i := range swings {
		if swings[i].Assumed {
			return &swings[i]
		}
	}
	if len(swings) > 0 {
		return &swings[0]
	}
	return nil
}
