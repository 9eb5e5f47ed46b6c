package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// driftWorkflow is .github/workflows/drift.yml, as far as the test reads it.
type driftWorkflow struct {
	On   map[string]any `yaml:"on"`
	Jobs map[string]struct {
		Needs       any    `yaml:"needs"`
		If          string `yaml:"if"`
		Environment string `yaml:"environment"`
		Steps       []struct {
			Name string `yaml:"name"`
			Run  string `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// driftCommand returns the run: command of the job's step that calls
// .ci/drift.
func driftCommand(t *testing.T, wf driftWorkflow, job string) string {
	t.Helper()
	for _, s := range wf.Jobs[job].Steps {
		if strings.HasPrefix(strings.TrimSpace(s.Run), ".ci/drift") {
			return strings.TrimSpace(s.Run)
		}
	}
	t.Fatalf("job %s of drift.yml has no step that runs .ci/drift", job)
	return ""
}

// TestDriftWorkflowAgainstTheFakes runs the scheduled drift workflow's
// commands, read from .github/workflows/drift.yml, as its jobs run them (in
// the project directory, with the stack's backend and the CLI), on a YAML
// program of IdentityCenterSetup whose assignments target env=prod accounts,
// against the fakes under the real engine: no drift passes; an account
// tagged env=prod afterwards fails the check, and the apply job's command
// assigns it; an assignment made in the console on the program's permission
// set fails the check again, naming it.
func TestDriftWorkflowAgainstTheFakes(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(engine.RepoRoot(), ".github", "workflows", "drift.yml"))
	require.NoError(t, err)
	var wf driftWorkflow
	require.NoError(t, yaml.Unmarshal(raw, &wf))
	require.Contains(t, wf.On, "schedule", "the workflow runs on a schedule")
	require.Equal(t, "production", wf.Jobs["apply"].Environment, "apply waits for the protected environment")
	check, apply := driftCommand(t, wf, "check"), driftCommand(t, wf, "apply")

	p := migrationPrincipals
	fakes := newIdentityCenterFakes(t, fakesso.Options{
		Users: []string{p.alice}, Groups: []string{p.platform, p.auditors},
		UserNames:  map[string]string{p.alice: "alice"},
		GroupNames: map[string]string{p.platform: "Platform", p.auditors: "Auditors"},
		Accounts:   []string{ssoAccount(0), ssoAccount(1), ssoAccount(2)},
		Latency:    30 * time.Millisecond, RequestsPerSecond: 500,
	})
	sso, org := fakes.sso, fakes.org
	for i := range 3 {
		org.AddAccount(fakeorg.RootID, ssoAccount(i), "", "")
	}
	org.TagAccount(ssoAccount(0), map[string]string{"env": "prod"})
	org.TagAccount(ssoAccount(1), map[string]string{"env": "dev"})

	// The engine and the provider's own check find the stand-in aws plugin
	// in the plugin cache, as `pulumi plugin install` puts it there.
	home := filepath.Join(t.TempDir(), "home")
	engine.InstallProvider(t, home)
	aws := fakeAWSPlugin(t)
	cli, _ := engine.Binaries()
	install := exec.CommandContext(t.Context(), cli, "plugin", "install", "resource", "aws", aws.Version, "--file",
		filepath.Join(aws.Path, "pulumi-resource-aws"))
	install.Env = append(os.Environ(), "PULUMI_HOME="+home, "PULUMI_SKIP_UPDATE_CHECK=true")
	installed, err := install.CombinedOutput()
	require.NoError(t, err, "installing the stand-in aws plugin: %s", installed)
	dir := yamlProject(t, "orgtrust-drift", `resources:
  sso:
    type: orgtrust:index:IdentityCenterSetup
    properties:
      assignmentsMode: set
      permissionSets:
        - name: ReadOnly
      groups:
        - displayName: Auditors
          existing: true
      assignments:
        - permissionSet: ReadOnly
          principals: [{type: GROUP, name: Auditors}]
          accountTags: [{key: env, values: [prod]}]
outputs:
  undeclared: ${sso.undeclaredAccess}
`)
	require.NoError(t, os.Symlink(filepath.Join(engine.RepoRoot(), ".ci"), filepath.Join(dir, ".ci")))
	stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{
		Config: fakes.providerConfig(), Env: fakes.env(), Home: home,
	})
	_, err = stack.Up()
	require.NoError(t, err)
	name, cliEnv := stack.CLIEnv()
	run := func(command string) (string, error) {
		cmd := exec.CommandContext(t.Context(), "bash", "-c", command)
		cmd.Dir = dir
		cmd.Env = append(cliEnv, "PULUMI_STACK="+name)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	accounts := func() []string {
		var out []string
		for _, a := range sso.Assignments() {
			out = append(out, a.AccountID)
		}
		return out
	}
	require.ElementsMatch(t, []string{ssoAccount(0)}, accounts())

	out, err := run(check)
	require.NoError(t, err, "no drift: the check passes\n%s", out)
	assert.Contains(t, out, "drift: none")

	// A new account gets the targeted tag: the check fails, apply assigns it.
	org.TagAccount(ssoAccount(2), map[string]string{"env": "prod"})
	out, err = run(check)
	require.Error(t, err, "a newly tagged account is drift\n%s", out)
	assert.Contains(t, out, "the organization has drifted")
	assert.Len(t, accounts(), 1, "the check changes nothing")
	out, err = run(apply)
	require.NoError(t, err, "apply\n%s", out)
	assert.ElementsMatch(t, []string{ssoAccount(0), ssoAccount(2)}, accounts())
	out, err = run(check)
	require.NoError(t, err, "after apply, no drift\n%s", out)

	// An assignment made in the console on the program's permission set.
	arn := sso.PermissionSets()["ReadOnly"]
	sso.Put(fakesso.Assignment{PermissionSetArn: arn, PrincipalType: "GROUP", PrincipalID: p.platform,
		AccountID: ssoAccount(1)})
	out, err = run(check)
	require.Error(t, err, "an undeclared assignment is drift\n%s", out)
	assert.Contains(t, out, "access nobody declared")
	assert.Contains(t, out, p.platform+" in account "+ssoAccount(1))
}
