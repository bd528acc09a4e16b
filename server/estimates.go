package server

import (
	"maps"
	"slices"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/templates"
)

// orgView fills the organisation form's editable estimates with their
// defaults and reasons; the rates shown are those of the table given.
func orgView(v templates.OrganizationView, rates pricing.Rates) templates.OrganizationView {
	labour := pricing.DefaultLabour()
	reasons := map[string]string{"iaas_per_instance": labour.IaaSPerInstance.Reason, "iaas_per_workload": labour.IaaSPerWorkload.Reason,
		"self_run_database": labour.SelfRunDatabase.Reason, "paas_per_instance": labour.PaaSPerInstance.Reason,
		"paas_per_workload": labour.PaaSPerWorkload.Reason, "managed_database": labour.ManagedDatabase.Reason,
		"saas_per_workload": labour.SaaSPerWorkload.Reason, "saas_per_user": labour.SaaSPerUser.Reason}
	for _, name := range []string{"iaas_per_instance", "iaas_per_workload", "self_run_database", "paas_per_instance",
		"paas_per_workload", "managed_database", "saas_per_workload", "saas_per_user"} {
		v.Labour = append(v.Labour, templates.EstimateField{Name: orgPrefix + "labour." + name, Key: "est.labour." + name,
			Default: labour.Hours()[name].String(), Reason: reasons[name]})
	}
	migration := pricing.DefaultMigration()
	hours := migration.Hours()
	for _, name := range slices.Sorted(maps.Keys(hours)) {
		v.Migration = append(v.Migration, templates.EstimateField{Name: orgPrefix + "migration." + name,
			Key: "est.migration." + name, Default: hours[name].String(), Reason: migrationReason(migration, name)})
	}
	for _, c := range advisor.Currencies {
		v.Rates = append(v.Rates, templates.EstimateField{Name: orgPrefix + "rates." + c, Key: "est.rates.per",
			Default: rates.Per[c].String(), Reason: c + " per 1 " + rates.Base})
	}
	v.Rates = append(v.Rates,
		templates.EstimateField{Name: orgPrefix + "rates.as_of", Key: "est.rates.as_of", Default: rates.AsOf},
		templates.EstimateField{Name: orgPrefix + "rates.source", Key: "est.rates.source", Default: rates.Source})
	return v
}

func migrationReason(d pricing.MigrationDefaults, name string) string {
	switch name {
	case "data_per_user":
		return d.DataPerUser.Reason
	case "training_per_user":
		return d.TrainingPerUser.Reason
	case "transfer_per_gb":
		return d.TransferNote
	}
	efforts := map[string]pricing.StrategyEffort{"rehost": d.Rehost, "replatform": d.Replatform, "refactor": d.Refactor, "repurchase": d.Repurchase}
	for s, e := range efforts {
		switch name {
		case s + ".per_workload":
			return e.PerWorkload.Reason
		case s + ".per_instance":
			return e.PerInstance.Reason
		case s + ".per_database":
			return e.PerDatabase.Reason
		}
	}
	return ""
}
