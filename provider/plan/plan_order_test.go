package plan_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// accessTypes are the resources that enable trusted access.
var accessTypes = map[string]bool{
	"orgtrust:index:TrustedServiceAccess":                                     true,
	"aws:servicecatalog/organizationsAccess:OrganizationsAccess":              true,
	"aws:ram/sharingWithOrganization:SharingWithOrganization":                 true,
	"aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount": true,
}

// before returns every resource that must exist before urn: the transitive
// closure of the graph's predecessor edges.
func before(g *plan.Graph, urn string) map[string]bool {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(u string) {
		for _, p := range g.Predecessors(u) {
			if !seen[p] {
				seen[p] = true
				walk(p)
			}
		}
	}
	walk(urn)
	return seen
}

// customBelow lists the custom resources below a component.
func customBelow(g *plan.Graph, urn string) []string {
	var out []string
	for _, d := range g.Descendants(urn) {
		if g.Resources[d].Custom {
			out = append(out, d)
		}
	}
	return out
}

// orgWrites lists the resources below a component that write to AWS
// Organizations: the children of its OrgServiceIntegrations, providers aside.
func orgWrites(g *plan.Graph, urn string) []string {
	var out []string
	for _, d := range customBelow(g, urn) {
		if parent := g.Resources[g.ParentOf(d)]; parent.Type == components.OrgServiceIntegrationToken &&
			!strings.HasPrefix(g.Resources[d].Type, "pulumi:providers:") && !inAdministratorAccount(g, d) {
			out = append(out, d)
		}
	}
	return out
}

// inAdministratorAccount says whether urn is an organization configuration
// resource: one whose provider assumes a role in the delegated
// administrator's account. Those are not Organizations writes.
func inAdministratorAccount(g *plan.Graph, urn string) bool {
	for _, e := range g.Resources[urn].Deps {
		if e.Kind == plan.EdgeProvider {
			if _, ok := g.Resources[e.URN].Inputs["assumeRole"]; ok {
				return true
			}
		}
	}
	return false
}

func findComponent(g *plan.Graph, typ, name string) string {
	for urn, r := range g.Resources {
		if r.Type == typ && r.Name == name {
			return urn
		}
	}
	return ""
}

// TestPlanTrustedAccessComesFirst checks, for the create order of every
// configuration: trusted access is created before its delegated admin and
// before every resource that needs it, because the recorded edges say so (not
// by the luck of the tie-break); every resource comes after all its
// predecessors; and the destroy order is exactly the reverse.
func TestPlanTrustedAccessComesFirst(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, config, fixtures string
	}{
		{name: "example", config: exampleStackConfig, fixtures: exampleFixtures},
		{name: "example, every lookup made up", config: exampleStackConfig},
		{name: "service catalog through organizations, ipam, enableVia none", fixtures: exampleFixtures, config: `
  orgtrust-baseline:integrations:
    - {service: ipam, delegatedAdminAccountId: "222222222222"}
    - {service: detective, delegatedAdminAccountId: "222222222222", enableVia: none, regions: [us-east-1]}
    - {service: ssm, delegatedAdminAccountId: "222222222222"}
    - {service: macie, delegatedAdminAccountId: "222222222222", enableVia: organizations, regions: [eu-west-1, us-east-1]}
  orgtrust-baseline:serviceCatalog:
    enableVia: organizations
    delegatedAdminAccountId: "555555555555"
    portfolios:
      - key: platform
        create: {name: Platform, providerName: Platform team}
        shares: [{type: ORGANIZATION, id: o-a1b2c3d4e5}, {type: ACCOUNT, id: "999999999999"}]
        sharePrincipals: true
        principalAssociations: [{iamRolePattern: Launcher*}]`},
		{name: "identity center alone, instance given", fixtures: exampleFixtures, config: `
  orgtrust-baseline:identityCenter:
    instanceArn: arn:aws:sso:::instance/ssoins-1234567890abcdef
    identityStoreId: d-1234567890
    permissionSets: [{name: Admin, managedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]}]
    groups: [{displayName: Ops}]
    assignments: [{permissionSet: Admin, principals: [{type: GROUP, name: Ops}], organizationalUnitIds: [r-ab12]}]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := tc.config
			if strings.HasPrefix(tc.config, "\n") {
				path = writeStackConfig(t, "order", "config:\n"+strings.TrimPrefix(tc.config, "\n")+"\n")
			}
			p := runPlan(t, path, tc.fixtures)
			require.Empty(t, p.Errors)
			g := p.Graph
			require.Len(t, p.Create, len(g.Resources))

			// The destroy order is exactly the create order reversed.
			reversed := slices.Clone(p.Create)
			slices.Reverse(reversed)
			require.Equal(t, reversed, p.Destroy)

			// Every resource comes after its parent and its dependencies.
			pos := map[string]int{}
			for i, urn := range p.Create {
				pos[urn] = i
			}
			for _, urn := range p.Create {
				for _, pred := range g.Predecessors(urn) {
					require.Less(t, pos[pred], pos[urn], "%s before %s", pred, urn)
				}
			}

			// needs asserts that each of users is created after, and depends
			// through the recorded edges on, each of the accesses.
			checked := 0
			needs := func(accesses, users []string) {
				for _, u := range users {
					deps := before(g, u)
					for _, a := range accesses {
						assert.True(t, deps[a], "%s does not depend on trusted access %s", g.Resources[u].Name,
							g.Resources[a].Name)
						assert.Less(t, pos[a], pos[u], "%s is created before trusted access %s",
							g.Resources[u].Name, g.Resources[a].Name)
						checked++
					}
				}
			}

			// Within each integration: access, then the delegated admins.
			var integrations []string
			for urn, r := range g.Resources {
				if r.Type == components.OrgServiceIntegrationToken {
					integrations = append(integrations, urn)
				}
			}
			require.NotEmpty(t, integrations)
			for _, in := range integrations {
				var accesses, admins []string
				for _, c := range g.Children(in) {
					switch typ := g.Resources[c].Type; {
					case accessTypes[typ]:
						accesses = append(accesses, c)
					case strings.HasPrefix(typ, "pulumi:providers:"):
					default:
						admins = append(admins, c)
					}
				}
				needs(accesses, admins)
			}

			// Identity Center: everything after its integration.
			if ic := findComponent(g, components.IdentityCenterSetupToken, baseline.IdentityCenterName); ic != "" {
				integration := findComponent(g, components.OrgServiceIntegrationToken,
					baseline.IdentityCenterName+"-integration")
				var rest []string
				for _, c := range customBelow(g, ic) {
					if g.ParentOf(c) != integration {
						rest = append(rest, c)
					}
				}
				require.NotEmpty(t, rest)
				needs(customBelow(g, integration), rest)
			}

			// Service Catalog: the shares to organization nodes after organization
			// access and the delegated admin.
			if sc := findComponent(g, components.ServiceCatalogSharingToken, baseline.ServiceCatalogName); sc != "" {
				integration := findComponent(g, components.OrgServiceIntegrationToken,
					baseline.ServiceCatalogName+"-integration")
				var orgShares []string
				for _, c := range g.Children(sc) {
					r := g.Resources[c]
					if r.Type == "aws:servicecatalog/portfolioShare:PortfolioShare" &&
						r.Inputs["type"].StringValue() != components.ShareTypeAccount {
						orgShares = append(orgShares, c)
					}
				}
				require.NotEmpty(t, orgShares)
				needs(customBelow(g, integration), orgShares)
			}

			// The parts of the baseline follow one another: every resource of
			// Identity Center after the Organizations writes of the
			// integrations, Service Catalog after those of Identity Center.
			var parts []string
			for _, part := range []struct{ typ, name string }{
				{components.OrgIntegrationsToken, baseline.IntegrationsName},
				{components.IdentityCenterSetupToken, baseline.IdentityCenterName},
				{components.ServiceCatalogSharingToken, baseline.ServiceCatalogName},
			} {
				if urn := findComponent(g, part.typ, part.name); urn != "" {
					parts = append(parts, urn)
				}
			}
			for i := 1; i < len(parts); i++ {
				needs(orgWrites(g, parts[i-1]), customBelow(g, parts[i]))
			}
			require.Positive(t, checked)
		})
	}
}
