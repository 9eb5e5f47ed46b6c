package components

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIdentityCenterSetupProvisioning(t *testing.T) {
	t.Parallel()
	m := newICMock(icDefaultOrg())
	_, err := icRun(m, icExistingArgs())
	require.NoError(t, err)

	// One provisioning per permission set the component manages, none for the
	// existing ones, which it never changes.
	provs := m.ByType(PermissionSetProvisioningToken)
	require.Equal(t, []string{"sso-ps-Admin-provisioning", "sso-ps-Developer-provisioning",
		"sso-ps-ReadOnly-provisioning"}, icNames(provs))

	dev := m.Find(t, "sso-ps-Developer")
	prov := m.Find(t, "sso-ps-Developer-provisioning")
	assert.Equal(t, icTestInstanceArn, inputString(t, prov, "instanceArn"))
	assert.Equal(t, "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-Developer", inputString(t, prov, "permissionSetArn"))
	assert.Equal(t, []string{dev.URN}, prov.PropertyDependencies["permissionSetArn"], "the ARN is data flow")
	assert.Regexp(t, `^[0-9a-f]{20}$`, inputString(t, prov, "revision"))
	assert.Equal(t, m.Find(t, "sso").URN, prov.Parent)

	// The policies, one at a time in name order, then the provisioning after
	// all of them.
	chain := []string{"sso-ps-Developer-customer-DeveloperAccess", "sso-ps-Developer-customer-teams-Extra",
		"sso-ps-Developer-inline", "sso-ps-Developer-boundary"}
	for i, n := range chain {
		att := m.Find(t, n)
		requireDependsOn(t, prov, att)
		if i > 0 {
			requireDependsOn(t, att, m.Find(t, chain[i-1]))
		}
		for _, later := range chain[i+1:] {
			requireNotDependsOn(t, att, m.Find(t, later))
		}
	}
	ro := m.Find(t, "sso-ps-ReadOnly-managed-job-function-ViewOnlyAccess")
	requireDependsOn(t, ro, m.Find(t, "sso-ps-ReadOnly-managed-ReadOnlyAccess"))
	requireNotDependsOn(t, m.Find(t, "sso-ps-Admin-managed-AdministratorAccess"), ro)

	// Every assignment waits for its own permission set's provisioning, and
	// for no other.
	for _, a := range m.ByType(icAssignmentType) {
		ps := strings.SplitN(strings.TrimPrefix(a.Name, "sso-assign-"), "-", 2)[0]
		for _, p := range provs {
			if p.Name == "sso-ps-"+ps+"-provisioning" {
				requireDependsOn(t, a, p)
			} else {
				requireNotDependsOn(t, a, p)
			}
		}
	}

	// Destroy: assignments, then the provisioning, then the policies in
	// reverse, then the permission set.
	order := m.DestroyOrder(t)
	requireDestroyedBefore(t, order, m.Find(t, "sso-assign-Developer-group-Developers-200000000001"), prov)
	requireDestroyedBefore(t, order, prov, m.Find(t, "sso-ps-Developer-boundary"))
	requireDestroyedBefore(t, order, m.Find(t, "sso-ps-Developer-boundary"), m.Find(t, "sso-ps-Developer-inline"))
	requireDestroyedBefore(t, order, m.Find(t, "sso-ps-Developer-customer-DeveloperAccess"), dev)
}

func TestIdentityCenterSetupProvisioningInSetMode(t *testing.T) {
	t.Parallel()
	m := newICMock(icDefaultOrg())
	args := icFullArgs()
	args.AssignmentsMode = AssignmentsSet
	_, err := icRun(m, args)
	require.NoError(t, err)
	set := m.Find(t, "sso-assignments")
	for _, p := range m.ByType(PermissionSetProvisioningToken) {
		requireDependsOn(t, set, p)
	}
	require.Len(t, m.ByType(PermissionSetProvisioningToken), 3)
}

// TestIdentityCenterSetupPolicyChangeProvisionsBeforeTheNextAssignment is the
// change a user makes: a policy changes and an assignment is added in the
// same update. The provisioning's revision changes, so the engine updates it,
// after the changed policy (its dependency) and before the new assignment
// (its dependent); nothing else's revision changes.
func TestIdentityCenterSetupPolicyChangeProvisionsBeforeTheNextAssignment(t *testing.T) {
	t.Parallel()
	revisions := func(args IdentityCenterSetupArgs) (*icMock, map[string]string) {
		t.Helper()
		m := newICMock(icDefaultOrg())
		_, err := icRun(m, args)
		require.NoError(t, err)
		out := map[string]string{}
		for _, p := range m.ByType(PermissionSetProvisioningToken) {
			out[p.Name] = inputString(t, p, "revision")
		}
		return m, out
	}
	_, base := revisions(icFullArgs())

	args := icFullArgs()
	args.PermissionSets[2].InlinePolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}`
	args.Assignments = append(args.Assignments, AssignmentSpec{
		PermissionSet: "Developer", Principals: []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}},
		AccountIDs: []string{"300000000009"},
	})
	m, changed := revisions(args)
	assert.NotEqual(t, base["sso-ps-Developer-provisioning"], changed["sso-ps-Developer-provisioning"])
	assert.Equal(t, base["sso-ps-Admin-provisioning"], changed["sso-ps-Admin-provisioning"])
	assert.Equal(t, base["sso-ps-ReadOnly-provisioning"], changed["sso-ps-ReadOnly-provisioning"])
	prov := m.Find(t, "sso-ps-Developer-provisioning")
	requireDependsOn(t, prov, m.Find(t, "sso-ps-Developer-inline"))
	requireDependsOn(t, m.Find(t, "sso-assign-Developer-group-Developers-300000000009"), prov)

	for _, tc := range []struct {
		name    string
		mutate  func(*IdentityCenterSetupArgs)
		ps      string
		changes bool
	}{
		{"a managed policy added", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[1].ManagedPolicyArns = append(a.PermissionSets[1].ManagedPolicyArns, icReadOnlyPolicy)
		}, "Admin", true},
		{"a customer managed policy's path", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].CustomerManagedPolicies[1].Path = "/platform/"
		}, "Developer", true},
		{"the boundary", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].PermissionsBoundary = &PermissionsBoundarySpec{ManagedPolicyArn: icAdminPolicy}
		}, "Developer", true},
		{"the session duration", func(a *IdentityCenterSetupArgs) { a.PermissionSets[0].SessionDuration = "PT4H" }, "ReadOnly", true},
		{"the relay state", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].RelayState = "https://console.aws.amazon.com/s3/"
		}, "ReadOnly", true},
		{"policies reordered", func(a *IdentityCenterSetupArgs) {
			slices.Reverse(a.PermissionSets[0].ManagedPolicyArns)
			slices.Reverse(a.PermissionSets[2].CustomerManagedPolicies)
		}, "ReadOnly", false},
		{"tags, which are not provisioned", func(a *IdentityCenterSetupArgs) { a.PermissionSets[0].Tags = nil }, "ReadOnly", false},
		{"an assignment only", func(a *IdentityCenterSetupArgs) { a.Assignments = a.Assignments[:1] }, "ReadOnly", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icFullArgs()
			tc.mutate(&args)
			_, got := revisions(args)
			name := "sso-ps-" + tc.ps + "-provisioning"
			if tc.changes {
				assert.NotEqual(t, base[name], got[name])
			} else {
				assert.Equal(t, base, got)
			}
		})
	}
}
