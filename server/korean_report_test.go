package server

import (
	"bytes"
	"net/http"
	"os/exec"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cloudadvisor/internal/samples"
)

// TestReportInTheReadersLanguage opens one saved assessment's report in
// Korean and in English: the words follow the reader, never the day it
// was saved. The Korean PDF's text is Korean (not tofu: pdftotext reads
// the Hangul back, so the glyphs map to it) in the embedded NanumGothic.
func TestReportInTheReadersLanguage(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	base := "/assessments/" + id + "/report."
	for _, tc := range []struct {
		lang string
		want map[string][]string // export: texts it must hold
		not  []string            // texts no export of this language holds
	}{
		{"ko", map[string][]string{
			"html": {`<html lang="ko"`, "클라우드 평가 보고서", "경영진 요약", "추천 근거"},
			"md":   {"클라우드 평가 보고서", "가정"},
			"csv":  {"구분,워크로드,선택지"},
			"pdf":  {"클라우드 평가 보고서", "경영진 요약", "가정"},
		}, []string{"Cloud assessment report", "Executive summary", "\ufffd"}},
		{"en", map[string][]string{
			"html": {`<html lang="en"`, "Cloud assessment report", "Executive summary"},
			"md":   {"Cloud assessment report"},
			"csv":  {"kind,workload,option"},
			"pdf":  {"Cloud assessment report"},
		}, []string{"클라우드 평가 보고서", "경영진 요약"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			c.cookies = append(c.cookies, &http.Cookie{Name: langCookieName, Value: tc.lang})
			defer func() { c.cookies = c.cookies[:len(c.cookies)-1] }()
			for ext, wants := range tc.want {
				rec := c.do("GET", base+ext, "")
				if rec.Code != 200 {
					t.Fatalf("report.%s: got %d", ext, rec.Code)
				}
				text := rec.Body.String()
				if ext == "pdf" {
					text = pdfText(t, rec.Body.Bytes())
				}
				for _, w := range wants {
					if !strings.Contains(text, w) {
						t.Errorf("report.%s lacks %q", ext, w)
					}
				}
				for _, n := range tc.not {
					if strings.Contains(text, n) {
						t.Errorf("report.%s holds %q", ext, n)
					}
				}
			}
			rec := c.do("GET", base+"xlsx", "")
			f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			wantSheets := map[string][]string{"ko": {"요약", "선택지", "비용 항목"}, "en": {"Summary", "Options", "Lines"}}[tc.lang]
			if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(wantSheets, ",") {
				t.Errorf("xlsx sheets: got %v, want %v", got, wantSheets)
			}
		})
	}
}

// pdfText is the PDF's text as pdftotext reads it; it also checks with
// pdffonts that every font is embedded with a Unicode map and that
// NanumGothic is one.
func pdfText(tb testing.TB, pdf []byte) string {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		samples.Missing(tb, "pdftotext (poppler-utils) is not installed: the Korean PDF is not checked")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	if _, err := exec.LookPath("pdffonts"); err == nil {
		cmd := exec.Command("pdffonts", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		fonts, err := cmd.Output()
		if err != nil {
			tb.Fatalf("pdffonts: %v", err)
		}
		// The report's fonts are NanumGothic, registered as "nanum" and
		// "nanumB"; each must be embedded (emb) with a Unicode map (uni),
		// or the Hangul would not read back.
		lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")
		if len(lines) < 3 || !strings.Contains(strings.ToLower(string(fonts)), "nanum") {
			tb.Errorf("pdffonts: no NanumGothic in\n%s", fonts)
		}
		for _, line := range lines[min(2, len(lines)):] {
			f := strings.Fields(line)
			if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
				tb.Errorf("pdffonts: a font is not embedded with a Unicode map: %s", line)
			}
		}
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
