"""Service Catalog portfolios shared across an organization with orgtrust's
ServiceCatalogSharing: organization access through Service Catalog's own API, a
portfolio created and shared with the workload OUs, with principal name sharing.
Shares wait for organization access; `pulumi destroy` removes them first and
leaves organization access enabled. Run it with credentials of the
organization's management account:

    pulumi config set --path 'workloadOus[0]' ou-ab12-cdef3456
    pulumi up
"""

import pulumi
import pulumi_orgtrust as orgtrust

config = pulumi.Config()
workload_ous = config.require_object("workloadOus")
sandbox_account_id = config.get("sandboxAccountId")

shares = [orgtrust.ShareSpecArgs(type="ORGANIZATIONAL_UNIT", id=ou) for ou in workload_ous]
if sandbox_account_id:
    shares.append(orgtrust.ShareSpecArgs(type="ORGANIZATION_MEMBER_ACCOUNT", id=sandbox_account_id))

sharing = orgtrust.ServiceCatalogSharing(
    "service-catalog",
    # Optional; looked up from the organization when unset.
    management_account_id=config.get("managementAccountId"),
    organization_id=config.get("organizationId"),
    delegated_admin_account_id=config.get("delegatedAdminAccountId"),
    portfolios=[
        orgtrust.PortfolioSpecArgs(
            key="platform",
            create=orgtrust.PortfolioCreateSpecArgs(
                name="Platform golden paths",
                description="Approved building blocks from the platform team.",
                provider_name="Platform team",
                tags={"owner": "platform"},
            ),
            shares=shares,
            share_tag_options=True,
            # Principal name sharing carries these associations to every account under the OUs.
            share_principals=True,
            principal_associations=[
                orgtrust.PrincipalAssociationSpecArgs(permission_set_name="DeveloperAccess"),
                orgtrust.PrincipalAssociationSpecArgs(iam_role_pattern="ci/ProductLauncher*"),
            ],
        ),
    ],
)

pulumi.export("portfolioIds", sharing.portfolio_ids)
pulumi.export("shareIds", sharing.share_ids)
pulumi.export("ready", sharing.ready)
