// Package advisor holds the assessment model: an organisation, its workloads
// and, for each workload, a recommendation of service model (IaaS, PaaS, SaaS,
// or retire) and migration strategy (rehost, replatform, refactor, repurchase,
// retire, retain).
//
// Recommendations come from data-driven rules: each rule has an id, a condition
// over the resolved Workload, effects on the three model scores, optional hard
// exclusions of a model, a strategy hint and a reason text. A recommendation
// carries every rule that fired and the answers that fired it, so each verdict
// can be explained. The package does no IO.
package advisor
