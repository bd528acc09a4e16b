package advisor

// goldenCase is one workload of the golden test, named for the guidance it
// checks. fires are rules that must fire and never rules that must not;
// decider, when set, is the single answer that must be named as changing the
// verdict, as "field=value -> model/strategy".
type goldenCase struct {
	name     string
	in       WorkloadInput
	model    Model
	strategy Strategy
	fires    []string
	never    []string
	decider  string
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
// testdata/golden/<name>.json. Fields left nil get Resolve's defaults. The
// first group are the tricky workloads of issue 14, as a careful migration
// consultant would judge them; then everyday workloads derived from the seed
// guidance (IaaS for fast change and unknown needs; PaaS for several
// developers on custom code, with lock-in as its cost; SaaS for business
// focus unless security-sensitive, short collaboration projects and mobile
// access) and the 6R strategies.
var goldenCases = []goldenCase{
	// Issue 14: a finance server busy only at month end is in use: right-size it, never retire it.
	{name: "finance_server_busy_at_month_end_is_rightsized_not_retired", model: IaaS, strategy: Rehost,
		fires: []string{"rightsize_low_utilisation", "erp_customised_rehost"}, never: []string{"retire_not_in_use", "retire_end_of_life"},
		in: WorkloadInput{Kind: new("erp"), InUse: new(true), AvgCPUUtilizationPct: new(3.0), AvgMemoryUtilizationPct: new(4.0),
			Customization: new("medium"), CustomCode: new(false), Users: new(30), OS: new("windows"), DataSensitivity: new("confidential"),
			Developers: new(0), LifetimeMonths: new(60)}},
	// Issue 14: a COBOL batch with one developer is rehosted, not refactored.
	{name: "cobol_batch_with_one_developer_is_rehosted", model: IaaS, strategy: Rehost,
		fires: []string{"heavy_customisation_small_team", "batch_on_spot_capacity"}, never: []string{"refactor_heavily_customised_code"},
		decider: "developers=0 -> iaas/retain",
		in: WorkloadInput{Kind: new("batch"), CustomCode: new(true), Customization: new("high"), Developers: new(1), CodeOwnership: new(true),
			NeedsOSControl: new(false), LifetimeMonths: new(60), DataSensitivity: new("confidential"), TimeToMarket: new("normal"),
			Growth: new("stable"), LockInTolerance: new("medium")}},
	{name: "email_and_calendar_is_a_mail_suite", model: SaaS, strategy: Repurchase,
		fires: []string{"email_not_on_own_servers", "commodity_software_as_saas", "collaboration_suits_saas"},
		in: WorkloadInput{Kind: new("email_collaboration"), Users: new(45), Collaboration: new(true), MobileAccess: new(true),
			CustomCode: new(false), Customization: new("none"), DataSensitivity: new("internal")}},
	{name: "static_marketing_site_on_storage_and_cdn", model: PaaS, strategy: Replatform,
		fires: []string{"static_site_on_storage_and_cdn", "public_data_no_barrier"}, never: []string{"vendor_software_on_vms"},
		in: WorkloadInput{Kind: new("static_site"), DataSensitivity: new("public"), Developers: new(1), EgressGBMonth: new(200),
			StorageGB: new(2), Customization: new("low")}},
	{name: "gpu_training_on_spot_gpu_instances", model: IaaS, strategy: Rehost,
		fires: []string{"gpu_needs_gpu_instances", "interruptible_gpu_on_spot"},
		in: WorkloadInput{Kind: new("gpu_compute"), GPUCount: new(8), GPUKind: new("a100"), Interruptible: new(true),
			VCPU: new(96), MemoryGiB: new(1152.0), Developers: new(3), DataSensitivity: new("confidential")}},
	{name: "gpu_inference_on_demand_when_not_interruptible", model: IaaS, strategy: Rehost,
		fires: []string{"gpu_needs_gpu_instances"}, never: []string{"interruptible_gpu_on_spot"},
		in: WorkloadInput{Kind: new("gpu_compute"), GPUCount: new(1), GPUKind: new("l40s"), Interruptible: new(false),
			VCPU: new(8), MemoryGiB: new(64.0), Developers: new(2)}},
	{name: "data_warehouse_on_a_managed_warehouse", model: PaaS, strategy: Replatform,
		fires: []string{"managed_data_warehouse"},
		in:    WorkloadInput{Kind: new("data_warehouse"), StorageGB: new(5000), Users: new(30), DataSensitivity: new("confidential")}},
	// "If the data were not regulated, SaaS would win."
	{name: "regulated_crm_stays_under_your_control", model: IaaS, strategy: Rehost,
		fires: []string{"regulated_data_excludes_saas"}, decider: "data_sensitivity=confidential -> saas/repurchase",
		in: WorkloadInput{Kind: new("crm"), DataSensitivity: new("regulated"), CustomCode: new(false), Customization: new("low"),
			Users: new(60), MobileAccess: new(true), NeedsOSControl: new(false), LifetimeMonths: new(60)}},
	{name: "customised_app_without_developers_is_retained", model: IaaS, strategy: Retain,
		fires: []string{"retain_customised_without_developers"},
		in:    WorkloadInput{Kind: new("web_app"), OS: new("windows"), CustomCode: new(true), Customization: new("high"), Developers: new(0)}},
	{name: "retire_at_agreed_end_of_life", model: Retire, strategy: Retire, fires: []string{"retire_end_of_life"},
		in: WorkloadInput{Kind: new("web_app"), InUse: new(true), EndOfLife: new(true), LifetimeMonths: new(8)}},
	{name: "small_team_on_heavily_customised_app_rehosts", model: IaaS, strategy: Rehost,
		fires: []string{"heavy_customisation_small_team"}, never: []string{"refactor_for_delivery_speed"},
		in: WorkloadInput{Kind: new("web_app"), CustomCode: new(true), Customization: new("high"), Developers: new(2),
			TimeToMarket: new("urgent")}},
	{name: "refactor_for_scale_with_a_team_that_owns_the_code", model: PaaS, strategy: Refactor,
		fires: []string{"refactor_for_scale", "team_on_custom_code"},
		in: WorkloadInput{Kind: new("api"), CustomCode: new(true), Developers: new(8), CodeOwnership: new(true), Growth: new("fast"),
			LifetimeMonths: new(60), NeedsOSControl: new(false)}},
	{name: "no_refactor_when_the_team_does_not_own_the_code", model: PaaS, strategy: Replatform,
		never: []string{"refactor_for_delivery_speed"},
		in: WorkloadInput{Kind: new("api"), CustomCode: new(true), Developers: new(5), CodeOwnership: new(false), TimeToMarket: new("urgent"),
			LifetimeMonths: new(60)}},
	{name: "no_refactor_with_a_year_left", model: PaaS, strategy: Replatform,
		never: []string{"refactor_for_delivery_speed"},
		in: WorkloadInput{Kind: new("web_app"), CustomCode: new(true), Developers: new(5), CodeOwnership: new(true), TimeToMarket: new("urgent"),
			LifetimeMonths: new(14)}},
	{name: "shop_web_app_with_mysql_on_paas", model: PaaS, strategy: Replatform,
		fires: []string{"custom_app_without_middleware", "team_on_custom_code", "open_source_engine_managed"},
		in: WorkloadInput{Kind: new("web_app"), CustomCode: new(true), Developers: new(4), DatabaseEngine: new("mysql"),
			DataSensitivity: new("confidential"), Growth: new("stable")}},
	{name: "internal_tool_of_two_developers_on_paas", model: PaaS, strategy: Replatform,
		fires: []string{"custom_app_without_middleware"},
		in:    WorkloadInput{Kind: new("web_app"), CustomCode: new(true), Developers: new(2), Users: new(40), Growth: new("stable")}},
	{name: "nightly_etl_batch_rehosted", model: IaaS, strategy: Rehost, fires: []string{"batch_on_spot_capacity"},
		in: WorkloadInput{Kind: new("batch"), CustomCode: new(true), Developers: new(2), Instances: new(2)}},
	{name: "self_hosted_git_to_saas", model: SaaS, strategy: Repurchase, fires: []string{"commodity_software_as_saas"},
		in: WorkloadInput{Kind: new("dev_tools"), CustomCode: new(false), Customization: new("low"), Developers: new(12)}},
	{name: "windows_file_server_to_file_sync", model: SaaS, strategy: Repurchase,
		fires: []string{"commodity_software_as_saas", "collaboration_suits_saas"},
		in:    WorkloadInput{Kind: new("file_sharing"), Users: new(80), OS: new("windows"), DataSensitivity: new("internal")}},
	{name: "company_blog_vendor_software_rehosted", model: IaaS, strategy: Rehost, fires: []string{"vendor_software_on_vms"},
		in: WorkloadInput{Kind: new("web_app"), CustomCode: new(false), Customization: new("medium"), DataSensitivity: new("public")}},
	{name: "regulated_warehouse_stays_managed", model: PaaS, strategy: Replatform,
		fires: []string{"managed_data_warehouse", "regulated_data_excludes_saas"},
		in:    WorkloadInput{Kind: new("data_warehouse"), DataSensitivity: new("regulated"), StorageGB: new(20000)}},
	{name: "static_site_even_with_low_lock_in_tolerance", model: PaaS, strategy: Replatform,
		fires: []string{"static_site_on_storage_and_cdn", "low_lock_in_tolerance"},
		in:    WorkloadInput{Kind: new("static_site"), LockInTolerance: new("low"), Developers: new(1)}},
	// Everyday workloads of startups and SMEs.
	{name: "standard_payroll_with_regulated_data_stays_under_control", model: IaaS, strategy: Rehost,
		fires: []string{"regulated_data_excludes_saas", "erp_standard_saas"}, decider: "data_sensitivity=confidential -> saas/repurchase",
		in: WorkloadInput{Kind: new("erp"), Customization: new("low"), DataSensitivity: new("regulated"), Users: new(80), LifetimeMonths: new(60)}},
	{name: "gpu_inference_api_of_a_small_team", model: IaaS, strategy: Rehost, fires: []string{"gpu_needs_gpu_instances"},
		in: WorkloadInput{Kind: new("gpu_compute"), GPUCount: new(1), GPUKind: new("l4"), CustomCode: new(true), Developers: new(2), LifetimeMonths: new(36)}},
	{name: "windows_app_of_a_team_shipping_fast_is_refactored", model: PaaS, strategy: Refactor,
		fires: []string{"refactor_for_delivery_speed", "windows_custom_app_dependencies"},
		in: WorkloadInput{Kind: new("web_app"), OS: new("windows"), CustomCode: new(true), Developers: new(5), TimeToMarket: new("urgent"),
			CodeOwnership: new(true), LifetimeMonths: new(48)}},
	{name: "warehouse_with_low_lock_in_tolerance_stays_managed", model: PaaS, strategy: Replatform,
		fires: []string{"managed_data_warehouse", "low_lock_in_tolerance"},
		in:    WorkloadInput{Kind: new("data_warehouse"), LockInTolerance: new("low"), StorageGB: new(3000)}},
	{name: "helpdesk_bought_as_saas", model: SaaS, strategy: Repurchase, fires: []string{"off_the_shelf_focus_on_business", "mobile_access_saas"},
		in: WorkloadInput{Kind: new("other"), CustomCode: new(false), Customization: new("none"), Users: new(30), MobileAccess: new(true),
			DataSensitivity: new("internal"), LifetimeMonths: new(60)}},
	{name: "startup_postgres_to_managed_database", model: PaaS, strategy: Replatform, fires: []string{"managed_database", "open_source_engine_managed"},
		in: WorkloadInput{Kind: new("database"), DatabaseEngine: new("postgresql"), DataSensitivity: new("confidential"), Growth: new("fast"), LifetimeMonths: new(60)}},
	{name: "os_tuned_mysql_rehosted", model: IaaS, strategy: Rehost, fires: []string{"os_control_requires_iaas"},
		in: WorkloadInput{Kind: new("database"), DatabaseEngine: new("mysql"), NeedsOSControl: new(true), LifetimeMonths: new(60)}},
	{name: "self_hosted_wiki_to_saas", model: SaaS, strategy: Repurchase, fires: []string{"commodity_software_as_saas", "collaboration_suits_saas"},
		in: WorkloadInput{Kind: new("dev_tools"), CustomCode: new(false), Customization: new("low"), Users: new(60), Collaboration: new(true)}},
	{name: "custom_crm_of_a_team_on_paas", model: PaaS, strategy: Replatform, fires: []string{"team_on_custom_code", "custom_code_not_for_sale"},
		in: WorkloadInput{Kind: new("crm"), CustomCode: new(true), Customization: new("high"), Developers: new(4), CodeOwnership: new(true), LifetimeMonths: new(60)}},
	{name: "shop_with_personal_data_and_a_team_refactors_on_paas", model: PaaS, strategy: Refactor,
		fires: []string{"regulated_data_excludes_saas", "refactor_for_scale"},
		in: WorkloadInput{Kind: new("web_app"), CustomCode: new(true), Developers: new(3), DataSensitivity: new("regulated"), DatabaseEngine: new("mysql"),
			LifetimeMonths: new(60), Growth: new("fast"), CodeOwnership: new(true)}},
	{name: "report_batch_of_one_developer_rehosted", model: IaaS, strategy: Rehost, fires: []string{"batch_on_spot_capacity"},
		never: []string{"refactor_heavily_customised_code"},
		in:    WorkloadInput{Kind: new("batch"), CustomCode: new(true), Customization: new("medium"), Developers: new(1), LifetimeMonths: new(48)}},
	{name: "unused_intranet_is_retired", model: Retire, strategy: Retire, fires: []string{"retire_not_in_use"}, never: []string{"rightsize_low_utilisation"},
		in: WorkloadInput{Kind: new("web_app"), InUse: new(false), AvgCPUUtilizationPct: new(1.0), AvgMemoryUtilizationPct: new(2.0)}},
	{name: "idle_api_in_use_is_rightsized", model: PaaS, strategy: Replatform,
		fires: []string{"rightsize_low_utilisation"}, never: []string{"retire_not_in_use"},
		in: WorkloadInput{Kind: new("api"), InUse: new(true), AvgCPUUtilizationPct: new(2.5), AvgMemoryUtilizationPct: new(4.0)}},
	{name: "saas_for_commodity_email", model: SaaS, strategy: Repurchase, in: WorkloadInput{
		Kind: new("email_collaboration"), Users: new(300), CustomCode: new(false), Customization: new("low"),
		DataSensitivity: new("internal"), LifetimeMonths: new(60), MobileAccess: new(true)}},
	{name: "iaas_when_os_control_needed", model: IaaS, strategy: Rehost, in: WorkloadInput{
		Kind: new("web_app"), NeedsOSControl: new(true), CustomCode: new(true), Developers: new(2)}},
	{name: "retire_when_not_in_use", model: Retire, strategy: Retire, in: WorkloadInput{
		Kind: new("web_app"), InUse: new(false)}},
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
	{name: "saas_for_short_term_collaboration", model: SaaS, strategy: Repurchase,
		decider: "data_sensitivity=regulated -> iaas/retain", in: WorkloadInput{
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
