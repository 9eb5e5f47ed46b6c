package components

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// OrgIntegrationsToken is the type token of the OrgIntegrations component.
const OrgIntegrationsToken = PackageName + ":index:OrgIntegrations"

// OrgIntegrationSpec is one integration of an OrgIntegrations set.
type OrgIntegrationSpec struct {
	// Name keys the integration in the set; its child is named <set>-<name>.
	Name string `pulumi:"name"`
	// Args are the integration's inputs.
	Args OrgServiceIntegrationArgs `pulumi:"args"`
}

// Annotate documents the type for the provider schema.
func (s *OrgIntegrationSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "One integration of an OrgIntegrations set: a name and the inputs of an OrgServiceIntegration.")
	a.Describe(&s.Name, "Keys the integration in the set, such as `guardduty`: its OrgServiceIntegration is "+
		"named `<set name>-<name>`, so reordering the list replaces nothing. Letters, digits, `.`, `_` and "+
		"`-`; unique in the set.")
	a.Describe(&s.Args, "The inputs of the integration's OrgServiceIntegration.")
}

// OrgIntegrationsArgs are the inputs of OrgIntegrations.
type OrgIntegrationsArgs struct {
	// Integrations are the integrations, keyed by name.
	Integrations []OrgIntegrationSpec `pulumi:"integrations"`
}

// Annotate documents the inputs for the provider schema.
func (a *OrgIntegrationsArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.Integrations, "The integrations to create, each keyed by its name. They are created in "+
		"name order, whatever their order in the list.")
}

// OrgIntegrations is a set of OrgServiceIntegrations whose writes to AWS
// Organizations are serialized across the whole set.
type OrgIntegrations struct {
	pulumi.ResourceState

	// ServicePrincipals are the integrations' primary principals, by name.
	ServicePrincipals pulumi.StringMapOutput `pulumi:"servicePrincipals"`
	// EnablePaths are the paths the integrations used, by name.
	EnablePaths pulumi.StringMapOutput `pulumi:"enablePaths"`
	// Ready resolves, by name, to each integration's principal once the
	// integration exists; the map as a whole resolves once all do.
	Ready pulumi.StringMapOutput `pulumi:"ready"`

	// Integrations are the children, by name (Go only, not in the schema).
	Integrations map[string]*OrgServiceIntegration
}

// Annotate documents the component for the provider schema.
func (c *OrgIntegrations) Annotate(a infer.Annotator) {
	a.Describe(c, "A set of OrgServiceIntegrations, created in name order, whose writes to AWS Organizations "+
		"(trusted access and delegated-administrator registrations) form a single chain: each waits for the "+
		"one before, across the whole set, because Organizations rejects concurrent changes with "+
		"`ConcurrentModificationException`. A program with many integrations therefore never races inside "+
		"Organizations because of its own parallelism. Every integration is validated before anything is "+
		"registered, and the organization's management account is looked up at most once.\n\n"+
		"Depending on the set (`dependsOn`) waits for every integration; destruction runs in reverse.")
	a.Describe(&c.ServicePrincipals, "Each integration's primary service principal, by integration name.")
	a.Describe(&c.EnablePaths, "The path each integration used to enable trusted access (`organizations`, "+
		"`service` or `none`), by integration name.")
	a.Describe(&c.Ready, "Each integration's `ready` output, by integration name: the map resolves once every "+
		"integration's trusted access and delegated administrators exist.")
}

// isSpecName reports whether s is a valid integration name.
func isSpecName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' ||
			r == '.') {
			return false
		}
	}
	return true
}

// NewOrgIntegrations registers a set of OrgServiceIntegrations. Each
// integration is a child named name+"-"+spec.Name. Every integration is
// validated first: bad input anywhere is an error before anything is
// registered.
func NewOrgIntegrations(ctx *pulumi.Context, name string, args OrgIntegrationsArgs,
	opts ...pulumi.ResourceOption,
) (*OrgIntegrations, error) {
	wrap := func(err error) error { return fmt.Errorf("%s %q: %w", OrgIntegrationsToken, name, err) }
	set, err := planOrgIntegrations(name, args)
	if err != nil {
		return nil, wrap(err)
	}
	specs, plans, mgmt, mgmtFrom := set.specs, set.plans, set.mgmt, set.mgmtFrom
	for i, plan := range plans {
		if !plan.needsManagementLookup() {
			continue
		}
		if mgmt == "" {
			m, err := lookupManagementAccount(ctx, opts)
			if err != nil {
				return nil, wrap(fmt.Errorf("integration %q: %w", specs[i].Name, err))
			}
			mgmt = m
		}
		source := "read from the organization"
		if mgmtFrom != "" {
			source = fmt.Sprintf("managementAccountId of integration %q", mgmtFrom)
		}
		if err := plan.checkManagementAccount(mgmt, source); err != nil {
			return nil, wrap(fmt.Errorf("integration %q: %w", specs[i].Name, err))
		}
	}

	comp := &OrgIntegrations{Integrations: map[string]*OrgServiceIntegration{}}
	if err := ctx.RegisterComponentResource(OrgIntegrationsToken, name, comp, opts...); err != nil {
		return nil, wrap(fmt.Errorf("registering the component: %w", err))
	}
	principals, paths, ready := pulumi.StringMap{}, pulumi.StringMap{}, pulumi.StringMap{}
	// last is the previous integration's last Organizations write: the next
	// integration's first one is chained after it, because Organizations
	// rejects concurrent changes and no data flows between integrations.
	var last pulumi.Resource
	for i, plan := range plans {
		integration, err := plan.register(ctx, last, pulumi.Parent(comp))
		if err != nil {
			return nil, wrap(err)
		}
		if n := len(integration.orgWrites); n > 0 {
			last = integration.orgWrites[n-1]
		}
		key := specs[i].Name
		comp.Integrations[key] = integration
		principals[key] = integration.ServicePrincipal
		paths[key] = integration.EnablePath
		ready[key] = integration.Ready
	}
	comp.ServicePrincipals = principals.ToStringMapOutput()
	comp.EnablePaths = paths.ToStringMapOutput()
	comp.Ready = ready.ToStringMapOutput()
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"servicePrincipals": comp.ServicePrincipals,
		"enablePaths":       comp.EnablePaths,
		"ready":             comp.Ready,
	}); err != nil {
		return nil, wrap(fmt.Errorf("registering the outputs: %w", err))
	}
	return comp, nil
}

// CheckOrgIntegrations checks args as NewOrgIntegrations does before it
// registers anything, without registering or looking anything up: a program
// that builds several components can check them all first, so that bad input
// in one never leaves another created. The error is NewOrgIntegrations's.
func CheckOrgIntegrations(name string, args OrgIntegrationsArgs) error {
	if _, err := planOrgIntegrations(name, args); err != nil {
		return fmt.Errorf("%s %q: %w", OrgIntegrationsToken, name, err)
	}
	return nil
}

// orgIntegrationsPlan is a validated OrgIntegrations.
type orgIntegrationsPlan struct {
	// specs are in name order, and plans[i] is specs[i]'s.
	specs []OrgIntegrationSpec
	plans []*integrationPlan
	// mgmt is the managementAccountId some integrations give, and mgmtFrom
	// the name of the first that gives it.
	mgmt, mgmtFrom string
}

// planOrgIntegrations validates the set, without lookups.
func planOrgIntegrations(name string, args OrgIntegrationsArgs) (*orgIntegrationsPlan, error) {
	if len(args.Integrations) == 0 {
		return nil, fmt.Errorf("integrations is empty: list at least one integration, such as "+
			"{name: %q, args: {service: %q}}", "guardduty", "guardduty")
	}
	specs := slices.Clone(args.Integrations)
	slices.SortStableFunc(specs, func(a, b OrgIntegrationSpec) int { return strings.Compare(a.Name, b.Name) })
	out := &orgIntegrationsPlan{specs: specs, plans: make([]*integrationPlan, len(specs))}
	for i, spec := range specs {
		if !isSpecName(spec.Name) {
			return nil, fmt.Errorf("integrations: name %q is not valid: use letters, digits, '.', '_' and "+
				"'-', such as %q", spec.Name, "guardduty")
		}
		if i > 0 && specs[i-1].Name == spec.Name {
			return nil, fmt.Errorf("integrations: name %q is used twice: give each integration its own name",
				spec.Name)
		}
		plan, err := planOrgServiceIntegration(name+"-"+spec.Name, spec.Args)
		if err != nil {
			return nil, fmt.Errorf("integration %q: %w", spec.Name, err)
		}
		out.plans[i] = plan
	}
	// Organizations enables a principal once and keeps one delegated
	// administrator per principal: two integrations managing one principal
	// would fail at the second registration, and deleting either would undo
	// the other's access.
	claimed := map[string]string{}
	for i, plan := range out.plans {
		field, value := "service", plan.args.Service
		if value == "" {
			field, value = "servicePrincipal", plan.args.ServicePrincipal
		}
		for _, principal := range plan.principals {
			if other, ok := claimed[principal]; ok {
				return nil, fmt.Errorf("integration %q: %s %q manages %s, as integration %q does: list each "+
					"service principal in one integration only (a service enables every principal the catalog "+
					"lists for it)", specs[i].Name, field, value, principal, other)
			}
			claimed[principal] = specs[i].Name
		}
	}
	// The integrations share one organization: a managementAccountId given to
	// one serves them all, and otherwise one lookup does.
	for i, plan := range out.plans {
		m := plan.args.ManagementAccountID
		switch {
		case m == "":
		case out.mgmt == "":
			out.mgmt, out.mgmtFrom = m, specs[i].Name
		case m != out.mgmt:
			return nil, fmt.Errorf("integrations %q and %q give different managementAccountId values, %q "+
				"and %q, but an organization has one management account: give them the same value, or remove "+
				"it from all but one", out.mgmtFrom, specs[i].Name, out.mgmt, m)
		}
	}
	return out, nil
}
