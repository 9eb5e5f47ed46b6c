"""GuardDuty and Security Hub for the whole organization, administered by an
audit account in each of two Regions, with orgtrust's OrgServiceIntegration.
Run it with credentials of the organization's management account:

    pulumi config set security:auditAccountId 222233334444
    pulumi config set security:rootId r-a1b2
    pulumi up
"""

import pulumi
import pulumi_orgtrust as orgtrust

config = pulumi.Config("security")
audit_account_id = config.require("auditAccountId")
root_id = config.require("rootId")
regions = config.get_object("regions") or ["us-east-1", "eu-west-1"]

# Trusted access for guardduty.amazonaws.com, then the audit account as
# GuardDuty's administrator in each Region, then, in the audit account (through
# an aws provider that assumes OrganizationAccountAccessRole there), GuardDuty
# for every member account with S3 Protection and Malware Protection for EC2.
guardduty = orgtrust.OrgServiceIntegration(
    "guardduty",
    service="guardduty",
    delegated_admin_account_id=audit_account_id,
    regions=regions,
    organization_configuration=orgtrust.OrganizationConfigurationArgs(
        guard_duty=orgtrust.GuardDutyConfigurationArgs(
            auto_enable="ALL",
            protection_plans=[
                orgtrust.GuardDutyProtectionPlanArgs(name="S3_DATA_EVENTS"),
                orgtrust.GuardDutyProtectionPlanArgs(name="EBS_MALWARE_PROTECTION"),
            ],
        ),
    ),
)

# Security Hub's central configuration: from the first Region, a policy with the
# foundational best practices for the whole organization (its root). It waits for
# GuardDuty, so the two never write to AWS Organizations at the same time.
securityhub = orgtrust.OrgServiceIntegration(
    "securityhub",
    service="securityhub",
    delegated_admin_account_id=audit_account_id,
    regions=regions,
    organization_configuration=orgtrust.OrganizationConfigurationArgs(
        security_hub=orgtrust.SecurityHubConfigurationArgs(
            configuration_type="CENTRAL",
            home_region=regions[0],
            policies=[orgtrust.SecurityHubPolicyArgs(
                name="foundational",
                standards=["aws-foundational-security-best-practices/v/1.0.0"],
                targets=[root_id],
            )],
        ),
    ),
    opts=pulumi.ResourceOptions(depends_on=[guardduty]),
)

pulumi.export("principals", [guardduty.service_principal, securityhub.service_principal])
pulumi.export("enablePaths", {"guardduty": guardduty.enable_path, "securityhub": securityhub.enable_path})
pulumi.export("ready", securityhub.ready)

# The least-privilege policies: the deploying role's, and the audit account's role
# that the organization configuration assumes.
policies = orgtrust.get_deployer_policy_output(services=["guardduty", "securityhub"], organization_configuration=True)
pulumi.export("deployerPolicy", policies.policy)
pulumi.export("administratorPolicy", policies.administrator_policy)
