package aws

import (
	"errors"
	"testing"

	"cloudadvisor/pricing"
)

func TestParseGiB(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"8 GiB", 8}, {"0.5 GiB", 0.5}, {"1,152 GiB", 1152}, {"1152 GiB", 1152}, {"NA", 0}, {"", 0},
	}
	for _, tt := range tests {
		if got := parseGiB(tt.in); got != tt.want {
			t.Errorf("parseGiB(%q): got %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFamilyOf(t *testing.T) {
	tests := []struct {
		name, instanceType, instanceFamily, want string
	}{
		{"t3 is burstable though AWS says general purpose", "t3.micro", "General purpose", "burstable"},
		{"rds burstable", "db.t4g.medium", "General purpose", "burstable"},
		{"general", "m5.large", "General purpose", "general_purpose"},
		{"compute", "c6i.large", "Compute optimized", "compute_optimized"},
		{"memory", "r7g.medium", "Memory optimized", "memory_optimized"},
		{"storage", "i4i.4xlarge", "Storage optimized", "storage_optimized"},
		{"gpu", "p4d.24xlarge", "GPU instance", "gpu"},
		{"asic", "inf2.xlarge", "Machine Learning ASIC Instances", "accelerated"},
		{"fpga", "f1.2xlarge", "FPGA Instances", "accelerated"},
		{"prefix only", "x2idn.16xlarge", "", "memory_optimized"},
		{"prefix gpu", "g5.48xlarge", "", "gpu"},
		{"unknown", "zz9.large", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := familyOf(tt.instanceType, tt.instanceFamily); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNormUnit(t *testing.T) {
	tests := []struct {
		in       string
		want     pricing.Unit
		wantSkip bool
		wantErr  error
	}{
		{"Hrs", pricing.PerHour, false, nil},
		{"hours", pricing.PerHour, false, nil},
		{"vCPU-Hours", pricing.PerHour, false, nil},
		{"GB-Hours", pricing.PerHour, false, nil},
		{"GB-Mo", pricing.PerGBMonth, false, nil},
		{"GB", pricing.PerGB, false, nil},
		{"Requests", pricing.PerRequest, false, nil},
		{"IOPS-Mo", pricing.PerMonth, false, nil},
		{"Lambda-GB-Second", "", true, nil},
		{"Furlongs", "", false, ErrUnknownUnit},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, skip, err := normUnit(tt.in)
			if got != tt.want || (skip != "") != tt.wantSkip || !errors.Is(err, tt.wantErr) {
				t.Errorf("got %q skip %q err %v, want %q skip %v err %v", got, skip, err, tt.want, tt.wantSkip, tt.wantErr)
			}
		})
	}
}

func TestRegionOf(t *testing.T) {
	tests := []struct {
		name string
		a    rawAttribs
		want string
	}{
		{"region code wins", rawAttribs{RegionCode: "eu-west-1", Location: "US East (N. Virginia)"}, "eu-west-1"},
		{"location name", rawAttribs{Location: "Asia Pacific (Singapore)"}, "ap-southeast-1"},
		{"usage type prefix", rawAttribs{UsageType: "APN2-BoxUsage:c6i.large"}, "ap-northeast-2"},
		{"no prefix is us-east-1", rawAttribs{UsageType: "BoxUsage:m5.large"}, "us-east-1"},
		{"no prefix with dashes", rawAttribs{UsageType: "DataTransfer-Out-Bytes"}, "us-east-1"},
		{"unknown region prefix", rawAttribs{UsageType: "XYZ9-BoxUsage:m5.large"}, ""},
		{"nothing", rawAttribs{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := regionOf(&tt.a); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTermOf(t *testing.T) {
	tests := []struct {
		rec      termRec
		want     pricing.Term
		wantSkip string
	}{
		{termRec{termType: "OnDemand"}, pricing.OnDemand, ""},
		{termRec{termType: "Reserved", lease: "1yr", class: "standard", purchase: "No Upfront"}, pricing.Reserved1yNoUpfront, ""},
		{termRec{termType: "Reserved", lease: "3yr", class: "standard", purchase: "Partial Upfront"}, pricing.Reserved3yPartialUpfront, ""},
		{termRec{termType: "Reserved", lease: "3yr", purchase: "All Upfront"}, pricing.Reserved3yAllUpfront, ""}, // RDS: no class
		{termRec{termType: "Reserved", lease: "1yr", class: "convertible", purchase: "No Upfront"}, "", "convertible reserved term"},
		{termRec{termType: "Reserved", lease: "3yr", class: "standard", purchase: "Heavy Utilization"}, "", "reserved purchase option Heavy Utilization"},
		{termRec{termType: "Spot"}, "", "term type Spot"},
	}
	for _, tt := range tests {
		got, skip := termOf(&tt.rec)
		if got != tt.want || skip != tt.wantSkip {
			t.Errorf("termOf(%+v): got %q %q, want %q %q", tt.rec, got, skip, tt.want, tt.wantSkip)
		}
	}
}
