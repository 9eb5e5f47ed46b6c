// Command security-services delegates GuardDuty, Security Hub, IAM Access
// Analyzer and AWS Config to an audit account, with GuardDuty and Security Hub
// designated in two Regions, through one OrgIntegrations set. It then creates
// an organization-wide Access Analyzer analyzer in the audit account, which
// waits for the integrations with DependsOn. Run it with credentials of the
// organization's management account.
package main

import (
	"errors"
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/accessanalyzer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "security")
		audit := cfg.Require("auditAccountId")
		regions := []string{"us-east-1", "eu-west-1"}
		if err := cfg.TryObject("regions", &regions); err != nil && !errors.Is(err, config.ErrMissingVar) {
			return fmt.Errorf("reading security:regions: %w", err)
		}
		if len(regions) == 0 {
			return fmt.Errorf("security:regions is empty: list at least one Region, such as [\"us-east-1\"]")
		}

		// Organizations writes of the four integrations form one chain, so they
		// never race; every input is checked at preview.
		security, err := components.NewOrgIntegrations(ctx, "security", components.OrgIntegrationsArgs{
			Integrations: []components.OrgIntegrationSpec{
				{Name: "guardduty", Args: components.OrgServiceIntegrationArgs{
					Service: "guardduty", DelegatedAdminAccountID: audit, Regions: regions,
				}},
				{Name: "securityhub", Args: components.OrgServiceIntegrationArgs{
					Service: "securityhub", DelegatedAdminAccountID: audit, Regions: regions,
				}},
				// Access Analyzer and Config register their administrator with
				// Organizations, which is global: no Regions.
				{Name: "access-analyzer", Args: components.OrgServiceIntegrationArgs{
					Service: "access-analyzer", DelegatedAdminAccountID: audit,
				}},
				{Name: "config", Args: components.OrgServiceIntegrationArgs{
					Service: "config", DelegatedAdminAccountID: audit,
				}},
			},
		})
		if err != nil {
			return err
		}

		// The audit account, reached through the role Organizations creates in
		// member accounts.
		auditProvider, err := aws.NewProvider(ctx, "audit", &aws.ProviderArgs{
			Region: pulumi.String(regions[0]),
			AssumeRole: &aws.ProviderAssumeRoleArgs{
				RoleArn: pulumi.String(fmt.Sprintf("arn:aws:iam::%s:role/OrganizationAccountAccessRole", audit)),
			},
		})
		if err != nil {
			return err
		}
		// An organization analyzer needs the audit account registered as Access
		// Analyzer's delegated administrator: the set's DependsOn option makes
		// creation wait for it, and makes destruction delete the analyzer
		// before the administrator is deregistered and trusted access disabled.
		analyzer, err := accessanalyzer.NewAnalyzer(ctx, "organization", &accessanalyzer.AnalyzerArgs{
			AnalyzerName: pulumi.String("organization"),
			Type:         pulumi.String("ORGANIZATION"),
		}, pulumi.Provider(auditProvider), security.DependsOn())
		if err != nil {
			return err
		}

		ctx.Export("ready", security.Ready)
		ctx.Export("enablePaths", security.EnablePaths)
		ctx.Export("analyzerArn", analyzer.Arn)
		return nil
	})
}
