package offergen

import (
	"fmt"
	"io"
)

func sep(w io.Writer, first bool) {
	if !first {
		io.WriteString(w, ",\n")
	}
}

// writeProduct writes one entry of "products".
func writeProduct(w io.Writer, p product, first bool) {
	sep(w, first)
	if p.storage {
		fmt.Fprintf(w, `    %q : {
      "sku" : %q,
      "productFamily" : "Storage",
      "attributes" : {
        "servicecode" : "AmazonEC2",
        "location" : "US East (N. Virginia)",
        "locationType" : "AWS Region",
        "storageMedia" : "SSD-backed",
        "volumeType" : "General Purpose",
        "maxVolumeSize" : "16 TiB",
        "usagetype" : "EBS:VolumeUsage.%s",
        "operation" : "",
        "regionCode" : "us-east-1",
        "servicename" : "Amazon Elastic Compute Cloud",
        "volumeApiName" : %q
      }
    }`, p.sku, p.sku, p.volume, p.volume)
		return
	}
	usage := tenancies[p.tenancy].usage
	if u := capacities[p.capacity].usage; u != "" {
		usage = u
	}
	fmt.Fprintf(w, `    %q : {
      "sku" : %q,
      "productFamily" : "Compute Instance",
      "attributes" : {
        "servicecode" : "AmazonEC2",
        "location" : "US East (N. Virginia)",
        "locationType" : "AWS Region",
        "instanceType" : %q,
        "currentGeneration" : "Yes",
        "instanceFamily" : %q,
        "vcpu" : "%d",
        "physicalProcessor" : "Intel Xeon Platinum 8375C (Ice Lake)",
        "clockSpeed" : "3.5 GHz",
        "memory" : %q,
        "storage" : "EBS only",
        "networkPerformance" : "Up to 12500 Megabit",
        "processorArchitecture" : "64-bit",
        "tenancy" : %q,
        "operatingSystem" : %q,
        "licenseModel" : %q,
        "usagetype" : "%s:%s",
        "operation" : %q,
        "availabilityzone" : "NA",
        "capacitystatus" : %q,
        "classicnetworkingsupport" : "false",
        "dedicatedEbsThroughput" : "Up to 10000 Mbps",
        "ecu" : "NA",
        "enhancedNetworkingSupported" : "Yes",
        "gpuMemory" : "NA",
        "intelAvxAvailable" : "Yes",
        "intelAvx2Available" : "Yes",
        "intelTurboAvailable" : "Yes",
        "marketoption" : "OnDemand",
        "normalizationSizeFactor" : "4",
        "preInstalledSw" : %q,
        "processorFeatures" : "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo",
        "regionCode" : "us-east-1",
        "servicename" : "Amazon Elastic Compute Cloud",
        "vpcnetworkingsupport" : "true"
      }
    }`, p.sku, p.sku, p.ins.name, p.ins.family, p.ins.vcpu, p.ins.memGiB, tenancies[p.tenancy].name,
		p.sw.os, p.sw.license, usage, p.ins.name, p.sw.op, capacities[p.capacity].status, p.sw.sw)
}

// writeOnDemand writes the OnDemand entry of one product.
func writeOnDemand(w io.Writer, p product, first bool) {
	sep(w, first)
	desc := fmt.Sprintf("$%.4f per On Demand %s %s Instance Hour", p.od, p.sw.os, p.ins.name)
	unit := "Hrs"
	if p.storage {
		desc = fmt.Sprintf("$%.3f per GB-month of General Purpose SSD provisioned storage - US East (N. Virginia)", p.od)
		unit = "GB-Mo"
	}
	fmt.Fprintf(w, `      %q : {
        "%s.JRTCKXETXF" : {
          "offerTermCode" : "JRTCKXETXF",
          "sku" : %q,
          "effectiveDate" : "2025-09-01T00:00:00Z",
          "priceDimensions" : {
`, p.sku, p.sku, p.sku)
	writeDim(w, p.sku, "JRTCKXETXF", "6YS6EN2CT7", desc, unit, p.od, true, true)
	io.WriteString(w, "\n          },\n          \"termAttributes\" : { }\n        }\n      }")
}

// writeReserved writes the Reserved entry of one product: twelve terms,
// the upfront ones with an "Upfront Fee" dimension in unit Quantity.
func writeReserved(w io.Writer, p product, first bool) {
	if !p.hasReserved() {
		return
	}
	sep(w, first)
	fmt.Fprintf(w, "      %q : {\n", p.sku)
	for k, r := range reserved {
		if k > 0 {
			io.WriteString(w, ",\n")
		}
		fmt.Fprintf(w, `        "%s.%s" : {
          "offerTermCode" : %q,
          "sku" : %q,
          "effectiveDate" : "2025-09-12T00:00:00Z",
          "priceDimensions" : {
`, p.sku, r.code, r.code, p.sku)
		desc := fmt.Sprintf("%s (Amazon VPC), %s reserved instance applied", p.sw.os, p.ins.name)
		writeDim(w, p.sku, r.code, "6YS6EN2CT7", desc, "Hrs", p.od*r.hourly, true, true)
		if r.upfront > 0 {
			io.WriteString(w, ",\n")
			writeDim(w, p.sku, r.code, "2TG2D8R56U", "Upfront Fee", "Quantity", float64(int(p.od*r.upfront)), false, false)
		}
		fmt.Fprintf(w, `
          },
          "termAttributes" : {
            "LeaseContractLength" : %q,
            "OfferingClass" : %q,
            "PurchaseOption" : %q
          }
        }`, r.lease, r.class, r.option)
	}
	io.WriteString(w, "\n      }")
}

// writeDim writes one price dimension; the upfront fee has no range and an
// integer price, as in AWS's files.
func writeDim(w io.Writer, sku, term, rate, desc, unit string, price float64, ranged, decimals bool) {
	code := sku + "." + term + "." + rate
	fmt.Fprintf(w, "            %q : {\n              \"rateCode\" : %q,\n              \"description\" : %q,\n", code, code, desc)
	if ranged {
		io.WriteString(w, "              \"beginRange\" : \"0\",\n              \"endRange\" : \"Inf\",\n")
	}
	p := fmt.Sprintf("%.0f", price)
	if decimals {
		p = fmt.Sprintf("%.10f", price)
	}
	fmt.Fprintf(w, "              \"unit\" : %q,\n              \"pricePerUnit\" : {\n                \"USD\" : %q\n              },\n              \"appliesTo\" : [ ]\n            }", unit, p)
}
