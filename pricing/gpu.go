package pricing

import (
	"strconv"
)

// GPU machines are compute offers with the attributes gpu_count (per
// instance) and gpu_kind (t4, l4, a10g, l40s, a100, h100). They are priced
// only for needs that ask for GPUs, and never for those that do not.

// notGPU keeps machines without GPUs.
func notGPU(o Offer) bool { return o.Attributes["gpu_count"] == "" }

// gpuFits returns the filter of the GPU machines that carry the need's GPUs.
func (q quoter) gpuFits(o Offer) bool {
	n, err := strconv.Atoi(o.Attributes["gpu_count"])
	if err != nil || n < q.n.GPUCount {
		return false
	}
	return q.n.GPUKind == "" || o.Attributes["gpu_kind"] == q.n.GPUKind
}

// addGPUVM prices every instance on the cheapest GPU machine with the need's
// GPUs (of its kind when one is asked for), vCPU and memory: on spot when
// the need tolerates interruption and the machine has a spot price,
// otherwise on demand with the organisation's commitment.
func (q quoter) addGPUVM(opt *Option, provider, region string, sz Sizing) (Offer, bool) {
	vcpu, mem := sz.floats()
	od, ok := q.c.Cheapest(Fit{Provider: provider, Region: region, Service: Compute, OS: q.n.OS, Term: OnDemand,
		MinVCPU: vcpu, MinMemory: mem, Match: q.gpuFits})
	if !ok {
		kind := q.n.GPUKind
		if kind == "" {
			kind = "any"
		}
		opt.missing("gpu",
			OSRef(q.n.OS), q.n.GPUCount, kind, sz.VCPU, sz.MemoryGiB, ProviderRef(provider), RegionRef(region))
		return Offer{}, false
	}
	o := od
	spot, hasSpot := q.c.variant(od, Spot)
	switch {
	case q.n.Spot && hasSpot:
		o = spot
		opt.note("gpu_spot",
			od.Name, spot.Amount, od.Amount, od.Currency)
	case q.n.Spot:
		opt.note("gpu_no_spot", od.Name, region)
		fallthrough
	default:
		o = q.commit(opt, od)
	}
	n := q.n.Instances
	l := line(M("price.line.gpu", o.Name, o.Attributes["gpu_count"], o.Attributes["gpu_kind"], n),
		CompCompute, usage(n, o), n, o)
	opt.Lines = append(opt.Lines, l)
	return o, true
}
