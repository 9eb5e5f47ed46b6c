// Command identity-center sets up IAM Identity Center for an organization with
// one IdentityCenterSetup: trusted access for sso.amazonaws.com (kept on
// destroy), an identity account as delegated administrator, administrator,
// read-only and developer permission sets, three groups, and assignments by
// OU that follow accounts as they join or leave the OUs, AWS Control Tower's
// AWSAdministratorAccess permission set referenced by name (optional), a
// developer portal application (OAuth 2.0) assigned to two groups, and the
// company's identity provider as a trusted token issuer. Run it with
// credentials of the organization's management account, with the aws
// provider's Region set to the Region where IAM Identity Center is enabled.
package main

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "identity")
		workloadsOU := cfg.Require("workloadsOu")
		sandboxOU := cfg.Require("sandboxOu")
		// Optional: an identity account to administer Identity Center, and
		// production accounts developers must not reach.
		identityAccount := cfg.Get("delegatedAdminAccountId")
		// The company's OpenID Connect issuer, trusted for identity propagation.
		issuerURL := cfg.Require("issuerUrl")
		// Optional: an existing permission set (AWS Control Tower's
		// AWSAdministratorAccess, say) to give Platform Admins in the sandbox
		// OU; looked up by name at preview, never modified.
		existingPermissionSet := cfg.Get("existingPermissionSet")
		var production []string
		if err := cfg.TryObject("productionAccountIds", &production); err != nil &&
			!errors.Is(err, config.ErrMissingVar) {
			return fmt.Errorf("reading identity:productionAccountIds: %w", err)
		}

		// Developers may do everything a power user does, except touch IAM
		// users and access keys.
		denyIAMUsers, err := json.Marshal(map[string]any{
			"Version": "2012-10-17",
			"Statement": []map[string]any{{
				"Sid":      "NoLongLivedCredentials",
				"Effect":   "Deny",
				"Action":   []string{"iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"},
				"Resource": "*",
			}},
		})
		if err != nil {
			return fmt.Errorf("encoding the developer inline policy: %w", err)
		}

		group := func(name string) components.PrincipalRef {
			return components.PrincipalRef{Type: components.PrincipalGroup, Name: name}
		}
		args := components.IdentityCenterSetupArgs{
			DelegatedAdminAccountID: identityAccount,
			PermissionSets: []components.PermissionSetSpec{
				{
					Name:              "Administrator",
					Description:       "Full access, for short break-glass sessions",
					SessionDuration:   "PT1H",
					ManagedPolicyArns: []string{"arn:aws:iam::aws:policy/AdministratorAccess"},
				},
				{
					Name:            "ReadOnly",
					Description:     "Read-only access to every service",
					SessionDuration: "PT8H",
					ManagedPolicyArns: []string{
						"arn:aws:iam::aws:policy/ReadOnlyAccess",
						"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
					},
				},
				{
					Name:              "Developer",
					Description:       "Build and run workloads; no long-lived IAM credentials",
					SessionDuration:   "PT8H",
					ManagedPolicyArns: []string{"arn:aws:iam::aws:policy/PowerUserAccess"},
					InlinePolicy:      string(denyIAMUsers),
					Tags:              map[string]string{"managed-by": "orgtrust"},
				},
			},
			Groups: []components.GroupSpec{
				{DisplayName: "Platform Admins", Description: "Operators of the landing zone"},
				{DisplayName: "Auditors", Description: "Security and compliance reviewers"},
				{DisplayName: "Developers", Description: "Application teams"},
			},
			Assignments: []components.AssignmentSpec{
				{
					PermissionSet:         "Administrator",
					Principals:            []components.PrincipalRef{group("Platform Admins")},
					OrganizationalUnitIDs: []string{workloadsOU, sandboxOU},
				},
				{
					PermissionSet:         "ReadOnly",
					Principals:            []components.PrincipalRef{group("Auditors"), group("Developers")},
					OrganizationalUnitIDs: []string{workloadsOU, sandboxOU},
				},
				{
					PermissionSet:         "Developer",
					Principals:            []components.PrincipalRef{group("Developers")},
					OrganizationalUnitIDs: []string{workloadsOU, sandboxOU},
					ExcludeAccountIDs:     production,
				},
			},
			Applications: []components.ApplicationSpec{{
				Name:               "DeveloperPortal",
				Description:        "Internal developer portal",
				PortalVisibility:   "ENABLED",
				ApplicationURL:     "https://portal.example.com/login",
				AssignmentRequired: pulumi.BoolRef(true),
				Principals:         []components.PrincipalRef{group("Developers"), group("Platform Admins")},
				AccessScopes:       []components.AccessScopeSpec{{Scope: "sso:account:access"}},
			}},
			TrustedTokenIssuers: []components.TrustedTokenIssuerSpec{{
				Name:                       "CorporateIdP",
				IssuerURL:                  issuerURL,
				ClaimAttributePath:         "email",
				IdentityStoreAttributePath: "emails.value",
			}},
		}
		if existingPermissionSet != "" {
			args.PermissionSets = append(args.PermissionSets,
				components.PermissionSetSpec{Name: existingPermissionSet, Existing: true})
			args.Assignments = append(args.Assignments, components.AssignmentSpec{
				PermissionSet:         existingPermissionSet,
				Principals:            []components.PrincipalRef{group("Platform Admins")},
				OrganizationalUnitIDs: []string{sandboxOU},
			})
		}
		setup, err := components.NewIdentityCenterSetup(ctx, "identity-center", args)
		if err != nil {
			return err // bad input fails here, at preview, naming the field
		}
		ctx.Export("instanceArn", setup.InstanceArn)
		ctx.Export("permissionSetArns", setup.PermissionSetArns)
		ctx.Export("groupIds", setup.GroupIDs)
		ctx.Export("assignmentCount", setup.AssignmentCount)
		ctx.Export("applicationArns", setup.ApplicationArns)
		ctx.Export("trustedTokenIssuerArns", setup.TrustedTokenIssuerArns)
		return nil
	})
}
