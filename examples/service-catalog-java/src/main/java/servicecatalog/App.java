// Service Catalog portfolios shared across an organization with orgtrust's
// ServiceCatalogSharing: organization access through Service Catalog's own
// EnableAWSOrganizationsAccess, a portfolio created and shared with the workload
// OUs, with principal name sharing for an IAM Identity Center permission set and
// a CI role pattern. Shares wait for organization access; `pulumi destroy`
// removes them first and leaves organization access enabled. Run it with
// credentials of the organization's management account:
//
//   pulumi config set --path 'workloadOus[0]' ou-ab12-cdef3456
//   pulumi config set sandboxAccountId 333333333333   # optional
//   pulumi up
package servicecatalog;

import com.orgtrust.orgtrust.ServiceCatalogSharing;
import com.orgtrust.orgtrust.ServiceCatalogSharingArgs;
import com.orgtrust.orgtrust.inputs.PortfolioCreateSpecArgs;
import com.orgtrust.orgtrust.inputs.PortfolioSpecArgs;
import com.orgtrust.orgtrust.inputs.PrincipalAssociationSpecArgs;
import com.orgtrust.orgtrust.inputs.ShareSpecArgs;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import java.util.ArrayList;
import java.util.Map;

public class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config();
        var shares = new ArrayList<ShareSpecArgs>();
        for (var ou : config.requireObject("workloadOus", String[].class)) {
            shares.add(ShareSpecArgs.builder().type("ORGANIZATIONAL_UNIT").id(ou).build());
        }
        config.get("sandboxAccountId").ifPresent(id ->
                shares.add(ShareSpecArgs.builder().type("ORGANIZATION_MEMBER_ACCOUNT").id(id).build()));

        var sharing = new ServiceCatalogSharing("service-catalog", ServiceCatalogSharingArgs.builder()
                // Optional; looked up from the organization when unset.
                .managementAccountId(config.get("managementAccountId").orElse(null))
                .organizationId(config.get("organizationId").orElse(null))
                .delegatedAdminAccountId(config.get("delegatedAdminAccountId").orElse(null))
                .portfolios(PortfolioSpecArgs.builder()
                        .key("platform")
                        .create(PortfolioCreateSpecArgs.builder()
                                .name("Platform golden paths")
                                .description("Approved building blocks from the platform team.")
                                .providerName("Platform team")
                                .tags(Map.of("owner", "platform"))
                                .build())
                        .shares(shares)
                        .shareTagOptions(true)
                        // Principal name sharing carries these associations to every account under the OUs.
                        .sharePrincipals(true)
                        .principalAssociations(
                                PrincipalAssociationSpecArgs.builder().permissionSetName("DeveloperAccess").build(),
                                PrincipalAssociationSpecArgs.builder().iamRolePattern("ci/ProductLauncher*").build())
                        .build())
                .build());

        ctx.export("portfolioIds", sharing.portfolioIds());
        ctx.export("shareIds", sharing.shareIds());
        ctx.export("ready", sharing.ready());
    }
}
