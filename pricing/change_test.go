package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestCompareOptions(t *testing.T) {
	d := decimal.RequireFromString
	vm := Line{Label: M("price.line.instances", "m5.large", 2), Component: CompCompute, Currency: "USD", Monthly: d("140.16")}
	disk := Line{Label: M("price.line.storage"), Component: CompStorage, Currency: "USD", Monthly: d("10")}
	egress := Line{Label: M("price.line.egress"), Component: CompNetwork, Currency: "USD", Monthly: d("9")}
	old := &Option{Provider: "aws", SKU: "m5.large", Monthly: Money{d("1000"), "KRW"}, Complete: true,
		Lines: []Line{vm, disk, disk}, Rates: []RateUse{{From: "USD", To: "KRW", Rate: d("1338.779"), AsOf: "2026-10-06"}}}
	vm2 := vm
	vm2.Monthly = d("175.20")
	new := &Option{Provider: "aws", SKU: "m5.large", Monthly: Money{d("1500"), "KRW"}, Complete: true,
		Lines: []Line{vm2, disk, disk, egress}, Rates: []RateUse{{From: "USD", To: "KRW", Rate: d("1500"), AsOf: "2026-12-04"}}}

	c, changed := CompareOptions("api", old, new)
	if !changed {
		t.Fatal("got no change, want one")
	}
	if len(c.Lines) != 2 {
		t.Fatalf("got %d lines %+v, want 2 (the instances and the new egress; the two disks are unchanged)", len(c.Lines), c.Lines)
	}
	if l := c.Lines[0]; l.Old.String() != "140.16" || l.New.String() != "175.2" || l.Percent.String() != "25" {
		t.Errorf("instances: got %s → %s (%s%%), want 140.16 → 175.2 (25%%)", l.Old, l.New, l.Percent)
	}
	if l := c.Lines[1]; l.Old != nil || l.New.String() != "9" || l.Percent != nil {
		t.Errorf("egress: got %v → %v, want none → 9 and no percent", l.Old, l.New)
	}
	if len(c.Rates) != 1 || c.Rates[0].Percent.String() != "12" || c.Rates[0].NewAsOf != "2026-12-04" {
		t.Errorf("got rates %+v, want USD→KRW +12%% as of 2026-12-04", c.Rates)
	}
	if _, changed := CompareOptions("api", old, old); changed {
		t.Error("got a change comparing an option with itself")
	}
	if c, changed := CompareOptions("api", old, nil); !changed || c.New != nil || len(c.Lines) != 3-1 {
		t.Errorf("got %v %+v, want each old line (the two disks added up) gone", changed, c)
	}
}
