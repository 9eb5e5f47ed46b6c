package tests

import (
	"fmt"
	"testing"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// BenchmarkTrustedAccess40Principals enables 40 principals in one program
// under the real engine, against a fake Organizations that rejects overlapping
// writes the way AWS does, then refreshes them. It reports the Organizations
// calls the provider made: 40 writes, no concurrent-modification error caused
// by our own parallelism, and one list sweep to refresh all 40.
//
// `make bench` runs it once and prints its summary line.
func BenchmarkTrustedAccess40Principals(b *testing.B) {
	const n = 40
	var writes, cmErrors, listCalls int
	for range b.N {
		b.StopTimer()
		fake := fakeorg.New(fakeorg.Options{WriteLatency: 2_000_000, PageSize: 20})
		principals := enableable(b, n)
		stack := engine.NewStack(b, enableAll(principals), engine.Options{
			Config: map[string]string{"orgtrust:endpoint": fake.URL(), "orgtrust:maxBackoffSeconds": "1"},
			Env:    fakeCredentials,
		})
		b.StartTimer()

		if _, err := stack.Up(); err != nil {
			b.Fatal(err)
		}
		writes, cmErrors = fake.WriteCalls(), fake.ConcurrentModErrors()
		if len(fake.EnabledPrincipals()) != n {
			b.Fatalf("enabled %d principals, want %d", len(fake.EnabledPrincipals()), n)
		}
		fake.Reset()
		if _, err := stack.Refresh(); err != nil {
			b.Fatal(err)
		}
		listCalls = fake.Calls("ListAWSServiceAccessForOrganization")

		b.StopTimer()
		if _, err := stack.Destroy(); err != nil {
			b.Fatal(err)
		}
		fake.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(writes), "writes")
	b.ReportMetric(float64(cmErrors), "concurrent-mod-errors")
	b.ReportMetric(float64(listCalls), "refresh-list-calls")
	// A sweep of 40 principals at 20 a page is two calls: one sweep.
	if writes != n || cmErrors != 0 || listCalls != (n+19)/20 {
		b.Errorf("want %d writes, 0 concurrent-modification errors and one list sweep; got %d, %d, %d calls",
			n, writes, cmErrors, listCalls)
	}
	fmt.Printf("trustedaccess %d principals: writes %d concurrent-mod-errors %d refresh-list-calls %d\n",
		n, writes, cmErrors, listCalls)
}
