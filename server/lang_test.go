package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestLanguage checks the page language: from Accept-Language, then from
// the switcher's cookie, which wins; <html lang> and Content-Language match,
// and error pages follow it too.
func TestLanguage(t *testing.T) {
	s, _, _ := testServer(t, true)
	h := s.Handler()
	get := func(path, accept string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
		t.Helper()
		req := httptest.NewRequest("GET", path, nil)
		if accept != "" {
			req.Header.Set("Accept-Language", accept)
		}
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	tests := []struct {
		name, path, accept, cookie string
		status                     int
		lang, text                 string
	}{
		{"no header", "/", "", "", 200, "en", "Start an assessment"},
		{"korean browser", "/", "ko-KR,ko;q=0.9,en-US;q=0.8", "", 200, "ko", "평가 시작하기"},
		{"korean error page", "/no/such/page", "ko-KR", "", 404, "ko", "페이지를 찾을 수 없습니다"},
		{"english choice over a korean browser", "/", "ko-KR", "en", 200, "en", "Start an assessment"},
		{"korean choice over an english browser", "/rules", "en-US", "ko", 200, "ko", "적용 중인 규칙"},
		{"unknown cookie ignored", "/", "ko-KR", "xx", 200, "ko", "평가 시작하기"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var cookies []*http.Cookie
			if tc.cookie != "" {
				cookies = append(cookies, &http.Cookie{Name: langCookieName, Value: tc.cookie})
			}
			rec := get(tc.path, tc.accept, cookies...)
			body := rec.Body.String()
			if rec.Code != tc.status || !strings.Contains(body, `<html lang="`+tc.lang+`"`) ||
				rec.Header().Get("Content-Language") != tc.lang || !strings.Contains(body, tc.text) {
				t.Errorf("got %d, Content-Language %q, want %d, <html lang=%q> and %q in the page",
					rec.Code, rec.Header().Get("Content-Language"), tc.status, tc.lang, tc.text)
			}
		})
	}
}

// TestLanguageSwitcher posts the switcher's form: it sets the cookie and
// goes back to the page it came from, never off the site.
func TestLanguageSwitcher(t *testing.T) {
	s, _, _ := testServer(t, true)
	h := s.Handler()
	tests := []struct {
		name, lang, referer string
		status              int
		location            string
	}{
		{"back to the page", "ko", "http://example.com/rules?x=1", 303, "/rules?x=1"},
		{"no referer", "ko", "", 303, "/"},
		{"another site's referer", "en", "http://evil.example/steal", 303, "/"},
		{"unknown language", "xx", "http://example.com/", 400, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/lang", strings.NewReader("lang="+tc.lang))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tc.referer != "" {
				req.Header.Set("Referer", tc.referer)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status || rec.Header().Get("Location") != tc.location {
				t.Fatalf("got %d to %q, want %d to %q", rec.Code, rec.Header().Get("Location"), tc.status, tc.location)
			}
			if tc.status != 303 {
				return
			}
			var got *http.Cookie
			for _, c := range rec.Result().Cookies() {
				if c.Name == langCookieName {
					got = c
				}
			}
			if got == nil || got.Value != tc.lang || !got.HttpOnly || got.SameSite != http.SameSiteLaxMode || got.MaxAge <= 0 {
				t.Errorf("got cookie %+v, want lang=%s, HttpOnly, SameSite=Lax, lasting", got, tc.lang)
			}
		})
	}
}
