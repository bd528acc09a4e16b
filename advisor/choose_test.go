package advisor

import "testing"

func TestPickModel(t *testing.T) {
	tests := []struct {
		name     string
		scores   Scores
		excluded map[Model][]string
		lockIn   string
		want     Model
		margin   int
		left     int
	}{
		{"highest_score_wins", Scores{IaaS: 1, PaaS: 5, SaaS: 2}, nil, "medium", PaaS, 3, 3},
		{"tie_goes_to_more_control", Scores{IaaS: 3, PaaS: 3, SaaS: 3}, nil, "medium", IaaS, 0, 3},
		{"tie_goes_to_more_control_when_lock_in_low", Scores{PaaS: 4, SaaS: 4}, nil, "low", PaaS, 0, 3},
		{"tie_goes_to_less_responsibility_when_lock_in_high", Scores{IaaS: 3, PaaS: 3, SaaS: 3}, nil, "high", SaaS, 0, 3},
		{"lock_in_high_does_not_beat_a_higher_score", Scores{IaaS: 4, SaaS: 3}, nil, "high", IaaS, 1, 3},
		{"excluded_model_cannot_win", Scores{IaaS: 1, PaaS: 2, SaaS: 9},
			map[Model][]string{SaaS: {"r"}}, "medium", PaaS, 1, 2},
		{"single_model_left", Scores{IaaS: -5, PaaS: 2, SaaS: 9},
			map[Model][]string{PaaS: {"r"}, SaaS: {"r"}}, "medium", IaaS, 0, 1},
		{"all_excluded_gives_iaas", Scores{SaaS: 9},
			map[Model][]string{IaaS: {"a"}, PaaS: {"a"}, SaaS: {"b"}}, "high", IaaS, 0, 0},
		{"runner_up_after_winner", Scores{IaaS: 5, PaaS: 7, SaaS: 6}, nil, "medium", PaaS, 1, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, margin, left := pickModel(tc.scores, tc.excluded, tc.lockIn)
			if got != tc.want || margin != tc.margin || left != tc.left {
				t.Errorf("got %s margin %d left %d, want %s margin %d left %d",
					got, margin, left, tc.want, tc.margin, tc.left)
			}
		})
	}
}

func TestPickStrategy(t *testing.T) {
	hint := func(s Strategy, priority int) *Rule { return &Rule{Strategy: s, Priority: priority} }
	// pick runs pickStrategy over rules that all fired.
	pick := func(fired []*Rule, m Model) Strategy {
		r := &Rules{}
		for _, f := range fired {
			r.rules = append(r.rules, *f)
		}
		on := make([]bool, len(r.rules))
		for i := range on {
			on[i] = true
		}
		return r.pickStrategy(on, m)
	}
	tests := []struct {
		name  string
		fired []*Rule
		model Model
		want  Strategy
	}{
		{"iaas_default_rehost", nil, IaaS, Rehost},
		{"paas_default_replatform", nil, PaaS, Replatform},
		{"saas_default_repurchase", []*Rule{{}}, SaaS, Repurchase},
		{"highest_priority_wins", []*Rule{hint(Refactor, 20), hint(Retain, 80)}, PaaS, Retain},
		{"earlier_rule_wins_a_tie", []*Rule{hint(Retain, 50), hint(Retire, 50)}, IaaS, Retain},
		{"hint_must_fit_the_model", []*Rule{hint(Replatform, 20)}, IaaS, Rehost},
		{"refactor_fits_iaas", []*Rule{hint(Refactor, 30)}, IaaS, Refactor},
		{"refactor_does_not_fit_saas", []*Rule{hint(Refactor, 30)}, SaaS, Repurchase},
		{"retire_fits_any_model", []*Rule{hint(Repurchase, 10), hint(Retire, 100)}, SaaS, Retire},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pick(tc.fired, tc.model); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestConfidence(t *testing.T) {
	reasons := []Reason{{Answers: []Answer{{Field: "kind"}, {Field: "vcpu"}}}}
	swings := []Swing{{Field: "data_sensitivity", Value: "internal", Model: SaaS, Strategy: Repurchase}}
	tests := []struct {
		name     string
		decisive bool
		margin   int
		assumed  []Assumption
		want     int
	}{
		{"tie", false, 0, nil, 40},
		{"margin_two", false, 2, nil, 60},
		{"margin_capped_at_five", false, 12, nil, 90},
		{"decisive", true, 0, nil, 90},
		{"assumed_answer_read_by_a_fired_rule", false, 5, []Assumption{{"kind", "other"}}, 87},
		{"assumed_answer_that_swings_the_verdict", false, 5, []Assumption{{"data_sensitivity", "regulated"}}, 78},
		{"assumed_answer_not_read", false, 5, []Assumption{{"os", "linux"}}, 89},
		{"floor_at_five", false, 0, make([]Assumption, 50), 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := confidence(tc.decisive, tc.margin, tc.assumed, reasons, swings); got != tc.want {
				t.Errorf("got %d, want %d", got, tc.want)
			}
		})
	}
}
