package pricing

import (
	"slices"
	"testing"
)

// srcRDSSQL is where the figures of sqlServerOffers are published: AWS's RDS
// for SQL Server pricing-page data, us-east-1, as processed by
// iann0036/aws-price-watcher (processed/rds-sqlserver-ondemand.json,
// RDS publication 2025-05-23).
const srcRDSSQL = "https://aws.amazon.com/rds/sqlserver/pricing/"

// sqlServerOffers are RDS for SQL Server in us-east-1 with a Multi-AZ, a Web
// and an Express product cheaper or dearer than Standard Single-AZ.
func sqlServerOffers() []Offer {
	return []Offer{
		off("aws database us-east-1 db.m5.xlarge - 4 16 on_demand hour 1.224 0", srcRDSSQL, "sku=se-single",
			"engine=sqlserver", "edition=standard", "deployment=single-az"),
		off("aws database us-east-1 db.m5.xlarge - 4 16 on_demand hour 2.448 0", srcRDSSQL, "sku=se-multi",
			"engine=sqlserver", "edition=standard", "deployment=multi-az"),
		off("aws database us-east-1 db.m5.xlarge - 4 16 on_demand hour 0.54 0", srcRDSSQL, "sku=web-single",
			"engine=sqlserver", "edition=web", "deployment=single-az"),
		off("aws database us-east-1 db.t3.xlarge - 4 16 on_demand hour 0.35 0", srcRDSSQL, "sku=ex-single",
			"engine=sqlserver", "edition=express", "deployment=single-az", "max_database_gb=10"),
		off("aws database us-east-1 RDS_gp3_storage - 0 0 on_demand gb_month 0.115 0", srcRDSSQL, "sku=gp3",
			"engine=sqlserver", "part=storage", "deployment=single-az"),
	}
}

// A database workload on SQL Server is priced on Standard Single-AZ, the
// cheapest product without a standby nobody asked for or a licence that
// rules the workload out; the note names the Multi-AZ price and the
// cheaper restricted edition that could hold the data (Express only up to
// 10 GB).
func TestManagedSQLServerStandardSingleAZ(t *testing.T) {
	c := NewCatalog(sqlServerOffers())
	for _, tt := range []struct {
		name    string
		gb      int
		edition Msg // the restricted edition the note names
	}{
		{"500 GB: Web named", 500, M("price.note.db_edition_restricted", "db.m5.xlarge", "#enum.db_edition.standard",
			"db.m5.xlarge", "#enum.db_edition.web", "0.54", "USD", "#price.edition_limit.web")},
		{"5 GB: Express named", 5, M("price.note.db_edition_restricted", "db.m5.xlarge", "#enum.db_edition.standard",
			"db.t3.xlarge", "#enum.db_edition.express", "0.35", "USD", "#price.edition_limit.express")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := Need{Kind: "database", Instances: 1, VCPU: 4, MemoryGiB: 16, StorageGB: tt.gb, DatabaseEngine: "sqlserver"}
			opts := Quote(n, c, testSettings())
			i := slices.IndexFunc(opts, func(o Option) bool { return o.Model == ModelPaaS && o.Provider == "aws" })
			if i < 0 {
				t.Fatal("got no AWS managed database option")
			}
			o := opts[i]
			if len(o.Lines) == 0 || o.Lines[0].SKU != "se-single" || !o.Lines[0].UnitPrice.Equal(dec("1.224")) {
				t.Fatalf("got lines %v, want Standard Single-AZ db.m5.xlarge at 1.224 first", o.Lines)
			}
			for _, want := range []Msg{M("price.note.db_multi_az", "db.m5.xlarge", "2.448", "USD"), tt.edition} {
				if !slices.ContainsFunc(o.Notes, func(m Msg) bool { return slices.Equal(m.Args, want.Args) && m.Key == want.Key }) {
					t.Errorf("got notes %v, want %v", o.Notes, want)
				}
			}
		})
	}
}
