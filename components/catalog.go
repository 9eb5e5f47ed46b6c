package components

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// DelegatedAdminMechanism says how a service's delegated administrator is registered.
type DelegatedAdminMechanism string

const (
	// DelegatedAdminOrganizations is Organizations RegisterDelegatedAdministrator.
	DelegatedAdminOrganizations DelegatedAdminMechanism = "organizations"
	// DelegatedAdminService is the service's own API, such as guardduty:EnableOrganizationAdminAccount.
	DelegatedAdminService DelegatedAdminMechanism = "service"
	// DelegatedAdminNone means the service has no delegated administrator.
	DelegatedAdminNone DelegatedAdminMechanism = "none"
	// DelegatedAdminUnknown means the mechanism is not documented or not verified.
	DelegatedAdminUnknown DelegatedAdminMechanism = "unknown"
)

// Values lists the mechanisms; it makes DelegatedAdminMechanism an enum in the
// provider schema.
func (DelegatedAdminMechanism) Values() []infer.EnumValue[DelegatedAdminMechanism] {
	return []infer.EnumValue[DelegatedAdminMechanism]{
		{Name: "Organizations", Value: DelegatedAdminOrganizations,
			Description: "Registered with AWS Organizations RegisterDelegatedAdministrator."},
		{Name: "Service", Value: DelegatedAdminService,
			Description: "Registered with the service's own API."},
		{Name: "None", Value: DelegatedAdminNone,
			Description: "The service has no delegated administrator."},
		{Name: "Unknown", Value: DelegatedAdminUnknown,
			Description: "Not documented, or not verified against AWS documentation."},
	}
}

// EnablePath is the path AWS recommends for enabling trusted access.
type EnablePath string

const (
	// EnableViaOrganizations means Organizations EnableAWSServiceAccess is fine.
	EnableViaOrganizations EnablePath = "organizations"
	// EnableViaService means the service's own API or console is recommended;
	// Organizations works as a fallback.
	EnableViaService EnablePath = "service"
	// EnableViaServiceOnly means trusted access must NOT be enabled through
	// Organizations (StackSets, IPAM, RAM, User Notifications...).
	EnableViaServiceOnly EnablePath = "serviceOnly"
)

// Values lists the paths; it makes EnablePath an enum in the provider schema.
func (EnablePath) Values() []infer.EnumValue[EnablePath] {
	return []infer.EnumValue[EnablePath]{
		{Name: "Organizations", Value: EnableViaOrganizations,
			Description: "AWS Organizations EnableAWSServiceAccess is fine."},
		{Name: "Service", Value: EnableViaService,
			Description: "AWS recommends the service's own API or console; Organizations works as a fallback."},
		{Name: "ServiceOnly", Value: EnableViaServiceOnly,
			Description: "Enable only through the service's own API: enabling through Organizations " +
				"leaves the service unconfigured or is rejected."},
	}
}

// Service is one AWS service that integrates with AWS Organizations: its
// principals, how its delegated administrator is registered, how AWS says to
// enable trusted access for it, and what disabling does.
type Service struct {
	Key                     string                  `pulumi:"key"`
	DisplayName             string                  `pulumi:"displayName"`
	DocumentationURL        string                  `pulumi:"documentationUrl"`
	Principals              []string                `pulumi:"principals"`
	ServiceLinkedRoles      []string                `pulumi:"serviceLinkedRoles"`
	DelegatedAdmin          DelegatedAdminMechanism `pulumi:"delegatedAdmin"`
	DelegatedAdminAPI       string                  `pulumi:"delegatedAdminApi,optional"`
	DelegatedAdminResource  string                  `pulumi:"delegatedAdminResource,optional"`
	MaxDelegatedAdmins      int                     `pulumi:"maxDelegatedAdmins,optional"`
	DelegatedAdminPerRegion bool                    `pulumi:"delegatedAdminPerRegion"`
	EnableVia               EnablePath              `pulumi:"enableVia"`
	EnableAPI               string                  `pulumi:"enableApi,optional"`
	EnableResource          string                  `pulumi:"enableResource,optional"`
	DisableEffect           string                  `pulumi:"disableEffect"`
	RetainOnDelete          bool                    `pulumi:"retainOnDelete"`
	Verified                bool                    `pulumi:"verified"`
	Notes                   string                  `pulumi:"notes,optional"`
}

// Annotate describes the type and every field for the provider schema.
func (s *Service) Annotate(a infer.Annotator) {
	a.Describe(s, "An AWS service that integrates with AWS Organizations, as recorded in the orgtrust "+
		"catalog: its service principals, how its delegated administrator is registered, the path AWS "+
		"recommends for enabling trusted access, and what disabling trusted access does.")
	a.Describe(&s.Key, "Stable short catalog key, lowercase and hyphenated, such as `sso`, `guardduty` or "+
		"`access-analyzer`.")
	a.Describe(&s.DisplayName, "The service's name, such as `IAM Identity Center`.")
	a.Describe(&s.DocumentationURL, "The AWS documentation page the entry was checked against: the "+
		"service's page in the AWS Organizations User Guide, or the service's own guide where the Organizations "+
		"guide has no page for it.")
	a.Describe(&s.Principals, "The service principals that AWS Organizations EnableAWSServiceAccess takes "+
		"for this service; the first is the primary one.")
	a.Describe(&s.ServiceLinkedRoles, "The roles the service creates in the organization's accounts when "+
		"trusted access is enabled, as AWS documents them; empty when none or not documented.")
	a.Describe(&s.DelegatedAdmin, "How the service's delegated administrator is registered: `organizations` "+
		"(Organizations RegisterDelegatedAdministrator), `service` (the service's own API), `none`, or "+
		"`unknown` (not documented or not verified).")
	a.Describe(&s.DelegatedAdminAPI, "The API that registers the delegated administrator, such as "+
		"`guardduty:EnableOrganizationAdminAccount` or `organizations:RegisterDelegatedAdministrator`.")
	a.Describe(&s.DelegatedAdminResource, "The resource token that registers the delegated administrator: a "+
		"pulumi-aws v6 resource, such as `aws:guardduty/organizationAdminAccount:OrganizationAdminAccount`, or "+
		"the orgtrust provider's own resource where pulumi-aws v6 has none, such as "+
		"`orgtrust:index:SecurityLakeDelegatedAdmin`; empty when neither exists.")
	a.Describe(&s.MaxDelegatedAdmins, "The most delegated administrators the service allows; 0 when not known.")
	a.Describe(&s.DelegatedAdminPerRegion, "Whether the delegated administrator is designated separately in "+
		"each AWS Region (GuardDuty, Security Hub, Macie, Detective, Inspector...).")
	a.Describe(&s.EnableVia, "The path AWS recommends for enabling trusted access: `organizations` "+
		"(EnableAWSServiceAccess is fine), `service` (the service's own API or console is recommended; "+
		"Organizations works as a fallback) or `serviceOnly` (must not be enabled through Organizations).")
	a.Describe(&s.EnableAPI, "The service's own API that AWS recommends for enabling trusted access, such "+
		"as `servicecatalog:EnableAWSOrganizationsAccess`; empty when there is none.")
	a.Describe(&s.EnableResource, "The resource token of the service's own enable resource: a pulumi-aws v6 "+
		"resource, such as `aws:servicecatalog/organizationsAccess:OrganizationsAccess`, or the orgtrust "+
		"provider's own resource where pulumi-aws v6 has none, such as "+
		"`orgtrust:index:StackSetsOrganizationsAccess`; empty when neither exists.")
	a.Describe(&s.DisableEffect, "What disabling trusted access does to the service.")
	a.Describe(&s.RetainOnDelete, "Whether orgtrust keeps trusted access enabled when the resource that "+
		"enabled it is deleted, because disabling it while the service is in use is destructive (IAM "+
		"Identity Center).")
	a.Describe(&s.Verified, "Whether this entry was checked against an AWS documentation page; see `notes`.")
	a.Describe(&s.Notes, "Where the entry's facts come from and anything worth knowing before enabling.")
}

// clone returns a deep copy, so callers cannot change the catalog through it.
func (s Service) clone() Service {
	s.Principals = slices.Clone(s.Principals)
	s.ServiceLinkedRoles = slices.Clone(s.ServiceLinkedRoles)
	return s
}

// catalogIndex holds the catalog sorted by key, with lookups by key and by
// lowercase principal.
type catalogIndex struct {
	services    []Service
	byKey       map[string]int
	byPrincipal map[string]int
	keys        []string
	principals  []string
}

var catalogIdx = buildIndex(catalogData)

func buildIndex(data []Service) catalogIndex {
	idx := catalogIndex{
		services:    make([]Service, len(data)),
		byKey:       make(map[string]int, len(data)),
		byPrincipal: map[string]int{},
	}
	for i, s := range data {
		idx.services[i] = s.clone()
	}
	slices.SortFunc(idx.services, func(a, b Service) int { return strings.Compare(a.Key, b.Key) })
	for i, s := range idx.services {
		idx.byKey[s.Key] = i
		idx.keys = append(idx.keys, s.Key)
		for _, p := range s.Principals {
			idx.byPrincipal[strings.ToLower(p)] = i
			idx.principals = append(idx.principals, p)
		}
	}
	slices.Sort(idx.principals)
	return idx
}

// Services returns every service in the catalog, sorted by key. The result is a
// copy: changing it does not change the catalog.
func Services() []Service {
	out := make([]Service, len(catalogIdx.services))
	for i, s := range catalogIdx.services {
		out[i] = s.clone()
	}
	return out
}

// LookupService returns the service with catalog key key.
func LookupService(key string) (Service, bool) {
	i, ok := catalogIdx.byKey[key]
	if !ok {
		return Service{}, false
	}
	return catalogIdx.services[i].clone(), true
}

// LookupPrincipal returns the service that has principal among its principals.
// The match ignores case and surrounding whitespace.
func LookupPrincipal(principal string) (Service, bool) {
	i, ok := catalogIdx.byPrincipal[strings.ToLower(strings.TrimSpace(principal))]
	if !ok {
		return Service{}, false
	}
	return catalogIdx.services[i].clone(), true
}

// Principals returns every principal in the catalog, sorted.
func Principals() []string {
	return slices.Clone(catalogIdx.principals)
}

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
const listFunctionHint = "see the catalog with the " + PackageName + ":index:listTrustedServices function " +
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
// nearest catalog principal when there is one. Errors name the field, the
// value and the fix.
func ValidatePrincipal(field, principal string, opts PrincipalOptions) (Service, error) {
	if principal == "" {
		return Service{}, fmt.Errorf("%s is required: set it to a service principal such as %q; %s",
			field, "sso.amazonaws.com", listFunctionHint)
	}
	if err := checkPrincipalForm(field, principal); err != nil {
		return Service{}, err
	}
	if svc, ok := LookupPrincipal(principal); ok {
		canonical := canonicalPrincipal(svc, principal)
		if canonical != principal {
			return Service{}, fmt.Errorf("%s %q is not a known service principal; did you mean %q? "+
				"(AWS spells service principals in lowercase)", field, principal, canonical)
		}
		if svc.EnableVia == EnableViaServiceOnly && !opts.Force {
			return Service{}, serviceOnlyError(field, principal, svc)
		}
		return svc, nil
	}
	if opts.AllowUnknown {
		return Service{}, nil
	}
	if s, ok := suggestPrincipal(principal); ok {
		return Service{}, fmt.Errorf("%s %q is not a known service principal; did you mean %q?", field, principal, s)
	}
	return Service{}, fmt.Errorf("%s %q is not in the %s catalog of service principals: check the spelling and %s, "+
		"or set allowUnknownPrincipal: true to enable a principal outside the catalog", field, principal,
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
func checkPrincipalForm(field, principal string) error {
	if len(principal) > maxPrincipalLen {
		return fmt.Errorf("%s is %d characters long; AWS Organizations accepts at most %d: set it to a service "+
			"principal such as %q", field, len(principal), maxPrincipalLen, "sso.amazonaws.com")
	}
	if !utf8.ValidString(principal) {
		return fmt.Errorf("%s %q is not valid UTF-8: set it to a service principal such as %q",
			field, principal, "sso.amazonaws.com")
	}
	for _, r := range principal {
		if !isPrincipalRune(r) {
			hint := ""
			if strings.TrimSpace(principal) != principal {
				hint = " (remove the surrounding whitespace)"
			} else if strings.Contains(principal, "://") || strings.HasPrefix(principal, "arn:") {
				hint = " (give the bare principal, not a URL or an ARN)"
			}
			return fmt.Errorf("%s %q is not a well-formed service principal: it contains %q; a service principal "+
				"is a DNS-style name of letters, digits, dots and hyphens, such as %q%s",
				field, principal, r, "sso.amazonaws.com", hint)
		}
	}
	if !strings.Contains(principal, ".") || strings.HasPrefix(principal, ".") ||
		strings.HasSuffix(principal, ".") || strings.Contains(principal, "..") {
		msg := fmt.Sprintf("%s %q is not a well-formed service principal: a service principal is a dotted "+
			"DNS-style name such as %q", field, principal, "sso.amazonaws.com")
		if svc, ok := LookupService(strings.ToLower(principal)); ok {
			msg += fmt.Sprintf("; %q is the catalog key of %s, whose principal is %q",
				principal, svc.DisplayName, svc.Principals[0])
		}
		return fmt.Errorf("%s", msg)
	}
	return nil
}

func isPrincipalRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-'
}

// serviceOnlyError explains that svc must be enabled through its own API.
func serviceOnlyError(field, principal string, svc Service) error {
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
	return fmt.Errorf("%s %q (%s) must not be enabled through AWS Organizations: AWS says to enable trusted "+
		"access for it only with %s; use that instead, or set force: true to enable it through "+
		"Organizations anyway", field, principal, svc.DisplayName, path)
}

// resourceLabel names a resource token for errors: the orgtrust provider's
// own resources, or pulumi-aws's.
func resourceLabel(token string) string {
	if strings.HasPrefix(token, PackageName+":") {
		return "orgtrust resource " + token
	}
	return "pulumi-aws resource " + token
}

// ResolveService returns the catalog service with key key, the value of input
// field field. Unknown keys get a suggestion.
func ResolveService(field, key string) (Service, error) {
	if key == "" {
		return Service{}, fmt.Errorf("%s is required: set it to a catalog key such as %q; %s",
			field, "sso", listFunctionHint)
	}
	if svc, ok := LookupService(key); ok {
		return svc, nil
	}
	if s, ok := Suggest(key, catalogIdx.keys); ok {
		return Service{}, fmt.Errorf("%s %q is not a known service key; did you mean %q?", field, key, s)
	}
	return Service{}, fmt.Errorf("%s %q is not a known service key; known keys are %s",
		field, key, strings.Join(catalogIdx.keys, ", "))
}

// suggestPrincipal finds the catalog principal that principal most likely
// misspells: the nearest by edit distance, or else one that principal is a
// dot-separated prefix or suffix of, or that contains principal as a suffix
// (stacksets.cloudformation.amazonaws.com for
// member.org.stacksets.cloudformation.amazonaws.com; securitylake.amazonaws.com
// for a principal copied from a mirror of the docs with a host appended).
func suggestPrincipal(principal string) (string, bool) {
	if s, ok := Suggest(principal, catalogIdx.principals); ok {
		return s, true
	}
	p := strings.ToLower(principal)
	for _, c := range catalogIdx.principals {
		if strings.HasSuffix(c, "."+p) || strings.HasPrefix(p, c+".") {
			return c, true
		}
	}
	return "", false
}

// Suggest returns the candidate that input most likely misspells: the
// closest by Levenshtein distance, ignoring case, if it is within max(3,
// len/5) edits and fewer than half the input's length, so that short inputs
// don't match everything. Ties go to the earlier candidate. The components
// use it for "did you mean" hints; configuration decoders can too.
func Suggest(input string, candidates []string) (string, bool) {
	in := strings.ToLower(input)
	n := utf8.RuneCountInString(in)
	threshold := min(max(3, n/5), max(1, n/2))
	best, bestDist := "", threshold+1
	for _, c := range candidates {
		if d := levenshtein(in, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// levenshtein is the edit distance between a and b, by runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
