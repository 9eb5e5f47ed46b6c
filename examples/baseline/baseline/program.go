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
			return errs
		}
		return Deploy(ctx, cfg)
	}
}

// Deploy registers the baseline that cfg describes. A component's validation
// errors come back as ConfigErrors at the configuration key paths of the
// inputs they name; every component is validated, so all errors show at once.
func Deploy(ctx *pulumi.Context, cfg *Config) error {
	var errs ConfigErrors
	// Organizations rejects concurrent changes (ConcurrentModificationException),
	// and each component chains only its own writes: so each part waits, with
	// DependsOn as no data flows between them, for the Organizations writes of
	// the part before it. Destroy runs in reverse. The writes are listed one by
	// one: DependsOn a component only covers the children the SDK has linked to
	// it when the dependent registers, and it links them asynchronously.
	var after []pulumi.Resource
	moved := map[string]string{"managementAccountId": key(KeyManagementAccountID)}

	if len(cfg.Integrations) > 0 {
		specs := make([]components.OrgIntegrationSpec, len(cfg.Integrations))
		for i, in := range cfg.Integrations {
			args := in.OrgServiceIntegrationArgs
			args.ManagementAccountID = cfg.ManagementAccountID
			specs[i] = components.OrgIntegrationSpec{Name: in.Name, Args: args}
		}
		set, err := components.NewOrgIntegrations(ctx, IntegrationsName,
			components.OrgIntegrationsArgs{Integrations: specs})
		if err != nil {
			errs = append(errs, mapIntegrationsError(err, cfg.Integrations, moved)...)
		} else {
			for _, in := range cfg.Integrations {
				after = append(after, orgWrites(set.Integrations[in.Name])...)
			}
			ctx.Export("integrationEnablePaths", set.EnablePaths)
			ctx.Export("integrationsReady", set.Ready)
		}
	}

	if cfg.IdentityCenter != nil {
		args := *cfg.IdentityCenter
		args.ManagementAccountID = cfg.ManagementAccountID
		setup, err := components.NewIdentityCenterSetup(ctx, IdentityCenterName, args, dependsOn(after)...)
		if err != nil {
			m := newErrorMapper(key(KeyIdentityCenter), components.IdentityCenterSetupArgs{}, moved)
			errs = append(errs, m.mapError(err)...)
		} else {
			after = orgWrites(setup.Integration)
			ctx.Export("identityCenterInstanceArn", setup.InstanceArn)
			ctx.Export("permissionSetArns", setup.PermissionSetArns)
			ctx.Export("assignmentCount", setup.AssignmentCount)
		}
	}

	if cfg.ServiceCatalog != nil {
		args := *cfg.ServiceCatalog
		args.ManagementAccountID = cfg.ManagementAccountID
		sharing, err := components.NewServiceCatalogSharing(ctx, ServiceCatalogName, args, dependsOn(after)...)
		if err != nil {
			m := newErrorMapper(key(KeyServiceCatalog), components.ServiceCatalogSharingArgs{}, moved)
			errs = append(errs, m.mapError(err)...)
		} else {
			ctx.Export("portfolioIds", sharing.PortfolioIDs)
			ctx.Export("shareIds", sharing.ShareIDs)
		}
	}

	if len(errs) > 0 {
		return errs
	}
	return nil
}

// orgWrites are an integration's resources that write to AWS Organizations:
// trusted access and the delegated-administrator registrations.
func orgWrites(in *components.OrgServiceIntegration) []pulumi.Resource {
	if in == nil {
		return nil
	}
	var out []pulumi.Resource
	if in.Access != nil {
		out = append(out, in.Access)
	}
	return append(out, in.DelegatedAdmins...)
}

func dependsOn(after []pulumi.Resource) []pulumi.ResourceOption {
	if len(after) == 0 {
		return nil
	}
	return []pulumi.ResourceOption{pulumi.DependsOn(after)}
}
