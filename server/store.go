package server

import (
	"context"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// Store is what the server needs from the database; package sqlite (the
// default) and package postgres provide it, and internal/storetest checks
// both the same way. Not-found is advisor.ErrNotFound (the same value as
// pricing.ErrNotFound), a lost race advisor.ErrConflict and a write the
// database refuses advisor.ErrStorage.
type Store interface {
	Ping(ctx context.Context) error

	CreateAssessment(ctx context.Context, a *advisor.Assessment) error
	Assessment(ctx context.Context, id string) (advisor.Assessment, error)
	AssessmentOverview(ctx context.Context, id string) (advisor.Assessment, error)
	AssessmentPage(ctx context.Context, id string, from, to int) (advisor.Assessment, error)
	AssessmentSession(ctx context.Context, id string) (string, error)
	UpdateAssessment(ctx context.Context, a *advisor.Assessment) error
	Assessments(ctx context.Context, sessionID string) ([]advisor.Summary, error)

	StageImport(ctx context.Context, s *advisor.StagedImport) error
	StagedImport(ctx context.Context, assessmentID, id string) (advisor.StagedImport, error)
	ConfirmImport(ctx context.Context, a *advisor.Assessment, stagedID string) error

	CreateShare(ctx context.Context, assessmentID string) (advisor.Share, error)
	Share(ctx context.Context, token string) (advisor.Share, error)
	Shares(ctx context.Context, assessmentID string) ([]advisor.Share, error)
	RevokeShare(ctx context.Context, assessmentID, token string) error

	// ActiveCatalogKey changes whenever any instance activates or retires a
	// catalog version, so caches keyed by it are never stale.
	ActiveCatalogKey(ctx context.Context) (string, error)
	CatalogVersions(ctx context.Context) ([]pricing.CatalogVersion, error)
	CatalogFacets(ctx context.Context) (pricing.Facets, error)
	Offers(ctx context.Context, f pricing.OfferFilter) ([]pricing.Offer, error)
	CountOffers(ctx context.Context, f pricing.OfferFilter) (int, error)
}
