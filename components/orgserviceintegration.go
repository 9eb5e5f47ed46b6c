package components

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/auditmanager"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cloudtrail"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/detective"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/fms"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/guardduty"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/inspector2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/macie2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/organizations"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ram"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/securityhub"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/servicecatalog"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// OrgServiceIntegrationToken is the type token of the OrgServiceIntegration component.
const OrgServiceIntegrationToken = PackageName + ":index:OrgServiceIntegration"

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
		"component's aws provider (its Region) once. An error for services whose admin is not per Region.")
	an.Describe(&a.DisableOnDelete, "Whether deleting the integration disables trusted access. Unset "+
		"follows the catalog: true, except for services whose disabling while in use is destructive. "+
		"Deleting always deregisters the delegated administrator.")
	an.Describe(&a.AllowUnknownPrincipal, "Accept a `servicePrincipal` outside the orgtrust catalog. Its "+
		"delegated administrator, if any, is registered with Organizations RegisterDelegatedAdministrator.")
	an.Describe(&a.Force, "Enable through Organizations a service that AWS says to enable only through its "+
		"own API, and register a delegated administrator through Organizations for a service whose "+
		"delegated-admin mechanism the catalog does not know.")
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
	// Ready resolves, to the service principal, once trusted access and every
	// delegated-admin registration exist: a data-flow gate for dependents.
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
	a.Describe(&c.Ready, "Resolves to the service principal once trusted access and every delegated-admin "+
		"registration exist. Pass it into a resource's inputs to make it wait for the integration, or use "+
		"`dependsOn` on the component.")
}

// enableResources are the service enable resources the component creates for
// enableVia "service", by pulumi-aws token. IAM's
// aws:iam/organizationsFeatures:OrganizationsFeatures is deliberately absent:
// it turns on root-access features and needs trusted access enabled first, so
// IAM falls back to TrustedServiceAccess and the features are the user's own
// resource.
var enableResources = map[string]func(ctx *pulumi.Context, name string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error){
	"aws:servicecatalog/organizationsAccess:OrganizationsAccess": func(ctx *pulumi.Context, name string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return servicecatalog.NewOrganizationsAccess(ctx, name,
			&servicecatalog.OrganizationsAccessArgs{Enabled: pulumi.Bool(true)}, opts...)
	},
	"aws:ram/sharingWithOrganization:SharingWithOrganization": func(ctx *pulumi.Context, name string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return ram.NewSharingWithOrganization(ctx, name, &ram.SharingWithOrganizationArgs{}, opts...)
	},
	// The orgtrust provider's own resource: pulumi-aws v6 has none for
	// cloudformation:ActivateOrganizationsAccess.
	StackSetsOrganizationsAccessToken: func(ctx *pulumi.Context, name string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return NewStackSetsOrganizationsAccess(ctx, name, StackSetsOrganizationsAccessArgs{}, opts...)
	},
	// Likewise for notifications:EnableNotificationsAccessForOrganization.
	NotificationsOrganizationsAccessToken: func(ctx *pulumi.Context, name string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return NewNotificationsOrganizationsAccess(ctx, name, NotificationsOrganizationsAccessArgs{}, opts...)
	},
}

// ipamAdminToken is the IPAM admin resource, which also enables IPAM's trusted
// access (ec2:EnableIpamOrganizationAdminAccount does both).
const ipamAdminToken = "aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount"

// delegatedAdministratorToken is Organizations RegisterDelegatedAdministrator.
const delegatedAdministratorToken = "aws:organizations/delegatedAdministrator:DelegatedAdministrator"

type adminFunc func(ctx *pulumi.Context, name, accountID string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error)

// serviceAdminResources register a delegated administrator with the service's
// own API, by resource token. aws-native v1.38.0 adds none that pulumi-aws v6
// lacks (it has securityhub DelegatedAdmin and detective OrganizationAdmin,
// both covered here); where neither has one, the orgtrust provider does
// (Security Lake). Services outside this table fail at preview.
var serviceAdminResources = map[string]adminFunc{
	"aws:guardduty/organizationAdminAccount:OrganizationAdminAccount": func(ctx *pulumi.Context, name, id string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return guardduty.NewOrganizationAdminAccount(ctx, name,
			&guardduty.OrganizationAdminAccountArgs{AdminAccountId: pulumi.String(id)}, opts...)
	},
	"aws:securityhub/organizationAdminAccount:OrganizationAdminAccount": func(ctx *pulumi.Context, name, id string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return securityhub.NewOrganizationAdminAccount(ctx, name,
			&securityhub.OrganizationAdminAccountArgs{AdminAccountId: pulumi.String(id)}, opts...)
	},
	"aws:macie2/organizationAdminAccount:OrganizationAdminAccount": func(ctx *pulumi.Context, name, id string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return macie2.NewOrganizationAdminAccount(ctx, name,
			&macie2.OrganizationAdminAccountArgs{AdminAccountId: pulumi.String(id)}, opts...)
	},
	"aws:detective/organizationAdminAccount:OrganizationAdminAccount": func(ctx *pulumi.Context, name, id string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return detective.NewOrganizationAdminAccount(ctx, name,
			&detective.OrganizationAdminAccountArgs{AccountId: pulumi.String(id)}, opts...)
	},
	"aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount": func(ctx *pulumi.Context, name, id string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return inspector2.NewDelegatedAdminAccount(ctx, name,
			&inspector2.DelegatedAdminAccountArgs{AccountId: pulumi.String(id)}, opts...)
	},
	"aws:fms/adminAccount:AdminAccount": func(ctx *pulumi.Context, name, id string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return fms.NewAdminAccount(ctx, name, &fms.AdminAccountArgs{AccountId: pulumi.String(id)}, opts...)
	},
	ipamAdminToken: func(ctx *pulumi.Context, name, id string,
		opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return ec2.NewVpcIpamOrganizationAdminAccount(ctx, name,
			&ec2.VpcIpamOrganizationAdminAccountArgs{DelegatedAdminAccountId: pulumi.String(id)}, opts...)
	},
	"aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount": func(ctx *pulumi.Context,
		name, id string, opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return cloudtrail.NewOrganizationDelegatedAdminAccount(ctx, name,
			&cloudtrail.OrganizationDelegatedAdminAccountArgs{AccountId: pulumi.String(id)}, opts...)
	},
	"aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration": func(
		ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return auditmanager.NewOrganizationAdminAccountRegistration(ctx, name,
			&auditmanager.OrganizationAdminAccountRegistrationArgs{AdminAccountId: pulumi.String(id)}, opts...)
	},
	// Also enables Security Lake's trusted access, as IPAM's does.
	SecurityLakeDelegatedAdminToken: func(ctx *pulumi.Context, name, id string, opts ...pulumi.ResourceOption,
	) (pulumi.CustomResource, error) {
		return NewSecurityLakeDelegatedAdmin(ctx, name, SecurityLakeDelegatedAdminArgs{AccountID: id}, opts...)
	},
}

// integrationPlan is a validated OrgServiceIntegration: everything needed to
// register its children, decided before anything is registered.
type integrationPlan struct {
	name string
	args OrgServiceIntegrationArgs
	// svc is the catalog entry; known is false for an allowed unknown principal.
	svc   Service
	known bool
	// principals are the principals to enable, primary first.
	principals []string
	// enablePath is organizations, service or none.
	enablePath string
	// enableResource is the pulumi-aws token used with enablePath service;
	// the admin resource's token when it also enables access (IPAM).
	enableResource string
	// admin is the delegated admin account; "" for none.
	admin string
	// adminMechanism and adminResource say how the admin is registered.
	adminMechanism DelegatedAdminMechanism
	adminResource  string
	// regions are sorted; empty means the component's own provider.
	regions []string
}

// label names the service in errors: "GuardDuty (guardduty)" or the principal.
func (p *integrationPlan) label() string {
	if !p.known {
		return fmt.Sprintf("%q (outside the catalog)", p.principals[0])
	}
	return fmt.Sprintf("%s (%s)", p.svc.DisplayName, p.svc.Key)
}

// needsManagementLookup says whether the management account must be looked up
// to check that the delegated admin is not the management account.
func (p *integrationPlan) needsManagementLookup() bool {
	return p.admin != "" && p.args.ManagementAccountID == ""
}

// checkManagementAccount rejects the management account as delegated admin.
func (p *integrationPlan) checkManagementAccount(managementAccountID, source string) error {
	if p.admin != "" && p.admin == managementAccountID {
		return fmt.Errorf("delegatedAdminAccountId %q is the organization's management account (%s): AWS does "+
			"not allow the management account as a delegated administrator; set it to a member account, such "+
			"as a security or audit account", p.admin, source)
	}
	return nil
}

// planOrgServiceIntegration validates args without registering anything.
func planOrgServiceIntegration(name string, args OrgServiceIntegrationArgs) (*integrationPlan, error) {
	p := &integrationPlan{name: name, args: args, admin: args.DelegatedAdminAccountID}
	if err := p.resolveService(); err != nil {
		return nil, err
	}
	if err := p.checkAccounts(); err != nil {
		return nil, err
	}
	if err := p.resolveAdmin(); err != nil {
		return nil, err
	}
	if err := p.resolveEnablePath(); err != nil {
		return nil, err
	}
	if err := p.resolveRegions(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *integrationPlan) resolveService() error {
	args := p.args
	switch {
	case (args.Service == "") == (args.ServicePrincipal == ""):
		return fmt.Errorf("set exactly one of service and servicePrincipal; got service %q and "+
			"servicePrincipal %q: use service for a catalog key such as %q, or servicePrincipal for one "+
			"principal such as %q", args.Service, args.ServicePrincipal, "guardduty", "guardduty.amazonaws.com")
	case args.Service != "":
		svc, err := ResolveService("service", args.Service)
		if err != nil {
			return err
		}
		p.svc, p.known, p.principals = svc, true, slices.Clone(svc.Principals)
	default:
		// Force is checked later, with the enable path: a serviceOnly service
		// is fine when it is not enabled through Organizations.
		svc, err := ValidatePrincipal("servicePrincipal", args.ServicePrincipal, PrincipalOptions{
			AllowUnknown: args.AllowUnknownPrincipal, Force: true,
		})
		if err != nil {
			return err
		}
		p.svc, p.known, p.principals = svc, svc.Key != "", []string{args.ServicePrincipal}
	}
	return nil
}

func (p *integrationPlan) checkAccounts() error {
	if p.admin != "" && !accountIDPattern.MatchString(p.admin) {
		return fmt.Errorf("delegatedAdminAccountId %q is not an AWS account ID: set it to the 12 digits of a "+
			"member account, such as %q, or leave it empty to register no delegated administrator",
			p.admin, "111122223333")
	}
	if m := p.args.ManagementAccountID; m != "" {
		if !accountIDPattern.MatchString(m) {
			return fmt.Errorf("managementAccountId %q is not an AWS account ID: set it to the 12 digits of the "+
				"organization's management account, such as %q, or leave it empty to look it up",
				m, "111122223333")
		}
		return p.checkManagementAccount(m, "managementAccountId")
	}
	return nil
}

func (p *integrationPlan) resolveAdmin() error {
	if p.admin == "" {
		return nil
	}
	if !p.known {
		// Organizations RegisterDelegatedAdministrator is the only generic mechanism.
		p.adminMechanism, p.adminResource = DelegatedAdminOrganizations, delegatedAdministratorToken
		return nil
	}
	switch p.svc.DelegatedAdmin {
	case DelegatedAdminOrganizations:
		p.adminMechanism, p.adminResource = DelegatedAdminOrganizations, delegatedAdministratorToken
	case DelegatedAdminService:
		if _, ok := serviceAdminResources[p.svc.DelegatedAdminResource]; !ok {
			api := p.svc.DelegatedAdminAPI
			if api == "" {
				api = "its own API"
			}
			return fmt.Errorf("%s registers its delegated administrator with %s, and neither pulumi-aws v6 nor "+
				"aws-native has a resource for it that %s supports: remove delegatedAdminAccountId and register "+
				"the administrator with %s (for example from the service's console or CLI)",
				p.label(), api, PackageName, api)
		}
		p.adminMechanism, p.adminResource = DelegatedAdminService, p.svc.DelegatedAdminResource
	case DelegatedAdminNone:
		return fmt.Errorf("%s has no delegated administrator, so delegatedAdminAccountId %q cannot be "+
			"registered: remove delegatedAdminAccountId", p.label(), p.admin)
	default:
		if !p.args.Force {
			return fmt.Errorf("the %s catalog does not know whether %s supports a delegated administrator: "+
				"remove delegatedAdminAccountId, or set force: true to register %q with Organizations "+
				"RegisterDelegatedAdministrator anyway", PackageName, p.label(), p.admin)
		}
		p.adminMechanism, p.adminResource = DelegatedAdminOrganizations, delegatedAdministratorToken
	}
	return nil
}

func (p *integrationPlan) resolveEnablePath() error {
	supported := p.known && enableResources[p.svc.EnableResource] != nil
	// The admin resource enables trusted access itself (IPAM's
	// ec2:EnableIpamOrganizationAdminAccount does both).
	combined := p.adminResource != "" && p.svc.EnableResource == p.adminResource
	if p.known && !combined && p.admin == "" && p.svc.EnableResource != "" &&
		p.svc.EnableResource == p.svc.DelegatedAdminResource && p.args.EnableVia != enableViaOrganizations {
		return fmt.Errorf("%s enables trusted access by registering its delegated administrator (pulumi-aws "+
			"resource %s): set delegatedAdminAccountId to the member account to register", p.label(),
			p.svc.EnableResource)
	}
	switch p.args.EnableVia {
	case enableViaNone:
		if p.admin == "" {
			return fmt.Errorf("enableVia %q registers only the delegated administrator, and "+
				"delegatedAdminAccountId is empty, so the integration would do nothing: set "+
				"delegatedAdminAccountId, or set enableVia to %q or leave it empty", enableViaNone, enableViaOrganizations)
		}
		p.enablePath = enableViaNone
	case enableViaOrganizations:
		if p.known && p.svc.EnableVia == EnableViaServiceOnly && !p.args.Force {
			return serviceOnlyError(p.field(), p.fieldValue(), p.svc)
		}
		p.enablePath = enableViaOrganizations
	case enableViaService:
		switch {
		case supported:
			p.enablePath, p.enableResource = enableViaService, p.svc.EnableResource
		case combined:
			p.enablePath, p.enableResource = enableViaService, p.adminResource
		default:
			return fmt.Errorf("enableVia %q: %s has no pulumi-aws resource of its own that enables trusted "+
				"access and that %s supports: set enableVia to %q (TrustedServiceAccess) or leave it empty, or "+
				"enable access another way and set enableVia to %q", enableViaService, p.label(), PackageName,
				enableViaOrganizations, enableViaNone)
		}
	case enableViaDefault:
		switch {
		case !p.known || p.svc.EnableVia == EnableViaOrganizations:
			p.enablePath = enableViaOrganizations
		case supported:
			p.enablePath, p.enableResource = enableViaService, p.svc.EnableResource
		case combined:
			p.enablePath, p.enableResource = enableViaService, p.adminResource
		case p.svc.EnableVia == EnableViaService || p.args.Force:
			// Organizations is the documented fallback for EnableVia "service".
			p.enablePath = enableViaOrganizations
		default:
			return fmt.Errorf("%w; or, if trusted access is managed elsewhere, set enableVia: %q",
				serviceOnlyError(p.field(), p.fieldValue(), p.svc), enableViaNone)
		}
	default:
		return fmt.Errorf("enableVia %q is not a valid value: use %q (the catalog's recommendation, the "+
			"default), %q, %q or %q", p.args.EnableVia, enableViaDefault, enableViaOrganizations,
			enableViaService, enableViaNone)
	}
	return nil
}

// field and fieldValue name the input that selected the service.
func (p *integrationPlan) field() string {
	if p.args.Service != "" {
		return "service"
	}
	return "servicePrincipal"
}

func (p *integrationPlan) fieldValue() string {
	if p.args.Service != "" {
		return p.args.Service
	}
	return p.args.ServicePrincipal
}

func (p *integrationPlan) resolveRegions() error {
	if len(p.args.Regions) == 0 {
		return nil
	}
	if p.admin == "" {
		return fmt.Errorf("regions %v apply only to the delegated administrator, and delegatedAdminAccountId is "+
			"empty: set delegatedAdminAccountId, or remove regions", p.args.Regions)
	}
	if p.adminMechanism != DelegatedAdminService || !p.svc.DelegatedAdminPerRegion {
		return fmt.Errorf("regions %v: the delegated administrator of %s is not designated per Region: remove "+
			"regions", p.args.Regions, p.label())
	}
	seen := map[string]bool{}
	for _, r := range p.args.Regions {
		if !regionPattern.MatchString(r) {
			return fmt.Errorf("regions: %q is not an AWS Region name: use names such as %q or %q", r,
				"us-east-1", "eu-west-1")
		}
		if seen[r] {
			return fmt.Errorf("regions: %q is listed twice: list each Region once", r)
		}
		seen[r] = true
	}
	p.regions = slices.Sorted(slices.Values(p.args.Regions))
	return nil
}

// awsInvokeOptions returns the invoke options that make an invoke use the aws
// provider the component's options give, directly or through its parent.
func awsInvokeOptions(opts []pulumi.ResourceOption) ([]pulumi.InvokeOption, error) {
	ro, err := pulumi.NewResourceOptions(opts...)
	if err != nil {
		return nil, err
	}
	var out []pulumi.InvokeOption
	if ro.Parent != nil {
		out = append(out, pulumi.Parent(ro.Parent))
	}
	if p, ok := ro.Provider.(*aws.Provider); ok {
		out = append(out, pulumi.Provider(p))
	}
	for _, pr := range ro.Providers {
		if p, ok := pr.(*aws.Provider); ok {
			out = append(out, pulumi.Provider(p))
		}
	}
	return out, nil
}

// lookupManagementAccount reads the organization's management account.
func lookupManagementAccount(ctx *pulumi.Context, opts []pulumi.ResourceOption) (string, error) {
	invokeOpts, err := awsInvokeOptions(opts)
	if err != nil {
		return "", fmt.Errorf("reading the resource options: %w", err)
	}
	org, err := organizations.LookupOrganization(ctx, invokeOpts...)
	if err != nil {
		return "", fmt.Errorf("looking up the organization's management account, to check that the delegated "+
			"administrator is not it: %w; set managementAccountId to skip the lookup", err)
	}
	return org.MasterAccountId, nil
}

// NewOrgServiceIntegration registers an OrgServiceIntegration: trusted access
// for a service, its delegated administrator after it, and a Ready output that
// resolves once both exist. Bad input, including the management account as
// delegated admin, is an error before anything is registered.
func NewOrgServiceIntegration(ctx *pulumi.Context, name string, args OrgServiceIntegrationArgs,
	opts ...pulumi.ResourceOption,
) (*OrgServiceIntegration, error) {
	wrap := func(err error) error { return fmt.Errorf("%s %q: %w", OrgServiceIntegrationToken, name, err) }
	plan, err := planOrgServiceIntegration(name, args)
	if err != nil {
		return nil, wrap(err)
	}
	if plan.needsManagementLookup() {
		mgmt, err := lookupManagementAccount(ctx, opts)
		if err != nil {
			return nil, wrap(err)
		}
		if err := plan.checkManagementAccount(mgmt, "read from the organization"); err != nil {
			return nil, wrap(err)
		}
	}
	return plan.register(ctx, nil, opts...)
}

// register creates the component and its children. after, when not nil, is
// the Organizations write this integration's first Organizations write must
// follow (OrgIntegrations chains integrations with it).
func (p *integrationPlan) register(ctx *pulumi.Context, after pulumi.Resource,
	opts ...pulumi.ResourceOption,
) (*OrgServiceIntegration, error) {
	name := p.name
	wrap := func(what string, err error) error {
		return fmt.Errorf("%s %q: registering %s: %w", OrgServiceIntegrationToken, name, what, err)
	}
	comp := &OrgServiceIntegration{}
	if err := ctx.RegisterComponentResource(OrgServiceIntegrationToken, name, comp, opts...); err != nil {
		return nil, wrap("the component", err)
	}
	// orgWriteOpts chains every Organizations write after the previous one:
	// Organizations rejects concurrent changes with
	// ConcurrentModificationException, and no data flows between them.
	prev := after
	orgWriteOpts := func(extra ...pulumi.Resource) []pulumi.ResourceOption {
		deps := slices.Clone(extra)
		if prev != nil && !slices.Contains(deps, prev) {
			deps = append(deps, prev)
		}
		o := []pulumi.ResourceOption{pulumi.Parent(comp)}
		if len(deps) > 0 {
			o = append(o, pulumi.DependsOn(deps))
		}
		return o
	}
	record := func(r pulumi.Resource) {
		comp.orgWrites = append(comp.orgWrites, r)
		prev = r
	}

	// 1. Trusted access.
	var accesses []pulumi.Resource
	switch {
	case p.enablePath == enableViaOrganizations:
		for i, principal := range p.principals {
			childName := name + "-access"
			if i > 0 {
				childName += "-" + principal
			}
			access, err := NewTrustedServiceAccess(ctx, childName, TrustedServiceAccessArgs{
				ServicePrincipal:      principal,
				DisableOnDelete:       p.args.DisableOnDelete,
				AllowUnknownPrincipal: p.args.AllowUnknownPrincipal,
				Force:                 p.args.Force,
			}, orgWriteOpts()...)
			if err != nil {
				return nil, wrap("trusted access", err)
			}
			accesses = append(accesses, access)
			record(access)
		}
	case p.enablePath == enableViaService && p.enableResource != p.adminResource:
		o := orgWriteOpts()
		if p.retainAccess() {
			o = append(o, pulumi.RetainOnDelete(true))
		}
		access, err := enableResources[p.enableResource](ctx, name+"-access", o...)
		if err != nil {
			return nil, wrap("trusted access", err)
		}
		accesses = append(accesses, access)
		record(access)
	}
	if len(accesses) > 0 {
		comp.Access = accesses[0]
	}

	// 2. The delegated administrator, after trusted access.
	if p.admin != "" {
		if err := p.registerAdmins(ctx, comp, accesses, orgWriteOpts, record); err != nil {
			return nil, wrap("the delegated administrator", err)
		}
		if p.enableResource == p.adminResource {
			comp.Access = comp.DelegatedAdmins[0]
		}
	}

	// 3. Outputs.
	ids := make([]any, 0, len(comp.orgWrites))
	for _, r := range comp.orgWrites {
		ids = append(ids, r.(pulumi.CustomResource).ID())
	}
	principal := p.principals[0]
	comp.ServicePrincipal = pulumi.String(principal).ToStringOutput()
	if p.admin != "" {
		comp.DelegatedAdminAccountID = pulumi.StringPtr(p.admin).ToStringPtrOutput()
	} else {
		comp.DelegatedAdminAccountID = comp.ServicePrincipal.ApplyT(func(string) *string { return nil }).(pulumi.StringPtrOutput)
	}
	comp.ServiceLinkedRoleNames = pulumi.ToStringArray(p.svc.ServiceLinkedRoles).ToStringArrayOutput()
	comp.EnablePath = pulumi.String(p.enablePath).ToStringOutput()
	// Ready carries the children's IDs, so it resolves only once they exist.
	comp.Ready = pulumi.All(ids...).ApplyT(func([]any) string { return principal }).(pulumi.StringOutput)
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"servicePrincipal":        comp.ServicePrincipal,
		"delegatedAdminAccountId": comp.DelegatedAdminAccountID,
		"serviceLinkedRoleNames":  comp.ServiceLinkedRoleNames,
		"enablePath":              comp.EnablePath,
		"ready":                   comp.Ready,
	}); err != nil {
		return nil, wrap("the outputs", err)
	}
	return comp, nil
}

// retainAccess says whether deleting a service enable resource must leave
// trusted access enabled.
func (p *integrationPlan) retainAccess() bool {
	if p.args.DisableOnDelete != nil {
		return !*p.args.DisableOnDelete
	}
	return p.svc.RetainOnDelete
}

func (p *integrationPlan) registerAdmins(ctx *pulumi.Context, comp *OrgServiceIntegration,
	accesses []pulumi.Resource, orgWriteOpts func(...pulumi.Resource) []pulumi.ResourceOption,
	record func(pulumi.Resource),
) error {
	name := p.name
	if p.adminMechanism == DelegatedAdminOrganizations {
		// One registration per principal: Organizations keeps one delegated
		// administrator per principal (Config has two).
		for i, principal := range p.principals {
			childName := name + "-admin"
			if i > 0 {
				childName += "-" + principal
			}
			// DependsOn the access: RegisterDelegatedAdministrator needs trusted
			// access enabled, and no data flows from it.
			admin, err := organizations.NewDelegatedAdministrator(ctx, childName,
				&organizations.DelegatedAdministratorArgs{
					AccountId:        pulumi.String(p.admin),
					ServicePrincipal: pulumi.String(principal),
				}, orgWriteOpts(accesses...)...)
			if err != nil {
				return err
			}
			comp.DelegatedAdmins = append(comp.DelegatedAdmins, admin)
			record(admin)
		}
		return nil
	}
	create := serviceAdminResources[p.adminResource]
	if len(p.regions) == 0 {
		// DependsOn the access: the service's admin API needs trusted access
		// enabled, and no data flows from it.
		admin, err := create(ctx, name+"-admin", p.admin, orgWriteOpts(accesses...)...)
		if err != nil {
			return err
		}
		comp.DelegatedAdmins = append(comp.DelegatedAdmins, admin)
		record(admin)
		return nil
	}
	for _, region := range p.regions {
		prov, err := aws.NewProvider(ctx, name+"-"+region, &aws.ProviderArgs{Region: pulumi.String(region)},
			pulumi.Parent(comp))
		if err != nil {
			return fmt.Errorf("the aws provider for %s: %w", region, err)
		}
		// DependsOn the access: the service's admin API needs trusted access
		// enabled, and no data flows from it.
		o := append(orgWriteOpts(accesses...), pulumi.Provider(prov))
		admin, err := create(ctx, name+"-admin-"+region, p.admin, o...)
		if err != nil {
			return fmt.Errorf("in %s: %w", region, err)
		}
		comp.DelegatedAdmins = append(comp.DelegatedAdmins, admin)
		record(admin)
	}
	return nil
}
