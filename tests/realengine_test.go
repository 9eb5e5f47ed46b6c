package tests

// Every example program, in every language, and the organization baseline
// run under the real engine: the CLI and the language hosts of `make tools`,
// the orgtrust provider of `make provider`, and tests/fakeawsplugin standing
// in for pulumi-aws, all against one fake organization (tests/fakebrownfield)
// whose ordered call log shows what each step did.

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// realProgram is one program of the RealEngine test.
type realProgram struct {
	lang, name string // the subtest is lang/name: go/security-services, typescript/identity-center
	dir        string // its source
	// prepare lays the project out in a fresh directory.
	prepare func(t *testing.T) project
}

// project is a program laid out to run: its directory, its stack
// configuration, what goes first on PATH and more environment.
type project struct {
	dir        string
	config     map[string]string
	pathPrefix string
	env        map[string]string
	// seed, when set, adds to the fake organization what the program's
	// configuration says exists, and returns more configuration.
	seed func(t *testing.T, org *fakebrownfield.Org) map[string]string
}

// languageNames are the subtest names of the examples' languages.
var languageNames = map[string]string{"ts": "typescript", "py": "python", "yaml": "yaml", "java": "java"}

// realPrograms are the SDK examples, the Go examples and the baseline.
func realPrograms(t *testing.T) []realProgram {
	t.Helper()
	var out []realProgram
	for _, ex := range examples(t) {
		name := strings.TrimSuffix(ex.name, "-"+ex.lang)
		p := realProgram{lang: languageNames[ex.lang], name: name, dir: ex.dir}
		switch ex.lang {
		case "yaml":
			p.prepare = func(t *testing.T) project {
				dir := filepath.Join(t.TempDir(), ex.name)
				copyExample(t, ex.dir, dir)
				return project{dir: dir, config: documentedConfig(t, filepath.Join(dir, "Pulumi.yaml"), projectName(t, dir))}
			}
		case "ts":
			p.prepare = func(t *testing.T) project {
				node, toolchain := nodeTools(t)
				sdk, sdkName := compiledNodeSDK(t, node, toolchain)
				dir := filepath.Join(t.TempDir(), ex.name)
				copyExample(t, ex.dir, dir)
				nodeModules(t, dir, toolchain, map[string]string{sdkName: sdk})
				config := documentedConfig(t, filepath.Join(dir, "index.ts"), projectName(t, dir))
				return project{dir: dir, config: config, pathPrefix: filepath.Dir(node)}
			}
		case "py":
			p.prepare = func(t *testing.T) project {
				python := pythonEnv(t)
				site := installPythonSDK(t, python)
				dir := filepath.Join(t.TempDir(), ex.name)
				copyExample(t, ex.dir, dir)
				// The project's virtualenv option names venv: the test environment,
				// with the SDK on PYTHONPATH (ProjectOptions.Env).
				require.NoError(t, os.Symlink(filepath.Dir(filepath.Dir(python)), filepath.Join(dir, "venv")))
				config := documentedConfig(t, filepath.Join(dir, "__main__.py"), projectName(t, dir))
				return project{dir: dir, config: config, pathPrefix: filepath.Dir(python),
					env: map[string]string{"PYTHONPATH": site}}
			}
		case "java":
			p.prepare = func(t *testing.T) project {
				mvn, cache := mavenRepo(t)
				repo, _, _ := installedJavaSDK(t, mvn, cache)
				dir := filepath.Join(t.TempDir(), ex.name)
				copyExample(t, ex.dir, dir)
				// The Java host runs mvn in the project: offline, with the
				// repository holding the SDK.
				require.NoError(t, os.MkdirAll(filepath.Join(dir, ".mvn"), 0o755))
				require.NoError(t, os.WriteFile(filepath.Join(dir, ".mvn", "maven.config"),
					[]byte("-B\n-o\n-Dmaven.repo.local="+repo+"\n"), 0o644))
				pom := readPOM(t, filepath.Join(dir, "pom.xml"))
				main := filepath.Join(dir, "src", "main", "java",
					filepath.FromSlash(strings.ReplaceAll(pom.Properties.MainClass, ".", "/"))+".java")
				return project{dir: dir, config: documentedConfig(t, main, projectName(t, dir)), pathPrefix: filepath.Dir(mvn)}
			}
		}
		out = append(out, p)
	}
	dirs, err := filepath.Glob(repoPath("examples", "*", "main.go"))
	require.NoError(t, err)
	for _, main := range dirs {
		dir := filepath.Dir(main)
		name := filepath.Base(dir)
		if name == "baseline" {
			out = append(out, realProgram{lang: "go", name: "baseline", dir: engine.RepoRoot(), prepare: baselineProject})
			continue
		}
		out = append(out, realProgram{lang: "go", name: name, dir: dir,
			prepare: func(t *testing.T) project { return goExampleProject(t, dir) }})
	}
	return out
}

// goProject writes a project directory holding a copy of the Pulumi.yaml of
// src with main pointing back at the program in program, so that the stack
// files land outside the repository while the Go host builds the program
// inside its module.
func goProject(t *testing.T, pulumiYAML, program string) string {
	t.Helper()
	data, err := os.ReadFile(pulumiYAML)
	require.NoError(t, err)
	dir := t.TempDir()
	rel, err := filepath.Rel(dir, program)
	require.NoError(t, err)
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "main:") {
			lines = append(lines, l)
		}
	}
	lines = append(lines, "main: "+rel+"/")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	return dir
}

// goExampleProject is a Go example's project, configured as its README says.
func goExampleProject(t *testing.T, src string) project {
	dir := goProject(t, filepath.Join(src, "Pulumi.yaml"), src)
	return project{dir: dir, config: documentedConfig(t, filepath.Join(src, "README.md"), projectName(t, dir))}
}

// baselineProject is the root project with Pulumi.example.yaml as its stack
// configuration file.
func baselineProject(t *testing.T) project {
	root := engine.RepoRoot()
	dir := goProject(t, filepath.Join(root, "Pulumi.yaml"), filepath.Join(root, "examples", "baseline"))
	copyFile(t, filepath.Join(root, "Pulumi.example.yaml"), filepath.Join(dir, "Pulumi."+engine.StackName(t)+".yaml"))
	return project{dir: dir, seed: seedFromFixtures}
}

// seedFromFixtures adds to the organization what examples/baseline/plan-fixtures.yaml
// says exists for Pulumi.example.yaml (the answers `make plan` simulates): the
// accounts of its OUs, the existing groups, users and permission sets; and
// points the orgtrust provider at fakes of CloudFormation StackSets and
// Security Lake, whose organization switches the baseline turns on.
func seedFromFixtures(t *testing.T, org *fakebrownfield.Org) map[string]string {
	t.Helper()
	fx, err := plan.LoadFixtures(filepath.Join(engine.RepoRoot(), "examples", "baseline", "plan-fixtures.yaml"))
	require.NoError(t, err)
	for _, ou := range slices.Sorted(maps.Keys(fx.OrganizationalUnits)) {
		org.Orgs.AddOU(fakeorg.RootID, ou, ou)
		for _, a := range fx.OrganizationalUnits[ou] {
			org.Orgs.AddAccount(ou, a.ID, a.Name, a.Status)
			org.SSO.AddAccounts(a.ID)
		}
	}
	for name, id := range fx.Groups {
		org.SSO.AddGroup(id, name)
	}
	for name, id := range fx.Users {
		org.SSO.AddUser(id, name)
	}
	for name := range fx.PermissionSets {
		org.SSO.AddPermissionSet(fakesso.PermissionSet{Name: name, SessionDuration: "PT1H"})
	}
	// The existing applications of Pulumi.example.yaml.
	var stack struct {
		Config struct {
			IdentityCenter struct {
				Applications []struct {
					Name           string
					ApplicationArn string `yaml:"applicationArn"`
					Existing       bool
				}
			} `yaml:"orgtrust-baseline:identityCenter"`
		}
	}
	data, err := os.ReadFile(filepath.Join(engine.RepoRoot(), "Pulumi.example.yaml"))
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(data, &stack))
	for _, a := range stack.Config.IdentityCenter.Applications {
		if a.Existing {
			org.SSO.AddApplication(a.ApplicationArn, a.Name)
		}
	}
	cfn := fakeservices.NewCloudFormation(org.Orgs)
	lake := fakeservices.NewSecurityLake(org.Orgs, fakeorg.DefaultManagementAccountID)
	t.Cleanup(cfn.Close)
	t.Cleanup(lake.Close)
	return map[string]string{"orgtrust:cloudformationEndpoint": cfn.URL(), "orgtrust:securitylakeEndpoint": lake.URL()}
}

// TestExamplesRealEngine runs every program through preview, up, a preview
// and a refresh that must find no change, and destroy, each against a fake
// organization of its own, and prints each program's time.
func TestExamplesRealEngine(t *testing.T) {
	t.Parallel()
	home := realEngineHome(t)
	for _, p := range realPrograms(t) {
		t.Run(p.lang+"/"+p.name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			org := realEngineOrg(t)
			proj := p.prepare(t)
			if proj.seed != nil {
				if proj.config == nil {
					proj.config = map[string]string{}
				}
				maps.Copy(proj.config, proj.seed(t, org))
			}
			// A permission set the documented configuration names as existing
			// (identity:existingPermissionSet) exists, as its comment says.
			for k, v := range proj.config {
				if strings.HasSuffix(k, ":existingPermissionSet") {
					org.SSO.AddPermissionSet(fakesso.PermissionSet{Name: v, SessionDuration: "PT1H"})
				}
			}
			permissionSets := org.SSO.PermissionSets()
			env := map[string]string{"ORGTRUST_FAKE_AWS_POLL": "20ms"}
			maps.Copy(env, proj.env)
			for _, kv := range org.Env() {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = v
			}
			stack := engine.NewProjectStack(t, proj.dir, engine.ProjectOptions{Home: home, Env: env,
				PathPrefix: proj.pathPrefix})
			setConfig(stack, proj.config)
			stack.SetConfig("orgtrust:endpoint", org.URL(), false)
			stack.SetConfig("aws:region", fakeorg.Region, false)

			_, err := stack.Preview()
			require.NoError(t, err, "preview")
			before := len(org.Log())
			up, err := stack.Up()
			require.NoError(t, err, "up")
			upLog := org.Log()[before:]
			_, err = stack.Preview(optpreview.ExpectNoChanges())
			require.NoError(t, err, "preview --expect-no-changes")
			_, err = stack.Refresh(optrefresh.ExpectNoChanges())
			require.NoError(t, err, "refresh --expect-no-changes")
			before = len(org.Log())
			_, err = stack.Destroy()
			require.NoError(t, err, "destroy")
			destroyLog := org.Log()[before:]

			checkIntegrationOrder(t, upLog, destroyLog)
			assert.Empty(t, stack.Resources(), "destroy leaves no resource in the state")
			checkNothingLeft(t, org)
			assert.Equal(t, permissionSets, org.SSO.PermissionSets(), "the permission sets are those before up")
			created := up.Changes["create"]
			assert.Positive(t, created, "up created resources")
			t.Logf("real engine %s/%s: %s, %d resources created and destroyed", p.lang, p.name,
				time.Since(start).Round(100*time.Millisecond), created)
		})
	}
}

// setConfig sets the documented configuration, lists element by element.
func setConfig(stack *engine.Stack, config map[string]string) {
	for k, v := range config {
		var list []string
		if !strings.HasPrefix(v, "[") || jsonUnmarshal(v, &list) != nil {
			stack.SetConfig(k, v, false)
			continue
		}
		for i, e := range list {
			stack.SetConfigPath(k+"["+itoaTest(i)+"]", e)
		}
	}
}

// adminServices are the signing names of the services whose administrator
// a program designates with the service's own API.
var adminServices = []string{"guardduty", "securityhub", "macie2", "detective", "inspector2", "auditmanager", "fms",
	"cloudtrail"}

// servicePrincipalOf maps a signing name to its Organizations service principal.
func servicePrincipalOf(service string) string {
	if service == "macie2" {
		return "macie.amazonaws.com"
	}
	if service == "inspector2" {
		return "inspector2.amazonaws.com"
	}
	return service + ".amazonaws.com"
}

// checkIntegrationOrder checks, for every service whose administrator the
// program designated, that up enabled trusted access before it designated the
// administrator, and that destroy removed the administrator before it
// disabled trusted access (when it did); then checkDependentsOrder.
func checkIntegrationOrder(t *testing.T, up, destroy []fakebrownfield.Call) {
	t.Helper()
	index := func(log []fakebrownfield.Call, match func(fakebrownfield.Call) bool) int {
		return slices.IndexFunc(log, match)
	}
	for _, svc := range adminServices {
		principal := servicePrincipalOf(svc)
		enableAdmin := index(up, func(c fakebrownfield.Call) bool { return isAdminWrite(c, svc, true) })
		if enableAdmin < 0 {
			continue
		}
		enableAccess := index(up, func(c fakebrownfield.Call) bool {
			return c.Operation == "EnableAWSServiceAccess" && c.Principal == principal
		})
		require.GreaterOrEqual(t, enableAccess, 0, "up enabled trusted access for %s: %v", principal, up)
		assert.Less(t, enableAccess, enableAdmin, "trusted access for %s before its administrator", principal)
		disableAdmin := index(destroy, func(c fakebrownfield.Call) bool { return isAdminWrite(c, svc, false) })
		assert.GreaterOrEqual(t, disableAdmin, 0, "destroy removed %s's administrator", svc)
		if disableAccess := index(destroy, func(c fakebrownfield.Call) bool {
			return c.Operation == "DisableAWSServiceAccess" && c.Principal == principal
		}); disableAccess >= 0 {
			assert.Less(t, disableAdmin, disableAccess, "%s's administrator removed before trusted access is disabled",
				svc)
		}
	}
	checkDependentsOrder(t, up, destroy)
}

// isAdminWrite says whether c designates (enable) or removes svc's
// administrator with the service's own API.
func isAdminWrite(c fakebrownfield.Call, svc string, enable bool) bool {
	if c.Service != svc || c.Account != "" || isReadCall(c) {
		return false
	}
	op := strings.ToLower(c.Operation)
	disable := strings.Contains(op, "disable") || strings.Contains(op, "disassociate") ||
		strings.Contains(op, "deregister") || strings.HasPrefix(op, "delete ")
	return disable != enable
}

// isReadCall says whether c only reads.
func isReadCall(c fakebrownfield.Call) bool {
	op := c.Operation
	for _, p := range []string{"GET ", "Describe", "List", "Get"} {
		if strings.HasPrefix(op, p) {
			return true
		}
	}
	for _, s := range []string{"/get", "/list", "/describe"} {
		if strings.HasSuffix(strings.ToLower(op), s) {
			return true
		}
	}
	return strings.Contains(strings.ToLower(op), "list")
}

// checkDependentsOrder checks the organization configuration, which the
// administrator writes in its own account (calls with assumed credentials),
// against its integration: each write in a Region comes after trusted access
// and the administrator's registration (in that Region, for a service
// designated per Region) on up, and before the registration is removed, and
// trusted access disabled, on destroy.
func checkDependentsOrder(t *testing.T, up, destroy []fakebrownfield.Call) {
	t.Helper()
	registration := func(log []fakebrownfield.Call, d fakebrownfield.Call, enable bool) int {
		principal := servicePrincipalOf(d.Service)
		if slices.Contains(adminServices, d.Service) {
			return slices.IndexFunc(log, func(c fakebrownfield.Call) bool {
				return isAdminWrite(c, d.Service, enable) && c.Region == d.Region
			})
		}
		op := map[bool]string{true: "RegisterDelegatedAdministrator", false: "DeregisterDelegatedAdministrator"}[enable]
		return slices.IndexFunc(log, func(c fakebrownfield.Call) bool {
			return c.Operation == op && c.Principal == principal
		})
	}
	access := func(log []fakebrownfield.Call, service, op string) int {
		return slices.IndexFunc(log, func(c fakebrownfield.Call) bool {
			return c.Operation == op && c.Principal == servicePrincipalOf(service)
		})
	}
	dependent := func(c fakebrownfield.Call) bool {
		return c.Account != "" && !isReadCall(c) && !slices.Contains([]string{"sts", "iam", "organizations"}, c.Service)
	}
	for i, d := range up {
		if !dependent(d) {
			continue
		}
		admin := registration(up, d, true)
		require.GreaterOrEqual(t, admin, 0, "up registered the administrator of %s in %s before %s", d.Service,
			d.Region, d)
		assert.Less(t, admin, i, "%s's administrator in %s registered before %s", d.Service, d.Region, d)
		enable := access(up, d.Service, "EnableAWSServiceAccess")
		require.GreaterOrEqual(t, enable, 0, "up enabled trusted access for %s", d.Service)
		assert.Less(t, enable, admin, "trusted access for %s before its administrator", d.Service)
	}
	for i, d := range destroy {
		if !dependent(d) {
			continue
		}
		admin := registration(destroy, d, false)
		require.GreaterOrEqual(t, admin, 0, "destroy removed the administrator of %s in %s", d.Service, d.Region)
		assert.Less(t, i, admin, "%s removed before %s's administrator in %s", d, d.Service, d.Region)
		if disable := access(destroy, d.Service, "DisableAWSServiceAccess"); disable >= 0 {
			assert.Less(t, admin, disable, "%s's administrator removed before trusted access is disabled", d.Service)
		}
	}
}

// checkNothingLeft checks that the organization holds no administrator the
// program designated.
func checkNothingLeft(t *testing.T, org *fakebrownfield.Org) {
	t.Helper()
	for principal := range org.Orgs.EnabledPrincipals() {
		assert.Empty(t, org.Orgs.DelegatedAdmins(principal), "no delegated administrator left for %s", principal)
	}
	assert.Empty(t, org.Analyzer.Analyzers(), "no Access Analyzer analyzer is left")
	assert.Empty(t, org.SSO.Assignments(), "no account assignment is left")
	assert.Empty(t, org.SSO.Leftovers(), "nothing the program made in Identity Center is left")
	for id, p := range org.Catalog.Portfolios() {
		assert.Equal(t, "port-abcdefghi1234", id, "only the partner's portfolio, which existed before, is left")
		assert.Empty(t, p.Shares, "no share of portfolio %s is left", id)
		assert.Empty(t, p.Principals, "no principal of portfolio %s is left", id)
	}
	assert.Empty(t, org.OrgConfigs.Leftovers(), "the organization configuration's resources are undone (Security Hub's central configuration; Macie's, Inspector's and Detective's members and scans)")
	assert.Empty(t, org.Config.Aggregators(), "no Config aggregator is left")
	assert.Empty(t, org.IAM.Roles(), "no IAM role is left")
	for service, regions := range org.Admins.Designated() {
		for region, accounts := range regions {
			assert.Empty(t, accounts, "no %s administrator left in %s", service, region)
		}
	}
}

// The accounts and OUs of the organization the programs run against: the
// management account, and the member accounts and OUs their documented
// configuration names.
var realEngineAccounts = []struct{ ou, id string }{
	{"ou-ab12-cdef3456", "222233334444"}, {"ou-ab12-cdef3456", "222222222222"},
	{"ou-ab12-ghij7890", "333333333333"}, {"ou-ab12-ghij7890", "444444444444"},
	{"ou-ab12-workload1", "555555555555"}, {"ou-ab12-sandbox01", "666666666666"},
}

// realEngineOrg starts a fake organization with realEngineAccounts.
func realEngineOrg(t *testing.T) *fakebrownfield.Org {
	t.Helper()
	org := fakebrownfield.New(fakebrownfield.Options{RequestsPerSecond: 500})
	t.Cleanup(org.Close)
	ous := map[string]bool{}
	for _, a := range realEngineAccounts {
		if !ous[a.ou] {
			org.Orgs.AddOU(fakeorg.RootID, a.ou, a.ou)
			ous[a.ou] = true
		}
		org.Orgs.AddAccount(a.ou, a.id, "account-"+a.id, "ACTIVE")
		org.SSO.AddAccounts(a.id)
	}
	org.SSO.AddAccounts(fakeorg.DefaultManagementAccountID)
	// The partner's portfolio that examples/service-catalog shares
	// (partnerPortfolioId): it exists before the program runs.
	org.Catalog.AddPortfolio(fakeservices.Portfolio{ID: "port-abcdefghi1234", Name: "Partner products",
		ProviderName: "Partner"})
	return org
}

// realEngineHome is a PULUMI_HOME with the orgtrust plugin of bin/ and the
// stand-in aws plugin installed, as `pulumi plugin install` installs them.
func realEngineHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	engine.InstallProvider(t, home)
	aws := fakeAWSPlugin(t)
	cli, _ := engine.Binaries()
	cmd := exec.CommandContext(t.Context(), cli, "plugin", "install", "resource", "aws", aws.Version, "--file",
		filepath.Join(aws.Path, "pulumi-resource-aws"))
	cmd.Env = append(os.Environ(), "PULUMI_HOME="+home, "PULUMI_SKIP_UPDATE_CHECK=true")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "installing the stand-in aws plugin: %s", out)
	return home
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
