// Package i18n is the message catalog: every user-facing string is looked up
// here by key, so that a translation is a data change (add a messages.<lang>.yaml).
// Messages may hold numbered placeholders {0}, {1}, ... filled from the args.
package i18n

import (
	"context"
	"embed"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
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

// Match picks the language among the catalogs present for a user who chose
// chosen (a cookie, may be empty) and whose browser sent acceptLanguage:
// the choice wins when a catalog exists for it, then the header's order of
// preference with q values ("ko-KR" matches a "ko" catalog), then Default.
// Adding a messages.<lang>.yaml is all it takes for browsers asking for it to get it.
func Match(chosen, acceptLanguage string) string {
	return match(matcher, chosen, acceptLanguage)
}

var matcher = newMatcher(Languages())

// newMatcher matches among langs; the first is the fallback.
func newMatcher(langs []string) language.Matcher {
	tags := make([]language.Tag, len(langs))
	for i, l := range langs {
		tags[i] = language.Make(l)
	}
	return language.NewMatcher(tags)
}

func match(m language.Matcher, chosen, header string) string {
	tag, _ := language.MatchStrings(m, chosen, header)
	base, _ := tag.Base()
	return base.String()
}

// Languages lists the languages with a catalog, Default first, then by code.
func Languages() []string {
	out := []string{Default}
	var rest []string
	for l := range catalogs {
		if l != Default {
			rest = append(rest, l)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// N is T for a count n: key.one when n is one and lang's plural rules have
// a "one" form (English does, Korean does not), key itself otherwise. The
// caller passes n among args where the message places it.
func N(lang, key string, n int, args ...any) string {
	if n == 1 && HasOneForm(lang) {
		if _, ok := catalogs[lang][key+".one"]; ok {
			return T(lang, key+".one", args...)
		}
	}
	return T(lang, key, args...)
}

// Nc is N in the context's language.
func Nc(ctx context.Context, key string, n int, args ...any) string {
	return N(Lang(ctx), key, n, args...)
}

// HasOneForm reports whether lang's cardinal plural rules (CLDR) give the
// count 1 a form of its own; Korean, like Japanese and Chinese, has only
// "other", so its catalog needs no .one keys.
func HasOneForm(lang string) bool {
	tag, err := language.Parse(lang)
	if err != nil {
		return true
	}
	return plural.Cardinal.MatchPlural(tag, 1, 0, 0, 0, 0) == plural.One
}
