// Package defaults embeds the default price catalog, curated from the
// providers' public list prices, so the app runs offline out of the box. Each
// file is a price sheet (see package sheet) for one provider or one group of
// vendors; every row carries its source and as-of date.
package defaults

import (
	"embed"
	"io/fs"
	"slices"
)

//go:embed *.csv
var files embed.FS

// Sheet is one embedded price sheet.
type Sheet struct {
	Name string // file name, e.g. aws.csv
	Data []byte
}

// Sheets returns the embedded sheets in name order.
func Sheets() []Sheet {
	names, err := fs.Glob(files, "*.csv")
	if err != nil {
		panic(err) // the pattern is constant
	}
	slices.Sort(names)
	out := make([]Sheet, 0, len(names))
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			panic(err) // embedded files are always readable
		}
		out = append(out, Sheet{Name: n, Data: b})
	}
	return out
}
