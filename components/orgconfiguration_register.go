package components

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/accessanalyzer"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cfg"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/detective"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/guardduty"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/inspector2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/macie2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/securityhub"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// This file registers an integration's organization configuration in the
// delegated administrator's account: per Region, through the shared aws
// provider that assumes the administrator role there, and after the
// administrator's registration in that Region (on destroy, before it, and so
// before trusted access is disabled).

// orgConfigRegistrar registers one integration's organization configuration.
type orgConfigRegistrar struct {
	ctx   *pulumi.Context
	p     *integrationPlan
	comp  *OrgServiceIntegration
	provs *awsProviders
	out   []pulumi.Resource
}

// registerOrgConfig registers the organization configuration, if any, and
// returns its resources.
func (p *integrationPlan) registerOrgConfig(ctx *pulumi.Context, comp *OrgServiceIntegration,
	provs *awsProviders,
) ([]pulumi.Resource, error) {
	if p.orgConfig == nil {
		return nil, nil
	}
	r := &orgConfigRegistrar{ctx: ctx, p: p, comp: comp, provs: provs}
	c := p.orgConfig.cfg
	var err error
	switch {
	case c.GuardDuty != nil:
		err = r.guardDuty(c.GuardDuty)
	case c.SecurityHub != nil:
		err = r.securityHub(c.SecurityHub)
	case c.Macie != nil:
		err = r.macie(c.Macie)
	case c.Inspector != nil:
		err = r.inspector(c.Inspector)
	case c.Detective != nil:
		err = r.detective(c.Detective)
	case c.AccessAnalyzer != nil:
		err = r.accessAnalyzer(c.AccessAnalyzer)
	case c.Config != nil:
		err = r.config(c.Config)
	}
	return r.out, err
}

// provider is the administrator's provider in region.
func (r *orgConfigRegistrar) provider(region string) (*aws.Provider, error) {
	return r.provs.admin(r.ctx, r.p.admin, region, r.p.orgConfig.roleArn)
}

// registrations are the administrator registrations a configuration in
// region must follow: the one in region for a service designated per Region,
// else every registration (Organizations registers one per principal).
func (r *orgConfigRegistrar) registrations(region string) []pulumi.Resource {
	if a, ok := r.comp.adminByRegion[region]; ok {
		return []pulumi.Resource{a}
	}
	return r.comp.DelegatedAdmins
}

// opts are the options of a configuration resource in region: the
// component as parent, the administrator's provider, and DependsOn the
// registrations, because the service accepts the configuration only from its
// registered administrator and no data flows from the registration. extra
// are more resources to follow.
func (r *orgConfigRegistrar) opts(region string, extra ...pulumi.Resource) ([]pulumi.ResourceOption, error) {
	prov, err := r.provider(region)
	if err != nil {
		return nil, err
	}
	deps := append(r.registrations(region), extra...)
	return []pulumi.ResourceOption{pulumi.Parent(r.comp), pulumi.Provider(prov), pulumi.DependsOn(deps)}, nil
}

// add records a registered resource.
func (r *orgConfigRegistrar) add(res pulumi.Resource, err error) error {
	if err != nil {
		return err
	}
	r.out = append(r.out, res)
	return nil
}

// importIf is the import option of id when the configuration is adopted in
// region.
func (r *orgConfigRegistrar) importIf(region, id string) []pulumi.ResourceOption {
	if !r.p.adoptsOrgConfig(region) {
		return nil
	}
	return []pulumi.ResourceOption{pulumi.Import(pulumi.ID(id))}
}

// importID is the import option of the resource AWS assigned the ID key to,
// when the configuration is adopted in region and the ID was given.
func (r *orgConfigRegistrar) importID(region, key string) []pulumi.ResourceOption {
	id, ok := r.p.orgConfigImportID(region, key)
	if !ok {
		return nil
	}
	return []pulumi.ResourceOption{pulumi.Import(pulumi.ID(id))}
}

// childName is name-role-region[-key].
func (r *orgConfigRegistrar) childName(role, region string, key ...string) string {
	parts := append([]string{r.p.name, role, region}, key...)
	return strings.Join(parts, "-")
}

// guardDuty looks up the detector that delegation enabled in each Region,
// then sets the organization configuration and each protection plan on it.
func (r *orgConfigRegistrar) guardDuty(g *GuardDutyConfiguration) error {
	for _, region := range r.p.orgConfig.regions {
		prov, err := r.provider(region)
		if err != nil {
			return err
		}
		// The lookup waits for the registration (DependsOn): designating the
		// administrator enables GuardDuty, and so the detector, in its
		// account. Its result carries that dependency to the configuration.
		detector := guardduty.LookupDetectorOutput(r.ctx, guardduty.LookupDetectorOutputArgs{},
			pulumi.Provider(prov), pulumi.DependsOn(r.registrations(region)))
		// No DependsOn: the detector's ID carries the registration.
		o := []pulumi.ResourceOption{pulumi.Parent(r.comp), pulumi.Provider(prov)}
		confOpts := o
		if r.p.adoptsOrgConfig(region) {
			// Imported by the detector ID (pulumi-aws guardduty
			// OrganizationConfiguration, "Import").
			confOpts = append(slices.Clone(o), pulumi.Import(detector.Id().ApplyT(func(id string) pulumi.ID {
				return pulumi.ID(id)
			}).(pulumi.IDOutput)))
		}
		conf, err := guardduty.NewOrganizationConfiguration(r.ctx, r.childName("org-config", region),
			&guardduty.OrganizationConfigurationArgs{
				DetectorId:                    detector.Id(),
				AutoEnableOrganizationMembers: pulumi.String(g.AutoEnable),
			}, confOpts...)
		if err := r.add(conf, err); err != nil {
			return fmt.Errorf("GuardDuty in %s: %w", region, err)
		}
		// Each plan is an UpdateOrganizationConfiguration of the same detector:
		// they follow one another (DependsOn; no data flows between them).
		prev := pulumi.Resource(conf)
		for _, plan := range g.ProtectionPlans {
			var additional guardduty.OrganizationConfigurationFeatureAdditionalConfigurationArray
			for _, ac := range plan.AdditionalConfigurations {
				additional = append(additional, guardduty.OrganizationConfigurationFeatureAdditionalConfigurationArgs{
					Name: pulumi.String(ac.Name), AutoEnable: pulumi.String(ac.AutoEnable),
				})
			}
			f, err := guardduty.NewOrganizationConfigurationFeature(r.ctx,
				r.childName("feature", region, strings.ToLower(strings.ReplaceAll(plan.Name, "_", "-"))),
				&guardduty.OrganizationConfigurationFeatureArgs{
					DetectorId:               detector.Id(),
					Name:                     pulumi.String(plan.Name),
					AutoEnable:               pulumi.String(plan.AutoEnable),
					AdditionalConfigurations: additional,
				}, append(o, pulumi.DependsOn([]pulumi.Resource{prev}))...)
			if err := r.add(f, err); err != nil {
				return fmt.Errorf("GuardDuty %s in %s: %w", plan.Name, region, err)
			}
			prev = f
		}
	}
	return nil
}

// securityHub sets local configuration in each Region, or central
// configuration from the home Region.
func (r *orgConfigRegistrar) securityHub(s *SecurityHubConfiguration) error {
	if s.ConfigurationType == securityHubLocal {
		for _, region := range r.p.orgConfig.regions {
			o, err := r.opts(region)
			if err != nil {
				return err
			}
			// Imported by the administrator's account ID (pulumi-aws
			// securityhub OrganizationConfiguration, "Import").
			o = append(o, r.importIf(region, r.p.admin)...)
			conf, err := securityhub.NewOrganizationConfiguration(r.ctx, r.childName("org-config", region),
				&securityhub.OrganizationConfigurationArgs{
					AutoEnable:          pulumi.Bool(*s.AutoEnable),
					AutoEnableStandards: pulumi.String(s.AutoEnableStandards),
					OrganizationConfiguration: &securityhub.OrganizationConfigurationOrganizationConfigurationArgs{
						ConfigurationType: pulumi.String(securityHubLocal),
					},
				}, o...)
			if err := r.add(conf, err); err != nil {
				return fmt.Errorf("Security Hub in %s: %w", region, err)
			}
		}
		return nil
	}
	home := s.HomeRegion
	// Central configuration needs the administrator in the home Region and
	// in every linked Region, and cross-Region aggregation first
	// (https://docs.aws.amazon.com/securityhub/latest/userguide/start-central-configuration.html).
	var admins []pulumi.Resource
	for _, region := range append([]string{home}, s.LinkedRegions...) {
		admins = append(admins, r.registrations(region)...)
	}
	prov, err := r.provider(home)
	if err != nil {
		return err
	}
	base := []pulumi.ResourceOption{pulumi.Parent(r.comp), pulumi.Provider(prov)}
	linking := "SPECIFIED_REGIONS"
	if len(s.LinkedRegions) == 0 {
		linking = "NO_REGIONS"
	}
	aggArgs := &securityhub.FindingAggregatorArgs{LinkingMode: pulumi.String(linking)}
	if len(s.LinkedRegions) > 0 {
		aggArgs.SpecifiedRegions = pulumi.ToStringArray(s.LinkedRegions)
	}
	// Imported by its ARN, the others by the administrator's account ID, the
	// policy's ID and the target's ID (pulumi-aws securityhub
	// FindingAggregator, OrganizationConfiguration, ConfigurationPolicy and
	// ConfigurationPolicyAssociation, "Import").
	agg, err := securityhub.NewFindingAggregator(r.ctx, r.childName("finding-aggregator", home), aggArgs,
		append(append(base, pulumi.DependsOn(admins)), r.importID(home, "findingAggregator")...)...)
	if err := r.add(agg, err); err != nil {
		return fmt.Errorf("Security Hub's finding aggregator in %s: %w", home, err)
	}
	// CENTRAL needs the aggregator (DependsOn: no data flows from it).
	conf, err := securityhub.NewOrganizationConfiguration(r.ctx, r.childName("org-config", home),
		&securityhub.OrganizationConfigurationArgs{
			AutoEnable:          pulumi.Bool(false),
			AutoEnableStandards: pulumi.String("NONE"),
			OrganizationConfiguration: &securityhub.OrganizationConfigurationOrganizationConfigurationArgs{
				ConfigurationType: pulumi.String(securityHubCentral),
			},
		}, append(append(base, pulumi.DependsOn(append(admins, agg))), r.importIf(home, r.p.admin)...)...)
	if err := r.add(conf, err); err != nil {
		return fmt.Errorf("Security Hub's central configuration in %s: %w", home, err)
	}
	partition := r.p.orgConfig.partition()
	for _, pol := range s.Policies {
		// Policies need central configuration on (DependsOn: no data flows).
		policy, err := securityhub.NewConfigurationPolicy(r.ctx, r.childName("policy", home, pol.Name),
			&securityhub.ConfigurationPolicyArgs{
				Name:                pulumi.String(pol.Name),
				Description:         stringPtrOrNil(pol.Description),
				ConfigurationPolicy: policyArgs(partition, home, pol),
			}, append(append(base, pulumi.DependsOn([]pulumi.Resource{conf})), r.importID(home, "policy:"+pol.Name)...)...)
		if err := r.add(policy, err); err != nil {
			return fmt.Errorf("Security Hub policy %q: %w", pol.Name, err)
		}
		for _, target := range pol.Targets {
			ao := append(slices.Clone(base), r.importID(home, "association:"+target)...)
			assoc, err := securityhub.NewConfigurationPolicyAssociation(r.ctx,
				r.childName("policy", home, pol.Name, target),
				&securityhub.ConfigurationPolicyAssociationArgs{
					PolicyId: policy.ID().ToStringOutput(),
					TargetId: pulumi.String(target),
				}, ao...)
			if err := r.add(assoc, err); err != nil {
				return fmt.Errorf("Security Hub policy %q for %s: %w", pol.Name, target, err)
			}
		}
	}
	return nil
}

// stringPtrOrNil is nil for "".
func stringPtrOrNil(s string) pulumi.StringPtrInput {
	if s == "" {
		return nil
	}
	return pulumi.String(s)
}

// policyArgs is pulumi-aws's form of a configuration policy.
func policyArgs(partition, home string, pol SecurityHubPolicy) securityhub.ConfigurationPolicyConfigurationPolicyArgs {
	out := securityhub.ConfigurationPolicyConfigurationPolicyArgs{ServiceEnabled: pulumi.Bool(*pol.ServiceEnabled)}
	if !*pol.ServiceEnabled {
		return out
	}
	arns := make([]string, len(pol.Standards))
	for i, id := range pol.Standards {
		arns[i] = standardArn(partition, home, id)
	}
	out.EnabledStandardArns = pulumi.ToStringArray(arns)
	controls := &securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationArgs{}
	if len(pol.EnabledControls) > 0 {
		controls.EnabledControlIdentifiers = pulumi.ToStringArray(pol.EnabledControls)
	} else {
		// No list enables every control: an empty disabled list.
		controls.DisabledControlIdentifiers = pulumi.ToStringArray(pol.DisabledControls)
	}
	type paramArgs = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterArgs
	byControl := map[string][]paramArgs{}
	var order []string
	for _, cp := range pol.ControlParameters {
		if _, ok := byControl[cp.ControlID]; !ok {
			order = append(order, cp.ControlID)
		}
		byControl[cp.ControlID] = append(byControl[cp.ControlID], parameterArgs(cp))
	}
	var custom securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterArray
	for _, id := range order {
		params := securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterArray{}
		for _, p := range byControl[id] {
			params = append(params, p)
		}
		custom = append(custom,
			securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterArgs{
				SecurityControlId: pulumi.String(id), Parameters: params,
			})
	}
	controls.SecurityControlCustomParameters = custom
	out.SecurityControlsConfiguration = controls
	return out
}

// parameterArgs is pulumi-aws's form of one control parameter.
func parameterArgs(cp SecurityHubControlParameter,
) securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterArgs {
	vt := cp.ValueType
	if vt == "" {
		vt = "CUSTOM"
	}
	out := securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterArgs{
		Name: pulumi.String(cp.Name), ValueType: pulumi.String(vt),
	}
	switch {
	case cp.Bool != nil:
		out.Bool = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterBoolArgs{Value: pulumi.Bool(*cp.Bool)}
	case cp.Double != nil:
		out.Double = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterDoubleArgs{Value: pulumi.Float64(*cp.Double)}
	case cp.Enum != "":
		out.Enum = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterEnumArgs{Value: pulumi.String(cp.Enum)}
	case len(cp.EnumList) > 0:
		out.EnumList = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterEnumListArgs{Values: pulumi.ToStringArray(cp.EnumList)}
	case cp.Int != nil:
		out.Int = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterIntArgs{Value: pulumi.Int(*cp.Int)}
	case len(cp.IntList) > 0:
		out.IntList = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterIntListArgs{Values: pulumi.ToIntArray(cp.IntList)}
	case cp.String != "":
		out.String = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterStringArgs{Value: pulumi.String(cp.String)}
	case len(cp.StringList) > 0:
		out.StringList = securityhub.ConfigurationPolicyConfigurationPolicySecurityControlsConfigurationSecurityControlCustomParameterParameterStringListArgs{Values: pulumi.ToStringArray(cp.StringList)}
	}
	return out
}

// macie sets auto-enable in each Region.
func (r *orgConfigRegistrar) macie(m *MacieConfiguration) error {
	auto := m.AutoEnable == nil || *m.AutoEnable
	for _, region := range r.p.orgConfig.regions {
		o, err := r.opts(region)
		if err != nil {
			return err
		}
		conf, err := macie2.NewOrganizationConfiguration(r.ctx, r.childName("org-config", region),
			&macie2.OrganizationConfigurationArgs{AutoEnable: pulumi.Bool(auto)}, o...)
		if err := r.add(conf, err); err != nil {
			return fmt.Errorf("Macie in %s: %w", region, err)
		}
		// Existing accounts, which auto-enable does not cover: CreateMember
		// with the email the organization gave, no invitation (an
		// organization account is enabled directly).
		for _, account := range m.MemberAccountIDs {
			mem, err := macie2.NewMember(r.ctx, r.childName("member", region, account), &macie2.MemberArgs{
				AccountId: pulumi.String(account), Email: pulumi.String(r.p.orgConfig.emails[account]),
				Status: pulumi.String("ENABLED"),
			}, o...)
			if err := r.add(mem, err); err != nil {
				return fmt.Errorf("Macie member %s in %s: %w", account, region, err)
			}
		}
	}
	return nil
}

// inspector sets the scans of new members in each Region and associates the
// listed existing accounts.
func (r *orgConfigRegistrar) inspector(in *InspectorConfiguration) error {
	for _, region := range r.p.orgConfig.regions {
		o, err := r.opts(region)
		if err != nil {
			return err
		}
		conf, err := inspector2.NewOrganizationConfiguration(r.ctx, r.childName("org-config", region),
			&inspector2.OrganizationConfigurationArgs{AutoEnable: inspector2.OrganizationConfigurationAutoEnableArgs{
				Ec2: pulumi.Bool(in.Ec2), Ecr: pulumi.Bool(in.Ecr), Lambda: pulumi.Bool(in.Lambda),
				LambdaCode: pulumi.Bool(in.LambdaCode),
			}}, o...)
		if err := r.add(conf, err); err != nil {
			return fmt.Errorf("Inspector in %s: %w", region, err)
		}
		var members []pulumi.Resource
		for _, account := range in.MemberAccountIDs {
			m, err := inspector2.NewMemberAssociation(r.ctx, r.childName("member", region, account),
				&inspector2.MemberAssociationArgs{AccountId: pulumi.String(account)}, o...)
			if err := r.add(m, err); err != nil {
				return fmt.Errorf("Inspector member %s in %s: %w", account, region, err)
			}
			members = append(members, m)
		}
		// Auto-enable covers accounts that join; the existing members get the
		// same scans activated, once associated (DependsOn: Enable acts on
		// members, and no data flows from the associations).
		if types := inspectorScanTypes(in); len(members) > 0 && len(types) > 0 {
			eo, err := r.opts(region, members...)
			if err != nil {
				return err
			}
			e, err := inspector2.NewEnabler(r.ctx, r.childName("member-scans", region), &inspector2.EnablerArgs{
				AccountIds: pulumi.ToStringArray(in.MemberAccountIDs), ResourceTypes: pulumi.ToStringArray(types),
			}, eo...)
			if err := r.add(e, err); err != nil {
				return fmt.Errorf("Inspector scans of the members in %s: %w", region, err)
			}
		}
	}
	return nil
}

// inspectorScanTypes are the resource types of the scans in.
func inspectorScanTypes(in *InspectorConfiguration) []string {
	var out []string
	for _, t := range []struct {
		on   bool
		name string
	}{{in.Ec2, "EC2"}, {in.Ecr, "ECR"}, {in.Lambda, "LAMBDA"}, {in.LambdaCode, "LAMBDA_CODE"}} {
		if t.on {
			out = append(out, t.name)
		}
	}
	return out
}

// detective finds the behavior graph that delegation created in each Region,
// then sets auto-enable on it.
func (r *orgConfigRegistrar) detective(d *DetectiveConfiguration) error {
	auto := d.AutoEnable == nil || *d.AutoEnable
	for _, region := range r.p.orgConfig.regions {
		o, err := r.opts(region)
		if err != nil {
			return err
		}
		// CreateGraph returns the account's existing graph; RetainOnDelete
		// keeps it, since deleting it would end Detective for the organization.
		// Imported by its ARN, as is its organization configuration (pulumi-aws
		// detective Graph and OrganizationConfiguration, "Import").
		graph, err := detective.NewGraph(r.ctx, r.childName("graph", region), &detective.GraphArgs{},
			append(append(o, pulumi.RetainOnDelete(true)), r.importID(region, "graph:"+region)...)...)
		if err := r.add(graph, err); err != nil {
			return fmt.Errorf("Detective's graph in %s: %w", region, err)
		}
		// No DependsOn: the graph's ARN carries the registration.
		conf, err := detective.NewOrganizationConfiguration(r.ctx, r.childName("org-config", region),
			&detective.OrganizationConfigurationArgs{AutoEnable: pulumi.Bool(auto), GraphArn: graph.GraphArn},
			append(slices.Clone(o[:2]), r.importID(region, "graph:"+region)...)...)
		if err := r.add(conf, err); err != nil {
			return fmt.Errorf("Detective in %s: %w", region, err)
		}
		// Existing accounts, which auto-enable does not cover: CreateMembers
		// enables organization accounts without an invitation. No DependsOn:
		// the graph's ARN carries the registration.
		for _, account := range d.MemberAccountIDs {
			mem, err := detective.NewMember(r.ctx, r.childName("member", region, account), &detective.MemberArgs{
				AccountId: pulumi.String(account), EmailAddress: pulumi.String(r.p.orgConfig.emails[account]),
				GraphArn: graph.GraphArn, DisableEmailNotification: pulumi.Bool(true),
			}, o[:2]...)
			if err := r.add(mem, err); err != nil {
				return fmt.Errorf("Detective member %s in %s: %w", account, region, err)
			}
		}
	}
	return nil
}

// accessAnalyzer creates the organization analyzers in each Region.
func (r *orgConfigRegistrar) accessAnalyzer(a *AccessAnalyzerConfiguration) error {
	for _, region := range r.p.orgConfig.regions {
		o, err := r.opts(region)
		if err != nil {
			return err
		}
		// Analyzers are imported by name (pulumi-aws accessanalyzer Analyzer,
		// "Import").
		if *a.ExternalAccess {
			an, err := accessanalyzer.NewAnalyzer(r.ctx, r.childName("analyzer", region),
				&accessanalyzer.AnalyzerArgs{AnalyzerName: pulumi.String(a.AnalyzerName),
					Type: pulumi.String("ORGANIZATION")}, append(o, r.importIf(region, a.AnalyzerName)...)...)
			if err := r.add(an, err); err != nil {
				return fmt.Errorf("Access Analyzer in %s: %w", region, err)
			}
		}
		if a.UnusedAccessAge > 0 {
			an, err := accessanalyzer.NewAnalyzer(r.ctx, r.childName("unused-access-analyzer", region),
				&accessanalyzer.AnalyzerArgs{
					AnalyzerName: pulumi.String(a.AnalyzerName + "-unused-access"),
					Type:         pulumi.String("ORGANIZATION_UNUSED_ACCESS"),
					Configuration: &accessanalyzer.AnalyzerConfigurationArgs{
						UnusedAccess: &accessanalyzer.AnalyzerConfigurationUnusedAccessArgs{
							UnusedAccessAge: pulumi.Int(a.UnusedAccessAge),
						},
					},
				}, append(o, r.importIf(region, a.AnalyzerName+"-unused-access")...)...)
			if err := r.add(an, err); err != nil {
				return fmt.Errorf("Access Analyzer (unused access) in %s: %w", region, err)
			}
		}
	}
	return nil
}

// configAggregatorPolicy is the AWS managed policy an organization
// aggregator's role needs
// (https://docs.aws.amazon.com/config/latest/developerguide/set-up-aggregator-cli.html).
const configAggregatorPolicy = "service-role/AWSConfigRoleForOrganizations"

// config creates the organization aggregator in each Region, with its role
// when none is given.
func (r *orgConfigRegistrar) config(c *ConfigAggregatorConfiguration) error {
	regions := r.p.orgConfig.regions
	roleArn := pulumi.String(c.RoleArn).ToStringOutput()
	var roleDeps []pulumi.Resource
	if c.RoleArn == "" {
		// IAM is global: the role goes through the first Region's provider.
		o, err := r.opts(regions[0])
		if err != nil {
			return err
		}
		trust, err := json.Marshal(map[string]any{
			"Version": "2012-10-17",
			"Statement": []map[string]any{{
				"Effect": "Allow", "Action": "sts:AssumeRole",
				"Principal": map[string]any{"Service": "config.amazonaws.com"},
			}},
		})
		if err != nil {
			return err
		}
		role, err := iam.NewRole(r.ctx, r.p.name+"-aggregator-role", &iam.RoleArgs{
			AssumeRolePolicy: pulumi.String(string(trust)),
			Description:      pulumi.String("AWS Config organization aggregator (orgtrust)"),
		}, o...)
		if err := r.add(role, err); err != nil {
			return fmt.Errorf("the Config aggregator's role: %w", err)
		}
		att, err := iam.NewRolePolicyAttachment(r.ctx, r.p.name+"-aggregator-role-policy",
			&iam.RolePolicyAttachmentArgs{
				Role:      role.Name,
				PolicyArn: pulumi.String(fmt.Sprintf("arn:%s:iam::aws:policy/%s", r.p.orgConfig.partition(), configAggregatorPolicy)),
			}, o...)
		if err := r.add(att, err); err != nil {
			return fmt.Errorf("the Config aggregator's role policy: %w", err)
		}
		roleArn = role.Arn
		// Config checks the role's permissions when the aggregator is put,
		// and only the role's ARN flows into it: DependsOn the attachment.
		roleDeps = []pulumi.Resource{att}
	}
	for _, region := range regions {
		o, err := r.opts(region, roleDeps...)
		if err != nil {
			return err
		}
		agg, err := cfg.NewConfigurationAggregator(r.ctx, r.childName("aggregator", region),
			&cfg.ConfigurationAggregatorArgs{
				Name: pulumi.String(c.AggregatorName),
				OrganizationAggregationSource: &cfg.ConfigurationAggregatorOrganizationAggregationSourceArgs{
					AllRegions: pulumi.Bool(true),
					RoleArn:    roleArn,
				},
				// Imported by name (pulumi-aws cfg ConfigurationAggregator, "Import").
			}, append(o, r.importIf(region, c.AggregatorName)...)...)
		if err := r.add(agg, err); err != nil {
			return fmt.Errorf("the Config aggregator in %s: %w", region, err)
		}
	}
	return nil
}
