package components

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// perResourceKeys are the (permission set, principal type, principal,
// account) of the per-resource assignment children.
func perResourceKeys(t *testing.T, m *icMock) []string {
	t.Helper()
	var keys []string
	for _, r := range m.ByType(icAssignmentType) {
		keys = append(keys, inputString(t, r, "permissionSetArn")+"|"+inputString(t, r, "principalType")+"|"+
			inputString(t, r, "principalId")+"|"+inputString(t, r, "targetId"))
	}
	slices.Sort(keys)
	return keys
}

// setKeys are the assignments of the AccountAssignments set.
func setKeys(t *testing.T, set recordedResource) []string {
	t.Helper()
	var keys []string
	for _, v := range set.Inputs["assignments"].ArrayValue() {
		a := v.ObjectValue()
		keys = append(keys, a["permissionSetArn"].StringValue()+"|"+a["principalType"].StringValue()+"|"+
			a["principalId"].StringValue()+"|"+a["accountId"].StringValue())
	}
	slices.Sort(keys)
	return keys
}

// TestIdentityCenterAssignmentsMigration moves a stack from per-resource
// assignments to the set in two updates, and checks that no assignment is
// ever unmanaged or deleted: in migrate mode the set covers every old child
// and every old child is retained on delete, so the next update in set mode
// drops them from the state without deleting anything.
func TestIdentityCenterAssignmentsMigration(t *testing.T) {
	t.Parallel()
	before := newICMock(icDefaultOrg())
	_, err := icRun(before, icFullArgs())
	require.NoError(t, err)
	old := perResourceKeys(t, before)
	require.NotEmpty(t, old)
	assert.Empty(t, before.ByType(AccountAssignmentsToken), "perResource is the default")

	migrateArgs := icFullArgs()
	migrateArgs.AssignmentsMode = AssignmentsMigrate
	migrate := newICMock(icDefaultOrg())
	outs, err := icRun(migrate, migrateArgs)
	require.NoError(t, err)
	assert.Equal(t, icNames(before.ByType(icAssignmentType)), icNames(migrate.ByType(icAssignmentType)),
		"the old children keep their names, so the engine sees the same resources")
	for _, r := range migrate.ByType(icAssignmentType) {
		assert.True(t, r.RetainOnDelete, "%s must be retained on delete", r.Name)
	}
	sets := migrate.ByType(AccountAssignmentsToken)
	require.Len(t, sets, 1)
	assert.Equal(t, "sso-assignments", sets[0].Name)
	assert.Equal(t, migrate.Find(t, "sso").URN, sets[0].Parent)
	assert.Equal(t, old, setKeys(t, sets[0]), "the set adopts every old assignment")
	assert.EqualValues(t, len(old), outs.get(t, "assignmentCount"))
	for _, ps := range migrate.ByType(icPermissionSetType) {
		requireDependsOn(t, sets[0], ps)
	}

	setArgs := icFullArgs()
	setArgs.AssignmentsMode = AssignmentsSet
	after := newICMock(icDefaultOrg())
	_, err = icRun(after, setArgs)
	require.NoError(t, err)
	assert.Empty(t, after.ByType(icAssignmentType))
	require.Len(t, after.ByType(AccountAssignmentsToken), 1)
	assert.Equal(t, old, setKeys(t, after.ByType(AccountAssignmentsToken)[0]))
	// Everything else is the same child under the same name.
	var others, othersBefore []string
	for _, n := range after.Names() {
		if n != "sso-assignments" {
			others = append(others, n)
		}
	}
	for _, r := range before.Resources() {
		if r.Type != icAssignmentType {
			othersBefore = append(othersBefore, r.Name)
		}
	}
	assert.ElementsMatch(t, othersBefore, others)
}

func TestIdentityCenterAssignmentsModeIsChecked(t *testing.T) {
	t.Parallel()
	args := icFullArgs()
	args.AssignmentsMode = "bulk"
	require.ErrorContains(t, CheckIdentityCenterSetup("sso", args), `assignmentsMode "bulk" is not a mode`)
}
