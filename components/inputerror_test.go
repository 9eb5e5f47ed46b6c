package components

import (
	"errors"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inputFields returns the fields of the InputErrors that err carries.
func inputFields(t *testing.T, err error) []string {
	t.Helper()
	var errs InputErrors
	require.True(t, errors.As(err, &errs), "the error carries InputErrors: %v", err)
	fields := make([]string, len(errs))
	for i, e := range errs {
		fields[i] = e.Field
		assert.NotEmpty(t, e.Message, "every error says what is wrong: %s", e.Field)
	}
	return fields
}

// TestEveryIndependentErrorAtOnce gives each component several independent
// errors and expects all of them, from its Check function and from its
// constructor, each at its field, and nothing registered.
func TestEveryIndependentErrorAtOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		check      func() error
		construct  func(ctx *pulumi.Context) error
		wantFields []string
		wantValues []string
	}{
		{
			name: "OrgServiceIntegration",
			check: func() error {
				return CheckOrgServiceIntegration("gd", badIntegrationArgs())
			},
			construct: func(ctx *pulumi.Context) error {
				_, err := NewOrgServiceIntegration(ctx, "gd", badIntegrationArgs())
				return err
			},
			wantFields: []string{"service", "delegatedAdminAccountId", "managementAccountId", "enableVia",
				"regions", "regions"},
			wantValues: []string{"securityhubb", "12345", "x", "bogus", "eu-west1", "us-east-1"},
		},
		{
			name:  "OrgIntegrations",
			check: func() error { return CheckOrgIntegrations("set", badIntegrationsArgs()) },
			construct: func(ctx *pulumi.Context) error {
				_, err := NewOrgIntegrations(ctx, "set", badIntegrationsArgs())
				return err
			},
			// In the order given, whatever the names' order.
			wantFields: []string{"integrations[0].args.delegatedAdminAccountId", "integrations[1].args.service",
				"integrations[2].args.regions", "integrations[3].name"},
			wantValues: []string{"12345", "securityhubb", "", "guard duty"},
		},
		{
			name: "IdentityCenterSetup",
			check: func() error {
				return CheckIdentityCenterSetup("ic", badIdentityCenterArgs())
			},
			construct: func(ctx *pulumi.Context) error {
				_, err := NewIdentityCenterSetup(ctx, "ic", badIdentityCenterArgs())
				return err
			},
			wantFields: []string{"delegatedAdminAccountId", "permissionSets[2].sessionDuration",
				"assignments[0].permissionSet", "assignments[0].accountIds[0]", "accessControlAttributes[0].sources"},
			wantValues: []string{"2222", "PT13H", "Admn", "123", ""},
		},
		{
			name: "ServiceCatalogSharing",
			check: func() error {
				return CheckServiceCatalogSharing("sc", badServiceCatalogArgs())
			},
			construct: func(ctx *pulumi.Context) error {
				_, err := NewServiceCatalogSharing(ctx, "sc", badServiceCatalogArgs())
				return err
			},
			wantFields: []string{"delegatedAdminAccountId", "organizationId", "portfolios[0].shares[1].id",
				"portfolios[1].key"},
			wantValues: []string{"12-34", "org-1", "", "bad key"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.check()
			require.Error(t, err)
			assert.Equal(t, tt.wantFields, inputFields(t, err))
			var errs InputErrors
			require.ErrorAs(t, err, &errs)
			values := make([]string, len(errs))
			for i, e := range errs {
				values[i] = e.Value
			}
			assert.Equal(t, tt.wantValues, values)
			require.ErrorContains(t, err, `input errors:`)

			m := newMocks().withOrganization("111122223333")
			cerr := m.run(tt.construct)
			require.Error(t, cerr)
			assert.Equal(t, tt.wantFields, inputFields(t, cerr), "the constructor reports what Check does")
			assert.Empty(t, m.Resources(), "bad input registers nothing")
		})
	}
}

func badIntegrationArgs() OrgServiceIntegrationArgs {
	return OrgServiceIntegrationArgs{
		Service:                 "securityhubb",
		DelegatedAdminAccountID: "12345",
		ManagementAccountID:     "x",
		EnableVia:               "bogus",
		Regions:                 []string{"eu-west1", "us-east-1", "us-east-1"},
	}
}

// badIntegrationsArgs are the three bad integrations of issue 13 (an invalid
// account ID, an unknown service, regions on Config) and a bad name.
func badIntegrationsArgs() OrgIntegrationsArgs {
	return OrgIntegrationsArgs{Integrations: []OrgIntegrationSpec{
		{Name: "access-analyzer", Args: OrgServiceIntegrationArgs{Service: "access-analyzer",
			DelegatedAdminAccountID: "12345"}},
		{Name: "hub", Args: OrgServiceIntegrationArgs{Service: "securityhubb"}},
		{Name: "config", Args: OrgServiceIntegrationArgs{Service: "config", DelegatedAdminAccountID: "222233334444",
			Regions: []string{"eu-west-1"}}},
		{Name: "guard duty", Args: OrgServiceIntegrationArgs{Service: "guardduty"}},
	}}
}

func badIdentityCenterArgs() IdentityCenterSetupArgs {
	args := icFullArgs()
	args.DelegatedAdminAccountID = "2222"
	args.PermissionSets[2].SessionDuration = "PT13H"
	args.AccessControlAttributes = []AccessControlAttributeSpec{{Key: "Department"}}
	args.Assignments[0].PermissionSet = "Admn"
	args.Assignments[0].AccountIDs = []string{"123"}
	return args
}

func badServiceCatalogArgs() ServiceCatalogSharingArgs {
	args := scFullArgs()
	args.DelegatedAdminAccountID = "12-34"
	args.OrganizationID = "org-1"
	args.Portfolios[0].Shares[1].ID = "ou-bad"
	args.Portfolios[1].Key = "bad key"
	return args
}
