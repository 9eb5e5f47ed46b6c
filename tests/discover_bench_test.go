package tests

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// discoverBoundConstant is the bound's allowance for the calls that do not
// grow with the organization (the instance, the caller, ABAC, trusted
// access, the administrators).
const discoverBoundConstant = 50

// discoverCallBound is the most calls discover's per-principal strategy
// makes for l, with pages of orgPage (Organizations) and ssoPage (Identity
// Center): six per permission set and one per page of the permission sets,
// one per principal and per extra page of assignments, one per page of the
// groups and users, two per OU (its child OUs and accounts) and one per
// extra page of them, one per page of ListAccounts, and a constant. It
// grows with permission sets and principals, never with accounts times
// permission sets.
func discoverCallBound(l fb.Large, orgPage, ssoPage int) int {
	pages := func(n, size int) int { return (n + size - 1) / size }
	return 6*l.PermissionSets + pages(l.PermissionSets, ssoPage) +
		l.Principals() + pages(l.Assignments(), ssoPage) + pages(l.Principals(), ssoPage) + 2 +
		2*(l.Units()+1) + pages(l.Units(), orgPage) + pages(l.Accounts, orgPage) +
		pages(l.Accounts+1, orgPage) + discoverBoundConstant +
		// The assigned groups' members, and every account's tags (tag targets).
		l.GroupsAssigned + (l.Accounts + 1)
}

// BenchmarkDiscoverLargeOrganization discovers the large-organization
// workload (2,000 accounts, 1,500 permission sets, 50,000 assignments) from
// the fake, which enforces Identity Center's 20 requests per second on a
// simulated clock shared with discover's rate limiter, and prints one line:
//
//	discover 2000 accounts 1500 permission-sets 50000 assignments: calls N (by operation ...) simulated-seconds S
//
// It fails when the calls exceed the bound of the per-principal strategy:
// six per permission set and one per page of its lists, one per principal
// plus one per extra page of 100 assignments, two per OU and page of
// accounts, and a constant, so they grow with permission sets and
// principals, never with accounts times permission sets; or when the fake
// throttled a call (discover stayed within the quota).
func BenchmarkDiscoverLargeOrganization(b *testing.B) {
	l := fb.Workload
	clock := fakesso.NewSimClock()
	// AWS's largest pages, as AWS answers the MaxResults discover asks for.
	o := fb.New(fb.Options{Clock: clock, PageSize: fakeorg.MaxPageSize, SSOPageSize: fakesso.MaxPageSize})
	b.Cleanup(o.Close)
	fb.SeedLarge(o, l)
	var res *discover.Result
	for b.Loop() {
		var err error
		res, err = discover.Run(context.Background(), discover.Options{
			Config: o.AWSConfig(context.Background()), Services: []string{"sso"}, Clock: clock,
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	g := discover.Build(res.Inventory)
	cfg, err := g.ConfigFiles("large")
	if err != nil {
		b.Fatal(err)
	}
	build := time.Since(start)
	// What the Go language host would pass the program in PULUMI_CONFIG for
	// the written stack file.
	stackPath, _, err := cfg.WriteTo(b.TempDir(), "large", writeFile)
	if err != nil {
		b.Fatal(err)
	}
	sc, err := plan.LoadStackConfig(stackPath)
	if err != nil {
		b.Fatal(err)
	}
	env := baseline.EnvConfigSize(sc.Values)
	ic := res.Inventory.IdentityCenter
	if len(ic.PermissionSets) != l.PermissionSets || len(ic.Assignments) != l.Assignments() ||
		len(res.Inventory.Organization.Accounts) != l.Accounts+1 {
		b.Fatalf("read %d permission sets, %d assignments and %d accounts; the organization has %d, %d and %d",
			len(ic.PermissionSets), len(ic.Assignments), len(res.Inventory.Organization.Accounts), l.PermissionSets,
			l.Assignments(), l.Accounts+1)
	}
	bound := discoverCallBound(l, fakeorg.MaxPageSize, fakesso.MaxPageSize)
	total := res.TotalCalls()
	type op struct {
		name string
		n    int
	}
	var ops []op
	for name, n := range res.Calls {
		ops = append(ops, op{name, n})
	}
	slices.SortFunc(ops, func(a, b op) int { return cmp.Or(b.n-a.n, strings.Compare(a.name, b.name)) })
	var by []string
	for _, o := range ops {
		by = append(by, fmt.Sprintf("%s %d", o.name, o.n))
	}
	fmt.Printf("discover %d accounts %d permission-sets %d assignments: calls %d (by operation %s) "+
		"simulated-seconds %.0f (bound %d calls: 6 per permission set, 1 per principal and page of 100 "+
		"assignments, 2 per OU and page of accounts, 1 per assigned group (its members) and per account (its "+
		"tags), and %d; throttled %d; configuration %d bytes, %d "+
		"assignment rules, built in %s; stack file %d bytes, PULUMI_CONFIG %d bytes (inline %d), sections "+
		"file %d bytes)\n", l.Accounts, l.PermissionSets, l.Assignments(), total,
		strings.Join(by, ", "), res.Elapsed.Seconds(), bound, discoverBoundConstant, o.SSO.Throttled(),
		len(cfg.Stack)+len(cfg.Sections), len(g.IdentityCenter.Assignments), build.Round(time.Millisecond),
		len(cfg.Stack), env, cfg.EnvSize, len(cfg.Sections))
	if env > baseline.WindowsEnvLimit {
		b.Fatalf("the stack file takes %d bytes of PULUMI_CONFIG, over Windows' %d", env, baseline.WindowsEnvLimit)
	}
	if total > bound {
		b.Fatalf("discover made %d calls, over the bound of %d", total, bound)
	}
	if n := o.SSO.Throttled(); n > 0 {
		b.Fatalf("the fake throttled %d calls: discover exceeded Identity Center's 20 requests per second", n)
	}
}
