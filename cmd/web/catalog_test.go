package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// catalogEnv is a temp database and a way to run `web catalog` on it.
type catalogEnv struct {
	dir string
	env map[string]string
}

func newCatalogEnv(tb testing.TB) *catalogEnv {
	tb.Helper()
	dir := tb.TempDir()
	return &catalogEnv{dir: dir, env: map[string]string{"ADVISOR_DB": filepath.Join(dir, "advisor.db")}}
}

// run runs `web catalog args...` as main does and returns what it printed.
func (c *catalogEnv) run(tb testing.TB, args ...string) (string, error) {
	tb.Helper()
	var out bytes.Buffer
	err := run(context.Background(), append([]string{"web", "catalog"}, args...), func(k string) string { return c.env[k] }, &out)
	return out.String(), err
}

// mustRun is run that fails the test on error.
func (c *catalogEnv) mustRun(tb testing.TB, args ...string) string {
	tb.Helper()
	out, err := c.run(tb, args...)
	if err != nil {
		tb.Fatalf("web catalog %s: %v", strings.Join(args, " "), err)
	}
	return out
}

// writeFile writes a file in the env's dir from a fixture with replacements.
func (c *catalogEnv) writeFile(tb testing.TB, name, fixture string, oldnew ...string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "catalog", fixture))
	if err != nil {
		tb.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(oldnew); i += 2 {
		if !strings.Contains(s, oldnew[i]) {
			tb.Fatalf("fixture %s has no %q", fixture, oldnew[i])
		}
		s = strings.Replace(s, oldnew[i], oldnew[i+1], 1)
	}
	path := filepath.Join(c.dir, name)
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

var versionRE = regexp.MustCompile(`imported version (\d+) of `)

// importedVersion is the version id an import printed.
func importedVersion(tb testing.TB, out string) string {
	tb.Helper()
	m := versionRE.FindStringSubmatch(out)
	if m == nil {
		tb.Fatalf("no version in %q", out)
	}
	return m[1]
}

func TestCatalogImport(t *testing.T) {
	tests := []struct {
		name     string
		provider string
		fixture  string
		want     []string
	}{
		{"aws offer json", "aws", "offer-ec2-small.json", []string{"of aws:offer.json:", " products, ", " prices, ", " skipped", "MB/s"}},
		{"sheet", "sheet", "sheet.csv", []string{"of sheet:offer.json:", "3 products, 6 prices, 0 skipped", "stored 3 products, 6 prices"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCatalogEnv(t)
			file := c.writeFile(t, "offer.json", tc.fixture)
			out := c.mustRun(t, "import", "--provider", tc.provider, "--file", file)
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("got %q, want it to contain %q", out, w)
				}
			}
			again := c.mustRun(t, "import", "--provider", tc.provider, "--file", file)
			if want := "unchanged: " + tc.provider + ":offer.json is already active as version " + importedVersion(t, out); !strings.HasPrefix(again, want) {
				t.Errorf("re-import: got %q, want %q", again, want)
			}
		})
	}
}

func TestCatalogImportRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name    string
		fixture string
		want    []string // in the error: position and reason
	}{
		{"truncated", "bad-truncated.json", []string{"bad.json", "byte 621", "truncated"}},
		{"negative price", "bad-negative-price.json", []string{"bad.json", "BADSKU0000000001", "negative"}},
		{"unknown currency", "bad-unknown-currency.json", []string{"bad.json", "currency"}},
		{"wrong format", "bad-wrong-format.txt", []string{"bad.json", "not an AWS price list"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCatalogEnv(t)
			good := c.writeFile(t, "good.json", "offer-ec2-small.json")
			v := importedVersion(t, c.mustRun(t, "import", "--provider", "aws", "--file", good, "--scope", "aws:ec2"))
			bad := c.writeFile(t, "bad.json", tc.fixture)
			out, err := c.run(t, "import", "--provider", "aws", "--file", bad, "--scope", "aws:ec2")
			if err == nil {
				t.Fatalf("got success %q, want an error", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
			list := c.mustRun(t, "list")
			if !regexp.MustCompile(`(?m)^` + v + `\s+aws\s+aws:ec2\s+active\s`).MatchString(list) {
				t.Errorf("version %s is no longer active:\n%s", v, list)
			}
			if strings.Count(list, "\n") != 2 {
				t.Errorf("got list\n%s\nwant the header and one version", list)
			}
		})
	}
}

func TestCatalogList(t *testing.T) {
	c := newCatalogEnv(t)
	aws := c.writeFile(t, "offer.json", "offer-ec2-small.json")
	sheet := c.writeFile(t, "sheet.csv", "sheet.csv")
	c.mustRun(t, "import", "--provider", "aws", "--file", aws)
	c.mustRun(t, "import", "--provider", "sheet", "--file", sheet)
	changed := c.writeFile(t, "sheet2.csv", "sheet.csv", "8.75", "9.25")
	c.mustRun(t, "import", "--provider", "sheet", "--file", changed, "--scope", "sheet:sheet.csv")
	out := c.mustRun(t, "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines, want a header and 3 versions:\n%s", len(lines), out)
	}
	wants := []string{
		`^ID\s+PROVIDER\s+SCOPE\s+STATUS\s+PRODUCTS\s+PRICES\s+SKIPPED\s+AS OF\s+FETCHED AT\s+SOURCE$`,
		`^3\s+sheet\s+sheet:sheet.csv\s+active\s+3\s+6\s+0\s+2021-02-05..2026-03-09\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+\S*sheet2.csv$`,
		`^2\s+sheet\s+sheet:sheet.csv\s+retired\s+3\s+6\s+0\s`,
		`^1\s+aws\s+aws:offer.json\s+active\s+\d+\s+\d+\s+\d+\s`,
	}
	for i, w := range wants {
		if !regexp.MustCompile(w).MatchString(lines[i]) {
			t.Errorf("line %d: got %q, want it to match %s", i, lines[i], w)
		}
	}
	// The columns are aligned: every line has SCOPE at the same offset.
	at := strings.Index(lines[0], "SCOPE")
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l[at:], "sheet:") && !strings.HasPrefix(l[at:], "aws:") {
			t.Errorf("line %q is not aligned with the header", l)
		}
	}
}

func TestCatalogDiff(t *testing.T) {
	c := newCatalogEnv(t)
	old := c.writeFile(t, "old.csv", "sheet.csv")
	a := importedVersion(t, c.mustRun(t, "import", "--provider", "sheet", "--file", old, "--scope", "s"))
	// Slack's price changes, m5.large's reserved row goes, a t3 row comes.
	changed := c.writeFile(t, "new.csv", "sheet.csv", "8.75", "9.25",
		"aws,compute,AmazonEC2,general_purpose,us-east-1,6C86BEPQVG73ZGGR,m5.large,linux,2,8,reserved_1y_partial_upfront",
		"aws,compute,AmazonEC2,burstable,us-east-1,T3SKU,t3.micro,linux,2,1,on_demand")
	b := importedVersion(t, c.mustRun(t, "import", "--provider", "sheet", "--file", changed, "--scope", "s"))
	out := c.mustRun(t, "diff", a, b)
	for _, w := range []string{
		"1 added, 1 removed, 1 changed, 4 unchanged",
		"+ aws  us-east-1  T3SKU",
		"- aws  us-east-1  6C86BEPQVG73ZGGR  reserved_1y_partial_upfront",
		"0.029 USD/hour + 252 upfront",
		"~ slack  global  pro/monthly/usd  on_demand",
		"8.75 USD/user_month  -> 9.25 USD/user_month",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("got\n%s\nwant it to contain %q", out, w)
		}
	}
	limited := c.mustRun(t, "diff", "--limit", "0", a, b)
	if strings.Contains(limited, "T3SKU") || !strings.Contains(limited, "1 added, 1 removed, 1 changed") {
		t.Errorf("--limit 0: got\n%s\nwant counts only", limited)
	}
	// An AWS offer file with one price changed.
	awsOld := c.writeFile(t, "offer.json", "offer-ec2-small.json")
	x := importedVersion(t, c.mustRun(t, "import", "--provider", "aws", "--file", awsOld, "--scope", "e"))
	awsNew := c.writeFile(t, "offer.json", "offer-ec2-small.json", `"USD" : "0.1150000000"`, `"USD" : "0.1200000000"`)
	y := importedVersion(t, c.mustRun(t, "import", "--provider", "aws", "--file", awsNew, "--scope", "e"))
	out = c.mustRun(t, "diff", x, y)
	if !strings.Contains(out, "0 added, 0 removed, 1 changed") || !strings.Contains(out, "AAAAM5LARGELINUX") ||
		!strings.Contains(out, "0.115 USD/hour  -> 0.12 USD/hour") {
		t.Errorf("aws diff: got\n%s", out)
	}
}

func TestCatalogUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no subcommand", nil, "missing subcommand"},
		{"unknown subcommand", []string{"frobnicate"}, `unknown subcommand "frobnicate"`},
		{"missing file", []string{"import", "--provider", "aws"}, "missing --file"},
		{"missing provider", []string{"import", "--file", "x.json"}, "missing --provider"},
		{"unknown provider", []string{"import", "--provider", "oracle", "--file", "x.json"}, `unknown provider "oracle"`},
		{"bad flag", []string{"import", "--bogus"}, "flag provided but not defined: -bogus"},
		{"bad as-of", []string{"import", "--provider", "gcp", "--file", "x.csv", "--as-of", "June"}, `--as-of "June"`},
		{"file and fetch", []string{"import", "--provider", "aws", "--file", "x", "--fetch"}, "not both"},
		{"aws fetch without region", []string{"import", "--provider", "aws", "--fetch", "--service", "AmazonEC2"}, "needs --service"},
		{"diff one id", []string{"diff", "1"}, "want two version ids"},
		{"diff not a number", []string{"diff", "1", "x"}, `version id "x"`},
		{"list argument", []string{"list", "extra"}, `unexpected argument "extra"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCatalogEnv(t)
			_, err := c.run(t, tc.args...)
			if err == nil {
				t.Fatal("got no error")
			}
			if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "usage:") {
				t.Errorf("got %q, want a usage error containing %q", err, tc.want)
			}
		})
	}
}

func TestCatalogDiffUnknownVersion(t *testing.T) {
	c := newCatalogEnv(t)
	_, err := c.run(t, "diff", "1", "2")
	if err == nil || !strings.Contains(err.Error(), "catalog version 1") {
		t.Errorf("got %v, want a not-found error for version 1", err)
	}
}
