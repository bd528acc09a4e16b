package pricing

import (
	"github.com/shopspring/decimal"
)

// saasAll prices each SaaS vendor with a product for the workload's kind.
func (q quoter) saasAll() []Option {
	var out []Option
	for _, v := range q.c.ProvidersOf(SaaS) {
		if o, ok := q.saas(v); ok {
			out = append(out, o)
		}
	}
	return out
}

// seats is the quantity a SaaS plan bills: users for per-seat plans, hosts
// (the workload's instances) for per-host plans.
func (q quoter) seats(o Offer) int {
	if o.Attributes["per"] == "host" {
		// a monitoring product bills every host it watches: the estate's
		// servers, or the workload's own instances when larger
		return max(q.n.Instances, q.n.Estate.Hosts)
	}
	return q.n.Users
}

// saasPlan returns the vendor's cheapest plan that serves the kind at the
// needed tier or above, bills a positive quantity, and suits the
// commitment: annual billing is a 1-year commitment, so on demand prefers
// monthly billing where the vendor offers it. Plans priced in the display
// currency are preferred; others compare after conversion.
func (q quoter) saasPlan(vendor string) (Offer, bool) {
	all := q.c.All(Fit{Provider: vendor, Service: SaaS, Match: func(o Offer) bool {
		return o.Attributes["addon"] == "" && o.TierStart.IsZero() && o.HasAttr("kinds", q.n.Kind) &&
			tierRank[o.Attributes["tier"]] >= tierRank[q.n.Tier] && q.seats(o) > 0
	}})
	all = q.marketList(all)
	onDemand := q.s.Commitment == CommitOnDemand
	var best Offer
	var bestKey [3]decimal.Decimal
	found := false
	for _, o := range all {
		k := [3]decimal.Decimal{boolKey(onDemand && o.Attributes["billing"] == "annual"),
			boolKey(o.Currency != q.s.Currency), q.displayPrice(o)}
		if !found || lessKey(k, bestKey) || (equalKey(k, bestKey) && o.SKU < best.SKU) {
			best, bestKey, found = o, k, true
		}
	}
	return best, found
}

// marketCurrency is the currency of the price list a buyer in the
// geography is sold on.
func marketCurrency(geo string) string {
	switch geo {
	case "asia-seoul":
		return "KRW"
	case "asia-tokyo":
		return "JPY"
	case "asia-singapore":
		return "SGD"
	case "eu-west", "eu-central":
		return "EUR"
	}
	return "USD"
}

// marketList keeps the plans of the vendor's price list for the buyer's
// market: the list in the market's currency where the vendor publishes one,
// else its USD (international) list. Another country's local list (the
// Indian INR list, the euro list for a Korean buyer) is never used, nor a
// plan restricted to another market (attribute market).
func (q quoter) marketList(all []Offer) []Offer {
	cur := marketCurrency(q.s.Geography)
	for _, want := range []string{cur, "USD"} {
		var out []Offer
		for _, o := range all {
			if o.Currency == want && (o.Attributes["market"] == "" || want == cur && o.Attributes["market"] == marketOf(cur)) {
				out = append(out, o)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// marketOf is the country code a market currency stands for.
func marketOf(cur string) string {
	return map[string]string{"KRW": "KR", "JPY": "JP", "SGD": "SG", "EUR": "EU", "USD": "US", "INR": "IN"}[cur]
}

func boolKey(b bool) decimal.Decimal {
	if b {
		return decimal.NewFromInt(1)
	}
	return decimal.Zero
}

func lessKey(a, b [3]decimal.Decimal) bool {
	for i := range a {
		if c := a[i].Cmp(b[i]); c != 0 {
			return c < 0
		}
	}
	return false
}

func equalKey(a, b [3]decimal.Decimal) bool { return !lessKey(a, b) && !lessKey(b, a) }

// displayPrice is the offer's monthly equivalent in the display currency,
// or in its own when no rate is known.
func (q quoter) displayPrice(o Offer) decimal.Decimal {
	m, ok := q.s.Rates.Convert(Money{o.MonthlyEquivalent(), o.Currency}, q.s.Currency)
	if !ok {
		return o.MonthlyEquivalent()
	}
	return m.Amount
}

// saas prices the vendor's plan: seats × per-seat price, plus a storage
// add-on where the plan's pooled quota is exceeded.
func (q quoter) saas(vendor string) (Option, bool) {
	plan, ok := q.saasPlan(vendor)
	if !ok {
		return Option{}, false
	}
	opt := Option{Model: ModelSaaS, Provider: vendor, Region: plan.Region, Strategy: strategyFor(ModelSaaS, q.n.Strategy),
		Product: joinNonEmpty(plan.ProviderService, plan.Name), SKU: plan.SKU}
	opt.Commitment = &CommitmentUse{Requested: q.s.Commitment, Applied: []Term{plan.Term}}
	if plan.Attributes["billing"] == "annual" {
		opt.Commitment.Note = &Msg{Key: "price.commitment.annual_billing"}
	}
	q.saasTerms(&opt, plan)
	n := q.seats(plan)
	what := "price.line.seats"
	if plan.Attributes["per"] == "host" {
		what = "price.line.hosts"
		if q.n.Estate.Hosts > q.n.Instances {
			opt.note("hosts_from_estate", n)
		}
	}
	opt.Lines = append(opt.Lines, line(M(what, plan.Name, n), CompSeats,
		decimal.NewFromInt(int64(n)), n, plan))
	q.addStorageAddOn(&opt, plan)
	q.addLabour(&opt, "")
	q.addMigration(&opt)
	return opt, true
}

// addStorageAddOn prices the storage above the plan's quota
// (storage_gb_per_user × users) with the vendor's add-on (addon=storage,
// per GB-month), or records it as missing.
func (q quoter) addStorageAddOn(opt *Option, plan Offer) {
	perUser, err := decimal.NewFromString(plan.Attributes["storage_gb_per_user"])
	if err != nil {
		return
	}
	need := decimal.NewFromInt(int64(q.n.StorageGB * max(q.n.Instances, 1)))
	quota := perUser.Mul(decimal.NewFromInt(int64(q.n.Users)))
	if need.LessThanOrEqual(quota) {
		return
	}
	excess := need.Sub(quota)
	addOn, ok := q.c.Cheapest(Fit{Provider: plan.Provider, Service: SaaS, Match: func(o Offer) bool {
		return o.Attributes["addon"] == "storage" && o.Unit == PerGBMonth
	}})
	if !ok {
		opt.missing("saas_storage_addon",
			excess, quota, perUser, ProviderRef(plan.Provider))
		return
	}
	opt.Lines = append(opt.Lines, line(M("price.line.saas_storage", quota), CompStorage, excess, 0, addOn))
}

// saasTerms says on the option which billing term and which price list
// priced it, and marks an estimated price with its basis.
func (q quoter) saasTerms(opt *Option, plan Offer) {
	switch plan.Attributes["billing"] {
	case "annual":
		opt.note("saas_billing_annual", plan.Name)
	case "monthly":
		opt.note("saas_billing_monthly", plan.Name)
	default:
		opt.note("saas_billing_unknown", plan.Name)
	}
	if cur := marketCurrency(q.s.Geography); plan.Currency != cur {
		opt.note("saas_list_usd", ProviderRef(plan.Provider), cur)
	}
	if plan.Attributes["estimate"] == "true" {
		opt.note("saas_estimate", Ref("price.saas.basis."+plan.Attributes["basis"]))
	}
}
