package inventory

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"

	"github.com/shopspring/decimal"
)

// ownColumns are the columns of our CSV: the workload model's names, then
// tags and group.
var ownColumns = []string{"name", "kind", "in_use", "instances", "vcpu", "memory_gib", "storage_gb",
	"egress_gb_month", "avg_cpu_utilization_pct", "avg_memory_utilization_pct", "os", "database_engine",
	"users", "developers", "custom_code", "customization", "needs_os_control", "data_sensitivity",
	"time_to_market", "growth", "lifetime_months", "mobile_access", "collaboration", "lock_in_tolerance",
	"sector", "current_monthly_cost", "tags", "group", "end_of_life", "code_ownership", "gpu_count", "gpu_kind", "interruptible"}

var ownExamples = [][]string{
	{"Customer portal", "web_app", "true", "2", "4", "16", "200", "150", "35", "60", "linux", "",
		"5000", "4", "true", "medium", "false", "confidential", "normal", "fast", "48", "true", "false",
		"medium", "general", "1450.00", "prod;customer", "Sales", "false", "true", "", "", ""},
	{"Finance DB", "database", "true", "1", "8", "64", "1000", "20", "", "", "windows", "sqlserver",
		"120", "0", "false", "low", "true", "regulated", "normal", "stable", "60", "false", "false",
		"low", "finance", "3200.50", "finance", "Finance", "false", "", "", "", ""},
}

// Template is the downloadable CSV template of our own format: a UTF-8 BOM,
// the header and two example rows. Empty cells get advisor's defaults.
func Template() []byte {
	var buf bytes.Buffer
	buf.Write(utf8BOM)
	w := csv.NewWriter(&buf)
	_ = w.Write(ownColumns)
	_ = w.WriteAll(ownExamples) // writes to a buffer cannot fail
	return buf.Bytes()
}

func isOwn(h header) bool {
	if h.col("name") < 0 {
		return false
	}
	known, cols := 0, 0
	for _, n := range h.names {
		if n == "" {
			continue
		}
		cols++
		if _, ok := ownSetters[normalize(n)]; ok {
			known++
		}
	}
	return known >= 2 && 2*known >= cols
}

// own maps our CSV: every model column is optional except name.
type own struct {
	hdr     header
	cols    []int
	setters []ownSetter
	unknown []int
}

type ownSetter func(r *rowCtx, col int)

func newOwn(h header) *own {
	m := &own{hdr: h}
	for i, n := range h.names {
		set, ok := ownSetters[normalize(n)]
		switch {
		case ok && h.index[normalize(n)] == i:
			m.cols, m.setters = append(m.cols, i), append(m.setters, set)
		case n != "":
			m.unknown = append(m.unknown, i)
		}
	}
	return m
}

func (m *own) row(r *rowCtx) bool {
	for i, c := range m.cols {
		m.setters[i](r, c)
	}
	r.setKey(m.hdr.col("name"), r.v.name)
	return true
}

// after reports the columns it ignored, against the header line.
func (m *own) after(b *builder) {
	for _, c := range m.unknown {
		b.res.Problems = append(b.res.Problems, Problem{Line: m.hdr.line, Column: m.hdr.name(c), Code: "unknown_column",
			Reason: "unknown column, ignored; the columns are: " + strings.Join(ownColumns, ", "),
			Key:    "inventory.problem.unknown_column", Args: []string{strings.Join(ownColumns, ", ")}})
	}
}

var ownSetters map[string]ownSetter

func init() {
	ownSetters = map[string]ownSetter{
		"name": func(r *rowCtx, c int) { r.setName(c) },
		"vcpu": func(r *rowCtx, c int) {
			if n, ok := r.number(c, false); ok {
				r.setVCPU(c, n)
			}
		},
		"memory_gib": func(r *rowCtx, c int) {
			if n, ok := r.number(c, false); ok {
				r.setMemoryGiB(c, n)
			}
		},
		"storage_gb": func(r *rowCtx, c int) {
			if n, ok := r.number(c, false); ok {
				r.setStorageGB(c, n)
			}
		},
		"avg_cpu_utilization_pct": func(r *rowCtx, c int) {
			if n, ok := r.percent(c); ok {
				r.setCPUPct(c, n)
			}
		},
		"avg_memory_utilization_pct": func(r *rowCtx, c int) {
			if n, ok := r.percent(c); ok {
				r.setMemPct(c, n)
			}
		},
		"instances":         intSetter("instances", func(r *rowCtx) **int { return &r.row.Input.Instances }),
		"egress_gb_month":   intSetter("egress_gb_month", func(r *rowCtx) **int { return &r.row.Input.EgressGBMonth }),
		"users":             intSetter("users", func(r *rowCtx) **int { return &r.row.Input.Users }),
		"developers":        intSetter("developers", func(r *rowCtx) **int { return &r.row.Input.Developers }),
		"lifetime_months":   intSetter("lifetime_months", func(r *rowCtx) **int { return &r.row.Input.LifetimeMonths }),
		"in_use":            boolSetter("in_use", func(r *rowCtx) **bool { return &r.row.Input.InUse }),
		"custom_code":       boolSetter("custom_code", func(r *rowCtx) **bool { return &r.row.Input.CustomCode }),
		"needs_os_control":  boolSetter("needs_os_control", func(r *rowCtx) **bool { return &r.row.Input.NeedsOSControl }),
		"mobile_access":     boolSetter("mobile_access", func(r *rowCtx) **bool { return &r.row.Input.MobileAccess }),
		"collaboration":     boolSetter("collaboration", func(r *rowCtx) **bool { return &r.row.Input.Collaboration }),
		"kind":              enumSetter("kind", func(r *rowCtx) **string { return &r.row.Input.Kind }),
		"os":                enumSetter("os", func(r *rowCtx) **string { return &r.row.Input.OS }),
		"database_engine":   enumSetter("database_engine", func(r *rowCtx) **string { return &r.row.Input.DatabaseEngine }),
		"customization":     enumSetter("customization", func(r *rowCtx) **string { return &r.row.Input.Customization }),
		"data_sensitivity":  enumSetter("data_sensitivity", func(r *rowCtx) **string { return &r.row.Input.DataSensitivity }),
		"time_to_market":    enumSetter("time_to_market", func(r *rowCtx) **string { return &r.row.Input.TimeToMarket }),
		"growth":            enumSetter("growth", func(r *rowCtx) **string { return &r.row.Input.Growth }),
		"lock_in_tolerance": enumSetter("lock_in_tolerance", func(r *rowCtx) **string { return &r.row.Input.LockInTolerance }),
		"sector":            enumSetter("sector", func(r *rowCtx) **string { return &r.row.Input.Sector }),
		"end_of_life":       boolSetter("end_of_life", func(r *rowCtx) **bool { return &r.row.Input.EndOfLife }),
		"code_ownership":    boolSetter("code_ownership", func(r *rowCtx) **bool { return &r.row.Input.CodeOwnership }),
		"interruptible":     boolSetter("interruptible", func(r *rowCtx) **bool { return &r.row.Input.Interruptible }),
		"gpu_count":         intSetter("gpu_count", func(r *rowCtx) **int { return &r.row.Input.GPUCount }),
		"gpu_kind":          enumSetter("gpu_kind", func(r *rowCtx) **string { return &r.row.Input.GPUKind }),
		"current_monthly_cost": func(r *rowCtx, c int) {
			s := r.cell(c)
			if s == "" || r.tooLong(c, s) {
				return
			}
			d, err := decimal.NewFromString(decomma(strings.ReplaceAll(s, " ", "")))
			if err != nil {
				r.problem(c, "decimal", "not an amount")
				return
			}
			r.row.Input.CurrentMonthlyCost = &d
			r.from("current_monthly_cost", c)
		},
		"tags":  func(r *rowCtx, c int) { r.row.Tags = splitList(r.cell(c)) },
		"group": func(r *rowCtx, c int) { r.row.Group = r.cell(c) },
	}
}

func intSetter(field string, p func(*rowCtx) **int) ownSetter {
	return func(r *rowCtx, c int) {
		n, ok := r.number(c, false)
		if !ok {
			return
		}
		if n != math.Trunc(n) {
			r.problem(c, "integer", "not a whole number")
			return
		}
		v := ceilInt(n)
		*p(r) = &v
		r.from(field, c)
	}
}

func boolSetter(field string, p func(*rowCtx) **bool) ownSetter {
	return func(r *rowCtx, c int) {
		s := r.cell(c)
		if s == "" {
			return
		}
		v, ok := parseBool(s)
		if !ok {
			r.problem(c, "boolean", "not true or false")
			return
		}
		*p(r) = &v
		r.from(field, c)
	}
}

// enumSetter accepts a value in any case, with spaces or hyphens for
// underscores ("Web app" is web_app); advisor checks it is allowed.
func enumSetter(field string, p func(*rowCtx) **string) ownSetter {
	return func(r *rowCtx, c int) {
		s := r.cell(c)
		if s == "" {
			return
		}
		v := strings.ToLower(strings.NewReplacer(" ", "_", "-", "_").Replace(s))
		*p(r) = &v
		r.from(field, c)
	}
}
