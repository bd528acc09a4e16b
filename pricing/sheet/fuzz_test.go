package sheet_test

import (
	"bytes"
	"os"
	"testing"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/sheet"
)

// FuzzParseAny feeds arbitrary bytes to the sheet and vendor-list parsers:
// they must not panic, and every offer they pass on must be valid, as the
// store's importer requires.
func FuzzParseAny(f *testing.F) {
	for _, name := range []string{"testdata/good.csv", "testdata/vendor.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(header + goodRow))
	f.Add([]byte(header + "aws,compute,AmazonEC2,gp,us-east-1,S,m5,linux,NaN,1e400,on_demand,hour,-0.1,,USD,5,1,2021-13-40,,=,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := sheet.ParseAny(bytes.NewReader(data), func(o pricing.Offer) error {
			if err := o.Validate(); err != nil {
				t.Fatalf("parser passed on an invalid offer: %v", err)
			}
			return nil
		})
		_ = err // any error is fine; a panic or an invalid offer is not
	})
}
