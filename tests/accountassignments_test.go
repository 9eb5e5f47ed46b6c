package tests

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

const assignmentsType = components.AccountAssignmentsToken

func ssoUser(n int) string  { return fmt.Sprintf("9067220000-8c1d1d2a-6b0c-4c7e-9d8e-%012d", n) }
func ssoGroup(n int) string { return fmt.Sprintf("9067220001-8c1d1d2a-6b0c-4c7e-9d8e-%012d", n) }
func ssoAccount(n int) string {
	return fmt.Sprintf("%012d", 200000000000+n)
}

// ssoStack returns a stack whose orgtrust provider talks to fake for
// Identity Center and for Organizations' account list.
func ssoStack(t testing.TB, fake *fakesso.Server, rps int, program pulumi.RunFunc) *engine.Stack {
	t.Helper()
	return engine.NewStack(t, program, engine.Options{
		Config: map[string]string{
			"orgtrust:endpoint":                        fake.URL(),
			"orgtrust:identityCenterEndpoint":          fake.URL(),
			"orgtrust:identityCenterRequestsPerSecond": fmt.Sprint(rps),
			"orgtrust:maxBackoffSeconds":               "1",
		},
		Env: fakeCredentials,
	})
}

// assignmentsProgram declares one AccountAssignments whose assignments are
// the config value "assignments": a space-separated list of
// permissionSet:USER|GROUP:principal:account, with principal and account as
// indexes of ssoUser/ssoGroup and ssoAccount.
func assignmentsProgram(fake *fakesso.Server) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		var list []components.AccountAssignment
		for _, spec := range strings.Fields(config.Get(ctx, "assignments")) {
			a := parseSpec(fake, spec)
			list = append(list, components.AccountAssignment{
				PermissionSetArn: pulumi.String(a.PermissionSetArn), PrincipalType: a.PrincipalType,
				PrincipalID: pulumi.String(a.PrincipalID), AccountID: a.AccountID,
			})
		}
		_, err := components.NewAccountAssignments(ctx, "team-access", components.AccountAssignmentsArgs{
			InstanceArn: pulumi.String(fake.InstanceArn()), Assignments: list,
		})
		return err
	}
}

func parseSpec(fake *fakesso.Server, spec string) fakesso.Assignment {
	var ps, principal, account int
	var typ string
	parts := strings.Split(spec, ":")
	fmt.Sscan(parts[0], &ps)
	typ = parts[1]
	fmt.Sscan(parts[2], &principal)
	fmt.Sscan(parts[3], &account)
	id := ssoUser(principal)
	if typ == "GROUP" {
		id = ssoGroup(principal)
	}
	return fakesso.Assignment{PermissionSetArn: fake.PermissionSetArn(ps), PrincipalType: typ,
		PrincipalID: id, AccountID: ssoAccount(account)}
}

func specs(fake *fakesso.Server, s string) []fakesso.Assignment {
	var out []fakesso.Assignment
	for _, spec := range strings.Fields(s) {
		out = append(out, parseSpec(fake, spec))
	}
	return out
}

func newSSOFake() *fakesso.Server { return newSSOFakeWith(nil) }

// newSSOFakeWith is newSSOFake whose reads lag their writes as c says (nil:
// they do not).
func newSSOFakeWith(c *fakeaws.Consistency) *fakesso.Server {
	var users, groups, accounts []string
	for i := range 4 {
		users, groups, accounts = append(users, ssoUser(i)), append(groups, ssoGroup(i)), append(accounts, ssoAccount(i))
	}
	return fakesso.New(fakesso.Options{Users: users, Groups: groups, Accounts: accounts,
		Latency: 30 * time.Millisecond, RequestsPerSecond: 200, Consistency: c})
}

// TestAccountAssignmentsUnderTheEngine drives one set through create (with
// adoption), refresh drift, partial failure and resume, shrinking and
// destroy, against the quota-true fake.
func TestAccountAssignmentsUnderTheEngine(t *testing.T) {
	t.Parallel()
	fake := newSSOFake()
	t.Cleanup(fake.Close)
	existing := specs(fake, "1:USER:0:0")[0]  // in the set: adopted
	unmanaged := specs(fake, "2:USER:0:0")[0] // not in the set: never touched
	fake.Put(existing, unmanaged)
	stack := ssoStack(t, fake, 200, assignmentsProgram(fake))
	base := "1:USER:0:0 1:USER:1:0 1:GROUP:0:1 2:GROUP:1:2 3:USER:2:1"
	stack.SetConfig("orgtrust-enginetest:assignments", base, false)

	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, []string{"team-access"}, pre.Names(apitype.OpCreate, assignmentsType))
	assert.Zero(t, fake.Calls(fakesso.OpCreateAccountAssignment), "preview writes nothing")

	// Create: four new assignments, the existing one adopted without a write.
	_, err = stack.Up()
	require.NoError(t, err)
	assert.ElementsMatch(t, append(specs(fake, base), unmanaged), fake.Assignments())
	assert.Equal(t, 4, fake.Calls(fakesso.OpCreateAccountAssignment))
	assert.LessOrEqual(t, fake.MaxOutstandingSeen(), 10)
	assert.Zero(t, fake.Throttled())

	again, err := stack.Preview()
	require.NoError(t, err)
	assert.False(t, again.HasChanges(), "second preview: %v", again.Changes)

	// Refresh drift: an assignment removed out of band drops out of the state,
	// in O(principals) calls; the next up creates it again.
	gone := specs(fake, "1:GROUP:0:1")[0]
	fake.Remove(gone)
	fake.Reset()
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.Equal(t, 1, ref.Changes[string(apitype.OpUpdate)], "refresh changes: %v", ref.Changes)
	// Five principals but four (account, permission set) pairs: the fewer, one page each.
	assert.Equal(t, 4, fake.Calls(fakesso.OpListAccountAssignments))
	assert.Zero(t, fake.Calls(fakesso.OpListAccountAssignmentsForPrincipal))
	fix, err := stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, []string{"team-access"}, fix.Names(apitype.OpUpdate, assignmentsType))
	fake.Reset()
	_, err = stack.Up()
	require.NoError(t, err)
	assert.Contains(t, fake.Assignments(), gone)
	assert.Equal(t, 1, fake.Calls(fakesso.OpCreateAccountAssignment), "only the missing one is created")

	// Partial failure: the creates in account 3 fail; the others are kept in
	// the state, and the next up creates only what is missing.
	grown := base + " 1:USER:3:2 1:USER:3:3 2:USER:2:3 3:GROUP:2:2"
	stack.SetConfig("orgtrust-enginetest:assignments", grown, false)
	fake.FailAccount(ssoAccount(3), "Received a 404 status error: Not supported account.")
	fake.Reset()
	_, err = stack.Up()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Not supported account")
	assert.Contains(t, fake.Assignments(), specs(fake, "1:USER:3:2")[0])
	assert.NotContains(t, fake.Assignments(), specs(fake, "1:USER:3:3")[0])
	fake.FailAccount(ssoAccount(3), "")
	fake.Reset()
	_, err = stack.Up()
	require.NoError(t, err)
	assert.Equal(t, 2, fake.Calls(fakesso.OpCreateAccountAssignment), "only the two that failed are created again")
	assert.ElementsMatch(t, append(specs(fake, grown), unmanaged), fake.Assignments())

	// Shrink: removed assignments are deleted, in place.
	stack.SetConfig("orgtrust-enginetest:assignments", base, false)
	shrink, err := stack.Up()
	require.NoError(t, err)
	assert.Empty(t, shrink.Names(apitype.OpReplace, assignmentsType))
	assert.ElementsMatch(t, append(specs(fake, base), unmanaged), fake.Assignments())

	// Destroy deletes what the set manages, adopted included, and nothing else.
	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.Equal(t, []fakesso.Assignment{unmanaged}, fake.Assignments())
}

// TestAccountAssignmentsBadInput previews bad input: each problem is one
// error naming the field, the value and the fix, and nothing is written.
func TestAccountAssignmentsBadInput(t *testing.T) {
	t.Parallel()
	fake := newSSOFake()
	t.Cleanup(fake.Close)
	otherInstance := "arn:aws:sso:::permissionSet/ssoins-2222222222222222/ps-0000000000000001"
	stack := ssoStack(t, fake, 200, func(ctx *pulumi.Context) error {
		_, err := components.NewAccountAssignments(ctx, "bad", components.AccountAssignmentsArgs{
			InstanceArn: pulumi.String(fake.InstanceArn()),
			Assignments: []components.AccountAssignment{
				{PermissionSetArn: pulumi.String(fake.PermissionSetArn(1)), PrincipalType: "USER",
					PrincipalID: pulumi.String(ssoUser(0)), AccountID: "999999999999"},
				{PermissionSetArn: pulumi.String(otherInstance), PrincipalType: "USER",
					PrincipalID: pulumi.String(ssoUser(0)), AccountID: ssoAccount(0)},
				{PermissionSetArn: pulumi.String(fake.PermissionSetArn(1)), PrincipalType: "GROUP",
					PrincipalID: pulumi.String(ssoGroup(9)), AccountID: ssoAccount(0)},
				{PermissionSetArn: pulumi.String(fake.PermissionSetArn(1)), PrincipalType: "USER",
					PrincipalID: pulumi.String("alice"), AccountID: "12345"},
			},
		})
		return err
	})
	_, err := stack.Preview()
	require.Error(t, err)
	for _, want := range []string{
		`assignments[0].accountId "999999999999" is not an account of the organization`,
		`belongs to instance ssoins-2222222222222222, not to instanceArn's instance ssoins-1111111111111111`,
		`assignments[2].principalId "` + ssoGroup(9) + `" is not a group of identity store`,
		`assignments[3].principalId "alice" is not an identity store user or group ID`,
		`assignments[3].accountId "12345" is not an AWS account ID`,
	} {
		assert.Contains(t, err.Error(), want)
	}
	assert.Zero(t, fake.Calls(fakesso.OpCreateAccountAssignment))
}
