package advisor

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v3"
)

// Model is a service model a workload can run on, or Retire when it should
// not run anywhere.
type Model string

// Service models, from most to least customer responsibility. With IaaS the
// customer runs the OS, middleware, runtime, application and data; with PaaS
// only the application and data; with SaaS nothing but its use and
// administration.
const (
	IaaS Model = "iaas"
	PaaS Model = "paas"
	SaaS Model = "saas"
)

// Retire is both the Model and the Strategy of a workload that should be
// switched off rather than migrated. It is untyped so that it serves as either.
const Retire = "retire"

// Models are the service models a rule can score or exclude, in tie-break
// order (most customer control first).
var Models = []Model{IaaS, PaaS, SaaS}

// Strategy is a migration strategy (one of the "6 Rs").
type Strategy string

// Migration strategies.
const (
	Rehost     Strategy = "rehost"     // move as is to IaaS
	Replatform Strategy = "replatform" // move to PaaS or a managed database
	Refactor   Strategy = "refactor"   // rework the code for the cloud
	Repurchase Strategy = "repurchase" // replace with a SaaS product
	Retain     Strategy = "retain"     // keep it where it is
)

// Strategies lists every strategy, in display order.
var Strategies = []Strategy{Rehost, Replatform, Refactor, Repurchase, Retire, Retain}

// Flag is an instruction a rule gives the pricing of a workload.
type Flag string

// Flags a rule can raise.
const (
	// FlagRightSize prices the workload on a smaller machine sized on its
	// measured use (performance sizing), and marks its options right-sized.
	FlagRightSize Flag = "rightsize"
	// FlagSpot prices GPU capacity on spot or preemptible terms.
	FlagSpot Flag = "spot"
)

// Flags lists every Flag.
var Flags = []Flag{FlagRightSize, FlagSpot}

// RuleSources are where a rule can come from: the seed guidance, 6R
// migration practice, a provider's documentation, vendor licence terms, or
// the second-opinion review of issue 14.
var RuleSources = []string{"seed", "6r", "provider", "licensing", "review"}

// Scores holds one integer per service model; higher is a better fit.
type Scores struct {
	IaaS int `json:"iaas"`
	PaaS int `json:"paas"`
	SaaS int `json:"saas"`
}

// Get returns the score of model m (0 for Retire).
func (s Scores) Get(m Model) int {
	switch m {
	case IaaS:
		return s.IaaS
	case PaaS:
		return s.PaaS
	case SaaS:
		return s.SaaS
	}
	return 0
}

// Add returns the sum of s and o.
func (s Scores) Add(o Scores) Scores {
	return Scores{IaaS: s.IaaS + o.IaaS, PaaS: s.PaaS + o.PaaS, SaaS: s.SaaS + o.SaaS}
}

// Rule is one rule of the rules file: when its condition holds for a
// workload, its scores are added, its excluded models are ruled out and its
// strategy hint competes by priority.
type Rule struct {
	ID       string   `json:"id"`
	When     string   `json:"when"`    // expr-lang condition over the Workload's expr names
	Reason   string   `json:"reason"`  // plain English, read aloud to a CTO
	Answers  []string `json:"answers"` // the Workload fields the condition reads
	Scores   Scores   `json:"scores"`
	Exclude  []Model  `json:"exclude,omitempty"`
	Strategy Strategy `json:"strategy,omitempty"`
	Priority int      `json:"priority,omitempty"` // of the strategy hint; highest wins
	Flags    []Flag   `json:"flags,omitempty"`    // what pricing must do when it fires
	// Sources say where the rule comes from (see RuleSources).
	Sources []string `json:"sources,omitempty"`
	// Warn is a warning the rule puts on options (see Warnings):
	// foreign_region on options whose data would live outside the
	// organisation's country, csap on options without a sourced CSAP
	// certification.
	Warn string `json:"warn,omitempty"`
	// Cite cites what the rule rests on: law, regulation or guide, with
	// its address and the date it was read.
	Cite string `json:"cite,omitempty"`

	program *vm.Program
	fields  []int // index in Workload of each of Answers
}

// Rules is a validated, compiled rules file. It is safe for concurrent use.
type Rules struct {
	rules   []Rule
	version string
	readers map[string][]int // answer -> indexes of the rules that read it
}

//go:embed rules.yaml
var defaultRulesYAML []byte

var defaultRules = mustLoad(defaultRulesYAML)

func mustLoad(data []byte) *Rules {
	r, err := LoadRules(data)
	if err != nil {
		panic("advisor: embedded rules.yaml: " + err.Error())
	}
	return r
}

// DefaultRules returns the rules embedded in the binary (rules.yaml). It
// panics at start-up only if the embedded file is broken, which a test rules out.
func DefaultRules() *Rules { return defaultRules }

// Version returns the sha256 of the rules file bytes, in hex.
func (r *Rules) Version() string { return r.version }

// List returns a copy of the rules, in file order.
func (r *Rules) List() []Rule {
	out := make([]Rule, len(r.rules))
	for i, rule := range r.rules {
		rule.Answers = slices.Clone(rule.Answers)
		rule.Exclude = slices.Clone(rule.Exclude)
		rule.Flags = slices.Clone(rule.Flags)
		rule.Sources = slices.Clone(rule.Sources)
		rule.fields = slices.Clone(rule.fields)
		out[i] = rule
	}
	return out
}

// ruleFile is the YAML shape of the rules file.
type ruleFile struct {
	Rules []ruleYAML `yaml:"rules"`
}

type ruleYAML struct {
	ID       string         `yaml:"id"`
	When     string         `yaml:"when"`
	Scores   map[string]int `yaml:"scores"`
	Exclude  []string       `yaml:"exclude"`
	Strategy string         `yaml:"strategy"`
	Priority int            `yaml:"priority"`
	Answers  []string       `yaml:"answers"`
	Flags    []string       `yaml:"flags"`
	Source   []string       `yaml:"source"`
	Reason   string         `yaml:"reason"`
	Warn     string         `yaml:"warn"`
	Cite     string         `yaml:"cite"`
}

// LoadRules parses, validates and compiles a rules file. Any error (bad YAML,
// unknown key, duplicate id, a condition that does not compile to a bool,
// unknown model, strategy or answer, empty reason) fails the whole file: it
// returns the error and no Rules, so a broken file is never half-applied.
// Errors name the rule id and its line in the file.
func LoadRules(data []byte) (*Rules, error) {
	var f ruleFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	if len(f.Rules) == 0 {
		return nil, errors.New("load rules: no rules")
	}
	lines := ruleLines(data)
	seen := make(map[string]bool, len(f.Rules))
	rules := make([]Rule, 0, len(f.Rules))
	for i, y := range f.Rules {
		rule, err := y.compile()
		if err == nil && seen[y.ID] {
			err = errors.New("duplicate id")
		}
		if err != nil {
			return nil, fmt.Errorf("load rules: line %d: rule %q: %w", lines[i], y.ID, err)
		}
		seen[y.ID] = true
		rules = append(rules, rule)
	}
	sum := sha256.Sum256(data)
	readers := map[string][]int{}
	for i, rule := range rules {
		for _, a := range rule.Answers {
			readers[a] = append(readers[a], i)
		}
	}
	return &Rules{rules: rules, version: hex.EncodeToString(sum[:]), readers: readers}, nil
}

// ruleLines returns the line in data where each rule starts. The file has
// already decoded, so errors are impossible here.
func ruleLines(data []byte) []int {
	var doc struct {
		Rules []yaml.Node `yaml:"rules"`
	}
	_ = yaml.Unmarshal(data, &doc)
	lines := make([]int, len(doc.Rules))
	for i, n := range doc.Rules {
		lines[i] = n.Line
	}
	return lines
}

// EffectText shows the scores as a rule's effect: "IaaS +2, SaaS −3", or
// "±0" when the rule moves no score.
func (s Scores) EffectText() string {
	var parts []string
	for _, p := range []struct {
		name string
		v    int
	}{{"IaaS", s.IaaS}, {"PaaS", s.PaaS}, {"SaaS", s.SaaS}} {
		if p.v > 0 {
			parts = append(parts, p.name+" +"+strconv.Itoa(p.v))
		} else if p.v < 0 {
			parts = append(parts, p.name+" −"+strconv.Itoa(-p.v))
		}
	}
	if len(parts) == 0 {
		return "±0"
	}
	return strings.Join(parts, ", ")
}
