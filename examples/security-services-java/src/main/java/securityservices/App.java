// GuardDuty and Security Hub for the whole organization, administered by an
// audit account in each of two Regions, with orgtrust's OrgServiceIntegration.
// Run it with credentials of the organization's management account:
//
//   pulumi config set security:auditAccountId 222233334444
//   pulumi config set security:rootId r-a1b2                   # the organization's root
//   pulumi config set --path 'security:regions[0]' us-east-1   # optional
//   pulumi up
package securityservices;

import com.orgtrust.orgtrust.OrgServiceIntegration;
import com.orgtrust.orgtrust.OrgServiceIntegrationArgs;
import com.orgtrust.orgtrust.OrgtrustFunctions;
import com.orgtrust.orgtrust.inputs.GetDeployerPolicyArgs;
import com.orgtrust.orgtrust.inputs.GuardDutyConfigurationArgs;
import com.orgtrust.orgtrust.inputs.GuardDutyProtectionPlanArgs;
import com.orgtrust.orgtrust.inputs.OrganizationConfigurationArgs;
import com.orgtrust.orgtrust.inputs.SecurityHubConfigurationArgs;
import com.orgtrust.orgtrust.inputs.SecurityHubPolicyArgs;
import com.orgtrust.orgtrust.outputs.GetDeployerPolicyResult;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.List;
import java.util.Map;

public class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config("security");
        var auditAccountId = config.require("auditAccountId");
        var rootId = config.require("rootId");
        var regions = config.getObject("regions", TypeShape.list(String.class))
                .orElse(List.of("us-east-1", "eu-west-1"));

        // Trusted access for guardduty.amazonaws.com, then the audit account as
        // GuardDuty's administrator in each Region, then, in the audit account (through
        // an aws provider that assumes OrganizationAccountAccessRole there), GuardDuty
        // for every member account with S3 Protection and Malware Protection for EC2.
        // A typo in a plan's name or a malformed account ID fails the preview.
        var guardduty = new OrgServiceIntegration("guardduty", OrgServiceIntegrationArgs.builder()
                .service("guardduty")
                .delegatedAdminAccountId(auditAccountId)
                .regions(regions)
                .organizationConfiguration(OrganizationConfigurationArgs.builder()
                        .guardDuty(GuardDutyConfigurationArgs.builder()
                                .autoEnable("ALL")
                                .protectionPlans(
                                        GuardDutyProtectionPlanArgs.builder().name("S3_DATA_EVENTS").build(),
                                        GuardDutyProtectionPlanArgs.builder().name("EBS_MALWARE_PROTECTION").build())
                                .build())
                        .build())
                .build());

        // Security Hub's central configuration: from the first Region, a policy with the
        // foundational best practices for the whole organization (its root). It waits for
        // GuardDuty, so the two never write to AWS Organizations at the same time.
        var securityhub = new OrgServiceIntegration("securityhub", OrgServiceIntegrationArgs.builder()
                .service("securityhub")
                .delegatedAdminAccountId(auditAccountId)
                .regions(regions)
                .organizationConfiguration(OrganizationConfigurationArgs.builder()
                        .securityHub(SecurityHubConfigurationArgs.builder()
                                .configurationType("CENTRAL")
                                .homeRegion(regions.get(0))
                                .policies(SecurityHubPolicyArgs.builder()
                                        .name("foundational")
                                        .standards("aws-foundational-security-best-practices/v/1.0.0")
                                        .targets(rootId)
                                        .build())
                                .build())
                        .build())
                .build(),
                ComponentResourceOptions.builder().dependsOn(guardduty).build());

        ctx.export("principals", Output.all(guardduty.servicePrincipal(), securityhub.servicePrincipal()));
        ctx.export("enablePaths", Output.tuple(guardduty.enablePath(), securityhub.enablePath())
                .applyValue(paths -> Map.of("guardduty", paths.t1, "securityhub", paths.t2)));
        ctx.export("ready", securityhub.ready());

        // The least-privilege policies: the deploying role's, and the audit account's
        // role that the organization configuration assumes.
        var policies = OrgtrustFunctions.getDeployerPolicy(GetDeployerPolicyArgs.builder()
                .services("guardduty", "securityhub")
                .organizationConfiguration(true)
                .build());
        ctx.export("deployerPolicy", policies.applyValue(GetDeployerPolicyResult::policy));
        ctx.export("administratorPolicy", policies.applyValue(p -> p.administratorPolicy().orElse("")));
    }
}
