package components

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	icGetCallerIdentityToken = "aws:index/getCallerIdentity:getCallerIdentity"
	icRoot                   = "r-ab12"
	icManagementRole         = "arn:aws:iam::" + icTestMgmtAccount + ":role/IdentityCenterManagementAccount"
	icOrgtrustProviderType   = "pulumi:providers:orgtrust"
	icAWSProviderType        = "pulumi:providers:aws"
)

// icOrgWithRoot adds the root, which holds every account, the management
// account included.
func icOrgWithRoot() icOrg {
	org := icDefaultOrg()
	org.ous[icRoot] = []string{icTestMgmtAccount, "100000000001", "100000000002", "100000000003", "200000000001",
		"200000000002", icTestAdminAccount}
	return org
}

// icManagementArgs gives two entries that reach the management account: one
// names it (assignments[6]), one reaches it through the root
// (assignments[7], an existing permission set).
func icManagementArgs() IdentityCenterSetupArgs {
	args := icExistingArgs()
	args.Assignments = append(args.Assignments,
		AssignmentSpec{
			PermissionSet: "Admin",
			Principals:    []PrincipalRef{{Type: PrincipalGroup, Name: "Platform Admins"}},
			AccountIDs:    []string{icTestMgmtAccount},
		},
		AssignmentSpec{
			PermissionSet:         "AWSAdministratorAccess",
			Principals:            []PrincipalRef{{Type: PrincipalGroup, Name: "Auditors"}},
			OrganizationalUnitIDs: []string{icRoot},
			ExcludeAccountIDs:     []string{icTestAdminAccount},
		},
	)
	return args
}

func TestIdentityCenterSetupManagementAccountAsDelegatedAdmin(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		mutate func(*IdentityCenterSetupArgs)
		want   []string
		// errors is how many entries reach the management account.
		errors int
		// orgLookups is how often the organization is read: once, for the
		// accountIds check (which gives the management account too), or,
		// with no accountIds, once when no input gives the management account.
		orgLookups int
	}{
		{
			name:   "named and through the root",
			mutate: func(*IdentityCenterSetupArgs) {},
			want: []string{
				`assignments[6] gives permission set "Admin" in the management account 111122223333 (through accountIds[0])`,
				`assignments[7] gives permission set "AWSAdministratorAccess" in the management account 111122223333 (through organizationalUnitIds[0] "r-ab12")`,
				"the component runs as account 222233334444",
				"cannot manage assignments in the management account nor permission sets provisioned there",
				`Set managementAccountRoleArn to a role in 111122223333`, `add "111122223333" to excludeAccountIds`,
			},
			errors:     2,
			orgLookups: 1,
		},
		{
			name: "excluded from the root, named in another entry",
			mutate: func(a *IdentityCenterSetupArgs) {
				a.Assignments[7].ExcludeAccountIDs = append(a.Assignments[7].ExcludeAccountIDs, icTestMgmtAccount)
				a.Assignments[1].AccountIDs = append(a.Assignments[1].AccountIDs, icTestMgmtAccount)
			},
			want: []string{`assignments[1] gives permission set "Admin" in the management account 111122223333 (through accountIds[1])`,
				`assignments[6] gives permission set "Admin"`},
			errors:     2,
			orgLookups: 1,
		},
		{
			name: "management account unknown: read from the organization",
			mutate: func(a *IdentityCenterSetupArgs) {
				a.ManagementAccountID, a.DelegatedAdminAccountID = "", ""
				a.Assignments = a.Assignments[:7]
			},
			want:       []string{`assignments[6] gives permission set "Admin" in the management account 111122223333`},
			errors:     1,
			orgLookups: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icManagementArgs()
			tc.mutate(&args)
			require.NoError(t, CheckIdentityCenterSetup("sso", args), "the input is valid; only the lookups tell")
			m := newICMock(icOrgWithRoot())
			m.caller = icTestAdminAccount
			_, err := icRun(m, args)
			for _, w := range tc.want {
				require.ErrorContains(t, err, w)
			}
			var errs InputErrors
			require.ErrorAs(t, err, &errs)
			require.Len(t, errs, tc.errors)
			assert.Equal(t, icTestMgmtAccount, errs[0].Value)
			assert.Empty(t, m.Resources(), "nothing may be registered")
			assert.Equal(t, 1, m.count(icGetCallerIdentityToken))
			assert.Equal(t, tc.orgLookups, m.count(getOrganizationToken), "the organization is read at most once")
		})
	}
}

func TestIdentityCenterSetupManagementAccountLookups(t *testing.T) {
	t.Parallel()
	t.Run("run as the management account", func(t *testing.T) {
		t.Parallel()
		m := newICMock(icOrgWithRoot())
		_, err := icRun(m, icManagementArgs())
		require.NoError(t, err)
		assert.Equal(t, 1, m.count(icGetCallerIdentityToken))
		assert.Empty(t, m.ByType(icAWSProviderType), "the management account needs no other provider")
		a := m.Find(t, "sso-assign-Admin-group-Platform-Admins-111122223333")
		assert.Empty(t, a.ProviderURN())
	})
	t.Run("nothing reaches the management account", func(t *testing.T) {
		t.Parallel()
		m := newICMock(icOrgWithRoot())
		m.caller = icTestAdminAccount
		_, err := icRun(m, icExistingArgs())
		require.NoError(t, err)
		assert.Zero(t, m.count(icGetCallerIdentityToken), "no caller lookup when nothing reaches it")
		assert.Equal(t, 1, m.count(getOrganizationToken),
			"one organization read, for the accountIds check; the management scope needs none")
	})
}

func TestIdentityCenterSetupManagementAccountRole(t *testing.T) {
	t.Parallel()
	m := newICMock(icOrgWithRoot())
	m.caller = icTestAdminAccount
	args := icManagementArgs()
	args.ManagementAccountRoleArn = icManagementRole
	_, err := icRun(m, args)
	require.NoError(t, err)

	comp := m.Find(t, "sso")
	awsProv := m.Find(t, "sso-management")
	require.Equal(t, icAWSProviderType, awsProv.Type)
	assert.Equal(t, comp.URN, awsProv.Parent)
	assert.Equal(t, "us-west-2", inputString(t, awsProv, "region"))
	assert.Equal(t, map[string]any{"roleArn": icManagementRole, "sessionName": "orgtrust-identity-center"},
		awsProv.Inputs["assumeRole"].Mappable())
	orgProv := m.Find(t, "sso-management-orgtrust")
	require.Equal(t, icOrgtrustProviderType, orgProv.Type)
	assert.Equal(t, "us-west-2", inputString(t, orgProv, "region"))
	assert.Equal(t, map[string]any{"roleArn": icManagementRole, "sessionName": "orgtrust-identity-center"},
		orgProv.Inputs["assumeRole"].Mappable())

	// Admin (declared) and AWSAdministratorAccess (existing) reach the
	// management account: every child of theirs uses its providers, the
	// assignments in member accounts included; nothing else does.
	scoped := func(name string) bool {
		return strings.Contains(name, "-Admin-") || strings.HasSuffix(name, "-Admin") ||
			strings.Contains(name, "-AWSAdministratorAccess-")
	}
	var n int
	for _, r := range m.Resources() {
		if !r.Custom || strings.HasPrefix(r.Type, "pulumi:providers:") || r.Parent != comp.URN {
			continue
		}
		switch {
		case scoped(r.Name) && r.Type == PermissionSetProvisioningToken:
			assert.Equal(t, orgProv.URN, r.ProviderURN(), r.Name)
			n++
		case scoped(r.Name):
			assert.Equal(t, awsProv.URN, r.ProviderURN(), r.Name)
			n++
		default:
			assert.NotEqual(t, awsProv.URN, r.ProviderURN(), r.Name)
			assert.NotEqual(t, orgProv.URN, r.ProviderURN(), r.Name)
		}
	}
	// Admin: the permission set, its policy, its provisioning and its
	// assignments in 100000000001 (two principals) and the management account;
	// AWSAdministratorAccess: two in member accounts, and the root's six
	// active accounts but the excluded one.
	assert.Equal(t, 3+3+2+6, n)
	a := m.Find(t, "sso-assign-AWSAdministratorAccess-group-Auditors-111122223333")
	assert.Equal(t, icExistingAdminArn, inputString(t, a, "permissionSetArn"))
	assert.Equal(t, awsProv.URN, m.Find(t, "sso-assign-Admin-user-jdoe-100000000001").ProviderURN())
	assert.NotEqual(t, awsProv.URN, m.Find(t, "sso-assign-ReadOnly-group-Auditors-100000000001").ProviderURN())
	// The integration stays with the component's providers.
	assert.NotEqual(t, awsProv.URN, m.ByType(rdaType)[0].ProviderURN())
}

func TestIdentityCenterSetupManagementAccountRoleInSetMode(t *testing.T) {
	t.Parallel()
	m := newICMock(icOrgWithRoot())
	m.caller = icTestAdminAccount
	args := icManagementArgs()
	args.ManagementAccountRoleArn = icManagementRole
	args.AssignmentsMode = AssignmentsSet
	outs, err := icRun(m, args)
	require.NoError(t, err)
	orgProv := m.Find(t, "sso-management-orgtrust")
	main, mgmt := m.Find(t, "sso-assignments"), m.Find(t, "sso-assignments-management")
	assert.Equal(t, orgProv.URN, mgmt.ProviderURN())
	assert.NotEqual(t, orgProv.URN, main.ProviderURN())
	arns := func(r recordedResource) map[string]int {
		out := map[string]int{}
		for _, a := range r.Inputs["assignments"].ArrayValue() {
			out[a.ObjectValue()["permissionSetArn"].StringValue()]++
		}
		return out
	}
	assert.Equal(t, map[string]int{
		"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-Admin": 3,
		icExistingAdminArn: 8,
	}, arns(mgmt))
	for arn := range arns(main) {
		assert.NotContains(t, []string{"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-Admin", icExistingAdminArn}, arn)
	}
	total := len(main.Inputs["assignments"].ArrayValue()) + len(mgmt.Inputs["assignments"].ArrayValue())
	assert.Equal(t, outs.get(t, "assignmentCount"), total)
	requireDependsOn(t, mgmt, m.Find(t, "sso-ps-Admin-provisioning"))
	requireNotDependsOn(t, main, m.Find(t, "sso-ps-Admin-provisioning"))
	requireDependsOn(t, main, m.Find(t, "sso-ps-ReadOnly-provisioning"))
	assert.Empty(t, m.ByType(icAssignmentType))
}

func TestIdentityCenterSetupManagementAccountRoleBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		role   string
		mgmt   string
		want   string
		atPlan bool
	}{
		{"not a role ARN", "arn:aws:iam::111122223333:user/deployer", icTestMgmtAccount,
			`managementAccountRoleArn "arn:aws:iam::111122223333:user/deployer" is not an IAM role ARN`, true},
		{"an account ID", icTestMgmtAccount, icTestMgmtAccount, `managementAccountRoleArn "111122223333" is not an IAM role ARN`, true},
		{"a role of another account", "arn:aws:iam::222233334444:role/X", icTestMgmtAccount,
			`is a role in account 222233334444, not in the management account 111122223333 (managementAccountId)`, true},
		{"a role of another account, found by the lookup", "arn:aws:iam::222233334444:role/X", "",
			`is a role in account 222233334444, not in the management account 111122223333 (read from the organization)`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icManagementArgs()
			args.ManagementAccountRoleArn, args.ManagementAccountID = tc.role, tc.mgmt
			checkErr := CheckIdentityCenterSetup("sso", args)
			if tc.atPlan {
				require.ErrorContains(t, checkErr, tc.want)
			} else {
				require.NoError(t, checkErr)
			}
			m := newICMock(icOrgWithRoot())
			m.caller = icTestAdminAccount
			_, err := icRun(m, args)
			require.ErrorContains(t, err, tc.want)
			assert.Empty(t, m.Resources())
			if tc.atPlan {
				assert.Empty(t, m.Invokes())
			}
		})
	}
}
