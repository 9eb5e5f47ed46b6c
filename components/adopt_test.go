package components

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The adopt inputs: each adopted child gets the import option with the
// import ID of its pulumi-aws documentation; the rest are created.

// importIDs maps each custom resource's name to its import ID ("" when it is
// created).
func importIDs(m *mockRecorder) map[string]string {
	out := map[string]string{}
	for _, r := range m.Resources() {
		if r.Custom {
			out[r.Name] = r.ImportID
		}
	}
	return out
}

const (
	adoptReadOnlyArn  = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1111111111111111"
	adoptDeveloperArn = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-2222222222222222"
)

func TestIdentityCenterSetupAdoptImports(t *testing.T) {
	t.Parallel()
	args := icFullArgs()
	args.Adopt = &IdentityCenterAdoptSpec{
		DelegatedAdmin:          true,
		PermissionSets:          map[string]string{"ReadOnly": adoptReadOnlyArn, "Developer": adoptDeveloperArn},
		Assignments:             true,
		AccessControlAttributes: true,
	}
	m := newICMock(icDefaultOrg())
	_, err := icRun(m, args)
	require.NoError(t, err)
	ids := importIDs(m.mockRecorder)
	inst := icTestInstanceArn
	want := map[string]string{
		"sso-integration-access":                 "", // TrustedServiceAccess adopts an enabled principal itself
		"sso-integration-admin":                  icTestAdminAccount + "/sso.amazonaws.com",
		"sso-ps-ReadOnly":                        adoptReadOnlyArn + "," + inst,
		"sso-ps-ReadOnly-managed-ReadOnlyAccess": icReadOnlyPolicy + "," + adoptReadOnlyArn + "," + inst,
		"sso-ps-ReadOnly-managed-job-function-ViewOnlyAccess": icViewOnlyPolicy + "," + adoptReadOnlyArn + "," +
			inst,
		"sso-ps-Developer":                          adoptDeveloperArn + "," + inst,
		"sso-ps-Developer-customer-DeveloperAccess": "DeveloperAccess,/," + adoptDeveloperArn + "," + inst,
		"sso-ps-Developer-customer-teams-Extra":     "Extra,/teams/," + adoptDeveloperArn + "," + inst,
		"sso-ps-Developer-inline":                   adoptDeveloperArn + "," + inst,
		"sso-ps-Developer-boundary":                 adoptDeveloperArn + "," + inst,
		"sso-abac":                                  inst,
		// Not adopted: created.
		"sso-ps-Admin": "",
		"sso-ps-Admin-managed-AdministratorAccess": "",
		"sso-group-Platform-Admins":                "",
		"sso-group-Developers":                     "",
		"sso-user-jdoe":                            "",
		"sso-member-Platform-Admins-jdoe":          "",
		"sso-member-Developers-external.bob":       "",
		// An adopted permission set to an existing group: imported.
		"sso-assign-ReadOnly-group-Auditors-100000000001": "existing-group-Auditors,GROUP,100000000001,AWS_ACCOUNT," +
			adoptReadOnlyArn + "," + inst,
		// An adopted permission set to a group the component creates: created.
		"sso-assign-Developer-group-Developers-300000000001": "",
		// A permission set that is not adopted: created.
		"sso-assign-Admin-group-Platform-Admins-100000000001": "",
		"sso-assign-Admin-user-jdoe-100000000001":             "",
	}
	for name, id := range want {
		got, ok := ids[name]
		require.True(t, ok, "%s is registered", name)
		assert.Equal(t, id, got, "the import ID of %s", name)
	}
	for name, id := range ids {
		if name == "sso-assign-ReadOnly-group-Auditors-100000000001" || id == "" {
			continue
		}
		if len(name) > len("sso-assign-ReadOnly-") && name[:len("sso-assign-ReadOnly-")] == "sso-assign-ReadOnly-" {
			assert.Contains(t, id, ",AWS_ACCOUNT,"+adoptReadOnlyArn+","+inst, name)
		}
	}

	// Without adopt, nothing is imported.
	plain := newICMock(icDefaultOrg())
	_, err = icRun(plain, icFullArgs())
	require.NoError(t, err)
	for name, id := range importIDs(plain.mockRecorder) {
		assert.Empty(t, id, "%s is created without adopt", name)
	}
}

func TestOrgServiceIntegrationAdoptImports(t *testing.T) {
	t.Parallel()
	run := func(t *testing.T, m *mockRecorder, args OrgServiceIntegrationArgs) map[string]string {
		t.Helper()
		require.NoError(t, m.run(func(ctx *pulumi.Context) error {
			_, err := NewOrgServiceIntegration(ctx, "x", args)
			return err
		}))
		return importIDs(m)
	}
	t.Run("per-Region administrator, adopted in one Region", func(t *testing.T) {
		t.Parallel()
		ids := run(t, newMocks(), OrgServiceIntegrationArgs{
			Service: "guardduty", DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
			Regions: []string{"us-east-1", "eu-west-1"},
			Adopt:   &IntegrationAdoptSpec{Access: true, DelegatedAdminRegions: []string{"us-east-1"}},
		})
		assert.Equal(t, auditAccount, ids["x-admin-us-east-1"])
		assert.Empty(t, ids["x-admin-eu-west-1"], "designated in eu-west-1 by the first up")
		assert.Empty(t, ids["x-access"], "TrustedServiceAccess adopts without an import")
	})
	t.Run("administrator registered with Organizations", func(t *testing.T) {
		t.Parallel()
		ids := run(t, newMocks(), OrgServiceIntegrationArgs{
			Service: "config", DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
			Adopt: &IntegrationAdoptSpec{DelegatedAdmin: true},
		})
		assert.Equal(t, auditAccount+"/config.amazonaws.com", ids["x-admin"])
		assert.Equal(t, auditAccount+"/config-multiaccountsetup.amazonaws.com",
			ids["x-admin-config-multiaccountsetup.amazonaws.com"])
	})
	t.Run("RAM's sharing, imported by the management account looked up", func(t *testing.T) {
		t.Parallel()
		ids := run(t, newMocks().withOrganization(mgmtAccount), OrgServiceIntegrationArgs{
			Service: "ram", Adopt: &IntegrationAdoptSpec{Access: true},
		})
		assert.Equal(t, mgmtAccount, ids["x-access"])
	})
	t.Run("service's own administrator, once", func(t *testing.T) {
		t.Parallel()
		ids := run(t, newMocks(), OrgServiceIntegrationArgs{
			Service: "fms", DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
			Adopt: &IntegrationAdoptSpec{DelegatedAdmin: true, Access: true},
		})
		assert.Equal(t, auditAccount, ids["x-admin"])
	})
}

func TestServiceCatalogSharingAdoptImports(t *testing.T) {
	t.Parallel()
	args := scFullArgs()
	args.Adopt = &ServiceCatalogAdoptSpec{DelegatedAdmin: true, Portfolios: map[string]string{
		"platform": "port-platform00001", "legacy": "port-abc123def456", "shared": scSharedPortfolio,
	}}
	m := newMocks()
	res := runServiceCatalogSharing(t, m, args)
	require.NoError(t, res.err)
	ids := importIDs(m)
	p := "port-platform00001"
	want := map[string]string{
		"sc-integration-admin":  scAdmin + "/servicecatalog.amazonaws.com",
		"sc-integration-access": "", // pulumi-aws has no import for OrganizationsAccess
		"sc-portfolio-platform": p,
		"sc-share-shared-org-" + scOrgID: scSharedPortfolio + ":ORGANIZATION:arn:aws:organizations::" + scMgmt +
			":organization/" + scOrgID,
		"sc-share-platform-ou-" + scOU: p + ":ORGANIZATIONAL_UNIT:arn:aws:organizations::" + scMgmt + ":ou/" + scOrgID +
			"/" + scOU,
		"sc-share-platform-member-" + scMember:    p + ":ORGANIZATION_MEMBER_ACCOUNT:" + scMember,
		"sc-share-platform-account-" + scExternal: p + ":ACCOUNT:" + scExternal,
		"sc-principal-platform-permission-set-DeveloperAccess": "en,arn:aws:iam:::role/aws-reserved/sso.amazonaws.com/" +
			"*AWSReservedSSO_DeveloperAccess_*," + p + ",IAM_PATTERN",
		"sc-principal-platform-role-team/Builder?": "en,arn:aws:iam:::role/team/Builder?," + p + ",IAM_PATTERN",
		"sc-share-legacy-ou-" + scOU2: "port-abc123def456:ORGANIZATIONAL_UNIT:arn:aws:organizations::" + scMgmt +
			":ou/" + scOrgID + "/" + scOU2,
	}
	for name, id := range want {
		got, ok := ids[name]
		require.True(t, ok, "%s is registered; registered: %v", name, m.Names())
		assert.Equal(t, id, got, "the import ID of %s", name)
	}
}

func TestAdoptBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		check   func() error
		wantErr string
	}{
		{"administrator adopted without one", func() error {
			return CheckOrgServiceIntegration("x", OrgServiceIntegrationArgs{Service: "access-analyzer",
				Adopt: &IntegrationAdoptSpec{DelegatedAdmin: true}})
		}, "adopt.delegatedAdmin is true, but delegatedAdminAccountId is empty"},
		{"Region adopted outside regions", func() error {
			return CheckOrgServiceIntegration("x", OrgServiceIntegrationArgs{Service: "guardduty",
				DelegatedAdminAccountID: auditAccount, Regions: []string{"us-east-1"},
				Adopt: &IntegrationAdoptSpec{DelegatedAdminRegions: []string{"eu-west-1"}}})
		}, `adopt.delegatedAdminRegions[0] "eu-west-1" is not one of regions [us-east-1]`},
		{"one registration adopted for a per-Region service", func() error {
			return CheckOrgServiceIntegration("x", OrgServiceIntegrationArgs{Service: "guardduty",
				DelegatedAdminAccountID: auditAccount, Regions: []string{"us-east-1"},
				Adopt: &IntegrationAdoptSpec{DelegatedAdmin: true}})
		}, "list the Regions where the administrator is designated in adopt.delegatedAdminRegions instead"},
		{"Regions adopted for a service designated once", func() error {
			return CheckOrgServiceIntegration("x", OrgServiceIntegrationArgs{Service: "fms",
				DelegatedAdminAccountID: auditAccount, Adopt: &IntegrationAdoptSpec{
					DelegatedAdminRegions: []string{"us-east-1"}}})
		}, "adopt.delegatedAdminRegions needs regions"},
		{"access adopted with enableVia none", func() error {
			return CheckOrgServiceIntegration("x", OrgServiceIntegrationArgs{Service: "access-analyzer",
				DelegatedAdminAccountID: auditAccount, EnableVia: "none", Adopt: &IntegrationAdoptSpec{Access: true}})
		}, `adopt.access is true, but enableVia "none" manages no trusted access`},
		{"permission set adopted that is not declared", func() error {
			a := icFullArgs()
			a.Adopt = &IdentityCenterAdoptSpec{PermissionSets: map[string]string{"ReadOnlyy": adoptReadOnlyArn}}
			return CheckIdentityCenterSetup("sso", a)
		}, `adopt.permissionSets["ReadOnlyy"] names "ReadOnlyy", which is not declared in permissionSets; did you ` +
			`mean "ReadOnly"?`},
		{"permission set adopted by a bad ARN", func() error {
			a := icFullArgs()
			a.Adopt = &IdentityCenterAdoptSpec{PermissionSets: map[string]string{"ReadOnly": "ps-1111111111111111"}}
			return CheckIdentityCenterSetup("sso", a)
		}, `adopt.permissionSets["ReadOnly"] "ps-1111111111111111" is not a permission set ARN`},
		{"permission set of another instance", func() error {
			a := icFullArgs()
			a.Adopt = &IdentityCenterAdoptSpec{PermissionSets: map[string]string{
				"ReadOnly": "arn:aws:sso:::permissionSet/ssoins-9999999999999999/ps-1111111111111111"}}
			return CheckIdentityCenterSetup("sso", a)
		}, "belongs to instance ssoins-9999999999999999, not to instanceArn " + icTestInstanceArn},
		{"permission sets adopted without the instance", func() error {
			a := icFullArgs()
			a.InstanceArn, a.IdentityStoreID = "", ""
			a.Adopt = &IdentityCenterAdoptSpec{PermissionSets: map[string]string{"ReadOnly": adoptReadOnlyArn}}
			return CheckIdentityCenterSetup("sso", a)
		}, "adopt.permissionSets needs instanceArn and identityStoreId"},
		{"attributes adopted without attributes", func() error {
			a := icFullArgs()
			a.AccessControlAttributes = nil
			a.Adopt = &IdentityCenterAdoptSpec{AccessControlAttributes: true}
			return CheckIdentityCenterSetup("sso", a)
		}, "adopt.accessControlAttributes is true, but accessControlAttributes is empty"},
		{"Identity Center's administrator adopted without one", func() error {
			a := icFullArgs()
			a.DelegatedAdminAccountID = ""
			a.Adopt = &IdentityCenterAdoptSpec{DelegatedAdmin: true}
			return CheckIdentityCenterSetup("sso", a)
		}, "adopt.delegatedAdmin is true, but delegatedAdminAccountId is empty"},
		{"portfolio adopted that is not declared", func() error {
			a := scFullArgs()
			a.Adopt = &ServiceCatalogAdoptSpec{Portfolios: map[string]string{"platfrom": "port-abc"}}
			return CheckServiceCatalogSharing("sc", a)
		}, `adopt.portfolios["platfrom"]: "platfrom" is not the key of a portfolio in portfolios`},
		{"portfolio adopted by a bad ID", func() error {
			a := scFullArgs()
			a.Adopt = &ServiceCatalogAdoptSpec{Portfolios: map[string]string{"platform": "prod-abc"}}
			return CheckServiceCatalogSharing("sc", a)
		}, `adopt.portfolios["platform"]: "prod-abc" is not a portfolio ID`},
		{"portfolio given by id adopted by another", func() error {
			a := scFullArgs()
			a.Adopt = &ServiceCatalogAdoptSpec{Portfolios: map[string]string{"legacy": "port-other0001"}}
			return CheckServiceCatalogSharing("sc", a)
		}, `"port-other0001" differs from the portfolio's id "port-abc123def456"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.check()
			require.ErrorContains(t, err, tt.wantErr)
			var ies InputErrors
			require.ErrorAs(t, err, &ies, "one typed error per problem")
		})
	}
}
