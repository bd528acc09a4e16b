package server

import (
	"bytes"
	"net/http"
)

// spillWriter keeps an export in memory while it is no larger than limit,
// so that it can be cached and a failed render can still be answered with
// an error page; past limit (a large estate's CSV is hundreds of MB, more
// than the cache would keep) it sends the response's headers and what it
// kept, and writes the rest straight to the client.
type spillWriter struct {
	w       http.ResponseWriter
	limit   int
	headers func(h http.Header) // sets the response's headers before the first byte goes out
	buf     bytes.Buffer
	spilled bool
}

func (s *spillWriter) Write(p []byte) (int, error) {
	if !s.spilled && s.buf.Len()+len(p) <= s.limit {
		return s.buf.Write(p)
	}
	if !s.spilled {
		s.spilled = true
		s.headers(s.w.Header())
		if _, err := s.w.Write(s.buf.Bytes()); err != nil {
			return 0, err
		}
		s.buf = bytes.Buffer{}
	}
	return s.w.Write(p)
}
