package advisor

import (
	"strings"
	"testing"

	"cloudadvisor/pricing"
)

// TestKindsPricedOnTheirOwnPath checks that GPU, static-site and warehouse
// workloads are priced on products that fit them (issue 14), against the
// embedded default catalog.
func TestKindsPricedOnTheirOwnPath(t *testing.T) {
	cat := defaultCatalog(t)
	org := OrganizationInput{Name: new("Acme")}
	tests := []struct {
		name  string
		in    WorkloadInput
		check func(t *testing.T, opts []pricing.Option)
	}{
		{"gpu training on spot A100 machines", WorkloadInput{Name: new("train"), Kind: new("gpu_compute"), GPUCount: new(8),
			GPUKind: new("a100"), Interruptible: new(true), VCPU: new(96), MemoryGiB: new(680.0)},
			func(t *testing.T, opts []pricing.Option) {
				for _, o := range opts {
					if o.Model != pricing.ModelIaaS {
						t.Errorf("got a %s option from %s, want only GPU IaaS", o.Model, o.Provider)
						continue
					}
					switch o.Provider {
					case "aws":
						if o.Product != "p4d.24xlarge" {
							t.Errorf("aws: got %s, want p4d.24xlarge", o.Product)
						}
					case "gcp":
						if o.Product != "a2-highgpu-8g" || o.Lines[0].Term != pricing.Spot {
							t.Errorf("gcp: got %s on %s, want a2-highgpu-8g on spot", o.Product, o.Lines[0].Term)
						}
					default:
						if o.Complete {
							t.Errorf("%s: got a complete option, want the GPU machine missing", o.Provider)
						}
					}
				}
			}},
		{"static site on object storage", WorkloadInput{Name: new("site"), Kind: new("static_site"), StorageGB: new(2), EgressGBMonth: new(300)},
			func(t *testing.T, opts []pricing.Option) {
				var azure bool
				for _, o := range opts {
					if o.Model == pricing.ModelPaaS && o.Provider == "azure" {
						azure = o.Complete && strings.Contains(o.Product, "Blob")
					}
					if o.Model == pricing.ModelPaaS && strings.Contains(o.Product, "Beanstalk") {
						t.Errorf("got %s for a static site", o.Product)
					}
				}
				if !azure {
					t.Error("got no complete Azure Blob static website option")
				}
			}},
		{"warehouse on managed warehouses", WorkloadInput{Name: new("dw"), Kind: new("data_warehouse"), StorageGB: new(2000)},
			func(t *testing.T, opts []pricing.Option) {
				products := map[string]bool{}
				for _, o := range opts {
					if o.Model == pricing.ModelPaaS {
						products[o.Product] = true
					}
				}
				for _, want := range []string{"Amazon Redshift Serverless", "Google BigQuery (on-demand)", "Azure Synapse serverless SQL pool"} {
					if !products[want] {
						t.Errorf("got PaaS products %v, want %s among them", products, want)
					}
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Assess(DefaultRules(), cat, org, []WorkloadInput{tc.in})
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, a.Workloads[0].Options)
		})
	}
}
