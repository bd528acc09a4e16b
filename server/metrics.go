package server

import (
	"context"
	"net/http"
	"net/http/pprof"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the Prometheus series the admin listener exposes.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	assessments prometheus.Counter
	// exportRenders and exportHits count the exports rendered and those
	// served from the export cache, by format.
	exportRenders, exportHits *prometheus.CounterVec
}

func newMetrics(s *Server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "advisor_http_requests_total",
		Help: "HTTP requests by route pattern, method and status code."}, []string{"route", "method", "status"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "advisor_http_request_duration_seconds",
		Help: "HTTP request latency by route pattern.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14)},
		[]string{"route"})
	m.assessments = prometheus.NewCounter(prometheus.CounterOpts{Name: "advisor_assessments_created_total",
		Help: "Assessments created through the questionnaire or the API."})
	m.exportRenders = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "advisor_export_renders_total",
		Help: "Report exports rendered, by format."}, []string{"format"})
	m.exportHits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "advisor_export_cache_hits_total",
		Help: "Report exports served from the export cache, by format."}, []string{"format"})
	cached := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "advisor_export_cache_bytes",
		Help: "Bytes of rendered exports the export cache holds."}, func() float64 { return float64(s.exportCache.size()) })
	m.reg.MustRegister(m.requests, m.latency, m.assessments, m.exportRenders, m.exportHits, cached, &catalogAge{s: s},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// measure records each request under its route pattern (never the raw path,
// which would make a series per assessment id).
func (m *metrics) measure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		m.requests.WithLabelValues(route, methodLabel(r.Method), strconv.Itoa(status)).Inc()
		m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}

// methodLabel bounds the method label to the methods HTTP defines: any other
// name (a client may send a 500 KB one) is counted as "other", so no request
// can create a series that is never freed.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "other"
}

// catalogAge reports, per provider, the age in seconds of its newest active
// catalog version, read from the store at scrape time.
type catalogAge struct{ s *Server }

var catalogAgeDesc = prometheus.NewDesc("advisor_catalog_age_seconds",
	"Seconds since the newest active catalog version of the provider was fetched.", []string{"provider"}, nil)

func (c *catalogAge) Describe(ch chan<- *prometheus.Desc) { ch <- catalogAgeDesc }

func (c *catalogAge) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	versions, err := c.s.store.CatalogVersions(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(catalogAgeDesc, err)
		return
	}
	newest := map[string]time.Time{}
	for _, v := range versions {
		if v.Status == "active" && v.FetchedAt.After(newest[v.Provider]) {
			newest[v.Provider] = v.FetchedAt
		}
	}
	for p, t := range newest {
		ch <- prometheus.MustNewConstMetric(catalogAgeDesc, prometheus.GaugeValue, c.s.now().Sub(t).Seconds(), p)
	}
}

// AdminHandler serves /metrics and /debug/pprof/ for the admin listener,
// which is off unless an admin address is configured.
func (s *Server) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// RegisterMetrics adds series kept outside the server (the scheduled
// catalog refresh) to what the admin listener exposes.
func (s *Server) RegisterMetrics(cs ...prometheus.Collector) error {
	for _, c := range cs {
		if err := s.metrics.reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}
