package tests

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// TestAdoptionLargeRealEngineBench is a bench (make bench; ORGTRUST_BENCH=1):
// the configuration `orgtrust discover` writes for the large workload (2,000
// accounts, 1,500 permission sets, 50,000 assignments, with its sections
// file) previews under the real engine, every existing object an import, then
// its first `pulumi up` imports them, against the stand-in aws plugin and the
// fakes. It prints one line:
//
//	adoption 1500 permission-sets 50000 assignments real engine: preview S s peak-mb M, up S s peak-mb M, state B bytes
//
// peak-mb is the largest resident memory, summed over the test's child
// processes (the CLI, the language host, the program and the plugins),
// sampled every 100 ms.
func TestAdoptionLargeRealEngineBench(t *testing.T) {
	if os.Getenv("ORGTRUST_BENCH") == "" {
		t.Skip("a bench: `make bench` runs it (ORGTRUST_BENCH=1)")
	}
	l := fb.Workload
	a := adoptUnderRealEngine(t, l, true)
	fmt.Printf("adoption %d permission-sets %d assignments real engine: preview %.1f s peak-mb %d, up %.1f s "+
		"peak-mb %d, state %d bytes (%d imports)\n", l.PermissionSets, l.Assignments(), a.previewTime.Seconds(),
		a.previewPeak>>20, a.upTime.Seconds(), a.upPeak>>20, a.state, a.imports)
}

// TestAdoptionRealEngine is the bench's adoption at a small size, in every
// test run: what discover writes for an existing organization (OUs, permission
// sets with managed and customer managed policies, group and user
// assignments) previews as imports and the assignment set, its first `pulumi
// up` imports them without a create or a replace and adopts every assignment
// without a write, and then a preview and a refresh find nothing
// to change: an imported object reads back as the program declares it.
func TestAdoptionRealEngine(t *testing.T) {
	t.Parallel()
	l := fb.Large{Accounts: 12, AccountsPerOU: 3, LeavesPerBranch: 2, PermissionSets: 7,
		GroupsAssigned: 3, PermissionSetsPerGroup: 2, UsersAssigned: 4, AccountsPerUser: 2,
		GroupsUnassigned: 1, UsersUnassigned: 1}
	a := adoptUnderRealEngine(t, l, false)
	_, err := a.stack.Preview(optpreview.ExpectNoChanges())
	require.NoError(t, err, "a preview after the imports changes nothing")
	_, err = a.stack.Refresh(optrefresh.ExpectNoChanges())
	require.NoError(t, err, "a refresh after the imports changes nothing")
}

// adoption is what adoptUnderRealEngine measured.
type adoption struct {
	stack               *engine.Stack
	previewTime, upTime time.Duration
	previewPeak, upPeak int64
	state, imports      int
}

// adoptUnderRealEngine seeds an organization of size l, runs discover on it
// (Identity Center), writes its configuration beside a copy of the root
// project, and runs the baseline program's preview and first up under the
// real engine with the stand-in aws plugin and the fakes. The preview must
// import every existing object and create none, and up must import what the
// preview said; large says the configuration takes a sections file.
func adoptUnderRealEngine(t *testing.T, l fb.Large, large bool) adoption {
	t.Helper()
	clock := fakesso.NewSimClock()
	// Identity Center's quota is not what this measures (discover's bench
	// does): the fake admits every request.
	org := fb.New(fb.Options{Clock: clock, RequestsPerSecond: 1 << 30})
	t.Cleanup(org.Close)
	fb.SeedLarge(org, l)
	res, err := discover.Run(context.Background(), discover.Options{Config: org.AWSConfig(context.Background()),
		Services: []string{"sso"}, Clock: clock})
	require.NoError(t, err)
	files, err := discover.Build(res.Inventory).ConfigFiles("large")
	require.NoError(t, err)

	root := engine.RepoRoot()
	dir := goProject(t, filepath.Join(root, "Pulumi.yaml"), filepath.Join(root, "examples", "baseline"))
	_, sections, err := files.WriteTo(dir, engine.StackName(t), writeFile)
	require.NoError(t, err)
	if large {
		require.NotEmpty(t, sections, "the large configuration has a sections file")
	}

	// The project directory is outside the program's (its main points back
	// into the repository), so the old Go host's program would walk up to the
	// repository's Pulumi.yaml: name the project directory, as current hosts do.
	env := map[string]string{"ORGTRUST_FAKE_AWS_POLL": "20ms", "PULUMI_ROOT_DIRECTORY": dir}
	for _, kv := range org.Env() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	a := adoption{stack: engine.NewProjectStack(t, dir, engine.ProjectOptions{Home: realEngineHome(t), Env: env,
		KeepOnCleanup: large})}
	a.stack.SetConfig("orgtrust:endpoint", org.URL(), false)
	a.stack.SetConfig("orgtrust:identityCenterRequestsPerSecond", "20", false)

	var preview engine.Result
	a.previewTime, a.previewPeak = measure(t, func() {
		preview, err = a.stack.Preview()
		require.NoError(t, err, "preview")
	})
	a.imports = preview.Changes[string(apitype.OpImport)]
	for _, s := range preview.Steps {
		if s.Op == apitype.OpCreate && strings.HasPrefix(s.Type, "aws:") {
			assert.Failf(t, "an existing object is created", "%s", s.URN)
		}
	}
	assert.Positive(t, a.imports, "the preview imports what exists")
	var up engine.Result
	a.upTime, a.upPeak = measure(t, func() {
		up, err = a.stack.Up()
		require.NoError(t, err, "up")
	})
	assert.Equal(t, a.imports, up.Changes[string(apitype.OpImport)], "up imports what the preview said")
	// The assignments are one AccountAssignments, which adopts them: not one
	// is created or deleted.
	for _, op := range []string{"CreateAccountAssignment", "DeleteAccountAssignment"} {
		assert.Zero(t, org.SSO.Calls(op), "the first up calls %s", op)
	}
	a.state = a.stack.StateBytes()
	return a
}

// measure runs f and returns its time and the largest resident memory,
// summed over this process's descendants, sampled every 100 ms meanwhile.
func measure(t *testing.T, f func()) (time.Duration, int64) {
	t.Helper()
	done := make(chan struct{})
	var peak int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			if rss := descendantsRSS(os.Getpid()); rss > peak {
				peak = rss
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	f()
	took := time.Since(start)
	close(done)
	wg.Wait()
	return took, peak
}

// descendantsRSS is the resident memory, in bytes, of the descendants of pid,
// from /proc.
func descendantsRSS(pid int) int64 {
	entries, _ := os.ReadDir("/proc")
	parent := map[int]int{}
	rss := map[int]int64{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... ; comm may hold spaces: split after ')'.
		fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(fields) < 22 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		pages, _ := strconv.ParseInt(fields[21], 10, 64)
		parent[p], rss[p] = ppid, pages*int64(os.Getpagesize())
	}
	var total int64
	for p, r := range rss {
		for q := parent[p]; q > 1; q = parent[q] {
			if q == pid {
				total += r
				break
			}
		}
	}
	return total
}
