package i18n

import (
	"context"
	"time"
)

// Date writes a date as lang's readers do: "2026-12-04", "2026년 12월 4일"
// (the format.date message is a time layout).
func Date(lang string, t time.Time) string { return t.Format(T(lang, "format.date")) }

// DateTime writes a date and time as lang's readers do.
func DateTime(lang string, t time.Time) string { return t.Format(T(lang, "format.datetime")) }

// DateString rewrites a date kept as text ("2026-12-04", or an RFC 3339
// time whose date is taken) as Date does; text of another shape is kept.
func DateString(lang, s string) string {
	if len(s) >= 10 {
		if d, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return Date(lang, d)
		}
	}
	return s
}

// Datec is Date in the context's language.
func Datec(ctx context.Context, t time.Time) string { return Date(Lang(ctx), t) }
