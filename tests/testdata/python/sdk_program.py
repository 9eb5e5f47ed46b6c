"""A program that uses every kind of thing in the Python SDK: the
TrustedServiceAccess resource, a component with nested input types (as
classes and as dicts), an enum, and the functions in their plain and output
forms. tests/python_test.go runs it under mocks with run_with_mocks.py."""

import pulumi
import pulumi_orgtrust as orgtrust

sso = orgtrust.TrustedServiceAccess(
    "sso",
    service_principal="sso.amazonaws.com",
    disable_on_delete=False,
)

integrations = orgtrust.OrgIntegrations(
    "security",
    integrations=[
        orgtrust.OrgIntegrationSpecArgs(
            name="guardduty",
            args=orgtrust.IntegrationSettingsArgs(
                service="guardduty",
                delegated_admin_account_id="111122223333",
                enable_via=orgtrust.EnablePath.SERVICE,
            ),
        ),
        {"name": "config", "args": {"service": "config", "allow_unknown_principal": True}},
    ],
    opts=pulumi.ResourceOptions(depends_on=[sso]),
)

catalog = orgtrust.get_trusted_service(key="sso")
listed = orgtrust.list_trusted_services_output()

pulumi.export("ssoDateEnabled", sso.date_enabled)
pulumi.export("ssoEnablePath", sso.enable_path)
pulumi.export("servicePrincipals", integrations.service_principals)
pulumi.export("catalogDisplayName", catalog.display_name)
pulumi.export("catalogPrincipals", catalog.principals)
pulumi.export("listed", listed.services.apply(lambda s: [e.key for e in s]))
