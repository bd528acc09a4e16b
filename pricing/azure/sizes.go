package azure

import (
	"fmt"
	"strconv"
	"strings"

	"cloudadvisor/pricing"
)

// size is what the Retail Prices API does not say about a VM size.
type size struct {
	family    string
	vcpu      float64
	memoryGiB float64
}

// sizes holds the vCPU and memory of common sizes, from Azure's published
// size tables: B-series, D v3/v4/v5 (4 GiB per vCPU), E v5 (8 GiB per vCPU)
// and F v2 (2 GiB per vCPU). Other sizes get 0 vCPU and memory.
var sizes = buildSizes()

func buildSizes() map[string]size {
	m := map[string]size{
		"Standard_B1ls": {"burstable", 1, 0.5}, "Standard_B1s": {"burstable", 1, 1},
		"Standard_B1ms": {"burstable", 1, 2}, "Standard_B2s": {"burstable", 2, 4},
		"Standard_B2ms": {"burstable", 2, 8}, "Standard_B4ms": {"burstable", 4, 16},
		"Standard_B8ms": {"burstable", 8, 32}, "Standard_B12ms": {"burstable", 12, 48},
		"Standard_B16ms": {"burstable", 16, 64}, "Standard_B20ms": {"burstable", 20, 80},
	}
	series := []struct {
		family   string
		gibPerCP float64
		vcpus    []int
		names    []string // printf patterns over the vCPU count
	}{
		{"general_purpose", 4, []int{2, 4, 8, 16, 32, 48, 64},
			[]string{"Standard_D%d_v3", "Standard_D%ds_v3", "Standard_D%d_v4", "Standard_D%ds_v4",
				"Standard_D%dd_v4", "Standard_D%dds_v4", "Standard_D%d_v5", "Standard_D%ds_v5",
				"Standard_D%dd_v5", "Standard_D%dds_v5", "Standard_D%das_v5", "Standard_D%dads_v5"}},
		{"memory_optimized", 8, []int{2, 4, 8, 16, 20, 32, 48, 64},
			[]string{"Standard_E%d_v5", "Standard_E%ds_v5", "Standard_E%dd_v5", "Standard_E%dds_v5",
				"Standard_E%das_v5", "Standard_E%dads_v5"}},
		{"compute_optimized", 2, []int{2, 4, 8, 16, 32, 48, 64, 72},
			[]string{"Standard_F%ds_v2"}},
	}
	for _, s := range series {
		for _, n := range s.vcpus {
			for _, pattern := range s.names {
				m[fmt.Sprintf(pattern, n)] = size{s.family, float64(n), float64(n) * s.gibPerCP}
			}
		}
	}
	return m
}

// vmSize returns the size of armSkuName, or the family alone (from the
// series letter) when only that is known.
func vmSize(armSKUName string) (size, bool) {
	if s, ok := sizes[armSKUName]; ok {
		return s, true
	}
	families := map[byte]string{'B': "burstable", 'D': "general_purpose", 'E': "memory_optimized",
		'F': "compute_optimized", 'L': "storage_optimized", 'N': "gpu", 'M': "memory_optimized"}
	const prefix = "Standard_"
	if len(armSKUName) > len(prefix) && armSKUName[:len(prefix)] == prefix {
		if f, ok := families[armSKUName[len(prefix)]]; ok {
			return size{family: f}, true
		}
	}
	return size{}, false
}

// diskTierGiB is the size of each managed disk tier, the same for Premium
// SSD (P), Standard SSD (E) and Standard HDD (S) disks: "P10" is 128 GiB.
var diskTierGiB = map[int]int{1: 4, 2: 8, 3: 16, 4: 32, 6: 64, 10: 128, 15: 256, 20: 512, 30: 1024,
	40: 2048, 50: 4096, 60: 8192, 70: 16384, 80: 32767}

// diskOf classifies a managed disk meter: the family by product, and the
// size for a per-disk LRS meter such as "P10 LRS Disk". ok is false for
// other disk meters (operations, bursting, ZRS, Ultra and Premium SSD v2).
func diskOf(product, meter string) (family string, gib int, ok bool) {
	switch product {
	case "Premium SSD Managed Disks", "Standard SSD Managed Disks":
		family = pricing.VolumeGeneralSSD
	case "Standard HDD Managed Disks":
		family = pricing.VolumeHDD
	default:
		return "", 0, false
	}
	tier, rest, found := strings.Cut(meter, " ")
	if !found || rest != "LRS Disk" || len(tier) < 2 || !strings.ContainsRune("PES", rune(tier[0])) {
		return family, 0, false
	}
	n, err := strconv.Atoi(tier[1:])
	if err != nil {
		return family, 0, false
	}
	gib, ok = diskTierGiB[n]
	return family, gib, ok
}
