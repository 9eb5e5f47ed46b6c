// Package baseline is the organization baseline: the program of the root
// Pulumi project (orgtrust-baseline), kept in a package so that `make plan`
// runs the very same code under Pulumi's mock runtime.
//
// It reads the stack configuration under the orgtrust-baseline: namespace
// (see Pulumi.example.yaml at the repository root) and deploys, with the
// orgtrust components:
//
//   - integrations: trusted access for AWS services, their delegated
//     administrators and Regions, as one OrgIntegrations set;
//   - identityCenter: IAM Identity Center permission sets, groups, users and
//     account assignments, with an IdentityCenterSetup;
//   - serviceCatalog: Service Catalog portfolio shares, with a
//     ServiceCatalogSharing.
//
// Configuration errors fail the preview, each at its configuration key path,
// such as orgtrust-baseline:identityCenter.permissionSets[2].sessionDuration.
package baseline

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// Resource names of the baseline's components.
const (
	IntegrationsName   = "integrations"
	IdentityCenterName = "identity-center"
	ServiceCatalogName = "service-catalog"
)

// Program returns the baseline program. allKeys are the stack's configuration
// keys, to reject unknown keys in the orgtrust-baseline namespace: the Pulumi
// engine's (EnvConfigKeys) in a real run, the stack file's under `make plan`;
// nil skips that check.
func Program(allKeys []string) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		cfg, errs := LoadConfig(ctx, allKeys)
		if len(errs) > 0 {
			return configError(errs)
		}
		return Deploy(ctx, cfg)
	}
}

// Deploy registers the baseline that cfg describes. Every section is checked
// first, with the components' Check functions, and nothing is registered
// unless all pass: a component's validation errors come back as
// components.InputErrors at the configuration key paths of the inputs they
// name, all at once, and a bad section never leaves the others created.
func Deploy(ctx *pulumi.Context, cfg *Config) error {
	if errs := check(cfg); len(errs) > 0 {
		return configError(errs)
	}
	// Organizations rejects concurrent changes (ConcurrentModificationException),
	// and each component chains only its own writes: so each part waits, with
	// the DependsOn option of the part before it (no data flows between
	// them), for that part's Organizations writes. Destroy runs in reverse.
	var after []pulumi.ResourceOption

	if len(cfg.Integrations) > 0 {
		set, err := components.NewOrgIntegrations(ctx, IntegrationsName, integrationsArgs(cfg))
		if err != nil {
			return integrationsErrors(err)
		}
		after = []pulumi.ResourceOption{set.DependsOn()}
		ctx.Export("integrationEnablePaths", set.EnablePaths)
		ctx.Export("integrationsReady", set.Ready)
	}

	if cfg.IdentityCenter != nil {
		setup, err := components.NewIdentityCenterSetup(ctx, IdentityCenterName, identityCenterArgs(cfg), after...)
		if err != nil {
			return identityCenterErrors(err)
		}
		after = []pulumi.ResourceOption{setup.Integration.DependsOn()}
		ctx.Export("identityCenterInstanceArn", setup.InstanceArn)
		ctx.Export("permissionSetArns", setup.PermissionSetArns)
		ctx.Export("assignmentCount", setup.AssignmentCount)
	}

	if cfg.ServiceCatalog != nil {
		sharing, err := components.NewServiceCatalogSharing(ctx, ServiceCatalogName, serviceCatalogArgs(cfg), after...)
		if err != nil {
			return serviceCatalogErrors(err)
		}
		ctx.Export("portfolioIds", sharing.PortfolioIDs)
		ctx.Export("shareIds", sharing.ShareIDs)
	}
	return nil
}

// check runs every section's Check function and returns all their errors.
func check(cfg *Config) components.InputErrors {
	var errs components.InputErrors
	if len(cfg.Integrations) > 0 {
		if err := components.CheckOrgIntegrations(IntegrationsName, integrationsArgs(cfg)); err != nil {
			errs = append(errs, integrationsErrors(err)...)
		}
	}
	if cfg.IdentityCenter != nil {
		if err := components.CheckIdentityCenterSetup(IdentityCenterName, identityCenterArgs(cfg)); err != nil {
			errs = append(errs, identityCenterErrors(err)...)
		}
	}
	if cfg.ServiceCatalog != nil {
		if err := components.CheckServiceCatalogSharing(ServiceCatalogName, serviceCatalogArgs(cfg)); err != nil {
			errs = append(errs, serviceCatalogErrors(err)...)
		}
	}
	return errs
}

func integrationsArgs(cfg *Config) components.OrgIntegrationsArgs {
	specs := make([]components.OrgIntegrationSpec, len(cfg.Integrations))
	for i, in := range cfg.Integrations {
		args := in.OrgServiceIntegrationArgs
		args.ManagementAccountID = cfg.ManagementAccountID
		specs[i] = components.OrgIntegrationSpec{Name: in.Name, Args: args}
	}
	return components.OrgIntegrationsArgs{Integrations: specs}
}

func identityCenterArgs(cfg *Config) components.IdentityCenterSetupArgs {
	args := *cfg.IdentityCenter
	args.ManagementAccountID = cfg.ManagementAccountID
	return args
}

func serviceCatalogArgs(cfg *Config) components.ServiceCatalogSharingArgs {
	args := *cfg.ServiceCatalog
	args.ManagementAccountID = cfg.ManagementAccountID
	return args
}
