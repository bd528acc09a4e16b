// Package webtest drives the app over real HTTP for the tests of the server
// (package server, on an httptest.Server) and of the web command (the whole
// program on port 0): one browser session per Client, and the fixtures and
// steps both sets of tests use.
package webtest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
)

// Client is one browser session against the app at URL: HTTP keeps its
// cookies and does not follow redirects, so tests see each 303.
type Client struct {
	URL  string
	HTTP *http.Client
}

// NewClient returns a new session against the app at url.
func NewClient(url string) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{URL: url, HTTP: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Do sends a same-origin request and returns the response with its body read.
func (c *Client) Do(tb testing.TB, method, path, ctype, body string) (*http.Response, string) {
	tb.Helper()
	return c.DoHeader(tb, method, path, ctype, body)
}

// DoHeader is Do with extra request headers given as name, value pairs.
func (c *Client) DoHeader(tb testing.TB, method, path, ctype, body string, headers ...string) (*http.Response, string) {
	tb.Helper()
	resp := c.Send(tb, method, path, ctype, body, headers...)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// Send makes a same-origin request and returns the response unread.
func (c *Client) Send(tb testing.TB, method, path, ctype, body string, headers ...string) *http.Response {
	tb.Helper()
	req, err := http.NewRequest(method, c.URL+path, strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Origin", c.URL) // a same-origin browser request
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	return resp
}

// Upload posts a file as the upload form does, with extra headers as pairs.
func (c *Client) Upload(tb testing.TB, path, name string, data []byte, headers ...string) (*http.Response, string) {
	tb.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		tb.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return c.DoHeader(tb, "POST", path, mw.FormDataContentType(), buf.String(), headers...)
}

// FormType is the content type of a form post.
const FormType = "application/x-www-form-urlencoded"

// FormBody encodes name, value pairs as a form post's body.
func FormBody(kv ...string) string {
	v := url.Values{}
	for i := 0; i < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v.Encode()
}

// StageFile uploads an inventory file to the assessment at base and returns
// the preview's path and page.
func (c *Client) StageFile(tb testing.TB, base, name string, data []byte) (string, string) {
	tb.Helper()
	resp, body := c.Upload(tb, base+"/inventory", name, data)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != 303 || !strings.HasPrefix(loc, base+"/inventory/") {
		tb.Fatalf("upload %s: got %d to %q, want 303 to the preview: %s", name, resp.StatusCode, loc, body)
	}
	resp, body = c.Do(tb, "GET", loc, "", "")
	if resp.StatusCode != 200 {
		tb.Fatalf("preview: got %d", resp.StatusCode)
	}
	return loc, body
}

// WorkloadCount is the number of workloads the API reports for the
// assessment at base.
func (c *Client) WorkloadCount(tb testing.TB, base string) int {
	tb.Helper()
	_, body := c.Do(tb, "GET", "/api/v1"+base, "", "")
	var doc struct{ Workloads []json.RawMessage }
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		tb.Fatalf("api: %v", err)
	}
	return len(doc.Workloads)
}

// OwnInventory is our CSV: four good rows (one without a group) and two bad.
const OwnInventory = "name,kind,instances,vcpu,memory_gib,os,users,group\n" +
	"Shop front,web_app,2,2,4,linux,,Sales\n" +
	"Orders DB,database,1,4,16,linux,,Sales\n" +
	"Mail,email_collaboration,,,,,30,Office\n" +
	"Build box,,1,8,32,windows,,\n" +
	"Mainframe,mainframe,1,2,4,linux,,\n" +
	"Too big,web_app,1,100000,4,linux,,\n"

// FiveWorkloads is an estate in Seoul billed in won: two web services, a
// database, email and monitoring, four of them with today's cost.
const FiveWorkloads = `{"organization":{"name":"Hanbit Labs","geography":"asia-seoul","currency":"KRW","horizon_years":3},
"workloads":[
{"name":"Customer portal","kind":"web_app","vcpu":4,"memory_gib":16,"storage_gb":200,"users":2000,"current_monthly_cost":1500000},
{"name":"Orders API","kind":"api","vcpu":8,"memory_gib":32,"storage_gb":100,"users":500,"current_monthly_cost":2500000},
{"name":"Main database","kind":"database","vcpu":8,"memory_gib":64,"storage_gb":1000,"users":50,"current_monthly_cost":3000000},
{"name":"Team email","kind":"email_collaboration","vcpu":2,"memory_gib":8,"storage_gb":500,"users":40,"current_monthly_cost":800000},
{"name":"Monitoring","kind":"monitoring","vcpu":2,"memory_gib":4,"storage_gb":100,"users":10}]}`
