// GuardDuty and Security Hub delegated to an audit account, in each of two
// Regions, with orgtrust's OrgServiceIntegration. Run it with credentials of
// the organization's management account:
//
//   pulumi config set security:auditAccountId 222233334444
//   pulumi config set --path 'security:regions[0]' us-east-1   # optional
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import * as orgtrust from "@orgtrust/pulumi-orgtrust";

const config = new pulumi.Config("security");
const auditAccountId = config.require("auditAccountId");
const regions = config.getObject<string[]>("regions") ?? ["us-east-1", "eu-west-1"];

// Trusted access for guardduty.amazonaws.com, then the audit account as
// GuardDuty's administrator in each Region (guardduty.OrganizationAdminAccount,
// one per Region, named after it). A typo in `service` or a malformed account ID
// fails the preview, before anything is created.
const guardduty = new orgtrust.OrgServiceIntegration("guardduty", {
    service: "guardduty",
    delegatedAdminAccountId: auditAccountId,
    regions,
});

// Security Hub waits for GuardDuty, so the two never write to AWS Organizations
// at the same time (OrgIntegrations chains any number of integrations this way).
const securityhub = new orgtrust.OrgServiceIntegration("securityhub", {
    service: "securityhub",
    delegatedAdminAccountId: auditAccountId,
    regions,
}, { dependsOn: [guardduty] });

// Resources of your own that need an integration take it in dependsOn: they
// are created after it and destroyed before the administrator is deregistered
// and trusted access disabled. For example, with @pulumi/aws:
//
//   new aws.securityhub.OrganizationConfiguration("auto-enable", { autoEnable: true },
//       { provider: auditProvider, dependsOn: [securityhub] });

export const principals = [guardduty.servicePrincipal, securityhub.servicePrincipal];
export const enablePaths = { guardduty: guardduty.enablePath, securityhub: securityhub.enablePath };
export const ready = securityhub.ready;

// The least-privilege policy for the role that deploys this program.
export const deployerPolicy = orgtrust.getDeployerPolicyOutput({ services: ["guardduty", "securityhub"] }).policy;
