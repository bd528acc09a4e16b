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
// The package does no IO. Importers for each provider's own format live in
// subpackages and emit Offers; the SQLite store keeps them in catalog versions.
package pricing
