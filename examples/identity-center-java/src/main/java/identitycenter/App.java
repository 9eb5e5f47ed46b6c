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
package identitycenter;

import com.orgtrust.orgtrust.IdentityCenterSetup;
import com.orgtrust.orgtrust.IdentityCenterSetupArgs;
import com.orgtrust.orgtrust.enums.PrincipalType;
import com.orgtrust.orgtrust.inputs.AccessScopeSpecArgs;
import com.orgtrust.orgtrust.inputs.ApplicationSpecArgs;
import com.orgtrust.orgtrust.inputs.AssignmentSpecArgs;
import com.orgtrust.orgtrust.inputs.GroupSpecArgs;
import com.orgtrust.orgtrust.inputs.PermissionSetSpecArgs;
import com.orgtrust.orgtrust.inputs.PrincipalRefArgs;
import com.orgtrust.orgtrust.inputs.TrustedTokenIssuerSpecArgs;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

public class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    // Developers may do everything a power user does, except create long-lived IAM credentials.
    private static final String DENY_IAM_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{"
            + "\"Sid\":\"NoLongLivedCredentials\",\"Effect\":\"Deny\","
            + "\"Action\":[\"iam:CreateUser\",\"iam:CreateAccessKey\",\"iam:CreateLoginProfile\"],"
            + "\"Resource\":\"*\"}]}";

    private static PrincipalRefArgs group(String name) {
        return PrincipalRefArgs.builder().type(PrincipalType.Group).name(name).build();
    }

    public static void stack(Context ctx) {
        var config = ctx.config("identity");
        var ous = List.of(config.require("workloadsOu"), config.require("sandboxOu"));
        // Optional: an identity account to administer Identity Center, and production
        // accounts that developers must not reach.
        var identityAccount = config.get("delegatedAdminAccountId").orElse(null);
        var productionAccountIds = config.getObject("productionAccountIds", String[].class)
                .map(Arrays::asList).orElse(List.of());
        // The company's OpenID Connect issuer, trusted for identity propagation.
        var issuerUrl = config.require("issuerUrl");
        // Optional: an existing permission set, looked up by name at preview and never modified.
        var existingPermissionSet = config.get("existingPermissionSet").orElse(null);

        var permissionSets = new ArrayList<>(List.of(
                PermissionSetSpecArgs.builder()
                        .name("Administrator")
                        .description("Full access, for short break-glass sessions")
                        .sessionDuration("PT1H")
                        .managedPolicyArns("arn:aws:iam::aws:policy/AdministratorAccess")
                        .build(),
                PermissionSetSpecArgs.builder()
                        .name("ReadOnly")
                        .description("Read-only access to every service")
                        .sessionDuration("PT8H")
                        .managedPolicyArns(
                                "arn:aws:iam::aws:policy/ReadOnlyAccess",
                                "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess")
                        .build(),
                PermissionSetSpecArgs.builder()
                        .name("Developer")
                        .description("Build and run workloads; no long-lived IAM credentials")
                        .sessionDuration("PT8H")
                        .managedPolicyArns("arn:aws:iam::aws:policy/PowerUserAccess")
                        .inlinePolicy(DENY_IAM_USERS)
                        .tags(Map.of("managed-by", "orgtrust"))
                        .build()));
        // Each OU is expanded to its accounts once per preview; every assignment is
        // keyed by permission set, group and account, so nothing unrelated is replaced.
        var assignments = new ArrayList<>(List.of(
                AssignmentSpecArgs.builder()
                        .permissionSet("Administrator")
                        .principals(group("Platform Admins"))
                        .organizationalUnitIds(ous)
                        .build(),
                AssignmentSpecArgs.builder()
                        .permissionSet("ReadOnly")
                        .principals(group("Auditors"), group("Developers"))
                        .organizationalUnitIds(ous)
                        .build(),
                AssignmentSpecArgs.builder()
                        .permissionSet("Developer")
                        .principals(group("Developers"))
                        .organizationalUnitIds(ous)
                        .excludeAccountIds(productionAccountIds)
                        .build()));
        if (existingPermissionSet != null) {
            permissionSets.add(PermissionSetSpecArgs.builder().name(existingPermissionSet).existing(true).build());
            assignments.add(AssignmentSpecArgs.builder()
                    .permissionSet(existingPermissionSet)
                    .principals(group("Platform Admins"))
                    .organizationalUnitIds(config.require("sandboxOu"))
                    .build());
        }

        var setup = new IdentityCenterSetup("identity-center", IdentityCenterSetupArgs.builder()
                .delegatedAdminAccountId(identityAccount)
                .permissionSets(permissionSets)
                .groups(
                        GroupSpecArgs.builder().displayName("Platform Admins").description("Operators of the landing zone").build(),
                        GroupSpecArgs.builder().displayName("Auditors").description("Security and compliance reviewers").build(),
                        GroupSpecArgs.builder().displayName("Developers").description("Application teams").build())
                .assignments(assignments)
                .applications(ApplicationSpecArgs.builder()
                        .name("DeveloperPortal")
                        .description("Internal developer portal")
                        .portalVisibility("ENABLED")
                        .applicationUrl("https://portal.example.com/login")
                        .assignmentRequired(true)
                        .principals(group("Developers"), group("Platform Admins"))
                        .accessScopes(AccessScopeSpecArgs.builder().scope("sso:account:access").build())
                        .build())
                .trustedTokenIssuers(TrustedTokenIssuerSpecArgs.builder()
                        .name("CorporateIdP")
                        .issuerUrl(issuerUrl)
                        .claimAttributePath("email")
                        .identityStoreAttributePath("emails.value")
                        .build())
                .build());

        ctx.export("instanceArn", setup.instanceArn());
        ctx.export("permissionSetArns", setup.permissionSetArns());
        ctx.export("groupIds", setup.groupIds());
        ctx.export("assignmentCount", setup.assignmentCount());
        ctx.export("applicationArns", setup.applicationArns());
        ctx.export("trustedTokenIssuerArns", setup.trustedTokenIssuerArns());
    }
}
