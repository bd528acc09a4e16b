package advisor

import (
	"slices"

	"cloudadvisor/pricing"
)

// NewDraft starts an assessment of the organisation with no workloads yet,
// the first step of the questionnaire, converting with rates unless the
// user gave their own. Field errors are prefixed "organization.".
func NewDraft(rules *Rules, rates pricing.Rates, org OrganizationInput) (Assessment, error) {
	a := Assessment{OrgInput: org, RulesVersion: rules.Version()}
	return a, a.setOrganization(org, rates)
}

func (a *Assessment) setOrganization(in OrganizationInput, rates pricing.Rates) error {
	o, err := in.Resolve(rates)
	if fe, ok := err.(FieldErrors); ok {
		return fe.Prefix("organization.")
	}
	a.OrgInput, a.Organization = in, o
	return nil
}

// SetOrganization replaces the organisation's answers and re-evaluates every
// workload, since geography, currency and horizon change the prices.
func (a *Assessment) SetOrganization(rules *Rules, cat *pricing.Catalog, in OrganizationInput) error {
	if err := a.setOrganization(in, cat.Rates()); err != nil {
		return err
	}
	a.Reevaluate(rules, cat)
	return nil
}

// AddWorkload validates the answers and appends the workload, evaluated.
func (a *Assessment) AddWorkload(rules *Rules, cat *pricing.Catalog, in WorkloadInput) error {
	if len(a.Workloads) >= MaxWorkloads {
		return FieldErrors{tooManyWorkloads()}
	}
	w, err := in.Resolve()
	if err != nil {
		return err
	}
	aw := Assessed{ID: newWorkloadID(), Input: in, Workload: w}
	aw.Estate = pricing.Estate{EgressBeforeGB: -1} // priced by settleEstate
	aw.Recommendation = rules.Recommend(a.Organization, w)
	a.Workloads = append(a.Workloads, aw)
	a.settleEstate(cat)
	a.RulesVersion = rules.Version()
	return nil
}

// index returns the position of the workload with the id, or ErrNotFound.
func (a *Assessment) index(id string) (int, error) {
	i := slices.IndexFunc(a.Workloads, func(w Assessed) bool { return w.ID == id })
	if i < 0 {
		return 0, ErrNotFound
	}
	return i, nil
}

// Workload returns the workload with the id, or ErrNotFound.
func (a *Assessment) Workload(id string) (Assessed, error) {
	i, err := a.index(id)
	if err != nil {
		return Assessed{}, err
	}
	return a.Workloads[i], nil
}

// UpdateWorkload replaces one workload's answers and re-evaluates it.
func (a *Assessment) UpdateWorkload(rules *Rules, cat *pricing.Catalog, id string, in WorkloadInput) error {
	i, err := a.index(id)
	if err != nil {
		return err
	}
	w, err := in.Resolve()
	if err != nil {
		return err
	}
	aw := Assessed{ID: id, Input: in, Workload: w, Estate: pricing.Estate{EgressBeforeGB: -1}}
	aw.Recommendation = rules.Recommend(a.Organization, w)
	a.Workloads[i] = aw
	a.settleEstate(cat)
	a.RulesVersion = rules.Version()
	return nil
}

// DuplicateWorkload inserts a copy of the workload after it, named "<name> (copy)",
// and re-prices the workloads whose estate facts the copy changes.
func (a *Assessment) DuplicateWorkload(cat *pricing.Catalog, id string) error {
	i, err := a.index(id)
	if err != nil {
		return err
	}
	if len(a.Workloads) >= MaxWorkloads {
		return FieldErrors{tooManyWorkloads()}
	}
	c := a.Workloads[i]
	c.ID = newWorkloadID()
	c.Options = slices.Clone(c.Options)
	name := c.Workload.Name + " (copy)"
	if r := []rune(name); len(r) > MaxNameLen {
		name = string(r[:MaxNameLen])
	}
	c.Workload.Name = name
	c.Input.Name = &name
	c.Workload.Assumptions = slices.Clone(c.Workload.Assumptions)
	a.Workloads = slices.Insert(a.Workloads, i+1, c)
	a.settleEstate(cat)
	return nil
}

// RemoveWorkload removes the workload with the id and re-prices the
// workloads whose estate facts change.
func (a *Assessment) RemoveWorkload(cat *pricing.Catalog, id string) error {
	i, err := a.index(id)
	if err != nil {
		return err
	}
	a.Workloads = slices.Delete(a.Workloads, i, i+1)
	a.settleEstate(cat)
	return nil
}

// Reevaluate re-resolves the organisation and every workload and
// re-evaluates them with the rules and catalog given, e.g. after the
// organisation or the rules changed; amounts are converted with the
// catalog's rates unless the user gave their own.
func (a *Assessment) Reevaluate(rules *Rules, cat *pricing.Catalog) {
	if o, err := a.OrgInput.Resolve(cat.Rates()); err == nil {
		a.Organization = o
	}
	for i := range a.Workloads {
		aw := &a.Workloads[i]
		if w, err := aw.Input.Resolve(); err == nil {
			aw.Workload = w
		}
	}
	evaluateAll(a.Workloads, rules, cat, a.Organization)
	a.RulesVersion = rules.Version()
}

// newWorkloadID returns a random id, unique within an assessment for all
// practical purposes (50 random bits, lower-case base32).
func newWorkloadID() string { return randomID(8)[:10] }
