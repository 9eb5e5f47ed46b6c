package discover

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// The services' organization configuration, read in the delegated
// administrator's account, in each Region where it is designated, through
// the role the configuration itself assumes there
// (components.OrganizationConfiguration's administratorRole): read-only,
// with the administrator role's read actions.

// The organization-configuration reads, on clients in the administrator's
// account. adminClientInterfaces lists them for AdminIAMActions.
type (
	guardDutyConfigAPI interface {
		ListDetectors(context.Context, *guardduty.ListDetectorsInput, ...func(*guardduty.Options)) (*guardduty.ListDetectorsOutput, error)
		DescribeOrganizationConfiguration(context.Context, *guardduty.DescribeOrganizationConfigurationInput, ...func(*guardduty.Options)) (*guardduty.DescribeOrganizationConfigurationOutput, error)
	}
	securityHubConfigAPI interface {
		DescribeOrganizationConfiguration(context.Context, *securityhub.DescribeOrganizationConfigurationInput, ...func(*securityhub.Options)) (*securityhub.DescribeOrganizationConfigurationOutput, error)
		securityHubCentralAPI
	}
	macieConfigAPI interface {
		DescribeOrganizationConfiguration(context.Context, *macie2.DescribeOrganizationConfigurationInput, ...func(*macie2.Options)) (*macie2.DescribeOrganizationConfigurationOutput, error)
	}
	inspectorConfigAPI interface {
		DescribeOrganizationConfiguration(context.Context, *inspector2.DescribeOrganizationConfigurationInput, ...func(*inspector2.Options)) (*inspector2.DescribeOrganizationConfigurationOutput, error)
	}
)

// adminClientInterfaces map each administrator-side client to its IAM
// service prefix.
var adminClientInterfaces = map[string]reflect.Type{
	"guardduty":       reflect.TypeFor[guardDutyConfigAPI](),
	"securityhub":     reflect.TypeFor[securityHubConfigAPI](),
	"macie2":          reflect.TypeFor[macieConfigAPI](),
	"inspector2":      reflect.TypeFor[inspectorConfigAPI](),
	"detective":       reflect.TypeFor[detectiveConfigAPI](),
	"access-analyzer": reflect.TypeFor[accessAnalyzerConfigAPI](),
	"config":          reflect.TypeFor[configAggregatorAPI](),
}

// AdminIAMActions returns the IAM action of every call discover makes in a
// delegated administrator's account, through the administrator role,
// sorted. The deployer assumes that role (sts:AssumeRole).
func AdminIAMActions() []string {
	var out []string
	for prefix, t := range adminClientInterfaces {
		for i := range t.NumMethod() {
			out = append(out, prefix+":"+t.Method(i).Name)
		}
	}
	slices.Sort(out)
	return out
}

// orgConfigReaders read one service's organization configuration in one
// Region of the administrator's account, as the component's input block.
var orgConfigReaders = map[string]func(ctx context.Context, cfg aws.Config, d *discoverer, admin string) (
	*components.OrganizationConfiguration, error){
	"guardduty":       readGuardDutyConfig,
	"securityhub":     readSecurityHubConfig,
	"macie":           readMacieConfig,
	"inspector":       readInspectorConfig,
	"detective":       readDetectiveConfig,
	"access-analyzer": readAccessAnalyzerConfig,
	"config":          readConfigAggregator,
}

// readOrgConfigs reads the organization configuration of each selected
// service whose one administrator was found, in each Region it is
// designated in, assuming the administrator role. A role that cannot be
// assumed, or a configuration that cannot be read, is recorded in
// Unreadable with its fix, and that service's configuration left out.
func (d *discoverer) readOrgConfigs(ctx context.Context, services []components.Service, role string) {
	d.inv.OrgConfigs = map[string]map[string]components.OrganizationConfiguration{}
	for _, svc := range services {
		read, ok := orgConfigReaders[svc.Key]
		if !ok {
			continue
		}
		byRegion := d.inv.ServiceAdmins[svc.Key]
		if svc.DelegatedAdmin == components.DelegatedAdminOrganizations {
			// Registered once with Organizations: read in each Region read.
			byRegion = map[string][]string{}
			for _, p := range svc.Principals {
				for _, r := range d.inv.Regions {
					byRegion[r] = append(byRegion[r], d.inv.OrgAdmins[p]...)
				}
			}
		}
		admins := map[string]bool{}
		for _, accounts := range byRegion {
			for _, a := range accounts {
				admins[a] = true
			}
		}
		if len(admins) != 1 {
			continue
		}
		admin := sortedKeys(admins)[0]
		roleArn := role
		if !strings.HasPrefix(role, "arn:") {
			roleArn = fmt.Sprintf("arn:%s:iam::%s:role/%s", partitionOf(d.inv.Region), admin, role)
		}
		found := map[string]components.OrganizationConfiguration{}
		for _, region := range sortedKeys(byRegion) {
			in := region
			if in == "" {
				in = d.inv.Region
			}
			cfg := d.c.cfg.Copy()
			cfg.Region = in
			cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(
				sts.NewFromConfig(d.c.cfg, func(o *sts.Options) {
					o.APIOptions = append(o.APIOptions, d.c.count.option("sts"))
				}), roleArn, func(o *stscreds.AssumeRoleOptions) { o.RoleSessionName = "orgtrust-discover" }))
			got, err := read(ctx, cfg, d, admin)
			if err != nil {
				what := fmt.Sprintf("%s's organization configuration in %s", svc.DisplayName, in)
				if strings.Contains(err.Error(), "AssumeRole") {
					d.unreadable(what, fmt.Sprintf("the role %s cannot be assumed from the deploying account (%v), so "+
						"the configuration is left out: create the role in the delegated administrator %s, trusting "+
						"the management account (AWS Organizations creates %s in the accounts it creates), with "+
						"getDeployerPolicy's administratorPolicy; or run orgtrust discover with --administrator-role "+
						"naming a role that exists there, and give it as organizationConfiguration.administratorRole",
						roleArn, err, admin, components.DefaultAdministratorRole))
				} else {
					d.unreadable(what, "it could not be read through "+roleArn+", so the configuration is left out "+
						"(the role needs getDeployerPolicy's administratorPolicy, read-only at least): "+err.Error())
				}
				found = nil
				break
			}
			if got != nil {
				found[region] = *got
			}
		}
		if len(found) > 0 {
			d.inv.OrgConfigs[svc.Key] = found
			if d.inv.AdministratorRoles == nil {
				d.inv.AdministratorRoles = map[string]string{}
			}
			d.inv.AdministratorRoles[svc.Key] = role
		}
		d.progress("organization configuration: %s", svc.DisplayName)
	}
}

// readGuardDutyConfig reads the auto-enable setting and the protection
// plans of the administrator's detector.
func readGuardDutyConfig(ctx context.Context, cfg aws.Config, d *discoverer, admin string) (
	*components.OrganizationConfiguration, error,
) {
	client := guardduty.NewFromConfig(cfg, func(o *guardduty.Options) {
		o.APIOptions = append(o.APIOptions, d.c.count.option("guardduty"))
	})
	var api guardDutyConfigAPI = client
	var detectors []string
	pages := guardduty.NewListDetectorsPaginator(api, &guardduty.ListDetectorsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		detectors = append(detectors, page.DetectorIds...)
	}
	if len(detectors) == 0 {
		return nil, nil
	}
	// The detector the configuration's lookup finds, for the plan fixtures.
	if d.inv.GuardDutyDetectors == nil {
		d.inv.GuardDutyDetectors = map[string]string{}
	}
	d.inv.GuardDutyDetectors[admin+"/"+cfg.Region] = detectors[0]
	g := &components.GuardDutyConfiguration{}
	var features []components.GuardDutyProtectionPlan
	var token *string
	for {
		out, err := api.DescribeOrganizationConfiguration(ctx, &guardduty.DescribeOrganizationConfigurationInput{
			DetectorId: aws.String(detectors[0]), NextToken: token})
		if err != nil {
			return nil, err
		}
		g.AutoEnable = string(out.AutoEnableOrganizationMembers)
		for _, f := range out.Features {
			plan := components.GuardDutyProtectionPlan{Name: string(f.Name), AutoEnable: string(f.AutoEnable)}
			for _, ac := range f.AdditionalConfiguration {
				plan.AdditionalConfigurations = append(plan.AdditionalConfigurations,
					components.GuardDutyAdditionalConfiguration{Name: string(ac.Name), AutoEnable: string(ac.AutoEnable)})
			}
			features = append(features, plan)
		}
		if aws.ToString(out.NextToken) == "" {
			break
		}
		token = out.NextToken
	}
	if g.AutoEnable == "" {
		g.AutoEnable = "NONE"
	}
	// RUNTIME_MONITORING covers EKS: GuardDuty reports both, and accepts
	// only one in an update.
	hasRuntime := slices.ContainsFunc(features, func(p components.GuardDutyProtectionPlan) bool {
		return p.Name == "RUNTIME_MONITORING"
	})
	for _, p := range features {
		if p.Name == "EKS_RUNTIME_MONITORING" && hasRuntime {
			continue
		}
		// What auto-enables nothing is not written; a plan that follows the
		// configuration's setting does not repeat it.
		if p.AutoEnable == "NONE" {
			continue
		}
		var additional []components.GuardDutyAdditionalConfiguration
		for _, ac := range p.AdditionalConfigurations {
			if ac.AutoEnable == "NONE" {
				continue
			}
			if ac.AutoEnable == p.AutoEnable {
				ac.AutoEnable = ""
			}
			additional = append(additional, ac)
		}
		p.AdditionalConfigurations = additional
		if p.AutoEnable == g.AutoEnable {
			p.AutoEnable = ""
		}
		g.ProtectionPlans = append(g.ProtectionPlans, p)
	}
	if g.AutoEnable == "ALL" {
		g.AutoEnable = "" // the default
	}
	return &components.OrganizationConfiguration{GuardDuty: g}, nil
}

// readSecurityHubConfig reads Security Hub's organization configuration.
// Central configuration's policies are not read: it is reported, so that
// the user writes them.
func readSecurityHubConfig(ctx context.Context, cfg aws.Config, d *discoverer, admin string) (
	*components.OrganizationConfiguration, error,
) {
	var api securityHubConfigAPI = securityhub.NewFromConfig(cfg, func(o *securityhub.Options) {
		o.APIOptions = append(o.APIOptions, d.c.count.option("securityhub"))
	})
	out, err := api.DescribeOrganizationConfiguration(ctx, &securityhub.DescribeOrganizationConfigurationInput{})
	if err != nil {
		return nil, err
	}
	s := &components.SecurityHubConfiguration{}
	if out.OrganizationConfiguration != nil && out.OrganizationConfiguration.ConfigurationType == "CENTRAL" {
		return readSecurityHubCentral(ctx, api, d, cfg.Region)
	}
	if !aws.ToBool(out.AutoEnable) {
		s.AutoEnable = aws.Bool(false)
	}
	if out.AutoEnableStandards != "" && out.AutoEnableStandards != "DEFAULT" {
		s.AutoEnableStandards = string(out.AutoEnableStandards)
	}
	return &components.OrganizationConfiguration{SecurityHub: s}, nil
}

// readMacieConfig reads Macie's auto-enable setting.
func readMacieConfig(ctx context.Context, cfg aws.Config, d *discoverer, admin string) (
	*components.OrganizationConfiguration, error,
) {
	var api macieConfigAPI = macie2.NewFromConfig(cfg, func(o *macie2.Options) {
		o.APIOptions = append(o.APIOptions, d.c.count.option("macie2"))
	})
	out, err := api.DescribeOrganizationConfiguration(ctx, &macie2.DescribeOrganizationConfigurationInput{})
	if err != nil {
		return nil, err
	}
	m := &components.MacieConfiguration{}
	if !aws.ToBool(out.AutoEnable) {
		m.AutoEnable = aws.Bool(false)
	}
	return &components.OrganizationConfiguration{Macie: m}, nil
}

// readInspectorConfig reads the scans Inspector activates for new members.
func readInspectorConfig(ctx context.Context, cfg aws.Config, d *discoverer, admin string) (
	*components.OrganizationConfiguration, error,
) {
	var api inspectorConfigAPI = inspector2.NewFromConfig(cfg, func(o *inspector2.Options) {
		o.APIOptions = append(o.APIOptions, d.c.count.option("inspector2"))
	})
	out, err := api.DescribeOrganizationConfiguration(ctx, &inspector2.DescribeOrganizationConfigurationInput{})
	if err != nil {
		return nil, err
	}
	in := &components.InspectorConfiguration{}
	if a := out.AutoEnable; a != nil {
		in.Ec2, in.Ecr = aws.ToBool(a.Ec2), aws.ToBool(a.Ecr)
		in.Lambda, in.LambdaCode = aws.ToBool(a.Lambda), aws.ToBool(a.LambdaCode)
	}
	if !in.Ec2 && !in.Ecr && !in.Lambda && !in.LambdaCode {
		return nil, nil // activates nothing: nothing to manage
	}
	return &components.OrganizationConfiguration{Inspector: in}, nil
}

// orgConfigIDs records the import IDs AWS assigned to svc's configuration
// resources (components.IntegrationAdoptSpec.OrganizationConfigurationIDs).
func (d *discoverer) orgConfigIDs(svc string, ids map[string]string) {
	if d.inv.OrgConfigIDs == nil {
		d.inv.OrgConfigIDs = map[string]map[string]string{}
	}
	if d.inv.OrgConfigIDs[svc] == nil {
		d.inv.OrgConfigIDs[svc] = map[string]string{}
	}
	for k, v := range ids {
		d.inv.OrgConfigIDs[svc][k] = v
	}
}

// partitionOf is the partition of region ("aws" when unknown).
func partitionOf(region string) string {
	if _, p, ok := catalog.LookupRegion(region); ok {
		return p.ID
	}
	return "aws"
}
