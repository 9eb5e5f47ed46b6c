package tests

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// TestIdentityCenterBadInputUnderTheEngine previews an IdentityCenterSetup
// whose assignments name an account outside the organization and whose
// existing group and user are not in the identity store, under the real
// engine with the fake aws plugin answering the lookups. In either mode the
// preview fails with one error per problem, all at once, each naming the
// field, the value and the fix, and nothing is written. (A permission set
// of another instance cannot occur here: the component creates its
// permission sets in its instance; AccountAssignments' Check refuses one,
// TestAccountAssignmentsBadInput.)
func TestIdentityCenterBadInputUnderTheEngine(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{components.AssignmentsPerResource, components.AssignmentsSet} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			fakes := newMigrationFakes(t)
			stack := fakes.stack(t, func(ctx *pulumi.Context) error {
				_, err := components.NewIdentityCenterSetup(ctx, "sso", components.IdentityCenterSetupArgs{
					AssignmentsMode: mode,
					PermissionSets:  []components.PermissionSetSpec{{Name: "ReadOnly"}},
					Groups: []components.GroupSpec{{DisplayName: "Platform", Existing: true},
						{DisplayName: "Contractors", Existing: true}},
					Users: []components.UserSpec{{UserName: "mallory", Existing: true}},
					Assignments: []components.AssignmentSpec{{
						PermissionSet: "ReadOnly",
						Principals: []components.PrincipalRef{{Type: components.PrincipalGroup, Name: "Platform"},
							{Type: components.PrincipalGroup, Name: "Contractors"},
							{Type: components.PrincipalUser, Name: "mallory"}},
						AccountIDs: []string{ssoAccount(0), "999999999999"},
					}},
				})
				return err
			})
			_, err := stack.Preview()
			require.Error(t, err)
			for _, want := range []string{
				`3 input errors`,
				`groups[1].displayName "Contractors" is not a group of identity store d-1111111111 (the lookup ` +
					`answered: `,
				`ResourceNotFoundException: GROUP not found.); fix the display name, or drop existing to create ` +
					`the group`,
				`users[0].userName "mallory" is not a user of identity store d-1111111111`,
				`; fix the user name, or drop existing to create the user`,
				`assignments[0].accountIds[1] "999999999999" is not an account of the organization o-exampleorgid: ` +
					`IAM Identity Center assigns only its accounts; use a member account's ID`,
			} {
				assert.Contains(t, err.Error(), want)
			}
			assert.NotContains(t, err.Error(), `"Platform" is not`, "the group that exists is found")
			assert.NotContains(t, err.Error(), ssoAccount(0)+`" is not`, "the member account passes")
			for _, op := range []string{fakesso.OpCreatePermissionSet, fakesso.OpCreateAccountAssignment} {
				assert.Zero(t, fakes.sso.Calls(op), "the preview writes nothing (%s)", op)
			}
			assert.Empty(t, stack.Resources(), "nothing is in the state")
		})
	}
}
