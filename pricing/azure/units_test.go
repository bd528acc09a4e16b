package azure

import "testing"

func TestNormaliseUnit(t *testing.T) {
	tests := []struct {
		name, in, wantUnit, wantPer string
		wantErr                     bool
	}{
		{name: "one hour", in: "1 Hour", wantUnit: "hour", wantPer: "1"},
		{name: "hundred hours", in: "100 Hours", wantUnit: "hour", wantPer: "100"},
		{name: "per hour", in: "1/Hour", wantUnit: "hour", wantPer: "1"},
		{name: "gb month", in: "1 GB/Month", wantUnit: "gb_month", wantPer: "1"},
		{name: "gb", in: "1 GB", wantUnit: "gb", wantPer: "1"},
		{name: "ten thousand", in: "10K", wantUnit: "request", wantPer: "10000"},
		{name: "million", in: "1M", wantUnit: "request", wantPer: "1000000"},
		{name: "ten thousand a month", in: "10K/Month", wantUnit: "month", wantPer: "10000"},
		{name: "per month", in: "1/Month", wantUnit: "month", wantPer: "1"},
		{name: "unknown", in: "1 Fortnight", wantErr: true},
		{name: "no count", in: "Hour", wantErr: true},
		{name: "zero", in: "0 Hour", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			unit, per, err := normaliseUnit(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Errorf("got unit %s, want an error", unit)
				}
				return
			}
			if err != nil {
				t.Fatalf("normaliseUnit(%q): %v", tt.in, err)
			}
			if string(unit) != tt.wantUnit || per.String() != tt.wantPer {
				t.Errorf("got %s per %s, want %s per %s", unit, per, tt.wantUnit, tt.wantPer)
			}
		})
	}
}
