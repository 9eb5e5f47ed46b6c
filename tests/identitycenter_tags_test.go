package tests

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// TestIdentityCenterTagTargetsUnderTheEngine runs IdentityCenterSetup with
// an assignment by tag (env=prod) under the real engine, against the fakes:
// the orgtrust provider's getOrganizationAccounts reads the accounts and
// their tags from the fake Organizations, the assignments go to the tagged
// ACTIVE accounts only, and an account tagged afterwards is covered by the
// next update (the preview shows it).
func TestIdentityCenterTagTargetsUnderTheEngine(t *testing.T) {
	t.Parallel()
	fakes := newMigrationFakes(t)
	// ListAccounts is answered by the Identity Center fake (its accounts);
	// the tags come from the Organizations fake, which holds the same
	// accounts.
	for i := range 3 {
		fakes.org.AddAccount(fakeorg.RootID, ssoAccount(i), "", "")
	}
	fakes.org.TagAccount(ssoAccount(0), map[string]string{"env": "prod", "team": "core"})
	fakes.org.TagAccount(ssoAccount(1), map[string]string{"env": "dev"})
	program := func(ctx *pulumi.Context) error {
		_, err := components.NewIdentityCenterSetup(ctx, "sso", components.IdentityCenterSetupArgs{
			AssignmentsMode: components.AssignmentsSet,
			PermissionSets:  []components.PermissionSetSpec{{Name: "ReadOnly"}},
			Groups:          []components.GroupSpec{{DisplayName: "Auditors", Existing: true}},
			Assignments: []components.AssignmentSpec{{PermissionSet: "ReadOnly",
				Principals:  []components.PrincipalRef{{Type: components.PrincipalGroup, Name: "Auditors"}},
				AccountTags: []components.AccountTagSpec{{Key: "env", Values: []string{"prod"}}}}},
		})
		return err
	}
	stack := fakes.stack(t, program)
	_, err := stack.Up()
	require.NoError(t, err)
	accounts := func() []string {
		var out []string
		for _, a := range fakes.sso.Assignments() {
			out = append(out, a.AccountID)
		}
		return out
	}
	assert.ElementsMatch(t, []string{ssoAccount(0)}, accounts())
	assert.Positive(t, fakes.org.Calls(fakeorg.OpListTagsForResource))

	// A new account tagged env=prod: the preview proposes its assignment,
	// the update makes it.
	fakes.org.TagAccount(ssoAccount(2), map[string]string{"env": "prod"})
	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.True(t, pre.HasChanges(), "the preview proposes the new account's assignment: %v", pre.Changes)
	_, err = stack.Up()
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{ssoAccount(0), ssoAccount(2)}, accounts())
	assert.Zero(t, fakes.sso.Calls(fakesso.OpDeleteAccountAssignment))
}
