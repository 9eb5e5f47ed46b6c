package tests

// The Python SDK and the Python examples run under Pulumi's Python mocks
// (pulumi.runtime.set_mocks), with the `pulumi` package from PyPI that
// `make python-env` installs into a virtual environment in the cache
// directory. The SDK is pip-installed from a copy of sdk/python, as a user
// installs it.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
)

// pythonEnv is the virtual environment of `make python-env`:
// $ORGTRUST_PYTHON_ENV, or <user cache>/orgtrust/python-<hash of
// testdata/python/requirements.txt>, where the Makefile puts it. It returns
// the environment's python.
func pythonEnv(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ORGTRUST_PYTHON_ENV")
	if dir == "" {
		reqs, err := os.ReadFile(filepath.Join("testdata", "python", "requirements.txt"))
		require.NoError(t, err)
		sum := sha256.Sum256(reqs)
		cache, err := os.UserCacheDir()
		require.NoError(t, err)
		dir = filepath.Join(cache, "orgtrust", "python-"+hex.EncodeToString(sum[:])[:12])
	}
	if !fileExists(filepath.Join(dir, ".complete")) {
		engine.NeedTool(t, "the Python test environment %s is not installed: run `make python-env` (make test does)", dir)
	}
	return filepath.Join(dir, "bin", "python")
}

var pythonSDK struct {
	sync.Mutex
	site string
}

// installPythonSDK pip-installs a copy of sdk/python, without its
// dependencies (the environment has them), into a directory for PYTHONPATH,
// once per test binary.
func installPythonSDK(t *testing.T, python string) string {
	t.Helper()
	pythonSDK.Lock()
	defer pythonSDK.Unlock()
	if pythonSDK.site != "" {
		return pythonSDK.site
	}
	dir, err := os.MkdirTemp("", "orgtrust-python-sdk-")
	require.NoError(t, err)
	src, site := filepath.Join(dir, "src"), filepath.Join(dir, "site")
	copyGenerated(t, repoPath("sdk", "python"), src)
	took := run(t, dir, python, "-m", "pip", "install", "-q", "--disable-pip-version-check",
		"--no-deps", "--no-build-isolation", "--no-index", "--target", site, src)
	t.Logf("pip install of the Python SDK took %s", took.Round(10*time.Millisecond))
	pythonSDK.site = site
	return site
}

// runPythonMocks runs program under testdata/python/run_with_mocks.py.
func runPythonMocks(t *testing.T, python, site, program, project string, config map[string]string, mocks mockSpec) (mockRun, error) {
	t.Helper()
	spec, err := json.Marshal(map[string]any{
		"program": program, "project": project, "stack": "test", "config": config,
		"outputs": mocks.Outputs, "results": mocks.Results,
	})
	require.NoError(t, err)
	specFile := filepath.Join(t.TempDir(), "spec.json")
	require.NoError(t, os.WriteFile(specFile, spec, 0o644))
	runner, err := filepath.Abs(filepath.Join("testdata", "python", "run_with_mocks.py"))
	require.NoError(t, err)

	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(t.Context(), python, runner, specFile)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+site, "PYTHONDONTWRITEBYTECODE=1")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return mockRun{}, &runError{err: err, output: stderr.String()}
	}
	var out mockRun
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out), "%s\n%s", stdout.String(), stderr.String())
	return out, nil
}

type runError struct {
	err    error
	output string
}

func (e *runError) Error() string { return e.err.Error() + ":\n" + e.output }

// TestPythonExamplesRunUnderMocks runs each Python example with the
// configuration its docstring tells users to set, and checks what it
// registers, invokes and exports.
func TestPythonExamplesRunUnderMocks(t *testing.T) {
	t.Parallel()
	python := pythonEnv(t)
	site := installPythonSDK(t, python)
	exs := examplesOf(t, "py")
	require.NotEmpty(t, exs)
	for _, ex := range exs {
		t.Run(ex.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), ex.name)
			copyExample(t, ex.dir, dir)
			project := projectName(t, dir)
			config := documentedConfig(t, filepath.Join(dir, "__main__.py"), project)
			run, err := runPythonMocks(t, python, site, filepath.Join(dir, "__main__.py"), project, config, exampleMocks)
			require.NoError(t, err)
			checkExampleRun(t, ex.name, config, run)
		})
	}
}

// TestPythonSDKRunsUnderMocks runs testdata/python/sdk_program.py: the custom
// resource, a component with nested input classes and dicts, an enum, and
// both forms of the functions, through the SDK's own serialization.
func TestPythonSDKRunsUnderMocks(t *testing.T) {
	t.Parallel()
	python := pythonEnv(t)
	site := installPythonSDK(t, python)
	program, err := filepath.Abs(filepath.Join("testdata", "python", "sdk_program.py"))
	require.NoError(t, err)
	mocks := mockSpec{
		Outputs: map[string]map[string]any{
			"orgtrust:index:TrustedServiceAccess": {"dateEnabled": "2024-01-02T03:04:05Z", "enablePath": "organizations"},
			"orgtrust:index:OrgIntegrations": {"servicePrincipals": map[string]any{
				"guardduty": "guardduty.amazonaws.com", "config": "config.amazonaws.com"}},
		},
		Results: map[string]map[string]any{
			"orgtrust:index:getTrustedService": {"key": "sso", "displayName": "IAM Identity Center",
				"principals": []any{"sso.amazonaws.com"}},
			"orgtrust:index:listTrustedServices": {"services": []any{
				map[string]any{"key": "sso", "displayName": "IAM Identity Center", "principals": []any{"sso.amazonaws.com"}},
				map[string]any{"key": "guardduty", "displayName": "Amazon GuardDuty", "principals": []any{"guardduty.amazonaws.com"}},
			}},
		},
	}
	run, err := runPythonMocks(t, python, site, program, "sdk-program", nil, mocks)
	require.NoError(t, err)

	sso := run.resource(t, "orgtrust:index:TrustedServiceAccess", "sso")
	assert.True(t, sso.Custom, "TrustedServiceAccess is a custom resource")
	assert.False(t, sso.Remote)
	assert.Equal(t, map[string]any{"servicePrincipal": "sso.amazonaws.com", "disableOnDelete": false}, sso.Inputs)

	set := run.resource(t, "orgtrust:index:OrgIntegrations", "security")
	assert.True(t, set.Remote, "OrgIntegrations is constructed by the provider")
	assert.True(t, set.dependsOn("orgtrust:index:TrustedServiceAccess", "sso"), "depends_on reaches the engine")
	assert.Equal(t, []any{
		map[string]any{"name": "guardduty", "args": map[string]any{
			"service": "guardduty", "delegatedAdminAccountId": "111122223333", "enableVia": "service"}},
		map[string]any{"name": "config", "args": map[string]any{"service": "config", "allowUnknownPrincipal": true}},
	}, set.Inputs["integrations"], "snake_case arguments, as classes or dicts, reach the provider in camelCase")

	var tokens []string
	for _, inv := range run.Invokes {
		tokens = append(tokens, inv.Token)
	}
	assert.ElementsMatch(t, []string{"orgtrust:index:getTrustedService", "orgtrust:index:listTrustedServices"}, tokens)
	assert.Equal(t, map[string]any{
		"ssoDateEnabled":     "2024-01-02T03:04:05Z",
		"ssoEnablePath":      "organizations",
		"servicePrincipals":  map[string]any{"guardduty": "guardduty.amazonaws.com", "config": "config.amazonaws.com"},
		"catalogDisplayName": "IAM Identity Center",
		"catalogPrincipals":  []any{"sso.amazonaws.com"},
		"listed":             []any{"sso", "guardduty"},
	}, run.Outputs, "outputs and function results come back through the SDK's output types")

	t.Run("a mistake fails the run", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "__main__.py")
		require.NoError(t, os.WriteFile(bad, []byte(`import pulumi_orgtrust as orgtrust
orgtrust.TrustedServiceAccess("a", service_principal="sso.amazonaws.com", disable_on_delet=True)
`), 0o644))
		_, err := runPythonMocks(t, python, site, bad, "bad", nil, mocks)
		require.ErrorContains(t, err, "disable_on_delet")
	})
}
