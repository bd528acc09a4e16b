package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"cloudadvisor/internal/jsonindent"
)

// JSON writes the document as the API returns it: indented by two spaces,
// one trailing newline; the bytes are those json.Encoder with a two-space
// indent would write for d.
//
// The workloads are encoded in batches, on every core, and written in
// order as each batch is done, so an assessment of 10,000 workloads never
// holds its whole document in memory (a few batches at most).
func JSON(w io.Writer, d Document) error {
	workloads := d.Workloads
	d.Workloads = []Workload{}
	head, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	const slot = "\n  \"workloads\": [],"
	i := bytes.Index(head, []byte(slot))
	if i < 0 {
		return errors.New("json report: no workloads slot in the document")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head[:i+len(slot)-2]) // up to and with the "["
	if err := writeWorkloads(bw, workloads); err != nil {
		return err
	}
	if len(workloads) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],")
	bw.Write(head[i+len(slot):])
	bw.WriteByte('\n')
	return bw.Flush()
}

// jsonBatch is the number of workloads one goroutine encodes at a time.
const jsonBatch = 32

// encoded is one batch of workloads as JSON, ready to write once done.
type encoded struct {
	buf  []byte
	err  error
	done chan struct{}
}

// jsonBuffers holds the *bytes.Buffer of an encoder and the *[]byte of a batch.
var jsonBuffers, batchBuffers sync.Pool

// writeWorkloads writes the workloads as the elements of the document's
// workloads array, each on a new line. Batches are encoded concurrently, at
// most two per core ahead of the writer.
func writeWorkloads(w io.Writer, ws []Workload) error {
	ahead := make(chan *encoded, 2*runtime.GOMAXPROCS(0))
	var stop atomic.Bool // the writer failed: encode no more
	go func() {
		defer close(ahead)
		for start := 0; start < len(ws) && !stop.Load(); start += jsonBatch {
			e := &encoded{done: make(chan struct{})}
			if b, ok := batchBuffers.Get().(*[]byte); ok {
				e.buf = (*b)[:0]
			}
			ahead <- e
			go func() {
				defer close(e.done)
				e.buf, e.err = appendWorkloads(e.buf, ws[start:min(start+jsonBatch, len(ws))], start == 0)
			}()
		}
	}()
	var err error
	for e := range ahead {
		<-e.done
		if err == nil {
			err = e.err
		}
		if err == nil {
			_, err = w.Write(e.buf)
		}
		if err != nil {
			stop.Store(true)
		}
		batchBuffers.Put(&e.buf)
	}
	return err
}

// appendWorkloads appends the workloads to out, each after a comma (but the
// first of the document) and a newline, indented as elements of the
// document's workloads array.
func appendWorkloads(out []byte, ws []Workload, first bool) ([]byte, error) {
	compact, ok := jsonBuffers.Get().(*bytes.Buffer)
	if !ok {
		compact = new(bytes.Buffer)
	}
	defer jsonBuffers.Put(compact)
	enc := json.NewEncoder(compact)
	for i, wl := range ws {
		compact.Reset()
		if err := enc.Encode(wl); err != nil {
			return out, err
		}
		if i > 0 || !first {
			out = append(out, ',')
		}
		out = append(out, "\n    "...)
		out = jsonindent.Append(out, bytes.TrimSuffix(compact.Bytes(), []byte("\n")), "    ", "  ")
	}
	return out, nil
}
