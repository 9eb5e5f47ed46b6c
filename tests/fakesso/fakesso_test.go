package fakesso_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	isdocument "github.com/aws/aws-sdk-go-v2/service/identitystore/document"
	istypes "github.com/aws/aws-sdk-go-v2/service/identitystore/types"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// testAccounts are the organization's accounts in the tests.
var testAccounts = []string{"123456789012", "222222222222", "333333333333"}

func user(n int) string { return fmt.Sprintf("90672200%02d-8c1d1d2a-6b0c-4c7e-9d8e-%012d", n%100, n) }

// clients returns SDK clients for the fake without retries, so that every
// answer of the fake reaches the test.
func clients(fake *fakesso.Server) (*ssoadmin.Client, *identitystore.Client) {
	cfg := aws.Config{
		Region:           "us-east-1",
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDFAKE", "SECRETFAKE", ""),
		RetryMaxAttempts: 1,
	}
	return ssoadmin.NewFromConfig(cfg, func(o *ssoadmin.Options) { o.BaseEndpoint = aws.String(fake.URL()) }),
		identitystore.NewFromConfig(cfg, func(o *identitystore.Options) { o.BaseEndpoint = aws.String(fake.URL()) })
}

func create(ctx context.Context, c *ssoadmin.Client, fake *fakesso.Server, ps int, principal, account string) (
	*ssoadmin.CreateAccountAssignmentOutput, error,
) {
	return c.CreateAccountAssignment(ctx, &ssoadmin.CreateAccountAssignmentInput{
		InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(fake.PermissionSetArn(ps)),
		PrincipalId: aws.String(principal), PrincipalType: types.PrincipalTypeUser,
		TargetId: aws.String(account), TargetType: types.TargetTypeAwsAccount,
	})
}

func TestRequestRateQuota(t *testing.T) {
	t.Parallel()
	clock := fakesso.NewSimClock()
	fake := fakesso.New(fakesso.Options{Clock: clock})
	t.Cleanup(fake.Close)
	sso, _ := clients(fake)
	ctx := t.Context()

	// 20 calls in one second pass; the 21st is throttled as AWS throttles.
	for i := range 20 {
		_, err := sso.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
		require.NoError(t, err, "call %d", i)
	}
	_, err := sso.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	var thr *types.ThrottlingException
	require.ErrorAs(t, err, &thr)
	assert.Equal(t, fakesso.MsgRateExceeded, thr.ErrorMessage())
	assert.Equal(t, 1, fake.Throttled())

	// A second later the window has moved on.
	clock.Advance(time.Second)
	_, err = sso.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	require.NoError(t, err)
}

func TestOutstandingOperationsAndLatency(t *testing.T) {
	t.Parallel()
	clock := fakesso.NewSimClock()
	users := []string{}
	for i := range 11 {
		users = append(users, user(i))
	}
	fake := fakesso.New(fakesso.Options{Clock: clock, Users: users, Latency: 3 * time.Second,
		RequestsPerSecond: 1000, Accounts: testAccounts})
	t.Cleanup(fake.Close)
	sso, _ := clients(fake)
	ctx := t.Context()

	var ids []string
	for i := range 10 {
		out, err := create(ctx, sso, fake, 1, users[i], "123456789012")
		require.NoError(t, err)
		assert.Equal(t, types.StatusValuesInProgress, out.AccountAssignmentCreationStatus.Status)
		ids = append(ids, aws.ToString(out.AccountAssignmentCreationStatus.RequestId))
	}
	// The eleventh outstanding operation is refused.
	_, err := create(ctx, sso, fake, 1, users[10], "123456789012")
	var thr *types.ThrottlingException
	require.ErrorAs(t, err, &thr)
	assert.Equal(t, fakesso.MsgTooManyPending, thr.ErrorMessage())
	assert.Empty(t, fake.Assignments(), "nothing exists before the latency has passed")

	clock.Advance(3 * time.Second)
	st, err := sso.DescribeAccountAssignmentCreationStatus(ctx, &ssoadmin.DescribeAccountAssignmentCreationStatusInput{
		InstanceArn: aws.String(fake.InstanceArn()), AccountAssignmentCreationRequestId: aws.String(ids[0]),
	})
	require.NoError(t, err)
	assert.Equal(t, types.StatusValuesSucceeded, st.AccountAssignmentCreationStatus.Status)
	assert.Len(t, fake.Assignments(), 10)
	assert.Equal(t, 10, fake.MaxOutstandingSeen())

	// With the ten complete, the eleventh is accepted.
	_, err = create(ctx, sso, fake, 1, users[10], "123456789012")
	require.NoError(t, err)
}

func TestFailedOperationAndLookups(t *testing.T) {
	t.Parallel()
	clock := fakesso.NewSimClock()
	fake := fakesso.New(fakesso.Options{Clock: clock, Users: []string{user(1)}, Latency: time.Second,
		Accounts: testAccounts})
	t.Cleanup(fake.Close)
	fake.FailAccount("222222222222", "Received a 404 status error: Not supported account.")
	sso, ids := clients(fake)
	ctx := t.Context()

	out, err := create(ctx, sso, fake, 1, user(1), "222222222222")
	require.NoError(t, err)
	clock.Advance(time.Second)
	st, err := sso.DescribeAccountAssignmentCreationStatus(ctx, &ssoadmin.DescribeAccountAssignmentCreationStatusInput{
		InstanceArn:                        aws.String(fake.InstanceArn()),
		AccountAssignmentCreationRequestId: out.AccountAssignmentCreationStatus.RequestId,
	})
	require.NoError(t, err)
	assert.Equal(t, types.StatusValuesFailed, st.AccountAssignmentCreationStatus.Status)
	assert.Contains(t, aws.ToString(st.AccountAssignmentCreationStatus.FailureReason), "Not supported account")
	assert.Empty(t, fake.Assignments())

	_, err = ids.DescribeUser(ctx, &identitystore.DescribeUserInput{
		IdentityStoreId: aws.String(fakesso.DefaultIdentityStoreID), UserId: aws.String(user(1))})
	require.NoError(t, err)
	_, err = ids.DescribeUser(ctx, &identitystore.DescribeUserInput{
		IdentityStoreId: aws.String(fakesso.DefaultIdentityStoreID), UserId: aws.String(user(2))})
	require.Error(t, err)
	assert.True(t, errors.As(err, new(interface{ ErrorCode() string })))
	assert.Contains(t, err.Error(), "ResourceNotFoundException")
}

func TestListForPrincipalPaginates(t *testing.T) {
	t.Parallel()
	fake := fakesso.New(fakesso.Options{PageSize: 7, RequestsPerSecond: 1000})
	t.Cleanup(fake.Close)
	for i := range 20 {
		fake.Put(fakesso.Assignment{PermissionSetArn: fake.PermissionSetArn(i % 3), PrincipalType: "USER",
			PrincipalID: user(1), AccountID: fmt.Sprintf("%012d", 100000+i)})
	}
	fake.Put(fakesso.Assignment{PermissionSetArn: fake.PermissionSetArn(1), PrincipalType: "GROUP",
		PrincipalID: user(1), AccountID: "123456789012"})
	sso, _ := clients(fake)
	pages := ssoadmin.NewListAccountAssignmentsForPrincipalPaginator(sso, &ssoadmin.ListAccountAssignmentsForPrincipalInput{
		InstanceArn: aws.String(fake.InstanceArn()), PrincipalId: aws.String(user(1)),
		PrincipalType: types.PrincipalTypeUser, MaxResults: aws.Int32(100),
	})
	n, calls := 0, 0
	for pages.HasMorePages() {
		page, err := pages.NextPage(t.Context())
		require.NoError(t, err)
		n += len(page.AccountAssignments)
		calls++
	}
	assert.Equal(t, 20, n, "the user's 20 assignments, not the group's")
	assert.Equal(t, 3, calls, "20 at 7 a page")
}

func TestHistoryRecordsEveryAbsence(t *testing.T) {
	t.Parallel()
	clock := fakesso.NewSimClock()
	fake := fakesso.New(fakesso.Options{Clock: clock, Users: []string{user(1)}, Latency: time.Second,
		RequestsPerSecond: 1000, Accounts: testAccounts})
	t.Cleanup(fake.Close)
	sso, _ := clients(fake)
	ctx := t.Context()
	a := fakesso.Assignment{PermissionSetArn: fake.PermissionSetArn(1), PrincipalType: "USER", PrincipalID: user(1),
		AccountID: "123456789012"}
	other := a
	other.AccountID = "210987654321"

	_, err := create(ctx, sso, fake, 1, user(1), a.AccountID)
	require.NoError(t, err)
	assert.Empty(t, fake.History(), "an operation in progress is no change yet")
	clock.Advance(time.Second)
	// Creating it again while it exists is no change either.
	_, err = create(ctx, sso, fake, 1, user(1), a.AccountID)
	require.NoError(t, err)
	clock.Advance(time.Second)
	fake.Put(other)
	assert.Empty(t, fake.Absences([]fakesso.Assignment{a, other}), "nothing has gone missing")

	_, err = sso.DeleteAccountAssignment(ctx, &ssoadmin.DeleteAccountAssignmentInput{
		InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(a.PermissionSetArn),
		PrincipalId: aws.String(a.PrincipalID), PrincipalType: types.PrincipalTypeUser,
		TargetId: aws.String(a.AccountID), TargetType: types.TargetTypeAwsAccount,
	})
	require.NoError(t, err)
	deleteAt := clock.Now().Add(time.Second)
	clock.Advance(time.Second)
	fake.Remove(other)

	h := fake.History()
	require.Len(t, h, 4)
	assert.Equal(t, fakesso.Change{At: deleteAt, Assignment: a, Present: false,
		Cause: fakesso.OpDeleteAccountAssignment}, h[2], "the moment the deletion completed")
	assert.Equal(t, []fakesso.Change{h[2]}, fake.Absences([]fakesso.Assignment{a}))
	assert.Len(t, fake.Absences([]fakesso.Assignment{a, other}), 2)
}

func TestPermissionSetsAndPrincipalsByName(t *testing.T) {
	t.Parallel()
	fake := fakesso.New(fakesso.Options{Users: []string{user(1)}, Groups: []string{user(2)},
		UserNames: map[string]string{user(1): "alice"}, GroupNames: map[string]string{user(2): "Platform"}})
	t.Cleanup(fake.Close)
	sso, ids := clients(fake)
	ctx := t.Context()

	out, err := sso.CreatePermissionSet(ctx, &ssoadmin.CreatePermissionSetInput{
		InstanceArn: aws.String(fake.InstanceArn()), Name: aws.String("ReadOnly"),
	})
	require.NoError(t, err)
	arn := aws.ToString(out.PermissionSet.PermissionSetArn)
	assert.Regexp(t, `^arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-[0-9a-f]{16}$`, arn)
	assert.Equal(t, "PT1H", aws.ToString(out.PermissionSet.SessionDuration), "AWS's default")
	assert.Equal(t, map[string]string{"ReadOnly": arn}, fake.PermissionSets())
	_, err = sso.CreatePermissionSet(ctx, &ssoadmin.CreatePermissionSetInput{
		InstanceArn: aws.String(fake.InstanceArn()), Name: aws.String("ReadOnly"),
	})
	var conflict *types.ConflictException
	require.ErrorAs(t, err, &conflict, "names are unique in an instance")
	_, err = sso.DeletePermissionSet(ctx, &ssoadmin.DeletePermissionSetInput{
		InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(arn),
	})
	require.NoError(t, err)
	_, err = sso.DescribePermissionSet(ctx, &ssoadmin.DescribePermissionSetInput{
		InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(arn),
	})
	var nf *types.ResourceNotFoundException
	require.ErrorAs(t, err, &nf)

	unique := func(path, value string) istypes.AlternateIdentifier {
		return &istypes.AlternateIdentifierMemberUniqueAttribute{Value: istypes.UniqueAttribute{
			AttributePath: aws.String(path), AttributeValue: isdocument.NewLazyDocument(value)}}
	}
	g, err := ids.GetGroupId(ctx, &identitystore.GetGroupIdInput{
		IdentityStoreId: aws.String(fakesso.DefaultIdentityStoreID), AlternateIdentifier: unique("DisplayName", "Platform")})
	require.NoError(t, err)
	assert.Equal(t, user(2), aws.ToString(g.GroupId))
	u, err := ids.GetUserId(ctx, &identitystore.GetUserIdInput{
		IdentityStoreId: aws.String(fakesso.DefaultIdentityStoreID), AlternateIdentifier: unique("UserName", "alice")})
	require.NoError(t, err)
	assert.Equal(t, user(1), aws.ToString(u.UserId))
	_, err = ids.GetUserId(ctx, &identitystore.GetUserIdInput{
		IdentityStoreId: aws.String(fakesso.DefaultIdentityStoreID), AlternateIdentifier: unique("UserName", "bob")})
	var missing *istypes.ResourceNotFoundException
	require.ErrorAs(t, err, &missing)
}
