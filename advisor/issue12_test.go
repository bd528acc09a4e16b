package advisor

import (
	"slices"
	"testing"

	"cloudadvisor/pricing"
)

// fiveWorkloads are the issue 12 estate: email and calendar for 40 users, a
// customised Windows ERP on SQL Server, a custom web app, a PostgreSQL
// database of 4 vCPU / 16 GiB / 500 GB and server monitoring.
func fiveWorkloads() []WorkloadInput {
	s := func(v string) *string { return &v }
	i := func(v int) *int { return &v }
	f := func(v float64) *float64 { return &v }
	b := func(v bool) *bool { return &v }
	return []WorkloadInput{
		{Name: s("email+calendar"), Kind: s("email_collaboration"), Users: i(40)},
		{Name: s("windows ERP"), Kind: s("erp"), OS: s("windows"), DatabaseEngine: s("sqlserver"), Customization: s("high"),
			Instances: i(1), VCPU: i(4), MemoryGiB: f(16), StorageGB: i(200), Users: i(40)},
		{Name: s("custom web app"), Kind: s("web_app"), CustomCode: b(true), Instances: i(2), VCPU: i(2), MemoryGiB: f(4),
			StorageGB: i(50), EgressGBMonth: i(200), Users: i(40)},
		{Name: s("postgresql"), Kind: s("database"), DatabaseEngine: s("postgresql"), Instances: i(1), VCPU: i(4),
			MemoryGiB: f(16), StorageGB: i(500), EgressGBMonth: i(50)},
		{Name: s("monitoring"), Kind: s("monitoring"), Users: i(5)},
	}
}

func assessFive(t *testing.T, geo, cur, commit string) Assessment {
	t.Helper()
	s := func(v string) *string { return &v }
	a, err := Assess(DefaultRules(), defaultCatalog(t), OrganizationInput{Name: s("five"), Geography: s(geo),
		Currency: s(cur), Commitment: s(commit)}, fiveWorkloads())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func option(opts []pricing.Option, model pricing.Model, provider string) (pricing.Option, bool) {
	i := slices.IndexFunc(opts, func(o pricing.Option) bool { return o.Model == model && o.Provider == provider })
	if i < 0 {
		return pricing.Option{}, false
	}
	return opts[i], true
}

func hasNote(o pricing.Option, key string) bool {
	return slices.ContainsFunc(o.Notes, func(m pricing.Msg) bool { return m.Key == key })
}

// Email and calendar are offered mail suites only, on the billing term the
// commitment picks: Google Workspace Business Standard at the Flexible
// (month-to-month) 16.80 USD a seat on demand (estimate: annual 14 × 1.2,
// the ratio on Google's billing help page) and the annual-plan 14 USD with a
// commitment (api-evangelist transcription of workspace.google.com/pricing,
// read 2026-09-20). Slack (no mail, no calendar) is never offered.
func TestIssue12EmailSuitesOnTheRightTerm(t *testing.T) {
	for _, tt := range []struct{ geo, cur, commit, seat, note string }{
		{"asia-seoul", "KRW", "on_demand", "16.8", "price.note.saas_billing_monthly"},
		{"us-east", "USD", "on_demand", "16.8", "price.note.saas_billing_monthly"},
		{"us-east", "USD", "best", "14", "price.note.saas_billing_annual"},
	} {
		t.Run(tt.geo+"/"+tt.commit, func(t *testing.T) {
			opts := assessFive(t, tt.geo, tt.cur, tt.commit).Workloads[0].Options
			if _, ok := option(opts, pricing.ModelSaaS, "slack"); ok {
				t.Error("got Slack offered for email and calendar, want only suites with mail")
			}
			g, ok := option(opts, pricing.ModelSaaS, "google")
			if !ok {
				t.Fatal("got no Google Workspace option, want one")
			}
			if got := g.Lines[0].UnitPrice.String(); got != tt.seat || g.Lines[0].Currency != "USD" {
				t.Errorf("got %s %s a seat, want %s USD", got, g.Lines[0].Currency, tt.seat)
			}
			if !hasNote(g, tt.note) {
				t.Errorf("got notes %v, want %s", g.Notes, tt.note)
			}
		})
	}
}

// Monitoring bills every host of the estate: the ERP (1), the web app (2)
// and the database (1) run 4 servers, so Datadog Infrastructure Pro is
// 4 × 18 USD = 72 USD a month on demand (was 1 host, 18 USD).
func TestIssue12MonitoringPerEstateHost(t *testing.T) {
	a := assessFive(t, "us-east", "USD", "on_demand")
	d, ok := option(a.Workloads[4].Options, pricing.ModelSaaS, "datadog")
	if !ok {
		t.Fatal("got no Datadog option")
	}
	if got := d.Lines[0].Monthly.String(); d.Lines[0].Quantity.String() != "4" || got != "72" {
		t.Errorf("got %s hosts, %s USD, want 4 hosts, 72 USD", d.Lines[0].Quantity, got)
	}
	if !hasNote(d, "price.note.hosts_from_estate") {
		t.Errorf("got notes %v, want hosts_from_estate", d.Notes)
	}
}

// The free 100 GB of AWS egress is counted once: the ERP sends 10 GB first,
// so the web app's 200 GB are 90 GB free and 110 GB × 0.09 USD = 9.90 USD
// (it was 100 GB free and 9.00 USD, as if it had the allowance alone).
func TestIssue12EgressAllowanceOncePerAccount(t *testing.T) {
	a := assessFive(t, "us-east", "USD", "on_demand")
	o, ok := option(a.Workloads[2].Options, pricing.ModelPaaS, "aws")
	if !ok {
		t.Fatal("got no AWS PaaS option for the web app")
	}
	var free, paid string
	for _, l := range o.Lines {
		if l.Component == pricing.CompNetwork && l.UnitPrice.IsZero() {
			free = l.Quantity.String()
		} else if l.Component == pricing.CompNetwork {
			paid = l.Monthly.String()
		}
	}
	if free != "90" || paid != "9.9" {
		t.Errorf("got %s GB free and %s USD, want 90 GB free and 9.9 USD", free, paid)
	}
}

// The mix names the workloads it leaves out and shows no saving; no
// option with a missing price carries a saving or a break-even month. The
// default catalog now prices all five in Seoul, so the database's options
// are made incomplete here, as a catalog without managed databases would.
func TestIssue12MixNamesItsGaps(t *testing.T) {
	a := assessFive(t, "asia-seoul", "KRW", "on_demand")
	var all [][]pricing.Option
	for i, w := range a.Workloads {
		if i == 3 {
			for j := range w.Options {
				o := &w.Options[j]
				o.Complete, o.Recommended, o.SavingsMonthly, o.BreakEvenMonth = false, false, nil, 0
				o.Missing = []pricing.Msg{pricing.M("price.missing.database", "postgresql", o.Provider, o.Region)}
			}
		}
		all = append(all, w.Options)
		for _, o := range w.Options {
			if !o.Complete && (o.SavingsMonthly != nil || o.BreakEvenMonth != 0) {
				t.Errorf("got a saving on incomplete %s/%s", o.Model, o.Provider)
			}
		}
	}
	mix := pricing.Summarize(all, "KRW").Mix
	if mix.Complete || len(mix.Gaps) == 0 || mix.SavingsMonthly != nil {
		t.Fatalf("got mix complete %v, %d gaps, savings %v; want incomplete, named gaps, no savings", mix.Complete, len(mix.Gaps), mix.SavingsMonthly)
	}
	if mix.Workloads+len(mix.Gaps) != mix.Of || mix.Of != 5 {
		t.Errorf("got %d of %d with %d gaps, want the gaps to make up 5", mix.Workloads, mix.Of, len(mix.Gaps))
	}
	for _, g := range mix.Gaps {
		if len(g.Missing) == 0 {
			t.Errorf("got gap %s with nothing named missing", g.Workload)
		}
	}
}

// The PostgreSQL database (4 vCPU, 16 GiB, 500 GB) on Cloud SQL in Tokyo is
// one db-custom-4-16384 (4 × 0.0537 + 16 × 0.0091 = 0.3604 USD an hour,
// × 730 = 263.092 USD) and 500 GB of SSD at 0.221 USD (110.5 USD), with the
// backup price (0.104 USD per GB-month) noted, not guessed: Tokyo figures of
// cloud.google.com/sql/pricing as extracted on 2026-09-10. It was an
// 8 vCPU / 30 GiB shape (0.7026 USD an hour) when the catalog held only the
// 3.75 GiB-per-vCPU ratio. Seoul and us-east have no dated Cloud SQL price
// (COVERAGE.md), so no Cloud SQL option is offered there rather than one
// priced at Tokyo's rates.
func TestIssue12CloudSQL(t *testing.T) {
	opts := assessFive(t, "asia-tokyo", "USD", "on_demand").Workloads[3].Options
	g, ok := option(opts, pricing.ModelPaaS, "gcp")
	if !ok {
		t.Fatal("got no Cloud SQL option in Tokyo, want one")
	}
	if !g.Complete {
		t.Errorf("got an incomplete Cloud SQL option, missing %v", g.Missing)
	}
	want := map[string]string{"db-custom-4-16384/postgresql": "263.092", "cloudsql-ssd/postgresql": "110.5"}
	for _, l := range g.Lines {
		if l.Component != pricing.CompDatabase {
			continue
		}
		if w, ok := want[l.SKU]; !ok || l.Monthly.String() != w {
			t.Errorf("got line %s at %s USD a month, want one of %v", l.SKU, l.Monthly, want)
		}
		delete(want, l.SKU)
	}
	if len(want) > 0 {
		t.Errorf("got no line for %v", want)
	}
	if !hasNote(g, "price.note.db_backups") {
		t.Errorf("got notes %v, want the backup price noted", g.Notes)
	}
	for _, geo := range []struct{ geo, cur string }{{"asia-seoul", "KRW"}, {"us-east", "USD"}} {
		opts := assessFive(t, geo.geo, geo.cur, "on_demand").Workloads[3].Options
		if o, ok := option(opts, pricing.ModelPaaS, "gcp"); ok {
			t.Errorf("%s: got a Cloud SQL option in %s, want none until the region has a dated price", geo.geo, o.Region)
		}
	}
}

// The custom web app gets a complete Azure App Service option in Seoul: two
// Premium v3 P1 v3 Linux instances (2 vCPU, 8 GiB each) at 0.181 USD an hour,
// the koreacentral figure of the Retail Prices API quoted in the
// WWhaleFe/azure-cost-estimator changelog v69 (2026-06-22, third party).
func TestIssue12AzureAppServiceInSeoul(t *testing.T) {
	a := assessFive(t, "asia-seoul", "KRW", "on_demand")
	o, ok := option(a.Workloads[2].Options, pricing.ModelPaaS, "azure")
	if !ok {
		t.Fatal("got no Azure PaaS option for the web app in Seoul")
	}
	if !o.Complete {
		t.Fatalf("got an incomplete Azure App Service option, missing %v", o.Missing)
	}
	l := o.Lines[0]
	if l.Name != "P1 v3" || l.Quantity.String() != "1460" || l.UnitPrice.String() != "0.181" || l.Currency != "USD" {
		t.Errorf("got %s %s h at %s %s, want P1 v3 1460 h (2 × 730) at 0.181 USD", l.Name, l.Quantity, l.UnitPrice, l.Currency)
	}
}

// Azure SQL Database's vCore meter is the price with Azure Hybrid Benefit:
// the SQL Server licence is a global meter of its own, not in the catalog.
// The ERP's Azure platform option in us-east (GP_Gen5_2 at 0.304434 USD an
// hour, Retail Prices API eastus) is therefore incomplete, and says why.
func TestIssue12AzureSQLLicenceMissing(t *testing.T) {
	a := assessFive(t, "us-east", "USD", "on_demand")
	o, ok := option(a.Workloads[1].Options, pricing.ModelPaaS, "azure")
	if !ok {
		t.Fatal("got no Azure PaaS option for the ERP")
	}
	i := slices.IndexFunc(o.Missing, func(m pricing.Msg) bool { return m.Key == "price.missing.db_licence" })
	if o.Complete || i < 0 {
		t.Fatalf("got complete %v, missing %v; want incomplete with price.missing.db_licence", o.Complete, o.Missing)
	}
	db := slices.IndexFunc(o.Lines, func(l pricing.Line) bool { return l.Name == "GP_Gen5_2" })
	if db < 0 || o.Lines[db].UnitPrice.String() != "0.304434" {
		t.Errorf("got lines %v, want GP_Gen5_2 at 0.304434", o.Lines)
	}
}

// A reserved commitment changes the Azure IaaS option: the PostgreSQL
// server's Standard_D4s_v5 is bought as a reservation paid upfront. In
// koreacentral it is the Retail Prices API's own Reservation price
// (tivec8740-lab/azure-price-my@0b6ed988: 0.145662 USD/h × 8760 = 1276 for 1
// year, 0.093227 × 26280 = 2450.01 for 3); in eastus, where no dated capture
// holds one, an estimate: on demand 0.192 × 416 / 0.0804 = 993.43 (the
// Standard_D2als_v7 eastus reservation and pay-as-you-go), 3 years × 803.
func TestIssue12AzureReservedInstances(t *testing.T) {
	for _, tt := range []struct {
		geo, cur, commit, upfront string
		estimate                  bool
	}{
		{"us-east", "USD", "reserved_1y_all_upfront", "993.43", true},
		{"us-east", "USD", "reserved_3y_all_upfront", "1917.61", true},
		{"asia-seoul", "KRW", "reserved_1y_all_upfront", "1276", false},
		{"asia-seoul", "KRW", "reserved_3y_all_upfront", "2450.01", false},
	} {
		t.Run(tt.geo+"/"+tt.commit, func(t *testing.T) {
			od, _ := option(assessFive(t, tt.geo, tt.cur, "on_demand").Workloads[3].Options, pricing.ModelIaaS, "azure")
			o, ok := option(assessFive(t, tt.geo, tt.cur, tt.commit).Workloads[3].Options, pricing.ModelIaaS, "azure")
			if !ok || len(o.Lines) == 0 || len(od.Lines) == 0 {
				t.Fatal("got no Azure IaaS option for the database")
			}
			l := o.Lines[0]
			if l.Name != "Standard_D4s_v5" || string(l.Term) != tt.commit || l.Upfront.String() != tt.upfront || l.Estimate != tt.estimate {
				t.Errorf("got %s %s upfront %s estimate %v, want Standard_D4s_v5 %s upfront %s, estimate %v", l.Name, l.Term, l.Upfront, l.Estimate, tt.commit, tt.upfront, tt.estimate)
			}
			if !o.RecurringMonthly.Amount.LessThan(od.RecurringMonthly.Amount) {
				t.Errorf("got monthly %s reserved, %s on demand; want less when reserved", o.RecurringMonthly.Amount, od.RecurringMonthly.Amount)
			}
			if hasNote(o, "price.note.commitment_estimate") != tt.estimate {
				t.Errorf("got notes %v, want the estimate's basis named: %v", o.Notes, tt.estimate)
			}
		})
	}
}
