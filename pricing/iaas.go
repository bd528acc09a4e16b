package pricing

import (
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// commercialEngines are database engines whose self-run licence is billed apart.
var commercialEngines = []string{"sqlserver", "oracle"}

// iaas prices the workload on the provider's VMs: compute for every
// instance (OS licence included in the price shown apart), block storage,
// egress, and the database self-run on the VMs (rehost) or managed
// (replatform, refactor; a database workload always runs its engine on the
// VMs here, its managed service being its PaaS option).
func (q quoter) iaas(provider string) Option {
	region, _ := Region(q.s.Geography, provider)
	opt := Option{Model: ModelIaaS, Provider: provider, Region: region, Strategy: strategyFor(ModelIaaS, q.n.Strategy)}
	if q.n.Kind == "database" && opt.Strategy == "replatform" {
		opt.Strategy = "rehost" // a managed database alone is the PaaS option; on IaaS the engine runs on the VMs
	}
	sz := RightSize(q.n, q.s.Sizing, q.s.Comfort)
	opt.Sizing = &sz
	addVM := q.addVM
	if q.n.GPUCount > 0 {
		addVM = q.addGPUVM
	}
	vm, ok := addVM(&opt, provider, region, sz)
	if ok {
		opt.Product, opt.SKU = vm.Name, vm.SKU
	}
	db := ""
	if q.n.DatabaseEngine != "" {
		db = "self"
		if opt.Strategy != "rehost" {
			db = "managed"
		}
	}
	if db == "managed" {
		q.addManagedDB(&opt, provider, region)
		opt.note("managed_db_storage")
	} else {
		q.addBlockStorage(&opt, provider, region)
	}
	if db == "self" {
		q.addSelfRunLicence(&opt, provider, region, vm)
	}
	q.addVMEgress(&opt, vm)
	q.addLabour(&opt, db)
	q.addMigration(&opt)
	return opt
}

// addVMEgress prices the data sent out to the internet beyond what the
// instances include: DigitalOcean Droplets carry an allowance (attribute
// transfer_tb, pooled across the account; 1 TB counted as 1,000 GB so the
// allowance is never overstated) and only the excess is billed.
func (q quoter) addVMEgress(opt *Option, vm Offer) {
	need, label := q.n.EgressGBMonth, M("price.line.egress")
	if tb, err := decimal.NewFromString(vm.Attributes["transfer_tb"]); err == nil && tb.IsPositive() && need > 0 {
		incl := int(tb.Mul(decimal.NewFromInt(int64(1000 * max(q.n.Instances, 1)))).IntPart())
		if need <= incl {
			opt.note("egress_included", gbText(need), gbText(incl))
			return
		}
		opt.note("egress_partly_included", gbText(incl), gbText(need-incl))
		need, label = need-incl, M("price.line.egress_beyond")
	}
	q.addUsage(opt, Fit{Provider: opt.Provider, Region: opt.Region, Service: Egress, Term: OnDemand},
		label, CompNetwork, need)
}

// addBlockStorage prices the disks of every instance on general-purpose SSD
// volumes (IsVolume). Providers sell them either by the GB-month (EBS,
// persistent disks) or as whole disks of fixed sizes (Azure managed disks).
// For a disk product each instance gets as many disks of one size as hold
// its storage; the cheapest way is taken, per GB or per disk.
func (q quoter) addBlockStorage(opt *Option, provider, region string) {
	per, n := q.n.StorageGB, max(q.n.Instances, 1)
	if per <= 0 {
		return
	}
	f := Fit{Provider: provider, Region: region, Service: BlockStorage, Term: OnDemand}
	gb := f
	gb.Match = func(o Offer) bool { return IsVolume(o) && o.Unit == PerGBMonth }
	byGB, _ := q.usageLines(gb, M("price.line.block_storage"), CompStorage, per*n)
	disk, count, ok := q.cheapestDisks(f, per)
	switch {
	case ok && (byGB == nil || count.Mul(disk.Amount).Mul(decimal.NewFromInt(int64(n))).LessThan(sumMonthly(byGB))):
		size := disk.Attributes["disk_gib"]
		total := count.Mul(decimal.NewFromInt(int64(n)))
		opt.Lines = append(opt.Lines, line(M("price.line.disks", disk.Name, size, total),
			CompStorage, total, int(total.IntPart()), disk))
		opt.note("whole_disks", per, count, size)
	case byGB != nil:
		opt.Lines = append(opt.Lines, byGB...)
	default:
		opt.missing("block_storage", ProviderRef(provider), RegionRef(region))
	}
}

// cheapestDisks returns the disk product (IsVolume, unit month) to hold gb
// per instance, and how many: the cheapest single disk large enough, or, when
// no disk is, as many of the largest size as needed. Several small disks are
// never bought to undercut one that fits: a volume is one disk.
func (q quoter) cheapestDisks(f Fit, gb int) (Offer, decimal.Decimal, bool) {
	f.Match = func(o Offer) bool { return IsVolume(o) && o.Unit == PerMonth && o.TierStart.IsZero() }
	disks := q.c.All(f)
	var best Offer
	bestSize, found := 0, false
	better := func(o Offer, size int) bool {
		return !found || o.Amount.LessThan(best.Amount) || (o.Amount.Equal(best.Amount) && size < bestSize)
	}
	for _, o := range disks {
		if size, _ := DiskGiB(o); size >= gb && better(o, size) {
			best, bestSize, found = o, size, true
		}
	}
	if found {
		return best, decimal.NewFromInt(1), true
	}
	largest := 0
	for _, o := range disks {
		size, _ := DiskGiB(o)
		largest = max(largest, size)
	}
	for _, o := range disks {
		if size, _ := DiskGiB(o); size == largest && better(o, size) {
			best, bestSize, found = o, size, true
		}
	}
	if !found {
		return Offer{}, decimal.Zero, false
	}
	return best, decimal.NewFromInt(int64((gb + largest - 1) / largest)), true
}

// gbText writes a whole number of GB with thousands separators.
func gbText(n int) string { return GroupThousands(strconv.Itoa(n)) }

func sumMonthly(ls []Line) decimal.Decimal {
	s := decimal.Zero
	for _, l := range ls {
		s = s.Add(l.Monthly)
	}
	return s
}

// addVM adds the cheapest on-demand instance type that fits the sizing, in
// the region and OS, bought under the commitment when that is cheaper.
func (q quoter) addVM(opt *Option, provider, region string, sz Sizing) (Offer, bool) {
	vcpu, mem := sz.floats()
	od, ok := q.chooseInstance(opt, Fit{Provider: provider, Region: region, Service: Compute, OS: q.n.OS, Term: OnDemand,
		MinVCPU: vcpu, MinMemory: mem, Match: notGPU})
	if !ok {
		opt.missing("compute", OSRef(q.n.OS), sz.VCPU, sz.MemoryGiB, RegionRef(region))
		return Offer{}, false
	}
	o := q.commit(opt, od)
	n := q.n.Instances
	l := line(M("price.line.compute", o.Name, OSRef(q.n.OS), n), CompCompute, usage(n, o), n, o)
	l.Licence = q.licenceShare(o, l.Quantity)
	if o.OS == "windows" && l.Licence.IsZero() {
		opt.note("windows_licence_not_split", o.Name)
	}
	opt.Lines = append(opt.Lines, l)
	return o, true
}

// BurstableBaselinePct is the average CPU utilisation, in percent of the
// allocation, up to which a workload may run on a burstable instance (t3,
// B-series, e2 shared-core, DigitalOcean Basic): the lowest baseline of the
// common burstable sizes (t3.micro to t3.medium earn credits for 10-20%).
const BurstableBaselinePct = 20

// chooseInstance returns the cheapest on-demand instance that fits, across
// all of the provider's families, and says why it is of its kind: a
// burstable instance only for a workload measured to stay under its
// baseline, else a fixed-performance one (a burstable one only when no
// other fits).
func (q quoter) chooseInstance(opt *Option, f Fit) (Offer, bool) {
	cheapest, ok := q.c.Cheapest(f)
	if !ok {
		return Offer{}, false
	}
	if u := q.n.CPUUtilizationPct; u != nil && *u <= BurstableBaselinePct {
		if cheapest.Family == "burstable" {
			opt.note("burstable_low_use", cheapest.Name, strconv.FormatFloat(*u, 'f', -1, 64), BurstableBaselinePct)
		}
		return cheapest, true
	}
	steady := f
	steady.Match = func(o Offer) bool { return o.Family != "burstable" && (f.Match == nil || f.Match(o)) }
	fixed, ok := q.c.Cheapest(steady)
	switch {
	case !ok:
		opt.note("burstable_only", cheapest.Name, f.Region)
		return cheapest, true
	case cheapest.Family == "burstable":
		opt.note("sustained_not_burstable", fixed.Name, cheapest.Name, BurstableBaselinePct)
	}
	return fixed, true
}

// licenceShare is the part of qty units of a Windows offer that pays the OS
// licence: the difference from the Linux price of the same instance and
// term, zero when there is none to compare with.
func (q quoter) licenceShare(o Offer, qty decimal.Decimal) decimal.Decimal {
	if o.OS != "windows" {
		return decimal.Zero
	}
	lin := o
	lin.OS = "linux"
	l, ok := q.c.variant(lin, o.Term)
	if !ok || l.Currency != o.Currency || !o.Amount.GreaterThan(l.Amount) {
		return decimal.Zero
	}
	return qty.Mul(o.Amount.Sub(l.Amount))
}

// addSelfRunLicence adds the licence of a commercial engine run on the VMs:
// a fee per VM for the VM's size (attributes max_vcpu, min_vcpu), or per
// vCPU (per=vcpu).
func (q quoter) addSelfRunLicence(opt *Option, provider, region string, vm Offer) {
	eng := q.n.DatabaseEngine
	opt.note("self_run_db", EngineRef(eng))
	if !slices.Contains(commercialEngines, eng) {
		return
	}
	vcpu := int(vm.VCPU)
	match := func(o Offer) bool {
		lo, _ := strconv.Atoi(o.Attributes["min_vcpu"])
		hi, err := strconv.Atoi(o.Attributes["max_vcpu"])
		return o.HasAttr("engine", eng) && vcpu >= lo && (err != nil || vcpu <= hi)
	}
	lic, ok := q.c.Cheapest(Fit{Provider: provider, Region: region, Service: License, Term: OnDemand, Match: match})
	if !ok {
		opt.missing("licence", EngineRef(eng), ProviderRef(provider), RegionRef(region))
		return
	}
	n := q.n.Instances
	qty := usage(n, lic)
	if lic.Attributes["per"] == "vcpu" {
		qty = qty.Mul(decimal.NewFromInt(int64(vcpu)))
	}
	opt.Lines = append(opt.Lines, line(M("price.line.licence", lic.Name, n), CompLicence, qty, n, lic))
}

// addManagedDB adds the provider's managed database for the engine: sized
// like the workload for a database workload (one per instance), else the
// smallest; and its storage, unless the plan includes enough of it
// (attribute storage_gb, per database).
func (q quoter) addManagedDB(opt *Option, provider, region string) {
	eng, n := q.n.DatabaseEngine, q.n
	f := Fit{Provider: provider, Region: region, Service: Database, Term: OnDemand}
	count := 1
	var mem float64
	if n.Kind == "database" {
		f.MinVCPU, mem = opt.sizing().floats()
		count = max(n.Instances, 1)
	}
	f.Match = func(o Offer) bool {
		return o.HasAttr("engine", eng) && o.Unit != PerGBMonth && (o.MemoryGiB == 0 || o.MemoryGiB >= mem)
	}
	plain := f
	plain.Match = func(o Offer) bool { return f.Match(o) && plainDB(o) }
	db, ok := q.c.Cheapest(plain)
	if !ok {
		opt.missing("database", EngineRef(eng), ProviderRef(provider), RegionRef(region))
	} else {
		c := q.commit(opt, db)
		opt.Lines = append(opt.Lines, line(M("price.line.managed_db", EngineRef(eng), c.Name, count), CompDatabase,
			usage(count, c), count, c))
		q.noteDBAlternatives(opt, f, db)
		if db.Attributes["license"] == "azure_hybrid_benefit" {
			// The price leaves the engine's licence out: without it the option is not whole.
			opt.missing("db_licence", db.Name, ProviderRef(provider), RegionRef(region))
		}
	}
	need := n.StorageGB * max(n.Instances, 1)
	label := M("price.line.db_storage", EngineRef(eng))
	if incl, err := strconv.Atoi(db.Attributes["storage_gb"]); ok && err == nil && incl > 0 {
		if need <= incl*count {
			opt.note("db_storage_included", need, db.Name)
			return
		}
		opt.note("db_storage_more", incl*count, db.Name, need-incl*count)
		need -= incl * count
		label = M("price.line.db_storage_beyond", EngineRef(eng))
	}
	f = Fit{Provider: provider, Region: region, Service: Database, Term: OnDemand,
		Match: func(o Offer) bool {
			return o.HasAttr("engine", eng) && o.Unit == PerGBMonth && plainDB(o) && o.Attributes["part"] != "backup"
		}}
	q.addUsage(opt, f, label, CompDatabase, need)
	q.noteBackups(opt, provider, region)
}

// noteBackups notes the price of the managed database's backup storage
// where the provider bills it apart (attribute part=backup): it is billed on
// the backup space used, which retention and change rate decide, so it is
// shown, not priced.
func (q quoter) noteBackups(opt *Option, provider, region string) {
	eng := q.n.DatabaseEngine
	b, ok := q.c.Cheapest(Fit{Provider: provider, Region: region, Service: Database, Term: OnDemand,
		Match: func(o Offer) bool { return o.HasAttr("engine", eng) && o.Attributes["part"] == "backup" }})
	if ok {
		opt.note("db_backups", b.Name, b.Amount, b.Currency)
	}
}

// sizing returns the option's sizing, as is when it has none.
func (o *Option) sizing() Sizing {
	if o.Sizing == nil {
		return Sizing{Mode: SizingAsIs}
	}
	return *o.Sizing
}
