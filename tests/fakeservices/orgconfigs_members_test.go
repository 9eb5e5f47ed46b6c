package fakeservices_test

import (
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	dtypes "github.com/aws/aws-sdk-go-v2/service/detective/types"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	itypes "github.com/aws/aws-sdk-go-v2/service/inspector2/types"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	mtypes "github.com/aws/aws-sdk-go-v2/service/macie2/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

// memberFakes is an organization with member account 333333333333 and
// 222222222222 designated administrator of Macie, Inspector and Detective in
// us-east-1, and SDK configurations for the administrator and another
// member, as STS's AssumeRole credentials name them.
func memberFakes(t *testing.T) (fake *fakeservices.OrgConfigs, admin, other aws.Config) {
	t.Helper()
	org := fakeorg.New(fakeorg.Options{})
	t.Cleanup(org.Close)
	org.AddAccounts("222222222222", "333333333333")
	admins := fakeservices.NewAdmins()
	for _, s := range []string{fakeservices.Macie, fakeservices.Inspector, fakeservices.Detective} {
		admins.Set(s, "us-east-1", "222222222222")
	}
	fake = fakeservices.NewOrgConfigs()
	fake.UseAdmins(admins)
	fake.UseOrganization(org)
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	cfg := func(account string) aws.Config {
		return aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
			Credentials: credentials.NewStaticCredentialsProvider(fakeservices.AssumedKeyPrefix+account, "secret", "token")}
	}
	return fake, cfg("222222222222"), cfg("333333333333")
}

// TestOrgConfigsMacieMembers: the administrator's auto-enable write is what
// DescribeOrganizationConfiguration answers; a member must be an account of
// the organization with its email, is Enabled on creation, and is left
// behind until DeleteMember; another account is refused.
func TestOrgConfigsMacieMembers(t *testing.T) {
	t.Parallel()
	fake, adminCfg, otherCfg := memberFakes(t)
	ctx := t.Context()
	admin, other := macie2.NewFromConfig(adminCfg), macie2.NewFromConfig(otherCfg)

	_, err := other.UpdateOrganizationConfiguration(ctx, &macie2.UpdateOrganizationConfigurationInput{AutoEnable: aws.Bool(true)})
	require.ErrorContains(t, err, "AccessDeniedException", "only the administrator")
	_, err = admin.UpdateOrganizationConfiguration(ctx, &macie2.UpdateOrganizationConfigurationInput{AutoEnable: aws.Bool(true)})
	require.NoError(t, err)
	conf, err := admin.DescribeOrganizationConfiguration(ctx, &macie2.DescribeOrganizationConfigurationInput{})
	require.NoError(t, err)
	assert.True(t, aws.ToBool(conf.AutoEnable), "the read sees the write")

	for _, tc := range []struct{ account, email, want string }{
		{"444444444444", "account-444444444444@example.com", "not part of the organization"},
		{"333333333333", "someone@example.com", "is not the email address"},
		{"222222222222", "account-222222222222@example.com", "cannot be its own member"},
	} {
		_, err := admin.CreateMember(ctx, &macie2.CreateMemberInput{Account: &mtypes.AccountDetail{
			AccountId: aws.String(tc.account), Email: aws.String(tc.email)}})
		require.ErrorContains(t, err, tc.want, tc.account)
	}
	_, err = admin.CreateMember(ctx, &macie2.CreateMemberInput{Account: &mtypes.AccountDetail{
		AccountId: aws.String("333333333333"), Email: aws.String("account-333333333333@example.com")}})
	require.NoError(t, err)
	m, err := admin.GetMember(ctx, &macie2.GetMemberInput{Id: aws.String("333333333333")})
	require.NoError(t, err)
	assert.Equal(t, mtypes.RelationshipStatusEnabled, m.RelationshipStatus)
	assert.Equal(t, "222222222222", aws.ToString(m.AdministratorAccountId))
	assert.Contains(t, fake.Leftovers(), "macie2 member 333333333333 of 222222222222/us-east-1")
	_, err = admin.DeleteMember(ctx, &macie2.DeleteMemberInput{Id: aws.String("333333333333")})
	require.NoError(t, err)
	_, err = admin.GetMember(ctx, &macie2.GetMemberInput{Id: aws.String("333333333333")})
	var nf *mtypes.ResourceNotFoundException
	require.ErrorAs(t, err, &nf, "a deleted member is not found")
	assert.Empty(t, fake.Leftovers())
}

// TestOrgConfigsInspectorMembersAndScans: associating, enabling scans and
// auto-enable are left behind until disassociated, disabled and turned off;
// scans need an associated member.
func TestOrgConfigsInspectorMembersAndScans(t *testing.T) {
	t.Parallel()
	fake, adminCfg, _ := memberFakes(t)
	ctx := t.Context()
	admin := inspector2.NewFromConfig(adminCfg)

	out, err := admin.Enable(ctx, &inspector2.EnableInput{AccountIds: []string{"333333333333"},
		ResourceTypes: []itypes.ResourceScanType{itypes.ResourceScanTypeEc2}})
	require.NoError(t, err)
	require.Len(t, out.FailedAccounts, 1, "a member not associated yet")
	assert.Equal(t, itypes.ErrorCodeAccessDenied, out.FailedAccounts[0].ErrorCode)

	_, err = admin.AssociateMember(ctx, &inspector2.AssociateMemberInput{AccountId: aws.String("333333333333")})
	require.NoError(t, err)
	got, err := admin.GetMember(ctx, &inspector2.GetMemberInput{AccountId: aws.String("333333333333")})
	require.NoError(t, err)
	assert.Equal(t, itypes.RelationshipStatusEnabled, got.Member.RelationshipStatus)
	out, err = admin.Enable(ctx, &inspector2.EnableInput{AccountIds: []string{"333333333333"},
		ResourceTypes: []itypes.ResourceScanType{itypes.ResourceScanTypeEc2, itypes.ResourceScanTypeLambda}})
	require.NoError(t, err)
	assert.Empty(t, out.FailedAccounts)
	st, err := admin.BatchGetAccountStatus(ctx, &inspector2.BatchGetAccountStatusInput{AccountIds: []string{"333333333333"}})
	require.NoError(t, err)
	require.Len(t, st.Accounts, 1)
	assert.Equal(t, itypes.StatusEnabled, st.Accounts[0].State.Status)
	assert.Equal(t, itypes.StatusEnabled, st.Accounts[0].ResourceState.Lambda.Status)
	assert.Equal(t, itypes.StatusDisabled, st.Accounts[0].ResourceState.Ecr.Status)
	_, err = admin.UpdateOrganizationConfiguration(ctx, &inspector2.UpdateOrganizationConfigurationInput{
		AutoEnable: &itypes.AutoEnable{Ec2: aws.Bool(true), Ecr: aws.Bool(false)}})
	require.NoError(t, err)
	conf, err := admin.DescribeOrganizationConfiguration(ctx, &inspector2.DescribeOrganizationConfigurationInput{})
	require.NoError(t, err)
	assert.True(t, aws.ToBool(conf.AutoEnable.Ec2), "the read sees the write")
	assert.ElementsMatch(t, []string{"inspector2 member 333333333333 of 222222222222/us-east-1",
		"inspector2 EC2 scans of 333333333333 in us-east-1", "inspector2 LAMBDA scans of 333333333333 in us-east-1",
		"inspector2 auto-enable of ec2 in us-east-1"}, fake.Leftovers())

	_, err = admin.Disable(ctx, &inspector2.DisableInput{AccountIds: []string{"333333333333"},
		ResourceTypes: []itypes.ResourceScanType{itypes.ResourceScanTypeEc2, itypes.ResourceScanTypeLambda}})
	require.NoError(t, err)
	_, err = admin.UpdateOrganizationConfiguration(ctx, &inspector2.UpdateOrganizationConfigurationInput{
		AutoEnable: &itypes.AutoEnable{Ec2: aws.Bool(false), Ecr: aws.Bool(false)}})
	require.NoError(t, err)
	_, err = admin.DisassociateMember(ctx, &inspector2.DisassociateMemberInput{AccountId: aws.String("333333333333")})
	require.NoError(t, err)
	got, err = admin.GetMember(ctx, &inspector2.GetMemberInput{AccountId: aws.String("333333333333")})
	require.NoError(t, err)
	assert.Equal(t, itypes.RelationshipStatusRemoved, got.Member.RelationshipStatus)
	_, err = admin.DisassociateMember(ctx, &inspector2.DisassociateMemberInput{AccountId: aws.String("333333333333")})
	require.ErrorContains(t, err, "is not yet associated to it")
	assert.Empty(t, fake.Leftovers())
}

// TestOrgConfigsDetectiveGraphAndMembers: delegation made the administrator's
// graph, which CreateGraph returns and ListGraphs lists; members need the
// caller's graph and an organization account; DeleteGraph removes the graph
// from the lists.
func TestOrgConfigsDetectiveGraphAndMembers(t *testing.T) {
	t.Parallel()
	fake, adminCfg, otherCfg := memberFakes(t)
	ctx := t.Context()
	admin, other := detective.NewFromConfig(adminCfg), detective.NewFromConfig(otherCfg)

	g, err := admin.CreateGraph(ctx, &detective.CreateGraphInput{})
	require.NoError(t, err)
	assert.Equal(t, fakeservices.GraphArn("222222222222", "us-east-1"), aws.ToString(g.GraphArn),
		"the graph delegation made")
	list, err := admin.ListGraphs(ctx, &detective.ListGraphsInput{})
	require.NoError(t, err)
	require.Len(t, list.GraphList, 1)
	assert.Equal(t, aws.ToString(g.GraphArn), aws.ToString(list.GraphList[0].Arn))
	_, err = other.ListGraphs(ctx, &detective.ListGraphsInput{})
	require.NoError(t, err, "another account lists its own graphs: none")

	_, err = admin.UpdateOrganizationConfiguration(ctx, &detective.UpdateOrganizationConfigurationInput{
		GraphArn: g.GraphArn, AutoEnable: true})
	require.NoError(t, err)
	conf, err := admin.DescribeOrganizationConfiguration(ctx, &detective.DescribeOrganizationConfigurationInput{
		GraphArn: g.GraphArn})
	require.NoError(t, err)
	assert.True(t, conf.AutoEnable, "the read sees the write")

	res, err := admin.CreateMembers(ctx, &detective.CreateMembersInput{GraphArn: g.GraphArn, Accounts: []dtypes.Account{
		{AccountId: aws.String("333333333333"), EmailAddress: aws.String("account-333333333333@example.com")},
		{AccountId: aws.String("444444444444"), EmailAddress: aws.String("account-444444444444@example.com")}}})
	require.NoError(t, err)
	require.Len(t, res.Members, 1)
	assert.Equal(t, dtypes.MemberStatusEnabled, res.Members[0].Status)
	assert.Equal(t, dtypes.InvitationTypeOrganization, res.Members[0].InvitationType)
	require.Len(t, res.UnprocessedAccounts, 1)
	assert.Contains(t, aws.ToString(res.UnprocessedAccounts[0].Reason), "not part of the organization")
	members, err := admin.ListMembers(ctx, &detective.ListMembersInput{GraphArn: g.GraphArn})
	require.NoError(t, err)
	require.Len(t, members.MemberDetails, 1)
	assert.Equal(t, []string{"detective member 333333333333 of " + aws.ToString(g.GraphArn)}, fake.Leftovers())

	_, err = admin.DeleteMembers(ctx, &detective.DeleteMembersInput{GraphArn: g.GraphArn,
		AccountIds: []string{"333333333333"}})
	require.NoError(t, err)
	assert.Empty(t, fake.Leftovers())
	_, err = admin.DeleteGraph(ctx, &detective.DeleteGraphInput{GraphArn: g.GraphArn})
	require.NoError(t, err)
	list, err = admin.ListGraphs(ctx, &detective.ListGraphsInput{})
	require.NoError(t, err)
	assert.Empty(t, list.GraphList, "the graph is gone")
	_, err = admin.ListMembers(ctx, &detective.ListMembersInput{GraphArn: g.GraphArn})
	var nf *dtypes.ResourceNotFoundException
	require.ErrorAs(t, err, &nf, "the graph's members are gone with it")
}
