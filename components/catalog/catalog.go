// Package catalog is the orgtrust catalog of AWS services that integrate
// with AWS Organizations: one row per service (its principals, how its
// delegated administrator is registered, how AWS says to enable trusted
// access, what disabling does), and, keyed by ResourceType, the pulumi-aws
// resources that enable a service or register its administrator, with their
// constructors and the IAM actions their provider calls (resources.go); and
// the AWS partitions with their Regions, which inputs naming a Region or an
// ARN are checked against (regions.go).
//
// Package components re-exports the catalog's types and lookups
// (components.Service, components.LookupService, ...) and checks inputs
// against it.
package catalog

import (
	"slices"
	"strings"

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
	DelegatedAdminResource  ResourceType            `pulumi:"delegatedAdminResource,optional"`
	MaxDelegatedAdmins      int                     `pulumi:"maxDelegatedAdmins,optional"`
	DelegatedAdminPerRegion bool                    `pulumi:"delegatedAdminPerRegion"`
	EnableVia               EnablePath              `pulumi:"enableVia"`
	EnableAPI               string                  `pulumi:"enableApi,optional"`
	EnableResource          ResourceType            `pulumi:"enableResource,optional"`
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

// DisablesOnDelete is the one rule of what deleting a service's trusted
// access does: it disables trusted access unless the service's row keeps it
// (RetainOnDelete: IAM Identity Center, where disabling it while in use
// locks every user out of every account, and CloudTrail, where it stops
// logging member accounts). override, the user's disableOnDelete (or
// IdentityCenterSetup's disableTrustedAccessOnDelete), decides when set.
// TrustedServiceAccess, OrgServiceIntegration and IdentityCenterSetup all
// ask it.
func (s Service) DisablesOnDelete(override *bool) bool {
	if override != nil {
		return *override
	}
	return !s.RetainOnDelete
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

// Keys returns every catalog key, sorted.
func Keys() []string {
	return slices.Clone(catalogIdx.keys)
}

// Len is the number of rows of the catalog's data, before indexing.
func Len() int { return len(catalogData) }
