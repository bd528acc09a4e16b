package chart

import (
	"testing"
)

func TestFormatTickShort(t *testing.T) {
	tests := []struct{ name, in, cur, want string }{
		{"small", "800", "USD", "USD 800"},
		{"thousands", "12500", "USD", "USD 12.5k"},
		{"millions", "300000000", "KRW", "₩300M"},
		{"billions", "2500000000", "KRW", "₩2.5B"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatTick(d(tc.in), tc.cur); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestStackedBarsOutlierAndLongLabels(t *testing.T) {
	bars := []Bar{
		{Label: "IaaS · DigitalOcean", Parts: []Part{{Series: "compute", Value: d("100")}}},
		{Label: "PaaS · Amazon Web Services", Parts: []Part{{Series: "compute", Value: d("120")}}},
		{Label: "SaaS · Microsoft 365", Parts: []Part{{Series: "compute", Value: d("5000")}}},
	}
	box := Box{Width: 420, Height: 260, Left: 64, Right: 12, Top: 10, Bottom: 34}
	got := StackedBars(bars, []string{"compute"}, nil, "USD", box, WordsFor("en"))
	if !got.Rotate || got.Box.Bottom <= box.Bottom {
		t.Errorf("got rotate %v bottom %v, want slanted labels with a taller bottom", got.Rotate, got.Box.Bottom)
	}
	if len(got.Broken) != 1 || got.Broken[0].Label != "SaaS · Microsoft 365: USD 5,000.00" {
		t.Fatalf("got broken %+v, want the SaaS bar with its total", got.Broken)
	}
	// The other bars keep a readable height: the axis tops near the second bar.
	if h := got.Rects[1].H; h < got.Box.plotH()/2 {
		t.Errorf("got second bar %.1f high of %.1f, want at least half the plot", h, got.Box.plotH())
	}
	for _, r := range got.Rects {
		if r.Y < got.Box.Top-1e-9 {
			t.Errorf("rect %+v rises above the plot", r)
		}
	}
}
