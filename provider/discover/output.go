package discover

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/orgtrust/pulumi-orgtrust/examples/baseline/baseline"
	"github.com/orgtrust/pulumi-orgtrust/examples/baseline/plan"
)

// StackYAML is the stack configuration file Pulumi.<stack>.yaml.
func (g *Generated) StackYAML(stack string) ([]byte, error) {
	cfg := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	add := func(key string, v any) error {
		n, err := encode(v)
		if err != nil {
			return fmt.Errorf("writing %s: %w", key, err)
		}
		cfg.Content = append(cfg.Content, scalar("!!str", key), n)
		return nil
	}
	if err := add("aws:region", g.Region); err != nil {
		return nil, err
	}
	if err := add(baseline.Project+":"+baseline.KeyManagementAccountID, g.ManagementAccountID); err != nil {
		return nil, err
	}
	if len(g.Integrations) > 0 {
		if err := add(baseline.Project+":"+baseline.KeyIntegrations, g.Integrations); err != nil {
			return nil, err
		}
	}
	if g.IdentityCenter != nil {
		if err := add(baseline.Project+":"+baseline.KeyIdentityCenter, g.IdentityCenter); err != nil {
			return nil, err
		}
	}
	if g.ServiceCatalog != nil {
		if err := add(baseline.Project+":"+baseline.KeyServiceCatalog, g.ServiceCatalog); err != nil {
			return nil, err
		}
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: fmt.Sprintf(
		"Written by `orgtrust discover --stack %s` from organization %s (management account %s), as it is.\n"+
			"The adopt sections make the first `pulumi up` import what exists: keep them unchanged for that up,\n"+
			"then remove them (see the report beside this file).", stack, g.inv.Organization.ID, g.ManagementAccountID),
		Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{scalar("!!str", "config"), cfg}}}}
	return marshal(doc)
}

// Fixtures are the answers of the lookups the baseline makes at preview, from
// the inventory, for `make plan` with the written configuration.
func (g *Generated) Fixtures() *plan.Fixtures {
	fx := &plan.Fixtures{}
	fx.Organization.ID = g.inv.Organization.ID
	fx.Organization.ManagementAccountID = g.ManagementAccountID
	if ic := g.inv.IdentityCenter; ic != nil {
		fx.IdentityCenter.InstanceArn, fx.IdentityCenter.IdentityStoreID = ic.InstanceArn, ic.IdentityStoreID
	}
	org := &g.inv.Organization
	for _, ou := range g.ous {
		if fx.OrganizationalUnits == nil {
			fx.OrganizationalUnits = map[string][]plan.FixtureAccount{}
		}
		accounts := []plan.FixtureAccount{}
		for _, a := range org.allBelow(ou) {
			acct := org.Accounts[a]
			accounts = append(accounts, plan.FixtureAccount{ID: a, Name: acct.Name, Status: acct.Status})
		}
		fx.OrganizationalUnits[ou] = accounts
	}
	if g.IdentityCenter != nil {
		ic := g.inv.IdentityCenter
		byName := func(m map[string]string) map[string]string {
			out := map[string]string{}
			for id, name := range m {
				out[name] = id
			}
			return out
		}
		groups, users := byName(ic.Groups), byName(ic.Users)
		for _, gr := range g.IdentityCenter.Groups {
			if fx.Groups == nil {
				fx.Groups = map[string]string{}
			}
			fx.Groups[gr.DisplayName] = groups[gr.DisplayName]
		}
		for _, u := range g.IdentityCenter.Users {
			if fx.Users == nil {
				fx.Users = map[string]string{}
			}
			fx.Users[u.UserName] = users[u.UserName]
		}
	}
	return fx
}

// FixturesYAML is the fixtures file for `make plan FIXTURES=...`.
func (g *Generated) FixturesYAML(stack string) ([]byte, error) {
	var n yaml.Node
	if err := n.Encode(g.Fixtures()); err != nil {
		return nil, fmt.Errorf("writing the plan fixtures: %w", err)
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: fmt.Sprintf("Answers of the baseline's preview "+
		"lookups, written by `orgtrust discover --stack %s` from organization %s, for\n"+
		"`make plan STACK_CONFIG=Pulumi.%s.yaml FIXTURES=<this file>`.", stack, g.inv.Organization.ID, stack),
		Content: n.Content}
	if n.Kind != yaml.DocumentNode {
		doc.Content = []*yaml.Node{&n}
	}
	return marshal(doc)
}

func marshal(doc *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("writing YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("writing YAML: %w", err)
	}
	return b.Bytes(), nil
}
