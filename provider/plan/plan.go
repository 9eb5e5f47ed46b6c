// Package plan runs the organization baseline program (package baseline)
// through Pulumi's mock runtime, with a stack's configuration and no AWS
// account: it records every resource the program registers with its parent,
// dependencies and provider, answers the AWS lookups from fixtures, and
// derives the create and destroy orders from the recorded edges. `make plan`
// prints the result (`orgtrust plan`, provider/cmd/orgtrust).
package plan

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
)

// Options say what to plan.
type Options struct {
	// StackConfig is the stack configuration file, such as
	// Pulumi.example.yaml.
	StackConfig string
	// Fixtures is the fixtures file answering the AWS lookups; empty makes up
	// every answer.
	Fixtures string
	// Stack is the stack name; empty takes it from the file name
	// (Pulumi.<stack>.yaml), else "plan".
	Stack string
}

// Plan is the outcome of one run.
type Plan struct {
	Project string
	Stack   string
	// StackConfig and Fixtures are the files' base names.
	StackConfig string
	Fixtures    string
	// Lookups are the simulated AWS lookups, sorted by token and arguments.
	Lookups []Lookup
	// Graph holds every registered resource and its edges.
	Graph *Graph
	// Create is the create order (URNs); Destroy is its reverse.
	Create  []string
	Destroy []string
	// Notes are caveats about the run, such as configuration it could not read.
	Notes []string
	// Errors are the validation errors, one line each; the plan is invalid
	// when there is any, and Create and Destroy are then empty.
	Errors []string
	// Registered is how many resources the program registered, even when it
	// failed. The baseline checks every section before it registers
	// anything, so with validation errors it is 0.
	Registered int

	// assignmentRules are the stack's Identity Center assignment rules and
	// the lookups' OU accounts and existing principals, for the summary.
	assignmentRules []components.AssignmentSpec
	ouAccounts      map[string][]string
	orgAccounts     []FixtureAccount
	principalNames  map[string]string

	indexOnce sync.Once
	idx       *planIndex
}

// StackConfig is a stack file's configuration, as the Pulumi CLI passes it
// to a program: PULUMI_CONFIG's map of "namespace:key" to value, object
// values JSON-encoded, and the keys of secret values (shown as "[secret]").
type StackConfig struct {
	Values     map[string]string
	SecretKeys []string
	// Environments are the Pulumi ESC environments the stack imports, whose
	// values the plan cannot read.
	Environments bool
	// Root is the stack file's directory, as an absolute path: the project
	// directory, beside Pulumi.yaml, that a relative
	// orgtrust-baseline:configFile is read from.
	Root string
	// File holds the values of the file orgtrust-baseline:configFile names,
	// for the lookups' answers and the summary; the program reads the file
	// itself, and reports its problems.
	File map[string]string
}

// value is a configuration value, from the configuration file or the stack.
func (sc *StackConfig) value(k string) (string, bool) {
	if v, ok := sc.File[k]; ok {
		return v, true
	}
	v, ok := sc.Values[k]
	return v, ok
}

// LoadStackConfig reads a stack configuration file with the Pulumi CLI's own
// loader: keys without a namespace belong to the project, and object values
// are JSON-encoded as Pulumi encodes them for PULUMI_CONFIG. Secure values
// cannot be decrypted without the stack, so they read as "[secret]".
func LoadStackConfig(path string) (*StackConfig, error) {
	project := &workspace.Project{Name: tokens.PackageName(baseline.Project), Runtime: workspace.NewProjectRuntimeInfo("go", nil)}
	ps, err := workspace.LoadProjectStack(nil, project, path)
	if err != nil {
		return nil, fmt.Errorf("reading the stack configuration %s: %w", path, err)
	}
	decrypted, err := ps.Config.Decrypt(config.NewBlindingDecrypter())
	if err != nil {
		return nil, fmt.Errorf("reading the stack configuration %s: %w", path, err)
	}
	root, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("reading the stack configuration %s: %w", path, err)
	}
	sc := &StackConfig{Values: map[string]string{}, Environments: ps.Environment != nil, Root: root}
	for k, v := range decrypted {
		sc.Values[k.String()] = v
	}
	for _, k := range ps.Config.SecureKeys() {
		sc.SecretKeys = append(sc.SecretKeys, k.String())
	}
	slices.Sort(sc.SecretKeys)
	if name, ok := sc.Values[baseline.Project+":"+baseline.KeyConfigFile]; ok {
		sc.File, _ = baseline.ReadConfigFile(root, name)
	}
	return sc, nil
}

// accountIDInText is an account ID in a configuration value.
var accountIDInText = regexp.MustCompile(`\b\d{12}\b`)

// known reads the organization facts the configuration gives, for the
// simulated organization lookup.
func (sc *StackConfig) known() Known {
	k := Known{ManagementAccountID: sc.Values[baseline.Project+":"+baseline.KeyManagementAccountID]}
	seen := map[string]bool{}
	for _, values := range []map[string]string{sc.Values, sc.File} {
		for _, v := range values {
			for _, id := range accountIDInText.FindAllString(v, -1) {
				seen[id] = true
			}
		}
	}
	k.AccountIDs = slices.Sorted(maps.Keys(seen))
	var catalog struct {
		OrganizationID string `json:"organizationId"`
	}
	if v, ok := sc.value(baseline.Project + ":" + baseline.KeyServiceCatalog); ok {
		_ = json.Unmarshal([]byte(v), &catalog) // a bad value is the program's error to report
		k.OrganizationID = catalog.OrganizationID
	}
	return k
}

// assignmentRules reads the Identity Center assignment rules, for the
// summary to group the assignments by. It runs after the program accepted
// the configuration, so a value it cannot read only leaves the rules out.
func (sc *StackConfig) assignmentRules() []components.AssignmentSpec {
	var ic struct {
		Assignments []components.AssignmentSpec `json:"assignments"`
	}
	if v, ok := sc.value(baseline.Project + ":" + baseline.KeyIdentityCenter); ok {
		if err := json.Unmarshal([]byte(v), &ic); err != nil {
			return nil
		}
	}
	return ic.Assignments
}

// stackName is Pulumi.<stack>.yaml's <stack>.
func stackName(path string) string {
	base := filepath.Base(path)
	if s, ok := strings.CutPrefix(base, "Pulumi."); ok {
		for _, ext := range []string{".yaml", ".yml", ".json"} {
			if n, ok := strings.CutSuffix(s, ext); ok && n != "" {
				return n
			}
		}
	}
	return "plan"
}

// Run runs the baseline program with the stack configuration under Pulumi's
// mock runtime (a preview: DryRun). An error means the plan could not run at
// all; validation errors are in Plan.Errors.
func Run(opts Options) (*Plan, error) {
	sc, err := LoadStackConfig(opts.StackConfig)
	if err != nil {
		return nil, err
	}
	var fx *Fixtures
	if opts.Fixtures != "" {
		if fx, err = LoadFixtures(opts.Fixtures); err != nil {
			return nil, err
		}
	}
	stack := opts.Stack
	if stack == "" {
		stack = stackName(opts.StackConfig)
	}
	p := &Plan{Project: baseline.Project, Stack: stack, StackConfig: filepath.Base(opts.StackConfig)}
	if sc.Environments {
		p.Notes = append(p.Notes, "the stack imports Pulumi ESC environments, which the plan does not read: "+
			"their configuration values are missing")
	}
	if len(sc.SecretKeys) > 0 {
		p.Notes = append(p.Notes, fmt.Sprintf("secret values read as %q: %s", "[secret]",
			strings.Join(sc.SecretKeys, ", ")))
	}
	if opts.Fixtures != "" {
		p.Fixtures = filepath.Base(opts.Fixtures)
	}

	envErr, envNote := envConfigProblems(sc.Values)
	if envNote != "" {
		p.Notes = append(p.Notes, envNote)
	}

	monitor, m := newMonitor(baseline.Project, stack, fx, sc.known())
	keys := slices.Sorted(maps.Keys(sc.Values))
	program := baseline.Program(keys)
	var programErr error
	runErr := pulumi.RunErr(func(ctx *pulumi.Context) error {
		programErr = program(ctx)
		return programErr
	}, pulumi.WithMocks(baseline.Project, stack, monitor), func(info *pulumi.RunInfo) {
		// What the Pulumi CLI passes in PULUMI_CONFIG and
		// PULUMI_CONFIG_SECRET_KEYS, set directly so runs can be concurrent.
		info.Config = sc.Values
		info.ConfigSecretKeys = sc.SecretKeys
		info.DryRun = true
		// The stack file sits beside Pulumi.yaml.
		info.RootDirectory = sc.Root
	})

	for _, l := range m.lookups {
		p.Lookups = append(p.Lookups, *l)
	}
	slices.SortFunc(p.Lookups, func(a, b Lookup) int {
		return strings.Compare(a.Token+"\x00"+a.Args, b.Token+"\x00"+b.Args)
	})

	p.Registered = monitor.Len()
	p.ouAccounts, p.principalNames, p.orgAccounts = m.ouAccounts, m.principalNames, m.orgAccounts
	if envErr != "" {
		// The engine could not even start the program; its own errors, if
		// any, follow.
		p.Errors = append(p.Errors, envErr)
	}
	switch {
	case programErr != nil:
		if errs, ok := baseline.AsConfigErrors(programErr); ok {
			for _, e := range errs {
				p.Errors = append(p.Errors, e.Error())
			}
		} else {
			p.Errors = append(p.Errors, strings.Split(programErr.Error(), "\n")...)
		}
		return p, nil
	case runErr != nil:
		p.Errors = append(p.Errors, runErr.Error())
		return p, nil
	}

	if envErr != "" {
		return p, nil
	}
	p.assignmentRules = sc.assignmentRules()
	p.Graph = monitor.Graph()
	if p.Create, err = p.Graph.CreateOrder(); err != nil {
		return nil, err
	}
	p.Destroy = DestroyOrder(p.Create)
	return p, nil
}
