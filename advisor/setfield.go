package advisor

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// setInputField returns the input with the field named by its model name
// (e.g. data_sensitivity) set from text; an empty value clears it back to
// its default.
func setInputField(in WorkloadInput, field, value string) (WorkloadInput, error) {
	if field == "name" {
		return in, FieldErrors{{Field: field, Code: "one_of", Args: []string{"a field other than name"}}}
	}
	rv := reflect.ValueOf(&in).Elem()
	rt := rv.Type()
	for i := range rt.NumField() {
		if strings.Split(rt.Field(i).Tag.Get("json"), ",")[0] != field {
			continue
		}
		f := rv.Field(i)
		value = strings.TrimSpace(value)
		if value == "" {
			f.Set(reflect.Zero(f.Type()))
			return in, nil
		}
		kind := f.Type().Elem().Kind()
		if kind != reflect.String {
			if fe := CheckNumberLen(field, value); fe != nil {
				return in, FieldErrors{*fe}
			}
		}
		var v any
		var err error
		switch kind {
		case reflect.String:
			v = value
		case reflect.Int:
			v, err = strconv.Atoi(value)
		case reflect.Float64:
			v, err = strconv.ParseFloat(value, 64)
		case reflect.Bool:
			v, err = strconv.ParseBool(value)
		case reflect.Struct: // decimal.Decimal
			v, err = decimal.NewFromString(value)
		}
		if err != nil {
			return in, FieldErrors{{Field: field, Code: "type", Args: []string{value}}}
		}
		p := reflect.New(f.Type().Elem())
		p.Elem().Set(reflect.ValueOf(v))
		f.Set(p)
		return in, nil
	}
	return in, FieldErrors{{Field: "field", Code: "one_of", Args: []string{"a workload field"}}}
}
