// Package offergen writes synthetic AWS regional EC2 offer files shaped like
// the real ones (products, then OnDemand and Reserved terms, AWS's
// `"key" : "value"` spacing), for benchmarks and memory tests of importers.
package offergen

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// Stats counts what Write wrote.
type Stats struct {
	Bytes         int64
	Products      int
	OnDemandTerms int
	ReservedTerms int
}

// instance is one EC2 instance type of the generated catalog.
type instance struct {
	name, family string
	vcpu         int
	memGiB       string
}

var instances = []instance{
	{"t3.micro", "General purpose", 2, "1 GiB"}, {"t3.small", "General purpose", 2, "2 GiB"},
	{"t3.medium", "General purpose", 2, "4 GiB"}, {"t3.large", "General purpose", 2, "8 GiB"},
	{"t3.xlarge", "General purpose", 4, "16 GiB"}, {"t4g.nano", "General purpose", 2, "0.5 GiB"},
	{"m5.large", "General purpose", 2, "8 GiB"}, {"m5.xlarge", "General purpose", 4, "16 GiB"},
	{"m5.2xlarge", "General purpose", 8, "32 GiB"}, {"m5.4xlarge", "General purpose", 16, "64 GiB"},
	{"m6i.large", "General purpose", 2, "8 GiB"}, {"m6i.8xlarge", "General purpose", 32, "128 GiB"},
	{"m7g.medium", "General purpose", 1, "4 GiB"}, {"m7i-flex.xlarge", "General purpose", 4, "16 GiB"},
	{"c5.large", "Compute optimized", 2, "4 GiB"}, {"c5.2xlarge", "Compute optimized", 8, "16 GiB"},
	{"c6i.large", "Compute optimized", 2, "4 GiB"}, {"c6g.4xlarge", "Compute optimized", 16, "32 GiB"},
	{"c7i.metal-24xl", "Compute optimized", 96, "192 GiB"}, {"c5d.2xlarge", "Compute optimized", 8, "16 GiB"},
	{"r5.large", "Memory optimized", 2, "16 GiB"}, {"r6i.2xlarge", "Memory optimized", 8, "64 GiB"},
	{"r7g.medium", "Memory optimized", 1, "8 GiB"}, {"x2idn.16xlarge", "Memory optimized", 64, "1,024 GiB"},
	{"u-6tb1.56xlarge", "Memory optimized", 224, "6,144 GiB"}, {"z1d.large", "Memory optimized", 2, "16 GiB"},
	{"i3en.xlarge", "Storage optimized", 4, "32 GiB"}, {"i4i.4xlarge", "Storage optimized", 16, "128 GiB"},
	{"d3.xlarge", "Storage optimized", 4, "32 GiB"}, {"im4gn.large", "Storage optimized", 2, "8 GiB"},
	{"p4d.24xlarge", "GPU instance", 96, "1,152 GiB"}, {"g5.48xlarge", "GPU instance", 192, "768 GiB"},
	{"g4dn.xlarge", "GPU instance", 4, "16 GiB"}, {"inf2.xlarge", "Machine Learning ASIC Instances", 4, "16 GiB"},
	{"trn1.2xlarge", "Machine Learning ASIC Instances", 8, "32 GiB"}, {"f1.2xlarge", "FPGA Instances", 8, "122 GiB"},
}

// software is an operating system with its pre-installed software.
type software struct {
	os, sw, op, license string
	factor              float64
}

var softwares = []software{
	{"Linux", "NA", "RunInstances", "No License required", 1},
	{"Windows", "NA", "RunInstances:0002", "No License required", 1.8},
	{"Windows", "SQL Std", "RunInstances:0006", "No License required", 3.1},
	{"Windows", "SQL Web", "RunInstances:0202", "No License required", 2.2},
	{"RHEL", "NA", "RunInstances:0010", "No License required", 1.3},
	{"SUSE", "NA", "RunInstances:000g", "No License required", 1.4},
	{"Ubuntu Pro", "NA", "RunInstances:0g00", "No License required", 1.05},
	{"Windows", "NA", "RunInstances:0800", "Bring your own license", 1},
}

var tenancies = []struct{ name, usage string }{{"Shared", "BoxUsage"}, {"Dedicated", "DedicatedUsage"}, {"Host", "HostUsage"}}

var capacities = []struct{ status, usage string }{
	{"Used", ""}, {"UnusedCapacityReservation", "UnusedBox"}, {"AllocatedCapacityReservation", "Reservation"},
}

// reserved are the twelve reserved terms of an EC2 instance, with AWS's
// offer term codes and each term's hourly and upfront share of on-demand.
var reserved = []struct {
	code, lease, class, option string
	hourly, upfront            float64
}{
	{"4NA7Y494T4", "1yr", "standard", "No Upfront", 0.62, 0},
	{"HU7G6KETJZ", "1yr", "standard", "Partial Upfront", 0.30, 2625},
	{"6QCMYABX3D", "1yr", "standard", "All Upfront", 0, 5146},
	{"BPH4J8HBKS", "3yr", "standard", "No Upfront", 0.43, 0},
	{"38NPMPTW36", "3yr", "standard", "Partial Upfront", 0.20, 5260},
	{"NQ3QZPMQV9", "3yr", "standard", "All Upfront", 0, 9885},
	{"7NE97W5U4E", "1yr", "convertible", "No Upfront", 0.74, 0},
	{"CUZHX8X6JH", "1yr", "convertible", "Partial Upfront", 0.35, 3062},
	{"VJWZNREJX2", "1yr", "convertible", "All Upfront", 0, 6000},
	{"Z2E3P23VKM", "3yr", "convertible", "No Upfront", 0.53, 0},
	{"R5XV2EPZQZ", "3yr", "convertible", "Partial Upfront", 0.25, 6323},
	{"MZU6U2429S", "3yr", "convertible", "All Upfront", 0, 12093},
}

// product is the i-th generated product.
type product struct {
	sku      string
	ins      instance
	sw       software
	tenancy  int
	capacity int
	storage  bool   // an EBS volume instead of an instance
	volume   string // EBS volume type
	od       float64
}

func productAt(i int) product {
	p := product{sku: skuOf(i)}
	if i%40 == 39 {
		p.storage = true
		p.od = []float64{0.08, 0.1, 0.125, 0.045}[i/40%4]
		p.volume = []string{"gp3", "gp2", "io1", "st1"}[i/40%4]
		return p
	}
	combos := len(instances) * len(softwares) * len(tenancies) * len(capacities)
	c := i % combos
	p.ins = instances[c%len(instances)]
	c /= len(instances)
	p.sw = softwares[c%len(softwares)]
	c /= len(softwares)
	p.tenancy = c % len(tenancies)
	p.capacity = c / len(tenancies)
	p.od = float64(p.ins.vcpu) * 0.048 * p.sw.factor
	if p.tenancy == 1 {
		p.od *= 1.1
	}
	if p.tenancy == 2 {
		p.od = 0
	}
	return p
}

// skuOf is a 16-character SKU like AWS's, unique per i.
func skuOf(i int) string {
	const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
	var b [16]byte
	x := splitmix(uint64(i))
	for k := range b {
		if k == 8 {
			x = splitmix(x)
		}
		b[k] = alphabet[x%uint64(len(alphabet))]
		x /= uint64(len(alphabet))
	}
	return string(b[:])
}

// splitmix is SplitMix64's mixing step: a bijection, so SKUs never collide
// within one 8-character half.
func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// hasReserved reports whether the product has reserved terms: instances
// that run on shared or dedicated tenancy and are used capacity.
func (p product) hasReserved() bool {
	return !p.storage && p.tenancy != 2 && p.capacity == 0
}

// Write writes an offer file of at least size bytes.
func Write(w io.Writer, size int64) (Stats, error) {
	var st Stats
	var buf bytes.Buffer
	n := 0
	for total := int64(len(header) + len(footer) + 64); total < size; n++ {
		buf.Reset()
		writeProduct(&buf, productAt(n), true)
		writeOnDemand(&buf, productAt(n), true)
		writeReserved(&buf, productAt(n), true)
		total += int64(buf.Len())
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &countWriter{w: bw}
	fmt.Fprint(cw, header)
	fmt.Fprint(cw, "  \"products\" : {\n")
	for i := 0; i < n; i++ {
		writeProduct(cw, productAt(i), i == 0)
		st.Products++
	}
	fmt.Fprint(cw, "\n  },\n  \"terms\" : {\n    \"OnDemand\" : {\n")
	for i := 0; i < n; i++ {
		writeOnDemand(cw, productAt(i), i == 0)
		st.OnDemandTerms++
	}
	fmt.Fprint(cw, "\n    },\n    \"Reserved\" : {\n")
	first := true
	for i := 0; i < n; i++ {
		if p := productAt(i); p.hasReserved() {
			writeReserved(cw, p, first)
			first = false
			st.ReservedTerms += len(reserved)
		}
	}
	fmt.Fprint(cw, "\n    }\n  },\n"+footer)
	st.Bytes = cw.n
	if cw.err != nil {
		return st, cw.err
	}
	return st, bw.Flush()
}

const header = `{
  "formatVersion" : "v1.0",
  "disclaimer" : "This pricing list is for informational purposes only. All prices are subject to the additional terms included in the pricing pages on http://aws.amazon.com. All Free Tier prices are also subject to the terms included at https://aws.amazon.com/free/",
  "offerCode" : "AmazonEC2",
  "version" : "20250912225308",
  "publicationDate" : "2025-09-12T22:53:08Z",
`

const footer = "  \"attributesList\" : { }\n}\n"

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}
