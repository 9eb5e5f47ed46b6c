package components

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// TestCheckMatchesConstructor checks that each component's Check function
// rejects what its constructor rejects, with the constructor's error, and
// accepts what it accepts, registering nothing either way.
func TestCheckMatchesConstructor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		check     func() error
		construct func(ctx *pulumi.Context) error
		wantErr   string
	}{
		{
			name: "OrgIntegrations, overlapping principals",
			check: func() error {
				return CheckOrgIntegrations("set", OrgIntegrationsArgs{Integrations: []OrgIntegrationSpec{
					{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty"}},
					{Name: "gd2", Args: OrgServiceIntegrationArgs{ServicePrincipal: "guardduty.amazonaws.com"}},
				}})
			},
			construct: func(ctx *pulumi.Context) error {
				_, err := NewOrgIntegrations(ctx, "set", OrgIntegrationsArgs{Integrations: []OrgIntegrationSpec{
					{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty"}},
					{Name: "gd2", Args: OrgServiceIntegrationArgs{ServicePrincipal: "guardduty.amazonaws.com"}},
				}})
				return err
			},
			wantErr: `integration "gd2": it manages guardduty.amazonaws.com`,
		},
		{
			name: "OrgIntegrations, valid",
			check: func() error {
				return CheckOrgIntegrations("set", OrgIntegrationsArgs{Integrations: []OrgIntegrationSpec{
					{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount}},
				}})
			},
			construct: func(ctx *pulumi.Context) error {
				_, err := NewOrgIntegrations(ctx, "set", OrgIntegrationsArgs{Integrations: []OrgIntegrationSpec{
					{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount}},
				}})
				return err
			},
		},
		{
			name: "IdentityCenterSetup, session duration out of range",
			check: func() error {
				args := icFullArgs()
				args.PermissionSets[0].SessionDuration = "PT13H"
				return CheckIdentityCenterSetup("ic", args)
			},
			construct: func(ctx *pulumi.Context) error {
				args := icFullArgs()
				args.PermissionSets[0].SessionDuration = "PT13H"
				_, err := NewIdentityCenterSetup(ctx, "ic", args)
				return err
			},
			wantErr: `permissionSets[0].sessionDuration "PT13H" is 13h0m0s`,
		},
		{
			name: "IdentityCenterSetup, delegated admin is the management account",
			check: func() error {
				args := icFullArgs()
				args.DelegatedAdminAccountID = args.ManagementAccountID
				return CheckIdentityCenterSetup("ic", args)
			},
			construct: func(ctx *pulumi.Context) error {
				args := icFullArgs()
				args.DelegatedAdminAccountID = args.ManagementAccountID
				_, err := NewIdentityCenterSetup(ctx, "ic", args)
				return err
			},
			wantErr: `delegatedAdminAccountId "111122223333" is the management account`,
		},
		{
			name:      "IdentityCenterSetup, valid",
			check:     func() error { return CheckIdentityCenterSetup("ic", icFullArgs()) },
			construct: func(ctx *pulumi.Context) error { _, err := NewIdentityCenterSetup(ctx, "ic", icFullArgs()); return err },
		},
		{
			name: "ServiceCatalogSharing, bad OU ID",
			check: func() error {
				args := scFullArgs()
				args.Portfolios[0].Shares = []ShareSpec{{Type: ShareTypeOrganizationalUnit, ID: "ou-bad"}}
				return CheckServiceCatalogSharing("sc", args)
			},
			construct: func(ctx *pulumi.Context) error {
				args := scFullArgs()
				args.Portfolios[0].Shares = []ShareSpec{{Type: ShareTypeOrganizationalUnit, ID: "ou-bad"}}
				_, err := NewServiceCatalogSharing(ctx, "sc", args)
				return err
			},
			wantErr: `portfolios[0].shares[0].id: "ou-bad" is not valid`,
		},
		{
			name:  "ServiceCatalogSharing, valid",
			check: func() error { return CheckServiceCatalogSharing("sc", scFullArgs()) },
			construct: func(ctx *pulumi.Context) error {
				_, err := NewServiceCatalogSharing(ctx, "sc", scFullArgs())
				return err
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkErr := tt.check()
			m := newICMock(icDefaultOrg())
			constructErr := m.run(tt.construct)
			if tt.wantErr == "" {
				require.NoError(t, checkErr)
				require.NoError(t, constructErr)
				require.NotEmpty(t, m.Resources(), "the valid input registers its components")
				return
			}
			require.ErrorContains(t, checkErr, tt.wantErr)
			require.ErrorContains(t, constructErr, checkErr.Error(), "Check reports the constructor's error")
			require.Empty(t, m.Resources(), "bad input registers nothing")
		})
	}
}
