package server

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// TestFieldsDescribedByTheirHelp: every input, select and switch of the
// workload form names the help (or error) text under it with
// aria-describedby, and that text exists on the page, so a screen reader
// reads it with the field.
func TestFieldsDescribedByTheirHelp(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	page := c.do("GET", "/assessments/"+id+"/workloads/new", "").Body.String()
	controls := regexp.MustCompile(`<(select|input)\b[^>]*>`).FindAllString(page, -1)
	checked := 0
	for _, el := range controls {
		if strings.Contains(el, `type="hidden"`) || strings.Contains(el, `type="submit"`) || !strings.Contains(el, `name="workload.`) {
			continue
		}
		checked++
		m := regexp.MustCompile(`aria-describedby="([^"]+)"`).FindStringSubmatch(el)
		if m == nil {
			t.Errorf("no aria-describedby on %s", el)
			continue
		}
		if !strings.Contains(page, `id="`+m[1]+`"`) {
			t.Errorf("%s describes itself by %q, which is not on the page", el, m[1])
		}
	}
	if checked < 20 {
		t.Fatalf("checked %d workload fields: the form has more; the pattern no longer matches", checked)
	}
}

// TestEditPagesSayWhatTheyEdit: the page title of an edit page names the
// assessment, not "New assessment" or "Workload".
func TestEditPagesSayWhatTheyEdit(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	org := mustAssessment(t, db, id).Organization.Name
	title := regexp.MustCompile(`<title>([^<]*)</title>`)
	for path, want := range map[string]string{
		"/assessments/" + id + "/organization":  "Organisation of " + org,
		"/assessments/" + id + "/workloads/new": "Add a workload · " + org,
		"/assessments/new":                      "New assessment",
	} {
		m := title.FindStringSubmatch(c.do("GET", path, "").Body.String())
		if m == nil || !strings.Contains(html.UnescapeString(m[1]), want) {
			t.Errorf("%s: title %v, want it to say %q", path, m, want)
		}
	}
}

// TestWhatIfResultsAnnounced: the options a what-if replaces sit in a
// polite live region, so a screen reader announces the new figures.
func TestWhatIfResultsAnnounced(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	page := c.do("GET", "/assessments/"+id, "").Body.String()
	targets := regexp.MustCompile(`<div id="options-[^"]+"[^>]*>`).FindAllString(page, -1)
	if len(targets) == 0 {
		t.Fatal("no options container on the result page")
	}
	for _, m := range targets {
		if !strings.Contains(m, `aria-live="polite"`) {
			t.Errorf("what-if target %s is not a live region", m)
		}
	}
	if !strings.Contains(page, `hx-target="#options-`) {
		t.Fatal("no what-if form targets the options: the test checks nothing")
	}
}

// TestControlsNameTheirWorkload: Duplicate and Remove say which workload
// they act on to a screen reader, not five identical "Remove" buttons.
func TestControlsNameTheirWorkload(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	a := mustAssessment(t, db, id)
	page := html.UnescapeString(c.do("GET", "/assessments/"+id+"/workloads", "").Body.String())
	for _, w := range a.Workloads {
		for _, what := range []string{"Duplicate", "Remove"} {
			if !strings.Contains(page, `aria-label="`+what+`: `+w.Workload.Name+`"`) {
				t.Errorf("no %s control named for %q", what, w.Workload.Name)
			}
		}
	}
	if len(a.Workloads) < 2 {
		t.Fatal("the fixture has fewer than two workloads: the test checks little")
	}
}
