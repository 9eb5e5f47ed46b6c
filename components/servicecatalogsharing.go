package components

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/servicecatalog"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

//go:embed servicecatalogsharing.md
var serviceCatalogSharingDoc string

// ServiceCatalogSharingArgs are the inputs of ServiceCatalogSharing. They are
// plain values, so every ID is checked and every child keyed at preview.
type ServiceCatalogSharingArgs struct {
	// EnableVia is how organization access is enabled: "" (or "service"):
	// Service Catalog's own EnableAWSOrganizationsAccess, as AWS recommends;
	// "organizations": Organizations EnableAWSServiceAccess; "none": not here.
	EnableVia string `pulumi:"enableVia,optional"`
	// DelegatedAdminAccountID registers this member account as Service
	// Catalog's delegated administrator.
	DelegatedAdminAccountID string `pulumi:"delegatedAdminAccountId,optional"`
	// ManagementAccountID is the organization's management account.
	ManagementAccountID string `pulumi:"managementAccountId,optional"`
	// OrganizationID is the organization's ID (o-...).
	OrganizationID string `pulumi:"organizationId,optional"`
	// DisableAccessOnDelete disables organization access when the component is
	// deleted. Default false: access stays enabled.
	DisableAccessOnDelete *bool `pulumi:"disableAccessOnDelete,optional"`
	// OrganizationAccessManagedElsewhere allows organization shares with
	// EnableVia "none", when another stack or the console enables access.
	OrganizationAccessManagedElsewhere bool `pulumi:"organizationAccessManagedElsewhere,optional"`
	// Portfolios are the portfolios to share.
	Portfolios []PortfolioSpec `pulumi:"portfolios,optional"`
	// Adopt says which children exist already, to import them.
	Adopt *ServiceCatalogAdoptSpec `pulumi:"adopt,optional"`
}

// ServiceCatalogSharing shares Service Catalog portfolios across the
// organization: it enables organization access through Service Catalog's own
// API (through OrgServiceIntegration), optionally registers a delegated
// administrator, creates or adopts portfolios, shares them and associates
// principals, with shares ordered after access.
type ServiceCatalogSharing struct {
	pulumi.ResourceState

	PortfolioIDs              pulumi.StringMapOutput `pulumi:"portfolioIds"`
	ShareIDs                  pulumi.StringMapOutput `pulumi:"shareIds"`
	OrganizationAccessEnabled pulumi.BoolOutput      `pulumi:"organizationAccessEnabled"`
	Ready                     pulumi.StringOutput    `pulumi:"ready"`

	// Integration is the OrgServiceIntegration child (Go only).
	Integration *OrgServiceIntegration

	// children are the custom resources registered, for DependsOn.
	children []pulumi.Resource
}

// Annotate describes the component for the provider schema.
func (c *ServiceCatalogSharing) Annotate(a infer.Annotator) {
	a.Describe(c, serviceCatalogSharingDoc)
	a.Describe(&c.PortfolioIDs, "The ID of every portfolio, by its key: the given ID of an existing portfolio, "+
		"or the ID of the portfolio the component created.")
	a.Describe(&c.ShareIDs, "The ID of every portfolio share, by `<portfolio key>/<share type>/<target ID>`, "+
		"such as `platform/ORGANIZATIONAL_UNIT/ou-ab12-cdef3456`.")
	a.Describe(&c.OrganizationAccessEnabled, "True once this component has enabled Service Catalog's "+
		"organization access (enableVia `\"\"`, `service` or `organizations`); false with enableVia `none`.")
	a.Describe(&c.Ready, "Resolves, to the organization integration's `ready` value, once organization access, "+
		"the delegated administrator, every portfolio, share and principal association exist. Depend on it (or "+
		"on the component) before adding products or constraints that need the shares.")
}

// Annotate describes the arguments for the provider schema.
func (a *ServiceCatalogSharingArgs) Annotate(an infer.Annotator) {
	an.Describe(a, "The inputs of ServiceCatalogSharing.")
	an.Describe(&a.EnableVia, "How Service Catalog's AWS Organizations access is enabled: `\"\"` (default) or "+
		"`service` use Service Catalog's own EnableAWSOrganizationsAccess (`aws.servicecatalog.OrganizationsAccess`), "+
		"which AWS strongly recommends so that Service Catalog does its setup; `organizations` falls back to "+
		"Organizations EnableAWSServiceAccess (orgtrust `TrustedServiceAccess`); `none` leaves access to someone "+
		"else, and then organization shares are refused unless `organizationAccessManagedElsewhere` is set.")
	an.Describe(&a.DelegatedAdminAccountID, "A member account to register as Service Catalog's delegated "+
		"administrator (Organizations RegisterDelegatedAdministrator for `servicecatalog.amazonaws.com`). It can "+
		"then create portfolio shares to organization nodes itself.")
	an.Describe(&a.ManagementAccountID, "The organization's management account ID (12 digits). Organization and "+
		"OU shares are sent as organization ARNs, which contain it; when empty it is looked up with "+
		"`aws.organizations.getOrganization`.")
	an.Describe(&a.OrganizationID, "The organization's ID (`o-...`). OU shares are sent as OU ARNs, which contain "+
		"it; when empty it is looked up with `aws.organizations.getOrganization`. An ORGANIZATION share must name "+
		"this organization: the given one, or, when empty, the one looked up.")
	an.Describe(&a.DisableAccessOnDelete, "Whether deleting the component disables Service Catalog's "+
		"organization access. Default false: access stays enabled, because disabling it leaves every share made "+
		"outside this component out of sync with the organization. When true, every preview warns about that.")
	an.Describe(&a.OrganizationAccessManagedElsewhere, "Declares that organization access is enabled outside "+
		"this component (the management account's stack, the console), so that organization shares are allowed "+
		"with enableVia `none`, as when sharing from the delegated administrator account.")
	an.Describe(&a.Portfolios, "The portfolios to share, each with a stable key.")
	an.Describe(&a.Adopt, "What of the sharing exists already (`orgtrust discover` writes it), to import on the "+
		"first `pulumi up`; remove it after that up.")
}

// NewServiceCatalogSharing registers a ServiceCatalogSharing component. Bad
// input is an error before anything is registered: InputErrors listing every
// problem.
func NewServiceCatalogSharing(ctx *pulumi.Context, name string, args ServiceCatalogSharingArgs,
	opts ...pulumi.ResourceOption,
) (*ServiceCatalogSharing, error) {
	wrap := func(err error) error { return componentError(ServiceCatalogSharingToken, name, err) }
	plan, integrationPlan, errs := scCheck(name, args)
	if len(errs) > 0 {
		return nil, wrap(errs)
	}
	org, err := scResolveOrganization(ctx, args, plan, integrationPlan, opts)
	if err != nil {
		return nil, wrap(err)
	}
	withIntegration := integrationPlan != nil

	comp := &ServiceCatalogSharing{}
	if err := ctx.RegisterComponentResource(ServiceCatalogSharingToken, name, comp, opts...); err != nil {
		return nil, fmt.Errorf("registering %s %q: %w", ServiceCatalogSharingToken, name, err)
	}
	if plan.accessOn && plan.disableOnDelete {
		if err := ctx.Log.Warn(scDisableAccessWarning(name, plan.organizationNodeCnt),
			&pulumi.LogArgs{Resource: comp}); err != nil {
			return nil, fmt.Errorf("%s %q: warning about disableAccessOnDelete: %w", ServiceCatalogSharingToken,
				name, err)
		}
	}

	// accessDeps is what an organization-node share waits for. No output of
	// the integration flows into a share, yet CreatePortfolioShare to an
	// organization node fails until organization access is enabled, and a
	// destroy must delete the shares before access is disabled: hence
	// DependsOn, on the integration's children themselves (see
	// dependsOnChildren for why not on the component).
	var accessDeps []pulumi.Resource
	if withIntegration {
		integration, err := integrationPlan.register(ctx, nil, nil, pulumi.Parent(comp))
		if err != nil {
			return nil, fmt.Errorf("%s %q: creating the organization integration: %w", ServiceCatalogSharingToken,
				name, err)
		}
		comp.Integration = integration
		accessDeps = slices.Clone(integration.orgWrites)
		comp.children = append(comp.children, accessDeps...)
	}

	portfolioIDs := pulumi.StringMap{}
	shareIDs := pulumi.StringMap{}
	var waits []any
	for _, p := range plan.portfolios {
		portfolioID, err := scRegisterPortfolio(ctx, comp, name, p)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", ServiceCatalogSharingToken, name, err)
		}
		portfolioIDs[p.key] = portfolioID
		waits = append(waits, portfolioID)

		var associations []pulumi.Resource
		for _, pr := range p.principals {
			assoc, err := servicecatalog.NewPrincipalPortfolioAssociation(ctx,
				name+"-principal-"+p.key+"-"+pr.id, &servicecatalog.PrincipalPortfolioAssociationArgs{
					PortfolioId:   portfolioID,
					PrincipalArn:  pulumi.String(pr.arn),
					PrincipalType: pulumi.String("IAM_PATTERN"),
				}, append([]pulumi.ResourceOption{pulumi.Parent(comp)}, p.principalImport(pr)...)...)
			if err != nil {
				return nil, fmt.Errorf("%s %q: associating %s with portfolio %q: %w", ServiceCatalogSharingToken,
					name, pr.arn, p.key, err)
			}
			associations = append(associations, assoc)
			comp.children = append(comp.children, assoc)
			waits = append(waits, assoc.ID())
		}

		for _, s := range p.shares {
			var deps []pulumi.Resource
			if s.orgNode {
				deps = append(deps, accessDeps...)
			}
			if s.sharePrincipals {
				// A principal-sharing share carries the portfolio's
				// associations to the recipients: create them first, and
				// delete the share before them. No data links them.
				deps = append(deps, associations...)
			}
			shareOpts := []pulumi.ResourceOption{pulumi.Parent(comp)}
			if len(deps) > 0 {
				shareOpts = append(shareOpts, pulumi.DependsOn(deps))
			}
			principalID := scSharePrincipalID(s, org)
			shareOpts = append(shareOpts, p.shareImport(s, principalID)...)
			sa := &servicecatalog.PortfolioShareArgs{
				PortfolioId: portfolioID,
				PrincipalId: pulumi.String(principalID),
				Type:        pulumi.String(s.shareType),
			}
			if s.shareTagOptions {
				sa.ShareTagOptions = pulumi.Bool(true)
			}
			if s.sharePrincipals {
				sa.SharePrincipals = pulumi.Bool(true)
			}
			share, err := servicecatalog.NewPortfolioShare(ctx, name+"-share-"+s.childName(p.key), sa, shareOpts...)
			if err != nil {
				return nil, fmt.Errorf("%s %q: sharing portfolio %q with %s %s: %w", ServiceCatalogSharingToken,
					name, p.key, s.shareType, s.targetID, err)
			}
			shareIDs[s.key(p.key)] = share.ID().ToStringOutput()
			comp.children = append(comp.children, share)
			waits = append(waits, share.ID())
		}
	}

	comp.PortfolioIDs = portfolioIDs.ToStringMapOutput()
	comp.ShareIDs = shareIDs.ToStringMapOutput()
	if comp.Integration != nil {
		accessOn := plan.accessOn
		waits = append(waits, comp.Integration.Ready)
		comp.OrganizationAccessEnabled = comp.Integration.Ready.ApplyT(
			func(string) bool { return accessOn }).(pulumi.BoolOutput)
	} else {
		comp.OrganizationAccessEnabled = pulumi.Bool(false).ToBoolOutput()
	}
	comp.Ready = pulumi.All(waits...).ApplyT(func([]any) string { return serviceCatalogPrincipal }).(pulumi.StringOutput)

	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"portfolioIds":              comp.PortfolioIDs,
		"shareIds":                  comp.ShareIDs,
		"organizationAccessEnabled": comp.OrganizationAccessEnabled,
		"ready":                     comp.Ready,
	}); err != nil {
		return nil, fmt.Errorf("registering outputs of %s %q: %w", ServiceCatalogSharingToken, name, err)
	}
	return comp, nil
}

// serviceCatalogPrincipal is Service Catalog's service principal.
const serviceCatalogPrincipal = "servicecatalog.amazonaws.com"

// serviceCatalogIntegrationArgs returns the arguments of the integration child
// and whether there is one: none with enableVia "none" and no delegated
// administrator, when it would have nothing to do.
func serviceCatalogIntegrationArgs(args ServiceCatalogSharingArgs, plan scSharingPlan,
) (OrgServiceIntegrationArgs, bool) {
	ia := OrgServiceIntegrationArgs{
		Service:                 "servicecatalog",
		DelegatedAdminAccountID: args.DelegatedAdminAccountID,
		ManagementAccountID:     args.ManagementAccountID,
		EnableVia:               args.EnableVia,
	}
	if args.Adopt != nil && args.Adopt.DelegatedAdmin {
		ia.Adopt = &IntegrationAdoptSpec{DelegatedAdmin: true}
	}
	switch args.EnableVia {
	case "", "service", "organizations", "none":
	default:
		// The component reports it, in its own words.
		ia.EnableVia = ""
	}
	if plan.accessOn {
		// Unlike the catalog default, keep access enabled when the component
		// is deleted unless disableAccessOnDelete asks otherwise.
		ia.DisableOnDelete = pulumi.BoolRef(plan.disableOnDelete)
	}
	return ia, plan.accessOn || args.DelegatedAdminAccountID != ""
}

// scCheck plans the component and its integration child, nil when it has
// none, and returns every problem of both.
func scCheck(name string, args ServiceCatalogSharingArgs) (scSharingPlan, *integrationPlan, InputErrors) {
	plan, errs := planServiceCatalogSharing(args)
	ia, with := serviceCatalogIntegrationArgs(args, plan)
	if !with {
		if m := args.ManagementAccountID; m != "" && !accountIDPattern.MatchString(m) {
			errs.notManagementAccountID(m)
		}
		return plan, nil, withText(checkText(args), errs)
	}
	// The integration's fields (delegatedAdminAccountId,
	// managementAccountId, enableVia) are the component's own, under the
	// same names.
	integration, integrationErrs := planOrgServiceIntegration(name+"-integration", ia)
	return plan, integration, withText(checkText(args), append(integrationErrs, errs...))
}

// CheckServiceCatalogSharing checks args as NewServiceCatalogSharing does
// before it registers anything, without registering or looking anything up:
// a program that builds several components can check them all first, so that
// bad input in one never leaves another created. What needs the organization
// (its ID, the management account) is checked here only where args give it;
// NewServiceCatalogSharing looks the rest up before it registers anything.
// The error is NewServiceCatalogSharing's: InputErrors listing every problem.
func CheckServiceCatalogSharing(name string, args ServiceCatalogSharingArgs) error {
	if _, _, errs := scCheck(name, args); len(errs) > 0 {
		return componentError(ServiceCatalogSharingToken, name, errs)
	}
	return nil
}
