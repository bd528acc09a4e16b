package pricing_test

// The pricing tests quote on the registered providers; registering them
// from an external test file avoids an import cycle.
import _ "cloudadvisor/pricing/providers"
