package plan_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// repoRoot is the repository root, from this package's directory.
const repoRoot = "../.."

// The example stack configuration and the fixtures `make plan` uses.
var (
	exampleStackConfig = filepath.Join(repoRoot, "Pulumi.example.yaml")
	exampleFixtures    = filepath.Join(repoRoot, "examples", "baseline", "plan-fixtures.yaml")
)

// updateHint is how to regenerate the golden files of the plan.
const updateHint = "ORGTRUST_UPDATE_GOLDEN=1 go test ./provider/plan/ -run Plan"

// updatePlanGolden regenerates the golden files of the plan (updateHint).
var updatePlanGolden = os.Getenv("ORGTRUST_UPDATE_GOLDEN") == "1"

// runPlan runs the plan of a stack configuration and requires that it ran.
func runPlan(t *testing.T, stackConfig, fixtures string) *plan.Plan {
	t.Helper()
	p, err := plan.Run(plan.Options{StackConfig: stackConfig, Fixtures: fixtures})
	require.NoError(t, err)
	return p
}

// writeStackConfig writes a stack configuration file named Pulumi.<stack>.yaml
// in a temporary directory and returns its path.
func writeStackConfig(t *testing.T, stack, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Pulumi."+stack+".yaml")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

// checkGolden compares got with the golden file, or rewrites it.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", golden)
	if updatePlanGolden {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run "+updateHint)
	assert.Equal(t, string(want), string(got), "the plan differs from %s: if the change is intended, run "+
		updateHint+" and review the diff", path)
}

// TestPlanGolden pins the plan of the example configuration: the simulated
// lookups, the create order with parents and dependencies, the destroy order,
// and the Mermaid diagram.
func TestPlanGolden(t *testing.T) {
	t.Parallel()
	p := runPlan(t, exampleStackConfig, exampleFixtures)
	require.Empty(t, p.Errors)
	for _, tc := range []struct {
		golden string
		write  func(*plan.Plan, *bytes.Buffer) error
	}{
		{"example.txt", func(p *plan.Plan, b *bytes.Buffer) error { return p.WriteText(b) }},
		{"example.mmd", func(p *plan.Plan, b *bytes.Buffer) error { return p.WriteMermaid(b) }},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			require.NoError(t, tc.write(p, &b))
			checkGolden(t, tc.golden, b.Bytes())
		})
	}
}

// TestPlanIsDeterministic runs the example twice: registrations arrive in a
// different order on every run, yet the plan must not change.
func TestPlanIsDeterministic(t *testing.T) {
	t.Parallel()
	var outs []string
	for range 3 {
		var b bytes.Buffer
		require.NoError(t, runPlan(t, exampleStackConfig, exampleFixtures).WriteText(&b))
		outs = append(outs, b.String())
	}
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, outs[0], outs[2])
}

// TestPlanCommand runs the command `make plan` runs, `orgtrust plan`: the
// example plan exits 0 with the golden output, a broken configuration exits 1
// naming the key path, bad flags and unknown commands exit 2.
func TestPlanCommand(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "orgtrust")
	build := exec.CommandContext(t.Context(), "go", "build", "-o", bin,
		"github.com/orgtrust/pulumi-orgtrust/provider/cmd/orgtrust")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "building provider/cmd/orgtrust: %s", out)

	broken := writeStackConfig(t, "broken", `config:
  orgtrust-baseline:identityCenter:
    permissionSets: [{name: A}, {name: B}, {name: C, sessionDuration: PT13H}]
`)
	for _, tc := range []struct {
		name     string
		args     []string
		exitCode int
		golden   string
		contains string
		stderr   string
	}{
		{name: "text", args: []string{"plan", "-config", exampleStackConfig, "-fixtures", exampleFixtures},
			golden: "example.txt"},
		{name: "mermaid", args: []string{"plan", "-config", exampleStackConfig, "-fixtures", exampleFixtures,
			"-format", "mermaid"}, golden: "example.mmd"},
		{name: "broken", args: []string{"plan", "-config", broken, "-fixtures", exampleFixtures}, exitCode: 1,
			contains: `orgtrust-baseline:identityCenter.permissionSets[2].sessionDuration: "PT13H" is 13h0m0s`},
		{name: "bad format", args: []string{"plan", "-config", exampleStackConfig, "-format", "svg"}, exitCode: 2},
		{name: "bad flag", args: []string{"plan", "-formt", "text"}, exitCode: 2},
		{name: "unknown command", args: []string{"plna"}, exitCode: 2, stderr: `unknown command "plna"`},
		{name: "no command", args: nil, exitCode: 2, stderr: "usage: orgtrust <command>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.CommandContext(t.Context(), bin, tc.args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
				code = exit.ExitCode()
			} else {
				require.NoError(t, err)
			}
			require.Equal(t, tc.exitCode, code, "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
			if tc.golden != "" && !updatePlanGolden {
				checkGolden(t, tc.golden, stdout.Bytes())
			}
			assert.Contains(t, stdout.String(), tc.contains)
			assert.Contains(t, stderr.String(), tc.stderr)
		})
	}
}
