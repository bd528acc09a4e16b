package aws

import (
	"io"
	"strings"

	"cloudadvisor/pricing"
)

// windowsOperations are the RunInstances operation codes of Windows
// (plain, with SQL Server Standard, Enterprise, Web, and BYOL).
var windowsOperations = map[string]bool{
	"RunInstances:0002": true, "RunInstances:0006": true, "RunInstances:0102": true,
	"RunInstances:0202": true, "RunInstances:0800": true,
}

// parseSavingsPlanCSV reads a Savings Plan rate CSV: one row per discounted
// usage type. Each row becomes an offer on the discounted product's SKU, so
// that it sits next to the product's on-demand price.
func parseSavingsPlanCSV(t *csvTable, sink pricing.Sink, stats *pricing.ImportStats) error {
	if err := t.require("SKU", "DiscountedRate", "Currency", "Unit", "LeaseContractLength", "DiscountedUsageType"); err != nil {
		return err
	}
	em := emitter{source: t.source, asOf: t.asOf(), sink: sink, stats: stats}
	intern := interner{}
	plan := ""
	for {
		rec, line, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if s := t.get(rec, "SKU"); s != plan {
			plan = s
			stats.Products++
		}
		p, rec2 := savingsPlanRow(t, rec, intern)
		p.attrs = append(p.attrs, "savingsPlanSku", plan)
		if p.skip == "" && rec2.termType == "" {
			stats.Skip("savings plan lease " + t.get(rec, "LeaseContractLength") + " " + t.get(rec, "LeaseContractLengthUnit"))
			continue
		}
		rec2.dims[0].line = line
		if err := em.emit(p, &rec2); err != nil {
			return &ParseError{Source: t.source, Line: line, SKU: plan, Err: err}
		}
	}
}

// savingsPlanRow builds the product and term of one rate row. The term
// type is "" for a lease length the catalog has no term for.
func savingsPlanRow(t *csvTable, rec []string, in interner) (*product, termRec) {
	ut := t.get(rec, "DiscountedUsageType")
	a := rawAttribs{
		ServiceCode:  t.get(rec, "DiscountedServiceCode"),
		Location:     t.get(rec, "Location"),
		RegionCode:   t.get(rec, "DiscountedRegionCode"),
		InstanceType: t.get(rec, "DiscountedInstanceType"),
		UsageType:    ut,
		Operation:    t.get(rec, "DiscountedOperation"),
	}
	if a.RegionCode == "" {
		a.RegionCode = t.get(rec, "Region Code")
	}
	if _, after, ok := strings.Cut(ut, ":"); ok && a.InstanceType == "" && strings.Contains(ut, "Usage") {
		a.InstanceType = after
	}
	a.Tenancy, a.CapacityStatus = usageTenancy(ut)
	family := "Compute Instance"
	if a.InstanceType == "" {
		family = t.get(rec, "Product Family")
	}
	p := newProduct(t.get(rec, "DiscountedSKU"), family, &a, in)
	if p.sku == "" {
		p.sku = t.get(rec, "SKU")
	}
	p.os = operationOS(a.Operation)
	p.attrs = append(p.attrs, "purchaseOption", t.get(rec, "PurchaseOption"),
		"savingsPlanType", t.get(rec, "Product Family"))
	term := termRec{code: t.get(rec, "SKU"), effective: t.get(rec, "EffectiveDate")}
	if u := strings.ToLower(t.get(rec, "LeaseContractLengthUnit")); u == "" || strings.HasPrefix(u, "year") {
		term.termType = map[string]string{"1": "SavingsPlan1y", "3": "SavingsPlan3y"}[t.get(rec, "LeaseContractLength")]
	}
	term.dims = []dimRec{{
		rateCode: t.get(rec, "RateCode"), unit: t.get(rec, "Unit"), currency: t.get(rec, "Currency"),
		price: t.get(rec, "DiscountedRate"),
	}}
	return p, term
}

// usageTenancy reads tenancy and capacity status from an EC2 usage type,
// as the rate file has no columns for them.
func usageTenancy(ut string) (tenancy, capacity string) {
	switch {
	case strings.Contains(ut, "DedicatedUsage"):
		return "Dedicated", ""
	case strings.Contains(ut, "HostUsage"):
		return "Host", ""
	case strings.Contains(ut, "BoxUsage"):
		return "Shared", ""
	case strings.Contains(ut, "UnusedBox"), strings.Contains(ut, "UnusedDed"):
		return "", "UnusedCapacityReservation"
	}
	return "", ""
}

// operationOS reads the OS from a RunInstances operation code: the rate
// file names no operating system (RunInstances:0010 is RHEL, :0002
// Windows). The code stays in Attributes["operation"].
func operationOS(op string) string {
	switch {
	case !strings.HasPrefix(op, "RunInstances"):
		return ""
	case windowsOperations[op]:
		return "windows"
	}
	return "linux"
}
