package refresh

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/provenance"
)

// spool keeps the offers of one fetch in a temporary file, so that the
// network is never read inside the store's write transaction: a slow or
// failing provider holds no database lock.
type spool struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
	n   int
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "advisor-refresh-*.gob")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	return &spool{f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

// write is the sink of the fetch; it validates as the store would, so a bad
// record fails the fetch, not the import.
func (s *spool) write(o pricing.Offer) error {
	if err := o.Validate(); err != nil {
		return err
	}
	// Whatever address a mirror serves it from, a refreshed price is the
	// provider's own.
	if o.Attributes == nil {
		o.Attributes = map[string]string{}
	}
	o.Attributes[provenance.Attribute] = string(provenance.ProviderAPI)
	s.n++
	return s.enc.Encode(&o)
}

// replay sends every spooled offer to sink in order.
func (s *spool) replay(sink pricing.Sink) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<16))
	for i := 0; ; i++ {
		var o pricing.Offer
		if err := dec.Decode(&o); errors.Is(err, io.EOF) {
			if i != s.n {
				return fmt.Errorf("spool: read %d offers, wrote %d", i, s.n)
			}
			return nil
		} else if err != nil {
			return fmt.Errorf("spool: offer %d: %w", i, err)
		}
		if err := sink(o); err != nil {
			return err
		}
	}
}

func (s *spool) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}
