package components

import (
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
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// This file registers a planned OrgServiceIntegration: trusted access, then
// the delegated administrators, then the outputs.

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
}

// ipamAdminToken is the IPAM admin resource, which also enables IPAM's trusted
// access (ec2:EnableIpamOrganizationAdminAccount does both).
const ipamAdminToken = "aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount"

// delegatedAdministratorToken is Organizations RegisterDelegatedAdministrator.
const delegatedAdministratorToken = "aws:organizations/delegatedAdministrator:DelegatedAdministrator"

type adminFunc func(ctx *pulumi.Context, name, accountID string, opts ...pulumi.ResourceOption) (pulumi.CustomResource, error)

// serviceAdminResources register a delegated administrator with the service's
// own API, by pulumi-aws token. aws-native v1.38.0 adds none that pulumi-aws
// v6 lacks (it has securityhub DelegatedAdmin and detective OrganizationAdmin,
// both covered here), so services outside this table fail at preview.
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
