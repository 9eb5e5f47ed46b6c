// Command security-services covers the whole organization with GuardDuty,
// Security Hub, IAM Access Analyzer and AWS Config, administered by an audit
// account, through one OrgIntegrations set: trusted access, the audit account
// as each service's delegated administrator (GuardDuty and Security Hub in
// two Regions), and each service's organization configuration, set in the
// audit account through aws providers that assume OrganizationAccountAccessRole
// there (one per Region, shared by the four). Run it with credentials of the
// organization's management account.
package main

import (
	"errors"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "security")
		audit := cfg.Require("auditAccountId")
		root := cfg.Require("rootId")
		regions := []string{"us-east-1", "eu-west-1"}
		if err := cfg.TryObject("regions", &regions); err != nil && !errors.Is(err, config.ErrMissingVar) {
			return fmt.Errorf("reading security:regions: %w", err)
		}
		if len(regions) == 0 {
			return fmt.Errorf("security:regions is empty: list at least one Region, such as [\"us-east-1\"]")
		}
		home := []string{regions[0]}

		// Every input is checked at preview, all at once; the Organizations
		// writes of the four integrations form one chain, and each
		// configuration follows its Region's registration (and goes before it
		// on destroy).
		security, err := components.NewOrgIntegrations(ctx, "security", components.OrgIntegrationsArgs{
			Integrations: []components.OrgIntegrationSpec{
				// GuardDuty for every member account, with S3 Protection and
				// Malware Protection for EC2, in each Region.
				{Name: "guardduty", Args: components.OrgServiceIntegrationArgs{
					Service: "guardduty", DelegatedAdminAccountID: audit, Regions: regions,
					OrganizationConfiguration: &components.OrganizationConfiguration{
						GuardDuty: &components.GuardDutyConfiguration{AutoEnable: "ALL",
							ProtectionPlans: []components.GuardDutyProtectionPlan{
								{Name: "S3_DATA_EVENTS"}, {Name: "EBS_MALWARE_PROTECTION"}}}},
				}},
				// Security Hub's central configuration: from the first Region,
				// the foundational best practices for the root, so for every
				// account, existing and new, in every Region.
				{Name: "securityhub", Args: components.OrgServiceIntegrationArgs{
					Service: "securityhub", DelegatedAdminAccountID: audit, Regions: regions,
					OrganizationConfiguration: &components.OrganizationConfiguration{
						SecurityHub: &components.SecurityHubConfiguration{
							ConfigurationType: "CENTRAL", HomeRegion: regions[0],
							Policies: []components.SecurityHubPolicy{{Name: "foundational",
								Standards: []string{"aws-foundational-security-best-practices/v/1.0.0"},
								Targets:   []string{root}}}}},
				}},
				// Access Analyzer and Config register their administrator with
				// Organizations, which is global: their configuration names its
				// Region. An organization analyzer, and one for access unused
				// for 90 days; an organization aggregator over every Region.
				{Name: "access-analyzer", Args: components.OrgServiceIntegrationArgs{
					Service: "access-analyzer", DelegatedAdminAccountID: audit,
					OrganizationConfiguration: &components.OrganizationConfiguration{Regions: home,
						AccessAnalyzer: &components.AccessAnalyzerConfiguration{UnusedAccessAge: 90}},
				}},
				{Name: "config", Args: components.OrgServiceIntegrationArgs{
					Service: "config", DelegatedAdminAccountID: audit,
					OrganizationConfiguration: &components.OrganizationConfiguration{Regions: home,
						Config: &components.ConfigAggregatorConfiguration{}},
				}},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("ready", security.Ready)
		ctx.Export("enablePaths", security.EnablePaths)
		return nil
	})
}
