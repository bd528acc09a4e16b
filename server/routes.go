package server

import (
	"net/http"

	"cloudadvisor/static"
)

// routes lists every route.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page(s.home))
	mux.HandleFunc("GET /assessments/new", s.page(s.newAssessment))
	mux.HandleFunc("POST /assessments", s.limit(s.formRate, s.page(s.createAssessment)))
	mux.HandleFunc("GET /assessments/{id}", s.page(s.showAssessment))
	mux.HandleFunc("GET /assessments/{id}/organization", s.page(s.editOrganization))
	mux.HandleFunc("POST /assessments/{id}/organization", s.limit(s.formRate, s.page(s.updateOrganization)))
	mux.HandleFunc("GET /assessments/{id}/workloads", s.page(s.listWorkloads))
	mux.HandleFunc("GET /assessments/{id}/workloads/new", s.page(s.newWorkload))
	mux.HandleFunc("POST /assessments/{id}/workloads", s.limit(s.formRate, s.page(s.addWorkload)))
	mux.HandleFunc("GET /assessments/{id}/workloads/{wid}", s.page(s.editWorkload))
	mux.HandleFunc("POST /assessments/{id}/workloads/{wid}", s.limit(s.formRate, s.page(s.updateWorkload)))
	mux.HandleFunc("POST /assessments/{id}/workloads/{wid}/duplicate", s.limit(s.formRate, s.page(s.duplicateWorkload)))
	mux.HandleFunc("GET /assessments/{id}/workloads/{wid}/delete", s.page(s.confirmDeleteWorkload))
	mux.HandleFunc("POST /assessments/{id}/workloads/{wid}/delete", s.limit(s.formRate, s.page(s.deleteWorkload)))
	mux.HandleFunc("POST /assessments/{id}/workloads/{wid}/whatif", s.limit(s.apiRate, s.page(s.whatIf)))
	mux.HandleFunc("GET /assessments/{id}/workloads/{wid}/result", s.page(s.showWorkloadResult))
	mux.HandleFunc("POST /assessments/{id}/workloads/bulk", s.limit(s.formRate, s.page(s.bulkEdit)))
	mux.HandleFunc("GET /assessments/{id}/inventory", s.page(s.showInventoryUpload))
	mux.HandleFunc("POST /assessments/{id}/inventory", s.limit(s.formRate, s.page(s.uploadInventory)))
	mux.HandleFunc("GET /assessments/{id}/inventory/{staged}", s.page(s.showInventoryPreview))
	mux.HandleFunc("GET /assessments/{id}/inventory/{staged}/problems.csv", s.page(s.inventoryProblems))
	mux.HandleFunc("POST /assessments/{id}/inventory/{staged}/confirm", s.limit(s.formRate, s.page(s.confirmInventory)))
	mux.HandleFunc("GET /inventory/template.csv", s.page(s.inventoryTemplate))
	mux.HandleFunc("GET /assessments/{id}/estate", s.page(s.showEstate))
	mux.HandleFunc("GET /assessments/{id}/report.pdf", s.limit(s.exportRate, s.page(s.assessmentReport("pdf"))))
	mux.HandleFunc("GET /assessments/{id}/report.html", s.limit(s.exportRate, s.page(s.assessmentReport("html"))))
	mux.HandleFunc("GET /assessments/{id}/report.csv", s.limit(s.exportRate, s.page(s.assessmentReport("csv"))))
	mux.HandleFunc("GET /assessments/{id}/report.xlsx", s.limit(s.exportRate, s.page(s.assessmentReport("xlsx"))))
	mux.HandleFunc("GET /assessments/{id}/report.json", s.limit(s.exportRate, s.page(s.assessmentReport("json"))))
	mux.HandleFunc("GET /assessments/{id}/report.md", s.limit(s.exportRate, s.page(s.assessmentReport("md"))))
	mux.HandleFunc("POST /assessments/{id}/reprice", s.limit(s.formRate, s.page(s.reprice)))
	mux.HandleFunc("POST /assessments/{id}/shares", s.limit(s.formRate, s.page(s.createShare)))
	mux.HandleFunc("POST /assessments/{id}/shares/{token}/revoke", s.limit(s.formRate, s.page(s.revokeShare)))
	mux.HandleFunc("GET /shared/{token}", s.sharedPage(s.showShared))
	mux.HandleFunc("GET /shared/{token}/report.pdf", s.limit(s.exportRate, s.sharedPage(s.sharedReport("pdf"))))
	mux.HandleFunc("GET /shared/{token}/report.html", s.limit(s.exportRate, s.sharedPage(s.sharedReport("html"))))
	mux.HandleFunc("GET /shared/{token}/report.csv", s.limit(s.exportRate, s.sharedPage(s.sharedReport("csv"))))
	mux.HandleFunc("GET /shared/{token}/report.xlsx", s.limit(s.exportRate, s.sharedPage(s.sharedReport("xlsx"))))
	mux.HandleFunc("GET /shared/{token}/report.json", s.limit(s.exportRate, s.sharedPage(s.sharedReport("json"))))
	mux.HandleFunc("GET /shared/{token}/report.md", s.limit(s.exportRate, s.sharedPage(s.sharedReport("md"))))
	mux.HandleFunc("GET /assessments/{id}/workloads/{wid}/lines/{option}", s.page(s.optionLines))
	mux.HandleFunc("POST /lang", s.limit(s.formRate, s.page(s.setLanguage)))
	mux.HandleFunc("GET /rules", s.page(s.listRules))
	mux.HandleFunc("GET /prices", s.page(s.browsePrices))
	mux.HandleFunc("GET /prices.csv", s.page(s.exportPrices))

	for _, rt := range s.apiRoutes() {
		mux.HandleFunc(rt.method+" "+rt.pattern, s.limit(s.apiRate, s.api(rt.h)))
	}
	mux.HandleFunc("/api/", s.limit(s.apiRate, s.api(s.apiNoRoute)))

	mux.Handle("GET "+static.Prefix, static.Handler())
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, static.Path("favicon.svg"), http.StatusMovedPermanently)
	})
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("/", s.page(s.notFound))
	return mux
}

// apiRoute is one JSON API route.
type apiRoute struct {
	method, pattern string
	h               func(http.ResponseWriter, *http.Request) error
}

// apiRoutes lists every JSON API route; apiNoRoute uses the same list to tell
// a wrong method (405) from an unknown path (404).
func (s *Server) apiRoutes() []apiRoute {
	return []apiRoute{
		{"POST", "/api/v1/assessments", s.apiCreateAssessment},
		{"GET", "/api/v1/assessments/{id}", s.apiGetAssessment},
		{"POST", "/api/v1/assessments/{id}/inventory", s.apiImportInventory},
		{"GET", "/api/v1/prices", s.apiPrices},
	}
}
