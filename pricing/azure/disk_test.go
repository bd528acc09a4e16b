package azure

import (
	"testing"

	"cloudadvisor/pricing"
)

func TestDiskOf(t *testing.T) {
	tests := []struct {
		product, meter string
		family         string
		gib            int
		ok             bool
	}{
		{"Premium SSD Managed Disks", "P10 LRS Disk", pricing.VolumeGeneralSSD, 128, true},
		{"Premium SSD Managed Disks", "P15 LRS Disk", pricing.VolumeGeneralSSD, 256, true},
		{"Standard SSD Managed Disks", "E30 LRS Disk", pricing.VolumeGeneralSSD, 1024, true},
		{"Standard HDD Managed Disks", "S10 LRS Disk", pricing.VolumeHDD, 128, true},
		{"Premium SSD Managed Disks", "P80 LRS Disk", pricing.VolumeGeneralSSD, 32767, true},
		// not a per-disk LRS meter: no size
		{"Premium SSD Managed Disks", "P10 ZRS Disk", pricing.VolumeGeneralSSD, 0, false},
		{"Standard SSD Managed Disks", "Disk Operations", pricing.VolumeGeneralSSD, 0, false},
		{"Premium SSD Managed Disks", "P5 LRS Disk", pricing.VolumeGeneralSSD, 0, false}, // no such tier
		{"Ultra Disks", "Provisioned Capacity", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.product+" "+tt.meter, func(t *testing.T) {
			family, gib, ok := diskOf(tt.product, tt.meter)
			if family != tt.family || gib != tt.gib || ok != tt.ok {
				t.Errorf("got %q %d %v, want %q %d %v", family, gib, ok, tt.family, tt.gib, tt.ok)
			}
		})
	}
}

// An imported per-disk meter is a volume the cost model can price by size.
func TestImportedDiskIsVolume(t *testing.T) {
	offers, _, err := parseFile(t, "testdata/storage-eastus.json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range offers {
		if o.Service != pricing.BlockStorage {
			continue
		}
		n++
		if gib, ok := pricing.DiskGiB(o); !pricing.IsVolume(o) || !ok || gib != 128 || o.Family != pricing.VolumeGeneralSSD {
			t.Errorf("%s: family %q disk_gib %q, IsVolume %v; want general_purpose_ssd, 128, true", o.SKU, o.Family, o.Attributes["disk_gib"], pricing.IsVolume(o))
		}
	}
	if n != 1 {
		t.Errorf("got %d block storage offers, want 1 (P10 LRS Disk)", n)
	}
}
