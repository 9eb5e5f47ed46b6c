package tests

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// TestIdentityCenterUndeclaredAccess runs IdentityCenterSetup in set mode
// under the real engine against the fakes. Assignments made in the console
// on the permission set the program manages (one to a group the program
// does not declare, in an account the program does not target; one to the
// program's own group in another account) and one in the management
// account appear in the refresh warning and the component's
// undeclaredAccess; with exclusive: true, the next `pulumi up` removes the
// first two and keeps the management account's, and the program's own
// assignments are never touched.
func TestIdentityCenterUndeclaredAccess(t *testing.T) {
	t.Parallel()
	p := migrationPrincipals
	fakes := newIdentityCenterFakes(t, fakesso.Options{
		Users: []string{p.alice}, Groups: []string{p.platform, p.auditors},
		UserNames:  map[string]string{p.alice: "alice"},
		GroupNames: map[string]string{p.platform: "Platform", p.auditors: "Auditors"},
		Accounts:   []string{ssoAccount(0), ssoAccount(1), ssoAccount(2), fakeorg.DefaultManagementAccountID},
		Latency:    30 * time.Millisecond, RequestsPerSecond: 500,
	})
	sso := fakes.sso
	// The exclusive removals' guard asks who deploys (sts:GetCallerIdentity):
	// the management account.
	stsSrv := httptest.NewServer(fakeservices.NewSTS(fakeorg.DefaultManagementAccountID))
	t.Cleanup(stsSrv.Close)
	program := func(ctx *pulumi.Context) error {
		ic, err := components.NewIdentityCenterSetup(ctx, "sso", components.IdentityCenterSetupArgs{
			AssignmentsMode: components.AssignmentsSet,
			PermissionSets: []components.PermissionSetSpec{{Name: "ReadOnly",
				Exclusive: config.GetBool(ctx, "exclusive")}},
			Groups: []components.GroupSpec{{DisplayName: "Auditors", Existing: true}},
			Assignments: []components.AssignmentSpec{{PermissionSet: "ReadOnly",
				Principals: []components.PrincipalRef{{Type: components.PrincipalGroup, Name: "Auditors"}},
				AccountIDs: []string{ssoAccount(0)}}},
		})
		if err != nil {
			return err
		}
		ctx.Export("undeclared", ic.UndeclaredAccess)
		return nil
	}
	env := fakes.env()
	env["AWS_ENDPOINT_URL_STS"] = stsSrv.URL
	stack := engine.NewStack(t, program, engine.Options{
		Config: fakes.providerConfig(), Env: env, Providers: []workspace.PluginOptions{fakeAWSPlugin(t)},
	})
	_, err := stack.Up()
	require.NoError(t, err)
	arn := sso.PermissionSets()["ReadOnly"]
	require.NotEmpty(t, arn)
	declared := fakesso.Assignment{PermissionSetArn: arn, PrincipalType: "GROUP", PrincipalID: p.auditors,
		AccountID: ssoAccount(0)}
	console := []fakesso.Assignment{
		{PermissionSetArn: arn, PrincipalType: "GROUP", PrincipalID: p.platform, AccountID: ssoAccount(1)},
		{PermissionSetArn: arn, PrincipalType: "GROUP", PrincipalID: p.auditors, AccountID: ssoAccount(2)},
	}
	inMgmt := fakesso.Assignment{PermissionSetArn: arn, PrincipalType: "USER", PrincipalID: p.alice,
		AccountID: fakeorg.DefaultManagementAccountID}
	sso.Put(append(console, inMgmt)...)

	ref, err := stack.Refresh()
	require.NoError(t, err)
	warning := strings.Join(ref.Diagnostics, "\n")
	assert.Contains(t, warning, "3 assignments and 0 policies of permission sets this program manages")
	for _, a := range append(console, inMgmt) {
		assert.Contains(t, warning, "in account "+a.AccountID)
		assert.Contains(t, warning, a.PrincipalID)
	}
	up, err := stack.Up()
	require.NoError(t, err)
	lines, _ := up.Outputs["undeclared"].Value.([]interface{})
	assert.Len(t, lines, 3, "undeclaredAccess: %v", up.Outputs["undeclared"].Value)
	assert.Contains(t, lines, "permission set ReadOnly: group "+p.platform+" in account "+ssoAccount(1))
	assert.Zero(t, sso.Calls(fakesso.OpDeleteAccountAssignment), "not exclusive: nothing removed")

	// exclusive: the preview shows the removals, the update makes them.
	stack.SetConfig("orgtrust-enginetest:exclusive", "true", false)
	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.True(t, pre.HasChanges())
	assert.Contains(t, strings.Join(pre.Diagnostics, "\n"), "the update removes up to 3 undeclared assignments")
	_, err = stack.Up()
	require.NoError(t, err)
	assert.ElementsMatch(t, []fakesso.Assignment{declared, inMgmt}, sso.Assignments(),
		"the console's assignments removed; the program's and the management account's kept")
}
