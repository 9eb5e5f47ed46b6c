package fakeorg

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

// TestAccountsOutsideTheOrganizationAreRefused: registering, deregistering
// or listing the services of an account that is not in the organization is
// AccountNotFoundException, as AWS answers.
func TestAccountsOutsideTheOrganizationAreRefused(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	c := singleAttemptClient(t, s)
	ctx := t.Context()
	require.NoError(t, enable(ctx, c, "guardduty.amazonaws.com"))
	var notFound *types.AccountNotFoundException
	require.ErrorAs(t, register(ctx, c, "999999999999", "guardduty.amazonaws.com"), &notFound)
	_, err := c.DeregisterDelegatedAdministrator(ctx, &organizations.DeregisterDelegatedAdministratorInput{
		AccountId: aws.String("999999999999"), ServicePrincipal: aws.String("guardduty.amazonaws.com")})
	require.ErrorAs(t, err, &notFound)
	_, err = c.ListDelegatedServicesForAccount(ctx, &organizations.ListDelegatedServicesForAccountInput{
		AccountId: aws.String("999999999999")})
	require.ErrorAs(t, err, &notFound)
	assert.Empty(t, s.DelegatedAdmins("guardduty.amazonaws.com"))
	require.NoError(t, register(ctx, c, memberAccounts[0], "guardduty.amazonaws.com"), "a member account")
}

// TestListsLagWritesUnderConsistency: with Consistency on, the lists miss a
// write for 1 to MaxLag reads, then show it for good; writes become visible
// in order; the same seed lags the same way.
func TestListsLagWritesUnderConsistency(t *testing.T) {
	t.Parallel()
	lags := func(seed uint64) []int {
		s := start(t, Options{Consistency: &fakeaws.Consistency{Seed: seed, MaxLag: 4}})
		c := singleAttemptClient(t, s)
		var out []int
		for _, p := range []string{"guardduty.amazonaws.com", "macie.amazonaws.com", "ram.amazonaws.com"} {
			require.NoError(t, enable(t.Context(), c, p))
			require.Contains(t, s.EnabledPrincipals(), p, "the write is made at once")
			reads := 0
			for {
				reads++
				page, err := c.ListAWSServiceAccessForOrganization(t.Context(),
					&organizations.ListAWSServiceAccessForOrganizationInput{})
				require.NoError(t, err)
				found := false
				for _, e := range page.EnabledServicePrincipals {
					found = found || aws.ToString(e.ServicePrincipal) == p
				}
				if found {
					break
				}
				require.LessOrEqual(t, reads, 4, "%s is visible within MaxLag reads", p)
			}
			out = append(out, reads)
			for range 3 { // once visible, it stays visible
				page, err := c.ListAWSServiceAccessForOrganization(t.Context(),
					&organizations.ListAWSServiceAccessForOrganizationInput{})
				require.NoError(t, err)
				assert.Len(t, page.EnabledServicePrincipals, len(out))
			}
		}
		return out
	}
	first := lags(11)
	for _, n := range first {
		assert.Greater(t, n, 1, "the first read after a write misses it")
	}
	assert.Equal(t, first, lags(11), "the same seed, the same lag")
}
