"""GuardDuty and Security Hub delegated to an audit account, in each of two
Regions, with orgtrust's OrgServiceIntegration. Run it with credentials of the
organization's management account:

    pulumi config set security:auditAccountId 222233334444
    pulumi up
"""

import pulumi
import pulumi_orgtrust as orgtrust

config = pulumi.Config("security")
audit_account_id = config.require("auditAccountId")
regions = config.get_object("regions") or ["us-east-1", "eu-west-1"]

# Trusted access for guardduty.amazonaws.com, then the audit account as
# GuardDuty's administrator in each Region. Bad input fails the preview.
guardduty = orgtrust.OrgServiceIntegration(
    "guardduty",
    service="guardduty",
    delegated_admin_account_id=audit_account_id,
    regions=regions,
)

# Security Hub waits for GuardDuty, so the two never write to AWS Organizations
# at the same time (OrgIntegrations chains any number of integrations this way).
securityhub = orgtrust.OrgServiceIntegration(
    "securityhub",
    service="securityhub",
    delegated_admin_account_id=audit_account_id,
    regions=regions,
    opts=pulumi.ResourceOptions(depends_on=[guardduty]),
)

# Resources of your own that need an integration take it in depends_on: they
# are created after it and destroyed before the administrator is deregistered.

pulumi.export("principals", [guardduty.service_principal, securityhub.service_principal])
pulumi.export("enablePaths", {"guardduty": guardduty.enable_path, "securityhub": securityhub.enable_path})
pulumi.export("ready", securityhub.ready)

# The least-privilege policy for the role that deploys this program.
pulumi.export(
    "deployerPolicy",
    orgtrust.get_deployer_policy_output(services=["guardduty", "securityhub"]).policy,
)
