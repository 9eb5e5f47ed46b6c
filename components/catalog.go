package components

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

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
type PrincipalOptions struct {
	// AllowUnknown accepts a well-formed principal outside the catalog.
	AllowUnknown bool
	// Force accepts a principal whose service AWS says to enable only through
	// its own API (EnableVia serviceOnly).
	Force bool
}

// maxPrincipalLen is the longest ServicePrincipal EnableAWSServiceAccess accepts.
const maxPrincipalLen = 1000

// listFunctionHint tells users where to see the catalog.
const listFunctionHint = "see the catalog with the " + catalog.ListTrustedServicesToken + " function " +
	"(components.Services() in Go)"

// ValidatePrincipal checks principal, the value of input field field (such as
// "servicePrincipal"), against the catalog. It returns the principal's service,
// or the zero Service for a principal outside the catalog accepted by
// opts.AllowUnknown. It refuses, whatever the options:
//   - an empty or malformed value (whitespace, no dot, characters other than
//     letters, digits, dots and hyphens, longer than the API's 1000);
//   - a catalog principal spelled in another case.
//
// Without opts.Force it refuses a principal whose service must be enabled
// only through its own API (EnableViaServiceOnly), naming that API. Without
// opts.AllowUnknown it refuses a principal outside the catalog, suggesting the
// nearest catalog principal when there is one. The error is an *InputError
// that names the field, the value and the fix.
func ValidatePrincipal(field, principal string, opts PrincipalOptions) (Service, error) {
	svc, msg := checkPrincipal(principal, opts)
	if msg != "" {
		return Service{}, &InputError{Field: field, Value: principal, Message: msg, subject: true}
	}
	return svc, nil
}

// checkPrincipal is ValidatePrincipal without the field: the message, when
// not empty, continues a sentence whose subject is the field.
func checkPrincipal(principal string, opts PrincipalOptions) (Service, string) {
	if principal == "" {
		return Service{}, fmt.Sprintf("is required: set it to a service principal such as %q; %s",
			"sso.amazonaws.com", listFunctionHint)
	}
	if msg := checkPrincipalForm(principal); msg != "" {
		return Service{}, msg
	}
	if svc, ok := LookupPrincipal(principal); ok {
		canonical := canonicalPrincipal(svc, principal)
		if canonical != principal {
			return Service{}, fmt.Sprintf("%q is not a known service principal; did you mean %q? "+
				"(AWS spells service principals in lowercase)", principal, canonical)
		}
		if svc.EnableVia == EnableViaServiceOnly && !opts.Force {
			return Service{}, serviceOnlyMessage(principal, svc)
		}
		return svc, ""
	}
	if opts.AllowUnknown {
		return Service{}, ""
	}
	if s, ok := suggestPrincipal(principal); ok {
		return Service{}, fmt.Sprintf("%q is not a known service principal; did you mean %q?", principal, s)
	}
	return Service{}, fmt.Sprintf("%q is not in the %s catalog of service principals: check the spelling and %s, "+
		"or set allowUnknownPrincipal: true to enable a principal outside the catalog", principal,
		PackageName, listFunctionHint)
}

// canonicalPrincipal returns the catalog spelling of principal, which matched
// one of svc's principals ignoring case.
func canonicalPrincipal(svc Service, principal string) string {
	for _, p := range svc.Principals {
		if strings.EqualFold(p, principal) {
			return p
		}
	}
	return principal
}

// checkPrincipalForm rejects values that cannot be a service principal, even
// with AllowUnknown: EnableAWSServiceAccess would reject them anyway.
func checkPrincipalForm(principal string) string {
	if len(principal) > maxPrincipalLen {
		return fmt.Sprintf("is %d characters long; AWS Organizations accepts at most %d: set it to a service "+
			"principal such as %q", len(principal), maxPrincipalLen, "sso.amazonaws.com")
	}
	if !utf8.ValidString(principal) {
		return fmt.Sprintf("%q is not valid UTF-8: set it to a service principal such as %q",
			principal, "sso.amazonaws.com")
	}
	for _, r := range principal {
		if !isPrincipalRune(r) {
			hint := ""
			if strings.TrimSpace(principal) != principal {
				hint = " (remove the surrounding whitespace)"
			} else if strings.Contains(principal, "://") || strings.HasPrefix(principal, "arn:") {
				hint = " (give the bare principal, not a URL or an ARN)"
			}
			return fmt.Sprintf("%q is not a well-formed service principal: it contains %q; a service principal "+
				"is a DNS-style name of letters, digits, dots and hyphens, such as %q%s",
				principal, r, "sso.amazonaws.com", hint)
		}
	}
	if !strings.Contains(principal, ".") || strings.HasPrefix(principal, ".") ||
		strings.HasSuffix(principal, ".") || strings.Contains(principal, "..") {
		msg := fmt.Sprintf("%q is not a well-formed service principal: a service principal is a dotted "+
			"DNS-style name such as %q", principal, "sso.amazonaws.com")
		if svc, ok := LookupService(strings.ToLower(principal)); ok {
			msg += fmt.Sprintf("; %q is the catalog key of %s, whose principal is %q",
				principal, svc.DisplayName, svc.Principals[0])
		}
		return msg
	}
	return ""
}

func isPrincipalRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-'
}

// serviceOnlyMessage explains that svc must be enabled through its own API;
// it continues a sentence whose subject is the field that names it.
func serviceOnlyMessage(value string, svc Service) string {
	var path string
	switch {
	case svc.EnableAPI != "" && svc.EnableResource != "":
		path = fmt.Sprintf("%s (%s)", svc.EnableAPI, resourceLabel(svc.EnableResource))
	case svc.EnableAPI != "":
		path = svc.EnableAPI
	case svc.EnableResource != "":
		path = resourceLabel(svc.EnableResource)
	default:
		path = svc.DisplayName + "'s own console"
	}
	return fmt.Sprintf("%q (%s) must not be enabled through AWS Organizations: AWS says to enable trusted "+
		"access for it only with %s; use that instead, or set force: true to enable it through "+
		"Organizations anyway", value, svc.DisplayName, path)
}

// ResolveService returns the catalog service with key key, the value of input
// field field. Unknown keys get a suggestion. The error is an *InputError.
func ResolveService(field, key string) (Service, error) {
	svc, msg := checkServiceKey(key)
	if msg != "" {
		return Service{}, &InputError{Field: field, Value: key, Message: msg, subject: true}
	}
	return svc, nil
}

// checkServiceKey is ResolveService without the field.
func checkServiceKey(key string) (Service, string) {
	if key == "" {
		return Service{}, fmt.Sprintf("is required: set it to a catalog key such as %q; %s", "sso", listFunctionHint)
	}
	if svc, ok := LookupService(key); ok {
		return svc, ""
	}
	if s, ok := suggest.Nearest(key, catalog.Keys()); ok {
		return Service{}, fmt.Sprintf("%q is not a known service key; did you mean %q?", key, s)
	}
	return Service{}, fmt.Sprintf("%q is not a known service key; known keys are %s", key,
		strings.Join(catalog.Keys(), ", "))
}

// suggestPrincipal finds the catalog principal that principal most likely
// misspells: the nearest by edit distance, or else one that principal is a
// dot-separated prefix or suffix of, or that contains principal as a suffix
// (stacksets.cloudformation.amazonaws.com for
// member.org.stacksets.cloudformation.amazonaws.com; securitylake.amazonaws.com
// for a principal copied from a mirror of the docs with a host appended).
func suggestPrincipal(principal string) (string, bool) {
	principals := catalog.Principals()
	if s, ok := suggest.Nearest(principal, principals); ok {
		return s, true
	}
	p := strings.ToLower(principal)
	for _, c := range principals {
		if strings.HasSuffix(c, "."+p) || strings.HasPrefix(p, c+".") {
			return c, true
		}
	}
	return "", false
}

// resourceLabel names a resource type for errors: the orgtrust provider's
// own resources, or pulumi-aws's.
func resourceLabel(t catalog.ResourceType) string {
	if strings.HasPrefix(string(t), PackageName+":") {
		return "orgtrust resource " + string(t)
	}
	return "pulumi-aws resource " + string(t)
}
