package tests

import (
	"net/http"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

const (
	stackSetsType    = "orgtrust:index:StackSetsOrganizationsAccess"
	securityLakeType = "orgtrust:index:SecurityLakeDelegatedAdmin"
	securityAccount  = "222222222222"
)

// serviceFakes are the fake Organizations, CloudFormation and Security Lake
// endpoints of one test, sharing one organization.
type serviceFakes struct {
	org *fakeorg.Server
	cfn *fakeservices.CloudFormation
	sl  *fakeservices.SecurityLake
	uno *fakeservices.Notifications
}

func newServiceFakes(t *testing.T) serviceFakes { return newServiceFakesWith(t, nil) }

// newServiceFakesWith are newServiceFakes whose reads lag their writes as c
// says (nil: they do not).
func newServiceFakesWith(t *testing.T, c *fakeaws.Consistency) serviceFakes {
	t.Helper()
	org := fakeorg.New(fakeorg.Options{Consistency: c})
	org.AddAccounts(securityAccount)
	f := serviceFakes{org: org, cfn: fakeservices.NewCloudFormation(org),
		sl:  fakeservices.NewSecurityLake(org, fakeorg.DefaultManagementAccountID),
		uno: fakeservices.NewNotifications(org)}
	t.Cleanup(func() { f.uno.Close(); f.sl.Close(); f.cfn.Close(); org.Close() })
	return f
}

// stack returns a stack whose orgtrust provider talks to the fakes.
func (f serviceFakes) stack(t *testing.T, program pulumi.RunFunc) *engine.Stack {
	t.Helper()
	return engine.NewStack(t, program, engine.Options{
		Config: map[string]string{
			"orgtrust:endpoint":               f.org.URL(),
			"orgtrust:cloudformationEndpoint": f.cfn.URL(),
			"orgtrust:securitylakeEndpoint":   f.sl.URL(),
			"orgtrust:notificationsEndpoint":  f.uno.URL(),
			"orgtrust:maxBackoffSeconds":      "1",
		},
		Env: fakeCredentials,
	})
}

// keepOnDelete reads the test's keepOnDelete setting: nil unless set.
func keepOnDelete(ctx *pulumi.Context) *bool {
	if v, err := config.TryBool(ctx, "keepOnDelete"); err == nil && v {
		f := false
		return &f
	}
	return nil
}

// TestStackSetsOrganizationsAccessUnderTheEngine drives StackSets'
// organizations access through preview, up (with a throttled activate that
// the SDK's retryer retries), refresh after out-of-band deactivation, an
// in-place update, and destroy.
func TestStackSetsOrganizationsAccessUnderTheEngine(t *testing.T) {
	t.Parallel()
	f := newServiceFakes(t)
	stack := f.stack(t, func(ctx *pulumi.Context) error {
		_, err := components.NewStackSetsOrganizationsAccess(ctx, "stacksets",
			components.StackSetsOrganizationsAccessArgs{DeactivateOnDelete: keepOnDelete(ctx)})
		return err
	})

	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, []string{"stacksets"}, pre.Names(apitype.OpCreate, stackSetsType))
	assert.Zero(t, f.cfn.Calls(fakeservices.OpActivateOrganizationsAccess), "preview activates nothing")

	f.cfn.Inject(fakeservices.OpActivateOrganizationsAccess, fakeservices.Fault{Status: http.StatusBadRequest, Code: "Throttling"})
	up, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"stacksets"}, up.Names(apitype.OpCreate, stackSetsType))
	assert.Equal(t, 2, f.cfn.Calls(fakeservices.OpActivateOrganizationsAccess), "the throttled activate is retried once")
	assert.Contains(t, f.org.EnabledPrincipals(), fakeservices.StackSetsPrincipal)
	assert.Zero(t, f.org.Calls(fakeorg.OpEnableAWSServiceAccess), "StackSets is never enabled through Organizations")

	same, err := stack.Refresh()
	require.NoError(t, err)
	assert.False(t, same.HasChanges(), "refresh after up: %v", same.Changes)

	// Deactivated out of band: refresh sees it gone, up activates it again.
	f.org.DisableOutOfBand(fakeservices.StackSetsPrincipal)
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.Equal(t, 1, ref.Changes[string(apitype.OpDelete)], "refresh changes: %v", ref.Changes)
	again, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"stacksets"}, again.Names(apitype.OpCreate, stackSetsType))
	assert.Contains(t, f.org.EnabledPrincipals(), fakeservices.StackSetsPrincipal)

	// keepOnDelete updates in place, with no CloudFormation write, and destroy
	// then leaves access activated.
	activates := f.cfn.Calls(fakeservices.OpActivateOrganizationsAccess)
	stack.SetConfig("orgtrust-enginetest:keepOnDelete", "true", false)
	upd, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"stacksets"}, upd.Names(apitype.OpUpdate, stackSetsType))
	assert.Equal(t, activates, f.cfn.Calls(fakeservices.OpActivateOrganizationsAccess))
	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.Zero(t, f.cfn.Calls(fakeservices.OpDeactivateOrganizationsAccess))
	assert.Contains(t, f.org.EnabledPrincipals(), fakeservices.StackSetsPrincipal)

	// Import adopts the activated access without a write; destroy deactivates it.
	imported := f.stack(t, func(ctx *pulumi.Context) error {
		_, err := components.NewStackSetsOrganizationsAccess(ctx, "stacksets", components.StackSetsOrganizationsAccessArgs{},
			pulumi.Import(pulumi.ID(fakeservices.StackSetsPrincipal)))
		return err
	})
	imp, err := imported.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"stacksets"}, imp.Names(apitype.OpImport, stackSetsType))
	assert.Equal(t, activates, f.cfn.Calls(fakeservices.OpActivateOrganizationsAccess), "import writes nothing")
	_, err = imported.Destroy()
	require.NoError(t, err)
	assert.Equal(t, 1, f.cfn.Calls(fakeservices.OpDeactivateOrganizationsAccess))
	assert.NotContains(t, f.org.EnabledPrincipals(), fakeservices.StackSetsPrincipal)
}

// TestSecurityLakeDelegatedAdminUnderTheEngine drives Security Lake's
// delegated administrator through up (a throttled register, retried), refresh
// after an out-of-band deregistration, import and destroy. Its state is read
// from Organizations, where Security Lake registers it.
func TestSecurityLakeDelegatedAdminUnderTheEngine(t *testing.T) {
	t.Parallel()
	f := newServiceFakes(t)
	stack := f.stack(t, func(ctx *pulumi.Context) error {
		admin, err := components.NewSecurityLakeDelegatedAdmin(ctx, "securitylake",
			components.SecurityLakeDelegatedAdminArgs{AccountID: securityAccount, DeregisterOnDelete: keepOnDelete(ctx)})
		if err != nil {
			return err
		}
		ctx.Export("principal", admin.ServicePrincipal)
		return nil
	})

	f.sl.Inject(fakeservices.OpRegisterDataLakeDelegatedAdministrator, fakeservices.Throttle("ThrottlingException"))
	up, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"securitylake"}, up.Names(apitype.OpCreate, securityLakeType))
	assert.Equal(t, "securitylake.amazonaws.com", up.Outputs["principal"].Value)
	assert.Equal(t, 2, f.sl.Calls(fakeservices.OpRegisterDataLakeDelegatedAdministrator), "the throttled register is retried once")
	assert.Equal(t, []string{securityAccount}, f.org.DelegatedAdmins(fakeservices.SecurityLakePrincipal))
	assert.Contains(t, f.org.EnabledPrincipals(), fakeservices.SecurityLakePrincipal, "registering enables trusted access")

	same, err := stack.Refresh()
	require.NoError(t, err)
	assert.False(t, same.HasChanges(), "refresh after up: %v", same.Changes)

	f.org.DeregisterOutOfBand(fakeservices.SecurityLakePrincipal, securityAccount)
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.Equal(t, 1, ref.Changes[string(apitype.OpDelete)], "refresh changes: %v", ref.Changes)
	again, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"securitylake"}, again.Names(apitype.OpCreate, securityLakeType))
	assert.Equal(t, []string{securityAccount}, f.org.DelegatedAdmins(fakeservices.SecurityLakePrincipal))

	// keepOnDelete updates in place; destroy then keeps the administrator.
	stack.SetConfig("orgtrust-enginetest:keepOnDelete", "true", false)
	upd, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"securitylake"}, upd.Names(apitype.OpUpdate, securityLakeType))
	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.Zero(t, f.sl.Calls(fakeservices.OpDeregisterDataLakeDelegatedAdministrator))
	assert.Equal(t, []string{securityAccount}, f.org.DelegatedAdmins(fakeservices.SecurityLakePrincipal))

	// Import by account ID adopts it without a write; destroy deregisters it.
	registers := f.sl.Calls(fakeservices.OpRegisterDataLakeDelegatedAdministrator)
	imported := f.stack(t, func(ctx *pulumi.Context) error {
		_, err := components.NewSecurityLakeDelegatedAdmin(ctx, "securitylake",
			components.SecurityLakeDelegatedAdminArgs{AccountID: securityAccount}, pulumi.Import(pulumi.ID(securityAccount)))
		return err
	})
	imp, err := imported.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"securitylake"}, imp.Names(apitype.OpImport, securityLakeType))
	assert.Equal(t, registers, f.sl.Calls(fakeservices.OpRegisterDataLakeDelegatedAdministrator), "import writes nothing")
	_, err = imported.Destroy()
	require.NoError(t, err)
	assert.Equal(t, 1, f.sl.Calls(fakeservices.OpDeregisterDataLakeDelegatedAdministrator))
	assert.Empty(t, f.org.DelegatedAdmins(fakeservices.SecurityLakePrincipal))
}

// TestOrgServiceIntegrationNativeServicesUnderTheEngine runs
// OrgServiceIntegration for stacksets and for securitylake with a delegated
// administrator, without force, under the real engine: both preview, come up
// through the provider's own resources (never Organizations
// EnableAWSServiceAccess), and destroy cleanly.
func TestOrgServiceIntegrationNativeServicesUnderTheEngine(t *testing.T) {
	t.Parallel()
	f := newServiceFakes(t)
	stack := f.stack(t, func(ctx *pulumi.Context) error {
		stacksets, err := components.NewOrgServiceIntegration(ctx, "stacksets",
			components.OrgServiceIntegrationArgs{Service: "stacksets"})
		if err != nil {
			return err
		}
		lake, err := components.NewOrgServiceIntegration(ctx, "securitylake", components.OrgServiceIntegrationArgs{
			Service: "securitylake", DelegatedAdminAccountID: securityAccount,
			ManagementAccountID: fakeorg.DefaultManagementAccountID,
		})
		if err != nil {
			return err
		}
		ctx.Export("stacksetsPath", stacksets.EnablePath)
		ctx.Export("stacksetsReady", stacksets.Ready)
		ctx.Export("lakeReady", lake.Ready)
		return nil
	})

	pre, err := stack.Preview()
	require.NoError(t, err)
	assert.Equal(t, []string{"stacksets-access"}, pre.Names(apitype.OpCreate, stackSetsType))
	assert.Equal(t, []string{"securitylake-admin"}, pre.Names(apitype.OpCreate, securityLakeType))
	assert.Empty(t, pre.Names(apitype.OpCreate, tsaType), "nothing goes through TrustedServiceAccess")

	up, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, "service", up.Outputs["stacksetsPath"].Value)
	assert.Equal(t, fakeservices.StackSetsPrincipal, up.Outputs["stacksetsReady"].Value)
	assert.Equal(t, fakeservices.SecurityLakePrincipal, up.Outputs["lakeReady"].Value)
	assert.Contains(t, f.org.EnabledPrincipals(), fakeservices.StackSetsPrincipal)
	assert.Contains(t, f.org.EnabledPrincipals(), fakeservices.SecurityLakePrincipal)
	assert.Equal(t, []string{securityAccount}, f.org.DelegatedAdmins(fakeservices.SecurityLakePrincipal))
	assert.Zero(t, f.org.Calls(fakeorg.OpEnableAWSServiceAccess))
	assert.Zero(t, f.org.Calls(fakeorg.OpRegisterDelegatedAdministrator))

	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.NotContains(t, f.org.EnabledPrincipals(), fakeservices.StackSetsPrincipal)
	assert.Empty(t, f.org.DelegatedAdmins(fakeservices.SecurityLakePrincipal))
}

// TestNotificationsOrganizationsAccessUnderTheEngine drives User
// Notifications' organizations access through an OrgServiceIntegration
// without force: up (a throttled enable, retried), refresh after an
// out-of-band disable, import and destroy.
func TestNotificationsOrganizationsAccessUnderTheEngine(t *testing.T) {
	t.Parallel()
	const unoType = "orgtrust:index:NotificationsOrganizationsAccess"
	f := newServiceFakes(t)
	stack := f.stack(t, func(ctx *pulumi.Context) error {
		_, err := components.NewOrgServiceIntegration(ctx, "notifications",
			components.OrgServiceIntegrationArgs{Service: "notifications"})
		return err
	})
	f.uno.Inject(fakeservices.OpEnableNotificationsAccessForOrganization, fakeservices.Throttle("ThrottlingException"))
	up, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"notifications-access"}, up.Names(apitype.OpCreate, unoType))
	assert.Equal(t, 2, f.uno.Calls(fakeservices.OpEnableNotificationsAccessForOrganization), "the throttled enable is retried once")
	assert.Contains(t, f.org.EnabledPrincipals(), fakeservices.NotificationsPrincipal)
	assert.Zero(t, f.org.Calls(fakeorg.OpEnableAWSServiceAccess), "never enabled through Organizations")

	f.org.DisableOutOfBand(fakeservices.NotificationsPrincipal)
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.Equal(t, 1, ref.Changes[string(apitype.OpDelete)], "refresh changes: %v", ref.Changes)
	_, err = stack.Up()
	require.NoError(t, err)
	assert.Contains(t, f.org.EnabledPrincipals(), fakeservices.NotificationsPrincipal)

	_, err = stack.Destroy()
	require.NoError(t, err)
	assert.Equal(t, 1, f.uno.Calls(fakeservices.OpDisableNotificationsAccessForOrganization))
	assert.NotContains(t, f.org.EnabledPrincipals(), fakeservices.NotificationsPrincipal)

	f.org.EnableOutOfBand(fakeservices.NotificationsPrincipal)
	enables := f.uno.Calls(fakeservices.OpEnableNotificationsAccessForOrganization)
	imported := f.stack(t, func(ctx *pulumi.Context) error {
		_, err := components.NewNotificationsOrganizationsAccess(ctx, "notifications",
			components.NotificationsOrganizationsAccessArgs{}, pulumi.Import(pulumi.ID(fakeservices.NotificationsPrincipal)))
		return err
	})
	imp, err := imported.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"notifications"}, imp.Names(apitype.OpImport, unoType))
	assert.Equal(t, enables, f.uno.Calls(fakeservices.OpEnableNotificationsAccessForOrganization), "import writes nothing")
}

// TestImportOfServiceAccessThatIsNotThereFails imports each service-owned
// resource while AWS has nothing to import: up fails saying so, the state
// gets no record of it, and the stack stays usable (the same resource without
// Import is created, and destroy works).
func TestImportOfServiceAccessThatIsNotThereFails(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, token, want string
		register          func(ctx *pulumi.Context, opts ...pulumi.ResourceOption) error
	}{
		{
			name: "stacksets", token: stackSetsType,
			want: "StackSets organizations access is DISABLED; there is nothing to import",
			register: func(ctx *pulumi.Context, opts ...pulumi.ResourceOption) error {
				_, err := components.NewStackSetsOrganizationsAccess(ctx, "res",
					components.StackSetsOrganizationsAccessArgs{}, opts...)
				return err
			},
		},
		{
			name: "securitylake", token: securityLakeType,
			want: securityAccount + " is not Security Lake's delegated administrator; there is nothing to import",
			register: func(ctx *pulumi.Context, opts ...pulumi.ResourceOption) error {
				_, err := components.NewSecurityLakeDelegatedAdmin(ctx, "res",
					components.SecurityLakeDelegatedAdminArgs{AccountID: securityAccount}, opts...)
				return err
			},
		},
		{
			name: "notifications", token: "orgtrust:index:NotificationsOrganizationsAccess",
			want: "User Notifications organizations access is DISABLED; there is nothing to import",
			register: func(ctx *pulumi.Context, opts ...pulumi.ResourceOption) error {
				_, err := components.NewNotificationsOrganizationsAccess(ctx, "res",
					components.NotificationsOrganizationsAccessArgs{}, opts...)
				return err
			},
		},
	}
	ids := map[string]string{
		"stacksets":     fakeservices.StackSetsPrincipal,
		"securitylake":  securityAccount,
		"notifications": fakeservices.NotificationsPrincipal,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newServiceFakes(t)
			stack := f.stack(t, func(ctx *pulumi.Context) error {
				var opts []pulumi.ResourceOption
				if config.GetBool(ctx, "import") {
					opts = append(opts, pulumi.Import(pulumi.ID(ids[tt.name])))
				}
				return tt.register(ctx, opts...)
			})
			stack.SetConfig("orgtrust-enginetest:import", "true", false)
			_, err := stack.Up()
			require.ErrorContains(t, err, tt.want)
			for _, r := range stack.Resources() {
				assert.NotEqual(t, tt.token, r.Type, "the failed import left no record in the state")
			}

			stack.SetConfig("orgtrust-enginetest:import", "false", false)
			up, err := stack.Up()
			require.NoError(t, err)
			assert.Equal(t, []string{"res"}, up.Names(apitype.OpCreate, tt.token))
			_, err = stack.Destroy()
			require.NoError(t, err)
		})
	}
}
