package advisor

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/defaults"
	"cloudadvisor/pricing/provenance"
	"cloudadvisor/pricing/sheet"
)

// TestDefaultComparisonSourceShare measures issue 17's figure: of the
// price lines that default comparisons use (the issue 12 estate in every
// geography, on demand and with the best commitment, every option shown),
// the share by kind of source. Lines the cost model makes itself (labour,
// allowances: their source is a message code) come from no price list and
// are counted apart. Each line is traced back to the embedded
// row it was priced from (provider, SKU and source); a line that traces to
// no row fails the test, since its provenance could not be shown either.
func TestDefaultComparisonSourceShare(t *testing.T) {
	kinds := map[string]provenance.Kind{}
	for _, s := range defaults.Sheets() {
		if err := sheet.Parse(bytes.NewReader(s.Data), func(o pricing.Offer) error {
			kinds[o.Provider+"|"+o.SKU+"|"+o.Source] = provenance.Of(o)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	all, rec := map[provenance.Kind]int{}, map[provenance.Kind]int{}
	third := map[string]int{}
	total, recTotal, model := 0, 0, 0
	for _, geo := range Geographies {
		for _, commit := range []string{"on_demand", "best"} {
			a := assessFive(t, geo, "USD", commit)
			for _, w := range a.Workloads {
				for _, o := range w.Options {
					for _, l := range o.Lines {
						if strings.HasPrefix(l.Source, "#") {
							model++ // the cost model's own (labour, SaaS allowances): no price list
							continue
						}
						k, ok := kinds[o.Provider+"|"+l.SKU+"|"+l.Source]
						if !ok {
							if l.Source == "" {
								t.Errorf("%s %s %s: a line with no source (%s)", geo, w.Workload.Name, o.Provider, l.SKU)
								continue
							}
							k = provenance.FromSource(o.Provider, l.Source) // derived in code (an estimate): judged by its source
						}
						all[k]++
						total++
						if k == provenance.ThirdParty {
							third[fmt.Sprintf("%s %s", o.Provider, l.Source)]++
						}
						if o.Recommended {
							rec[k]++
							recTotal++
						}
					}
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no priced lines")
	}
	for _, k := range provenance.Kinds {
		t.Logf("%-16s all options %4d lines %5.1f%%   recommended %4d lines %5.1f%%", k, all[k], 100*float64(all[k])/float64(total),
			rec[k], 100*float64(rec[k])/float64(max(1, recTotal)))
	}
	t.Logf("and %d lines of the cost model's own (labour, allowances), not from a price list", model)
	for src, n := range third {
		t.Logf("third party: %4d  %.140s", n, src)
	}
}
