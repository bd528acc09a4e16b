// Package pricing holds the price catalog model and the cost model.
//
// An Offer is one price of one product: a SKU of a provider in a region, under
// a term (on demand, reserved, savings plan, spot), per unit (hour, month,
// GB-month, GB, user-month, request), in a currency, valid from an as-of date
// and traced to its source. Amounts are exact decimals in the provider's own
// currency and are never float64; a reserved term with a one-time fee carries
// it in Upfront next to the recurring Amount. Amounts are normalised to one
// base unit: a price quoted per 10K requests is stored per request.
//
// Quote is the cost model. For one workload (a Need) and the organisation's
// Settings it prices IaaS on each provider (right-sized VMs, block storage,
// egress, OS licence share, the database self-run or managed), PaaS plans and
// managed databases, and SaaS seats with storage add-ons; it adds operations
// labour (LabourDefaults) and one-time migration (MigrationDefaults) at the
// organisation's hourly rate, applies the commitment, converts to the display
// currency with a dated rate table (Rates), and compares with the current
// cost. Lines keep their price's currency and as-of date; an option's totals
// are in the display currency. A month is HoursPerMonth (730) hours. A
// missing price or rate makes the option incomplete and is listed in
// Missing, never priced as zero. Nothing is rounded here: rounding is for
// display.
//
// Providers are registered (Register): each entry maps the geographies to
// the provider's regions and each region to its country, and carries the
// provider's importer, a slot for its fetcher and why it is not priced when
// the catalog holds none of its prices. Every registered IaaS provider
// serving the geography gets an option; one that does not serve it is listed
// by NotOffered, never as an incomplete option. Options state the country of
// their region (where the data would live) and, when abroad, an indicative
// round-trip time from a dated table.
//
// The package does no IO. Importers for each provider's own format live in
// subpackages and emit Offers; package providers registers them all; the
// SQLite store keeps the offers in catalog versions.
package pricing
