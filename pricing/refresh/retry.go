package refresh

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// Retry is an http.RoundTripper that retries a GET answered with 429 or a
// 5xx status, or failing before any response, with exponential backoff and
// jitter; a Retry-After of a few seconds is honoured. Other statuses (a
// missing page, 404) are returned at once: they do not heal by waiting.
type Retry struct {
	Next     http.RoundTripper // http.DefaultTransport when nil
	Attempts int               // tries in all; 4 when zero
	Base     time.Duration     // first backoff; 500ms when zero
	Max      time.Duration     // longest backoff; 30s when zero
	// Sleep waits d or until ctx ends; tests replace it to run without
	// waiting.
	Sleep func(ctx context.Context, d time.Duration) error
	// OnRetry, when set, is told of each retry (for logs and metrics).
	OnRetry func(req *http.Request, attempt int, reason string)
}

// RoundTrip implements http.RoundTripper.
func (t *Retry) RoundTrip(req *http.Request) (*http.Response, error) {
	next := t.Next
	if next == nil {
		next = http.DefaultTransport
	}
	attempts := t.Attempts
	if attempts <= 0 {
		attempts = 4
	}
	for attempt := 1; ; attempt++ {
		resp, err := next.RoundTrip(req)
		retryable := req.Method == http.MethodGet && (err != nil ||
			resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500)
		if !retryable || attempt >= attempts || req.Context().Err() != nil {
			return resp, err
		}
		reason, wait := "", t.backoff(attempt)
		if err != nil {
			reason = err.Error()
		} else {
			reason = resp.Status
			if d, ok := retryAfter(resp.Header.Get("Retry-After")); ok {
				wait = d
			}
			resp.Body.Close()
		}
		if t.OnRetry != nil {
			t.OnRetry(req, attempt, reason)
		}
		if err := t.sleep(req.Context(), wait); err != nil {
			return nil, fmt.Errorf("retry %s after %s: %w", req.URL.Redacted(), reason, err)
		}
	}
}

// backoff is base × 2^(attempt-1), capped, with up to half of it as jitter.
func (t *Retry) backoff(attempt int) time.Duration {
	base, max := t.Base, t.Max
	if base <= 0 {
		base = 500 * time.Millisecond
	}
	if max <= 0 {
		max = 30 * time.Second
	}
	d := base << (attempt - 1)
	if d > max || d <= 0 {
		d = max
	}
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads a Retry-After of delay seconds, at most a minute.
func retryAfter(v string) (time.Duration, bool) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 60 {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}

func (t *Retry) sleep(ctx context.Context, d time.Duration) error {
	if t.Sleep != nil {
		return t.Sleep(ctx, d)
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
