package tests

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// TestDiscoverLargeOrganizationStartsTheProgram discovers an organization of
// 600 permission sets, whose configuration inline would take more than
// Linux's 128 KiB limit of one environment string in PULUMI_CONFIG, the
// variable the Go language host passes the stack configuration to the
// program in (pulumi-language-go's constructEnv). discover writes the
// sections to orgtrust-baseline.<stack>.yaml, which the stack file names at
// orgtrust-baseline:configFile, so:
//   - the PULUMI_CONFIG of the written stack file fits even Windows' limit;
//   - a process started with it runs, where one started with the inline
//     configuration fails with "argument list too long" (E2BIG), as
//     `pulumi preview` would;
//   - `make plan` with the written files imports every permission set.
func TestDiscoverLargeOrganizationStartsTheProgram(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("Linux's limit of one environment string (MAX_ARG_STRLEN)")
	}
	clock := fakesso.NewSimClock()
	o := fb.New(fb.Options{Clock: clock})
	t.Cleanup(o.Close)
	l := fb.Large{Accounts: 200, AccountsPerOU: 20, LeavesPerBranch: 5, PermissionSets: 600,
		GroupsAssigned: 30, PermissionSetsPerGroup: 4, UsersAssigned: 60, AccountsPerUser: 2}
	fb.SeedLarge(o, l)
	res, err := discover.Run(context.Background(), discover.Options{
		Config: o.AWSConfig(context.Background()), Services: []string{"sso"}, Clock: clock,
	})
	require.NoError(t, err)
	g := discover.Build(res.Inventory)
	cfg, err := g.ConfigFiles("large")
	require.NoError(t, err)
	require.Greater(t, cfg.EnvSize, baseline.LinuxEnvLimit, "inline, the configuration is over Linux's limit")
	require.Equal(t, "orgtrust-baseline.large.yaml", cfg.SectionsName)
	fx, err := g.FixturesYAML("large")
	require.NoError(t, err)
	dir := t.TempDir()
	stackPath, sectionsPath, err := cfg.WriteTo(dir, "large", writeFile)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "orgtrust-baseline.large.yaml"), sectionsPath)
	fxPath := filepath.Join(dir, "plan-fixtures.large.yaml")
	require.NoError(t, os.WriteFile(fxPath, fx, 0o644))

	sc, err := plan.LoadStackConfig(stackPath)
	require.NoError(t, err)
	assert.Equal(t, "orgtrust-baseline.large.yaml", sc.Values["orgtrust-baseline:configFile"])
	assert.NotContains(t, sc.Values, "orgtrust-baseline:identityCenter", "the section is in the file")
	assert.LessOrEqual(t, baseline.EnvConfigSize(sc.Values), baseline.WindowsEnvLimit)
	require.Contains(t, sc.File, "orgtrust-baseline:identityCenter")

	// Start a process with the environment the Go language host gives the
	// program: this test binary, running no test.
	start := func(values map[string]string) error {
		text, err := json.Marshal(values)
		require.NoError(t, err)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "PULUMI_CONFIG="+string(text))
		return cmd.Run()
	}
	require.NoError(t, start(sc.Values), "the program starts with the written stack configuration")
	inline := maps.Clone(sc.Values)
	delete(inline, "orgtrust-baseline:configFile")
	maps.Copy(inline, sc.File)
	err = start(inline)
	require.Error(t, err, "inline, the configuration is too long for one environment string")
	assert.True(t, errors.Is(err, syscall.E2BIG), "argument list too long: %v", err)

	p, err := plan.Run(plan.Options{StackConfig: stackPath, Fixtures: fxPath})
	require.NoError(t, err)
	require.Empty(t, p.Errors)
	permissionSets := 0
	for _, r := range p.Resources() {
		if r.Type == "aws:ssoadmin/permissionSet:PermissionSet" {
			assert.NotEmpty(t, r.ImportID, "%s is imported", r.Name)
			permissionSets++
		}
	}
	assert.Equal(t, l.PermissionSets, permissionSets)
}

// TestDiscoverCommandWritesLongSectionsToTheirFile runs the command on the
// brownfield organization with four more permission sets, each with an
// inline policy of 9.6 KB (IAM Identity Center takes 10,240 bytes), which take the sections over discover's 24 KiB of
// PULUMI_CONFIG: it writes them to orgtrust-baseline.brown.yaml beside the
// stack file, which names it, the same bytes on a second run; the report
// says to copy both; and `orgtrust plan` with the stack file imports the new
// permission sets and their policies too.
func TestDiscoverCommandWritesLongSectionsToTheirFile(t *testing.T) {
	t.Parallel()
	o := fb.New(fb.Options{})
	t.Cleanup(o.Close)
	fb.Seed(o)
	for i := range 4 {
		var statements []string
		for j := range 90 {
			statements = append(statements, fmt.Sprintf(`{"Sid":"Read%03d","Effect":"Allow","Action":`+
				`["s3:GetObject"],"Resource":"arn:aws:s3:::team-%d-bucket-%03d/*"}`, j, i, j))
		}
		o.SSO.AddPermissionSet(fakesso.PermissionSet{Name: fmt.Sprintf("Team%d", i), SessionDuration: "PT4H",
			InlinePolicy: `{"Version":"2012-10-17","Statement":[` + strings.Join(statements, ",") + `]}`})
	}
	out := t.TempDir()
	stdout, stderr, code := discoverCmd(t, o.Env(), "--stack", "brown", "--out", out,
		"--regions", "us-east-1,eu-west-1")
	require.Equal(t, 0, code, "stderr:\n%s", stderr)
	assert.Contains(t, stdout, "Wrote "+filepath.Join(out, "Pulumi.brown.yaml")+", "+
		filepath.Join(out, "orgtrust-baseline.brown.yaml")+", ")
	first := readDir(t, out)
	require.Len(t, first, 4, "the stack configuration, its sections, the fixtures and the report")
	stack, sections := first["Pulumi.brown.yaml"], first["orgtrust-baseline.brown.yaml"]
	assert.Contains(t, stack, "orgtrust-baseline:configFile: orgtrust-baseline.brown.yaml")
	assert.NotContains(t, stack, "orgtrust-baseline:identityCenter:")
	for _, k := range []string{"integrations", "identityCenter", "serviceCatalog"} {
		assert.Contains(t, sections, "\norgtrust-baseline:"+k+":\n")
	}
	assert.Contains(t, first["discover-report.brown.txt"], "it names the next file at orgtrust-baseline:configFile")
	assert.Contains(t, first["discover-report.brown.txt"], "copy "+filepath.Join(out, "Pulumi.brown.yaml")+
		" and "+filepath.Join(out, "orgtrust-baseline.brown.yaml")+" beside Pulumi.yaml")

	text := rediscoverAndPlan(t, o, out, first)
	assert.Contains(t, text, "First `pulumi up`: 26 resources to create, 49 to import",
		"the brownfield's 41 imports, its assignment set, and each new permission set and its inline policy")
	assert.Contains(t, text, "Validation: no errors.")
}
