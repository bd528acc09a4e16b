package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
)

// TestPricingMessageKeysExist reads pricing's source for the message codes it
// emits and fails when the English catalog lacks one, so a new note or
// missing-price code cannot reach a reader as a bracketed key.
func TestPricingMessageKeysExist(t *testing.T) {
	files, err := filepath.Glob("../pricing/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("pricing sources: %v", err)
	}
	patterns := map[*regexp.Regexp]string{
		regexp.MustCompile(`\.missing\("([a-z0-9_]+)"`):                "price.missing.",
		regexp.MustCompile(`\.note\("([a-z0-9_]+)"`):                   "price.note.",
		regexp.MustCompile(`(?:M|Ref)\("(price\.[a-z0-9_.]+)"`):        "",
		regexp.MustCompile(`Msg\{Key: "(price\.[a-z0-9_.]+)"`):         "",
		regexp.MustCompile(`(?:M|Ref)\("(strategy\.|service\.)"\s*\+`): "",
	}
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for re, prefix := range patterns {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				if strings.HasSuffix(m[1], ".") {
					continue // a key built from a value: checked below
				}
				found++
				if key := prefix + m[1]; !i18n.Has(key) {
					t.Errorf("%s: message %q is not in the English catalog", f, key)
				}
			}
		}
	}
	if found < 40 {
		t.Fatalf("found only %d message codes in pricing: the patterns no longer match the code", found)
	}
	for _, s := range []pricing.Service{pricing.Compute, pricing.BlockStorage, pricing.ObjectStorage, pricing.Egress,
		pricing.Database, pricing.PaaS, pricing.SaaS, pricing.License, pricing.Container, pricing.Other} {
		if !i18n.Has("service." + string(s)) {
			t.Errorf("service %q has no name in the catalog", s)
		}
	}
}

// TestMsgWordsNestedReferences checks a message whose argument is another
// message is worded in the reader's language, arguments included.
func TestMsgWordsNestedReferences(t *testing.T) {
	m := pricing.M("price.missing.usage", pricing.M("price.line.db_storage", "postgresql").AsRef(),
		pricing.Ref("service.database"), "aws", "ap-northeast-2")
	if got, want := (Text{Lang: "en"}).Msg(m), "managed postgresql storage: no database price for aws in ap-northeast-2"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	if got := (Text{Lang: "ko"}).Msg(m); !strings.Contains(got, "관리형 postgresql 스토리지") || !strings.Contains(got, "데이터베이스 가격 없음") {
		t.Errorf("ko: %q", got)
	}
}
