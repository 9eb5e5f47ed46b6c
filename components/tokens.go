package components

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// PackageName is the Pulumi package name of orgtrust. Every token starts with it.
const PackageName = catalog.PackageName

// The tokens of the orgtrust package, defined once in the catalog
// (catalog/tokens.go) and re-exported here for Go programs.
const (
	OrgServiceIntegrationToken            = catalog.OrgServiceIntegrationToken
	OrgIntegrationsToken                  = catalog.OrgIntegrationsToken
	IdentityCenterSetupToken              = catalog.IdentityCenterSetupToken
	ServiceCatalogSharingToken            = catalog.ServiceCatalogSharingToken
	TrustedServiceAccessToken             = catalog.TrustedServiceAccessToken
	AccountAssignmentsToken               = catalog.AccountAssignmentsToken
	PermissionSetProvisioningToken        = catalog.PermissionSetProvisioningToken
	StackSetsOrganizationsAccessToken     = catalog.StackSetsOrganizationsAccessToken
	SecurityLakeDelegatedAdminToken       = catalog.SecurityLakeDelegatedAdminToken
	NotificationsOrganizationsAccessToken = catalog.NotificationsOrganizationsAccessToken
)

// PluginDownloadURL is where the Pulumi engine downloads the orgtrust provider
// plugin from when it is not installed (`make install` installs it locally).
const PluginDownloadURL = "github://api.github.com/orgtrust/pulumi-orgtrust"

// PluginVersion is the orgtrust plugin version that Go programs request for
// orgtrust resources. Empty means any installed version. Release builds set it
// with -ldflags "-X github.com/orgtrust/pulumi-orgtrust/components.PluginVersion=...".
var PluginVersion = ""

// withPackageDefaults prepends the options that tell the engine where to find
// the orgtrust plugin; options given by the user come after and win.
func withPackageDefaults(opts []pulumi.ResourceOption) []pulumi.ResourceOption {
	defaults := []pulumi.ResourceOption{pulumi.PluginDownloadURL(PluginDownloadURL)}
	if PluginVersion != "" {
		defaults = append(defaults, pulumi.Version(PluginVersion))
	}
	return append(defaults, opts...)
}
