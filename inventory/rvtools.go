package inventory

import (
	"strings"
)

// newMapper resolves the columns of a format's header once. aux holds the
// auxiliary tables of a Google Migration Center zip, if any.
func newMapper(f Format, h header, opts Options, aux *gmcAux) (mapper, error) {
	switch f {
	case FormatRVTools:
		return newRVTools(h, opts), nil
	case FormatAzureMigrate:
		return newAzure(h), nil
	case FormatGoogleMigrationCenter:
		return newGMC(h, opts, aux), nil
	case FormatAWSMigrationHub:
		return newAWSHub(h), nil
	case FormatAWSMigrationEvaluator:
		return newEvaluator(h), nil
	case FormatCloudAdvisor:
		return newOwn(h), nil
	}
	return nil, notInventory("unknown format " + string(f))
}

// mibToGB converts vSphere's binary megabytes to decimal gigabytes.
const mibToGB = 1.048576 / 1000

// rvtools maps the vInfo tab. Memory and the MB/MiB columns are all binary
// megabytes (see the package doc).
type rvtools struct {
	opts                                      Options
	vm, power, template, srm, cpus, mem, disk int
	folder, cluster, dc, osTools, osCfg, uuid int
}

func newRVTools(h header, opts Options) *rvtools {
	return &rvtools{
		opts:     opts,
		vm:       h.col("vm"),
		power:    h.col("powerstate"),
		template: h.col("template"),
		srm:      h.col("srm placeholder"),
		cpus:     h.col("cpus"),
		mem:      h.col("memory"),
		disk:     h.col("provisioned mib", "provisioned mb", "total disk capacity mib", "total disk capacity mb"),
		folder:   h.col("folder"),
		cluster:  h.col("cluster"),
		dc:       h.col("datacenter"),
		osTools:  h.col("os according to the vmware tools"),
		osCfg:    h.col("os according to the configuration file"),
		uuid:     h.col("vm uuid"),
	}
}

func (m *rvtools) row(r *rowCtx) bool {
	name := r.cell(m.vm)
	if name == "" {
		return false
	}
	r.setName(m.vm)
	if id := r.cell(m.uuid); id != "" {
		r.setKey(m.uuid, id)
	} else {
		r.setKey(m.vm, name)
	}
	r.setInstances(1)
	if n, ok := r.number(m.cpus, true); ok {
		r.setVCPU(m.cpus, n)
	}
	if n, ok := r.number(m.mem, true); ok {
		r.setMemoryGiB(m.mem, n/1024)
	}
	if n, ok := r.number(m.disk, false); ok {
		r.setStorageGB(m.disk, n*mibToGB)
	}
	os := r.cell(m.osTools)
	if os == "" {
		os = r.cell(m.osCfg)
	}
	r.setOS(os)
	m.state(r)
	r.guessKind()
	r.row.Group = m.group(r)
	if dc := r.cell(m.dc); dc != "" {
		r.row.Tags = append(r.row.Tags, "datacenter:"+dc)
	}
	if c := r.cell(m.cluster); c != "" {
		r.row.Tags = append(r.row.Tags, "cluster:"+c)
	}
	return true
}

// state sets in_use and the flags from Powerstate, Template and SRM Placeholder.
func (m *rvtools) state(r *rowCtx) {
	inUse := true
	switch strings.ToLower(r.cell(m.power)) {
	case "poweredoff":
		r.flag("powered_off")
		inUse = m.opts.PoweredOffInUse
	case "suspended":
		r.flag("suspended")
		inUse = m.opts.PoweredOffInUse
	}
	if t, _ := parseBool(r.cell(m.template)); t {
		r.flag("template")
		inUse = false
	}
	if t, _ := parseBool(r.cell(m.srm)); t {
		r.flag("srm_placeholder")
		inUse = false
	}
	r.setInUse(inUse)
}

// group is the VM folder, else datacenter/cluster.
func (m *rvtools) group(r *rowCtx) string {
	if f := r.cell(m.folder); f != "" {
		return f
	}
	dc, c := r.cell(m.dc), r.cell(m.cluster)
	switch {
	case dc != "" && c != "":
		return dc + "/" + c
	case dc != "":
		return dc
	}
	return c
}

func (m *rvtools) after(*builder) {}

func (m *rvtools) columns() []int {
	return []int{m.vm, m.power, m.template, m.srm, m.cpus, m.mem, m.disk, m.folder, m.cluster, m.dc, m.osTools, m.osCfg, m.uuid}
}
