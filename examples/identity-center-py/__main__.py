"""IAM Identity Center for an organization with orgtrust's IdentityCenterSetup:
trusted access for sso.amazonaws.com (kept on destroy), administrator, read-only
and developer permission sets, three groups, assignments by OU, AWS Control
Tower's AWSAdministratorAccess permission set referenced by name, a developer
portal application (OAuth 2.0) assigned to two groups, and the company's
identity provider as a trusted token issuer. Enable IAM Identity Center once
in its console, then run this with credentials of the organization's
management account, in that Region:

    pulumi config set identity:workloadsOu ou-ab12-workload1
    pulumi config set identity:sandboxOu ou-ab12-sandbox01
    pulumi config set identity:issuerUrl https://login.example.com/oauth2/default
    pulumi config set identity:existingPermissionSet AWSAdministratorAccess
    pulumi up
"""

import json

import pulumi
import pulumi_orgtrust as orgtrust

config = pulumi.Config("identity")
ous = [config.require("workloadsOu"), config.require("sandboxOu")]
# Optional: an identity account to administer Identity Center, and production
# accounts that developers must not reach.
identity_account = config.get("delegatedAdminAccountId")
production_account_ids = config.get_object("productionAccountIds") or []
# The company's OpenID Connect issuer, trusted for identity propagation.
issuer_url = config.require("issuerUrl")
# Optional: an existing permission set, looked up by name at preview and never modified.
existing_permission_set = config.get("existingPermissionSet")

# Developers may do everything a power user does, except create long-lived IAM credentials.
deny_iam_users = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "NoLongLivedCredentials",
        "Effect": "Deny",
        "Action": ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"],
        "Resource": "*",
    }],
})


def group(name):
    return orgtrust.PrincipalRefArgs(type=orgtrust.PrincipalType.GROUP, name=name)


setup = orgtrust.IdentityCenterSetup(
    "identity-center",
    delegated_admin_account_id=identity_account,
    permission_sets=[
        orgtrust.PermissionSetSpecArgs(
            name="Administrator",
            description="Full access, for short break-glass sessions",
            session_duration="PT1H",
            managed_policy_arns=["arn:aws:iam::aws:policy/AdministratorAccess"],
        ),
        orgtrust.PermissionSetSpecArgs(
            name="ReadOnly",
            description="Read-only access to every service",
            session_duration="PT8H",
            managed_policy_arns=[
                "arn:aws:iam::aws:policy/ReadOnlyAccess",
                "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
            ],
        ),
        orgtrust.PermissionSetSpecArgs(
            name="Developer",
            description="Build and run workloads; no long-lived IAM credentials",
            session_duration="PT8H",
            managed_policy_arns=["arn:aws:iam::aws:policy/PowerUserAccess"],
            inline_policy=deny_iam_users,
            tags={"managed-by": "orgtrust"},
        ),
    ] + ([orgtrust.PermissionSetSpecArgs(name=existing_permission_set, existing=True)]
         if existing_permission_set else []),
    groups=[
        orgtrust.GroupSpecArgs(display_name="Platform Admins", description="Operators of the landing zone"),
        orgtrust.GroupSpecArgs(display_name="Auditors", description="Security and compliance reviewers"),
        orgtrust.GroupSpecArgs(display_name="Developers", description="Application teams"),
    ],
    # Each OU is expanded to its accounts once per preview; every assignment is
    # keyed by permission set, group and account, so nothing unrelated is replaced.
    assignments=[
        orgtrust.AssignmentSpecArgs(
            permission_set="Administrator",
            principals=[group("Platform Admins")],
            organizational_unit_ids=ous,
        ),
        orgtrust.AssignmentSpecArgs(
            permission_set="ReadOnly",
            principals=[group("Auditors"), group("Developers")],
            organizational_unit_ids=ous,
        ),
        orgtrust.AssignmentSpecArgs(
            permission_set="Developer",
            principals=[group("Developers")],
            organizational_unit_ids=ous,
            exclude_account_ids=production_account_ids,
        ),
    ] + ([orgtrust.AssignmentSpecArgs(
        permission_set=existing_permission_set,
        principals=[group("Platform Admins")],
        organizational_unit_ids=[ous[1]],
    )] if existing_permission_set else []),
    applications=[
        orgtrust.ApplicationSpecArgs(
            name="DeveloperPortal",
            description="Internal developer portal",
            portal_visibility="ENABLED",
            application_url="https://portal.example.com/login",
            assignment_required=True,
            principals=[group("Developers"), group("Platform Admins")],
            access_scopes=[orgtrust.AccessScopeSpecArgs(scope="sso:account:access")],
        ),
    ],
    trusted_token_issuers=[
        orgtrust.TrustedTokenIssuerSpecArgs(
            name="CorporateIdP",
            issuer_url=issuer_url,
            claim_attribute_path="email",
            identity_store_attribute_path="emails.value",
        ),
    ],
)

pulumi.export("instanceArn", setup.instance_arn)
pulumi.export("permissionSetArns", setup.permission_set_arns)
pulumi.export("groupIds", setup.group_ids)
pulumi.export("assignmentCount", setup.assignment_count)
pulumi.export("applicationArns", setup.application_arns)
pulumi.export("trustedTokenIssuerArns", setup.trusted_token_issuer_arns)
