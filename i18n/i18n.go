// Package i18n is the message catalog: every user-facing string is looked up
// here by key, so that a translation is a data change (add a messages.<lang>.yaml).
// Messages may hold numbered placeholders {0}, {1}, ... filled from the args.
package i18n

import (
	"context"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed messages.*.yaml
var files embed.FS

// Default is the language used when none is chosen or a key is missing.
const Default = "en"

var catalogs = load()

func load() map[string]map[string]string {
	out := map[string]map[string]string{}
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		// messages.<lang>.yaml or messages.<lang>.<part>.yaml: parts merge.
		lang, _, _ := strings.Cut(strings.TrimPrefix(e.Name(), "messages."), ".")
		b, err := files.ReadFile(e.Name())
		if err != nil {
			panic(err)
		}
		m := map[string]string{}
		if err := yaml.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("i18n: %s: %v", e.Name(), err)) // a test loads every catalog
		}
		if out[lang] == nil {
			out[lang] = map[string]string{}
		}
		for k, v := range m {
			if _, dup := out[lang][k]; dup {
				panic(fmt.Sprintf("i18n: %s: key %q is also in another file", e.Name(), k))
			}
			out[lang][k] = v
		}
	}
	return out
}

// Has reports whether the default catalog has key.
func Has(key string) bool {
	_, ok := catalogs[Default][key]
	return ok
}

// Lookup returns the message for key in lang, falling back to the default
// language, and ok false when neither has it.
func Lookup(lang, key string) (string, bool) {
	if m, ok := catalogs[lang][key]; ok {
		return m, true
	}
	m, ok := catalogs[Default][key]
	return m, ok
}

// T returns the message for key in lang with placeholders filled. A missing
// key shows as the key itself in brackets, which tests catch.
func T(lang, key string, args ...any) string {
	m, ok := Lookup(lang, key)
	if !ok {
		return "[" + key + "]"
	}
	for i, a := range args {
		m = strings.ReplaceAll(m, fmt.Sprintf("{%d}", i), fmt.Sprint(a))
	}
	return m
}

type langKey struct{}

// WithLang returns a context carrying the user's language.
func WithLang(ctx context.Context, lang string) context.Context {
	return context.WithValue(ctx, langKey{}, lang)
}

// Lang returns the context's language, or Default.
func Lang(ctx context.Context) string {
	if l, ok := ctx.Value(langKey{}).(string); ok && l != "" {
		return l
	}
	return Default
}

// Tc is T in the context's language.
func Tc(ctx context.Context, key string, args ...any) string {
	return T(Lang(ctx), key, args...)
}

// Match picks the language of an Accept-Language header among the
// catalogs present, in the header's order of preference (q values
// honoured; "ko-KR" matches a "ko" catalog), or Default. Adding a
// messages.<lang>.yaml is all it takes for browsers asking for it to get it.
func Match(acceptLanguage string) string {
	return match(acceptLanguage, catalogs)
}

func match(header string, available map[string]map[string]string) string {
	best, bestQ := Default, 0.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		if _, ok := available[base]; ok && q > bestQ {
			best, bestQ = base, q
		}
	}
	return best
}
