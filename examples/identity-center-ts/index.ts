// IAM Identity Center for an organization with orgtrust's IdentityCenterSetup:
// trusted access for sso.amazonaws.com (kept on destroy), administrator,
// read-only and developer permission sets, three groups, and assignments by OU
// that follow accounts as they join or leave the OUs, AWS Control Tower's
// AWSAdministratorAccess permission set referenced by name, a developer portal
// application (OAuth 2.0) assigned to two groups, and the company's identity
// provider as a trusted token issuer. Enable IAM Identity Center once in its
// console, then run this with credentials of the organization's management
// account, in that Region:
//
//   pulumi config set identity:workloadsOu ou-ab12-workload1
//   pulumi config set identity:sandboxOu ou-ab12-sandbox01
//   pulumi config set identity:issuerUrl https://login.example.com/oauth2/default
//   pulumi config set identity:existingPermissionSet AWSAdministratorAccess
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import * as orgtrust from "@orgtrust/pulumi-orgtrust";
import type { types } from "@orgtrust/pulumi-orgtrust";

const config = new pulumi.Config("identity");
const workloadsOu = config.require("workloadsOu");
const sandboxOu = config.require("sandboxOu");
// Optional: an identity account to administer Identity Center, and production
// accounts that developers must not reach.
const identityAccount = config.get("delegatedAdminAccountId");
const productionAccountIds = config.getObject<string[]>("productionAccountIds") ?? [];
// The company's OpenID Connect issuer, trusted for identity propagation.
const issuerUrl = config.require("issuerUrl");
// Optional: an existing permission set, looked up by name at preview and never modified.
const existingPermissionSet = config.get("existingPermissionSet");

// Developers may do everything a power user does, except create long-lived IAM credentials.
const denyIamUsers = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{
        Sid: "NoLongLivedCredentials",
        Effect: "Deny",
        Action: ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"],
        Resource: "*",
    }],
});

const group = (name: string): types.input.PrincipalRefArgs => ({ type: orgtrust.PrincipalType.Group, name });
const ous = [workloadsOu, sandboxOu];

const setup = new orgtrust.IdentityCenterSetup("identity-center", {
    delegatedAdminAccountId: identityAccount,
    permissionSets: [
        {
            name: "Administrator",
            description: "Full access, for short break-glass sessions",
            sessionDuration: "PT1H",
            managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
        },
        {
            name: "ReadOnly",
            description: "Read-only access to every service",
            sessionDuration: "PT8H",
            managedPolicyArns: [
                "arn:aws:iam::aws:policy/ReadOnlyAccess",
                "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
            ],
        },
        {
            name: "Developer",
            description: "Build and run workloads; no long-lived IAM credentials",
            sessionDuration: "PT8H",
            managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"],
            inlinePolicy: denyIamUsers,
            tags: { "managed-by": "orgtrust" },
        },
        ...(existingPermissionSet ? [{ name: existingPermissionSet, existing: true }] : []),
    ],
    groups: [
        { displayName: "Platform Admins", description: "Operators of the landing zone" },
        { displayName: "Auditors", description: "Security and compliance reviewers" },
        { displayName: "Developers", description: "Application teams" },
    ],
    // Each OU is expanded to its accounts once per preview; every assignment is
    // keyed by permission set, group and account, so nothing unrelated is replaced.
    assignments: [
        { permissionSet: "Administrator", principals: [group("Platform Admins")], organizationalUnitIds: ous },
        { permissionSet: "ReadOnly", principals: [group("Auditors"), group("Developers")], organizationalUnitIds: ous },
        {
            permissionSet: "Developer",
            principals: [group("Developers")],
            organizationalUnitIds: ous,
            excludeAccountIds: productionAccountIds,
        },
        ...(existingPermissionSet
            ? [{ permissionSet: existingPermissionSet, principals: [group("Platform Admins")], organizationalUnitIds: [sandboxOu] }]
            : []),
    ],
    applications: [{
        name: "DeveloperPortal",
        description: "Internal developer portal",
        portalVisibility: "ENABLED",
        applicationUrl: "https://portal.example.com/login",
        assignmentRequired: true,
        principals: [group("Developers"), group("Platform Admins")],
        accessScopes: [{ scope: "sso:account:access" }],
    }],
    trustedTokenIssuers: [{
        name: "CorporateIdP",
        issuerUrl,
        claimAttributePath: "email",
        identityStoreAttributePath: "emails.value",
    }],
});

export const instanceArn = setup.instanceArn;
export const permissionSetArns = setup.permissionSetArns;
export const groupIds = setup.groupIds;
export const assignmentCount = setup.assignmentCount;
export const applicationArns = setup.applicationArns;
export const trustedTokenIssuerArns = setup.trustedTokenIssuerArns;
