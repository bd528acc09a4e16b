package pricing

import (
	"github.com/shopspring/decimal"
)

// Allowance is an editable number of engineer hours with the reasoning
// behind its default.
type Allowance struct {
	Hours  decimal.Decimal `json:"hours"`
	Reason string          `json:"reason"`
}

// LabourDefaults are the monthly operations hours by model, following the
// responsibility split of the service models: on IaaS the customer runs the
// OS, middleware, runtime, application and data; on PaaS the application and
// data; on SaaS only the administration of users and settings. Hours are per
// month, priced at the organisation's hourly rate.
type LabourDefaults struct {
	IaaSPerInstance Allowance `json:"iaas_per_instance"`
	IaaSPerWorkload Allowance `json:"iaas_per_workload"`
	SelfRunDatabase Allowance `json:"self_run_database"`
	PaaSPerInstance Allowance `json:"paas_per_instance"`
	PaaSPerWorkload Allowance `json:"paas_per_workload"`
	ManagedDatabase Allowance `json:"managed_database"`
	SaaSPerWorkload Allowance `json:"saas_per_workload"`
	SaaSPerUser     Allowance `json:"saas_per_user"`
}

func hours(s, reason string) Allowance {
	return Allowance{Hours: decimal.RequireFromString(s), Reason: reason}
}

// DefaultLabour returns the default operations hours per month:
//
//   - IaaS, 4 h per instance for the OS, middleware and runtime (patching,
//     hardening, monitoring, backups, capacity): one administrator's month
//     (about 160 h) commonly looks after 40 to 50 servers.
//   - IaaS and PaaS, 4 h per workload for the application and its data
//     (deployments, configuration, data fixes, incident follow-up), the same
//     on both models since the customer owns them on both.
//   - A database self-run on the VM, 4 h more (engine patching, backups,
//     restore tests); a managed one, 1 h (reviewing the provider's backups,
//     parameters and upgrades).
//   - PaaS, 0.5 h per instance (scaling rules, platform version upgrades).
//   - SaaS, 2 h per workload (settings, integrations, vendor updates) plus
//     0.05 h (3 minutes) per user (joiners, leavers, access reviews).
func DefaultLabour() LabourDefaults {
	return LabourDefaults{
		IaaSPerInstance: hours("4", Ref("price.allowance.iaas_per_instance")),
		IaaSPerWorkload: hours("4", Ref("price.allowance.iaas_per_workload")),
		SelfRunDatabase: hours("4", Ref("price.allowance.self_run_database")),
		PaaSPerInstance: hours("0.5", Ref("price.allowance.paas_per_instance")),
		PaaSPerWorkload: hours("4", Ref("price.allowance.paas_per_workload")),
		ManagedDatabase: hours("1", Ref("price.allowance.managed_database")),
		SaaSPerWorkload: hours("2", Ref("price.allowance.saas_per_workload")),
		SaaSPerUser:     hours("0.05", Ref("price.allowance.saas_per_user")),
	}
}

// Scaled returns the defaults with every number of hours multiplied by f.
func (d LabourDefaults) Scaled(f decimal.Decimal) LabourDefaults {
	for _, a := range []*Allowance{&d.IaaSPerInstance, &d.IaaSPerWorkload, &d.SelfRunDatabase, &d.PaaSPerInstance,
		&d.PaaSPerWorkload, &d.ManagedDatabase, &d.SaaSPerWorkload, &d.SaaSPerUser} {
		a.Hours = a.Hours.Mul(f)
	}
	return d
}

// labourLine prices count × the allowance's hours at the hourly rate.
func (q quoter) labourLine(label Msg, a Allowance, count int) (Line, bool) {
	h := a.Hours.Mul(decimal.NewFromInt(int64(count)))
	if !h.IsPositive() {
		return Line{}, false
	}
	r := q.s.HourlyRate
	return Line{Label: label, Component: CompLabour, Quantity: h, Unit: PerHour, UnitPrice: r.Amount,
		Currency: r.Currency, Source: Ref("price.source.labour", a.Reason),
		Monthly: h.Mul(r.Amount)}, true
}

// addLabour adds the option's operations labour lines. db is "", "self",
// "managed", or "managed_only" for a managed database without a platform.
func (q quoter) addLabour(opt *Option, db string) {
	l, n := q.s.Labour, q.n
	type item struct {
		label Msg
		a     Allowance
		count int
	}
	var items []item
	switch opt.Model {
	case ModelIaaS:
		items = []item{{M("price.line.ops_iaas_instances", n.Instances), l.IaaSPerInstance, n.Instances},
			{M("price.line.ops_application"), l.IaaSPerWorkload, 1}}
	case ModelPaaS:
		items = []item{{M("price.line.ops_paas_instances", n.Instances), l.PaaSPerInstance, n.Instances},
			{M("price.line.ops_application"), l.PaaSPerWorkload, 1}}
	case ModelSaaS:
		items = []item{{M("price.line.saas_admin"), l.SaaSPerWorkload, 1},
			{M("price.line.saas_user_admin", n.Users), l.SaaSPerUser, n.Users}}
	}
	switch db {
	case "self":
		items = append(items, item{M("price.line.ops_self_db", EngineRef(n.DatabaseEngine)), l.SelfRunDatabase, 1})
	case "managed_only":
		items = items[1:]
		fallthrough
	case "managed":
		items = append(items, item{M("price.line.ops_managed_db", EngineRef(n.DatabaseEngine)), l.ManagedDatabase, 1})
	}
	for _, it := range items {
		if ln, ok := q.labourLine(it.label, it.a, it.count); ok {
			opt.Lines = append(opt.Lines, ln)
		}
	}
}

// Hours returns each allowance's hours by its JSON name, for validation and display.
func (d LabourDefaults) Hours() map[string]decimal.Decimal {
	return map[string]decimal.Decimal{"iaas_per_instance": d.IaaSPerInstance.Hours, "iaas_per_workload": d.IaaSPerWorkload.Hours,
		"self_run_database": d.SelfRunDatabase.Hours, "paas_per_instance": d.PaaSPerInstance.Hours,
		"paas_per_workload": d.PaaSPerWorkload.Hours, "managed_database": d.ManagedDatabase.Hours,
		"saas_per_workload": d.SaaSPerWorkload.Hours, "saas_per_user": d.SaaSPerUser.Hours}
}

// Set changes the hours of the named allowance (a key of Hours), marking it
// as the user's figure; it reports false for an unknown name.
func (d *LabourDefaults) Set(name string, h decimal.Decimal) bool {
	a := map[string]*Allowance{"iaas_per_instance": &d.IaaSPerInstance, "iaas_per_workload": &d.IaaSPerWorkload,
		"self_run_database": &d.SelfRunDatabase, "paas_per_instance": &d.PaaSPerInstance,
		"paas_per_workload": &d.PaaSPerWorkload, "managed_database": &d.ManagedDatabase,
		"saas_per_workload": &d.SaaSPerWorkload, "saas_per_user": &d.SaaSPerUser}[name]
	if a == nil {
		return false
	}
	if !a.Hours.Equal(h) {
		a.Hours, a.Reason = h, "set by the user"
	}
	return true
}
