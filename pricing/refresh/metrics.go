package refresh

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the Prometheus series of refreshes, for the admin listener.
type Metrics struct {
	runs        *prometheus.CounterVec
	lastSuccess *prometheus.GaugeVec
	lastFailure *prometheus.GaugeVec
	duration    *prometheus.GaugeVec
	retries     *prometheus.CounterVec
	inProgress  prometheus.Gauge
}

// NewMetrics returns the series; register Collectors() with a registry.
func NewMetrics() *Metrics {
	return &Metrics{
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "advisor_catalog_refresh_total",
			Help: "Catalog refreshes by provider and result (ok, failed, skipped)."}, []string{"provider", "result"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "advisor_catalog_refresh_last_success_timestamp_seconds",
			Help: "When the provider's catalog was last refreshed successfully (Unix time)."}, []string{"provider"}),
		lastFailure: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "advisor_catalog_refresh_last_failure_timestamp_seconds",
			Help: "When a refresh of the provider last failed (Unix time); its previous prices kept serving."}, []string{"provider"}),
		duration: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "advisor_catalog_refresh_duration_seconds",
			Help: "How long the provider's last refresh took."}, []string{"provider"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "advisor_catalog_refresh_http_retries_total",
			Help: "Provider requests retried after a 429, a 5xx or a network error, by host."}, []string{"host"}),
		inProgress: prometheus.NewGauge(prometheus.GaugeOpts{Name: "advisor_catalog_refresh_in_progress",
			Help: "1 while this process runs a refresh."}),
	}
}

// Collectors lists the series to register.
func (m *Metrics) Collectors() []prometheus.Collector {
	return []prometheus.Collector{m.runs, m.lastSuccess, m.lastFailure, m.duration, m.retries, m.inProgress}
}

// Retry counts one retried request to host.
func (m *Metrics) Retry(host string) {
	if m != nil {
		m.retries.WithLabelValues(host).Inc()
	}
}

func (m *Metrics) running(on bool) {
	if m == nil {
		return
	}
	if on {
		m.inProgress.Set(1)
	} else {
		m.inProgress.Set(0)
	}
}

func (m *Metrics) record(results []Result, now time.Time) {
	if m == nil {
		return
	}
	for _, r := range results {
		m.runs.WithLabelValues(r.Provider, r.Status()).Inc()
		switch r.Status() {
		case "ok":
			m.lastSuccess.WithLabelValues(r.Provider).Set(float64(now.Unix()))
		case "failed":
			m.lastFailure.WithLabelValues(r.Provider).Set(float64(now.Unix()))
		}
		if r.Skipped == "" {
			m.duration.WithLabelValues(r.Provider).Set(r.Duration.Seconds())
		}
	}
}
