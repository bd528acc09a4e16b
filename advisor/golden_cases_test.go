package advisor

// goldenCase is one workload of the golden test, named for the guidance it checks.
type goldenCase struct {
	name     string
	in       WorkloadInput
	model    Model
	strategy Strategy
	// geography is the organisation's, when not the default one.
	geography string
}

// orgFor is the organisation a golden case is assessed for.
func orgFor(org Organization, tc goldenCase) Organization {
	if tc.geography != "" {
		org.Geography = tc.geography
	}
	return org
}

// goldenCases are the workloads whose recommendations are kept in
// testdata/golden/<name>.json. Fields left nil get Resolve's defaults.
var goldenCases = []goldenCase{
	{name: "saas_for_commodity_email", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("email_collaboration"), Users: new(300), CustomCode: new(false), Customization: new("low"),
		DataSensitivity: new("internal"), LifetimeMonths: new(60), MobileAccess: new(true)}},
	{name: "iaas_when_os_control_needed", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("web_app"), NeedsOSControl: new(true), CustomCode: new(true), Developers: new(2)}},
	{name: "retire_when_not_in_use", model: Retire, strategy: Retire, in: WorkloadInput{
		Kind: new("web_app"), InUse: new(false)}},
	{name: "retire_when_cpu_and_memory_under_5pct", model: Retire, strategy: Retire, in: WorkloadInput{
		Kind: new("api"), InUse: new(true), AvgCPUUtilizationPct: new(2.5), AvgMemoryUtilizationPct: new(4.0)}},
	{name: "no_retire_when_only_cpu_measured_low", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("api"), AvgCPUUtilizationPct: new(2.0), CustomCode: new(true)}},
	{name: "retain_when_regulated_and_nothing_fits", model: IaaS, strategy: Retain, in: WorkloadInput{
		Kind: new("email_collaboration"), DataSensitivity: new("regulated"), Users: new(2000)}},
	{name: "retain_when_mail_server_needs_os_control", model: IaaS, strategy: Retain, in: WorkloadInput{
		Kind: new("email_collaboration"), NeedsOSControl: new(true), OS: new("windows")}},
	{name: "retain_when_six_months_left", model: PaaS, strategy: Retain, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), LifetimeMonths: new(4), TimeToMarket: new("normal")}},
	{name: "retain_regulated_system_near_end_of_life", model: PaaS, strategy: Retain, in: WorkloadInput{
		Kind: new("database"), DatabaseEngine: new("postgresql"), DataSensitivity: new("regulated"), LifetimeMonths: new(10)}},
	{name: "replatform_database_to_managed_postgres", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("database"), DatabaseEngine: new("postgresql"), StorageGB: new(500), NeedsOSControl: new(false)}},
	{name: "rehost_database_needing_os_control", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("database"), DatabaseEngine: new("postgresql"), NeedsOSControl: new(true)}},
	{name: "replatform_sql_server_to_managed_instance", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("database"), DatabaseEngine: new("sqlserver"), OS: new("windows"), NeedsOSControl: new(false)}},
	{name: "replatform_oracle_to_managed_service_with_licence_check", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("database"), DatabaseEngine: new("oracle"), NeedsOSControl: new(false), LockInTolerance: new("medium")}},
	{name: "rehost_oracle_when_lock_in_tolerance_low", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("database"), DatabaseEngine: new("oracle"), NeedsOSControl: new(false), LockInTolerance: new("low")}},
	{name: "paas_for_team_on_custom_web_app", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), Developers: new(6), NeedsOSControl: new(false), DatabaseEngine: new("mysql")}},
	{name: "refactor_heavily_customised_web_app", model: PaaS, strategy: Refactor, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), Customization: new("high"), Developers: new(4)}},
	{name: "refactor_urgent_api_with_team", model: PaaS, strategy: Refactor, in: WorkloadInput{
		Kind: new("api"), CustomCode: new(true), TimeToMarket: new("urgent"), Developers: new(5)}},
	{name: "iaas_elasticity_for_fast_growth", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), Growth: new("fast"), Instances: new(12), Developers: new(2)}},
	{name: "paas_for_unknown_growth_when_lock_in_accepted", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), Growth: new("unknown"), LockInTolerance: new("high")}},
	{name: "rehost_custom_windows_app", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("web_app"), OS: new("windows"), CustomCode: new(true), Developers: new(2)}},
	{name: "saas_for_short_term_collaboration", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("other"), Collaboration: new(true), LifetimeMonths: new(6), CustomCode: new(false), Users: new(40)}},
	{name: "saas_for_off_the_shelf_crm_with_mobile_users", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("crm"), MobileAccess: new(true), CustomCode: new(false), Customization: new("low"), Users: new(120)}},
	{name: "rehost_heavily_customised_crm", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("crm"), Customization: new("high"), CustomCode: new(true), Developers: new(2)}},
	{name: "iaas_for_regulated_file_sharing", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("file_sharing"), DataSensitivity: new("regulated"), StorageGB: new(4000)}},
	{name: "saas_when_urgent_and_no_code", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("other"), TimeToMarket: new("urgent"), CustomCode: new(false)}},
	{name: "replatform_analytics_to_managed_services", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("analytics"), StorageGB: new(20000), Developers: new(2)}},
	{name: "rehost_batch_on_spot_capacity", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("batch"), Instances: new(4), VCPU: new(16), MemoryGiB: new(64.0)}},
	{name: "rehost_vendor_software", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("other"), CustomCode: new(false), Customization: new("medium")}},
	{name: "iaas_when_lock_in_tolerance_low", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("api"), CustomCode: new(true), LockInTolerance: new("low")}},
	{name: "iaas_for_large_machines", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), VCPU: new(96), MemoryGiB: new(768.0)}},
	{name: "rehost_customised_erp", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("erp"), Customization: new("high"), Users: new(800), OS: new("windows")}},
	{name: "saas_for_standard_erp", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("erp"), Customization: new("low"), Users: new(150)}},
	{name: "saas_for_hosted_monitoring", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("monitoring"), CustomCode: new(false), Customization: new("none")}},
	{name: "saas_for_dev_tools_with_confidential_data", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("dev_tools"), DataSensitivity: new("confidential"), Developers: new(40)}},
	{name: "saas_for_public_file_sharing_with_heavy_egress", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("file_sharing"), DataSensitivity: new("public"), EgressGBMonth: new(20000)}},
	{name: "saas_for_vendor_software_when_lock_in_accepted", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("other"), CustomCode: new(false), LockInTolerance: new("high")}},
	{name: "low_confidence_when_everything_assumed", model: IaaS, strategy: Rehost, in: WorkloadInput{}},
	// Korean residency rules (issue 13): a Seoul organisation.
	{name: "kr_confidential_web_app_in_seoul", geography: "asia-seoul", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), DataSensitivity: new("confidential")}},
	{name: "kr_health_records", geography: "asia-seoul", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), Sector: new("health")}},
	{name: "kr_finance_api", geography: "asia-seoul", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("api"), CustomCode: new(true), Sector: new("finance")}},
	{name: "kr_public_sector", geography: "asia-seoul", model: PaaS, strategy: Replatform, in: WorkloadInput{
		Kind: new("web_app"), CustomCode: new(true), Sector: new("public")}},
}
