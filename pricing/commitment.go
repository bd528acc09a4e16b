package pricing

import "github.com/shopspring/decimal"

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
// under the settings' commitment, and says on the option which term applied
// and, when it is on demand, why.
//
// A named term is bought when its monthly equivalent is below on demand.
// CommitBest buys the term whose cash over the horizon is the lowest, counting
// every term begun within it in full (a 3-year commitment in a 1-year horizon
// still pays 36 months): a commitment that does not pay back within the
// horizon is not chosen. A commitment never makes an option dearer.
func (q quoter) commit(opt *Option, od Offer) Offer {
	want := q.s.Commitment
	terms := want.terms()
	got, why := od, ""
	if len(terms) > 0 {
		got, why = q.c.commitFor(od, want, q.s.HorizonYears*12)
	}
	opt.recordCommitment(want, got)
	switch {
	case why == "no_price":
		opt.note("commitment_no_price", od.Name, Ref("enum.commitment."+string(want)))
	case why == "no_payback":
		opt.note("commitment_no_payback", od.Name, q.s.HorizonYears*12)
	case why == "none_cheaper":
		opt.note("commitment_none_cheaper", od.Name, Ref("enum.commitment."+string(want)))
	case got.Term != OnDemand:
		opt.note("commitment_applied", got.Name, Ref("enum.commitment."+string(got.Term)))
		if b := basisOf(got); b != nil {
			opt.note("commitment_estimate", got.Name, b.AsRef())
		}
	}
	return got
}

// commitFor picks the committed offer of od's product for want over a
// horizon of months; why says why it is od: no_price (the catalog has no
// committed price for the product), no_payback (none is cheaper over the
// horizon) or none_cheaper (the named term costs more than on demand).
func (c *Catalog) commitFor(od Offer, want Commitment, horizon int) (Offer, string) {
	best, found := od, false
	bestCost := horizonCost(od, horizon)
	if want != CommitBest {
		bestCost = od.MonthlyEquivalent()
	}
	for _, t := range want.terms() {
		o, ok := c.variant(od, t)
		if !ok {
			continue
		}
		found = true
		cost := o.MonthlyEquivalent()
		if want == CommitBest {
			cost = horizonCost(o, horizon)
		}
		if cost.LessThan(bestCost) {
			best, bestCost = o, cost
		}
	}
	switch {
	case !found:
		return od, "no_price"
	case best.Term != OnDemand:
		return best, ""
	case want == CommitBest:
		return od, "no_payback"
	}
	return od, "none_cheaper"
}

// horizonCost is the cash one unit of the offer costs over a horizon of
// months when bought for all of it: on demand, horizon months; under a term,
// every term begun within the horizon in full, upfront fee and recurring fee.
func horizonCost(o Offer, horizon int) decimal.Decimal {
	monthly := o.Amount
	if o.Unit == PerHour {
		monthly = monthly.Mul(decimal.NewFromInt(HoursPerMonth))
	}
	t := o.Term.Months()
	if t == 0 {
		return monthly.Mul(decimal.NewFromInt(int64(horizon)))
	}
	terms := decimal.NewFromInt(int64((max(horizon, 1) + t - 1) / t))
	return terms.Mul(o.Upfront.Add(monthly.Mul(decimal.NewFromInt(int64(t)))))
}

// basisOf is the basis of a derived price (attribute estimate=true): the
// message naming the sourced ratio it was derived from, nil for a price
// read from a source.
func basisOf(o Offer) *Msg {
	if o.Attributes["estimate"] != "true" {
		return nil
	}
	m := Msg{Key: "price.basis.unknown"}
	if b := o.Attributes["basis"]; basisKeys[b] {
		m.Key = "price.basis." + b
	}
	if r := o.Attributes["ratio"]; r != "" {
		m.Args = []string{r}
	}
	return &m
}

// basisKeys are the bases of the derived prices of the default catalog
// (pricing/defaults/gen/commitments.py), each worded in the message catalog.
var basisKeys = map[string]bool{"aws_ri_m5_large": true, "azure_sp_b1s": true, "azure_ri_d2als_v7": true, "aws_windows_ri_linux_plus_licence": true,
	"azure_standard_ssd_uniform": true, "azure_windows_licence_per_vcpu": true,
	"azure_pg_vcore_linear": true, "azure_sql_licence_1_4": true}

// recordCommitment notes on the option which term a line was bought under.
func (opt *Option) recordCommitment(want Commitment, got Offer) {
	if opt.Commitment == nil {
		opt.Commitment = &CommitmentUse{Requested: want}
	}
	opt.Commitment.Applied = append(opt.Commitment.Applied, got.Term)
	if want != CommitOnDemand && want != "" && got.Term == OnDemand && opt.Commitment.Note == nil {
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

// noteEstimates says on the option which of its on-demand prices are
// estimates and from what (committed estimates are noted where bought).
func noteEstimates(opt *Option) {
	seen := map[string]bool{}
	for _, l := range opt.Lines {
		if l.Basis == nil || l.Term.Months() > 0 || seen[l.Name] {
			continue
		}
		seen[l.Name] = true
		opt.note("estimate_lines", l.Name, l.Basis.AsRef())
	}
}
