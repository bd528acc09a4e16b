package templates

import (
	"testing"

	"cloudadvisor/chart"
)

// TestPointsDropStraightRuns: points on a straight run are left out, a bend
// (an upfront fee's jump) and both ends stay.
func TestPointsDropStraightRuns(t *testing.T) {
	var ps []chart.Point
	for m := range 7 {
		y := 200 - 10*float64(m)
		if m >= 4 {
			y -= 30 // a jump at month 4
		}
		ps = append(ps, chart.Point{X: 10 * float64(m), Y: y})
	}
	if got, want := points(ps), "0.0,200.0 30.0,170.0 40.0,130.0 60.0,110.0"; got != want {
		t.Errorf("points = %q, want %q", got, want)
	}
	if got, want := points(ps[:1]), "0.0,200.0"; got != want {
		t.Errorf("one point = %q, want %q", got, want)
	}
}
