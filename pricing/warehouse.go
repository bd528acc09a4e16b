package pricing

import ()

// Assumptions of the warehouse pricing, stated on every option: the
// providers bill warehouses by use, which the questionnaire does not ask.
const (
	// WarehouseScansPerMonth is how many times a month the queries read the
	// stored data in full (BigQuery on-demand bills the bytes scanned).
	WarehouseScansPerMonth = 4
	// WarehouseBaseRPU is the capacity Redshift Serverless runs at while
	// queries run, and WarehouseActiveHours the hours a month it runs:
	// 4 hours on 22 working days.
	WarehouseBaseRPU     = 8
	WarehouseActiveHours = 88
)

// warehouseProducts are the managed warehouses priced, one per provider,
// each by its own model. Their catalog rows are service other with the
// attribute warehouse=<product> and part=storage, scan or compute.
var warehouseProducts = []struct {
	provider, product string
	parts             []string
}{
	{"aws", "Amazon Redshift Serverless", []string{"compute", "storage"}},
	{"gcp", "Google BigQuery (on-demand)", []string{"scan", "storage"}},
	{"azure", "Azure Synapse serverless SQL pool", []string{"scan", "storage"}},
}

// warehouseAll prices a data warehouse on each provider's managed warehouse
// by the provider's own model: storage per GB-month; Redshift Serverless
// compute per RPU-hour (WarehouseBaseRPU × WarehouseActiveHours);
// BigQuery and Synapse serverless per GB scanned (the stored data read
// WarehouseScansPerMonth times). A part without a price is missing.
func (q quoter) warehouseAll() []Option {
	gb := max(q.n.StorageGB, 1) * max(q.n.Instances, 1)
	var out []Option
	for _, w := range warehouseProducts {
		region, _ := Region(q.s.Geography, w.provider)
		opt := Option{Model: ModelPaaS, Provider: w.provider, Region: region, Product: w.product,
			Strategy: strategyFor(ModelPaaS, q.n.Strategy)}
		for _, part := range w.parts {
			f := Fit{Provider: w.provider, Region: region, Service: Other, Term: OnDemand,
				Match: func(o Offer) bool { return o.Attributes["warehouse"] != "" && o.Attributes["part"] == part }}
			var qty int
			var name Msg
			var comp string
			switch part {
			case "storage":
				qty, name, comp = gb, M("price.line.warehouse_storage"), CompStorage
			case "scan":
				qty, name, comp = gb*WarehouseScansPerMonth, M("price.line.warehouse_scan", gb*WarehouseScansPerMonth, WarehouseScansPerMonth), CompDatabase
			case "compute":
				qty, name, comp = WarehouseBaseRPU*WarehouseActiveHours, M("price.line.warehouse_compute", WarehouseBaseRPU, WarehouseActiveHours), CompDatabase
			}
			ls, ok := q.usageLines(f, name, comp, qty)
			if !ok {
				opt.missing("warehouse_part", Ref("price.part."+part), w.product, RegionRef(region))
				continue
			}
			opt.Lines = append(opt.Lines, ls...)
		}
		opt.note("warehouse_assumed",
			WarehouseScansPerMonth, WarehouseBaseRPU, WarehouseActiveHours)
		q.addLabour(&opt, "")
		q.addMigration(&opt)
		out = append(out, opt)
	}
	return out
}
