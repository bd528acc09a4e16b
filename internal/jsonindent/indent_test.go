package jsonindent

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendIsIndent checks Append against json.Indent on documents of
// every shape json.Marshal writes: nesting, empty objects and arrays,
// escapes (quotes, backslashes, HTML, control and non-ASCII characters)
// and punctuation inside strings.
func TestAppendIsIndent(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
	}{
		{"scalar", 42},
		{"string", `a "quoted" \ path, {not: [json]}`},
		{"empty", map[string]any{"o": map[string]any{}, "a": []int{}, "n": nil}},
		{"nested", map[string]any{"a": []any{1, "x", []any{}, map[string]any{"b": []int{1, 2}}, true, 1.5e-7}}},
		{"escapes", []string{"<tag>&amp;", "tab\there\nline", "\u00e9\u2028\U0001F600", `\"`, "", "\\"}},
		{"keys", map[string]int{`k"1`: 1, "k:2": 2, "k,3": 3, "k}4": 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := json.Marshal(tc.v)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range [][2]string{{"", "  "}, {"    ", "  "}, {">", "\t"}} {
				var want bytes.Buffer
				if err := json.Indent(&want, src, p[0], p[1]); err != nil {
					t.Fatal(err)
				}
				if got := Append([]byte("head"), src, p[0], p[1]); string(got) != "head"+want.String() {
					t.Errorf("prefix %q indent %q: got\n%s\nwant\n%s", p[0], p[1], got[4:], want.String())
				}
			}
		})
	}
}

// FuzzAppend checks Append against json.Indent on whatever json.Marshal
// writes for fuzzed JSON.
func FuzzAppend(f *testing.F) {
	for _, s := range []string{`{"a":[1,{},[]],"b":"x\"y"}`, `[]`, `"\\"`, `{"k":{"l":[null,true]}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		src, err := json.Marshal(v)
		if err != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, src, "  ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, src, "  ", "  "); string(got) != want.String() {
			t.Errorf("got\n%s\nwant\n%s", got, want.String())
		}
	})
}

// BenchmarkAppend compares Append with json.Indent on a report-sized
// document.
func BenchmarkAppend(b *testing.B) {
	rows := make([]map[string]any, 2000)
	for i := range rows {
		rows[i] = map[string]any{"name": "vm-0001", "amount": "604.88", "lines": []any{map[string]any{"k": "price.note.x",
			"args": []string{"t3a.medium", "us-east-1"}}, []int{}}, "ok": true}
	}
	src, err := json.Marshal(rows)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Append", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var dst []byte
		for b.Loop() {
			dst = Append(dst[:0], src, "    ", "  ")
		}
	})
	b.Run("json.Indent", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var dst bytes.Buffer
		for b.Loop() {
			dst.Reset()
			json.Indent(&dst, src, "    ", "  ")
		}
	})
}
