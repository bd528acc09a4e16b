package chart

import (
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
)

// Words are the texts a chart shows, in its reader's language: T looks a
// message up; Option names an option in legends and axes.
type Words struct {
	T      func(key string, args ...any) string
	Option func(pricing.Option) string
}

// WordsFor returns the message catalog's words for a language: options are
// named "IaaS · Google Cloud", as the pages name them.
func WordsFor(lang string) Words {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	return Words{T: t, Option: func(o pricing.Option) string {
		provider := o.Provider
		if i18n.Has("provider." + o.Provider) {
			provider = t("provider." + o.Provider)
		}
		return t("model."+string(o.Model)) + " · " + provider
	}}
}

// componentLabels names the cost components in the words' language.
func (w Words) componentLabels() map[string]string {
	out := map[string]string{}
	for _, c := range pricing.ComponentNames {
		out[c] = w.T("chart.component." + c)
	}
	return out
}
