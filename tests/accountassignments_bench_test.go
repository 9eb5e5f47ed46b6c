package tests

// The AccountAssignments benchmark: 10,000 assignments (50 principals, 40
// accounts, 5 permission sets) created and refreshed by the resource's client
// against the quota-true fake on a simulated clock, side by side with the
// per-resource model (one Read per assignment; one pulumi-aws create, with
// its polling, per assignment at `pulumi up`'s default parallelism), then `pulumi up` and `pulumi preview` of the same set
// under the real engine. It runs only with ORGTRUST_BENCH=1 (make bench):
//
//	ORGTRUST_BENCH=1 go test ./tests/ -run '^$' -bench 'AccountAssignments10k' -benchtime 1x

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
	"github.com/orgtrust/pulumi-orgtrust/provider"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

const (
	benchPrincipals     = 50
	benchAccounts       = 40
	benchPermissionSets = 5
	benchAssignments    = benchPrincipals * benchAccounts * benchPermissionSets
	// benchLatency is how long the fake takes to complete one operation.
	benchLatency = 3 * time.Second
)

// benchFake is a fake with the benchmark's principals and accounts.
func benchFake(opts fakesso.Options) *fakesso.Server {
	// The set uses the first benchPrincipals users and benchAccounts
	// accounts; the others hold the console-made assignments of the refresh
	// with undeclared access.
	for i := range benchPrincipals + benchPermissionSets {
		opts.Users = append(opts.Users, ssoUser(i))
	}
	for i := range benchAccounts + benchPermissionSets {
		opts.Accounts = append(opts.Accounts, ssoAccount(i))
	}
	fake := fakesso.New(opts)
	// The permission sets exist (their policies are read on a refresh with
	// undeclared access): benchPermissionSetArn(ps), 1 to benchPermissionSets.
	for ps := range benchPermissionSets {
		fake.AddPermissionSet(fakesso.PermissionSet{Name: fmt.Sprintf("Bench%d", ps)})
	}
	return fake
}

// benchPermissionSetArn is the ARN of the benchmark's permission set ps.
func benchPermissionSetArn(fake *fakesso.Server, ps int) string { return fake.PermissionSetArn(ps + 1) }

func benchSet(fake *fakesso.Server) []provider.Assignment {
	out := make([]provider.Assignment, 0, benchAssignments)
	for u := range benchPrincipals {
		for a := range benchAccounts {
			for ps := range benchPermissionSets {
				out = append(out, provider.Assignment{PermissionSetArn: benchPermissionSetArn(fake, ps),
					PrincipalType: "USER", PrincipalID: ssoUser(u), AccountID: ssoAccount(a)})
			}
		}
	}
	return out
}

func fakeAWSConfig() aws.Config {
	return aws.Config{Region: "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKIDFAKE", "SECRETFAKE", "")}
}

func BenchmarkAccountAssignments10k(b *testing.B) {
	if os.Getenv("ORGTRUST_BENCH") == "" {
		b.Skip("set ORGTRUST_BENCH=1 (make bench) to run the 10,000-assignment benchmark")
	}
	for range b.N {
		benchSimulated(b)
		benchEngine(b)
	}
}

// benchSimulated creates and refreshes the set with the resource's client on
// a simulated clock, at AWS's quotas, and models the per-resource refresh
// and create on the same fake.
func benchSimulated(b *testing.B) {
	clock := fakesso.NewSimClock()
	fake := benchFake(fakesso.Options{Clock: clock, Latency: benchLatency})
	defer fake.Close()
	client := provider.NewAssignmentClient(fakeAWSConfig(), provider.AssignmentClientOptions{
		Endpoint: fake.URL(), Clock: clock, MaxBackoff: time.Second,
	})
	ctx := context.Background()
	set := benchSet(fake)

	// Create from empty: what Create does (read to adopt, then create).
	start := clock.Now()
	managed, res, err := client.Converge(ctx, fake.InstanceArn(), nil, set)
	if err != nil || len(res.Failed) > 0 {
		b.Fatalf("create: %v %v", err, res.Failed)
	}
	createCalls, simulated := fake.Calls(fakesso.AnyOp), clock.Now().Sub(start)
	floor := time.Duration(math.Ceil(float64(benchAssignments)/awsapi.MaxOutstandingAssignmentOps)) * benchLatency
	ratio := simulated.Seconds() / floor.Seconds()
	throttled := fake.Throttled()
	if len(managed) != benchAssignments || len(fake.Assignments()) != benchAssignments {
		b.Fatalf("create: managed %d, fake has %d, want %d", len(managed), len(fake.Assignments()), benchAssignments)
	}
	if fake.MaxOutstandingSeen() > awsapi.MaxOutstandingAssignmentOps {
		b.Errorf("create: %d operations outstanding at once, above %d", fake.MaxOutstandingSeen(),
			awsapi.MaxOutstandingAssignmentOps)
	}
	fmt.Printf("assignments %d create: calls %d simulated-seconds %.0f floor %.0f ratio %.3f throttled-errors %d\n",
		benchAssignments, createCalls, simulated.Seconds(), floor.Seconds(), ratio, throttled)
	if ratio > 1.15 || throttled != 0 {
		b.Errorf("create: ratio %.3f (target ≤ 1.15), throttled errors %d (target 0)", ratio, throttled)
	}

	// Refresh: the resource's Read.
	fake.Reset()
	start = clock.Now()
	present, err := client.Existing(ctx, fake.InstanceArn(), managed)
	if err != nil || len(present) != benchAssignments {
		b.Fatalf("refresh: %d present, %v", len(present), err)
	}
	refreshCalls, refreshSim := fake.Calls(fakesso.AnyOp), clock.Now().Sub(start)

	// Refresh with the undeclared access of every permission set: the same
	// per-principal reads, plus per permission set its provisioned accounts
	// and its policies; one assignment made in the console per permission set.
	var governed []provider.GovernedPermissionSet
	var console []fakesso.Assignment
	for ps := range benchPermissionSets {
		governed = append(governed, provider.GovernedPermissionSet{PermissionSetArn: benchPermissionSetArn(fake, ps)})
		console = append(console, fakesso.Assignment{PermissionSetArn: benchPermissionSetArn(fake, ps), PrincipalType: "USER",
			PrincipalID: ssoUser(benchPrincipals + ps), AccountID: ssoAccount(benchAccounts + ps)})
	}
	fake.Put(console...)
	fake.Reset()
	present, undeclared, _, err := client.ReadUndeclared(ctx, fake.InstanceArn(), managed, governed)
	if err != nil || len(present) != benchAssignments {
		b.Fatalf("refresh with undeclared: %d present, %v", len(present), err)
	}
	undeclaredCalls := fake.Calls(fakesso.AnyOp)
	fmt.Printf("assignments %d refresh with undeclared: calls %d per-resource %d (found %d of %d console-made; "+
		"refresh without: %d)\n", benchAssignments, undeclaredCalls, benchAssignments, len(undeclared), len(console),
		refreshCalls)
	if undeclaredCalls > 2*refreshCalls || len(undeclared) != len(console) {
		b.Errorf("refresh with undeclared: %d calls (bound %d), found %d of %d", undeclaredCalls, 2*refreshCalls,
			len(undeclared), len(console))
	}
	fake.Remove(console...)

	// The per-resource model: one Read per assignment, each a
	// ListAccountAssignments of its account and permission set filtered to
	// its principal (as pulumi-aws and terraform-provider-aws read one), at
	// the quota's best rate.
	fake.Reset()
	dropped := 0
	sso := ssoadmin.NewFromConfig(fakeAWSConfig(), func(o *ssoadmin.Options) {
		o.BaseEndpoint = aws.String(fake.URL())
		o.RetryMaxAttempts = 1 // retried below, on the simulated clock
	})
	for _, a := range managed {
		pages := ssoadmin.NewListAccountAssignmentsPaginator(sso, &ssoadmin.ListAccountAssignmentsInput{
			InstanceArn: aws.String(fake.InstanceArn()), AccountId: aws.String(a.AccountID),
			PermissionSetArn: aws.String(a.PermissionSetArn), MaxResults: aws.Int32(100),
		})
		for found := false; !found && pages.HasMorePages(); {
			_ = clock.Sleep(ctx, time.Second/awsapi.IdentityCenterRequestsPerSecond)
			page, err := pages.NextPage(ctx)
			// Throttles (and the fake's rare dropped connection) are retried
			// on the simulated clock, and not counted as reads.
			for retries := 0; err != nil && retries < 5; retries++ {
				var thr *ssotypes.ThrottlingException
				if !errors.As(err, &thr) {
					dropped++
				}
				_ = clock.Sleep(ctx, time.Second/awsapi.IdentityCenterRequestsPerSecond)
				page, err = pages.NextPage(ctx)
			}
			if err != nil {
				b.Fatalf("per-resource read: %v", err)
			}
			for _, x := range page.AccountAssignments {
				found = found || aws.ToString(x.PrincipalId) == a.PrincipalID
			}
		}
	}
	perResource := fake.Calls(fakesso.AnyOp) - fake.Throttled() - dropped
	fmt.Printf("assignments %d refresh: calls %d per-resource %d simulated-seconds %.1f\n",
		benchAssignments, refreshCalls, perResource, refreshSim.Seconds())
	if perResource < 50*refreshCalls {
		b.Errorf("refresh: per-resource %d over %d calls is %.1f, below the target 50", perResource, refreshCalls,
			float64(perResource)/float64(refreshCalls))
	}

	// The per-resource create model, on the same fake and clock, from empty.
	fake.Remove(fake.Assignments()...)
	parallel := perResourceParallel()
	pr := perResourceCreate(b, fake, clock, set, parallel)
	if pr.failed > 0 {
		b.Logf("per-resource create: %d resources failed, the first: %v", pr.failed, pr.firstFailure)
	}
	if got := len(fake.Assignments()); got < benchAssignments-pr.failed {
		b.Fatalf("per-resource create: the fake has %d assignments, want at least %d", got,
			benchAssignments-pr.failed)
	}
	fmt.Printf("assignments %d create per-resource: parallel %d calls %d simulated-seconds %.0f floor %.0f ratio %.3f "+
		"throttled-errors %d failed %d\n", benchAssignments, parallel, pr.calls, pr.simulated.Seconds(),
		floor.Seconds(), pr.simulated.Seconds()/floor.Seconds(), pr.throttled, pr.failed)
	b.ReportMetric(ratio, "create-ratio")
	b.ReportMetric(pr.simulated.Seconds()/floor.Seconds(), "per-resource-create-ratio")
	b.ReportMetric(float64(perResource)/float64(refreshCalls), "refresh-call-ratio")
}

// benchEngine runs `pulumi up` and `pulumi preview` of the set under the real
// engine against the fake in real time. The fake's latency and both rates
// are raised (an emulator may exceed AWS's quota) so that the measurement is
// of the engine and the provider, not of the quota the simulation measures.
func benchEngine(b *testing.B) {
	fake := benchFake(fakesso.Options{Latency: 5 * time.Millisecond, RequestsPerSecond: 100000})
	// Registered before the stack's cleanup, so it runs after it: the fake
	// outlives the stack's final destroy.
	b.Cleanup(fake.Close)
	set := benchSet(fake)
	stack := ssoStack(b, fake, 20000, func(ctx *pulumi.Context) error {
		list := make([]components.AccountAssignment, 0, len(set))
		for _, a := range set {
			list = append(list, components.AccountAssignment{PermissionSetArn: pulumi.String(a.PermissionSetArn),
				PrincipalType: a.PrincipalType, PrincipalID: pulumi.String(a.PrincipalID), AccountID: a.AccountID})
		}
		_, err := components.NewAccountAssignments(ctx, "org-access", components.AccountAssignmentsArgs{
			InstanceArn: pulumi.String(fake.InstanceArn()), Assignments: list,
		})
		return err
	})
	start := time.Now()
	if _, err := stack.Up(); err != nil {
		b.Fatal(err)
	}
	up := time.Since(start)
	if n := len(fake.Assignments()); n != benchAssignments {
		b.Fatalf("up created %d assignments, want %d", n, benchAssignments)
	}
	start = time.Now()
	pre, err := stack.Preview()
	if err != nil {
		b.Fatal(err)
	}
	preview := time.Since(start)
	if pre.HasChanges() {
		b.Errorf("preview after up proposes changes: %v", pre.Changes)
	}
	fmt.Printf("assignments %d engine: up %.1f s, preview %.1f s, state %d bytes\n",
		benchAssignments, up.Seconds(), preview.Seconds(), stack.StateBytes())
	if _, err := stack.Destroy(); err != nil {
		b.Fatal(err)
	}
	if n := len(fake.Assignments()); n != 0 {
		b.Errorf("destroy left %d assignments", n)
	}
}
