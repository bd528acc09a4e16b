package server

import (
	"context"
	"errors"
	"net/http"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/templates"
)

// errGone is a share link its owner revoked.
var errGone = errors.New("share link revoked")

// createShare makes a read-only link to the owner's assessment.
func (s *Server) createShare(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	if _, err := s.store.CreateShare(r.Context(), a.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/assessments/"+a.ID+"#share", http.StatusSeeOther)
	return nil
}

// revokeShare stops one of the owner's share links.
func (s *Server) revokeShare(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	if err := s.store.RevokeShare(r.Context(), a.ID, r.PathValue("token")); err != nil {
		return err
	}
	http.Redirect(w, r, "/assessments/"+a.ID+"#share", http.StatusSeeOther)
	return nil
}

// shared loads the assessment a share link points to: ErrNotFound for an
// unknown token, errGone for a revoked one.
func (s *Server) shared(r *http.Request) (advisor.Assessment, error) {
	sh, err := s.store.Share(r.Context(), r.PathValue("token"))
	if err != nil {
		return advisor.Assessment{}, err
	}
	if sh.Revoked {
		return advisor.Assessment{}, errGone
	}
	return s.store.Assessment(r.Context(), sh.AssessmentID)
}

// sharedPage adapts a share handler: reads through a link are rate-limited
// like the API, and a revoked link is 410 Gone through the one error table.
func (s *Server) sharedPage(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return s.limit(s.apiRate, s.page(h))
}

// showShared is the read-only result page of a share link: no questionnaire
// steps, no what-if forms, and the report downloads of the link.
func (s *Server) showShared(w http.ResponseWriter, r *http.Request) error {
	a, err := s.shared(r)
	if err != nil {
		return err
	}
	pg, err := resultPager(r, a, "/shared/"+r.PathValue("token"))
	if err != nil {
		return err
	}
	v := resultView(a, i18n.Lang(r.Context()), pg)
	v.ReadOnly = true
	v.Actions = templates.SharedActions("/shared/" + r.PathValue("token"))
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.render(w, r, http.StatusOK, templates.AssessmentPage(v))
	return nil
}

// sharedReport serves GET /shared/{token}/report.<ext>.
func (s *Server) sharedReport(ext string) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		a, err := s.shared(r)
		if err != nil {
			return err
		}
		return s.writeReport(w, r, a, ext, "/shared/"+r.PathValue("token"))
	}
}

// ShareBoxView returns the share box of an assessment for its owner's
// result page: the active links with their revoke buttons.
func (s *Server) ShareBoxView(ctx context.Context, a advisor.Assessment) (templates.ShareBoxView, error) {
	shares, err := s.store.Shares(ctx, a.ID)
	if err != nil {
		return templates.ShareBoxView{}, err
	}
	v := templates.ShareBoxView{AssessmentID: a.ID}
	for _, sh := range shares {
		v.Links = append(v.Links, templates.ShareLink{Token: sh.Token, Path: "/shared/" + sh.Token,
			Created: i18n.DateTime(i18n.Lang(ctx), sh.CreatedAt)})
	}
	return v, nil
}
