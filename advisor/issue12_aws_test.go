package advisor

import (
	"testing"

	"cloudadvisor/pricing"
)

// The Windows ERP on SQL Server gets a complete AWS managed option in Seoul
// and us-east: Elastic Beanstalk with an Application Load Balancer and RDS
// for SQL Server Standard, licence included, Single-AZ, on the smallest
// class (the ERP is not itself a database workload): db.m5.large at 1.004
// USD an hour in Seoul, 0.977 in us-east-1 (AWS RDS pricing-page data,
// publication 2025-05-23, iann0036/aws-price-watcher
// processed/rds-sqlserver-ondemand.json). The option names the Multi-AZ
// price (2.008 and 1.954, twice Single-AZ) and the cheaper Web edition it
// cannot use for an ERP.
func TestIssue12ERPSQLServerOnAWS(t *testing.T) {
	for _, tt := range []struct{ geo, hourly, multiAZ string }{
		{"asia-seoul", "1.004", "2.008"},
		{"us-east", "0.977", "1.954"},
	} {
		t.Run(tt.geo, func(t *testing.T) {
			o, ok := option(assessFive(t, tt.geo, "USD", "on_demand").Workloads[1].Options, pricing.ModelPaaS, "aws")
			if !ok {
				t.Fatal("got no AWS PaaS option for the ERP")
			}
			if !o.Complete {
				t.Errorf("got missing %v, want a complete option", o.Missing)
			}
			var db *pricing.Line
			for i, l := range o.Lines {
				if l.Label.Key == "price.line.managed_db" {
					db = &o.Lines[i]
				}
			}
			if db == nil || db.Name != "db.m5.large" || db.UnitPrice.String() != tt.hourly {
				t.Fatalf("got managed database %+v, want db.m5.large at %s", db, tt.hourly)
			}
			for _, key := range []string{"price.note.db_multi_az", "price.note.db_edition_restricted"} {
				if !hasNote(o, key) {
					t.Errorf("got notes %v, want %s", o.Notes, key)
				}
			}
			for _, n := range o.Notes {
				if n.Key == "price.note.db_multi_az" && n.Args[1] != tt.multiAZ {
					t.Errorf("got Multi-AZ %s an hour, want %s", n.Args[1], tt.multiAZ)
				}
			}
		})
	}
}
