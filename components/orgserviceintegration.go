package components

import (
	_ "embed"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

//go:embed orgserviceintegration.md
var orgServiceIntegrationDoc string

// Values of OrgServiceIntegrationArgs.EnableVia.
const (
	// enableViaDefault follows the catalog.
	enableViaDefault = ""
	// enableViaOrganizations enables trusted access with TrustedServiceAccess.
	enableViaOrganizations = "organizations"
	// enableViaService enables trusted access with the service's own pulumi-aws resource.
	enableViaService = "service"
	// enableViaNone leaves trusted access to something else.
	enableViaNone = "none"
)

// OrgServiceIntegrationArgs are the inputs of OrgServiceIntegration. They are
// plain values, so every check happens at preview, before anything is
// registered.
type OrgServiceIntegrationArgs struct {
	// Service is a catalog key, such as "guardduty". Exactly one of Service and
	// ServicePrincipal is required.
	Service string `pulumi:"service,optional"`
	// ServicePrincipal is a single service principal, such as "guardduty.amazonaws.com".
	ServicePrincipal string `pulumi:"servicePrincipal,optional"`
	// DelegatedAdminAccountID is the 12-digit member account to delegate
	// administration of the service to; empty registers no delegated admin.
	DelegatedAdminAccountID string `pulumi:"delegatedAdminAccountId,optional"`
	// ManagementAccountID is the organization's management account. When empty
	// and a delegated admin is requested, it is looked up with
	// organizations.LookupOrganization.
	ManagementAccountID string `pulumi:"managementAccountId,optional"`
	// EnableVia overrides how trusted access is enabled: "" (the catalog's
	// recommendation), "organizations", "service" or "none".
	EnableVia string `pulumi:"enableVia,optional"`
	// Regions are the Regions to designate the delegated admin in, for services
	// whose admin API is per Region.
	Regions []string `pulumi:"regions,optional"`
	// DisableOnDelete says whether deleting the integration disables trusted
	// access; nil follows the catalog, as on TrustedServiceAccess.
	DisableOnDelete *bool `pulumi:"disableOnDelete,optional"`
	// AllowUnknownPrincipal accepts a ServicePrincipal outside the catalog.
	AllowUnknownPrincipal bool `pulumi:"allowUnknownPrincipal,optional"`
	// Force enables through Organizations a service AWS says to enable only
	// through its own API, and registers an admin for a service whose
	// delegated-admin mechanism the catalog does not know.
	Force bool `pulumi:"force,optional"`
	// Adopt says which children exist already, to import them.
	Adopt *IntegrationAdoptSpec `pulumi:"adopt,optional"`
	// OrganizationConfiguration is what the delegated administrator sets for
	// the whole organization, in its account, per Region.
	OrganizationConfiguration *OrganizationConfiguration `pulumi:"organizationConfiguration,optional"`
}

// Annotate documents the inputs for the provider schema.
func (a *OrgServiceIntegrationArgs) Annotate(an infer.Annotator) {
	// As a nested type (an entry of OrgIntegrations), the args get a name that
	// the SDKs don't suffix again: "OrgServiceIntegrationArgs" became
	// "OrgServiceIntegrationArgsArgs" there.
	an.SetToken("index", "IntegrationSettings")
	an.Describe(a, "The inputs of an OrgServiceIntegration: the service, its delegated administrator, how "+
		"trusted access is enabled, and the Regions of a per-Region administrator.")
	an.Describe(&a.Service, "The catalog key of the service, such as `guardduty`, `securityhub`, "+
		"`access-analyzer` or `config`. Trusted access is enabled for every principal the catalog lists for "+
		"it. Set exactly one of `service` and `servicePrincipal`.")
	an.Describe(&a.ServicePrincipal, "A single service principal, such as `guardduty.amazonaws.com`. Set "+
		"exactly one of `service` and `servicePrincipal`.")
	an.Describe(&a.DelegatedAdminAccountID, "The 12-digit ID of the member account to register as the "+
		"service's delegated administrator, such as a security or audit account. It may not be the "+
		"management account. Empty registers no delegated administrator.")
	an.Describe(&a.ManagementAccountID, "The 12-digit ID of the organization's management account. When "+
		"set, a `delegatedAdminAccountId` equal to it fails the preview. When empty and a delegated "+
		"administrator is requested, the component reads it with the `aws:organizations/getOrganization` "+
		"function.")
	an.Describe(&a.EnableVia, "How trusted access is enabled: empty follows the catalog (the service's own "+
		"pulumi-aws resource where AWS recommends it and one exists, otherwise TrustedServiceAccess); "+
		"`organizations` uses TrustedServiceAccess (Organizations EnableAWSServiceAccess); `service` uses the "+
		"service's own pulumi-aws resource; `none` leaves trusted access to something else and only "+
		"registers the delegated administrator.")
	an.Describe(&a.Regions, "The AWS Regions to designate the delegated administrator in, for services "+
		"whose delegated-admin API is per Region (GuardDuty, Security Hub, Macie, Detective, Inspector...). "+
		"Each Region gets its own aws provider and admin resource, keyed by Region. Empty uses the "+
		"component's aws provider (its Region) once. An error for services whose admin is not per Region. Each "+
		"must be a Region of an AWS partition, opt-in Regions included, all of one partition.")
	an.Describe(&a.DisableOnDelete, "Whether deleting the integration disables trusted access. Unset "+
		"follows the catalog: true, except for services whose disabling while in use is destructive. "+
		"Deleting always deregisters the delegated administrator.")
	an.Describe(&a.AllowUnknownPrincipal, "Accept a `servicePrincipal` outside the orgtrust catalog. Its "+
		"delegated administrator, if any, is registered with Organizations RegisterDelegatedAdministrator.")
	an.Describe(&a.Force, "Enable through Organizations a service that AWS says to enable only through its "+
		"own API, and register a delegated administrator through Organizations for a service whose "+
		"delegated-admin mechanism the catalog does not know.")
	an.Describe(&a.Adopt, "What of the integration exists already (`orgtrust discover` writes it), to import on "+
		"the first `pulumi up`; remove it after that up.")
	an.Describe(&a.OrganizationConfiguration, "What the delegated administrator sets for the whole organization "+
		"(GuardDuty, Security Hub, Macie, Inspector, Detective, Access Analyzer, Config): registered in the "+
		"administrator's account, in each Region, after the administrator's registration there, and removed "+
		"before it on destroy. Needs `delegatedAdminAccountId`.")
}

// OrgServiceIntegration is trusted access for one AWS service, its delegated
// administrator, and the order between them, as one component. Its Ready
// output and DependsOn on the component let the user's own resources wait for
// the whole integration.
type OrgServiceIntegration struct {
	pulumi.ResourceState

	// ServicePrincipal is the service's primary principal.
	ServicePrincipal pulumi.StringOutput `pulumi:"servicePrincipal"`
	// DelegatedAdminAccountID is the delegated administrator; nil when none.
	DelegatedAdminAccountID pulumi.StringPtrOutput `pulumi:"delegatedAdminAccountId,optional"`
	// ServiceLinkedRoleNames are the roles the service creates, from the catalog.
	ServiceLinkedRoleNames pulumi.StringArrayOutput `pulumi:"serviceLinkedRoleNames"`
	// EnablePath is the path actually used: organizations, service or none.
	EnablePath pulumi.StringOutput `pulumi:"enablePath"`
	// Ready resolves, to the service principal, once trusted access, every
	// delegated-admin registration and the organization configuration exist:
	// a data-flow gate for dependents.
	Ready pulumi.StringOutput `pulumi:"ready"`

	// Go-only handles (not in the schema): the children, for DependsOn by Go
	// users and sibling components.

	// Access is the resource that enables trusted access for the primary
	// principal: a TrustedServiceAccess, the service's own enable resource, or
	// (IPAM) the admin resource that also enables access. Nil with enableVia
	// "none".
	Access pulumi.Resource
	// DelegatedAdmins are the delegated-administrator registrations: one per
	// Region for per-Region services, one per principal for services that
	// register through Organizations.
	DelegatedAdmins []pulumi.Resource
	// OrganizationConfiguration are the resources of the organization
	// configuration, in the administrator's account; empty without one.
	OrganizationConfiguration []pulumi.Resource
	// adminByRegion are the per-Region registrations, by Region.
	adminByRegion map[string]pulumi.Resource

	// orgWrites are the children that write to AWS Organizations, in the order
	// they are chained (each after the one before).
	orgWrites []pulumi.Resource
}

// Annotate documents the component for the provider schema.
func (c *OrgServiceIntegration) Annotate(a infer.Annotator) {
	a.Describe(c, orgServiceIntegrationDoc)
	a.Describe(&c.ServicePrincipal, "The service's primary principal, such as `guardduty.amazonaws.com`.")
	a.Describe(&c.DelegatedAdminAccountID, "The delegated administrator account ID; unset when none was "+
		"requested. Known at preview: to wait for the registration, use `ready`.")
	a.Describe(&c.ServiceLinkedRoleNames, "The service-linked roles the service creates in the organization's "+
		"accounts, from the catalog; empty when none or not documented.")
	a.Describe(&c.EnablePath, "How trusted access was enabled: `organizations` (TrustedServiceAccess), "+
		"`service` (the service's own pulumi-aws resource) or `none`.")
	a.Describe(&c.Ready, "Resolves to the service principal once trusted access, every delegated-admin "+
		"registration and the organization configuration exist. Pass it into a resource's inputs to make it "+
		"wait for the integration, or use `dependsOn` on the component.")
}

// NewOrgServiceIntegration registers an OrgServiceIntegration: trusted access
// for a service, its delegated administrator after it, and a Ready output that
// resolves once both exist. Bad input, including the management account as
// delegated admin, is an error before anything is registered: InputErrors
// listing every problem.
func NewOrgServiceIntegration(ctx *pulumi.Context, name string, args OrgServiceIntegrationArgs,
	opts ...pulumi.ResourceOption,
) (*OrgServiceIntegration, error) {
	plan, errs := planOrgServiceIntegration(name, args)
	if len(errs) > 0 {
		return nil, componentError(OrgServiceIntegrationToken, name, errs)
	}
	if plan.needsManagementLookup() {
		org, err := lookupManagementAccount(ctx, opts)
		if err != nil {
			return nil, componentError(OrgServiceIntegrationToken, name, err)
		}
		errs = plan.checkRegionsPartition(org)
		if e := plan.checkAgainst(org); e != nil {
			errs = append(errs, e)
		}
		errs = append(errs, plan.checkOrgConfigTargets(org)...)
	}
	regionErrs, err := checkOptInRegions(ctx, opts, []*integrationPlan{plan})
	if err != nil {
		return nil, componentError(OrgServiceIntegrationToken, name, err)
	}
	errs = append(errs, regionErrs[0]...)
	if len(errs) > 0 {
		return nil, componentError(OrgServiceIntegrationToken, name, errs)
	}
	return plan.register(ctx, nil, nil, opts...)
}

// CheckOrgServiceIntegration checks args as NewOrgServiceIntegration does
// before it registers anything, without registering or looking anything up.
// The error is NewOrgServiceIntegration's: InputErrors listing every problem.
func CheckOrgServiceIntegration(name string, args OrgServiceIntegrationArgs) error {
	if _, errs := planOrgServiceIntegration(name, args); len(errs) > 0 {
		return componentError(OrgServiceIntegrationToken, name, errs)
	}
	return nil
}
