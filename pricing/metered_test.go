package pricing

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// appEngine is a catalog of a platform billed two ways, shaped like Google
// App Engine: standard instance classes per instance-hour (CPU stated as a
// clock rate) and the flexible environment per vCPU-hour, GiB-hour and disk
// GB-month with its shape rules. The figures are synthetic, chosen for the
// arithmetic: the default catalog has no dated App Engine price.
func appEngine(disk bool) *Catalog {
	const src = "synthetic test figures"
	offers := []Offer{
		off("gcp paas us-east1 F2 - 0 0.75 on_demand hour 0.1 0", src, "per=instance", "cpu_ghz=1.2"),
		off("gcp paas us-east1 F4_1G - 0 3 on_demand hour 0.3 0", src, "per=instance", "cpu_ghz=2.4"),
		off("gcp paas us-east1 Flex_vCPU - 0 0 on_demand hour 0.05 0", src, "metered=vcpu", "even_vcpu=true"),
		off("gcp paas us-east1 Flex_memory - 0 0 on_demand hour 0.01 0", src, "metered=memory",
			"min_gib_per_vcpu=0.9", "max_gib_per_vcpu=6.5"),
	}
	if disk {
		offers = append(offers, off("gcp paas us-east1 Flex_disk - 0 0 on_demand gb_month 0.04 0", src,
			"metered=disk", "min_gb=10"))
	}
	return NewCatalog(offers)
}

func appEngineOption(t *testing.T, n Need, c *Catalog) Option {
	t.Helper()
	for _, o := range Quote(n, c, Settings{Geography: "us-east"}) {
		if o.Model == ModelPaaS && o.Provider == "gcp" {
			return o
		}
	}
	t.Fatal("got no App Engine option")
	return Option{}
}

// A small app fits a standard class: 1 vCPU and 0.5 GiB on F2 (0.75 GiB),
// 2 instances × 730 h × 0.1 = 146; its 50 GB are noted as the
// application's, as for any plan. One of 2 vCPU and 4 GiB (the issue 12
// web app) fits no class (F4_1G has 3 GiB and a share of one core), so it
// runs flexible: 2 × 730 × (2 vCPU × 0.05 + 4 GiB × 0.01) + 2 × 10 GB ×
// 0.04 = 204.4 + 0.8. Three vCPUs are billed as 4 (an even count), and
// 30 GiB on 4 vCPUs (max 6.5 each, 26) needs 6 vCPUs.
func TestAppEngineFitsClassOrMeters(t *testing.T) {
	web := Need{Kind: "web_app", Instances: 2, StorageGB: 50, OS: "linux", Strategy: "replatform"}
	tests := []struct {
		name            string
		vcpu, mem       float64
		disk            bool
		compute, stor   string
		vcpuQty, memQty string
		complete        bool
	}{
		{"standard class", 1, 0.5, true, "146", "0", "", "", true},
		{"flexible 2 vCPU 4 GiB", 2, 4, true, "204.4", "0.8", "2920", "5840", true},
		{"flexible odd vCPU billed even", 3, 4, true, "350.4", "0.8", "5840", "5840", true},
		{"flexible memory needs vCPUs", 4, 30, true, "876", "0.8", "8760", "43800", true},
		{"flexible without a disk price", 2, 4, false, "204.4", "0", "2920", "5840", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := web
			n.VCPU, n.MemoryGiB = tt.vcpu, tt.mem
			o := appEngineOption(t, n, appEngine(tt.disk))
			if o.Complete != tt.complete {
				t.Errorf("got complete %v (missing %v), want %v", o.Complete, o.Missing, tt.complete)
			}
			if got := componentTotal(o, CompCompute); got != tt.compute {
				t.Errorf("got compute %s, want %s", got, tt.compute)
			}
			if got := componentTotal(o, CompStorage); got != tt.stor {
				t.Errorf("got storage %s, want %s", got, tt.stor)
			}
			noted := func(key string) bool {
				return slices.ContainsFunc(o.Notes, func(m Msg) bool { return m.Key == "price.note."+key })
			}
			if tt.vcpuQty == "" {
				if len(o.Lines) == 0 || o.Lines[0].Label.Key != "price.line.paas" || !noted("paas_storage") {
					t.Errorf("got lines %v and notes %v, want a standard class with the storage note", o.Lines, o.Notes)
				}
				return
			}
			if noted("paas_storage") || noted("paas_metered_disk") != tt.disk {
				t.Errorf("got notes %v, want the disk note only where the disk is priced", o.Notes)
			}
			if o.Lines[0].Quantity.String() != tt.vcpuQty || o.Lines[1].Quantity.String() != tt.memQty {
				t.Errorf("got %s vCPU-hours and %s GiB-hours, want %s and %s",
					o.Lines[0].Quantity, o.Lines[1].Quantity, tt.vcpuQty, tt.memQty)
			}
			if !noted("paas_metered") {
				t.Errorf("got notes %v, want the metered shape explained", o.Notes)
			}
		})
	}
}

func componentTotal(o Option, comp string) string {
	sum := decimal.Zero
	for _, l := range o.Lines {
		if l.Component == comp {
			sum = sum.Add(l.Monthly)
		}
	}
	return sum.String()
}
