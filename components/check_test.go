package components

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// checkPair is a component's Check function and its constructor, both bound
// to the same input.
type checkPair struct {
	check     func() error
	construct func(ctx *pulumi.Context) error
}

func orgIntegrationsPair(args OrgIntegrationsArgs) checkPair {
	return checkPair{
		check:     func() error { return CheckOrgIntegrations("set", args) },
		construct: func(ctx *pulumi.Context) error { _, err := NewOrgIntegrations(ctx, "set", args); return err },
	}
}

func identityCenterPair(edit func(*IdentityCenterSetupArgs)) checkPair {
	args := icFullArgs()
	edit(&args)
	return checkPair{
		check:     func() error { return CheckIdentityCenterSetup("ic", args) },
		construct: func(ctx *pulumi.Context) error { _, err := NewIdentityCenterSetup(ctx, "ic", args); return err },
	}
}

func serviceCatalogPair(edit func(*ServiceCatalogSharingArgs)) checkPair {
	args := scFullArgs()
	edit(&args)
	return checkPair{
		check:     func() error { return CheckServiceCatalogSharing("sc", args) },
		construct: func(ctx *pulumi.Context) error { _, err := NewServiceCatalogSharing(ctx, "sc", args); return err },
	}
}

// TestCheckMatchesConstructor checks that each component's Check function
// rejects what its constructor rejects, with the constructor's error, and
// accepts what it accepts, registering nothing either way.
func TestCheckMatchesConstructor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		pair    checkPair
		wantErr string
	}{
		{
			name: "OrgIntegrations, overlapping principals",
			pair: orgIntegrationsPair(OrgIntegrationsArgs{Integrations: []OrgIntegrationSpec{
				{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty"}},
				{Name: "gd2", Args: OrgServiceIntegrationArgs{ServicePrincipal: "guardduty.amazonaws.com"}},
			}}),
			wantErr: `integrations[1].args.servicePrincipal "guardduty.amazonaws.com" manages guardduty.amazonaws.com`,
		},
		{
			name: "OrgIntegrations, valid",
			pair: orgIntegrationsPair(OrgIntegrationsArgs{Integrations: []OrgIntegrationSpec{
				{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount}},
			}}),
		},
		{
			name: "IdentityCenterSetup, session duration out of range",
			pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[0].SessionDuration = "PT13H"
			}),
			wantErr: `permissionSets[0].sessionDuration "PT13H" is 13h0m0s`,
		},
		{
			name: "IdentityCenterSetup, delegated admin is the management account",
			pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
				a.DelegatedAdminAccountID = a.ManagementAccountID
			}),
			wantErr: `delegatedAdminAccountId "111122223333" is the organization's management account (managementAccountId)`,
		},
		{
			name: "IdentityCenterSetup, valid",
			pair: identityCenterPair(func(*IdentityCenterSetupArgs) {}),
		},
		{
			name: "ServiceCatalogSharing, bad OU ID",
			pair: serviceCatalogPair(func(a *ServiceCatalogSharingArgs) {
				a.Portfolios[0].Shares = []ShareSpec{{Type: ShareTypeOrganizationalUnit, ID: "ou-bad"}}
			}),
			wantErr: `portfolios[0].shares[0].id: "ou-bad" is not valid`,
		},
		{
			name: "ServiceCatalogSharing, valid",
			pair: serviceCatalogPair(func(*ServiceCatalogSharingArgs) {}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkErr := tt.pair.check()
			m := newICMock(icDefaultOrg())
			constructErr := m.run(tt.pair.construct)
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
