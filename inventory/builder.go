package inventory

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"cloudadvisor/advisor"
)

// mapper turns one record of a format into a workload. row fills r and
// returns false to skip the record silently; after runs once at the end.
type mapper interface {
	row(r *rowCtx) bool
	after(b *builder)
}

// builder collects the rows and problems of one table.
type builder struct {
	res  Result
	hdr  header
	opts Options
	keys map[string]int // key → line first seen
}

func newBuilder(f Format, h header, opts Options) *builder {
	return &builder{res: Result{Format: f}, hdr: h, opts: opts, keys: map[string]int{}}
}

// values backs the pointer fields of one row's input with one allocation.
type values struct {
	name, kind, os, engine string
	inUse                  bool
	instances, vcpu, disk  int
	mem, cpuPct, memPct    float64
}

// fieldSrc remembers which column a model field came from, to report a
// validation error against the file's column.
type fieldSrc struct {
	field string
	col   int
}

// rowCtx is the row being built.
type rowCtx struct {
	b      *builder
	line   int
	rec    []string
	row    Row
	v      *values
	keyCol int
	srcs   []fieldSrc
	probs  []Problem
}

func (b *builder) begin(line int, rec []string) *rowCtx {
	r := &rowCtx{b: b, line: line, rec: rec, v: &values{}, keyCol: -1}
	r.row.Line = line
	return r
}

// cell is the trimmed text of a column, "" when absent.
func (r *rowCtx) cell(col int) string {
	if col < 0 || col >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[col])
}

func (r *rowCtx) problem(col int, code, reason string, args ...string) {
	r.probs = append(r.probs, Problem{Line: r.line, Column: r.b.hdr.name(col), Value: clip(r.cell(col)), Code: code, Reason: reason,
		Key: "inventory.problem." + code, Args: args})
}

// maxProblemValue is how much of a bad cell a problem quotes: enough to find
// it, and never megabytes per row in the staged problem list.
const maxProblemValue = 200

// clip shortens s to maxProblemValue bytes at a character boundary, with an
// ellipsis.
func clip(s string) string {
	if len(s) <= maxProblemValue {
		return s
	}
	cut := maxProblemValue
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// tooLong records a too_long problem when a number's cell is longer than
// advisor.MaxNumberLen, which is checked before parsing: parsing a decimal
// costs time that grows with the square of its length.
func (r *rowCtx) tooLong(col int, s string) bool {
	if len(s) <= advisor.MaxNumberLen {
		return false
	}
	r.problem(col, "too_long", fmt.Sprintf("longer than %d characters: not a number this import reads", advisor.MaxNumberLen),
		strconv.Itoa(advisor.MaxNumberLen))
	return true
}

// number parses a numeric cell; ok is false when it is empty or bad (a
// problem is recorded when it is bad, or empty and required).
func (r *rowCtx) number(col int, required bool) (float64, bool) {
	s := r.cell(col)
	if s == "" {
		if required {
			r.problem(col, "required", "empty: a number is required")
		}
		return 0, false
	}
	if r.tooLong(col, s) {
		return 0, false
	}
	f, ok := parseNumber(s)
	if !ok {
		r.problem(col, "number", "not a number")
	}
	return f, ok
}

// percent parses a utilisation percentage; values over 100 are problems.
func (r *rowCtx) percent(col int) (float64, bool) {
	f, ok := r.number(col, false)
	if ok && (f < 0 || f > 100) {
		r.problem(col, "range", "utilisation must be between 0 and 100 %")
		return 0, false
	}
	return f, ok
}

func (r *rowCtx) from(field string, col int) {
	r.srcs = append(r.srcs, fieldSrc{field, col})
}

func (r *rowCtx) setName(col int) {
	r.v.name = r.cell(col)
	r.row.Input.Name = &r.v.name
	r.from("name", col)
	if r.v.name == "" {
		r.problem(col, "required", "empty: a name is required")
	}
}

func (r *rowCtx) setKey(col int, key string) {
	r.keyCol, r.row.Key = col, key
}

func (r *rowCtx) setVCPU(col int, f float64) {
	r.v.vcpu = ceilInt(f)
	r.row.Input.VCPU = &r.v.vcpu
	r.from("vcpu", col)
}

func (r *rowCtx) setMemoryGiB(col int, gib float64) {
	r.v.mem = gib
	r.row.Input.MemoryGiB = &r.v.mem
	r.from("memory_gib", col)
}

func (r *rowCtx) setStorageGB(col int, gb float64) {
	r.v.disk = ceilInt(gb)
	r.row.Input.StorageGB = &r.v.disk
	r.from("storage_gb", col)
}

func (r *rowCtx) setCPUPct(col int, pct float64) {
	r.v.cpuPct = pct
	r.row.Input.AvgCPUUtilizationPct = &r.v.cpuPct
	r.from("avg_cpu_utilization_pct", col)
}

func (r *rowCtx) setMemPct(col int, pct float64) {
	r.v.memPct = pct
	r.row.Input.AvgMemoryUtilizationPct = &r.v.memPct
	r.from("avg_memory_utilization_pct", col)
}

func (r *rowCtx) setInUse(b bool) {
	r.v.inUse = b
	r.row.Input.InUse = &r.v.inUse
}

func (r *rowCtx) setInstances(n int) {
	r.v.instances = n
	r.row.Input.Instances = &r.v.instances
}

// setOS sets os from an operating system's name; empty leaves it unknown.
func (r *rowCtx) setOS(name string) {
	if name == "" {
		return
	}
	r.v.os = "linux"
	if containsFold(name, "windows") {
		r.v.os = "windows"
	}
	r.row.Input.OS = &r.v.os
}

// guessKind sets kind (and the database engine) when the name makes it
// obvious; see kind.go.
func (r *rowCtx) guessKind() {
	kind, engine := inferKind(r.v.name, r.v.os)
	if kind == "" {
		return
	}
	r.v.kind = kind
	r.row.Input.Kind = &r.v.kind
	if engine != "" {
		r.v.engine = engine
		r.row.Input.DatabaseEngine = &r.v.engine
	}
	r.flag("kind_inferred")
}

func (r *rowCtx) flag(f string) { r.row.Flags = append(r.row.Flags, f) }

// finish validates the row with advisor's rules and keeps it, or reports it.
func (b *builder) finish(r *rowCtx) {
	b.res.Stats.Read++
	if k := r.row.Key; k != "" {
		if first, dup := b.keys[k]; dup {
			r.problem(r.keyCol, "duplicate", fmt.Sprintf("duplicate of line %d: %s appears twice", first, k), strconv.Itoa(first), k)
		} else {
			b.keys[k] = r.line
		}
	}
	r.checkLabels()
	if len(r.probs) == 0 {
		w, err := r.row.Input.Resolve()
		if err != nil {
			r.fieldErrors(err)
		} else if len(w.Assumptions) > 0 {
			r.row.Assumptions = make([]string, len(w.Assumptions))
			for i, a := range w.Assumptions {
				r.row.Assumptions[i] = a.Field
			}
		}
	}
	if len(r.probs) > 0 {
		b.res.Problems = append(b.res.Problems, r.probs...)
		b.res.Stats.Skipped++
		return
	}
	b.res.Rows = append(b.res.Rows, r.row)
	b.res.Stats.Imported++
}

// MaxTags is how many tags a workload may carry; a tag and a group are at
// most advisor.MaxNameLen characters, like a name. Every imported workload
// keeps them, so unbounded ones would let one file fill the database.
const MaxTags = 50

// checkLabels reports a group or tags past their limits, naming the field
// (the column differs between formats).
func (r *rowCtx) checkLabels() {
	long := func(s string) bool { return utf8.RuneCountInString(s) > advisor.MaxNameLen }
	if long(r.row.Group) {
		r.probs = append(r.probs, Problem{Line: r.line, Column: "group", Value: clip(r.row.Group), Code: "too_long",
			Reason: fmt.Sprintf("a group is at most %d characters", advisor.MaxNameLen),
			Key:    "inventory.problem.group_too_long", Args: []string{strconv.Itoa(advisor.MaxNameLen)}})
	}
	if len(r.row.Tags) > MaxTags {
		r.probs = append(r.probs, Problem{Line: r.line, Column: "tags", Value: clip(strings.Join(r.row.Tags, ";")),
			Code: "too_many", Reason: fmt.Sprintf("%d tags: at most %d a workload", len(r.row.Tags), MaxTags),
			Key: "inventory.problem.too_many_tags", Args: []string{strconv.Itoa(len(r.row.Tags)), strconv.Itoa(MaxTags)}})
		return
	}
	for _, t := range r.row.Tags {
		if long(t) {
			r.probs = append(r.probs, Problem{Line: r.line, Column: "tags", Value: clip(t), Code: "too_long",
				Reason: fmt.Sprintf("a tag is at most %d characters", advisor.MaxNameLen),
				Key:    "inventory.problem.tag_too_long", Args: []string{strconv.Itoa(advisor.MaxNameLen)}})
			return
		}
	}
}

// fieldErrors reports advisor's validation errors against the columns the
// fields came from.
func (r *rowCtx) fieldErrors(err error) {
	var fe advisor.FieldErrors
	if !errors.As(err, &fe) {
		r.probs = append(r.probs, Problem{Line: r.line, Code: "invalid", Reason: err.Error()})
		return
	}
	for _, e := range fe {
		col := -1
		for _, s := range r.srcs {
			if s.field == e.Field {
				col = s.col
			}
		}
		p := Problem{Line: r.line, Column: e.Field, Code: e.Code, Reason: reason(e, r.fieldValue(e.Field)),
			Key: "error.field." + e.Code, Args: e.Args}
		if e.Code == "one_of" {
			p.Args = []string{strings.Join(e.Args, ", ")}
		}
		if col >= 0 {
			p.Column, p.Value = r.b.hdr.name(col), clip(r.cell(col))
		}
		r.probs = append(r.probs, p)
	}
}

func reason(e advisor.FieldError, val string) string {
	switch {
	case e.Code == "range" && len(e.Args) == 2:
		return fmt.Sprintf("%s %s is out of range: must be between %s and %s", e.Field, val, e.Args[0], e.Args[1])
	case e.Code == "one_of":
		return fmt.Sprintf("%s must be one of: %s", e.Field, strings.Join(e.Args, ", "))
	case e.Code == "too_long" && len(e.Args) == 1:
		return fmt.Sprintf("%s is longer than %s characters", e.Field, e.Args[0])
	case e.Code == "required":
		return fmt.Sprintf("%s is required", e.Field)
	}
	return fmt.Sprintf("%s is invalid (%s)", e.Field, e.Code)
}

// fieldValue is the converted value of a model field, for messages.
func (r *rowCtx) fieldValue(field string) string {
	in := r.row.Input
	switch field {
	case "vcpu":
		return ptrString(in.VCPU)
	case "memory_gib":
		return ptrString(in.MemoryGiB)
	case "storage_gb":
		return ptrString(in.StorageGB)
	case "avg_cpu_utilization_pct":
		return ptrString(in.AvgCPUUtilizationPct)
	case "avg_memory_utilization_pct":
		return ptrString(in.AvgMemoryUtilizationPct)
	case "instances":
		return ptrString(in.Instances)
	}
	return ""
}

func ptrString[T int | float64](p *T) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(float64(*p), 'f', -1, 64)
}

// ceilInt rounds up to an int; values far beyond any limit are kept far
// beyond it so that validation refuses them rather than wrapping around.
func ceilInt(f float64) int {
	const far = 1 << 40
	switch {
	case f > far:
		return far
	case f < -far:
		return -far
	}
	return int(math.Ceil(f))
}

// parseNumber reads a number as spreadsheets write it: "2224", "2,224",
// "1 024", "12,5" (decimal comma), "45%".
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	if strings.ContainsAny(s, " \u00a0\u202f'") {
		s = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' {
				return -1
			}
			return r
		}, s)
	}
	if strings.IndexByte(s, ',') >= 0 {
		s = decomma(s)
	}
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// decomma removes thousands separators (1,234,567.5) or turns a single
// decimal comma (12,5) into a point. Anything else is left to fail.
func decomma(s string) string {
	parts := strings.Split(s, ",")
	grouping := len(parts[0]) > 0 && len(strings.TrimLeft(parts[0], "+-")) <= 3
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last {
			p, _, _ = strings.Cut(p, ".")
		}
		if len(p) != 3 {
			grouping = false
		}
	}
	if grouping {
		return strings.ReplaceAll(s, ",", "")
	}
	if len(parts) == 2 && !strings.Contains(s, ".") {
		return parts[0] + "." + parts[1]
	}
	return s
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), sub)
}

// parseBool reads the booleans spreadsheets and tools write.
func parseBool(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "1", "x":
		return true, true
	case "false", "no", "n", "0":
		return false, true
	}
	return false, false
}
