// Package aws imports AWS Price List data into pricing.Offer values.
//
// It reads every format AWS publishes prices in: the Price List Query API
// (GetProducts responses and their PriceList items), the bulk regional offer
// files in JSON and CSV, the Savings Plan rate CSV, and the offer, version and
// region index files that lead to them. Parse detects the format and streams
// offers to a pricing.Sink; the bulk JSON walker keeps only a compact product
// record per SKU, so a file of several hundred megabytes is never held in
// memory.
//
// Mapping rules: Region is always the AWS regionCode (us-east-1), resolved
// from the location name or the usage-type prefix when a record lacks it;
// units are normalised (Hrs, hours and vCPU-Hours to hour, GB-Mo to gb_month)
// with the original kept in Attributes["unit"]; the "Upfront Fee" dimension of
// a reserved term is folded into the Upfront of that term's hourly offer.
//
// Records that cannot become a comparable price are skipped and counted in
// ImportStats.Skipped, one count per price term (all dimensions of one term):
//   - convertible reserved terms: the catalog has no convertible term, and the
//     standard term of the same length is the comparable (cheaper) price;
//   - capacity status other than Used: capacity-reservation rows would double
//     count an instance already priced as used;
//   - Host tenancy: the instance runs on a Dedicated Host billed apart, its
//     own price is zero;
//   - Capacity Blocks (marketoption CapacityBlock): priced per reserved block,
//     the zero hourly rate is not an on-demand price;
//   - legacy reserved purchase options (Light/Medium/Heavy Utilization);
//   - units with no catalog unit (seconds, counts).
//
// Dedicated tenancy is kept, with Attributes["tenancy"] telling it apart.
// Fetch code talks to the network: FetchProducts through the AWS SDK's Price
// List Query API, BulkClient over plain HTTP.
package aws
