package inventory

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// gibToGB converts binary to decimal gigabytes.
const gibToGB = 1.073741824

// gmcAux holds what the optional Google Migration Center files say per
// MachineId.
type gmcAux struct {
	perf     map[string]*perfAgg
	diskGiB  map[string]float64
	tags     map[string][]string
	group    map[string]string
	problems []Problem
	err      error // a limit an auxiliary file went past
}

// perfAgg averages the utilisation samples of one machine.
type perfAgg struct {
	cpu, mem   float64
	nCPU, nMem int
}

// gmc maps vmInfo.csv.
type gmc struct {
	opts                                             Options
	aux                                              *gmcAux
	id, name, cores, mem, disk, osType, osName, stat int
}

func newGMC(h header, opts Options, aux *gmcAux) *gmc {
	return &gmc{
		opts:   opts,
		aux:    aux,
		id:     h.col("machineid"),
		name:   h.col("machinename"),
		cores:  h.col("allocatedprocessorcorecount"),
		mem:    h.col("memorygib"),
		disk:   h.col("totaldiskallocatedgib"),
		osType: h.col("ostype"),
		osName: h.col("osname"),
		stat:   h.col("machinestatus"),
	}
}

func (m *gmc) row(r *rowCtx) bool {
	r.setName(m.name)
	id := r.cell(m.id)
	if id == "" {
		r.problem(m.id, "required", "empty: a MachineId is required")
	}
	r.setKey(m.id, id)
	r.setInstances(1)
	if n, ok := r.number(m.cores, false); ok {
		r.setVCPU(m.cores, n)
	}
	if n, ok := r.number(m.mem, false); ok {
		r.setMemoryGiB(m.mem, n)
	}
	if n, ok := r.number(m.disk, false); ok {
		r.setStorageGB(m.disk, n*gibToGB)
	} else if d, ok := m.aux.disk(id); ok {
		r.setStorageGB(-1, d*gibToGB)
	}
	os := r.cell(m.osName)
	if t := r.cell(m.osType); os == "" || containsFold(t, "windows") {
		os = t
	}
	r.setOS(os)
	if s := strings.ToLower(r.cell(m.stat)); strings.Contains(s, "stop") || strings.Contains(s, "off") || strings.Contains(s, "deallocat") {
		r.flag("powered_off")
		r.setInUse(m.opts.PoweredOffInUse)
	} else if s != "" {
		r.setInUse(true)
	}
	if p := m.aux.perfOf(id); p != nil {
		if p.nCPU > 0 {
			r.setCPUPct(-1, p.cpu/float64(p.nCPU))
		}
		if p.nMem > 0 {
			r.setMemPct(-1, p.mem/float64(p.nMem))
		}
	}
	if m.aux != nil {
		r.row.Tags, r.row.Group = m.aux.tags[id], m.aux.group[id]
	}
	r.guessKind()
	return true
}

func (m *gmc) after(b *builder) {
	if m.aux != nil {
		b.res.Problems = append(b.res.Problems, m.aux.problems...)
	}
}

func (a *gmcAux) disk(id string) (float64, bool) {
	if a == nil {
		return 0, false
	}
	d, ok := a.diskGiB[id]
	return d, ok
}

func (a *gmcAux) perfOf(id string) *perfAgg {
	if a == nil {
		return nil
	}
	return a.perf[id]
}

// parseZip reads a zip of Google Migration Center CSVs, or of RVTools CSV
// tabs (its vInfo one).
func parseZip(r io.ReaderAt, size int64, opts Options) (Result, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return Result{}, fmt.Errorf("%w: not a readable .zip archive: %v", ErrUnreadable, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		base := strings.ToLower(path.Base(strings.ReplaceAll(f.Name, `\`, "/")))
		if strings.HasPrefix(base, ".") || !strings.HasSuffix(base, ".csv") {
			continue
		}
		known := false
		for _, k := range []string{"vminfo.csv", "perfinfo.csv", "diskinfo.csv", "taginfo.csv"} {
			if strings.HasSuffix(base, k) {
				files[k], known = f, true
				break
			}
		}
		if !known && strings.Contains(base, "vinfo") {
			files["vinfo"] = f
		}
	}
	b := newBudget(opts.MaxInflated)
	vm := files["vminfo.csv"]
	if vm == nil {
		if vi := files["vinfo"]; vi != nil {
			return parseZipEntry(vi, b, opts, func(rd io.Reader) (Result, error) { return parseCSV(rd, vi.Name, opts) })
		}
		return Result{}, notInventory("the .zip holds no vmInfo.csv (nor an RVTools vInfo .csv)")
	}
	aux := &gmcAux{perf: map[string]*perfAgg{}, diskGiB: map[string]float64{}, tags: map[string][]string{}, group: map[string]string{}}
	for _, af := range []struct {
		name string
		read func(source, header)
	}{{"perfinfo.csv", aux.readPerf}, {"diskinfo.csv", aux.readDisk}, {"taginfo.csv", aux.readTags}} {
		name, read := af.name, af.read
		f := files[name]
		if f == nil {
			continue
		}
		_, err := parseZipEntry(f, b, opts, func(rd io.Reader) (Result, error) {
			src, err := newCSVSource(rd, opts)
			if err != nil {
				return Result{}, err
			}
			h, _, err := readHeader(src)
			var le *LimitError
			if errors.As(err, &le) {
				return Result{}, le
			}
			if err == nil {
				read(src, h)
			}
			return Result{}, aux.err
		})
		if err != nil {
			return Result{}, err
		}
	}
	return parseZipEntry(vm, b, opts, func(rd io.Reader) (Result, error) {
		src, err := newCSVSource(rd, opts)
		if err != nil {
			return Result{}, fmt.Errorf("%w: %v", ErrUnreadable, err)
		}
		h, _, err := readHeader(src)
		if err != nil {
			return Result{}, err
		}
		if f, err := formatOf(h); err != nil || f != FormatGoogleMigrationCenter {
			return Result{}, notInventory("vmInfo.csv lacks the MachineId and MachineName columns")
		}
		return run(FormatGoogleMigrationCenter, h, newGMC(h, opts, aux), src, opts)
	})
}

// parseZipEntry opens one entry, refusing to inflate it past MaxBytes or
// past what is left of the upload's budget.
func parseZipEntry(f *zip.File, b *budget, opts Options, parse func(io.Reader) (Result, error)) (Result, error) {
	if f.UncompressedSize64 > uint64(opts.MaxBytes) {
		return Result{}, fmt.Errorf("%w: %s inflates to %s, the limit is %s", ErrTooLarge, f.Name, mb(int64(min(f.UncompressedSize64, 1<<62))), mb(opts.MaxBytes))
	}
	rc, err := f.Open()
	if err != nil {
		return Result{}, fmt.Errorf("%w: %s: %v", ErrUnreadable, f.Name, err)
	}
	defer rc.Close()
	res, err := parse(&inflateReader{r: rc, part: f.Name, partMax: opts.MaxBytes, b: b})
	var le *LimitError
	if errors.As(err, &le) && le.Part == "" {
		le.Part = f.Name
	}
	return res, err
}

// readPerf averages CpuUtilizationPercentage and MemoryUtilizationPercentage
// per MachineId; a bad sample is reported and left out.
func (a *gmcAux) readPerf(src source, h header) {
	id, cpu, mem := h.col("machineid"), h.col("cpuutilizationpercentage"), h.col("memoryutilizationpercentage")
	a.each(src, h, "perfInfo.csv", id, func(r *rowCtx, key string) {
		p := a.perf[key]
		if p == nil {
			p = &perfAgg{}
			a.perf[key] = p
		}
		if n, ok := r.percent(cpu); ok {
			p.cpu, p.nCPU = p.cpu+n, p.nCPU+1
		}
		if n, ok := r.percent(mem); ok {
			p.mem, p.nMem = p.mem+n, p.nMem+1
		}
	})
}

// readDisk sums SizeInGib per MachineId.
func (a *gmcAux) readDisk(src source, h header) {
	id, size := h.col("machineid"), h.col("sizeingib")
	a.each(src, h, "diskInfo.csv", id, func(r *rowCtx, key string) {
		if n, ok := r.number(size, false); ok && n >= 0 {
			a.diskGiB[key] += n
		}
	})
}

// readTags keeps Key=Value tags; a tag named group, application or app
// gives the group.
func (a *gmcAux) readTags(src source, h header) {
	id, k, v := h.col("machineid"), h.col("key"), h.col("value")
	a.each(src, h, "tagInfo.csv", id, func(r *rowCtx, key string) {
		name, val := r.cell(k), r.cell(v)
		if name == "" {
			return
		}
		a.tags[key] = append(a.tags[key], name+"="+val)
		switch strings.ToLower(name) {
		case "group", "application", "app":
			if _, ok := a.group[key]; !ok && val != "" {
				a.group[key] = val
			}
		}
	})
}

// each calls fn for every record with a MachineId, collecting the problems
// fn reports under the file's name.
func (a *gmcAux) each(src source, h header, file string, id int, fn func(*rowCtx, string)) {
	if id < 0 {
		return
	}
	b := newBuilder(FormatGoogleMigrationCenter, h, Options{})
	for {
		rec, line, err := src.next()
		var le *LimitError
		if errors.As(err, &le) {
			a.err = le
		}
		if err != nil {
			break
		}
		r := b.begin(line, rec)
		if key := r.cell(id); key != "" {
			fn(r, key)
		}
		for _, p := range r.probs {
			p.Column = file + ": " + p.Column
			a.problems = append(a.problems, p)
		}
	}
}
