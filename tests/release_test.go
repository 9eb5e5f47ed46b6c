package tests

// The release archives that `make dist` builds install through the engine's
// own plugin download, as a user's first `pulumi up` installs them: the
// archives are served from a loopback HTTP server laid out like the GitHub
// release the SDKs' pluginDownloadURL names, and
// PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES points that URL at it.

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"maps"
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

// TestDistNamesEveryPlatform runs `make dist` for the six platforms and
// reads the archives it wrote: each is named as the engine looks for it
// (pulumi-resource-orgtrust-v<version>-<os>-<arch>.tar.gz) and holds the
// plugin, named pulumi-resource-orgtrust.exe on Windows and
// pulumi-resource-orgtrust elsewhere, built for its platform, and the README;
// the checksums file lists each archive with its SHA-256. The go command is
// a stand-in (DIST_GO) that writes, instead of a binary, the GOOS and GOARCH
// it was run with: TestReleaseInstallsThroughTheEngine builds, installs and
// runs the real plugin of this platform.
func TestDistNamesEveryPlatform(t *testing.T) {
	t.Parallel()
	dist, bin := t.TempDir(), t.TempDir()
	stub := filepath.Join(bin, "go")
	require.NoError(t, os.WriteFile(stub, []byte(`#!/bin/sh
# A stand-in for "go build ... -o OUT ...": OUT gets the target platform.
while [ $# -gt 0 ]; do
  if [ "$1" = "-o" ]; then out="$2"; shift; fi
  shift
done
printf '%s-%s\n' "$GOOS" "$GOARCH" > "$out"
`), 0o755))
	out, err := exec.CommandContext(t.Context(), "make", "-s", "-C", engine.RepoRoot(), "dist",
		"VERSION=1.2.3", "DIST_DIR="+dist, "DIST_GO="+stub).CombinedOutput()
	require.NoError(t, err, "make dist:\n%s", out)
	platforms := []string{"linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64", "windows-arm64"}
	var archives []string
	for _, p := range platforms {
		archive := "pulumi-resource-orgtrust-v1.2.3-" + p + ".tar.gz"
		archives = append(archives, archive)
		exe := "pulumi-resource-orgtrust"
		if strings.HasPrefix(p, "windows-") {
			exe += ".exe"
		}
		files := readTarGz(t, filepath.Join(dist, archive))
		assert.ElementsMatch(t, []string{exe, "README.md"}, slices.Collect(maps.Keys(files)), "the files of %s", archive)
		assert.Equal(t, p+"\n", files[exe], "%s holds the plugin built for %s", archive, p)
		checkChecksums(t, dist, "1.2.3", archive)
	}
	entries, err := os.ReadDir(dist)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, append(archives, "pulumi-resource-orgtrust-v1.2.3-checksums.txt"), names,
		"dist holds the six archives and the checksums, nothing else")
}

// readTarGz returns the regular files of a .tar.gz archive by name.
func readTarGz(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	gz, err := gzip.NewReader(f)
	require.NoError(t, err)
	tr := tar.NewReader(gz)
	files := map[string]string{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files
		}
		require.NoError(t, err)
		data, err := io.ReadAll(tr)
		require.NoError(t, err)
		if h.Typeflag == tar.TypeReg {
			files[h.Name] = string(data)
		}
	}
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
