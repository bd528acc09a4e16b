package pricing

import (
	"slices"
	"strconv"
)

// restrictedEditions are database editions whose licence or limits rule
// them out for most workloads: SQL Server Web may serve only public web
// sites, applications and services (not line-of-business systems), Express
// caps a database at 10 GB on at most 4 cores. A quote never picks one
// unasked; it names the cheaper one that could hold the data beside the
// edition it priced.
var restrictedEditions = []string{"web", "express"}

// MultiAZ is the deployment attribute of a managed database with a standby
// in a second zone (attribute deployment).
const MultiAZ = "multi-az"

// plainDB reports whether a managed database offer may be chosen without
// the workload asking for more: a single instance in one zone (no workload
// need asks for high availability, so AWS's Multi-AZ, attribute deployment,
// is only noted, and Cloud SQL's HA rows, attribute ha, are left out) of an
// edition without use restrictions.
func plainDB(o Offer) bool {
	return o.Attributes["deployment"] != MultiAZ && (o.Attributes["ha"] == "" || o.Attributes["ha"] == "none") &&
		!slices.Contains(restrictedEditions, o.Attributes["edition"])
}

// noteDBAlternatives names, beside the managed database db chosen for fit
// f, what the catalog prices that the quote leaves out: the same class
// Multi-AZ (on demand), and a cheaper edition whose licence or limits rule
// it out (restrictedEditions).
func (q quoter) noteDBAlternatives(opt *Option, f Fit, db Offer) {
	same := func(o Offer) bool {
		return o.Name == db.Name && o.Attributes["engine"] == db.Attributes["engine"] &&
			o.Attributes["edition"] == db.Attributes["edition"] && o.Attributes["deployment"] == MultiAZ
	}
	if ha, ok := q.c.Cheapest(Fit{Provider: f.Provider, Region: f.Region, Service: Database, Term: OnDemand, Match: same}); ok {
		opt.note("db_multi_az", db.Name, ha.Amount, ha.Currency)
	}
	ed := db.Attributes["edition"]
	if ed == "" {
		return
	}
	r := f
	r.Match = func(o Offer) bool {
		return f.Match(o) && o.Attributes["deployment"] != MultiAZ && slices.Contains(restrictedEditions, o.Attributes["edition"]) &&
			holdsData(o, q.n.StorageGB)
	}
	if alt, ok := q.c.Cheapest(r); ok && alt.MonthlyEquivalent().LessThan(db.MonthlyEquivalent()) {
		e := alt.Attributes["edition"]
		opt.note("db_edition_restricted", db.Name, Ref("enum.db_edition."+ed), alt.Name, Ref("enum.db_edition."+e),
			alt.Amount, alt.Currency, Ref("price.edition_limit."+e))
	}
}

// holdsData reports whether a database product can hold gb of data: false
// when its edition caps a database below that (attribute max_database_gb).
func holdsData(o Offer, gb int) bool {
	limit, err := strconv.Atoi(o.Attributes["max_database_gb"])
	return err != nil || gb <= limit
}
