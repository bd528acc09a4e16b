package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
)

// Azure sells managed disks by size, per disk per month (Retail Prices API:
// "S10 LRS Disk" 128 GiB $5.888, "P15 LRS Disk" 256 GiB $38.012142 in
// eastus); AWS sells EBS per GB-month (gp3 $0.08 in us-east-1).
func TestBlockStorageByDiskOrByGB(t *testing.T) {
	s10 := off("azure block_storage eastus S10_LRS - 0 0 on_demand month 5.888 0", srcAzure, "disk_gib=128", "sku=s10")
	s10.Family = VolumeGeneralSSD // an HDD in fact: the test is about sizes
	p15 := off("azure block_storage eastus P15_LRS - 0 0 on_demand month 38.012142 0", srcAzure, "disk_gib=256", "sku=p15")
	p15.Family = VolumeGeneralSSD
	gp3 := off("azure block_storage eastus per_GB - 0 0 on_demand gb_month 0.08 0", srcAzure, "sku=gb")
	gp3.Family = VolumeGeneralSSD
	hdd := off("azure block_storage eastus HDD - 0 0 on_demand gb_month 0.01 0", srcAzure, "sku=hdd")
	hdd.Family = VolumeHDD
	tests := []struct {
		name         string
		offers       []Offer
		gb, inst     int
		wantSKU      string
		wantQty, sum string
	}{
		{"one disk holds it; magnetic disks are not compared", []Offer{s10, p15, hdd}, 100, 1, "s10", "1", "5.888"},
		{"no single disk is large enough: the largest size, twice", []Offer{s10, p15}, 300, 1, "p15", "2", "76.024284"},
		{"one disk that fits, not several cheaper small ones", []Offer{s10, p15}, 200, 1, "p15", "1", "38.012142"},
		{"one set of disks per instance", []Offer{s10, p15}, 100, 2, "s10", "2", "11.776"},
		{"a disk is cheaper than 100 GB by the GB", []Offer{s10, gp3}, 100, 1, "s10", "1", "5.888"},
		{"by the GB is cheaper for 50 GB", []Offer{s10, gp3}, 50, 1, "gb", "50", "4"},
		{"a disk large enough exactly", []Offer{p15}, 256, 1, "p15", "1", "38.012142"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := quoter{n: Need{StorageGB: tc.gb, Instances: tc.inst}, c: NewCatalog(tc.offers), s: testSettings()}
			var opt Option
			q.addBlockStorage(&opt, "azure", "eastus")
			if len(opt.Lines) != 1 || len(opt.Missing) != 0 {
				t.Fatalf("got lines %+v, missing %v; want one line", opt.Lines, opt.Missing)
			}
			l := opt.Lines[0]
			if l.SKU != tc.wantSKU || !l.Quantity.Equal(dec(tc.wantQty)) || !l.Monthly.Equal(dec(tc.sum)) || l.Component != CompStorage {
				t.Errorf("got %s × %s = %s (%s); want %s × %s = %s", l.SKU, l.Quantity, l.Monthly, l.Component, tc.wantSKU, tc.wantQty, tc.sum)
			}
		})
	}
	t.Run("nothing sold is missing, not zero", func(t *testing.T) {
		q := quoter{n: Need{StorageGB: 10, Instances: 1}, c: NewCatalog(nil), s: testSettings()}
		var opt Option
		q.addBlockStorage(&opt, "azure", "eastus")
		if len(opt.Lines) != 0 || len(opt.Missing) != 1 || opt.Missing[0].Key != "price.missing.block_storage" {
			t.Errorf("got lines %+v, missing %v", opt.Lines, opt.Missing)
		}
	})
}

// DigitalOcean managed PostgreSQL: db-s-1vcpu-1gb is $15 a month with 10 GiB
// included; more storage is $0.21 per GiB-month (DO docs, 17 Jun 2025).
func TestManagedDBStorageBeyondThePlan(t *testing.T) {
	plan := off("digitalocean database nyc3 db-s-1vcpu-1gb - 1 1 on_demand month 15 0", srcDO, "engine=postgresql", "storage_gb=10")
	more := off("digitalocean database nyc3 additional_storage - 0 0 on_demand gb_month 0.21 0", srcDO, "engine=postgresql", "part=storage")
	for _, tc := range []struct {
		gb        int
		wantLines int
		storage   string
	}{{8, 1, "0"}, {10, 1, "0"}, {50, 2, "8.4"}} {
		q := quoter{n: Need{Kind: "web_app", DatabaseEngine: "postgresql", StorageGB: tc.gb, Instances: 1},
			c: NewCatalog([]Offer{plan, more}), s: testSettings()}
		var opt Option
		q.addManagedDB(&opt, "digitalocean", "nyc3")
		storage := decimal.Zero
		for _, l := range opt.Lines[1:] {
			storage = storage.Add(l.Monthly)
		}
		if len(opt.Lines) != tc.wantLines || !storage.Equal(dec(tc.storage)) || len(opt.Missing) != 0 {
			t.Errorf("%d GB: %d lines, storage %s, missing %v; want %d lines, storage %s", tc.gb, len(opt.Lines), storage, opt.Missing, tc.wantLines, tc.storage)
		}
	}
}

// A DigitalOcean s-1vcpu-1gb Droplet ($6 a month) includes 1 TB of outbound
// transfer (/v2/sizes "transfer": 1), pooled; the excess is $0.01 per GB.
func TestDropletEgressBeyondTheAllowance(t *testing.T) {
	vm := off("digitalocean compute nyc3 s-1vcpu-1gb linux 1 1 on_demand month 6 0", srcDO, "transfer_tb=1")
	over := off("digitalocean egress nyc3 transfer_overage - 0 0 on_demand gb 0.01 0", srcDO)
	for _, tc := range []struct {
		egress, instances int
		want              string
	}{{800, 1, "0"}, {1000, 1, "0"}, {1500, 1, "5"}, {1500, 2, "0"}, {2500, 2, "5"}} {
		q := quoter{n: Need{EgressGBMonth: tc.egress, Instances: tc.instances},
			c: NewCatalog([]Offer{vm, over}), s: testSettings()}
		opt := Option{Provider: "digitalocean", Region: "nyc3"}
		q.addVMEgress(&opt, vm)
		got := decimal.Zero
		for _, l := range opt.Lines {
			got = got.Add(l.Monthly)
		}
		if !got.Equal(dec(tc.want)) || len(opt.Missing) != 0 || len(opt.Notes) != 1 {
			t.Errorf("%d GB on %d Droplets: egress %s, missing %v, notes %v; want %s and one note", tc.egress, tc.instances, got, opt.Missing, opt.Notes, tc.want)
		}
	}
	// Without an allowance every GB is billed.
	q := quoter{n: Need{EgressGBMonth: 500, Instances: 1}, c: NewCatalog([]Offer{over}), s: testSettings()}
	opt := Option{Provider: "digitalocean", Region: "nyc3"}
	q.addVMEgress(&opt, Offer{})
	if len(opt.Lines) != 1 || !opt.Lines[0].Monthly.Equal(dec("5")) {
		t.Errorf("no allowance: got %+v, want 500 GB x 0.01 = 5", opt.Lines)
	}
}
