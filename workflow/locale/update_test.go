package locale

import "flag"

// The module's golden files are rewritten with go test ./... -update; this
// package has none, but its test binary must accept the flag.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
