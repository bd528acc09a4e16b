package defaults_test

import _ "cloudadvisor/pricing/providers"
