package tests

import (
	"regexp"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// pulumi-aws's types that IdentityCenterSetup registers on its assignment path.
const (
	awsAccountAssignmentType = "aws:ssoadmin/accountAssignment:AccountAssignment"
	awsPermissionSetType     = "aws:ssoadmin/permissionSet:PermissionSet"
)

// awsAssignmentID is pulumi-aws's AccountAssignment ID:
// PRINCIPAL_ID,PRINCIPAL_TYPE,TARGET_ID,TARGET_TYPE,PERMISSION_SET_ARN,INSTANCE_ARN.
var awsAssignmentID = regexp.MustCompile(`^[0-9a-f-]+,(USER|GROUP),\d{12},AWS_ACCOUNT,arn:aws:sso:::permissionSet/` +
	`ssoins-[0-9a-f]{16}/ps-[0-9a-f]{16},arn:aws:sso:::instance/ssoins-[0-9a-f]{16}$`)

// migrationPrincipals are the identity store of the migration tests:
// existing groups and a user, looked up by name.
var migrationPrincipals = struct {
	platform, auditors, alice string
}{ssoGroup(1), ssoGroup(2), ssoUser(1)}

func newMigrationFakes(t *testing.T) identityCenterFakes {
	t.Helper()
	p := migrationPrincipals
	return newIdentityCenterFakes(t, fakesso.Options{
		Users: []string{p.alice}, Groups: []string{p.platform, p.auditors},
		UserNames:  map[string]string{p.alice: "alice"},
		GroupNames: map[string]string{p.platform: "Platform", p.auditors: "Auditors"},
		Accounts:   []string{ssoAccount(0), ssoAccount(1), ssoAccount(2)},
		Latency:    30 * time.Millisecond, RequestsPerSecond: 500,
	})
}

// migrationProgram is one IdentityCenterSetup whose assignmentsMode is the
// stack configuration's: two permission sets, existing principals found by
// name, and eight assignments.
func migrationProgram(ctx *pulumi.Context) error {
	group := func(n string) components.PrincipalRef {
		return components.PrincipalRef{Type: components.PrincipalGroup, Name: n}
	}
	_, err := components.NewIdentityCenterSetup(ctx, "sso", components.IdentityCenterSetupArgs{
		AssignmentsMode: config.Get(ctx, "assignmentsMode"),
		PermissionSets: []components.PermissionSetSpec{
			{Name: "ReadOnly", SessionDuration: "PT8H"},
			{Name: "Admin"},
		},
		Groups: []components.GroupSpec{{DisplayName: "Platform", Existing: true},
			{DisplayName: "Auditors", Existing: true}},
		Users: []components.UserSpec{{UserName: "alice", Existing: true}},
		Assignments: []components.AssignmentSpec{
			{PermissionSet: "ReadOnly", Principals: []components.PrincipalRef{group("Auditors"),
				{Type: components.PrincipalUser, Name: "alice"}},
				AccountIDs: []string{ssoAccount(0), ssoAccount(1), ssoAccount(2)}},
			{PermissionSet: "Admin", Principals: []components.PrincipalRef{group("Platform")},
				AccountIDs: []string{ssoAccount(0), ssoAccount(1)}},
		},
	})
	return err
}

// migrationAssignments are the program's assignments, with the permission
// sets' ARNs as the fake gave them.
func migrationAssignments(t *testing.T, fake *fakesso.Server) []fakesso.Assignment {
	t.Helper()
	arns := fake.PermissionSets()
	require.Len(t, arns, 2, "the program's permission sets exist")
	p := migrationPrincipals
	var out []fakesso.Assignment
	for _, a := range []int{0, 1, 2} {
		out = append(out,
			fakesso.Assignment{PermissionSetArn: arns["ReadOnly"], PrincipalType: "GROUP", PrincipalID: p.auditors,
				AccountID: ssoAccount(a)},
			fakesso.Assignment{PermissionSetArn: arns["ReadOnly"], PrincipalType: "USER", PrincipalID: p.alice,
				AccountID: ssoAccount(a)})
	}
	for _, a := range []int{0, 1} {
		out = append(out, fakesso.Assignment{PermissionSetArn: arns["Admin"], PrincipalType: "GROUP",
			PrincipalID: p.platform, AccountID: ssoAccount(a)})
	}
	return out
}

// stateOf counts the stack's resources by type, and returns the IDs of its
// pulumi-aws assignments.
func stateOf(stack *engine.Stack) (map[string]int, []string) {
	counts := map[string]int{}
	var ids []string
	for _, r := range stack.Resources() {
		counts[r.Type]++
		if r.Type == awsAccountAssignmentType {
			ids = append(ids, r.ID)
		}
	}
	return counts, ids
}

// TestIdentityCenterMigrationKeepsAccess moves a stack from per-resource
// assignments to the set under the real engine, with pulumi-aws stood in
// for by the fake plugin: perResource, then migrate, then set. A watcher on
// the fake Identity Center records every assignment that ceases to exist:
// none of the program's ever does, and no DeleteAccountAssignment is
// issued, while the state ends with the set alone.
func TestIdentityCenterMigrationKeepsAccess(t *testing.T) {
	t.Parallel()
	fakes := newMigrationFakes(t)
	fake := fakes.sso
	stack := fakes.stack(t, migrationProgram)

	stack.SetConfig("orgtrust-enginetest:assignmentsMode", components.AssignmentsPerResource, false)
	_, err := stack.Up()
	require.NoError(t, err)
	want := migrationAssignments(t, fake)
	require.ElementsMatch(t, want, fake.Assignments())
	counts, ids := stateOf(stack)
	assert.Equal(t, len(want), counts[awsAccountAssignmentType])
	assert.Zero(t, counts[components.AccountAssignmentsToken])
	for _, id := range ids {
		assert.Regexp(t, awsAssignmentID, id, "pulumi-aws's AccountAssignment ID")
	}
	created := fake.Calls(fakesso.OpCreateAccountAssignment)
	assert.Equal(t, len(want), created)

	// Migrate: the set is created and adopts every assignment without a
	// write; the old resources stay, now retained on delete.
	stack.SetConfig("orgtrust-enginetest:assignmentsMode", components.AssignmentsMigrate, false)
	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, []string{"sso-assignments"}, pre.Names(apitype.OpCreate, components.AccountAssignmentsToken))
	assert.Zero(t, pre.Changes[string(apitype.OpDelete)], "migrate deletes nothing: %v", pre.Changes)
	assert.Zero(t, pre.Changes[string(apitype.OpReplace)], "migrate replaces nothing: %v", pre.Changes)
	_, err = stack.Up()
	require.NoError(t, err)
	assert.Equal(t, created, fake.Calls(fakesso.OpCreateAccountAssignment), "the set adopts, it does not create")
	counts, _ = stateOf(stack)
	assert.Equal(t, len(want), counts[awsAccountAssignmentType])
	assert.Equal(t, 1, counts[components.AccountAssignmentsToken])

	// Set: the old resources leave the state; no assignment is deleted. The
	// preview shows them going, and does not refuse: the set exists.
	stack.SetConfig("orgtrust-enginetest:assignmentsMode", components.AssignmentsSet, false)
	pre, err = stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, len(want), pre.Changes[string(apitype.OpDelete)], "preview: %v", pre.Changes)
	up, err := stack.Up()
	require.NoError(t, err)
	assert.Len(t, up.Names(apitype.OpDelete, awsAccountAssignmentType), len(want),
		"the old resources leave the state")
	counts, _ = stateOf(stack)
	assert.Zero(t, counts[awsAccountAssignmentType], "no per-resource assignment is left in the state")
	assert.Equal(t, 1, counts[components.AccountAssignmentsToken])
	assert.Equal(t, 2, counts[awsPermissionSetType])

	assert.Zero(t, fake.Calls(fakesso.OpDeleteAccountAssignment), "no DeleteAccountAssignment was issued")
	assert.Empty(t, fake.Absences(want), "no assignment of the program was ever absent")
	assert.ElementsMatch(t, want, fake.Assignments())
	assert.Equal(t, created, fake.Calls(fakesso.OpCreateAccountAssignment))

	// The set reads every assignment back, and nothing is left to do.
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.False(t, ref.HasChanges(), "refresh finds no drift: %v", ref.Changes)
	final, err := stack.Preview()
	require.NoError(t, err)
	assert.False(t, final.HasChanges(), "final preview: %v", final.Changes)

	// Destroy removes the assignments through the set.
	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.Empty(t, fake.Assignments())
	assert.Empty(t, fake.PermissionSets())
}

// TestIdentityCenterJumpToSetIsRefused switches a stack from per-resource
// assignments straight to the set. The preview refuses, naming
// assignmentsMode and the fix, and nothing is written. The preview is the
// only place the component can tell (a program cannot read its stack's
// state): an update that skips it (`pulumi up --skip-preview`, the
// Automation API's Up) deletes every assignment after the set adopted them,
// which is what the documentation warns of.
func TestIdentityCenterJumpToSetIsRefused(t *testing.T) {
	t.Parallel()
	fakes := newMigrationFakes(t)
	fake := fakes.sso
	stack := fakes.stack(t, migrationProgram)
	stack.SetConfig("orgtrust-enginetest:assignmentsMode", components.AssignmentsPerResource, false)
	_, err := stack.Up()
	require.NoError(t, err)
	want := migrationAssignments(t, fake)
	before := stack.Resources()
	calls := fake.Calls(fakesso.AnyOp)

	stack.SetConfig("orgtrust-enginetest:assignmentsMode", components.AssignmentsSet, false)
	_, err = stack.Preview()
	require.ErrorContains(t, err, `assignmentsMode "set" would create the assignment set beside permission sets `+
		`that already exist`)
	require.ErrorContains(t, err, `use assignmentsMode "migrate" first`)
	writes := fake.Calls(fakesso.OpCreateAccountAssignment) + fake.Calls(fakesso.OpDeleteAccountAssignment) +
		fake.Calls(fakesso.OpCreatePermissionSet) + fake.Calls(fakesso.OpDeletePermissionSet)
	assert.Equal(t, len(want)+2, writes, "the preview wrote nothing")
	assert.Equal(t, before, stack.Resources(), "the state is unchanged")
	assert.Greater(t, fake.Calls(fakesso.AnyOp), calls, "the preview read Identity Center")

	// Without the preview, the jump deletes every assignment.
	_, err = stack.Up()
	require.NoError(t, err)
	assert.Equal(t, len(want), fake.Calls(fakesso.OpDeleteAccountAssignment))
	lost := fake.Absences(want)
	assert.Len(t, lost, len(want), "every assignment was deleted")
	assert.Empty(t, fake.Assignments())
	for _, c := range lost {
		assert.Equal(t, fakesso.OpDeleteAccountAssignment, c.Cause)
	}
	// The set still claims them: only a refresh shows that they are gone.
	counts, _ := stateOf(stack)
	assert.Zero(t, counts[awsAccountAssignmentType])
	assert.Equal(t, 1, counts[components.AccountAssignmentsToken])
	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.False(t, pre.HasChanges(), "without a refresh the loss is invisible: %v", pre.Changes)
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.True(t, ref.HasChanges(), "refresh shows the drift")
	_, err = stack.Up()
	require.NoError(t, err)
	assert.ElementsMatch(t, want, fake.Assignments(), "the next up gives the access back")
}

// TestIdentityCenterSetModeNewStack creates a new stack in set mode under
// the real engine: the preview is not refused (the permission sets are to
// be created too), the up creates every assignment through the set, and
// there are no per-resource assignments.
func TestIdentityCenterSetModeNewStack(t *testing.T) {
	t.Parallel()
	fakes := newMigrationFakes(t)
	fake := fakes.sso
	stack := fakes.stack(t, migrationProgram)
	stack.SetConfig("orgtrust-enginetest:assignmentsMode", components.AssignmentsSet, false)
	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, []string{"sso-assignments"}, pre.Names(apitype.OpCreate, components.AccountAssignmentsToken))
	_, err = stack.Up()
	require.NoError(t, err)
	want := migrationAssignments(t, fake)
	assert.ElementsMatch(t, want, fake.Assignments())
	counts, _ := stateOf(stack)
	assert.Zero(t, counts[awsAccountAssignmentType])
	assert.Equal(t, 1, counts[components.AccountAssignmentsToken])
	again, err := stack.Preview()
	require.NoError(t, err)
	assert.False(t, again.HasChanges(), "second preview: %v", again.Changes)
}
