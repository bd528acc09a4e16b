package aws

import (
	"strings"

	"cloudadvisor/pricing"
)

// serviceOf maps a product to the catalog's normalised service.
func serviceOf(a *rawAttribs, productFamily string) pricing.Service {
	ut := a.UsageType
	switch {
	case strings.Contains(ut, "Fargate") && strings.Contains(ut, "-OS-"):
		return pricing.License // Fargate's Windows OS licence fee per vCPU
	case strings.Contains(ut, "Fargate"):
		return pricing.Container
	case a.ServiceCode == "AmazonRDS" || a.ServiceCode == "AmazonAurora":
		return pricing.Database
	}
	switch productFamily {
	case "Compute Instance", "Compute Instance (bare metal)":
		return pricing.Compute
	case "Storage", "System Operation", "Provisioned Throughput":
		if strings.Contains(ut, "EBS:") {
			return pricing.BlockStorage
		}
	case "Data Transfer":
		if a.TransferType == "AWS Outbound" || a.ToLocation == "External" {
			return pricing.Egress
		}
	}
	return pricing.Other
}

// volumeFamily classifies an EBS volume type; snapshots and other EBS
// usage (no volume type) have none.
func volumeFamily(volumeAPIName string) string {
	switch volumeAPIName {
	case "gp2", "gp3":
		return pricing.VolumeGeneralSSD
	case "io1", "io2":
		return pricing.VolumeProvisionedIOPS
	case "st1", "sc1", "standard":
		return pricing.VolumeHDD
	}
	return ""
}

// familyOf maps instanceFamily and the instance type prefix to a family;
// t* types are burstable whatever AWS calls them.
func familyOf(instanceType, instanceFamily string) string {
	t := strings.TrimPrefix(strings.TrimPrefix(instanceType, "db."), "cache.")
	if strings.HasPrefix(t, "t") && len(t) > 1 && t[1] >= '0' && t[1] <= '9' {
		return "burstable"
	}
	switch strings.ToLower(instanceFamily) {
	case "general purpose":
		return "general_purpose"
	case "compute optimized":
		return "compute_optimized"
	case "memory optimized":
		return "memory_optimized"
	case "storage optimized":
		return "storage_optimized"
	case "gpu instance":
		return "gpu"
	case "fpga instances", "machine learning asic instances", "media accelerator instances", "accelerated computing":
		return "accelerated"
	}
	return familyOfPrefix(t)
}

// familyOfPrefix guesses the family from the instance type's letters.
func familyOfPrefix(t string) string {
	prefix := t
	if i := strings.IndexAny(t, "0123456789"); i > 0 {
		prefix = t[:i]
	}
	switch prefix {
	case "m", "a", "mac":
		return "general_purpose"
	case "c":
		return "compute_optimized"
	case "r", "x", "z", "u", "hpc":
		return "memory_optimized"
	case "i", "d", "h", "im", "is":
		return "storage_optimized"
	case "p", "g":
		return "gpu"
	case "inf", "trn", "f", "dl", "vt":
		return "accelerated"
	}
	return ""
}

// osOf maps operatingSystem to linux or windows: RHEL, SUSE, Ubuntu Pro and
// the like are Linux; the exact name stays in Attributes.
func osOf(os string) string {
	switch os {
	case "", "NA":
		return ""
	case "Windows":
		return "windows"
	}
	return "linux"
}

// regionOf is the product's regionCode, from the record itself, its location
// name or its usage-type prefix, in that order; "" when none resolves.
func regionOf(a *rawAttribs) string {
	if a.RegionCode != "" {
		return a.RegionCode
	}
	if a.FromRegionCode != "" {
		return a.FromRegionCode
	}
	if r, ok := locationRegions[a.Location]; ok {
		return r
	}
	return usageTypeRegion(a.UsageType)
}

// usageTypeRegion maps the usage-type prefix (APS1-EBS:...) to a region;
// a usage type with no prefix (BoxUsage:m5.large) is us-east-1.
func usageTypeRegion(ut string) string {
	if ut == "" {
		return ""
	}
	prefix, _, found := strings.Cut(ut, "-")
	if !found || strings.ContainsRune(prefix, ':') {
		return "us-east-1"
	}
	if r, ok := usageTypePrefixes[prefix]; ok {
		return r
	}
	if looksLikeRegionPrefix(prefix) {
		return "" // a region this table does not know yet
	}
	return "us-east-1"
}

// looksLikeRegionPrefix reports whether s is shaped like USE1 or EU.
func looksLikeRegionPrefix(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' && i == len(s)-1) {
			return false
		}
	}
	return true
}

// usageTypePrefixes are AWS's usage-type region prefixes.
var usageTypePrefixes = map[string]string{
	"USE1": "us-east-1", "USE2": "us-east-2", "USW1": "us-west-1", "USW2": "us-west-2",
	"CAN1": "ca-central-1", "CAW1": "ca-west-1", "SAE1": "sa-east-1", "MXC1": "mx-central-1",
	"EU": "eu-west-1", "EUW1": "eu-west-1", "EUW2": "eu-west-2", "EUW3": "eu-west-3",
	"EUC1": "eu-central-1", "EUC2": "eu-central-2", "EUN1": "eu-north-1",
	"EUS1": "eu-south-1", "EUS2": "eu-south-2",
	"APN1": "ap-northeast-1", "APN2": "ap-northeast-2", "APN3": "ap-northeast-3",
	"APS1": "ap-southeast-1", "APS2": "ap-southeast-2", "APS3": "ap-south-1", "APS4": "ap-southeast-3",
	"APS5": "ap-south-2", "APS6": "ap-southeast-4", "APS7": "ap-southeast-5", "APS8": "ap-southeast-7",
	"APE1": "ap-east-1", "APE2": "ap-east-2", "MES1": "me-south-1", "MEC1": "me-central-1",
	"ILC1": "il-central-1", "AFS1": "af-south-1", "CNN1": "cn-north-1", "CNW1": "cn-northwest-1",
	"UGW1": "us-gov-west-1", "UGE1": "us-gov-east-1",
}

// locationRegions maps AWS location names to region codes, for records
// (older GetProducts items) that carry no regionCode.
var locationRegions = map[string]string{
	"US East (N. Virginia)": "us-east-1", "US East (Ohio)": "us-east-2",
	"US West (N. California)": "us-west-1", "US West (Oregon)": "us-west-2",
	"Canada (Central)": "ca-central-1", "Canada West (Calgary)": "ca-west-1",
	"South America (Sao Paulo)": "sa-east-1", "Mexico (Central)": "mx-central-1",
	"EU (Ireland)": "eu-west-1", "EU (London)": "eu-west-2", "EU (Paris)": "eu-west-3",
	"EU (Frankfurt)": "eu-central-1", "EU (Zurich)": "eu-central-2", "EU (Stockholm)": "eu-north-1",
	"EU (Milan)": "eu-south-1", "EU (Spain)": "eu-south-2",
	"Asia Pacific (Tokyo)": "ap-northeast-1", "Asia Pacific (Seoul)": "ap-northeast-2",
	"Asia Pacific (Osaka)": "ap-northeast-3", "Asia Pacific (Singapore)": "ap-southeast-1",
	"Asia Pacific (Sydney)": "ap-southeast-2", "Asia Pacific (Jakarta)": "ap-southeast-3",
	"Asia Pacific (Melbourne)": "ap-southeast-4", "Asia Pacific (Malaysia)": "ap-southeast-5",
	"Asia Pacific (Thailand)": "ap-southeast-7", "Asia Pacific (Mumbai)": "ap-south-1",
	"Asia Pacific (Hyderabad)": "ap-south-2", "Asia Pacific (Hong Kong)": "ap-east-1",
	"Asia Pacific (Taipei)": "ap-east-2", "Middle East (Bahrain)": "me-south-1",
	"Middle East (UAE)": "me-central-1", "Israel (Tel Aviv)": "il-central-1",
	"Africa (Cape Town)": "af-south-1", "China (Beijing)": "cn-north-1", "China (Ningxia)": "cn-northwest-1",
	"AWS GovCloud (US-West)": "us-gov-west-1", "AWS GovCloud (US-East)": "us-gov-east-1",
	"AWS GovCloud (US)": "us-gov-west-1",
}
