package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// createWorkloads creates an assessment of n workloads named vm-00, vm-01...
// through the API and returns its id.
func createWorkloads(t *testing.T, a *app, n int) string {
	t.Helper()
	var ws []string
	for i := range n {
		ws = append(ws, fmt.Sprintf(`{"name":"vm-%02d","vcpu":%d,"memory_gib":4}`, i, 1+i%4))
	}
	resp, body := a.Do(t, "POST", "/api/v1/assessments", "application/json",
		`{"organization":{"name":"Paged"},"workloads":[`+strings.Join(ws, ",")+`]}`)
	if resp.StatusCode != 201 {
		t.Fatalf("create: got %d %s", resp.StatusCode, body)
	}
	id := body[strings.Index(body, `"id": "`)+7:]
	return id[:strings.Index(id, `"`)]
}

// section is the element of the page with the data-testid, up to its
// closing tag (enough for comparing the sections that hold no nested tag
// of their own name).
func section(t *testing.T, page, testid, tag string) string {
	t.Helper()
	i := strings.Index(page, `data-testid="`+testid+`"`)
	if i < 0 {
		t.Fatalf("no %s on the page", testid)
	}
	j := strings.Index(page[i:], "</"+tag+">")
	return page[i : i+j]
}

// workloadSections are the names of the workloads the result page shows in full.
func workloadSections(page string) []string {
	var names []string
	for _, m := range regexp.MustCompile(`<article id="w-[^"]+" data-testid="workload-\d+"><header><h2>([^<]+)</h2>`).FindAllStringSubmatch(page, -1) {
		names = append(names, m[1])
	}
	return names
}

// TestResultPagination checks that the result page shows 25 workloads to a
// page with prev/next and numbered links, that the executive summary is the
// same on every page and on one page holding all of them, and that a bad
// page or per_page is refused with a message naming it and its range.
func TestResultPagination(t *testing.T) {
	a := startApp(t)
	id := createWorkloads(t, a, 60)
	base := "/assessments/" + id

	resp, first := a.Do(t, "GET", base, "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("page 1: got %d", resp.StatusCode)
	}
	if got := workloadSections(first); len(got) != 25 || got[0] != "vm-00" || got[24] != "vm-24" {
		t.Errorf("page 1 shows %v, want vm-00 to vm-24", got)
	}
	nav := section(t, first, "pager", "nav")
	for _, want := range []string{`href="` + base + `?page=2" rel="next"`, `href="` + base + `?page=3"`,
		`href="` + base + `" aria-current="page"`, "Workloads 1–25 of 60"} {
		if !strings.Contains(nav, want) {
			t.Errorf("page 1's pager lacks %q:\n%s", want, nav)
		}
	}
	if !strings.Contains(first, `<nav class="pager" aria-label="Pages"`) {
		t.Error("the pager is not a nav labelled Pages")
	}
	if strings.Contains(nav, `rel="prev"`) {
		t.Error("page 1 links a previous page")
	}

	resp, last := a.Do(t, "GET", base+"?page=3", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("page 3: got %d", resp.StatusCode)
	}
	if got := workloadSections(last); len(got) != 10 || got[0] != "vm-50" || got[9] != "vm-59" {
		t.Errorf("page 3 shows %v, want vm-50 to vm-59", got)
	}
	if nav := section(t, last, "pager", "nav"); !strings.Contains(nav, `href="`+base+`?page=2" rel="prev"`) || strings.Contains(nav, `rel="next"`) {
		t.Errorf("page 3's pager: want a previous and no next link:\n%s", nav)
	}
	if got := strings.Count(section(t, last, "workload-summary", "table"), "<tr>"); got != 1+10 {
		t.Errorf("page 3's workload table has %d rows, want a header and 10", got)
	}

	resp, all := a.Do(t, "GET", base+"?per_page=100", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("per_page=100: got %d", resp.StatusCode)
	}
	if got := workloadSections(all); len(got) != 60 || strings.Contains(all, `data-testid="pager"`) {
		t.Errorf("per_page=100 shows %d workloads (pager shown: %v), want all 60 on one page", len(got), strings.Contains(all, `data-testid="pager"`))
	}
	exec := section(t, all, "executive", "section")
	if !strings.Contains(exec, "data-money") {
		t.Fatalf("the executive summary shows no amount:\n%.500s", exec)
	}
	for name, page := range map[string]string{"page 1": first, "page 3": last} {
		if got := section(t, page, "executive", "section"); got != exec {
			t.Errorf("%s: the executive summary differs from the unpaged one", name)
		}
	}

	for _, tc := range []struct {
		name, query string
		status      int
		want        string
	}{
		{"page not a number", "?page=two", 400, "The query parameter page must be a whole number from 1 to 3."},
		{"page zero", "?page=0", 422, "The query parameter page is out of range: it must be from 1 to 3."},
		{"page past the last", "?page=4", 422, "The query parameter page is out of range: it must be from 1 to 3."},
		{"per_page too big", "?per_page=101", 422, "The query parameter per_page is out of range: it must be from 1 to 100."},
		{"per_page not a number", "?per_page=1e3", 400, "The query parameter per_page must be a whole number from 1 to 100."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := a.Do(t, "GET", base+tc.query, "", "")
			if resp.StatusCode != tc.status || !strings.Contains(body, tc.want) {
				t.Errorf("got %d, want %d with %q", resp.StatusCode, tc.status, tc.want)
			}
		})
	}
}

// TestEstatePagination checks one group's list on the estate view: pages of
// per_page rows with numbered links that keep the grouping, and a bad page
// refused.
func TestEstatePagination(t *testing.T) {
	a := startApp(t)
	id := createWorkloads(t, a, 60)
	list := "/assessments/" + id + "/estate?by=group&value=-"
	resp, body := a.Do(t, "GET", list+"&per_page=20&page=2", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("got %d", resp.StatusCode)
	}
	rows := regexp.MustCompile(`/result">(vm-\d+)</a>`).FindAllStringSubmatch(body, -1)
	if len(rows) != 20 || rows[0][1] != "vm-20" || rows[19][1] != "vm-39" {
		t.Errorf("page 2 of 20 lists %d rows from %v, want vm-20 to vm-39", len(rows), rows[:min(1, len(rows))])
	}
	nav := section(t, body, "pager", "nav")
	for _, want := range []string{`?by=group&amp;page=3&amp;per_page=20&amp;value=-" rel="next"`,
		`?by=group&amp;per_page=20&amp;value=-" rel="prev"`, `aria-current="page"`} {
		if !strings.Contains(nav, want) {
			t.Errorf("pager lacks %q:\n%s", want, nav)
		}
	}
	if resp, body := a.Do(t, "GET", list+"&per_page=20&page=4", "", ""); resp.StatusCode != 422 ||
		!strings.Contains(body, "page is out of range: it must be from 1 to 3") {
		t.Errorf("page 4 of 3: got %d, want 422 naming the range", resp.StatusCode)
	}
	if resp, _ := a.Do(t, "GET", list+"&per_page=501", "", ""); resp.StatusCode != 422 {
		t.Errorf("per_page=501: got %d, want 422", resp.StatusCode)
	}
}

// TestLargeEstateWorkloadList checks that the workload list of an assessment
// of more than LargeEstate workloads points to the estate view instead of
// listing every workload.
func TestLargeEstateWorkloadList(t *testing.T) {
	a := startApp(t)
	id := createWorkloads(t, a, 60)
	resp, page := a.Do(t, "GET", "/assessments/"+id+"/workloads", "", "")
	if resp.StatusCode != 200 || !strings.Contains(page, `data-testid="large-estate"`) || !strings.Contains(page, "/assessments/"+id+"/estate") {
		t.Errorf("got %d, want a pointer to the estate view", resp.StatusCode)
	}
	if strings.Contains(page, "vm-55") {
		t.Error("the list shows workload 56 of 60; want the first 50 at most")
	}
}
