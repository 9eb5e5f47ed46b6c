package tests

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
)

// The orgtrust command's discover subcommand, run as users run it: the
// binary, configured only by the AWS SDK's standard environment
// (AWS_ENDPOINT_URL, AWS_REGION, credentials), against the fake brownfield
// organization.

var orgtrustBinary struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// orgtrustCommand builds provider/cmd/orgtrust once per test binary.
func orgtrustCommand(t *testing.T) string {
	t.Helper()
	orgtrustBinary.once.Do(func() {
		dir, err := os.MkdirTemp("", "orgtrust-bin-")
		if err != nil {
			orgtrustBinary.err = err
			return
		}
		orgtrustBinary.path = filepath.Join(dir, "orgtrust")
		cmd := exec.Command("go", "build", "-o", orgtrustBinary.path, "./provider/cmd/orgtrust")
		cmd.Dir = engine.RepoRoot()
		orgtrustBinary.out, orgtrustBinary.err = cmd.CombinedOutput()
	})
	require.NoError(t, orgtrustBinary.err, "building orgtrust: %s", orgtrustBinary.out)
	return orgtrustBinary.path
}

// discoverCmd runs `orgtrust discover` with env (and nothing else of the
// environment but PATH and HOME) and returns its stdout, stderr and exit code.
func discoverCmd(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.CommandContext(context.WithoutCancel(t.Context()), orgtrustCommand(t),
		append([]string{"discover"}, args...)...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return stdout.String(), stderr.String(), code
}

// readDir returns every file of dir, by name.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(b)
	}
	return out
}

// TestDiscoverCommand runs the command twice on the brownfield organization:
// it writes the configuration, the fixtures and the report, byte for byte the
// same the second time, with no credential in any of them; then `orgtrust
// plan` with the written files shows every existing object as an import.
func TestDiscoverCommand(t *testing.T) {
	t.Parallel()
	o := fb.New(fb.Options{})
	t.Cleanup(o.Close)
	fb.Seed(o)
	out := t.TempDir()
	stdout, stderr, code := discoverCmd(t, o.Env(), "--stack", "brown", "--out", out,
		"--regions", "us-east-1,eu-west-1")
	require.Equal(t, 0, code, "stderr:\n%s", stderr)
	assert.Contains(t, stdout, "Wrote "+filepath.Join(out, "Pulumi.brown.yaml"))
	assert.Contains(t, stderr, "discover: identity center: 4/4 permission sets", "a progress line on stderr")
	first := readDir(t, out)
	require.Len(t, first, 3, "the configuration, the fixtures and the report")
	for name, text := range first {
		assert.NotContains(t, text, "SECRETFAKE", "%s holds no secret", name)
		assert.NotContains(t, text, "AKIDFAKE", "%s holds no access key", name)
	}
	assert.Contains(t, first["Pulumi.brown.yaml"], "orgtrust-baseline:identityCenter:")
	assert.Contains(t, first["discover-report.brown.txt"], "imports 41 resources")

	text := rediscoverAndPlan(t, o, out, first)
	// 53 imports and 3 of the organization configuration (GuardDuty's in two
	// Regions, Security Hub's); its protection plans (6) and the two providers
	// of the administrator's account are created.
	assert.Contains(t, text, "First `pulumi up`: 22 resources to create, 41 to import")
	assert.Contains(t, text, "import      arn:aws:iam::aws:policy/PowerUserAccess,")
}

// rediscoverAndPlan runs the command again on the organization, checks that
// it writes the same bytes as first to out, and returns the output of
// `orgtrust plan` with the written stack configuration and fixtures.
func rediscoverAndPlan(t *testing.T, o *fb.Org, out string, first map[string]string) string {
	t.Helper()
	_, stderr, code := discoverCmd(t, o.Env(), "--stack", "brown", "--out", out, "--regions", "us-east-1,eu-west-1")
	require.Equal(t, 0, code, "stderr:\n%s", stderr)
	assert.Equal(t, first, readDir(t, out), "a second run writes the same bytes")

	plan := exec.Command(orgtrustCommand(t), "plan", "-config", filepath.Join(out, "Pulumi.brown.yaml"),
		"-fixtures", filepath.Join(out, "plan-fixtures.brown.yaml"))
	plan.Dir = engine.RepoRoot()
	text, err := plan.CombinedOutput()
	require.NoError(t, err, "%s", text)
	return string(text)
}

// TestDiscoverCommandBadInput: a missing Region, no credentials, a member
// account's credentials and Identity Center not enabled each stop the
// command with an error that says what to do, and nothing is written.
func TestDiscoverCommandBadInput(t *testing.T) {
	t.Parallel()
	without := func(env []string, keys ...string) []string {
		var out []string
		for _, e := range env {
			keep := true
			for _, k := range keys {
				keep = keep && !strings.HasPrefix(e, k+"=")
			}
			if keep {
				out = append(out, e)
			}
		}
		return out
	}
	tests := []struct {
		name    string
		fake    fb.Options
		env     func(o *fb.Org) []string
		wantErr string
	}{
		{"missing Region", fb.Options{}, func(o *fb.Org) []string { return without(o.Env(), "AWS_REGION") },
			"no AWS Region is configured: set AWS_REGION"},
		{"no credentials", fb.Options{}, func(o *fb.Org) []string {
			return without(o.Env(), "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
		}, "no AWS credentials:"},
		{"member account's credentials", fb.Options{}, func(o *fb.Org) []string {
			o.STS.SetAccount(fb.Security)
			return o.Env()
		}, "the AWS credentials are of account 222222222222, a member of organization o-exampleorgid, whose " +
			"management account is 111111111111"},
		{"Identity Center not enabled", fb.Options{NoInstance: true}, func(o *fb.Org) []string { return o.Env() },
			"IAM Identity Center is not enabled in us-east-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := fb.New(tt.fake)
			t.Cleanup(o.Close)
			fb.Seed(o)
			out := t.TempDir()
			_, stderr, code := discoverCmd(t, tt.env(o), "--stack", "brown", "--out", out)
			assert.Equal(t, 1, code)
			assert.Contains(t, stderr, tt.wantErr)
			assert.Contains(t, stderr, "Nothing was written.")
			assert.Empty(t, readDir(t, out), "nothing is written")
		})
	}
}

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

// TestDiscoverCommandChecksRegionsBeforeAnyCall runs `orgtrust discover
// --regions eu-wset-1` against a loopback endpoint that counts requests: the
// misspelt Region is reported with the nearest one, nothing is written, and
// no request is made.
func TestDiscoverCommandChecksRegionsBeforeAnyCall(t *testing.T) {
	t.Parallel()
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		http.Error(w, "no call was expected", http.StatusTeapot)
	}))
	t.Cleanup(srv.Close)
	env := []string{
		"AWS_ENDPOINT_URL=" + srv.URL, "AWS_REGION=us-east-1", "AWS_ACCESS_KEY_ID=AKIDEXAMPLE",
		"AWS_SECRET_ACCESS_KEY=secret", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
		"AWS_EC2_METADATA_DISABLED=true",
	}
	out := t.TempDir()
	_, stderr, code := discoverCmd(t, env, "--stack", "prod", "--out", out, "--regions", "us-east-1,eu-wset-1")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stderr, `--regions[1]: "eu-wset-1" is not an AWS Region: did you mean "eu-west-1", `+
		`Europe (Ireland)?`)
	assert.Contains(t, stderr, "Nothing was written.")
	assert.Empty(t, readDir(t, out), "nothing is written")
	assert.Zero(t, requests.Load(), "the Regions are checked before any call")
}
