package inventory

import (
	"regexp"
	"strconv"
)

// azure maps Azure Migrate's import CSV (both template variants).
type azure struct {
	name, cores, mem, os, cpuPct, memPct, inUse int
	disks                                       []int // Disk N size (In GB)
}

var azureDisk = regexp.MustCompile(`^disk (\d+) size \(in gb\)$`)

func newAzure(h header) *azure {
	m := &azure{
		name:   h.col("server name"),
		cores:  h.col("cores"),
		mem:    h.col("memory (in mb)"),
		os:     h.col("os name"),
		cpuPct: h.col("cpu utilization percentage"),
		memPct: h.col("memory utilization percentage"),
		inUse:  h.col("storage in use (in gb)"),
	}
	for i, n := range h.names {
		if sm := azureDisk.FindStringSubmatch(normalize(n)); sm != nil {
			if k, _ := strconv.Atoi(sm[1]); k >= 1 {
				m.disks = append(m.disks, i)
			}
		}
	}
	return m
}

func (m *azure) row(r *rowCtx) bool {
	r.setName(m.name)
	r.setKey(m.name, r.v.name)
	r.setInstances(1)
	if n, ok := r.number(m.cores, true); ok {
		r.setVCPU(m.cores, n)
	}
	if n, ok := r.number(m.mem, true); ok {
		r.setMemoryGiB(m.mem, n/1024)
	}
	// Storage is the sum of the disks' sizes; the newer template's "Storage
	// in use" only when no disk is listed.
	total, col := 0.0, -1
	for _, c := range m.disks {
		if n, ok := r.number(c, false); ok {
			total, col = total+n, c
		}
	}
	if col < 0 {
		total, _ = r.number(m.inUse, false)
		if r.cell(m.inUse) != "" {
			col = m.inUse
		}
	}
	if col >= 0 {
		r.setStorageGB(col, total)
	}
	r.setOS(r.cell(m.os))
	if n, ok := r.percent(m.cpuPct); ok {
		r.setCPUPct(m.cpuPct, n)
	}
	if n, ok := r.percent(m.memPct); ok {
		r.setMemPct(m.memPct, n)
	}
	r.guessKind()
	return true
}

func (m *azure) after(*builder) {}
