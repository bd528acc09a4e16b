package advisor

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
)

// exprFields maps each expr name of Workload to its field index.
var exprFields = func() map[string]int {
	t := reflect.TypeFor[Workload]()
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		if name := t.Field(i).Tag.Get("expr"); name != "" && name != "-" {
			m[name] = i
		}
	}
	return m
}()

var ruleID = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// compile validates one rule as written in the file and compiles its condition.
func (y ruleYAML) compile() (Rule, error) {
	r := Rule{ID: y.ID, When: y.When, Reason: strings.TrimSpace(y.Reason), Priority: y.Priority}
	switch {
	case !ruleID.MatchString(y.ID):
		return r, errors.New("id must be lower snake_case")
	case r.Reason == "":
		return r, errors.New("empty reason")
	case strings.TrimSpace(y.When) == "":
		return r, errors.New("empty condition")
	}
	program, err := expr.Compile(y.When, expr.Env(Workload{}), expr.AsBool())
	if err != nil {
		return r, conditionError(err)
	}
	r.program = program
	if r.Answers, err = checkAnswers(y.Answers, identifiers(program.Node())); err != nil {
		return r, err
	}
	for _, a := range r.Answers {
		r.fields = append(r.fields, exprFields[a])
	}
	if r.Scores, err = parseScores(y.Scores); err != nil {
		return r, err
	}
	if r.Exclude, err = parseModels(y.Exclude); err != nil {
		return r, err
	}
	if r.Strategy, err = parseStrategy(y.Strategy, y.Priority); err != nil {
		return r, err
	}
	if r.Flags, err = parseFlags(y.Flags); err != nil {
		return r, err
	}
	for _, src := range y.Source {
		if !slices.Contains(RuleSources, src) {
			return r, fmt.Errorf("source: unknown source %q", src)
		}
	}
	r.Sources = slices.Clone(y.Source)
	if r.Warn, r.Cite = y.Warn, strings.TrimSpace(y.Cite); r.Warn != "" && !slices.Contains(Warnings, r.Warn) {
		return r, fmt.Errorf("unknown warning %q (want one of %v)", r.Warn, Warnings)
	}
	if r.Warn != "" && r.Cite == "" {
		return r, errors.New("a warning rule must cite its source")
	}
	if r.Scores == (Scores{}) && len(r.Exclude) == 0 && r.Strategy == "" && len(r.Flags) == 0 && r.Warn == "" {
		return r, errors.New("no effect: give scores, exclude, strategy, flags or warn")
	}
	return r, nil
}

// conditionError reports a compile error with its position in the condition.
func conditionError(err error) error {
	var fe *file.Error
	if errors.As(err, &fe) {
		return fmt.Errorf("condition: %s at line %d, column %d", fe.Message, fe.Line, fe.Column+1)
	}
	return fmt.Errorf("condition: %w", err)
}

// identifierCollector gathers, in order of appearance, the names a condition
// reads that it did not declare itself with let.
type identifierCollector struct {
	names    []string
	declared map[string]bool
}

// Visit implements ast.Visitor.
func (c *identifierCollector) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.VariableDeclaratorNode:
		c.declared[n.Name] = true
	case *ast.IdentifierNode:
		if !slices.Contains(c.names, n.Value) {
			c.names = append(c.names, n.Value)
		}
	}
}

// identifiers returns the names read by a compiled condition.
func identifiers(node ast.Node) []string {
	c := &identifierCollector{declared: map[string]bool{}}
	ast.Walk(&node, c)
	return slices.DeleteFunc(c.names, func(n string) bool { return c.declared[n] })
}

// checkAnswers checks that the answers listed for a rule are workload fields
// and exactly the ones its condition reads; when none are listed it derives them.
func checkAnswers(listed, read []string) ([]string, error) {
	for _, name := range read {
		if _, ok := exprFields[name]; !ok {
			return nil, fmt.Errorf("condition: %q is not a workload field", name)
		}
	}
	if len(listed) == 0 {
		return read, nil
	}
	for i, name := range listed {
		if _, ok := exprFields[name]; !ok {
			return nil, fmt.Errorf("answers: %q is not a workload field", name)
		}
		if slices.Contains(listed[:i], name) {
			return nil, fmt.Errorf("answers: %q listed twice", name)
		}
		if !slices.Contains(read, name) {
			return nil, fmt.Errorf("answers: %q is not read by the condition", name)
		}
	}
	for _, name := range read {
		if !slices.Contains(listed, name) {
			return nil, fmt.Errorf("answers: the condition reads %q, which is not listed", name)
		}
	}
	return slices.Clone(listed), nil
}

func parseScores(m map[string]int) (Scores, error) {
	var s Scores
	for _, name := range slices.Sorted(maps.Keys(m)) { // the first bad name, always the same one
		v := m[name]
		switch Model(name) {
		case IaaS:
			s.IaaS = v
		case PaaS:
			s.PaaS = v
		case SaaS:
			s.SaaS = v
		default:
			return s, fmt.Errorf("scores: unknown model %q", name)
		}
	}
	return s, nil
}

func parseModels(names []string) ([]Model, error) {
	var out []Model
	for _, name := range names {
		m := Model(name)
		if !slices.Contains(Models, m) {
			return nil, fmt.Errorf("exclude: unknown model %q", name)
		}
		if slices.Contains(out, m) {
			return nil, fmt.Errorf("exclude: %q listed twice", name)
		}
		out = append(out, m)
	}
	return out, nil
}

func parseStrategy(name string, priority int) (Strategy, error) {
	s := Strategy(name)
	switch {
	case name == "" && priority != 0:
		return "", errors.New("priority without a strategy")
	case name != "" && !slices.Contains(Strategies, s):
		return "", fmt.Errorf("unknown strategy %q", name)
	}
	return s, nil
}

func parseFlags(names []string) ([]Flag, error) {
	var out []Flag
	for _, name := range names {
		f := Flag(name)
		if !slices.Contains(Flags, f) {
			return nil, fmt.Errorf("flags: unknown flag %q", name)
		}
		if slices.Contains(out, f) {
			return nil, fmt.Errorf("flags: %q listed twice", name)
		}
		out = append(out, f)
	}
	return out, nil
}
