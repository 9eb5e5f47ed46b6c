package catalog

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

// The catalog answers for itself: whether a service principal or a service
// key names a catalog service, and, when not, what is wrong and the fix,
// with the nearest principal or key. Package components puts the answers
// into its input errors (ValidatePrincipal, ResolveService).

// PrincipalOptions relax CheckPrincipal.
type PrincipalOptions struct {
	// AllowUnknown accepts a well-formed principal outside the catalog.
	AllowUnknown bool
	// Force accepts a principal whose service AWS says to enable only through
	// its own API (EnableVia serviceOnly).
	Force bool
}

// MaxPrincipalLen is the longest ServicePrincipal EnableAWSServiceAccess accepts.
const MaxPrincipalLen = 1000

// listFunctionHint tells users where to see the catalog.
const listFunctionHint = "see the catalog with the " + ListTrustedServicesToken + " function " +
	"(components.Services() in Go)"

// CheckPrincipal checks principal against the catalog. It returns the
// principal's service, or the zero Service for a principal outside the
// catalog accepted by opts.AllowUnknown; otherwise a message that says what
// is wrong and the fix, continuing a sentence whose subject is the field
// that holds principal. It refuses, whatever the options:
//   - an empty or malformed value (whitespace, no dot, characters other than
//     letters, digits, dots and hyphens, longer than the API's 1000);
//   - a catalog principal spelled in another case.
//
// Without opts.Force it refuses a principal whose service must be enabled
// only through its own API (EnableViaServiceOnly), naming that API. Without
// opts.AllowUnknown it refuses a principal outside the catalog, suggesting the
// nearest catalog principal when there is one.
func CheckPrincipal(principal string, opts PrincipalOptions) (Service, string) {
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
			return Service{}, ServiceOnlyMessage(principal, svc)
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
	if len(principal) > MaxPrincipalLen {
		return fmt.Sprintf("is %d characters long; AWS Organizations accepts at most %d: set it to a service "+
			"principal such as %q", len(principal), MaxPrincipalLen, "sso.amazonaws.com")
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

// ServiceOnlyMessage explains that svc must be enabled through its own API;
// it continues a sentence whose subject is the field that names it.
func ServiceOnlyMessage(value string, svc Service) string {
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

// CheckServiceKey returns the catalog service with key key; otherwise a
// message that says what is wrong and the fix, with the nearest key,
// continuing a sentence whose subject is the field that holds key.
func CheckServiceKey(key string) (Service, string) {
	if key == "" {
		return Service{}, fmt.Sprintf("is required: set it to a catalog key such as %q; %s", "sso", listFunctionHint)
	}
	if svc, ok := LookupService(key); ok {
		return svc, ""
	}
	if s, ok := suggest.Nearest(key, Keys()); ok {
		return Service{}, fmt.Sprintf("%q is not a known service key; did you mean %q?", key, s)
	}
	return Service{}, fmt.Sprintf("%q is not a known service key; known keys are %s", key,
		strings.Join(Keys(), ", "))
}

// suggestPrincipal finds the catalog principal that principal most likely
// misspells: the nearest by edit distance, or else one that principal is a
// dot-separated prefix or suffix of, or that contains principal as a suffix
// (stacksets.cloudformation.amazonaws.com for
// member.org.stacksets.cloudformation.amazonaws.com; securitylake.amazonaws.com
// for a principal copied from a mirror of the docs with a host appended).
func suggestPrincipal(principal string) (string, bool) {
	principals := Principals()
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
func resourceLabel(t ResourceType) string {
	if strings.HasPrefix(string(t), PackageName+":") {
		return "orgtrust resource " + string(t)
	}
	return "pulumi-aws resource " + string(t)
}
