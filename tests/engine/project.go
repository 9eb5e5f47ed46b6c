package engine

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

// ProjectOptions configure a stack of a project directory.
type ProjectOptions struct {
	// Config is stack configuration, as `pulumi config set KEY VALUE` sets it:
	// a key without a namespace belongs to the project.
	Config map[string]string
	// Env is extra environment for the engine and its plugins.
	Env map[string]string
	// PathPrefix is put first on the PATH of the engine and its plugins (such
	// as a Python virtual environment's bin, where the Python host finds
	// python).
	PathPrefix string
	// Home is PULUMI_HOME. When empty, the stack gets a fresh one with the
	// orgtrust provider plugin of bin/ installed into its plugin cache, as
	// `make install` installs it.
	Home string
	// KeepOnCleanup leaves the stack as it is when the test ends, for a
	// bench whose fakes end with it: destroying 50,000 assignments at
	// Identity Center's 20 requests per second would add some 40 minutes and
	// measure nothing (the backend is in the test's temporary directory).
	KeepOnCleanup bool
}

// NeedTool stops a test that cannot run because a binary is missing: a skip on a
// developer's machine, a failure in CI (CI=true), whose `make test` builds
// everything.
func NeedTool(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true: "+format, args...)
	}
	t.Skipf(format, args...)
}

// LanguageYAML is the Pulumi YAML language host that `make tools` builds.
func LanguageYAML() string { return filepath.Join(RepoRoot(), "bin", "pulumi-language-yaml") }

// ProviderVersion is the version `make provider` builds the plugin with: the
// Makefile's default VERSION.
func ProviderVersion(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(RepoRoot(), "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^VERSION\s*\?=\s*(\S+)`).FindSubmatch(data)
	if m == nil {
		t.Fatal("the Makefile sets no VERSION ?= ...")
	}
	return string(m[1])
}

// InstallProvider installs bin/pulumi-resource-orgtrust into the plugin cache
// of home with `pulumi plugin install --file`.
func InstallProvider(t testing.TB, home string) {
	t.Helper()
	cli, provider := Binaries()
	cmd := exec.CommandContext(context.WithoutCancel(t.Context()), cli, "plugin", "install", "resource", "orgtrust",
		ProviderVersion(t), "--file", provider)
	cmd.Env = append(os.Environ(), "PULUMI_HOME="+home, "PULUMI_SKIP_UPDATE_CHECK=true")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("installing the orgtrust plugin into %s: %v\n%s", home, err, out)
	}
}

// NewProjectStack creates a stack of the project in dir (a Pulumi.yaml and
// its program, such as a Pulumi YAML program) in a fresh local backend. The
// engine finds the language host and the CLI in bin/. The stack is destroyed
// and removed when the test ends.
func NewProjectStack(t testing.TB, dir string, opts ProjectOptions) *Stack {
	t.Helper()
	cli, provider := Binaries()
	if _, err := os.Stat(cli); err != nil {
		NeedTool(t, "engine tests need the Pulumi CLI at %s; run `make tools` to build it", cli)
	}
	if _, err := os.Stat(LanguageYAML()); err != nil {
		NeedTool(t, "engine tests of YAML programs need pulumi-language-yaml at %s; run `make tools` to build it",
			LanguageYAML())
	}
	if _, err := os.Stat(provider); err != nil {
		t.Fatalf("engine tests need the orgtrust provider plugin at %s; run `make provider`", provider)
	}
	if newer := newerSource(provider); newer != "" {
		t.Fatalf("the orgtrust provider plugin at %s is older than %s, so these tests would run stale code; "+
			"run `make provider` (make test does)", provider, newer)
	}
	cmd := pulumiCommand(t)

	work := t.TempDir()
	backend := filepath.Join(work, "backend")
	if err := os.MkdirAll(backend, 0o755); err != nil {
		t.Fatal(err)
	}
	home := opts.Home
	if home == "" {
		home = filepath.Join(work, "home")
		InstallProvider(t, home)
	}
	env := map[string]string{
		"PULUMI_BACKEND_URL":                          "file://" + backend,
		"PULUMI_CONFIG_PASSPHRASE":                    "orgtrust-tests",
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"PULUMI_SKIP_CONFIRMATIONS":                   "true",
		// The language host that `make tools` builds, and nothing else of bin/:
		// the engine takes a provider plugin on PATH over the one installed.
		"PATH": languageHostDir(t) + string(os.PathListSeparator) + os.Getenv("PATH"),
	}
	if opts.PathPrefix != "" {
		env["PATH"] = opts.PathPrefix + string(os.PathListSeparator) + env["PATH"]
	}
	for k, v := range opts.Env {
		env[k] = v
	}
	ctx := context.WithoutCancel(t.Context())
	stackName := StackName(t)
	stack, err := auto.UpsertStackLocalSource(ctx, stackName, dir,
		auto.Pulumi(cmd),
		auto.PulumiHome(home),
		auto.EnvVars(env),
	)
	if err != nil {
		t.Fatalf("creating stack: %v", err)
	}
	for k, v := range opts.Config {
		if err := stack.SetConfig(ctx, k, auto.ConfigValue{Value: v}); err != nil {
			t.Fatalf("setting config %s: %v", k, err)
		}
	}
	t.Cleanup(func() {
		if !opts.KeepOnCleanup {
			_, _ = stack.Destroy(ctx)
		}
		_ = stack.Workspace().RemoveStack(ctx, stack.Name())
	})
	return &Stack{t: t, stack: stack}
}

// LanguageHosts are the language hosts that `make tools` builds into bin/,
// with the Python host's -exec script, which the host finds beside itself.
var LanguageHosts = []string{"pulumi-language-yaml", "pulumi-language-go", "pulumi-language-nodejs",
	"pulumi-language-python", "pulumi-language-python-exec", "pulumi-language-java"}

// languageHostDir is a directory holding only links to the language hosts of
// bin/ that exist.
func languageHostDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "language-hosts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, host := range LanguageHosts {
		path := filepath.Join(RepoRoot(), "bin", host)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		if err := os.Symlink(path, filepath.Join(dir, host)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// StackName is the name of the stack NewProjectStack creates for t: its
// configuration file in the project is Pulumi.<StackName>.yaml.
func StackName(t testing.TB) string {
	return regexp.MustCompile(`[^a-z0-9.-]+`).ReplaceAllString(strings.ToLower(t.Name()), "-")
}

// SetConfigPath sets one configuration value at a path, as `pulumi config set
// --path 'key[0]' value` does.
func (s *Stack) SetConfigPath(path, value string) {
	s.t.Helper()
	ctx := context.WithoutCancel(s.t.Context())
	if err := s.stack.SetConfigWithOptions(ctx, path, auto.ConfigValue{Value: value}, &auto.ConfigOptions{Path: true}); err != nil {
		s.t.Fatalf("setting config %s: %v", path, err)
	}
}
