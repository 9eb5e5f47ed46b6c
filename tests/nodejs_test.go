package tests

// The TypeScript examples, compiled with tsc against the compiled SDK, run
// under Pulumi's Node.js mocks (pulumi.runtime.setMocks) with @pulumi/pulumi
// from the npm registry (the pinned toolchain of testdata/sdk).

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
)

var nodeSDK struct {
	sync.Mutex
	dir, name string
}

// nodeTools returns node and the pinned toolchain's node_modules.
func nodeTools(t *testing.T) (node, toolchain string) {
	t.Helper()
	npm, err := exec.LookPath("npm")
	if err != nil {
		engine.NeedTool(t, "npm is not installed: install Node.js 20+ with npm to run the TypeScript examples")
	}
	node, err = exec.LookPath("node")
	if err != nil {
		engine.NeedTool(t, "node is not installed: install Node.js 20+ with npm to run the TypeScript examples")
	}
	return node, nodeToolchain(t, npm)
}

// compiledNodeSDK compiles a copy of sdk/nodejs with tsc, once per test
// binary, and returns the package directory (bin/, as it is published) and
// the package's name.
func compiledNodeSDK(t *testing.T, node, toolchain string) (dir, name string) {
	t.Helper()
	nodeSDK.Lock()
	defer nodeSDK.Unlock()
	if nodeSDK.dir != "" {
		return nodeSDK.dir, nodeSDK.name
	}
	work, err := os.MkdirTemp("", "orgtrust-nodejs-sdk-")
	require.NoError(t, err)
	sdk := filepath.Join(work, "sdk")
	copyGenerated(t, repoPath("sdk", "nodejs"), sdk)
	nodeModules(t, sdk, toolchain, nil)
	took := run(t, sdk, node, filepath.Join(toolchain, "typescript", "bin", "tsc"), "-p", ".")
	t.Logf("tsc of the TypeScript SDK took %s", took.Round(10*time.Millisecond))
	copyFile(t, filepath.Join(sdk, "package.json"), filepath.Join(sdk, "bin", "package.json"))
	var pkg struct {
		Name string `json:"name"`
	}
	data, err := os.ReadFile(filepath.Join(sdk, "package.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &pkg))
	nodeSDK.dir, nodeSDK.name = filepath.Join(sdk, "bin"), pkg.Name
	return nodeSDK.dir, nodeSDK.name
}

// runNodeMocks runs the compiled program under testdata/nodejs/run_with_mocks.js.
func runNodeMocks(t *testing.T, node, program, project string, config map[string]string, mocks mockSpec) (mockRun, error) {
	t.Helper()
	spec, err := json.Marshal(map[string]any{
		"program": program, "project": project, "stack": "test", "config": config,
		"outputs": mocks.Outputs, "results": mocks.Results,
	})
	require.NoError(t, err)
	specFile := filepath.Join(t.TempDir(), "spec.json")
	require.NoError(t, os.WriteFile(specFile, spec, 0o644))
	runner, err := filepath.Abs(filepath.Join("testdata", "nodejs", "run_with_mocks.js"))
	require.NoError(t, err)
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(t.Context(), node, runner, specFile)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return mockRun{}, &runError{err: err, output: stderr.String()}
	}
	var out mockRun
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out), "%s\n%s", stdout.String(), stderr.String())
	return out, nil
}

// TestNodejsExamplesRunUnderMocks compiles each TypeScript example as its
// tsconfig.json says, runs it with the configuration its comments tell users
// to set, and checks what it registers, invokes and exports.
func TestNodejsExamplesRunUnderMocks(t *testing.T) {
	t.Parallel()
	node, toolchain := nodeTools(t)
	sdk, sdkName := compiledNodeSDK(t, node, toolchain)
	tsc := filepath.Join(toolchain, "typescript", "bin", "tsc")
	exs := examplesOf(t, "ts")
	require.NotEmpty(t, exs)
	for _, ex := range exs {
		t.Run(ex.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), ex.name)
			copyExample(t, ex.dir, dir)
			checkNodeDependencies(t, dir, sdkName)
			nodeModules(t, dir, toolchain, map[string]string{sdkName: sdk})
			took := run(t, dir, node, tsc, "-p", ".")
			t.Logf("tsc of %s took %s", ex.name, took.Round(10*time.Millisecond))
			project := projectName(t, dir)
			config := documentedConfig(t, filepath.Join(dir, "index.ts"), project)
			run, err := runNodeMocks(t, node, filepath.Join(dir, "bin", "index.js"), project, config, exampleMocks)
			require.NoError(t, err)
			checkExampleRun(t, ex.name, config, run)
		})
	}

	t.Run("a failing program fails the run", func(t *testing.T) {
		dir := t.TempDir()
		nodeModules(t, dir, toolchain, map[string]string{sdkName: sdk})
		program := filepath.Join(dir, "index.js")
		require.NoError(t, os.WriteFile(program, []byte(`const orgtrust = require("`+sdkName+`");
new orgtrust.TrustedServiceAccess("a", {});
`), 0o644))
		_, err := runNodeMocks(t, node, program, "bad", nil, exampleMocks)
		require.ErrorContains(t, err, "servicePrincipal", "the SDK rejects a missing required input")
	})
}
