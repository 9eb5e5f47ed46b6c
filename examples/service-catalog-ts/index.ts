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
import * as pulumi from "@pulumi/pulumi";
import * as orgtrust from "@orgtrust/pulumi-orgtrust";
import type { types } from "@orgtrust/pulumi-orgtrust";

const config = new pulumi.Config();
const workloadOus = config.requireObject<string[]>("workloadOus");
const sandboxAccountId = config.get("sandboxAccountId");

const shares: types.input.ShareSpecArgs[] = workloadOus.map(id => ({ type: "ORGANIZATIONAL_UNIT", id }));
if (sandboxAccountId) {
    shares.push({ type: "ORGANIZATION_MEMBER_ACCOUNT", id: sandboxAccountId });
}

const sharing = new orgtrust.ServiceCatalogSharing("service-catalog", {
    // Optional; looked up from the organization when unset.
    managementAccountId: config.get("managementAccountId"),
    organizationId: config.get("organizationId"),
    delegatedAdminAccountId: config.get("delegatedAdminAccountId"),
    portfolios: [{
        key: "platform",
        create: {
            name: "Platform golden paths",
            description: "Approved building blocks from the platform team.",
            providerName: "Platform team",
            tags: { owner: "platform" },
        },
        shares,
        shareTagOptions: true,
        // Principal name sharing carries these associations to every account under the OUs.
        sharePrincipals: true,
        principalAssociations: [
            { permissionSetName: "DeveloperAccess" },
            { iamRolePattern: "ci/ProductLauncher*" },
        ],
    }],
});

export const portfolioIds = sharing.portfolioIds;
export const shareIds = sharing.shareIds;
export const ready = sharing.ready;
