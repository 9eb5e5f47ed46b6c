package components

import "github.com/orgtrust/pulumi-orgtrust/components/catalog"

// The catalog lives in package catalog, one row and one set of resources per
// service; these aliases keep it at its place in the components API.

// Service is one AWS service that integrates with AWS Organizations.
type Service = catalog.Service

// DelegatedAdminMechanism says how a service's delegated administrator is registered.
type DelegatedAdminMechanism = catalog.DelegatedAdminMechanism

// EnablePath is the path AWS recommends for enabling trusted access.
type EnablePath = catalog.EnablePath

// The values of DelegatedAdminMechanism and EnablePath.
const (
	DelegatedAdminOrganizations = catalog.DelegatedAdminOrganizations
	DelegatedAdminService       = catalog.DelegatedAdminService
	DelegatedAdminNone          = catalog.DelegatedAdminNone
	DelegatedAdminUnknown       = catalog.DelegatedAdminUnknown

	EnableViaOrganizations = catalog.EnableViaOrganizations
	EnableViaService       = catalog.EnableViaService
	EnableViaServiceOnly   = catalog.EnableViaServiceOnly
)

// Services returns every service in the catalog, sorted by key, as a copy.
func Services() []Service { return catalog.Services() }

// LookupService returns the service with catalog key key.
func LookupService(key string) (Service, bool) { return catalog.LookupService(key) }

// LookupPrincipal returns the service that has principal among its
// principals, ignoring case and surrounding whitespace.
func LookupPrincipal(principal string) (Service, bool) { return catalog.LookupPrincipal(principal) }

// Principals returns every principal in the catalog, sorted.
func Principals() []string { return catalog.Principals() }

// PrincipalOptions relax ValidatePrincipal.
type PrincipalOptions = catalog.PrincipalOptions

// ValidatePrincipal checks principal, the value of input field field (such as
// "servicePrincipal"), against the catalog (catalog.CheckPrincipal). It
// returns the principal's service, or the zero Service for a principal
// outside the catalog accepted by opts.AllowUnknown. The error is an
// *InputError that names the field, the value and the fix.
func ValidatePrincipal(field, principal string, opts PrincipalOptions) (Service, error) {
	svc, msg := catalog.CheckPrincipal(principal, opts)
	if msg != "" {
		return Service{}, &InputError{Field: field, Value: principal, Message: msg, subject: true}
	}
	return svc, nil
}

// ResolveService returns the catalog service with key key, the value of input
// field field (catalog.CheckServiceKey). Unknown keys get a suggestion. The
// error is an *InputError.
func ResolveService(field, key string) (Service, error) {
	svc, msg := catalog.CheckServiceKey(key)
	if msg != "" {
		return Service{}, &InputError{Field: field, Value: key, Message: msg, subject: true}
	}
	return svc, nil
}
