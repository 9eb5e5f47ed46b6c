package fakeservices_test

import (
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

// ec2Fake is an EC2 fake on an organization with member accounts
// 222222222222 and 333333333333, and an SDK configuration for account
// ("" for the management account's own credentials; else credentials that
// STS's AssumeRole gave for it).
func ec2Fake(t *testing.T) (*fakeservices.EC2, *fakeorg.Server, func(account string) *ec2.Client) {
	t.Helper()
	org := fakeorg.New(fakeorg.Options{})
	t.Cleanup(org.Close)
	org.AddAccounts("222222222222", "333333333333")
	fake := fakeservices.NewEC2(org)
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	return fake, org, func(account string) *ec2.Client {
		key := fakeorg.AccessKeyID
		if account != "" {
			key = fakeservices.AssumedKeyPrefix + account
		}
		return ec2.NewFromConfig(aws.Config{Region: "eu-west-1", BaseEndpoint: aws.String(srv.URL),
			Credentials: credentials.NewStaticCredentialsProvider(key, "secret", "token")})
	}
}

func regionStatuses(t *testing.T, c *ec2.Client, in *ec2.DescribeRegionsInput) map[string]string {
	t.Helper()
	out, err := c.DescribeRegions(t.Context(), in)
	require.NoError(t, err)
	res := map[string]string{}
	for _, r := range out.Regions {
		res[aws.ToString(r.RegionName)] = aws.ToString(r.OptInStatus)
		assert.Equal(t, "ec2."+aws.ToString(r.RegionName)+".amazonaws.com", aws.ToString(r.Endpoint))
	}
	return res
}

// TestEC2DescribeRegions: without AllRegions the Regions enabled for the
// caller's account (the default ones and the opt-in ones it opted in to);
// with it every Region and its status; filters and RegionNames narrow the
// answer; opting in is per account.
func TestEC2DescribeRegions(t *testing.T) {
	t.Parallel()
	fake, _, client := ec2Fake(t)
	fake.SetOptIn("222222222222", "me-central-1", fakeservices.OptedIn)

	admin := regionStatuses(t, client("222222222222"), &ec2.DescribeRegionsInput{})
	assert.Equal(t, fakeservices.OptInNotRequired, admin["us-east-1"])
	assert.Equal(t, fakeservices.OptedIn, admin["me-central-1"], "opted in for this account")
	assert.NotContains(t, admin, "af-south-1", "an opt-in Region not enabled is not listed")

	mgmt := regionStatuses(t, client(""), &ec2.DescribeRegionsInput{})
	assert.NotContains(t, mgmt, "me-central-1", "opting in is per account")
	assert.Contains(t, mgmt, "eu-west-1")

	all := regionStatuses(t, client(""), &ec2.DescribeRegionsInput{AllRegions: aws.Bool(true)})
	assert.Equal(t, fakeservices.NotOptedIn, all["me-central-1"])
	assert.Equal(t, fakeservices.OptInNotRequired, all["us-west-2"])

	notEnabled := regionStatuses(t, client("222222222222"), &ec2.DescribeRegionsInput{AllRegions: aws.Bool(true),
		Filters: []ec2types.Filter{{Name: aws.String("opt-in-status"), Values: []string{fakeservices.OptedIn,
			fakeservices.NotOptedIn}}}})
	assert.Equal(t, fakeservices.OptedIn, notEnabled["me-central-1"])
	assert.Equal(t, fakeservices.NotOptedIn, notEnabled["af-south-1"])
	assert.NotContains(t, notEnabled, "us-east-1", "opt-in-not-required is filtered out")

	named := regionStatuses(t, client(""), &ec2.DescribeRegionsInput{RegionNames: []string{"eu-west-1", "us-east-1"}})
	assert.Equal(t, map[string]string{"eu-west-1": fakeservices.OptInNotRequired,
		"us-east-1": fakeservices.OptInNotRequired}, named)

	_, err := client("").DescribeRegions(t.Context(), &ec2.DescribeRegionsInput{
		Filters: []ec2types.Filter{{Name: aws.String("status"), Values: []string{"x"}}}})
	require.ErrorContains(t, err, "InvalidParameterValue")
	_, err = client("").DescribeRegions(t.Context(), &ec2.DescribeRegionsInput{RegionNames: []string{"xx-nowhere-1"}})
	require.ErrorContains(t, err, "InvalidParameterValue")
	assert.Equal(t, 7, fake.Calls()["DescribeRegions"])
}

// TestEC2IPAMOrganizationAdminAccount: enabling registers the account for
// ipam.amazonaws.com in the organization, as Organizations'
// ListDelegatedAdministrators shows (and enables its trusted access);
// only the management account may, one administrator at a time, a member of
// the organization; disabling deregisters it, and disabling again is
// IpamOrganizationAccountNotRegistered.
func TestEC2IPAMOrganizationAdminAccount(t *testing.T) {
	t.Parallel()
	fake, org, client := ec2Fake(t)
	ctx := t.Context()
	mgmt := client("")
	enable := func(c *ec2.Client, account string) error {
		out, err := c.EnableIpamOrganizationAdminAccount(ctx,
			&ec2.EnableIpamOrganizationAdminAccountInput{DelegatedAdminAccountId: aws.String(account)})
		if err == nil {
			assert.True(t, aws.ToBool(out.Success))
		}
		return err
	}
	disable := func(account string) error {
		out, err := mgmt.DisableIpamOrganizationAdminAccount(ctx,
			&ec2.DisableIpamOrganizationAdminAccountInput{DelegatedAdminAccountId: aws.String(account)})
		if err == nil {
			assert.True(t, aws.ToBool(out.Success))
		}
		return err
	}

	require.ErrorContains(t, enable(client("222222222222"), "222222222222"), "UnauthorizedOperation",
		"a member account may not")
	require.ErrorContains(t, enable(mgmt, fakeorg.DefaultManagementAccountID), "InvalidParameterValue",
		"not the management account")
	require.ErrorContains(t, enable(mgmt, "999999999999"), "IpamOrganizationAccountNotFound")
	_, err := mgmt.EnableIpamOrganizationAdminAccount(ctx, &ec2.EnableIpamOrganizationAdminAccountInput{
		DelegatedAdminAccountId: aws.String("222222222222"), DryRun: aws.Bool(true)})
	require.ErrorContains(t, err, "DryRunOperation")
	assert.Empty(t, fake.IPAMAdmins(), "nothing registered by the refused calls")

	require.NoError(t, enable(mgmt, "222222222222"))
	assert.Contains(t, org.EnabledPrincipals(), fakeservices.IPAMPrincipal, "IPAM's trusted access is enabled")
	listed, err := organizations.NewFromConfig(org.AWSConfig(ctx)).ListDelegatedAdministrators(ctx,
		&organizations.ListDelegatedAdministratorsInput{ServicePrincipal: aws.String(fakeservices.IPAMPrincipal)})
	require.NoError(t, err)
	require.Len(t, listed.DelegatedAdministrators, 1)
	assert.Equal(t, "222222222222", aws.ToString(listed.DelegatedAdministrators[0].Id))
	require.NoError(t, enable(mgmt, "222222222222"), "enabling the administrator again succeeds")
	require.ErrorContains(t, enable(mgmt, "333333333333"), "IpamOrganizationDelegatedAdminLimitExceeded")

	require.ErrorContains(t, disable("333333333333"), "IpamOrganizationAccountNotRegistered")
	require.NoError(t, disable("222222222222"))
	assert.Empty(t, fake.IPAMAdmins())
	assert.Contains(t, org.EnabledPrincipals(), fakeservices.IPAMPrincipal, "trusted access stays")
	require.ErrorContains(t, disable("222222222222"), "IpamOrganizationAccountNotRegistered")
	assert.Equal(t, 7, fake.Calls()["EnableIpamOrganizationAdminAccount"])
}

// TestEC2ScopeCheck: a request signed for another service is refused.
func TestEC2ScopeCheck(t *testing.T) {
	t.Parallel()
	_, org, _ := ec2Fake(t)
	fake := fakeservices.NewEC2(org)
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	c := ec2.NewFromConfig(aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", "")}, func(o *ec2.Options) {
		o.Region = "moon-1"
	})
	_, err := c.DescribeRegions(t.Context(), &ec2.DescribeRegionsInput{})
	require.ErrorContains(t, err, "SignatureDoesNotMatch")
}
