package advisor

import (
	"reflect"
	"slices"
	"strconv"

	"github.com/expr-lang/expr/vm"

	"cloudadvisor/pricing"
)

// Answer is one workload answer a rule read, as shown next to its reason.
type Answer struct {
	Field   string `json:"field"`
	Value   string `json:"value"`
	Assumed bool   `json:"assumed,omitempty"` // the user left it empty; Value is the default
}

// Reason is one rule that fired for a workload, with the answers that fired it.
type Reason struct {
	Rule     string   `json:"rule"`
	Text     string   `json:"text"`
	Answers  []Answer `json:"answers,omitempty"`
	Effect   Scores   `json:"effect"`
	Excludes []Model  `json:"excludes,omitempty"`
	Strategy Strategy `json:"strategy,omitempty"`
	// Warn and Cite are the rule's warning on options and its citation.
	Warn string `json:"warn,omitempty"`
	Cite string `json:"cite,omitempty"`
}

// Recommendation is the verdict for one workload and the reasons behind it.
type Recommendation struct {
	Model      Model              `json:"model"`
	Strategy   Strategy           `json:"strategy"`
	Scores     Scores             `json:"scores"`
	Confidence int                `json:"confidence"`         // 0..100, see Recommend
	Reasons    []Reason           `json:"reasons"`            // every rule that fired, in rules-file order
	Excluded   map[Model][]string `json:"excluded,omitempty"` // model -> ids of the rules that ruled it out
	// Flags are what the fired rules ask of the pricing (rightsize, spot).
	Flags []Flag `json:"flags,omitempty"`
	// Preconditions is the message code of what the strategy needs to hold:
	// "strategy.<strategy>.preconditions" in the message catalog.
	Preconditions string `json:"preconditions,omitempty"`
	// Swings are the answers that would each, changed alone, change the
	// model or the strategy: one per answer, its nearest value that does.
	Swings []Swing `json:"swings,omitempty"`
	// Decider is the swing to tell the user ("if the data were not
	// regulated, SaaS would win"): the first assumed one in question
	// order, else the first given one; nil when no single answer swings it.
	Decider *Swing `json:"decider,omitempty"`
	// RulesVersion is the sha256 hex of the rules file the verdict came from.
	RulesVersion string `json:"rules_version"`
}

// Recommend evaluates every rule against the workload and returns the verdict.
// It is deterministic: the same rules and workload give the same output.
//
// Scores are the sums of the effects of the rules that fired. The model is the
// highest-scoring model not excluded by a rule. Ties go to the model with less
// customer responsibility (SaaS, PaaS, IaaS) when lock_in_tolerance is high,
// and otherwise to the one with more control (IaaS, PaaS, SaaS).
//
// The strategy is the hint of the highest-priority fired rule that fits the
// model (earlier rule on equal priority): rehost fits IaaS, replatform PaaS,
// refactor IaaS or PaaS, repurchase SaaS, and retire and retain fit any
// model. Without one it follows from the model: IaaS rehost, PaaS replatform,
// SaaS repurchase. A retire hint (the rules give it to workloads not in use
// or at an agreed end of life) makes the model Retire. If every model is
// excluded and the workload is not retired, the strategy is retain and the
// model is IaaS: the customer keeps the whole stack, as where it runs today.
//
// Swings are found by changing one answer at a time (see swingFields) and
// deciding again.
//
// Confidence starts at 90 when the verdict is decided by hard facts (retire,
// every model but one or all of them excluded), and otherwise at
// 40 + 10 × min(margin, 5), where margin is the winner's lead over the
// runner-up. It then loses 12 points for each assumed answer that swings the
// verdict, 3 for each other assumed answer a fired rule read and 1 for each
// other assumed answer, and never falls below 5.
//
// The organisation is not read yet; it is there for organisation-wide rules.
func (r *Rules) Recommend(org Organization, w Workload) Recommendation {
	rec := Recommendation{Reasons: make([]Reason, 0, 8), RulesVersion: r.version}
	w.HomeCountry = pricing.GeographyCountry(org.Geography)
	v, on := r.decide(w, func(rule *Rule, wv reflect.Value) {
		rec.Reasons = append(rec.Reasons, rule.explain(w, wv))
		for _, f := range rule.Flags {
			if !slices.Contains(rec.Flags, f) {
				rec.Flags = append(rec.Flags, f)
			}
		}
	})
	rec.Model, rec.Strategy, rec.Scores = v.model, v.strategy, v.scores
	if len(v.excluded) > 0 {
		rec.Excluded = v.excluded
	}
	rec.Preconditions = "strategy." + string(rec.Strategy) + ".preconditions"
	rec.Swings = r.swings(w, v, on)
	rec.Decider = decider(rec.Swings)
	rec.Confidence = confidence(v.decisive, v.margin, w.Assumptions, rec.Reasons, rec.Swings)
	return rec
}

// verdict is the outcome of the rules for one set of answers.
type verdict struct {
	model    Model
	strategy Strategy
	scores   Scores
	excluded map[Model][]string
	decisive bool
	margin   int
}

// decide runs every rule against w and returns the verdict, calling fired
// (when not nil) for each rule that fired, in file order. The rules that
// fired are also returned, as a set over the file's rules.
func (r *Rules) decide(w Workload, fired func(*Rule, reflect.Value)) (verdict, []bool) {
	on := make([]bool, len(r.rules))
	var machine vm.VM
	env := any(w)
	wv := reflect.ValueOf(&w).Elem()
	for i := range r.rules {
		rule := &r.rules[i]
		out, err := machine.Run(rule.program, env)
		if ok, _ := out.(bool); err != nil || !ok {
			continue // conditions are typed at load; a run-time failure counts as not fired
		}
		on[i] = true
		if fired != nil {
			fired(rule, wv)
		}
	}
	return r.outcome(on, w.LockInTolerance, map[Model][]string{}), on
}

// outcome is the verdict of a set of fired rules; excluded is filled (it
// must be empty) with the rules that ruled each model out.
func (r *Rules) outcome(on []bool, lockIn string, excluded map[Model][]string) verdict {
	v := verdict{excluded: excluded}
	for i := range r.rules {
		if !on[i] {
			continue
		}
		rule := &r.rules[i]
		v.scores = v.scores.Add(rule.Scores)
		for _, m := range rule.Exclude {
			v.excluded[m] = append(v.excluded[m], rule.ID)
		}
	}
	model, margin, left := pickModel(v.scores, v.excluded, lockIn)
	v.model, v.strategy, v.margin = model, r.pickStrategy(on, model), margin
	v.decisive = left <= 1
	switch {
	case v.strategy == Retire:
		v.model, v.decisive = Retire, true
	case left == 0:
		v.strategy = Retain
	}
	return v
}

// explain builds the Reason of a fired rule.
func (rule *Rule) explain(w Workload, wv reflect.Value) Reason {
	rs := Reason{Rule: rule.ID, Text: rule.Reason, Effect: rule.Scores,
		Excludes: rule.Exclude, Strategy: rule.Strategy, Warn: rule.Warn, Cite: rule.Cite}
	if len(rule.Answers) > 0 {
		rs.Answers = make([]Answer, len(rule.Answers))
	}
	for i, field := range rule.Answers {
		rs.Answers[i] = Answer{Field: field, Value: formatValue(wv.Field(rule.fields[i])), Assumed: w.Assumed(field)}
	}
	return rs
}

// formatValue renders an answer as the forms and exports write it.
func formatValue(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.String:
		return v.String()
	}
	return v.String()
}

// pickModel returns the best model not excluded, its lead over the runner-up
// and how many models were left to choose from. With none left it returns IaaS.
func pickModel(s Scores, excluded map[Model][]string, lockIn string) (best Model, margin, left int) {
	order := Models // most control first
	if lockIn == "high" {
		order = []Model{SaaS, PaaS, IaaS}
	}
	best, second := IaaS, 0
	for _, m := range order {
		if len(excluded[m]) > 0 {
			continue
		}
		left++
		switch {
		case left == 1:
			best = m
		case s.Get(m) > s.Get(best):
			best, second = m, s.Get(best)
		case left == 2 || s.Get(m) > second:
			second = s.Get(m)
		}
	}
	if left >= 2 {
		margin = s.Get(best) - second
	}
	return best, margin, left
}

// strategyFits says which models each strategy hint applies to.
var strategyFits = map[Strategy][]Model{
	Rehost:     {IaaS},
	Replatform: {PaaS},
	Refactor:   {IaaS, PaaS},
	Repurchase: {SaaS},
	Retire:     Models,
	Retain:     Models,
}

// defaultStrategy is the strategy a model implies when no hint applies.
var defaultStrategy = map[Model]Strategy{IaaS: Rehost, PaaS: Replatform, SaaS: Repurchase}

// pickStrategy returns the highest-priority hint of the fired rules that
// fits the model, the earliest rule winning ties, or the model's default
// strategy.
func (r *Rules) pickStrategy(on []bool, model Model) Strategy {
	var best *Rule
	for i := range r.rules {
		rule := &r.rules[i]
		if !on[i] || rule.Strategy == "" || !slices.Contains(strategyFits[rule.Strategy], model) {
			continue
		}
		if best == nil || rule.Priority > best.Priority {
			best = rule
		}
	}
	if best != nil {
		return best.Strategy
	}
	return defaultStrategy[model]
}

// confidence implements the formula documented on Recommend.
func confidence(decisive bool, margin int, assumed []Assumption, reasons []Reason, swings []Swing) int {
	c := 40 + 10*min(margin, 5)
	if decisive {
		c = 90
	}
	for _, a := range assumed {
		switch {
		case slices.ContainsFunc(swings, func(s Swing) bool { return s.Field == a.Field }):
			c -= 12
		case readBy(reasons, a.Field):
			c -= 3
		default:
			c--
		}
	}
	return max(c, 5)
}

// readBy reports whether a fired rule read the field.
func readBy(reasons []Reason, field string) bool {
	for _, rs := range reasons {
		for _, a := range rs.Answers {
			if a.Field == field {
				return true
			}
		}
	}
	return false
}
