package components

import (
	"fmt"
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// This file registers a planned OrgServiceIntegration: trusted access, then
// the delegated administrators, then the outputs.

// register creates the component and its children. after, when not nil, is
// the Organizations write this integration's first Organizations write must
// follow (OrgIntegrations chains integrations with it). provs are the aws
// providers to share (an OrgIntegrations set's); nil gives the integration
// its own, named after it.
func (p *integrationPlan) register(ctx *pulumi.Context, after pulumi.Resource, provs *awsProviders,
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
	if provs == nil {
		provs = newAWSProviders(comp, name)
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
		o := append(orgWriteOpts(), p.accessImport()...)
		if p.retainAccess() {
			o = append(o, pulumi.RetainOnDelete(true))
		}
		access, err := p.enableResource.Enable()(ctx, name+"-access", o...)
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
		if err := p.registerAdmins(ctx, comp, provs, accesses, orgWriteOpts, record); err != nil {
			return nil, wrap("the delegated administrator", err)
		}
		if p.enableResource == p.adminResource {
			comp.Access = comp.DelegatedAdmins[0]
		}
	}

	// 3. The organization configuration, in the administrator's account,
	// after the registrations.
	configured, err := p.registerOrgConfig(ctx, comp, provs)
	if err != nil {
		return nil, wrap("the organization configuration", err)
	}
	comp.OrganizationConfiguration = configured

	// 4. Outputs.
	ids := make([]any, 0, len(comp.orgWrites)+len(configured))
	for _, r := range append(slices.Clone(comp.orgWrites), configured...) {
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
	return !p.svc.DisablesOnDelete(p.args.DisableOnDelete)
}

func (p *integrationPlan) registerAdmins(ctx *pulumi.Context, comp *OrgServiceIntegration, provs *awsProviders,
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
			o := append(orgWriteOpts(accesses...),
				p.adminImport(catalog.OrganizationsDelegatedAdministrator, principal, "")...)
			admin, err := catalog.NewDelegatedAdministrator(ctx, childName, p.admin, principal, o...)
			if err != nil {
				return err
			}
			comp.DelegatedAdmins = append(comp.DelegatedAdmins, admin)
			record(admin)
		}
		return nil
	}
	create := p.adminResource.Admin()
	if len(p.regions) == 0 {
		// DependsOn the access: the service's admin API needs trusted access
		// enabled, and no data flows from it.
		o := append(orgWriteOpts(accesses...), p.adminImport(p.adminResource, p.principals[0], "")...)
		admin, err := create(ctx, name+"-admin", p.admin, o...)
		if err != nil {
			return err
		}
		comp.DelegatedAdmins = append(comp.DelegatedAdmins, admin)
		record(admin)
		return nil
	}
	for _, region := range p.regions {
		prov, err := provs.management(ctx, region)
		if err != nil {
			return err
		}
		// DependsOn the access: the service's admin API needs trusted access
		// enabled, and no data flows from it.
		o := append(orgWriteOpts(accesses...), pulumi.Provider(prov))
		o = append(o, p.adminImport(p.adminResource, p.principals[0], region)...)
		admin, err := create(ctx, name+"-admin-"+region, p.admin, o...)
		if err != nil {
			return fmt.Errorf("in %s: %w", region, err)
		}
		if comp.adminByRegion == nil {
			comp.adminByRegion = map[string]pulumi.Resource{}
		}
		comp.adminByRegion[region] = admin
		comp.DelegatedAdmins = append(comp.DelegatedAdmins, admin)
		record(admin)
	}
	return nil
}
