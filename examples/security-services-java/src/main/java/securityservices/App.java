// GuardDuty and Security Hub delegated to an audit account, in each of two
// Regions, with orgtrust's OrgServiceIntegration. Run it with credentials of
// the organization's management account:
//
//   pulumi config set security:auditAccountId 222233334444
//   pulumi config set --path 'security:regions[0]' us-east-1   # optional
//   pulumi up
package securityservices;

import com.orgtrust.orgtrust.OrgServiceIntegration;
import com.orgtrust.orgtrust.OrgServiceIntegrationArgs;
import com.orgtrust.orgtrust.OrgtrustFunctions;
import com.orgtrust.orgtrust.inputs.GetDeployerPolicyArgs;
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
        var regions = config.getObject("regions", TypeShape.list(String.class))
                .orElse(List.of("us-east-1", "eu-west-1"));

        // Trusted access for guardduty.amazonaws.com, then the audit account as
        // GuardDuty's administrator in each Region (guardduty.OrganizationAdminAccount,
        // one per Region, named after it). A typo in `service` or a malformed account
        // ID fails the preview, before anything is created.
        var guardduty = new OrgServiceIntegration("guardduty", OrgServiceIntegrationArgs.builder()
                .service("guardduty")
                .delegatedAdminAccountId(auditAccountId)
                .regions(regions)
                .build());

        // Security Hub waits for GuardDuty, so the two never write to AWS Organizations
        // at the same time (OrgIntegrations chains any number of integrations this way).
        var securityhub = new OrgServiceIntegration("securityhub", OrgServiceIntegrationArgs.builder()
                .service("securityhub")
                .delegatedAdminAccountId(auditAccountId)
                .regions(regions)
                .build(),
                ComponentResourceOptions.builder().dependsOn(guardduty).build());

        // Resources of your own that need an integration take it in dependsOn: they
        // are created after it and destroyed before the administrator is deregistered
        // and trusted access disabled.

        ctx.export("principals", Output.all(guardduty.servicePrincipal(), securityhub.servicePrincipal()));
        ctx.export("enablePaths", Output.tuple(guardduty.enablePath(), securityhub.enablePath())
                .applyValue(paths -> Map.of("guardduty", paths.t1, "securityhub", paths.t2)));
        ctx.export("ready", securityhub.ready());

        // The least-privilege policy for the role that deploys this program.
        ctx.export("deployerPolicy", OrgtrustFunctions.getDeployerPolicy(GetDeployerPolicyArgs.builder()
                .services("guardduty", "securityhub")
                .build()).applyValue(GetDeployerPolicyResult::policy));
    }
}
