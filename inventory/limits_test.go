package inventory

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestNumberCellTooLong: a number cell longer than 64 characters is a
// too_long problem of its row, found before it is parsed; the problem
// quotes only the start of the cell.
func TestNumberCellTooLong(t *testing.T) {
	long := strings.Repeat("9", 20_000)
	csv := "name,vcpu,memory_gib,current_monthly_cost\n" +
		"a," + long + ",4,10\n" +
		"b,2,4," + long + "\n" +
		"c,2," + strings.Repeat("0", 63) + "4,10\n"
	res, err := parseBytes(t, []byte(csv), "own.csv")
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats != (Stats{Read: 3, Imported: 1, Skipped: 2}) {
		t.Fatalf("stats: got %+v, want 3 read, 1 imported, 2 skipped", res.Stats)
	}
	for i, col := range []string{"vcpu", "current_monthly_cost"} {
		p := res.Problems[i]
		if p.Column != col || p.Code != "too_long" || !strings.Contains(p.Reason, "64") || len(p.Value) > maxProblemValue+len("…") || !utf8.ValidString(p.Value) {
			t.Errorf("problem %d: got %s %s %q (%d bytes), want %s too_long saying 64, value clipped", i, p.Column, p.Code, p.Reason, len(p.Value), col)
		}
	}
}
