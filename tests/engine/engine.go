// Package engine runs Pulumi programs under the real Pulumi engine for tests:
// Automation API inline Go programs, the CLI built by `make tools`, a local
// file backend in a temporary directory, and the orgtrust provider plugin
// built by `make provider`.
//
// Tests skip, with a message that names `make tools`, only where the CLI is
// missing, and fail instead in CI (CI=true). A missing provider plugin is a
// failure: `make test` builds it.
package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// CLIVersion is the Pulumi CLI version that `make tools` builds.
const CLIVersion = "3.250.0"

// RepoRoot is the root of the orgtrust repository.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Binaries are the paths of the CLI and provider binaries under bin/.
func Binaries() (cli, provider string) {
	bin := filepath.Join(RepoRoot(), "bin")
	return filepath.Join(bin, "pulumi"), filepath.Join(bin, "pulumi-resource-orgtrust")
}

// Options configure a test stack.
type Options struct {
	// Config is stack configuration, such as "orgtrust:endpoint".
	Config map[string]string
	// Env is extra environment for the engine and its plugins.
	Env map[string]string
	// Providers are more provider plugins the engine takes from a directory
	// instead of the plugin cache (such as a fake of pulumi-aws), besides the
	// orgtrust plugin of bin/.
	Providers []workspace.PluginOptions
}

// Stack is a test stack driven through the Automation API.
type Stack struct {
	t     testing.TB
	stack auto.Stack
}

var cliOnce struct {
	sync.Once
	cmd auto.PulumiCommand
	err error
}

// NewStack creates a stack running program in a fresh local backend. The
// stack is destroyed and removed when the test ends.
func NewStack(t testing.TB, program pulumi.RunFunc, opts Options) *Stack {
	t.Helper()
	cli, provider := Binaries()
	if _, err := os.Stat(cli); err != nil {
		NeedTool(t, "engine tests need the Pulumi CLI at %s; run `make tools` to build it", cli)
	}
	if _, err := os.Stat(provider); err != nil {
		t.Fatalf("engine tests need the orgtrust provider plugin at %s; run `make provider`", provider)
	}
	if newer := newerSource(provider); newer != "" {
		t.Fatalf("the orgtrust provider plugin at %s is older than %s, so these tests would run stale code; "+
			"run `make provider` (make test does)", provider, newer)
	}
	cmd := pulumiCommand(t)

	dir := t.TempDir()
	backend := filepath.Join(dir, "backend")
	if err := os.MkdirAll(backend, 0o755); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"PULUMI_BACKEND_URL":                          "file://" + backend,
		"PULUMI_CONFIG_PASSPHRASE":                    "orgtrust-tests",
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"PULUMI_SKIP_CONFIRMATIONS":                   "true",
	}
	for k, v := range opts.Env {
		env[k] = v
	}
	project := workspace.Project{
		Name:    tokens.PackageName("orgtrust-enginetest"),
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Plugins: &workspace.Plugins{Providers: append([]workspace.PluginOptions{{
			Name: "orgtrust",
			Path: filepath.Dir(provider),
		}}, opts.Providers...)},
	}
	ctx := context.WithoutCancel(t.Context())
	stackName := strings.ToLower(strings.NewReplacer("/", "-", "_", "-").Replace(t.Name()))
	stack, err := auto.UpsertStackInlineSource(ctx, stackName, string(project.Name), program,
		auto.Pulumi(cmd),
		auto.Project(project),
		auto.WorkDir(dir),
		auto.PulumiHome(filepath.Join(dir, "home")),
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
	s := &Stack{t: t, stack: stack}
	t.Cleanup(func() {
		// Best effort: a test that already destroyed leaves nothing behind.
		_, _ = stack.Destroy(ctx)
		_ = stack.Workspace().RemoveStack(ctx, stack.Name())
	})
	return s
}

// pulumiCommand is the Automation API's handle on the CLI in bin/.
func pulumiCommand(t testing.TB) auto.PulumiCommand {
	t.Helper()
	cliOnce.Do(func() {
		cliOnce.cmd, cliOnce.err = auto.NewPulumiCommand(&auto.PulumiCommandOptions{
			Root:    RepoRoot(),
			Version: semver.MustParse(CLIVersion),
		})
	})
	if cliOnce.err != nil {
		cli, _ := Binaries()
		t.Fatalf("using the Pulumi CLI at %s: %v", cli, cliOnce.err)
	}
	return cliOnce.cmd
}

// SetConfig sets one configuration value of the stack, for the next
// operation.
func (s *Stack) SetConfig(key, value string, secret bool) {
	s.t.Helper()
	ctx := context.WithoutCancel(s.t.Context())
	if err := s.stack.SetConfig(ctx, key, auto.ConfigValue{Value: value, Secret: secret}); err != nil {
		s.t.Fatalf("setting config %s: %v", key, err)
	}
}

// newerSource returns a source file of the provider plugin (Go code and the
// docs it embeds, under provider/ and components/) modified after binary, or
// "".
func newerSource(binary string) string {
	bin, err := os.Stat(binary)
	if err != nil {
		return ""
	}
	newer := ""
	for _, dir := range []string{"provider", "components"} {
		_ = filepath.WalkDir(filepath.Join(RepoRoot(), dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || newer != "" {
				return err
			}
			if ext := filepath.Ext(path); (ext != ".go" && ext != ".md") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			if info, err := d.Info(); err == nil && info.ModTime().After(bin.ModTime()) {
				newer = path
			}
			return nil
		})
	}
	return newer
}

// Step is one resource step the engine finished, in the order it finished.
type Step struct {
	Op   apitype.OpType
	URN  string
	Type string
}

// Name is the resource name in the step's URN.
func (s Step) Name() string { return s.URN[strings.LastIndex(s.URN, "::")+2:] }

// Result is what the engine reported for one operation.
type Result struct {
	Steps       []Step
	Outputs     auto.OutputMap
	Changes     map[string]int
	Diagnostics []string
}

// Names returns, in finishing order, the names of resources of type typ with
// operation op.
func (r Result) Names(op apitype.OpType, typ string) []string {
	var names []string
	for _, s := range r.Steps {
		if s.Op == op && s.Type == typ {
			names = append(names, s.Name())
		}
	}
	return names
}

// Index is the position of the step op on the resource named name, or -1.
func (r Result) Index(op apitype.OpType, name string) int {
	return slices.IndexFunc(r.Steps, func(s Step) bool { return s.Op == op && s.Name() == name })
}

// HasChanges reports whether the operation changed, or would change, anything.
func (r Result) HasChanges() bool {
	for op, n := range r.Changes {
		if op != string(apitype.OpSame) && n > 0 {
			return true
		}
	}
	return false
}

type collector struct {
	ch    chan events.EngineEvent
	done  chan struct{}
	steps []Step
	diags []string
}

func collect() *collector {
	c := &collector{ch: make(chan events.EngineEvent), done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for e := range c.ch {
			switch {
			case e.ResOutputsEvent != nil:
				m := e.ResOutputsEvent.Metadata
				c.steps = append(c.steps, Step{Op: m.Op, URN: m.URN, Type: m.Type})
			case e.DiagnosticEvent != nil:
				c.diags = append(c.diags, e.DiagnosticEvent.Severity+": "+e.DiagnosticEvent.Message)
			}
		}
	}()
	return c
}

func (c *collector) wait() { <-c.done }

// Preview runs `pulumi preview`, with opts such as optpreview.ExpectNoChanges.
func (s *Stack) Preview(opts ...optpreview.Option) (Result, error) {
	c := collect()
	res, err := s.stack.Preview(s.t.Context(), append(opts, optpreview.EventStreams(c.ch))...)
	c.wait()
	r := Result{Steps: c.steps, Diagnostics: c.diags, Changes: map[string]int{}}
	for op, n := range res.ChangeSummary {
		r.Changes[string(op)] = n
	}
	return r, wrap("preview", err, c.diags)
}

// Up runs `pulumi up`, with opts such as optup.Replace.
func (s *Stack) Up(opts ...optup.Option) (Result, error) {
	c := collect()
	res, err := s.stack.Up(s.t.Context(), append(opts, optup.EventStreams(c.ch))...)
	c.wait()
	r := Result{Steps: c.steps, Diagnostics: c.diags, Outputs: res.Outputs, Changes: map[string]int{}}
	if res.Summary.ResourceChanges != nil {
		r.Changes = *res.Summary.ResourceChanges
	}
	return r, wrap("up", err, c.diags)
}

// Refresh runs `pulumi refresh`, with opts such as optrefresh.ExpectNoChanges.
func (s *Stack) Refresh(opts ...optrefresh.Option) (Result, error) {
	c := collect()
	res, err := s.stack.Refresh(s.t.Context(), append(opts, optrefresh.EventStreams(c.ch))...)
	c.wait()
	r := Result{Steps: c.steps, Diagnostics: c.diags, Changes: map[string]int{}}
	if res.Summary.ResourceChanges != nil {
		r.Changes = *res.Summary.ResourceChanges
	}
	return r, wrap("refresh", err, c.diags)
}

// Destroy runs `pulumi destroy`.
func (s *Stack) Destroy() (Result, error) {
	c := collect()
	res, err := s.stack.Destroy(s.t.Context(), optdestroy.EventStreams(c.ch))
	c.wait()
	r := Result{Steps: c.steps, Diagnostics: c.diags, Changes: map[string]int{}}
	if res.Summary.ResourceChanges != nil {
		r.Changes = *res.Summary.ResourceChanges
	}
	return r, wrap("destroy", err, c.diags)
}

// Resource is one resource of the stack's saved state.
type Resource struct {
	URN  string
	Type string
	ID   string
	// Outputs are the resource's saved outputs.
	Outputs map[string]any
}

// Resources returns the resources of the stack's saved state, as
// `pulumi stack export` shows them.
func (s *Stack) Resources() []Resource {
	s.t.Helper()
	dep, err := s.stack.Export(context.WithoutCancel(s.t.Context()))
	if err != nil {
		s.t.Fatalf("exporting the stack state: %v", err)
	}
	var state apitype.DeploymentV3
	if len(dep.Deployment) > 0 {
		if err := json.Unmarshal(dep.Deployment, &state); err != nil {
			s.t.Fatalf("decoding the stack state: %v", err)
		}
	}
	out := make([]Resource, 0, len(state.Resources))
	for _, r := range state.Resources {
		out = append(out, Resource{URN: string(r.URN), Type: string(r.Type), ID: string(r.ID), Outputs: r.Outputs})
	}
	return out
}

func wrap(op string, err error, diags []string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("pulumi %s: %w\nengine diagnostics:\n%s", op, err, strings.Join(diags, "\n"))
}

// StateBytes is the size, in bytes, of the stack's exported state (the
// deployment that the backend checkpoints).
func (s *Stack) StateBytes() int {
	s.t.Helper()
	dep, err := s.stack.Export(context.WithoutCancel(s.t.Context()))
	if err != nil {
		s.t.Fatalf("exporting the stack: %v", err)
	}
	return len(dep.Deployment)
}
