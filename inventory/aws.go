package inventory

import "strings"

// awsHub maps the AWS Migration Hub (Application Discovery Service) import
// CSV. Only an identifier is mandatory there: missing sizes are left to the
// defaults and listed as assumptions.
type awsHub struct {
	ids                                        []int // ExternalId, HostName, VMware.VMName, IPAddress
	names                                      []int // VMware.VMName, HostName, ExternalId, IPAddress
	cpus, mem, memUsed, cpuPct, os, apps, tags int
}

func newAWSHub(h header) *awsHub {
	ext, host, vm, ip := h.col("externalid"), h.col("hostname"), h.col("vmware.vmname"), h.col("ipaddress")
	return &awsHub{
		ids:     []int{ext, host, vm, ip},
		names:   []int{vm, host, ext, ip},
		cpus:    h.col("cpu.numberoflogicalcores", "cpu.numberofcores", "cpu.numberofprocessors"),
		mem:     h.col("ram.totalsizeinmb"),
		memUsed: h.col("ram.usedsizeinmb.avg"),
		cpuPct:  h.col("cpu.usagepct.avg"),
		os:      h.col("os.name"),
		apps:    h.col("applications"),
		tags:    h.col("tags"),
	}
}

// first returns the first non-empty column of cols, or the first column.
func first(r *rowCtx, cols []int) int {
	for _, c := range cols {
		if c >= 0 && r.cell(c) != "" {
			return c
		}
	}
	for _, c := range cols {
		if c >= 0 {
			return c
		}
	}
	return -1
}

func (m *awsHub) row(r *rowCtx) bool {
	r.setName(first(r, m.names))
	id := first(r, m.ids)
	if k := r.cell(id); k != "" {
		r.setKey(id, k)
	}
	r.setInstances(1)
	if n, ok := r.number(m.cpus, false); ok {
		r.setVCPU(m.cpus, n)
	}
	total, ok := r.number(m.mem, false)
	if ok {
		r.setMemoryGiB(m.mem, total/1024)
	}
	if used, uok := r.number(m.memUsed, false); uok && ok && total > 0 {
		r.setMemPct(m.memUsed, used/total*100)
	}
	if n, ok := r.percent(m.cpuPct); ok {
		r.setCPUPct(m.cpuPct, n)
	}
	r.setOS(r.cell(m.os))
	apps := splitList(r.cell(m.apps))
	if len(apps) > 0 {
		r.row.Group = apps[0]
	}
	r.row.Tags = splitList(r.cell(m.tags))
	r.guessKind()
	return true
}

func (m *awsHub) after(*builder) {}

// splitList splits a ;- or ,-separated list, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	sep := ";"
	if !strings.Contains(s, ";") {
		sep = ","
	}
	var out []string
	for p := range strings.SplitSeq(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// evaluator maps AWS Migration Evaluator's self-reported template. Its
// utilisation columns are peaks, not averages, so they are not used; a SQL
// Edition makes the server a SQL Server database.
type evaluator struct {
	name, cores, mem, disk, os, env, sql, app int
}

func newEvaluator(h header) *evaluator {
	return &evaluator{
		name:  h.col("server name"),
		cores: h.col("cpu cores"),
		mem:   h.col("memory (mb)"),
		disk:  h.col("provisioned storage (gb)"),
		os:    h.col("operating system"),
		env:   h.col("environment"),
		sql:   h.col("sql edition"),
		app:   h.col("application"),
	}
}

func (m *evaluator) row(r *rowCtx) bool {
	r.setName(m.name)
	r.setKey(m.name, r.v.name)
	r.setInstances(1)
	if n, ok := r.number(m.cores, true); ok {
		r.setVCPU(m.cores, n)
	}
	if n, ok := r.number(m.mem, true); ok {
		r.setMemoryGiB(m.mem, n/1024)
	}
	if n, ok := r.number(m.disk, false); ok {
		r.setStorageGB(m.disk, n)
	}
	r.setOS(r.cell(m.os))
	if e := r.cell(m.sql); e != "" && !strings.EqualFold(e, "none") && !strings.EqualFold(e, "n/a") {
		r.v.kind, r.v.engine = "database", "sqlserver"
		r.row.Input.Kind, r.row.Input.DatabaseEngine = &r.v.kind, &r.v.engine
		r.flag("kind_inferred")
	} else {
		r.guessKind()
	}
	r.row.Group = r.cell(m.app)
	if e := r.cell(m.env); e != "" {
		r.row.Tags = []string{"environment:" + e}
	}
	return true
}

func (m *evaluator) after(*builder) {}
