package tests

// The orgtrust provider's getOrganizationAccounts reader against the fake
// Organizations endpoint: every account with its tags, paginated, within
// the request rate, and (make bench) the calls and simulated time of 2,000
// accounts with 10 tags each.

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// taggedOrg is a fake organization of n member accounts (in the root) with
// tags per account: env, and tags-1 more.
func taggedOrg(n, tags, pageSize int) *fakeorg.Server {
	fake := fakeorg.New(fakeorg.Options{PageSize: pageSize})
	for i := range n {
		id := fmt.Sprintf("2%011d", i)
		status := fakeorg.StatusActive
		if i%100 == 99 {
			status = fakeorg.StatusSuspended
		}
		fake.AddAccount(fakeorg.RootID, id, fmt.Sprintf("account-%d", i), status)
		t := map[string]string{"env": []string{"prod", "dev", "test"}[i%3]}
		for k := 1; k < tags; k++ {
			t[fmt.Sprintf("tag-%02d", k)] = fmt.Sprintf("value-%d", (i+k)%7)
		}
		fake.TagAccount(id, t)
	}
	return fake
}

func TestOrgAccountReader(t *testing.T) {
	t.Parallel()
	// 45 accounts and the management account, 5 tags each, 2 tags a page.
	fake := taggedOrg(45, 5, 2)
	defer fake.Close()
	var progress []int
	r := provider.NewOrgAccountReader(fakeAWSConfig(), provider.OrgAccountReaderOptions{
		Endpoint: fake.URL(), RequestsPerSecond: 1000,
		Progress: func(done, total int) { progress = append(progress, done) },
	})
	accounts, err := r.Accounts(context.Background(), []string{"env", "tag-01"}, true)
	require.NoError(t, err)
	require.Len(t, accounts, 46)
	assert.Equal(t, fakeorg.DefaultManagementAccountID, accounts[0].ID, "sorted by ID")
	assert.Empty(t, accounts[0].Tags)
	assert.Equal(t, fakeorg.StatusActive, accounts[0].Status)
	first := accounts[1]
	assert.Equal(t, "200000000000", first.ID)
	assert.Equal(t, map[string]string{"env": "prod", "tag-01": "value-1"}, first.Tags, "only the keys asked for")
	// Every page of ListAccounts (2 a page) and of each account's tags (5 tags,
	// 2 a page: 3 pages each, none for the management account).
	assert.Equal(t, 23, fake.Calls(fakeorg.OpListAccounts))
	assert.Equal(t, 45*3+1, fake.Calls(fakeorg.OpListTagsForResource))
	assert.Equal(t, 23+45*3+1, r.Calls())
	assert.Empty(t, progress, "no progress line below 250 accounts")

	all, err := provider.NewOrgAccountReader(fakeAWSConfig(), provider.OrgAccountReaderOptions{
		Endpoint: fake.URL(), RequestsPerSecond: 1000,
	}).Accounts(context.Background(), nil, true)
	require.NoError(t, err)
	assert.Len(t, all[1].Tags, 5, "every tag without tagKeys")
}

func TestOrgAccountReaderFailsOnAnAccountItCannotRead(t *testing.T) {
	t.Parallel()
	fake := taggedOrg(3, 1, 20)
	defer fake.Close()
	fake.Inject(fakeorg.OpListTagsForResource, fakeorg.Fault{Code: "AccessDeniedException",
		Message: "You don't have permissions to access this resource."})
	_, err := provider.NewOrgAccountReader(fakeAWSConfig(), provider.OrgAccountReaderOptions{
		Endpoint: fake.URL(), RequestsPerSecond: 1000,
	}).Accounts(context.Background(), []string{"env"}, true)
	require.ErrorContains(t, err, "organizations:ListTagsForResource for account")
	require.ErrorContains(t, err, "AccessDeniedException")
}

// BenchmarkTagTargets2000Accounts reads 2,000 accounts with 10 tags each
// at Organizations' request rate on a simulated clock.
//
//	ORGTRUST_BENCH=1 go test ./tests/ -run '^$' -bench 'TagTargets2000Accounts' -benchtime 1x
func BenchmarkTagTargets2000Accounts(b *testing.B) {
	if os.Getenv("ORGTRUST_BENCH") == "" {
		b.Skip("set ORGTRUST_BENCH=1 (make bench)")
	}
	const n, tags = 2000, 10
	fake := taggedOrg(n, tags, fakeorg.MaxPageSize)
	defer fake.Close()
	for range b.N {
		clock := fakesso.NewSimClock()
		var progress int
		r := provider.NewOrgAccountReader(fakeAWSConfig(), provider.OrgAccountReaderOptions{
			Endpoint: fake.URL(), Clock: clock, Progress: func(int, int) { progress++ },
		})
		start := clock.Now()
		accounts, err := r.Accounts(context.Background(), []string{"env"}, true)
		if err != nil {
			b.Fatal(err)
		}
		simulated := clock.Now().Sub(start)
		if len(accounts) != n+1 {
			b.Fatalf("read %d accounts, want %d", len(accounts), n+1)
		}
		pages := (n + 1 + fakeorg.MaxPageSize - 1) / fakeorg.MaxPageSize
		want := pages + n + 1
		floor := time.Duration(float64(want-1) / provider.OrganizationsRequestsPerSecond * float64(time.Second))
		fmt.Printf("tag targets %d accounts %d tags: calls %d simulated-seconds %.1f (%d ListAccounts, %d "+
			"ListTagsForResource, at %d requests per second; progress lines %d)\n", n, tags, r.Calls(),
			simulated.Seconds(), fake.Calls(fakeorg.OpListAccounts), fake.Calls(fakeorg.OpListTagsForResource),
			provider.OrganizationsRequestsPerSecond, progress)
		if r.Calls() != want || simulated < floor {
			b.Errorf("want %d calls at most %d per second (at least %s); got %d in %s", want,
				provider.OrganizationsRequestsPerSecond, floor, r.Calls(), simulated)
		}
		fake.Reset()
	}
}
