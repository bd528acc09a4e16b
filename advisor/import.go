package advisor

import (
	"reflect"

	"cloudadvisor/pricing"
)

// ImportRow is one workload read from an inventory file.
type ImportRow struct {
	Line   int           `json:"line"`
	Source Source        `json:"source"`
	Input  WorkloadInput `json:"input"`
}

// ImportSummary counts what an import did.
type ImportSummary struct {
	Added     int             `json:"added"`
	Updated   int             `json:"updated"`
	Unchanged int             `json:"unchanged"`
	Refused   []ImportRefusal `json:"refused,omitempty"`
}

// ImportRefusal is a row the workload model refused, with its line.
type ImportRefusal struct {
	Line   int         `json:"line"`
	Errors FieldErrors `json:"errors"`
}

// Import merges inventory rows into the assessment: a row whose source key
// matches a workload already imported updates that workload (its answers
// from the file replace the old ones; its id and any answers the file does
// not give stay), any other row is added. Every workload is then
// re-evaluated. Rows the model refuses are reported with their line and
// nothing of them is kept. The number of workloads stays within MaxWorkloads.
func (a *Assessment) Import(rules *Rules, cat *pricing.Catalog, rows []ImportRow) (ImportSummary, error) {
	var sum ImportSummary
	byKey := map[string]int{}
	for i, w := range a.Workloads {
		if w.Source.Key != "" {
			byKey[w.Source.Key] = i
		}
	}
	for _, r := range rows {
		i, known := byKey[r.Source.Key]
		in := r.Input
		if known && r.Source.Key != "" {
			in = mergeInput(a.Workloads[i].Input, r.Input)
		}
		w, err := in.Resolve()
		if fe, ok := err.(FieldErrors); ok {
			sum.Refused = append(sum.Refused, ImportRefusal{Line: r.Line, Errors: fe})
			continue
		}
		switch {
		case known && r.Source.Key != "":
			aw := &a.Workloads[i]
			if reflect.DeepEqual(aw.Input, in) && reflect.DeepEqual(aw.Source, r.Source) {
				sum.Unchanged++
				continue
			}
			aw.Input, aw.Workload, aw.Source = in, w, r.Source
			sum.Updated++
		default:
			if len(a.Workloads) >= MaxWorkloads {
				return sum, FieldErrors{tooManyWorkloads()}
			}
			a.Workloads = append(a.Workloads, Assessed{ID: newWorkloadID(), Input: in, Workload: w, Source: r.Source})
			if r.Source.Key != "" {
				byKey[r.Source.Key] = len(a.Workloads) - 1
			}
			sum.Added++
		}
	}
	a.Reevaluate(rules, cat)
	return sum, nil
}

// mergeInput keeps the old answers the new row leaves empty: a user who set
// a workload's kind or sensitivity by hand keeps it when the file is
// imported again.
func mergeInput(old, new WorkloadInput) WorkloadInput {
	out := new
	ov, nv, rv := reflect.ValueOf(old), reflect.ValueOf(new), reflect.ValueOf(&out).Elem()
	for i := range nv.NumField() {
		if nv.Field(i).IsNil() && !ov.Field(i).IsNil() {
			rv.Field(i).Set(ov.Field(i))
		}
	}
	return out
}

// SetField sets one answer of the named workloads to value, as a bulk edit:
// the value is parsed as the field's type and validated for each workload;
// on any error nothing changes. Every workload is then re-evaluated.
func (a *Assessment) SetField(rules *Rules, cat *pricing.Catalog, ids []string, field, value string) error {
	changed := make(map[int]WorkloadInput, len(ids))
	for _, id := range ids {
		i, err := a.index(id)
		if err != nil {
			return err
		}
		in, err := setInputField(a.Workloads[i].Input, field, value)
		if err != nil {
			return err
		}
		if _, err := in.Resolve(); err != nil {
			return err
		}
		changed[i] = in
	}
	for i, in := range changed {
		a.Workloads[i].Input = in
	}
	a.Reevaluate(rules, cat)
	return nil
}
