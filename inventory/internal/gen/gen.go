// Package gen builds large RVTools-shaped workbooks for the inventory
// package's tests and benchmarks, by repeating and varying real vInfo rows.
package gen

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Header is an RVTools 4.x vInfo header (a subset of the 79 columns, in the
// real order), and Rows are rows shaped like the real exports'.
var (
	Header = []string{"VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "CPUs", "Memory",
		"NICs", "Disks", "Total disk capacity MiB", "Primary IP Address", "Resource pool", "Folder",
		"Provisioned MiB", "In Use MiB", "Unshared MiB", "Datacenter", "Cluster", "Host",
		"OS according to the configuration file", "OS according to the VMware Tools ", "VM ID", "VM UUID"}
	Rows = [][]string{
		{"vm-1", "poweredOff", "False", "False", "green", "1", "2224", "1", "1", "100494", "", "/Datacenter/Cluster/Resources", "", "105742", "96952", "96951", "Datacenter", "Cluster", "10.185.26.9", "Amazon Linux 2 (64-bit)", "", "vm-89952", "500b85c1-ef0d-37fb-6897-61c47157f858"},
		{"wadfs1", "poweredOn", "False", "False", "green", "1", "4096", "1", "1", "86201", "10.0.0.4", "/Datacenter1/Cluster1/Resources", "", "86201", "62420", "62420", "Datacenter1", "Cluster1", "bovmsp-04.customer.com", "Microsoft Windows Server 2008 R2 (64-bit)", "Microsoft Windows Server 2008 R2 (64-bit)", "vm-101", "5012a3c4-1111-2222-3333-444455556666"},
		{"sqlprd01", "poweredOn", "False", "False", "green", "8", "32768", "2", "3", "512000", "10.0.0.5", "/Datacenter1/Cluster1/Resources", "Prod", "540000", "400000", "400000", "Datacenter1", "Cluster1", "bovmsp-06.customer.com", "Microsoft Windows Server 2019 (64-bit)", "Microsoft Windows Server 2019 (64-bit)", "vm-102", "5012a3c4-1111-2222-3333-444455556667"},
		{"tmpl-rhel9", "poweredOff", "True", "False", "green", "2", "4096", "1", "1", "40960", "", "/Datacenter1/Cluster1/Resources", "Templates", "45000", "8000", "8000", "Datacenter1", "Cluster1", "bovmsp-01.customer.com", "Red Hat Enterprise Linux 9 (64-bit)", "", "vm-103", "5012a3c4-1111-2222-3333-444455556668"},
	}
)

// FromWorkbook reads the vInfo header and the rows with a VM name of a real
// RVTools workbook.
func FromWorkbook(r io.Reader) (header []string, rows [][]string, err error) {
	wb, err := excelize.OpenReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("open workbook: %w", err)
	}
	defer wb.Close()
	it, err := wb.Rows("vInfo")
	if err != nil {
		return nil, nil, fmt.Errorf("read vInfo: %w", err)
	}
	defer it.Close()
	for i := 0; it.Next() && i < 100_000; i++ {
		rec, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, fmt.Errorf("read vInfo row %d: %w", i+1, err)
		}
		switch {
		case header == nil:
			header = rec
		case len(rec) > 0 && strings.TrimSpace(rec[0]) != "":
			rows = append(rows, rec)
		}
	}
	return header, rows, nil
}

// RVTools writes a workbook whose vInfo sheet holds n rows cycling through
// rows, each with a unique VM name and UUID.
func RVTools(w io.Writer, header []string, rows [][]string, n int) error {
	wb := excelize.NewFile()
	defer wb.Close()
	if err := wb.SetSheetName("Sheet1", "vInfo"); err != nil {
		return err
	}
	sw, err := wb.NewStreamWriter("vInfo")
	if err != nil {
		return err
	}
	vm, uuid := index(header, "VM"), index(header, "VM UUID")
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for i := range n {
		base := rows[i%len(rows)]
		cells = cells[:0]
		for j := range header {
			v := ""
			if j < len(base) {
				v = base[j]
			}
			switch {
			case j == vm && v != "":
				v = fmt.Sprintf("%s-%06d", v, i)
			case j == uuid && len(v) >= 12:
				v = fmt.Sprintf("%s%012x", v[:len(v)-12], i)
			}
			if f, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "xXnN") {
				cells = append(cells, f)
			} else {
				cells = append(cells, v)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return wb.Write(w)
}

func index(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}
