package components

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

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
// registered, InputErrors listing every problem of every integration.
func NewOrgIntegrations(ctx *pulumi.Context, name string, args OrgIntegrationsArgs,
	opts ...pulumi.ResourceOption,
) (*OrgIntegrations, error) {
	wrap := func(err error) error { return componentError(OrgIntegrationsToken, name, err) }
	set, errs := planOrgIntegrations(name, args)
	if len(errs) > 0 {
		return nil, wrap(errs)
	}
	// The integrations share one organization: a managementAccountId given
	// to one serves them all (the plan checked them against it), and
	// otherwise one lookup does.
	if set.mgmt == "" || slices.ContainsFunc(set.plans, (*integrationPlan).needsMemberEmails) {
		var org organization
		for i, plan := range set.plans {
			if !plan.needsManagementLookup() {
				continue
			}
			if org.managementAccountID == "" {
				var err error
				if org, err = lookupManagementAccount(ctx, opts); err != nil {
					return nil, wrap(fmt.Errorf("integration %q: %w", set.specs[i].Name, err))
				}
			}
			errs.addAll(set.field(i), plan.checkRegionsPartition(org))
			if e := plan.checkAgainst(org); e != nil {
				errs.addAll(set.field(i), InputErrors{e})
			}
			errs.addAll(set.field(i), plan.checkOrgConfigTargets(org))
		}
	}
	// One lookup of the enabled Regions serves every integration: they
	// deploy with the same aws provider.
	regionErrs, err := checkOptInRegions(ctx, opts, set.plans)
	if err != nil {
		return nil, wrap(err)
	}
	for i, e := range regionErrs {
		errs.addAll(set.field(i), e)
	}
	if len(errs) > 0 {
		return nil, wrap(errs)
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
	// One aws provider per account and Region serves every integration.
	provs := newAWSProviders(comp, name)
	for i, plan := range set.plans {
		integration, err := plan.register(ctx, last, provs, pulumi.Parent(comp))
		if err != nil {
			return nil, wrap(err)
		}
		if n := len(integration.orgWrites); n > 0 {
			last = integration.orgWrites[n-1]
		}
		key := set.specs[i].Name
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
// in one never leaves another created. The error is NewOrgIntegrations's:
// InputErrors whose fields are paths in args, such as
// "integrations[1].args.service".
func CheckOrgIntegrations(name string, args OrgIntegrationsArgs) error {
	if _, errs := planOrgIntegrations(name, args); len(errs) > 0 {
		return componentError(OrgIntegrationsToken, name, errs)
	}
	return nil
}

// orgIntegrationsPlan is a validated OrgIntegrations.
type orgIntegrationsPlan struct {
	// specs are in name order, plans[i] is specs[i]'s, and positions[i] is
	// specs[i]'s position in the input, for error fields.
	specs     []OrgIntegrationSpec
	plans     []*integrationPlan
	positions []int
	// mgmt is the managementAccountId some integrations give, and mgmtFrom
	// the index in specs of the first that gives it.
	mgmt     string
	mgmtFrom int
}

// field is the path of specs[i]'s args in the input.
func (s *orgIntegrationsPlan) field(i int) string {
	return fmt.Sprintf("integrations[%d].args", s.positions[i])
}

// planOrgIntegrations validates the set, without lookups, and reports every
// problem of every integration, in the order the integrations are given.
func planOrgIntegrations(name string, args OrgIntegrationsArgs) (*orgIntegrationsPlan, InputErrors) {
	if len(args.Integrations) == 0 {
		var errs InputErrors
		errs.addSubject("integrations", "", "is empty: list at least one integration, such as "+
			"{name: %q, args: {service: %q}}", "guardduty", "guardduty")
		return nil, errs
	}
	order := make([]int, len(args.Integrations))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return strings.Compare(args.Integrations[a].Name, args.Integrations[b].Name)
	})
	out := &orgIntegrationsPlan{positions: order, mgmtFrom: -1}
	// byPosition holds each integration's problems, by its position in the
	// input, so that they are reported in that order.
	byPosition := make([]InputErrors, len(order))
	for i, pos := range order {
		spec := args.Integrations[pos]
		out.specs = append(out.specs, spec)
		errs := &byPosition[pos]
		nameField := fmt.Sprintf("integrations[%d].name", pos)
		if !isSpecName(spec.Name) {
			errs.addSubject(nameField, spec.Name, "%q is not valid: use letters, digits, '.', '_' and '-', such "+
				"as %q", spec.Name, "guardduty")
		} else if i > 0 && out.specs[i-1].Name == spec.Name {
			errs.addSubject(nameField, spec.Name, "%q is used twice, as integrations[%d].name: give each "+
				"integration its own name", spec.Name, order[i-1])
		}
		plan, planErrs := planOrgServiceIntegration(name+"-"+spec.Name, spec.Args)
		errs.addAll(out.field(i), planErrs)
		out.plans = append(out.plans, plan)
	}
	// Organizations enables a principal once and keeps one delegated
	// administrator per principal: two integrations managing one principal
	// would fail at the second registration, and deleting either would undo
	// the other's access. The integration first in name order keeps it.
	claimed := map[string]int{}
	for i, plan := range out.plans {
		for _, principal := range plan.principals {
			if j, ok := claimed[principal]; ok {
				field, value := plan.field()
				byPosition[order[i]].addSubject(out.field(i)+"."+field, value, "%q manages %s, as integration %q "+
					"(integrations[%d]) does: list each service principal in one integration only (a service "+
					"enables every principal the catalog lists for it)", value, principal, out.specs[j].Name,
					order[j])
				break
			}
		}
		for _, principal := range plan.principals {
			if _, ok := claimed[principal]; !ok {
				claimed[principal] = i
			}
		}
	}
	// The integrations share one organization: its management account is
	// one, and a managementAccountId given to one integration serves all.
	for i, plan := range out.plans {
		m := plan.args.ManagementAccountID
		switch {
		case m == "" || !accountIDPattern.MatchString(m):
		case out.mgmt == "":
			out.mgmt, out.mgmtFrom = m, i
		case m != out.mgmt:
			byPosition[order[i]].addSubject(out.field(i)+".managementAccountId", m, "%q differs from the "+
				"managementAccountId of integration %q, %q, but an organization has one management account: give "+
				"them the same value, or remove it from all but one", m, out.specs[out.mgmtFrom].Name, out.mgmt)
		}
	}
	if out.mgmt != "" {
		source := fmt.Sprintf("managementAccountId of integration %q", out.specs[out.mgmtFrom].Name)
		for i, plan := range out.plans {
			if plan.needsManagementLookup() {
				if e := plan.checkManagementAccount(out.mgmt, source); e != nil {
					byPosition[order[i]].addAll(out.field(i), InputErrors{e})
				}
			}
		}
	}
	// The integrations share one aws provider per administrator account and
	// Region, which assumes one role: the integrations with one
	// administrator must give it the same role.
	roles := map[string]int{}
	for i, plan := range out.plans {
		if plan == nil || plan.orgConfig == nil || plan.orgConfig.roleArn == "" {
			continue
		}
		j, ok := roles[plan.admin]
		if !ok {
			roles[plan.admin] = i
			continue
		}
		if other := out.plans[j].orgConfig.roleArn; other != plan.orgConfig.roleArn {
			byPosition[order[i]].addSubject(out.field(i)+"."+orgConfigField+".administratorRole",
				plan.orgConfig.cfg.AdministratorRole, "reaches the delegated administrator %s with %s, but integration "+
					"%q (integrations[%d]) reaches it with %s, and one aws provider per account and Region serves "+
					"both: give them the same administratorRole", plan.admin, plan.orgConfig.roleArn,
				out.specs[j].Name, order[j], other)
		}
	}
	var errs InputErrors
	for _, e := range byPosition {
		errs = append(errs, e...)
	}
	return out, withText(checkText(args), errs)
}
