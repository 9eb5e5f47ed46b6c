package tests

// The release archives that `make dist` builds install through the engine's
// own plugin download, as a user's first `pulumi up` installs them: the
// archives are served from a loopback HTTP server laid out like the GitHub
// release the SDKs' pluginDownloadURL names, and
// PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES points that URL at it.

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// TestDistNamesEveryPlatform: `make dist` builds the six archives the engine
// looks for, named as it names them, and a checksums file.
func TestDistNamesEveryPlatform(t *testing.T) {
	t.Parallel()
	out, err := exec.CommandContext(t.Context(), "make", "-s", "-n", "-C", engine.RepoRoot(), "dist",
		"VERSION=1.2.3", "DIST_DIR=/dist").CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, p := range []string{"linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64", "windows-arm64"} {
		assert.Contains(t, string(out), p, "make dist builds %s", p)
	}
	assert.Contains(t, string(out), "/dist/pulumi-resource-orgtrust-v1.2.3-$platform.tar.gz")
	assert.Contains(t, string(out), "pulumi-resource-orgtrust-v1.2.3-checksums.txt")
}

// TestReleaseInstallsThroughTheEngine builds this platform's archive with
// `make dist`, serves it, and runs a program with a fresh PULUMI_HOME: the
// engine downloads and installs the plugin, then creates a
// TrustedServiceAccess with it against the fake Organizations endpoint.
func TestReleaseInstallsThroughTheEngine(t *testing.T) {
	t.Parallel()
	cli, _ := engine.Binaries()
	if _, err := os.Stat(cli); err != nil {
		engine.NeedTool(t, "the release test needs the Pulumi CLI at %s; run `make tools`", cli)
	}
	version := engine.ProviderVersion(t)
	platform := runtime.GOOS + "-" + runtime.GOARCH
	dist := t.TempDir()
	start := time.Now()
	out, err := exec.CommandContext(t.Context(), "make", "-s", "-C", engine.RepoRoot(), "dist",
		"DIST_PLATFORMS="+platform, "DIST_DIR="+dist).CombinedOutput()
	require.NoError(t, err, "make dist:\n%s", out)
	t.Logf("make dist for %s took %s", platform, time.Since(start).Round(time.Second))
	archive := "pulumi-resource-orgtrust-v" + version + "-" + platform + ".tar.gz"
	checkChecksums(t, dist, version, archive)

	// The SDKs' download URL, from the schema they are generated from.
	_, spec := loadSchema(t)
	m := regexp.MustCompile(`^github://api\.github\.com/([^/]+)/([^/]+)$`).FindStringSubmatch(spec.PluginDownloadURL)
	require.NotNil(t, m, "pluginDownloadURL %q is a GitHub release URL", spec.PluginDownloadURL)
	releasePath := "/" + m[1] + "/" + m[2] + "/releases/download/v" + version + "/"

	var mu sync.Mutex
	var requested []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requested = append(requested, r.URL.Path)
		mu.Unlock()
		name, ok := strings.CutPrefix(r.URL.Path, releasePath)
		if !ok || strings.Contains(name, "/") {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, filepath.Join(dist, name))
	}))
	t.Cleanup(srv.Close)

	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	principal := enableable(t, 1)[0]
	dir := yamlProject(t, "orgtrust-release", `resources:
  access:
    type: orgtrust:index:TrustedServiceAccess
    properties:
      servicePrincipal: `+principal+`
    options:
      # What every SDK sets on each resource.
      version: `+version+`
      pluginDownloadURL: `+spec.PluginDownloadURL+`
outputs:
  enablePath: ${access.enablePath}
`)
	home := filepath.Join(t.TempDir(), "home")
	env := map[string]string{
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "false",
		"PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES": "^" + regexp.QuoteMeta(spec.PluginDownloadURL) + "$=" +
			srv.URL + "/" + m[1] + "/" + m[2] + "/releases/download/v${VERSION}",
	}
	for k, v := range fakeCredentials {
		env[k] = v
	}
	stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{
		Home: home,
		Env:  env,
		Config: map[string]string{
			"orgtrust:endpoint":          fake.URL(),
			"orgtrust:maxBackoffSeconds": "1",
		},
	})

	up, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{"access"}, up.Names(apitype.OpCreate, tsaType))
	assert.Contains(t, fake.EnabledPrincipals(), principal, "the installed plugin enabled trusted access")
	assert.Equal(t, "organizations", up.Outputs["enablePath"].Value)

	mu.Lock()
	assert.Contains(t, requested, releasePath+archive, "the engine downloaded the release archive")
	mu.Unlock()
	installed := filepath.Join(home, "plugins", "resource-orgtrust-v"+version, "pulumi-resource-orgtrust")
	assert.FileExists(t, installed, "the plugin is installed in PULUMI_HOME")
	// The engine ran the downloaded plugin: its version is the release's.
	var plugins []installedPlugin
	ls := exec.CommandContext(t.Context(), cli, "plugin", "ls", "--json")
	ls.Env = append(os.Environ(), "PULUMI_HOME="+home)
	data, err := ls.Output()
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &plugins))
	assert.True(t, slices.Contains(plugins, installedPlugin{Name: "orgtrust", Kind: "resource", Version: version}),
		"pulumi plugin ls: %s", data)

	down, err := stack.Destroy()
	require.NoError(t, err)
	assert.Equal(t, []string{"access"}, down.Names(apitype.OpDelete, tsaType))

	// The README's way for YAML programs, which name no version: `pulumi
	// plugin install resource orgtrust VERSION --server URL`, then a program
	// without resource options.
	t.Run("pulumi plugin install --server, as the README says", func(t *testing.T) {
		home := filepath.Join(t.TempDir(), "home")
		install := exec.CommandContext(t.Context(), cli, "plugin", "install", "resource", "orgtrust", version,
			"--server", spec.PluginDownloadURL)
		install.Env = append(os.Environ(), "PULUMI_HOME="+home, "PULUMI_SKIP_UPDATE_CHECK=true",
			"PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES="+env["PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES"])
		out, err := install.CombinedOutput()
		require.NoError(t, err, "%s", out)
		dir := yamlProject(t, "orgtrust-release-yaml", `resources:
  access:
    type: orgtrust:index:TrustedServiceAccess
    properties:
      servicePrincipal: `+principal+"\n")
		stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{
			Home:   home,
			Env:    fakeCredentials,
			Config: map[string]string{"orgtrust:endpoint": fake.URL()},
		})
		pre, err := stack.Preview()
		require.NoError(t, err)
		assert.Equal(t, []string{"access"}, pre.Names(apitype.OpCreate, tsaType))
	})
}

// checkChecksums checks that dist's checksums file lists archive with its
// SHA-256.
func checkChecksums(t *testing.T, dist, version, archive string) {
	t.Helper()
	f, err := os.Open(filepath.Join(dist, "pulumi-resource-orgtrust-v"+version+"-checksums.txt"))
	require.NoError(t, err)
	defer f.Close()
	data, err := os.ReadFile(filepath.Join(dist, archive))
	require.NoError(t, err)
	sum := sha256.Sum256(data)
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) == 2 {
			sums[fields[1]] = fields[0]
		}
	}
	assert.Equal(t, hex.EncodeToString(sum[:]), sums[archive], "the checksums file lists %s", archive)
}

type installedPlugin struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Version string `json:"version"`
}
