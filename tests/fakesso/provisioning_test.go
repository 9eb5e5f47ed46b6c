package fakesso_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// TestProvisioning checks the fake's provisioning model: an assignment
// provisions its permission set to the account, a change outdates every
// account, ProvisionPermissionSet brings them up to date asynchronously, a
// second one while the first runs conflicts, a failure is reported with its
// reason, and deleting the last assignment deprovisions.
func TestProvisioning(t *testing.T) {
	t.Parallel()
	clock := fakesso.NewSimClock()
	const acct1, acct2 = "200000000001", "200000000002"
	fake := fakesso.New(fakesso.Options{Clock: clock, Users: []string{user(1)}, Accounts: []string{acct1, acct2},
		Latency: time.Second})
	t.Cleanup(fake.Close)
	sso, _ := clients(fake)
	ctx := t.Context()
	ps := fake.PermissionSetArn(1)

	for _, acct := range []string{acct1, acct2} {
		_, err := create(ctx, sso, fake, 1, user(1), acct)
		require.NoError(t, err)
	}
	clock.Advance(2 * time.Second)
	list := func(status types.ProvisioningStatus) []string {
		t.Helper()
		out, err := sso.ListAccountsForProvisionedPermissionSet(ctx, &ssoadmin.ListAccountsForProvisionedPermissionSetInput{
			InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(ps), ProvisioningStatus: status,
		})
		require.NoError(t, err)
		return out.AccountIds
	}
	assert.Equal(t, []string{acct1, acct2}, list(types.ProvisioningStatusLatestPermissionSetProvisioned))
	assert.Empty(t, list(types.ProvisioningStatusLatestPermissionSetNotProvisioned))

	fake.ChangePermissionSet(ps)
	assert.Equal(t, []string{acct1, acct2}, list(types.ProvisioningStatusLatestPermissionSetNotProvisioned))

	provision := func() (*ssoadmin.ProvisionPermissionSetOutput, error) {
		return sso.ProvisionPermissionSet(ctx, &ssoadmin.ProvisionPermissionSetInput{
			InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(ps),
			TargetType: types.ProvisionTargetTypeAllProvisionedAccounts,
		})
	}
	out, err := provision()
	require.NoError(t, err)
	assert.Equal(t, types.StatusValuesInProgress, out.PermissionSetProvisioningStatus.Status)
	_, err = provision()
	var conflict *types.ConflictException
	require.ErrorAs(t, err, &conflict, "a second provisioning while one runs conflicts")
	assert.Contains(t, err.Error(), fakesso.MsgConflictingOperation)
	clock.Advance(2 * time.Second)
	st, err := sso.DescribePermissionSetProvisioningStatus(ctx, &ssoadmin.DescribePermissionSetProvisioningStatusInput{
		InstanceArn: aws.String(fake.InstanceArn()), ProvisionPermissionSetRequestId: out.PermissionSetProvisioningStatus.RequestId,
	})
	require.NoError(t, err)
	assert.Equal(t, types.StatusValuesSucceeded, st.PermissionSetProvisioningStatus.Status)
	assert.Empty(t, fake.Outdated(ps))

	fake.ChangePermissionSet(ps)
	fake.FailProvisioning(ps, "Received a 404 status error: Not supported policy arn:aws:iam::200000000002:policy/Missing.")
	out, err = provision()
	require.NoError(t, err)
	clock.Advance(2 * time.Second)
	st, err = sso.DescribePermissionSetProvisioningStatus(ctx, &ssoadmin.DescribePermissionSetProvisioningStatusInput{
		InstanceArn: aws.String(fake.InstanceArn()), ProvisionPermissionSetRequestId: out.PermissionSetProvisioningStatus.RequestId,
	})
	require.NoError(t, err)
	assert.Equal(t, types.StatusValuesFailed, st.PermissionSetProvisioningStatus.Status)
	assert.Contains(t, aws.ToString(st.PermissionSetProvisioningStatus.FailureReason), "Not supported policy")
	assert.Equal(t, []string{acct1, acct2}, fake.Outdated(ps), "a failed provisioning leaves the accounts outdated")

	_, err = sso.DeleteAccountAssignment(ctx, &ssoadmin.DeleteAccountAssignmentInput{
		InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(ps),
		PrincipalId: aws.String(user(1)), PrincipalType: types.PrincipalTypeUser,
		TargetId: aws.String(acct2), TargetType: types.TargetTypeAwsAccount,
	})
	require.NoError(t, err)
	clock.Advance(2 * time.Second)
	assert.Equal(t, []string{acct1}, fake.Outdated(ps), "the last assignment's deletion deprovisions the account")
	assert.Equal(t, []string{
		"CreateAccountAssignment " + ps + " " + acct1, "CreateAccountAssignment " + ps + " " + acct2,
		"ProvisionPermissionSet " + ps, "ProvisionPermissionSet " + ps, "DeleteAccountAssignment " + ps + " " + acct2,
	}, fake.Writes())
}
