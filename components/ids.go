package components

import "regexp"

// Formats of the AWS identifiers that components take as input. Shared by every
// component, so that one identifier is checked the same way everywhere.
//
// The components share these patterns; keep component-specific ones in the
// component's files, prefixed with its name (ic..., sc...).
var (
	accountIDPattern     = regexp.MustCompile(`^[0-9]{12}$`)
	ouIDPattern          = regexp.MustCompile(`^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`)
	rootIDPattern        = regexp.MustCompile(`^r-[0-9a-z]{4,32}$`)
	orgIDPattern         = regexp.MustCompile(`^o-[a-z0-9]{10,32}$`)
	permissionSetPattern = regexp.MustCompile(`^[\w+=,.@-]{1,32}$`)
)
