package pricing

import (
	"strings"

	"github.com/shopspring/decimal"
)

// StrategyEffort is the one-time engineering effort of a migration strategy
// and how long the old system keeps running next to the new one.
type StrategyEffort struct {
	PerWorkload Allowance `json:"per_workload"`
	PerInstance Allowance `json:"per_instance"`
	PerDatabase Allowance `json:"per_database"`
	// DualRunMonths is how long the current system keeps running after the
	// new one starts (tests, cut-over, fallback); priced at the current cost.
	DualRunMonths int `json:"dual_run_months"`
}

// MigrationDefaults are the editable one-time migration estimates.
type MigrationDefaults struct {
	Rehost     StrategyEffort `json:"rehost"`
	Replatform StrategyEffort `json:"replatform"`
	Refactor   StrategyEffort `json:"refactor"`
	Repurchase StrategyEffort `json:"repurchase"`
	// DataPerUser and TrainingPerUser apply to repurchase only.
	DataPerUser     Allowance `json:"data_per_user"`
	TrainingPerUser Allowance `json:"training_per_user"`
	// TransferPerGB is the price of moving one GB out of the current host,
	// applied to the workload's storage; Reason says why.
	TransferPerGB Money  `json:"transfer_per_gb"`
	TransferNote  string `json:"transfer_note"`
}

func effort(w, i, d string, months int, strategy string) StrategyEffort {
	why := "price.effort." + strategy
	return StrategyEffort{PerWorkload: hours(w, Ref(why)), PerInstance: hours(i, Ref(why+".instance")),
		PerDatabase: hours(d, Ref(why+".database")), DualRunMonths: months}
}

// DefaultMigration returns the default migration estimates. Effort grows
// with how much changes: rehost (16 h + 8 h per instance + 8 h per
// database; copy and re-point, 1 month of dual running) < replatform (40 h +
// 12 h per instance + 24 h per database; new runtime or managed database,
// dump and restore, 2 months) < refactor (160 h + 24 h per instance + 40 h
// per database; code changes and retesting, 3 months). Repurchase is 40 h of
// set-up, single sign-on and integrations, plus per user 0.25 h of data
// migration and 1 h of training (counted at the engineer rate, as the
// cost of an hour of work), with 2 months of dual running. Data transfer is
// the storage at USD 0.09 per GB, the first-tier internet egress price of the
// large clouds, a fair price for leaving a hosted environment; set it to 0
// when moving from premises over a flat-rate link.
func DefaultMigration() MigrationDefaults {
	return MigrationDefaults{
		Rehost:          effort("16", "8", "8", 1, "rehost"),
		Replatform:      effort("40", "12", "24", 2, "replatform"),
		Refactor:        effort("160", "24", "40", 3, "refactor"),
		Repurchase:      effort("40", "0", "0", 2, "repurchase"),
		DataPerUser:     hours("0.25", Ref("price.allowance.data_per_user")),
		TrainingPerUser: hours("1", Ref("price.allowance.training_per_user")),
		TransferPerGB:   Money{Amount: decimal.RequireFromString("0.09"), Currency: "USD"},
		TransferNote:    Ref("price.source.transfer_default"),
	}
}

// effortFor returns the effort of the strategy, false for none (retain, retire).
func (d MigrationDefaults) effortFor(strategy string) (StrategyEffort, bool) {
	switch strategy {
	case "rehost":
		return d.Rehost, true
	case "replatform":
		return d.Replatform, true
	case "refactor":
		return d.Refactor, true
	case "repurchase":
		return d.Repurchase, true
	}
	return StrategyEffort{}, false
}

// strategyFor is the strategy an option of the model is priced for: the
// recommended strategy when it fits the model (rehost, replatform or refactor
// on IaaS; replatform or refactor on PaaS; repurchase on SaaS), otherwise the
// model's own: IaaS rehost, PaaS replatform, SaaS repurchase.
func strategyFor(m Model, recommended string) string {
	fits := map[Model][]string{ModelIaaS: {"rehost", "replatform", "refactor"},
		ModelPaaS: {"replatform", "refactor"}, ModelSaaS: {"repurchase"}}
	for _, s := range fits[m] {
		if s == recommended {
			return s
		}
	}
	return map[Model]string{ModelIaaS: "rehost", ModelPaaS: "replatform", ModelSaaS: "repurchase"}[m]
}

// addMigration adds the option's one-time migration lines.
func (q quoter) addMigration(opt *Option) {
	e, ok := q.s.Migration.effortFor(opt.Strategy)
	if !ok {
		return
	}
	n, d := q.n, q.s.Migration
	add := func(label Msg, a Allowance, count int) {
		if ln, ok := q.labourLine(label, a, count); ok {
			ln.Component = "migration"
			opt.MigrationLines = append(opt.MigrationLines, ln)
		}
	}
	add(M("price.line.migration", Ref("strategy."+opt.Strategy)), e.PerWorkload, 1)
	if opt.Model != ModelSaaS {
		add(M("price.line.migration_instances", Ref("strategy."+opt.Strategy), n.Instances), e.PerInstance, n.Instances)
	}
	if n.DatabaseEngine != "" && opt.Model != ModelSaaS {
		add(M("price.line.migration_database", EngineRef(n.DatabaseEngine)), e.PerDatabase, 1)
	}
	if opt.Strategy == "repurchase" {
		add(M("price.line.data_migration", n.Users), d.DataPerUser, n.Users)
		add(M("price.line.training", n.Users), d.TrainingPerUser, n.Users)
	}
	if gb := n.StorageGB * max(n.Instances, 1); gb > 0 && !d.TransferPerGB.Amount.IsZero() {
		qty := decimal.NewFromInt(int64(gb))
		opt.MigrationLines = append(opt.MigrationLines, Line{Label: M("price.line.transfer_out"),
			Component: "migration", Quantity: qty, Unit: PerGB, UnitPrice: d.TransferPerGB.Amount,
			Currency: d.TransferPerGB.Currency, Source: d.TransferNote,
			Monthly: qty.Mul(d.TransferPerGB.Amount)})
	}
	q.addDualRun(opt, e.DualRunMonths)
}

// addDualRun prices the months the current system keeps running, when its cost is known.
func (q quoter) addDualRun(opt *Option, months int) {
	if months <= 0 {
		return
	}
	cur := q.n.CurrentMonthly
	if cur == nil {
		opt.note("dual_run_unpriced", months)
		return
	}
	qty := decimal.NewFromInt(int64(months))
	opt.MigrationLines = append(opt.MigrationLines, Line{Label: M("price.line.dual_run"), Component: "migration",
		Quantity: qty, Unit: PerMonth, UnitPrice: cur.Amount, Currency: cur.Currency,
		Source: Ref("price.source.current_cost"), Monthly: qty.Mul(cur.Amount)})
}

// Hours returns each estimate's hours (and dual-running months, and the
// transfer price) by JSON path, for validation and display.
func (d MigrationDefaults) Hours() map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{"data_per_user": d.DataPerUser.Hours, "training_per_user": d.TrainingPerUser.Hours,
		"transfer_per_gb": d.TransferPerGB.Amount}
	for name, e := range map[string]StrategyEffort{"rehost": d.Rehost, "replatform": d.Replatform,
		"refactor": d.Refactor, "repurchase": d.Repurchase} {
		out[name+".per_workload"] = e.PerWorkload.Hours
		out[name+".per_instance"] = e.PerInstance.Hours
		out[name+".per_database"] = e.PerDatabase.Hours
		out[name+".dual_run_months"] = decimal.NewFromInt(int64(e.DualRunMonths))
	}
	return out
}

// Set changes the named estimate (a key of Hours: hours, months of dual
// running, or the transfer price per GB), marking it as the user's figure;
// it reports false for an unknown name. Months are whole numbers.
func (d *MigrationDefaults) Set(name string, v decimal.Decimal) bool {
	if name == "transfer_per_gb" {
		if !d.TransferPerGB.Amount.Equal(v) {
			d.TransferPerGB.Amount, d.TransferNote = v, Ref("price.source.user")
		}
		return true
	}
	allowance := map[string]*Allowance{"data_per_user": &d.DataPerUser, "training_per_user": &d.TrainingPerUser}
	efforts := map[string]*StrategyEffort{"rehost": &d.Rehost, "replatform": &d.Replatform, "refactor": &d.Refactor,
		"repurchase": &d.Repurchase}
	if strategy, field, ok := strings.Cut(name, "."); ok && efforts[strategy] != nil {
		e := efforts[strategy]
		switch field {
		case "dual_run_months":
			e.DualRunMonths = int(v.IntPart())
			return v.IsInteger()
		case "per_workload":
			allowance[name] = &e.PerWorkload
		case "per_instance":
			allowance[name] = &e.PerInstance
		case "per_database":
			allowance[name] = &e.PerDatabase
		}
	}
	a := allowance[name]
	if a == nil {
		return false
	}
	if !a.Hours.Equal(v) {
		a.Hours, a.Reason = v, "set by the user"
	}
	return true
}
