package pricing

// Commitment is how long the organisation is willing to commit: on demand,
// a reserved or savings-plan term with its payment option (the Term names),
// or CommitBest for the cheapest commitment each price offers.
type Commitment string

// Commitments an organisation can choose.
const (
	CommitOnDemand Commitment = Commitment(OnDemand)
	CommitBest     Commitment = "best"
)

// Commitments lists the valid commitments in display order.
var Commitments = []Commitment{CommitOnDemand,
	Commitment(Reserved1yNoUpfront), Commitment(Reserved1yPartialUpfront), Commitment(Reserved1yAllUpfront),
	Commitment(Reserved3yNoUpfront), Commitment(Reserved3yPartialUpfront), Commitment(Reserved3yAllUpfront),
	Commitment(SavingsPlan1y), Commitment(SavingsPlan3y), CommitBest}

// Valid reports whether c is a known commitment.
func (c Commitment) Valid() bool {
	for _, k := range Commitments {
		if k == c {
			return true
		}
	}
	return false
}

// committedTerms are the terms CommitBest chooses among.
var committedTerms = []Term{Reserved1yNoUpfront, Reserved1yPartialUpfront, Reserved1yAllUpfront,
	Reserved3yNoUpfront, Reserved3yPartialUpfront, Reserved3yAllUpfront, SavingsPlan1y, SavingsPlan3y}

// terms are the terms the commitment may buy, most wanted first.
func (c Commitment) terms() []Term {
	switch c {
	case "", CommitOnDemand:
		return nil
	case CommitBest:
		return committedTerms
	}
	return []Term{Term(c)}
}

// commit returns the price of the same product as the on-demand offer od
// under the commitment: the committed offer of the same provider, region,
// service, name and OS with the lowest monthly equivalent, or od itself when
// no committed price exists or none is cheaper than on demand (a commitment
// never makes an option dearer).
func (c *Catalog) commit(od Offer, want Commitment) Offer {
	best := od
	bestCost := od.MonthlyEquivalent()
	for _, t := range want.terms() {
		o, ok := c.variant(od, t)
		if !ok {
			continue
		}
		if cost := o.MonthlyEquivalent(); cost.LessThan(bestCost) {
			best, bestCost = o, cost
		}
	}
	return best
}

// recordCommitment notes on the option which term a line was bought under.
func (opt *Option) recordCommitment(want Commitment, got Offer) {
	if opt.Commitment == nil {
		opt.Commitment = &CommitmentUse{Requested: want}
	}
	opt.Commitment.Applied = append(opt.Commitment.Applied, got.Term)
	if want != CommitOnDemand && want != "" && got.Term == OnDemand {
		opt.Commitment.Note = &Msg{Key: "price.commitment.none_cheaper", Args: []string{got.Name}}
	}
}

// upfrontMonths are the months of a horizon in which a term's fee is paid:
// 1, 1+term, 1+2×term, ... up to the horizon.
func upfrontMonths(term, horizon int) []int {
	if term <= 0 {
		return nil
	}
	var out []int
	for m := 1; m <= horizon; m += term {
		out = append(out, m)
	}
	return out
}
