package components

import (
	"fmt"
	"regexp"
)

// Formats of the AWS identifiers that components take as input. Shared by every
// component, so that one identifier is checked the same way everywhere.
//
// NOTE TO CONTRIBUTORS: this file is owned by the lead. Do not redeclare these
// names in component files; use them (and checkAccountID, checkOUID). Keep
// component-specific patterns and private helpers under names prefixed with the
// component (ic..., sc..., osi...) so that files written in parallel never collide.
var (
	accountIDPattern     = regexp.MustCompile(`^[0-9]{12}$`)
	ouIDPattern          = regexp.MustCompile(`^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`)
	rootIDPattern        = regexp.MustCompile(`^r-[0-9a-z]{4,32}$`)
	orgIDPattern         = regexp.MustCompile(`^o-[a-z0-9]{10,32}$`)
	regionPattern        = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$`)
	permissionSetPattern = regexp.MustCompile(`^[\w+=,.@-]{1,32}$`)
)

// checkAccountID returns an error naming field when id is not a 12-digit AWS
// account ID.
func checkAccountID(field, id string) error {
	if !accountIDPattern.MatchString(id) {
		return fmt.Errorf("%s: %q is not an AWS account ID; give the 12 digits, such as \"123456789012\"", field, id)
	}
	return nil
}

// checkOUID returns an error naming field when id is not an organizational
// unit ID.
func checkOUID(field, id string) error {
	if !ouIDPattern.MatchString(id) {
		return fmt.Errorf("%s: %q is not an organizational unit ID; OU IDs look like \"ou-ab12-cdef3456\"", field, id)
	}
	return nil
}
