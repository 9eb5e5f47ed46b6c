// Package provider builds the orgtrust Pulumi provider with pulumi-go-provider's
// infer package. It serves the TrustedServiceAccess resource, the catalog
// functions, and constructs the components of package components for programs
// written in languages other than Go.
package provider

import (
	"context"
	"fmt"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// Version is set at build time with -ldflags "-X .../provider.Version=...".
var Version = "0.0.1-dev"

// Name is the Pulumi package name served by this provider.
const Name = components.PackageName

// LogoURL is the package's logo in the schema (logoUrl): docs/logo.png of the
// repository's main branch.
const LogoURL = "https://raw.githubusercontent.com/orgtrust/pulumi-orgtrust/main/docs/logo.png"

// New returns the orgtrust provider.
func New() (p.Provider, error) {
	prov, err := infer.NewProviderBuilder().
		WithDisplayName("orgtrust").
		WithDescription("Declarative, safe AWS Organizations trusted-access integrations: trusted service access, delegated administrators and the services built on them, created and destroyed in the order AWS requires.").
		WithConfig(infer.Config(&Config{})).
		WithResources(infer.Resource(&TrustedServiceAccess{}), infer.Resource(&AccountAssignments{}),
			infer.Resource(&PermissionSetProvisioning{})).
		WithResources(infer.Resource(&StackSetsOrganizationsAccess{}), infer.Resource(&SecurityLakeDelegatedAdmin{}),
			infer.Resource(&NotificationsOrganizationsAccess{})).
		WithComponents(
			infer.ComponentF(components.NewOrgServiceIntegration),
			infer.ComponentF(components.NewOrgIntegrations),
			infer.ComponentF(components.NewIdentityCenterSetup),
			infer.ComponentF(components.NewServiceCatalogSharing),
		).
		WithFunctions(
			infer.Function(&GetTrustedService{}),
			infer.Function(&ListTrustedServices{}),
			infer.Function(&GetDeployerPolicy{}),
			infer.Function(&GetOrganizationAccounts{}),
		).
		WithModuleMap(map[tokens.ModuleName]tokens.ModuleName{
			"components": "index",
			"catalog":    "index",
			"provider":   "index",
		}).
		WithKeywords("pulumi", "aws", "aws-organizations", "trusted-access", "delegated-administrator",
			"iam-identity-center", "service-catalog", "category/cloud", "kind/component").
		WithHomepage("https://github.com/orgtrust/pulumi-orgtrust").
		// A 100x100 PNG, as the Pulumi Registry's package metadata asks for.
		WithLogoURL(LogoURL).
		WithRepository("https://github.com/orgtrust/pulumi-orgtrust").
		WithPublisher("orgtrust").
		WithLicense("Apache-2.0").
		WithPluginDownloadURL(components.PluginDownloadURL).
		WithLanguageMap(map[string]any{
			"nodejs": map[string]any{
				"packageName":          "@orgtrust/pulumi-orgtrust",
				"packageDescription":   "AWS Organizations trusted-access integrations for Pulumi: orgtrust.",
				"respectSchemaVersion": true,
			},
			"python": map[string]any{
				"packageName":          "pulumi_orgtrust",
				"respectSchemaVersion": true,
				"pyproject":            map[string]any{"enabled": true},
			},
			"go": map[string]any{
				"generateResourceContainerTypes": true,
				"respectSchemaVersion":           true,
			},
			// The Java SDK (provider/cmd/pulumi-gen-orgtrust-java), Java package
			// com.orgtrust.orgtrust: the Java language host finds a package's
			// plugin.json only under com/ (com.pulumi.bootstrap.internal.PulumiPlugins).
			// It compiles against com.pulumi:pulumi and, at the versions that release
			// depends on itself, the two libraries the generated code uses directly.
			"java": map[string]any{
				"basePackage": "com.orgtrust",
				"dependencies": map[string]any{
					"com.pulumi:pulumi":               "1.12.0",
					"com.google.code.gson:gson":       "2.10",
					"com.google.code.findbugs:jsr305": "3.0.2",
				},
			},
		}).
		WithGoImportPath("github.com/orgtrust/pulumi-orgtrust/sdk/go/orgtrust").
		Build()
	if err != nil {
		return p.Provider{}, fmt.Errorf("building the %s provider: %w", Name, err)
	}
	prov.DiffConfig = diffConfig
	prov.Check = warnSharedPrincipals(prov.Check)
	// Account IDs are strings again before anything reads the inputs.
	prov.Construct = acceptNumericAccountIDs(explainMissingAWSPlugin(prov.Construct, findAWSPlugin))
	return prov, nil
}

// Run serves the provider over gRPC to the Pulumi engine.
func Run(ctx context.Context) error {
	prov, err := New()
	if err != nil {
		return err
	}
	return prov.Run(ctx, Name, Version)
}
