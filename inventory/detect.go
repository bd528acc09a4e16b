package inventory

import (
	"bytes"
	"encoding/csv"
	"path"
	"strings"
	"unicode/utf8"
)

type container int

const (
	containerCSV container = iota
	containerXLSX
	containerZip
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniff tells a workbook, a zip archive and a text file apart by their first
// bytes, and refuses everything else.
func sniff(name string, head []byte) (container, error) {
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))
	switch {
	case len(head) == 0:
		return 0, notInventory("the file is empty")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if ext == ".xlsx" || ext == ".xlsm" || looksLikeOOXML(head) {
			return containerXLSX, nil
		}
		return containerZip, nil
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return 0, notInventory("this is an old Excel .xls (or other OLE) file: save it as .xlsx or .csv")
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return 0, notInventory("the text is UTF-16: save it as CSV UTF-8")
	}
	text := bytes.TrimPrefix(head, utf8BOM)
	if bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(trimPartialRune(text)) {
		return 0, notInventory("the file is neither a spreadsheet nor UTF-8 text")
	}
	return containerCSV, nil
}

// trimPartialRune drops a rune cut at the end of the head.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax-1 && len(b) > 0; i++ {
		if r, _ := utf8.DecodeLastRune(b); r != utf8.RuneError {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// looksLikeOOXML reports whether the first zip entry is a part of an Office
// Open XML package.
func looksLikeOOXML(head []byte) bool {
	if len(head) < 30 {
		return false
	}
	n := int(head[26]) | int(head[27])<<8
	if 30+n > len(head) {
		return false
	}
	first := string(head[30 : 30+n])
	for _, p := range []string{"[Content_Types].xml", "_rels/", "xl/", "docProps/"} {
		if strings.HasPrefix(first, p) {
			return true
		}
	}
	return false
}

// Detect names the format of a file from its name and first bytes (64 KiB is
// plenty). A workbook or a zip archive can only be told apart by what is
// inside: Detect says FormatRVTools for a workbook and
// FormatGoogleMigrationCenter for a zip, and Parse, which looks inside, may
// settle on another format.
func Detect(name string, head []byte) (Format, error) {
	c, err := sniff(name, head)
	if err != nil {
		return "", err
	}
	switch c {
	case containerXLSX:
		return FormatRVTools, nil
	case containerZip:
		return FormatGoogleMigrationCenter, nil
	}
	text, sep, _ := csvPreamble(head)
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = sep, -1, true
	var firstErr error
	for tried := 0; tried < headerScan; {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		if blank(rec) {
			continue
		}
		tried++
		f, err := formatOf(newHeader(rec))
		if err == nil {
			return f, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = notInventory("no header row was found")
	}
	return "", firstErr
}

// csvPreamble strips a BOM and Excel's "sep=;" line and picks the delimiter:
// the one of , ; and tab most frequent in the first line.
func csvPreamble(text []byte) (rest []byte, sep rune, sepLine bool) {
	text = bytes.TrimPrefix(text, utf8BOM)
	line, rest := text, text[len(text):]
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		line, rest = text[:i], text[i+1:]
	}
	line = bytes.TrimRight(line, "\r")
	if len(line) == 5 && bytes.HasPrefix(bytes.ToLower(line), []byte("sep=")) {
		if r := rune(line[4]); r == ',' || r == ';' || r == '\t' || r == '|' {
			return rest, r, true
		}
	}
	sep, best := ',', bytes.Count(line, []byte(","))
	for _, r := range []rune{';', '\t'} {
		if n := bytes.Count(line, []byte(string(r))); n > best {
			sep, best = r, n
		}
	}
	return text, sep, false
}

// header is a file's header row: names as written, and an index by
// normalised name (lower case, trimmed, without the leading * of Azure's
// mandatory columns, inner spaces collapsed).
type header struct {
	line  int
	names []string
	index map[string]int
}

func newHeader(rec []string) header {
	h := header{names: make([]string, len(rec)), index: make(map[string]int, len(rec))}
	for i, s := range rec {
		h.names[i] = strings.TrimSpace(s)
		k := normalize(s)
		if _, dup := h.index[k]; !dup && k != "" {
			h.index[k] = i
		}
	}
	return h
}

func normalize(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "\uFEFF")
	s = strings.TrimSpace(strings.TrimPrefix(s, "*"))
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// col returns the index of the first of names present, or -1.
func (h header) col(names ...string) int {
	for _, n := range names {
		if i, ok := h.index[n]; ok {
			return i
		}
	}
	return -1
}

func (h header) has(names ...string) bool {
	for _, n := range names {
		if _, ok := h.index[n]; !ok {
			return false
		}
	}
	return true
}

// name is the column's header as written.
func (h header) name(col int) string {
	if col < 0 || col >= len(h.names) {
		return ""
	}
	return h.names[col]
}

// formatOf recognises a format by its header row.
func formatOf(h header) (Format, error) {
	switch {
	case h.has("vm", "cpus", "memory"):
		return FormatRVTools, nil
	case h.has("cores", "memory (in mb)") && h.col("server name") >= 0:
		return FormatAzureMigrate, nil
	case h.has("machineid", "machinename"):
		return FormatGoogleMigrationCenter, nil
	case h.has("machineid", "timestamp", "cpuutilizationpercentage"):
		return "", notInventory("this is Google Migration Center's perfInfo.csv: upload vmInfo.csv, or a .zip holding vmInfo.csv and perfInfo.csv")
	case h.has("machineid", "disklabel"), h.has("machineid", "key", "value"):
		return "", notInventory("this is an auxiliary Google Migration Center file: upload vmInfo.csv, or a .zip holding vmInfo.csv and the others")
	case isAWSHub(h):
		return FormatAWSMigrationHub, nil
	case h.has("server name", "cpu cores", "memory (mb)"):
		return FormatAWSMigrationEvaluator, nil
	case isOwn(h):
		return FormatCloudAdvisor, nil
	}
	return "", notInventory("its header matches none of them")
}

func isAWSHub(h header) bool {
	if h.col("externalid", "hostname", "vmware.vmname", "ipaddress") < 0 {
		return false
	}
	return h.col("cpu.numberofcores", "cpu.numberofprocessors", "cpu.numberoflogicalcores", "ram.totalsizeinmb", "os.name") >= 0
}
