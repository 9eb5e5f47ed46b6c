package discover

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// SplitAbove is the length of PULUMI_CONFIG above which discover writes the
// baseline's sections to their own file, which the stack configuration names
// at orgtrust-baseline:configFile: the Go language host passes the whole stack
// configuration to the program in that one environment variable, which Windows
// caps at 32,767 characters and Linux at 128 KiB (baseline.EnvConfigSize). It
// leaves room below Windows' limit for the keys a user adds.
const SplitAbove = 24 * 1024

// ConfigFiles are the configuration files discover writes for a stack.
type ConfigFiles struct {
	// Stack is Pulumi.<stack>.yaml.
	Stack []byte
	// SectionsName is the name of the file of the baseline's sections,
	// orgtrust-baseline.<stack>.yaml, and Sections its text, when the
	// configuration is too long for PULUMI_CONFIG (SplitAbove); both are
	// empty otherwise, and the sections are in Stack.
	SectionsName string
	Sections     []byte
	// EnvSize is the length of PULUMI_CONFIG for the sections inline.
	EnvSize int
}

// SectionsFileName is the name of the file of the baseline's sections.
func SectionsFileName(stack string) string { return baseline.Project + "." + stack + ".yaml" }

// ConfigFiles writes the stack configuration, Pulumi.<stack>.yaml, and, for
// an organization whose configuration is too long for the environment
// variable Pulumi passes it in, the file of its sections.
func (g *Generated) ConfigFiles(stack string) (*ConfigFiles, error) {
	type entry struct {
		key  string
		node *yaml.Node
	}
	var head, sections []entry
	add := func(to *[]entry, name string, v any) error {
		n, err := encode(v)
		if err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
		*to = append(*to, entry{name, n})
		return nil
	}
	if err := add(&head, "aws:region", g.Region); err != nil {
		return nil, err
	}
	if err := add(&head, baseline.Project+":"+baseline.KeyManagementAccountID, g.ManagementAccountID); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		key   string
		value any
		set   bool
	}{
		{baseline.KeyIntegrations, g.Integrations, len(g.Integrations) > 0},
		{baseline.KeyIdentityCenter, g.IdentityCenter, g.IdentityCenter != nil},
		{baseline.KeyServiceCatalog, g.ServiceCatalog, g.ServiceCatalog != nil},
	} {
		if s.set {
			if err := add(&sections, baseline.Project+":"+s.key, s.value); err != nil {
				return nil, err
			}
		}
	}

	// PULUMI_CONFIG's values as the CLI makes them from the YAML: text for a
	// scalar, the JSON of an object or a list.
	values := map[string]string{}
	for _, e := range append(slices.Clone(head), sections...) {
		if e.node.Kind == yaml.ScalarNode {
			values[e.key] = e.node.Value
			continue
		}
		var raw any
		if err := e.node.Decode(&raw); err != nil {
			return nil, fmt.Errorf("writing %s: %w", e.key, err)
		}
		text, err := json.Marshal(raw)
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", e.key, err)
		}
		values[e.key] = string(text)
	}
	files := &ConfigFiles{EnvSize: baseline.EnvConfigSize(values)}

	mapping := func(entries []entry) *yaml.Node {
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, e := range entries {
			n.Content = append(n.Content, scalar("!!str", e.key), e.node)
		}
		return n
	}
	origin := fmt.Sprintf("from organization %s (management account %s), as it is", g.inv.Organization.ID,
		g.ManagementAccountID)
	stackComment := fmt.Sprintf("Written by `orgtrust discover --stack %s` %s.\n"+
		"The adopt sections make the first `pulumi up` import what exists: keep them unchanged for that up,\n"+
		"then remove them (see the report beside this file).", stack, origin)
	inline := head
	if files.EnvSize > SplitAbove {
		files.SectionsName = SectionsFileName(stack)
		inline = append(slices.Clone(head), entry{baseline.Project + ":" + baseline.KeyConfigFile,
			str(files.SectionsName)})
		stackComment = fmt.Sprintf("Written by `orgtrust discover --stack %s` %s.\n"+
			"The baseline's sections are in %s, which %s:%s names: keep it beside this file.\n"+
			"Here they would take %d bytes of PULUMI_CONFIG, the one environment variable Pulumi passes the\n"+
			"stack configuration to a Go program in, which Windows limits to 32,767 characters and Linux to\n"+
			"128 KiB; discover moves them above %d KiB. Their adopt sections make the first `pulumi up` import\n"+
			"what exists: keep them unchanged for that up, then remove them (see the report beside this file).",
			stack, origin, files.SectionsName, baseline.Project, baseline.KeyConfigFile, files.EnvSize,
			SplitAbove/1024)
		doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: fmt.Sprintf("The sections of the baseline's "+
			"configuration of stack %s, written by `orgtrust discover --stack %s`\n%s.\nPulumi.%s.yaml "+
			"names this file at %s:%s; keep the two side by side.", stack, stack, origin, stack,
			baseline.Project, baseline.KeyConfigFile),
			Content: []*yaml.Node{mapping(sections)}}
		var err error
		if files.Sections, err = marshal(doc); err != nil {
			return nil, err
		}
	} else {
		inline = append(inline, sections...)
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: stackComment,
		Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{scalar("!!str", "config"),
			mapping(inline)}}}}
	var err error
	if files.Stack, err = marshal(doc); err != nil {
		return nil, err
	}
	return files, nil
}

// WriteTo writes the configuration files to dir, with write, and returns the
// paths of the stack configuration and of the sections file ("" when there
// is none).
func (f *ConfigFiles) WriteTo(dir, stack string, write func(path string, data []byte) error) (string, string, error) {
	stackPath := filepath.Join(dir, "Pulumi."+stack+".yaml")
	if err := write(stackPath, f.Stack); err != nil {
		return "", "", err
	}
	if f.SectionsName == "" {
		return stackPath, "", nil
	}
	sectionsPath := filepath.Join(dir, f.SectionsName)
	return stackPath, sectionsPath, write(sectionsPath, f.Sections)
}

// Fixtures are the answers of the lookups the baseline makes at preview, from
// the inventory, for `make plan` with the written configuration.
func (g *Generated) Fixtures() *plan.Fixtures {
	fx := &plan.Fixtures{}
	fx.Organization.ID = g.inv.Organization.ID
	fx.Organization.ManagementAccountID = g.ManagementAccountID
	for k, id := range g.inv.GuardDutyDetectors {
		if fx.GuardDutyDetectors == nil {
			fx.GuardDutyDetectors = map[string]string{}
		}
		fx.GuardDutyDetectors[k] = id
	}
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
			accounts = append(accounts, plan.FixtureAccount{ID: a, Name: acct.Name, Status: acct.Status,
				Tags: acct.Tags})
		}
		fx.OrganizationalUnits[ou] = accounts
	}
	g.tagFixtures(fx)
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
