// GuardDuty and Security Hub for the whole organization, administered by an
// audit account in each of two Regions, with orgtrust's OrgServiceIntegration.
// Run it with credentials of the organization's management account:
//
//   pulumi config set security:auditAccountId 222233334444
//   pulumi config set security:rootId r-a1b2                   # the organization's root
//   pulumi config set --path 'security:regions[0]' us-east-1   # optional
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import * as orgtrust from "@orgtrust/pulumi-orgtrust";

const config = new pulumi.Config("security");
const auditAccountId = config.require("auditAccountId");
const rootId = config.require("rootId");
const regions = config.getObject<string[]>("regions") ?? ["us-east-1", "eu-west-1"];

// Trusted access for guardduty.amazonaws.com, then the audit account as
// GuardDuty's administrator in each Region, then, in the audit account (through
// an aws provider that assumes OrganizationAccountAccessRole there), GuardDuty
// for every member account with S3 Protection and Malware Protection for EC2.
// A typo in a plan's name or a malformed account ID fails the preview.
const guardduty = new orgtrust.OrgServiceIntegration("guardduty", {
    service: "guardduty",
    delegatedAdminAccountId: auditAccountId,
    regions,
    organizationConfiguration: {
        guardDuty: { autoEnable: "ALL", protectionPlans: [{ name: "S3_DATA_EVENTS" }, { name: "EBS_MALWARE_PROTECTION" }] },
    },
});

// Security Hub's central configuration: from the first Region, a policy with
// the foundational best practices for the whole organization (its root), in
// every Region. It waits for GuardDuty, so the two never write to AWS
// Organizations at the same time (OrgIntegrations chains any number this way).
const securityhub = new orgtrust.OrgServiceIntegration("securityhub", {
    service: "securityhub",
    delegatedAdminAccountId: auditAccountId,
    regions,
    organizationConfiguration: {
        securityHub: {
            configurationType: "CENTRAL",
            homeRegion: regions[0],
            policies: [{
                name: "foundational",
                standards: ["aws-foundational-security-best-practices/v/1.0.0"],
                targets: [rootId],
            }],
        },
    },
}, { dependsOn: [guardduty] });

export const principals = [guardduty.servicePrincipal, securityhub.servicePrincipal];
export const enablePaths = { guardduty: guardduty.enablePath, securityhub: securityhub.enablePath };
export const ready = securityhub.ready;

// The least-privilege policies: the deploying role's, and the audit account's
// role that the organization configuration assumes.
const policies = orgtrust.getDeployerPolicyOutput({
    services: ["guardduty", "securityhub"], organizationConfiguration: true,
});
export const deployerPolicy = policies.policy;
export const administratorPolicy = policies.administratorPolicy;
