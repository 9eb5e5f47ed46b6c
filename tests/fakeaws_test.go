package tests

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// awsSDKModule is the pulumi-aws Go SDK the components register with.
const awsSDKModule = "github.com/pulumi/pulumi-aws/sdk/v6"

// awsSDKVersion is the version of the pulumi-aws Go SDK that this module
// requires (go.mod, after any replace), without the v: the plugin version
// its resources ask the engine for.
func awsSDKVersion(t testing.TB) string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "go", "list", "-m", "-f",
		"{{if .Replace}}{{.Replace.Version}}{{else}}{{.Version}}{{end}}", awsSDKModule)
	cmd.Dir = engine.RepoRoot()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("reading the version of %s from go.mod: %v", awsSDKModule, err)
	}
	v := strings.TrimPrefix(strings.TrimSpace(string(out)), "v")
	if v == "" {
		t.Fatalf("go.mod gives no version of %s", awsSDKModule)
	}
	return v
}

// fakeAWSPlugin builds tests/fakeawsplugin into a temporary directory as
// pulumi-resource-aws, stamped with the pulumi-aws SDK's version, and
// returns the project plugin entry that makes the engine load it for
// exactly that version (the engine skips a project plugin whose version is
// not the one requested, and then finds no plugin).
func fakeAWSPlugin(t testing.TB) workspace.PluginOptions {
	t.Helper()
	version := awsSDKVersion(t)
	dir := t.TempDir()
	cmd := exec.CommandContext(t.Context(), "go", "build", "-o", filepath.Join(dir, "pulumi-resource-aws"),
		"-ldflags", "-X main.version="+version, "./tests/fakeawsplugin")
	cmd.Dir = engine.RepoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the fake aws plugin: %v\n%s", err, out)
	}
	return workspace.PluginOptions{Name: "aws", Version: version, Path: dir}
}

// identityCenterFakes are the fakes an IdentityCenterSetup program runs
// against: Identity Center (sso-admin, identitystore, and Organizations'
// ListAccounts) and Organizations (trusted access, the organization).
type identityCenterFakes struct {
	sso *fakesso.Server
	org *fakeorg.Server
}

func newIdentityCenterFakes(t testing.TB, opts fakesso.Options) identityCenterFakes {
	t.Helper()
	sso := fakesso.New(opts)
	org := fakeorg.New(fakeorg.Options{Middleware: sso.OrganizationsHandler})
	// Registered before the stack's cleanup, so they outlive its destroy.
	t.Cleanup(sso.Close)
	t.Cleanup(org.Close)
	return identityCenterFakes{sso: sso, org: org}
}

// stack returns a stack that runs program with the orgtrust provider and
// the fake aws plugin, both pointed at the fakes: the orgtrust provider
// through its configuration, the aws plugin through the AWS SDK's
// service-specific endpoint variables, which pulumi-aws honours too.
func (f identityCenterFakes) stack(t testing.TB, program pulumi.RunFunc) *engine.Stack {
	t.Helper()
	return engine.NewStack(t, program, engine.Options{
		Config:    f.providerConfig(),
		Env:       f.env(),
		Providers: []workspace.PluginOptions{fakeAWSPlugin(t)},
	})
}

// env is the environment of the engine and its plugins: fake credentials,
// and the fakes' endpoints for the aws plugin.
func (f identityCenterFakes) env() map[string]string {
	env := map[string]string{
		"AWS_ENDPOINT_URL_SSO_ADMIN":     f.sso.URL(),
		"AWS_ENDPOINT_URL_IDENTITYSTORE": f.sso.URL(),
		"AWS_ENDPOINT_URL_ORGANIZATIONS": f.org.URL(),
		"ORGTRUST_FAKE_AWS_POLL":         "20ms",
	}
	for k, v := range fakeCredentials {
		env[k] = v
	}
	return env
}

// providerConfig points the orgtrust provider at the fakes.
func (f identityCenterFakes) providerConfig() map[string]string {
	return map[string]string{
		"orgtrust:endpoint":                        f.org.URL(),
		"orgtrust:identityCenterEndpoint":          f.sso.URL(),
		"orgtrust:identityCenterRequestsPerSecond": "500",
		"orgtrust:maxBackoffSeconds":               "1",
	}
}
