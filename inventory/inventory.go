package inventory

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"cloudadvisor/advisor"
)

// Format names an inventory file format.
type Format string

// The formats Parse reads.
const (
	FormatRVTools               Format = "rvtools"
	FormatAzureMigrate          Format = "azure_migrate"
	FormatGoogleMigrationCenter Format = "google_migration_center"
	FormatAWSMigrationHub       Format = "aws_migration_hub"
	FormatAWSMigrationEvaluator Format = "aws_migration_evaluator"
	FormatCloudAdvisor          Format = "cloudadvisor_csv"
)

// Formats lists every format in display order.
var Formats = []Format{FormatRVTools, FormatAzureMigrate, FormatGoogleMigrationCenter,
	FormatAWSMigrationHub, FormatAWSMigrationEvaluator, FormatCloudAdvisor}

var formatTitles = map[Format]string{
	FormatRVTools:               "RVTools export (.xlsx, or the vInfo tab as .csv)",
	FormatAzureMigrate:          "Azure Migrate import CSV",
	FormatGoogleMigrationCenter: "Google Migration Center vmInfo.csv (or a .zip with vmInfo.csv, perfInfo.csv, diskInfo.csv, tagInfo.csv)",
	FormatAWSMigrationHub:       "AWS Migration Hub import CSV",
	FormatAWSMigrationEvaluator: "AWS Migration Evaluator template",
	FormatCloudAdvisor:          "CloudAdvisor CSV template",
}

// Title is the format's name for people.
func (f Format) Title() string {
	if t, ok := formatTitles[f]; ok {
		return t
	}
	return string(f)
}

// Errors of Parse and Detect; match them with errors.Is. The wrapped message
// says what was wrong and which limit applied.
var (
	ErrNotInventory = errors.New("not an inventory file")
	ErrTooLarge     = errors.New("inventory file too large")
	ErrTooManyRows  = errors.New("inventory file has too many rows")
	ErrUnreadable   = errors.New("inventory file unreadable")
)

// Default limits of Options.
const (
	DefaultMaxRows  = 50_000
	DefaultMaxBytes = 100 << 20
)

// Options bound and tune Parse. The zero value is the default.
type Options struct {
	// MaxRows is the most data rows read (0: DefaultMaxRows).
	MaxRows int
	// MaxBytes is the largest file accepted (0: DefaultMaxBytes).
	MaxBytes int64
	// MaxInflated is the most bytes a workbook or zip may inflate to, all
	// its parts together (0: DefaultMaxInflated).
	MaxInflated int64
	// MaxSharedStrings is the most entries of a workbook's shared strings
	// (0: DefaultMaxSharedStrings).
	MaxSharedStrings int
	// MaxSharedStringBytes is the most text of a workbook's shared strings
	// (0: DefaultMaxSharedStringBytes).
	MaxSharedStringBytes int64
	// MaxRecordBytes is the longest CSV record (0: DefaultMaxRecordBytes).
	MaxRecordBytes int64
	// PoweredOffInUse keeps in_use true for powered-off and suspended VMs.
	// By default (false) they get in_use false: a VM off at export time is a
	// retire candidate the user can review. They are flagged either way.
	PoweredOffInUse bool
}

func (o Options) withDefaults() Options {
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxInflated <= 0 {
		o.MaxInflated = DefaultMaxInflated
	}
	if o.MaxSharedStrings <= 0 {
		o.MaxSharedStrings = DefaultMaxSharedStrings
	}
	if o.MaxSharedStringBytes <= 0 {
		o.MaxSharedStringBytes = DefaultMaxSharedStringBytes
	}
	if o.MaxRecordBytes <= 0 {
		o.MaxRecordBytes = DefaultMaxRecordBytes
	}
	return o
}

// Row is one server of the file as a workload.
type Row struct {
	// Line is the spreadsheet row number or the CSV line the row starts on.
	Line int
	// Key identifies the server across re-imports of the same source: the
	// RVTools VM UUID (else the VM name), the Azure server name, the Google
	// MachineId, the AWS ExternalId (else HostName), our CSV's name.
	Key   string
	Input advisor.WorkloadInput
	// Group is the folder, cluster, application or group the file puts the
	// server in, if any.
	Group string
	Tags  []string
	// Flags mark rows to review: powered_off, suspended, template,
	// srm_placeholder, kind_inferred.
	Flags []string
	// Assumptions names the workload fields the file did not give, which get
	// advisor's defaults.
	Assumptions []string
}

// Problem says why a row, or a sample of an auxiliary file, was not imported.
type Problem struct {
	Line int
	// Column is the header as written in the file (or the model field name).
	Column string
	Value  string
	// Code is a stable name of the problem for translation: required, number,
	// boolean, range, one_of, too_long, duplicate, unknown_column.
	Code string
	// Reason explains the problem in English; Key and Args say it as a
	// message code for the reader's language (Key is "" when there is none).
	Reason string
	Key    string   `json:",omitempty"`
	Args   []string `json:",omitempty"`
}

// Stats counts the data rows of the file: Read = Imported + Skipped. Rows
// skipped silently (blank rows, RVTools rows without a VM name) are not
// counted.
type Stats struct {
	Read, Imported, Skipped int
}

// Result is what Parse found.
type Result struct {
	Format   Format
	Rows     []Row
	Problems []Problem
	Stats    Stats
}

// headLen is how much of the file Detect looks at.
const headLen = 64 << 10

// Parse reads an inventory file of any accepted format. name is the upload's
// file name, used only as a hint. A file that is no inventory fails with
// ErrNotInventory; one over the limits with ErrTooLarge (a *LimitError when
// a limit of its content was passed) or ErrTooManyRows.
// Bad rows do not fail the parse: they are in Result.Problems.
func Parse(r io.ReaderAt, size int64, name string, opts Options) (Result, error) {
	opts = opts.withDefaults()
	if size > opts.MaxBytes {
		return Result{}, fmt.Errorf("%w: %s is %s, the limit is %s", ErrTooLarge, baseName(name), mb(size), mb(opts.MaxBytes))
	}
	head := make([]byte, min(size, headLen))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return Result{}, fmt.Errorf("read inventory %s: %w", baseName(name), err)
	}
	c, err := sniff(name, head)
	if err != nil {
		return Result{}, err
	}
	switch c {
	case containerXLSX:
		return parseXLSX(r, size, opts)
	case containerZip:
		return parseZip(r, size, opts)
	}
	return parseCSV(io.NewSectionReader(r, 0, size), name, opts)
}

func mb(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if name == "" {
		return "the file"
	}
	return name
}

func notInventory(why string) error {
	titles := make([]string, len(Formats))
	for i, f := range Formats {
		titles[i] = f.Title()
	}
	return fmt.Errorf("%w: %s; accepted formats: %s", ErrNotInventory, why, strings.Join(titles, "; "))
}
