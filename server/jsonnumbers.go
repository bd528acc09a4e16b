package server

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
)

// checkJSONNumbers refuses a body holding a number longer than
// advisor.MaxNumberLen, before any of it is decoded: parsing a decimal costs
// time that grows with the square of its length. A number may be a JSON
// number or, for a decimal field, a string. The error names the field as the
// assessment's errors do ("workloads[3].current_monthly_cost").
func checkJSONNumbers(raw []byte) error {
	if !hasLongNumberRun(raw) {
		return nil // the common case: one pass over the bytes, no tokens
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var stack []jsonFrame
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // malformed JSON is the decoder's to report
		}
		top := len(stack) - 1
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				stack = append(stack, jsonFrame{obj: t == '{', wantKey: t == '{'})
				continue
			}
			stack = stack[:top]
		case string:
			if top >= 0 && stack[top].wantKey {
				stack[top].key, stack[top].wantKey = t, false
				continue
			}
			if len(t) > advisor.MaxNumberLen && decimalField(stack) {
				return tooLongAt(stack)
			}
		case json.Number:
			if len(t) > advisor.MaxNumberLen {
				return tooLongAt(stack)
			}
		}
		if top := len(stack) - 1; top >= 0 { // a value of the container ended
			if stack[top].obj {
				stack[top].wantKey = true
			} else {
				stack[top].idx++
			}
		}
	}
}

// jsonFrame is one open object or array on the path to a value.
type jsonFrame struct {
	obj     bool
	wantKey bool
	key     string // the current member's name, in an object
	idx     int    // the current element's index, in an array
}

// hasLongNumberRun reports whether raw holds more than MaxNumberLen
// characters in a row that could make up a number.
func hasLongNumberRun(raw []byte) bool {
	run := 0
	for _, c := range raw {
		if c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' {
			if run++; run > advisor.MaxNumberLen {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func tooLongAt(stack []jsonFrame) error {
	var b strings.Builder
	for i, f := range stack {
		switch {
		case f.obj && i > 0:
			b.WriteString("." + f.key)
		case f.obj:
			b.WriteString(f.key)
		default:
			b.WriteString("[" + strconv.Itoa(f.idx) + "]")
		}
	}
	return advisor.FieldErrors{{Field: b.String(), Code: "too_long", Args: []string{strconv.Itoa(advisor.MaxNumberLen)}}}
}

// decimalField reports whether the string at the top of the path is read as
// a decimal: its member is a decimal field of the API's inputs, or a value
// of a map of decimals (the exchange rates).
func decimalField(stack []jsonFrame) bool {
	top := len(stack) - 1
	if top < 0 || !stack[top].obj {
		return false
	}
	if decimalKeys[stack[top].key] {
		return true
	}
	return top > 0 && stack[top-1].obj && decimalMapKeys[stack[top-1].key]
}

// decimalKeys and decimalMapKeys are the JSON names of the decimal fields,
// and of the maps of decimals, of the API's inputs, found by reflection so a
// new field is covered without a list to keep.
var decimalKeys, decimalMapKeys = decimalNames(reflect.TypeFor[advisor.OrganizationInput](), reflect.TypeFor[advisor.WorkloadInput]())

func decimalNames(types ...reflect.Type) (fields, maps map[string]bool) {
	fields, maps = map[string]bool{}, map[string]bool{}
	dec := reflect.TypeFor[decimal.Decimal]()
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == dec {
			return
		}
		for f := range t.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case name == "-" || !f.IsExported():
			case ft == dec:
				fields[name] = true
			case ft.Kind() == reflect.Map && ft.Elem() == dec:
				maps[name] = true
			default:
				walk(ft)
			}
		}
	}
	for _, t := range types {
		walk(t)
	}
	return fields, maps
}
