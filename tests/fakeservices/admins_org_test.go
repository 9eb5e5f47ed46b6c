package fakeservices_test

import (
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	fmstypes "github.com/aws/aws-sdk-go-v2/service/fms/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

// orgAdminFakes is an organization with members 222222222222 and
// 333333333333, the Admins fake keeping its administrators there, and SDK
// configurations for the management account and for the member
// 222222222222 (credentials from STS's AssumeRole), in region.
func orgAdminFakes(t *testing.T, opts fakeorg.Options, region string) (org *fakeorg.Server, admins *fakeservices.Admins,
	mgmt, member aws.Config,
) {
	t.Helper()
	org = fakeorg.New(opts)
	t.Cleanup(org.Close)
	org.AddAccounts("222222222222", "333333333333")
	admins = fakeservices.NewAdmins()
	admins.UseOrganization(org)
	srv := httptest.NewServer(admins)
	t.Cleanup(srv.Close)
	cfg := func(key string) aws.Config {
		return aws.Config{Region: region, BaseEndpoint: aws.String(srv.URL),
			Credentials: credentials.NewStaticCredentialsProvider(key, "secret", "token")}
	}
	return org, admins, cfg(fakeorg.AccessKeyID), cfg(fakeservices.AssumedKeyPrefix + "222222222222")
}

// TestAdminsFirewallManager: AssociateAdminAccount is the management
// account's only, takes a member of the organization other than itself,
// enables fms.amazonaws.com's trusted access and registers the account
// there; a second account is refused until DisassociateAdminAccount, after
// which GetAdminAccount answers ResourceNotFoundException.
func TestAdminsFirewallManager(t *testing.T) {
	t.Parallel()
	org, admins, mgmtCfg, memberCfg := orgAdminFakes(t, fakeorg.Options{}, "us-east-1")
	ctx := t.Context()
	mgmt, member := fms.NewFromConfig(mgmtCfg), fms.NewFromConfig(memberCfg)
	const principal = "fms.amazonaws.com"

	_, err := mgmt.GetAdminAccount(ctx, &fms.GetAdminAccountInput{})
	require.ErrorContains(t, err, "ResourceNotFoundException")
	for _, tc := range []struct {
		client  *fms.Client
		account string
		want    string
	}{
		{member, "333333333333", "InvalidOperationException"},
		{mgmt, fakeorg.DefaultManagementAccountID, "InvalidOperationException"},
		{mgmt, "999999999999", "InvalidInputException"},
		{mgmt, "22", "InvalidInputException"},
	} {
		_, err := tc.client.AssociateAdminAccount(ctx, &fms.AssociateAdminAccountInput{AdminAccount: aws.String(tc.account)})
		require.ErrorContains(t, err, tc.want, tc.account)
	}
	assert.Empty(t, org.DelegatedAdmins(principal), "nothing refused is registered")

	_, err = mgmt.AssociateAdminAccount(ctx, &fms.AssociateAdminAccountInput{AdminAccount: aws.String("222222222222")})
	require.NoError(t, err)
	assert.Contains(t, org.EnabledPrincipals(), principal, "associating enables Firewall Manager's trusted access")
	assert.Equal(t, []string{"222222222222"}, org.DelegatedAdmins(principal))
	got, err := mgmt.GetAdminAccount(ctx, &fms.GetAdminAccountInput{})
	require.NoError(t, err)
	assert.Equal(t, "222222222222", aws.ToString(got.AdminAccount))
	assert.Equal(t, fmstypes.AccountRoleStatusReady, got.RoleStatus)
	_, err = mgmt.AssociateAdminAccount(ctx, &fms.AssociateAdminAccountInput{AdminAccount: aws.String("333333333333")})
	require.ErrorContains(t, err, "is already the Firewall Manager default administrator")

	_, err = member.DisassociateAdminAccount(ctx, &fms.DisassociateAdminAccountInput{})
	require.ErrorContains(t, err, "InvalidOperationException")
	_, err = mgmt.DisassociateAdminAccount(ctx, &fms.DisassociateAdminAccountInput{})
	require.NoError(t, err)
	assert.Empty(t, org.DelegatedAdmins(principal))
	_, err = mgmt.GetAdminAccount(ctx, &fms.GetAdminAccountInput{})
	require.ErrorContains(t, err, "ResourceNotFoundException")
	_, err = mgmt.DisassociateAdminAccount(ctx, &fms.DisassociateAdminAccountInput{})
	require.ErrorContains(t, err, "ResourceNotFoundException")
	assert.Equal(t, 3, admins.Calls()["fms:DisassociateAdminAccount"])
}

// TestAdminsFirewallManagerRoleStatus: under eventual consistency,
// GetAdminAccount answers CREATING until Organizations' reads show the
// registration, then READY, and DELETING until they stop showing it, the
// statuses terraform-provider-aws's waiters poll for.
func TestAdminsFirewallManagerRoleStatus(t *testing.T) {
	t.Parallel()
	lagged := map[fmstypes.AccountRoleStatus]bool{}
	for seed := uint64(1); seed <= 5; seed++ {
		_, _, mgmtCfg, _ := orgAdminFakes(t, fakeorg.Options{Consistency: &fakeaws.Consistency{Seed: seed, MaxLag: 3}},
			"us-east-1")
		ctx := t.Context()
		mgmt := fms.NewFromConfig(mgmtCfg)
		poll := func(pending, target fmstypes.AccountRoleStatus) {
			for i := 0; ; i++ {
				require.Less(t, i, 10, "seed %d: %s within the lag", seed, target)
				got, err := mgmt.GetAdminAccount(ctx, &fms.GetAdminAccountInput{})
				if target == fmstypes.AccountRoleStatusDeleted && err != nil {
					require.ErrorContains(t, err, "ResourceNotFoundException")
					return
				}
				require.NoError(t, err)
				if got.RoleStatus == target {
					return
				}
				require.Equal(t, pending, got.RoleStatus, "seed %d", seed)
				lagged[pending] = true
			}
		}
		_, err := mgmt.AssociateAdminAccount(ctx, &fms.AssociateAdminAccountInput{AdminAccount: aws.String("222222222222")})
		require.NoError(t, err)
		poll(fmstypes.AccountRoleStatusCreating, fmstypes.AccountRoleStatusReady)
		_, err = mgmt.DisassociateAdminAccount(ctx, &fms.DisassociateAdminAccountInput{})
		require.NoError(t, err)
		poll(fmstypes.AccountRoleStatusDeleting, fmstypes.AccountRoleStatusDeleted)
	}
	assert.True(t, lagged[fmstypes.AccountRoleStatusCreating], "some seed shows CREATING")
	assert.True(t, lagged[fmstypes.AccountRoleStatusDeleting], "some seed shows DELETING")
}

// TestAdminsAuditManager: RegisterOrganizationAdminAccount needs
// auditmanager.amazonaws.com's trusted access, takes one member account in
// every Region (another is Audit Manager's ValidationException) and
// registers it in the organization until the last Region deregisters it;
// GetOrganizationAdminAccount answers per Region.
func TestAdminsAuditManager(t *testing.T) {
	t.Parallel()
	org, admins, mgmtCfg, memberCfg := orgAdminFakes(t, fakeorg.Options{}, "us-east-1")
	ctx := t.Context()
	east, member := auditmanager.NewFromConfig(mgmtCfg), auditmanager.NewFromConfig(memberCfg)
	west := auditmanager.NewFromConfig(mgmtCfg, func(o *auditmanager.Options) { o.Region = "us-west-2" })
	const principal = "auditmanager.amazonaws.com"
	register := func(c *auditmanager.Client, account string) error {
		_, err := c.RegisterOrganizationAdminAccount(ctx, &auditmanager.RegisterOrganizationAdminAccountInput{
			AdminAccountId: aws.String(account)})
		return err
	}

	require.ErrorContains(t, register(east, "222222222222"), "Trusted access for auditmanager.amazonaws.com is not enabled")
	org.EnableOutOfBand(principal)
	require.ErrorContains(t, register(member, "222222222222"), "AccessDeniedException")
	require.ErrorContains(t, register(east, fakeorg.DefaultManagementAccountID), "management account")
	require.ErrorContains(t, register(east, "999999999999"), "not a member of the organization")
	_, err := east.GetOrganizationAdminAccount(ctx, &auditmanager.GetOrganizationAdminAccountInput{})
	require.ErrorContains(t, err, "ResourceNotFoundException")

	out, err := east.RegisterOrganizationAdminAccount(ctx, &auditmanager.RegisterOrganizationAdminAccountInput{
		AdminAccountId: aws.String("222222222222")})
	require.NoError(t, err)
	assert.Equal(t, fakeorg.OrganizationID, aws.ToString(out.OrganizationId))
	assert.Equal(t, []string{"222222222222"}, org.DelegatedAdmins(principal))
	require.ErrorContains(t, register(west, "333333333333"), "Cannot change delegated Admin",
		"the same administrator in every Region")
	_, err = west.GetOrganizationAdminAccount(ctx, &auditmanager.GetOrganizationAdminAccountInput{})
	require.ErrorContains(t, err, "ResourceNotFoundException", "us-west-2 has none yet")
	require.NoError(t, register(west, "222222222222"))
	got, err := west.GetOrganizationAdminAccount(ctx, &auditmanager.GetOrganizationAdminAccountInput{})
	require.NoError(t, err)
	assert.Equal(t, "222222222222", aws.ToString(got.AdminAccountId))
	assert.Equal(t, map[string][]string{"us-east-1": {"222222222222"}, "us-west-2": {"222222222222"}},
		admins.Designated()[fakeservices.AuditManager])

	deregister := func(c *auditmanager.Client, account string) error {
		_, err := c.DeregisterOrganizationAdminAccount(ctx, &auditmanager.DeregisterOrganizationAdminAccountInput{
			AdminAccountId: aws.String(account)})
		return err
	}
	require.ErrorContains(t, deregister(east, "333333333333"), "ResourceNotFoundException")
	require.NoError(t, deregister(east, "222222222222"))
	assert.Equal(t, []string{"222222222222"}, org.DelegatedAdmins(principal), "us-west-2 still has it")
	require.NoError(t, deregister(west, "222222222222"))
	assert.Empty(t, org.DelegatedAdmins(principal))
	for region, accounts := range admins.Designated()[fakeservices.AuditManager] {
		assert.Empty(t, accounts, "nothing left in %s", region)
	}
}

// TestAdminsCloudTrail: RegisterOrganizationDelegatedAdmin needs
// cloudtrail.amazonaws.com's trusted access, the management account, and a
// member account not yet registered, and registers it in the organization
// (up to three); Deregister removes it, AccountNotRegisteredException after.
func TestAdminsCloudTrail(t *testing.T) {
	t.Parallel()
	org, _, mgmtCfg, memberCfg := orgAdminFakes(t, fakeorg.Options{}, "us-east-1")
	ctx := t.Context()
	mgmt, member := cloudtrail.NewFromConfig(mgmtCfg), cloudtrail.NewFromConfig(memberCfg)
	const principal = "cloudtrail.amazonaws.com"
	register := func(c *cloudtrail.Client, account string) error {
		_, err := c.RegisterOrganizationDelegatedAdmin(ctx, &cloudtrail.RegisterOrganizationDelegatedAdminInput{
			MemberAccountId: aws.String(account)})
		return err
	}
	deregister := func(c *cloudtrail.Client, account string) error {
		_, err := c.DeregisterOrganizationDelegatedAdmin(ctx, &cloudtrail.DeregisterOrganizationDelegatedAdminInput{
			DelegatedAdminAccountId: aws.String(account)})
		return err
	}

	require.ErrorContains(t, register(mgmt, "222222222222"), "CloudTrailAccessNotEnabledException")
	org.EnableOutOfBand(principal)
	require.ErrorContains(t, register(member, "222222222222"), "NotOrganizationManagementAccountException")
	require.ErrorContains(t, register(mgmt, fakeorg.DefaultManagementAccountID), "CannotDelegateManagementAccountException")
	require.ErrorContains(t, register(mgmt, "999999999999"), "AccountNotFoundException")
	require.ErrorContains(t, register(mgmt, "x"), "InvalidParameterException")
	require.NoError(t, register(mgmt, "222222222222"))
	assert.Equal(t, []string{"222222222222"}, org.DelegatedAdmins(principal))
	require.ErrorContains(t, register(mgmt, "222222222222"), "AccountRegisteredException")

	require.ErrorContains(t, deregister(member, "222222222222"), "NotOrganizationManagementAccountException")
	require.ErrorContains(t, deregister(mgmt, "333333333333"), "AccountNotRegisteredException")
	require.NoError(t, deregister(mgmt, "222222222222"))
	assert.Empty(t, org.DelegatedAdmins(principal))
	require.ErrorContains(t, deregister(mgmt, "222222222222"), "AccountNotRegisteredException")
}
