package fakesso_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// TestRefusesWhatAWSRefuses: an assignment of a permission set that does not
// exist, or of another instance, or in an account outside the organization;
// the deletion of a permission set still provisioned; a call from an
// account that is neither the management account nor the delegated
// administrator; and a request signed for another Region or service.
func TestRefusesWhatAWSRefuses(t *testing.T) {
	t.Parallel()
	fake := fakesso.New(fakesso.Options{Users: []string{user(1)}, Accounts: testAccounts,
		DelegatedAdminAccountID: "222222222222"})
	t.Cleanup(fake.Close)
	sso, _ := clients(fake)
	ctx := t.Context()
	ps := fake.PermissionSetArn(1)
	assign := func(psArn, account string) error {
		_, err := sso.CreateAccountAssignment(ctx, &ssoadmin.CreateAccountAssignmentInput{
			InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(psArn),
			PrincipalId: aws.String(user(1)), PrincipalType: types.PrincipalTypeUser,
			TargetId: aws.String(account), TargetType: types.TargetTypeAwsAccount,
		})
		return err
	}

	var notFound *types.ResourceNotFoundException
	missing := "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-00000000deadbeef"
	require.ErrorAs(t, assign(missing, testAccounts[0]), &notFound, "a permission set that does not exist")
	other := "arn:aws:sso:::permissionSet/ssoins-2222222222222222/ps-0000000000000001"
	require.ErrorAs(t, assign(other, testAccounts[0]), &notFound, "a permission set of another instance")
	var invalid *types.ValidationException
	require.ErrorAs(t, assign(ps, "999999999999"), &invalid, "an account outside the organization")
	assert.Empty(t, fake.Assignments(), "nothing refused was created")

	require.NoError(t, assign(ps, testAccounts[0]))
	var conflict *types.ConflictException
	_, err := sso.DeletePermissionSet(ctx, &ssoadmin.DeletePermissionSetInput{
		InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(ps)})
	require.ErrorAs(t, err, &conflict, "a permission set provisioned to an account")
	assert.Contains(t, fake.PermissionSets(), "ps-1")

	var denied *types.AccessDeniedException
	fake.SetCallerAccountID("333333333333")
	_, err = sso.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	require.ErrorAs(t, err, &denied, "a member account that is not the delegated administrator")
	fake.SetCallerAccountID("222222222222")
	_, err = sso.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	require.NoError(t, err, "the delegated administrator")

	for _, scope := range []string{"eu-west-1/sso", "us-east-1/identitystore"} {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, fake.URL(), strings.NewReader("{}"))
		require.NoError(t, err)
		req.Header.Set("X-Amz-Target", "SWBExternalService.ListInstances")
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDFAKE/20260101/"+scope+
			"/aws4_request, SignedHeaders=host, Signature=00")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		_ = resp.Body.Close()
		assert.Equal(t, http.StatusForbidden, resp.StatusCode, "signed for %s", scope)
		assert.Equal(t, "InvalidSignatureException", resp.Header.Get("X-Amzn-ErrorType"), "signed for %s", scope)
	}
}

// TestListsLagWritesUnderConsistency: with Consistency on, a list right
// after a create does not show it, and shows it within MaxLag reads; a
// permission set is not found right after it was created, then is.
func TestListsLagWritesUnderConsistency(t *testing.T) {
	t.Parallel()
	clock := fakesso.NewSimClock()
	fake := fakesso.New(fakesso.Options{Clock: clock, Users: []string{user(1)}, Accounts: testAccounts,
		Consistency: &fakeaws.Consistency{Seed: 7, MaxLag: 3}})
	t.Cleanup(fake.Close)
	sso, _ := clients(fake)
	ctx := t.Context()
	_, err := create(ctx, sso, fake, 1, user(1), testAccounts[0])
	require.NoError(t, err)
	require.Len(t, fake.Assignments(), 1, "the write is made at once")

	list := func() int {
		out, err := sso.ListAccountAssignments(ctx, &ssoadmin.ListAccountAssignmentsInput{
			InstanceArn: aws.String(fake.InstanceArn()), AccountId: aws.String(testAccounts[0]),
			PermissionSetArn: aws.String(fake.PermissionSetArn(1))})
		require.NoError(t, err)
		return len(out.AccountAssignments)
	}
	seen := 0
	reads := 0
	for ; reads < 4 && seen == 0; reads++ {
		seen = list()
	}
	assert.Equal(t, 1, seen, "visible within MaxLag reads")
	assert.Greater(t, reads, 1, "the first read after the write does not see it")

	out, err := sso.CreatePermissionSet(ctx, &ssoadmin.CreatePermissionSetInput{
		InstanceArn: aws.String(fake.InstanceArn()), Name: aws.String("Lagging")})
	require.NoError(t, err)
	var notFound *types.ResourceNotFoundException
	_, err = sso.DescribePermissionSet(ctx, &ssoadmin.DescribePermissionSetInput{
		InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: out.PermissionSet.PermissionSetArn})
	require.ErrorAs(t, err, &notFound, "a describe right after the create")
	for range 3 {
		_, err = sso.DescribePermissionSet(ctx, &ssoadmin.DescribePermissionSetInput{
			InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: out.PermissionSet.PermissionSetArn})
	}
	require.NoError(t, err, "found within MaxLag reads")
}
