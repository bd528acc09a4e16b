// Command genoffer writes a synthetic AWS regional EC2 offer JSON of a
// given size, shaped like AWS's real files, for importer benchmarks:
//
//	go run ./internal/genoffer -size 220 -o /tmp/offer.json
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"cloudadvisor/internal/genoffer/offergen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "genoffer:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("genoffer", flag.ContinueOnError)
	size := fs.Int64("size", 220, "size of the file in MB (10^6 bytes)")
	out := fs.String("o", "", "output file (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *size <= 0 {
		return fmt.Errorf("usage: genoffer -size MB -o FILE")
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	st, err := offergen.Write(f, *size*1_000_000)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d bytes, %d products, %d on-demand terms, %d reserved terms\n",
		*out, st.Bytes, st.Products, st.OnDemandTerms, st.ReservedTerms)
	return nil
}
