// Package inventory reads the estate files customers already have and turns
// every server in them into an advisor.WorkloadInput.
//
// Accepted formats (Parse detects which one by content, not by file name):
//
//   - RVTools exports: the vInfo sheet of an .xlsx workbook (4.x with MiB
//     columns, 3.x with MB columns) or the vInfo tab exported as CSV.
//   - Azure Migrate "Import using CSV" (both template variants).
//   - Google Migration Center manual CSVs: vmInfo.csv alone, or a .zip with
//     vmInfo.csv and the optional perfInfo.csv, diskInfo.csv and tagInfo.csv.
//   - AWS Migration Hub (Application Discovery Service) import CSV.
//   - AWS Migration Evaluator self-reported template columns.
//   - CloudAdvisor's own CSV, whose columns are the workload model's names
//     (see Template).
//
// Any of the CSV formats may also come as a sheet of an .xlsx whose header
// row (within the first five non-blank rows) is that format's.
//
// Workbooks are streamed by a small reader of their own (xlsx.go, xmlscan.go)
// rather than excelize: excelize's streaming Rows took 1.9 s and 18 million
// allocations for a 10,000-VM RVTools vInfo sheet, this reader about 0.25 s,
// decoding only the columns the format uses. Every part is inflated through
// a limit of 16 × Options.MaxBytes, against zip bombs.
//
// # Units and conversions
//
// vSphere reports memory and disk sizes in binary megabytes (2^20 bytes).
// RVTools 4.x says so (MiB columns); RVTools 3.x labelled the same numbers
// "MB". Both are converted alike:
//
//   - memory_gib = Memory / 1024 (exact; not rounded).
//   - storage_gb = ceil(Provisioned MiB × 1.048576 / 1000): decimal GB as
//     cloud disks are priced, rounded up to whole GB. When Provisioned is
//     empty, Total disk capacity MiB is used.
//   - Azure Migrate and AWS give memory in MB (the tools mean MiB):
//     memory_gib = MB / 1024. Azure disk sizes are already GB.
//   - Google Migration Center gives GiB: memory_gib as is, storage_gb =
//     ceil(GiB × 1.073741824).
//   - vcpu is the CPU or core count, rounded up when fractional.
//
// Numbers may carry thousands separators ("2,224"), a decimal comma ("12,5")
// or a percent sign; anything else that is not a number is a problem.
//
// # Decisions
//
//   - A row with a problem (missing or non-numeric CPUs or memory, a value
//     outside advisor's limits, an empty name, a key already seen in the file,
//     utilisation over 100 %) is left out and reported with its line and
//     column; the other rows still import. Values are never clamped.
//   - RVTools rows with an empty VM cell are skipped silently (exports carry
//     hundreds of formatted empty rows); reading stops after 10,000
//     consecutive empty rows.
//   - RVTools templates and SRM placeholders are not running workloads:
//     flagged "template"/"srm_placeholder" and in_use false. Powered-off and
//     suspended VMs are flagged "powered_off"/"suspended" and get in_use
//     false (a retire candidate for the user to review) unless
//     Options.PoweredOffInUse is set.
//   - os is windows when the OS name contains "windows", else linux; empty
//     when the file does not say.
//   - kind is guessed only from obvious words in the name (sql, db, postgres,
//     mysql, oracle, exchange, mail) and flagged "kind_inferred"; otherwise it
//     is left empty and the default applies.
//   - Fields the file cannot say are left nil so advisor's defaults apply;
//     Row.Assumptions names them for the UI.
package inventory
