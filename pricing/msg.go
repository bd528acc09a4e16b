package pricing

import (
	"fmt"
	"strings"
)

// Msg is a message code with its arguments: pricing says what it found as
// codes, and the words are chosen when the option is shown, in the reader's
// language (keys live in i18n/messages.*.pricing.yaml). An argument that
// starts with "#" is itself a message key, shown in the same language.
type Msg struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
}

// M builds a message; arguments are formatted with fmt.Sprint.
func M(key string, args ...any) Msg {
	m := Msg{Key: key}
	for _, a := range args {
		m.Args = append(m.Args, fmt.Sprint(a))
	}
	return m
}

// Ref is an argument that names another message key, with that message's
// own arguments separated by RefSep.
func Ref(key string, args ...string) string {
	return "#" + strings.Join(append([]string{key}, args...), RefSep)
}

// ProviderRef is a provider as a message argument: its name in the
// reader's language.
func ProviderRef(id string) string { return Ref("provider." + id) }

// RegionRef is a provider region as a message argument: its place in the
// reader's language ("Seoul"), or the code when the catalog has no name.
func RegionRef(code string) string { return Ref("region." + code) }

// OSRef is an operating system as a message argument: "Linux".
func OSRef(os string) string { return Ref("enum.os." + os) }

// EngineRef is a database engine as a message argument: "PostgreSQL".
func EngineRef(engine string) string { return Ref("enum.database_engine." + engine) }

// RefSep separates a Ref's key from its arguments.
const RefSep = "\x1f"

// AsRef is the message as an argument of another.
func (m Msg) AsRef() string { return Ref(m.Key, m.Args...) }

// IsZero reports whether the message is empty.
func (m Msg) IsZero() bool { return m.Key == "" }

// String is the code and arguments, for logs and test failures; people read
// the rendered text.
func (m Msg) String() string {
	if len(m.Args) == 0 {
		return m.Key
	}
	return m.Key + "(" + strings.Join(m.Args, ", ") + ")"
}
