package components

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// PackageName is the Pulumi package name of orgtrust. Every token starts with it.
const PackageName = "orgtrust"

// Tokens of the resources and components in the orgtrust package. Each equals the
// token that infer derives for the Go type (module "components", mapped to
// "index" by the provider), so a component registers under the same type whether
// a Go program calls its constructor directly or the provider constructs it.
const (
	TrustedServiceAccessToken             = PackageName + ":index:TrustedServiceAccess"
	StackSetsOrganizationsAccessToken     = PackageName + ":index:StackSetsOrganizationsAccess"
	SecurityLakeDelegatedAdminToken       = PackageName + ":index:SecurityLakeDelegatedAdmin"
	NotificationsOrganizationsAccessToken = PackageName + ":index:NotificationsOrganizationsAccess"
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
