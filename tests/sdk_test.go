package tests

// Tests of the generated SDKs (sdk/) and of the examples written with them
// (examples/*-ts, examples/*-py, examples/*-yaml). `make test-sdks` runs only
// these; `make test` runs them with everything else.
//
// The TypeScript checks need npm (the pinned toolchain in testdata/sdk is
// installed once with `npm ci` into a cache outside the repository) and the
// Python checks need python3; each skips, saying so, only when its tool is not
// installed, and fails instead in CI (CI=true).

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/orgtrust/pulumi-orgtrust/provider/cmd/pulumi-gen-orgtrust/gen"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
)

// mainComponents are the components that each need an example in every
// language.
var mainComponents = []string{"OrgServiceIntegration", "IdentityCenterSetup", "ServiceCatalogSharing"}

func repoPath(parts ...string) string {
	return filepath.Join(append([]string{engine.RepoRoot()}, parts...)...)
}

// loadSchema reads schema/schema.json.
func loadSchema(t *testing.T) ([]byte, schema.PackageSpec) {
	t.Helper()
	data, err := os.ReadFile(repoPath("schema", "schema.json"))
	require.NoError(t, err, "schema/schema.json is missing: run `make schema`")
	var spec schema.PackageSpec
	require.NoError(t, json.Unmarshal(data, &spec))
	return data, spec
}

// TestSDKsAreUpToDate regenerates the SDKs from schema/schema.json into a
// temporary directory, Java's with its own generator, and compares them with
// the checked-in sdk/.
func TestSDKsAreUpToDate(t *testing.T) {
	t.Parallel()
	data, _ := loadSchema(t)
	files, err := gen.Generate(data, "")
	require.NoError(t, err)
	tmp := t.TempDir()
	require.NoError(t, gen.Write(tmp, files))

	// sdk/java comes from its own generator module, as `make sdks` runs it.
	generateJavaSDK(t, repoPath("schema", "schema.json"), filepath.Join(tmp, "java"))
	javaFiles, err := gen.List(filepath.Join(tmp, "java"))
	require.NoError(t, err)
	require.NotEmpty(t, javaFiles, "the Java SDK's generator wrote nothing")

	regenerated := map[string][]byte{}
	for _, lang := range append(slices.Clone(gen.Languages), "java") {
		rels, err := gen.List(filepath.Join(tmp, lang))
		require.NoError(t, err)
		for _, rel := range rels {
			b, err := os.ReadFile(filepath.Join(tmp, lang, filepath.FromSlash(rel)))
			require.NoError(t, err)
			regenerated[lang+"/"+rel] = b
		}
	}
	require.Equal(t, len(files)+len(javaFiles), len(regenerated), "gen.Write wrote every generated file")

	diffs, err := gen.Compare(repoPath("sdk"), regenerated)
	require.NoError(t, err)
	if len(diffs) > 0 {
		shown := diffs[:min(len(diffs), 25)]
		t.Fatalf("sdk/ is out of date with schema/schema.json (%d differences): run `make sdks` "+
			"(after `make schema` if the provider changed) and commit the result:\n  %s",
			len(diffs), strings.Join(shown, "\n  "))
	}
}

// TestSDKPlaceholderVersionMatchesMakefile keeps the checked-in SDKs asking for
// the plugin version that `make install` installs.
func TestSDKPlaceholderVersionMatchesMakefile(t *testing.T) {
	t.Parallel()
	makefile, err := os.ReadFile(repoPath("Makefile"))
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^VERSION\s*\?=\s*(\S+)`).FindSubmatch(makefile)
	require.NotNil(t, m, "the Makefile sets VERSION ?= ...")
	assert.Equal(t, string(m[1]), gen.PlaceholderVersion,
		"gen.PlaceholderVersion (provider/cmd/pulumi-gen-orgtrust/gen) must equal the Makefile's default VERSION; "+
			"change it, then run `make sdks`")
}

// TestPulumiCLIVersionIsOneVersion: the CLI that `make tools` builds, the one
// the engine harness asks the Automation API for, the wrapper module's pin and
// the workflows' pulumi/actions version are one version.
func TestPulumiCLIVersionIsOneVersion(t *testing.T) {
	t.Parallel()
	want := engine.CLIVersion
	makefile, err := os.ReadFile(repoPath("Makefile"))
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^PULUMI_VERSION\s*:=\s*v(\S+)`).FindSubmatch(makefile)
	require.NotNil(t, m, "the Makefile sets PULUMI_VERSION := v...")
	assert.Equal(t, want, string(m[1]), "Makefile PULUMI_VERSION")
	wrapper, err := os.ReadFile(repoPath(".ci", "tools", "pulumi", "go.mod"))
	require.NoError(t, err)
	assert.Contains(t, string(wrapper), "github.com/pulumi/pulumi/pkg/v3 v"+want, ".ci/tools/pulumi/go.mod")
	for _, wf := range []string{"preview.yml", "up.yml"} {
		data, err := os.ReadFile(repoPath(".github", "workflows", wf))
		require.NoError(t, err)
		assert.Contains(t, string(data), "pulumi-version: "+want, wf)
	}
}

// TestSDKGoBuilds builds the Go SDK, which lives in this module.
func TestSDKGoBuilds(t *testing.T) {
	t.Parallel()
	run(t, engine.RepoRoot(), "go", "build", "./sdk/go/...")
}

// run runs name with args in dir and fails the test, with the output, when it
// fails. It returns how long it took.
func run(t *testing.T, dir, name string, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	cmd := exec.CommandContext(t.Context(), name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s %s (in %s):\n%s", name, strings.Join(args, " "), dir, out)
	return time.Since(start)
}

// runFails runs name with args in dir, expects it to fail, and returns its output.
func runFails(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "%s %s should fail:\n%s", name, strings.Join(args, " "), out)
	return string(out)
}

// copyGenerated copies the generated files of the SDK at src (no build output
// or dependencies) to dst.
func copyGenerated(t *testing.T, src, dst string) {
	t.Helper()
	rels, err := gen.List(src)
	require.NoError(t, err)
	require.NotEmpty(t, rels, "%s is empty: run `make sdks`", src)
	for _, rel := range rels {
		copyFile(t, filepath.Join(src, filepath.FromSlash(rel)), filepath.Join(dst, filepath.FromSlash(rel)))
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
	require.NoError(t, os.WriteFile(dst, data, 0o644))
}

// example is one example program in a language other than Go.
type example struct {
	name, dir, lang string // lang is ts, py, yaml or java
}

// examples lists the examples written with the SDKs: examples/*/ with a
// tsconfig.json (TypeScript), a __main__.py (Python), a pom.xml (Java) or a
// Pulumi.yaml whose runtime is yaml.
func examples(t *testing.T) []example {
	t.Helper()
	dirs, err := filepath.Glob(repoPath("examples", "*"))
	require.NoError(t, err)
	var out []example
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		name := filepath.Base(dir)
		switch {
		case fileExists(filepath.Join(dir, "tsconfig.json")):
			out = append(out, example{name, dir, "ts"})
		case fileExists(filepath.Join(dir, "__main__.py")):
			out = append(out, example{name, dir, "py"})
		case fileExists(filepath.Join(dir, "pom.xml")):
			out = append(out, example{name, dir, "java"})
		case isYAMLProject(t, dir):
			out = append(out, example{name, dir, "yaml"})
		}
	}
	return out
}

func fileExists(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir()
}

func isYAMLProject(t *testing.T, dir string) bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "Pulumi.yaml"))
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	require.NoError(t, err)
	var project struct {
		Runtime yaml.Node `yaml:"runtime"`
	}
	require.NoError(t, yaml.Unmarshal(data, &project), "%s/Pulumi.yaml", dir)
	runtime := project.Runtime.Value
	if project.Runtime.Kind == yaml.MappingNode {
		var r struct {
			Name string `yaml:"name"`
		}
		require.NoError(t, project.Runtime.Decode(&r))
		runtime = r.Name
	}
	return runtime == "yaml"
}

func examplesOf(t *testing.T, lang string) []example {
	t.Helper()
	var out []example
	for _, e := range examples(t) {
		if e.lang == lang {
			out = append(out, e)
		}
	}
	return out
}

// TestSDKExamplesCoverTheComponents checks that each main component has an
// example in TypeScript, Python, YAML and Java, and that every example is listed in
// examples/README.md.
func TestSDKExamplesCoverTheComponents(t *testing.T) {
	t.Parallel()
	_, spec := loadSchema(t)
	all := examples(t)
	readme, err := os.ReadFile(repoPath("examples", "README.md"))
	require.NoError(t, err, "examples/README.md lists the examples")
	for _, e := range all {
		assert.Contains(t, string(readme), "("+e.name+"/)", "examples/README.md has no line linking %s/", e.name)
	}
	uses := map[string]func(string) string{
		"ts":   func(c string) string { return "new orgtrust." + c + "(" },
		"py":   func(c string) string { return "orgtrust." + c + "(" },
		"yaml": func(c string) string { return "type: orgtrust:index:" + c },
		"java": func(c string) string { return "new " + c + "(" },
	}
	for _, c := range mainComponents {
		if _, ok := spec.Resources["orgtrust:index:"+c]; !ok {
			t.Errorf("%s is not in schema/schema.json yet: register it in the provider and run `make schema sdks`", c)
		}
		for lang, use := range uses {
			found := slices.ContainsFunc(all, func(e example) bool {
				return e.lang == lang && dirContains(t, e.dir, use(c))
			})
			assert.True(t, found, "no %s example uses %s (looked for %q under examples/)", lang, c, use(c))
		}
	}
}

func dirContains(t *testing.T, dir, s string) bool {
	t.Helper()
	found := false
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "bin") {
			return fs.SkipDir
		}
		if d.IsDir() || found {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		found = bytes.Contains(data, []byte(s))
		return nil
	})
	require.NoError(t, err)
	return found
}

// nodeToolchain installs the pinned toolchain of testdata/sdk (@pulumi/pulumi,
// typescript, @types/node) with `npm ci` into a cache directory keyed by the
// lockfile, once, and returns its node_modules. ORGTRUST_NODE_CACHE overrides
// the cache directory.
func nodeToolchain(t *testing.T, npm string) string {
	t.Helper()
	src := filepath.Join("testdata", "sdk")
	lock, err := os.ReadFile(filepath.Join(src, "package-lock.json"))
	require.NoError(t, err)
	manifest, err := os.ReadFile(filepath.Join(src, "package.json"))
	require.NoError(t, err)
	sum := sha256.Sum256(append(manifest, lock...))
	base := os.Getenv("ORGTRUST_NODE_CACHE")
	if base == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		base = filepath.Join(cache, "orgtrust")
	}
	dir := filepath.Join(base, "sdk-node-"+hex.EncodeToString(sum[:6]))
	modules := filepath.Join(dir, "node_modules")
	if fileExists(filepath.Join(dir, ".complete")) {
		return modules
	}

	require.NoError(t, os.MkdirAll(base, 0o755))
	tmp, err := os.MkdirTemp(base, "install-")
	require.NoError(t, err)
	defer os.RemoveAll(tmp)
	copyFile(t, filepath.Join(src, "package.json"), filepath.Join(tmp, "package.json"))
	copyFile(t, filepath.Join(src, "package-lock.json"), filepath.Join(tmp, "package-lock.json"))
	took := run(t, tmp, npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts")
	t.Logf("npm ci of the pinned toolchain into %s took %s", dir, took.Round(time.Second))
	require.NoError(t, os.WriteFile(filepath.Join(tmp, ".complete"), nil, 0o644))
	if err := os.Rename(tmp, dir); err != nil && !fileExists(filepath.Join(dir, ".complete")) {
		require.NoError(t, err, "moving the toolchain into %s", dir)
	}
	return modules
}

// nodeModules makes dir/node_modules: a link to each package of the toolchain,
// plus extra links (package name to directory), as `npm install` would lay
// them out.
func nodeModules(t *testing.T, dir, toolchain string, extra map[string]string) {
	t.Helper()
	nm := filepath.Join(dir, "node_modules")
	entries, err := os.ReadDir(toolchain)
	require.NoError(t, err)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "@") {
			require.NoError(t, os.MkdirAll(nm, 0o755))
			require.NoError(t, os.Symlink(filepath.Join(toolchain, e.Name()), filepath.Join(nm, e.Name())))
			continue
		}
		scoped, err := os.ReadDir(filepath.Join(toolchain, e.Name()))
		require.NoError(t, err)
		for _, s := range scoped {
			require.NoError(t, os.MkdirAll(filepath.Join(nm, e.Name()), 0o755))
			require.NoError(t, os.Symlink(filepath.Join(toolchain, e.Name(), s.Name()),
				filepath.Join(nm, e.Name(), s.Name())))
		}
	}
	for name, target := range extra {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(nm, name)), 0o755))
		require.NoError(t, os.Symlink(target, filepath.Join(nm, name)))
	}
}

// TestSDKNodejsCompiles compiles the TypeScript SDK with tsc against
// @pulumi/pulumi from the npm registry, then type-checks each TypeScript
// example against the compiled SDK, as a user's `npm install` would see it.
func TestSDKNodejsCompiles(t *testing.T) {
	t.Parallel()
	npm, err := exec.LookPath("npm")
	if err != nil {
		engine.NeedTool(t, "npm is not installed: install Node.js 20+ with npm to compile the TypeScript SDK and examples")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		engine.NeedTool(t, "node is not installed: install Node.js 20+ with npm to compile the TypeScript SDK and examples")
	}
	toolchain := nodeToolchain(t, npm)
	tsc := filepath.Join(toolchain, "typescript", "bin", "tsc")

	work := t.TempDir()
	sdk := filepath.Join(work, "sdk")
	copyGenerated(t, repoPath("sdk", "nodejs"), sdk)
	nodeModules(t, sdk, toolchain, nil)
	took := run(t, sdk, node, tsc, "-p", ".")
	t.Logf("tsc of the TypeScript SDK took %s", took.Round(10*time.Millisecond))
	// The package is published from bin/, with its package.json beside the code.
	copyFile(t, filepath.Join(sdk, "package.json"), filepath.Join(sdk, "bin", "package.json"))

	var pkg struct {
		Name string `json:"name"`
	}
	data, err := os.ReadFile(filepath.Join(sdk, "package.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &pkg))

	for _, ex := range examplesOf(t, "ts") {
		t.Run(ex.name, func(t *testing.T) {
			dir := filepath.Join(work, "examples", ex.name)
			copyExample(t, ex.dir, dir)
			checkNodeDependencies(t, dir, pkg.Name)
			nodeModules(t, dir, toolchain, map[string]string{pkg.Name: filepath.Join(sdk, "bin")})
			took := run(t, dir, node, tsc, "--noEmit", "-p", ".")
			t.Logf("tsc --noEmit of %s took %s", ex.name, took.Round(10*time.Millisecond))
		})
	}
}

// copyExample copies an example's files, without dependencies or build output.
func copyExample(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if gen.Ignored(filepath.ToSlash(rel)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			copyFile(t, p, filepath.Join(dst, rel))
		}
		return nil
	})
	require.NoError(t, err)
}

// checkNodeDependencies fails when a TypeScript example depends on a package
// that the test toolchain does not provide, so that the example cannot pass
// here while failing for users.
func checkNodeDependencies(t *testing.T, dir, sdkName string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	require.NoError(t, err, "a TypeScript example has a package.json")
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	require.NoError(t, json.Unmarshal(data, &pkg))
	provided := []string{"@pulumi/pulumi", "typescript", "@types/node", sdkName}
	require.Contains(t, pkg.Dependencies, sdkName, "the example depends on the SDK")
	for _, deps := range []map[string]string{pkg.Dependencies, pkg.DevDependencies} {
		for name := range deps {
			assert.Contains(t, provided, name, "%s depends on %s, which the test toolchain (tests/testdata/sdk) "+
				"does not install: add it there, or drop it from the example", filepath.Base(dir), name)
		}
	}
}

// TestSDKPythonCompiles byte-compiles the Python SDK and each Python example,
// and checks each example's use of the SDK (names, keyword arguments,
// outputs) against the SDK's source.
func TestSDKPythonCompiles(t *testing.T) {
	t.Parallel()
	python, err := exec.LookPath("python3")
	if err != nil {
		engine.NeedTool(t, "python3 is not installed: install Python 3.9+ to byte-compile the Python SDK and examples")
	}
	work := t.TempDir()
	sdk := filepath.Join(work, "sdk")
	copyGenerated(t, repoPath("sdk", "python"), sdk)
	took := run(t, work, python, "-m", "compileall", "-q", sdk)
	t.Logf("compileall of the Python SDK took %s", took.Round(10*time.Millisecond))

	checker, err := filepath.Abs(filepath.Join("testdata", "sdk", "check_python_example.py"))
	require.NoError(t, err)
	pkgDir := filepath.Join(sdk, "pulumi_orgtrust")
	for _, ex := range examplesOf(t, "py") {
		t.Run(ex.name, func(t *testing.T) {
			dir := filepath.Join(work, "examples", ex.name)
			copyExample(t, ex.dir, dir)
			run(t, dir, python, "-m", "compileall", "-q", ".")
			run(t, dir, python, checker, pkgDir, "__main__.py")
		})
	}

	t.Run("checker finds mistakes", func(t *testing.T) {
		bad := filepath.Join(work, "bad.py")
		require.NoError(t, os.WriteFile(bad, []byte(`import pulumi_orgtrust as orgtrust
a = orgtrust.TrustedServiceAccess("a", service_principal="sso.amazonaws.com", disable_on_delet=True)
print(a.date_enabld)
orgtrust.NoSuchThing()
`), 0o644))
		out := runFails(t, work, python, checker, pkgDir, bad)
		assert.Contains(t, out, "TrustedServiceAccess has no parameter disable_on_delet")
		assert.Contains(t, out, "TrustedServiceAccess has no output date_enabld")
		assert.Contains(t, out, "pulumi_orgtrust has no NoSuchThing")
	})
}

// TestSDKYAMLExamples checks each Pulumi YAML example against
// schema/schema.json: every orgtrust type and function exists, properties and
// arguments are inputs of the right shape, required inputs are set, and
// ${resource.output} references name real outputs. No YAML language plugin
// is available here to run them.
func TestSDKYAMLExamples(t *testing.T) {
	t.Parallel()
	_, spec := loadSchema(t)
	for _, ex := range examplesOf(t, "yaml") {
		t.Run(ex.name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join(ex.dir, "Pulumi.yaml"))
			require.NoError(t, err)
			problems, err := checkYAMLProgram(spec, data)
			require.NoError(t, err)
			assert.Empty(t, problems, "%s/Pulumi.yaml does not match schema/schema.json:\n  %s",
				ex.name, strings.Join(problems, "\n  "))
		})
	}
}

func TestSDKYAMLCheckFindsMistakes(t *testing.T) {
	t.Parallel()
	spec := schema.PackageSpec{
		Resources: map[string]schema.ResourceSpec{
			"orgtrust:index:Thing": {
				InputProperties: map[string]schema.PropertySpec{
					"name":    {TypeSpec: schema.TypeSpec{Type: "string"}},
					"count":   {TypeSpec: schema.TypeSpec{Type: "integer"}},
					"targets": {TypeSpec: schema.TypeSpec{Type: "array", Items: &schema.TypeSpec{Ref: "#/types/orgtrust:index:Target"}}},
					"kind":    {TypeSpec: schema.TypeSpec{Ref: "#/types/orgtrust:index:Kind"}},
				},
				RequiredInputs: []string{"name"},
				ObjectTypeSpec: schema.ObjectTypeSpec{Properties: map[string]schema.PropertySpec{
					"ready": {TypeSpec: schema.TypeSpec{Type: "string"}},
				}},
			},
		},
		Functions: map[string]schema.FunctionSpec{
			"orgtrust:index:getThing": {
				Inputs: &schema.ObjectTypeSpec{Properties: map[string]schema.PropertySpec{
					"key": {TypeSpec: schema.TypeSpec{Type: "string"}},
				}},
				Outputs: &schema.ObjectTypeSpec{Properties: map[string]schema.PropertySpec{
					"value": {TypeSpec: schema.TypeSpec{Type: "string"}},
				}},
			},
		},
		Types: map[string]schema.ComplexTypeSpec{
			"orgtrust:index:Target": {ObjectTypeSpec: schema.ObjectTypeSpec{Type: "object",
				Properties: map[string]schema.PropertySpec{"id": {TypeSpec: schema.TypeSpec{Type: "string"}}},
				Required:   []string{"id"},
			}},
			"orgtrust:index:Kind": {ObjectTypeSpec: schema.ObjectTypeSpec{Type: "string"},
				Enum: []schema.EnumValueSpec{{Value: "a"}, {Value: "b"}}},
		},
	}
	program := `name: bad
runtime: yaml
variables:
  looked:
    fn::invoke:
      function: orgtrust:index:getThing
      arguments:
        kee: x
      return: valu
  missing:
    fn::invoke:
      function: orgtrust:index:getNothing
resources:
  thing:
    type: orgtrust:index:Thing
    properties:
      nmae: x
      count: many
      kind: c
      targets:
        - idd: 1
  other:
    type: orgtrust:index:Nothing
outputs:
  r: ${thing.ready}
  s: ${thing.redy}
`
	problems, err := checkYAMLProgram(spec, []byte(program))
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{
		`resources.thing: required input "name" is not set`,
		`resources.thing.properties.nmae: orgtrust:index:Thing has no input "nmae"`,
		`resources.thing.properties.count: want type integer, got "many"`,
		`resources.thing.properties.kind: "c" is not one of orgtrust:index:Kind's values a, b`,
		`resources.thing.properties.targets[0].idd: orgtrust:index:Target has no property "idd"`,
		`resources.thing.properties.targets[0]: required property "id" is not set`,
		`resources.other: orgtrust:index:Nothing is not a resource of the schema`,
		`variables.looked: orgtrust:index:getThing has no input "kee"`,
		`variables.looked: orgtrust:index:getThing has no output "valu"`,
		`variables.missing: orgtrust:index:getNothing is not a function of the schema`,
		`outputs.s: ${thing.redy}: orgtrust:index:Thing has no output "redy"`,
	}, problems)
}

// yamlProgram is the part of a Pulumi YAML program that the check reads.
type yamlProgram struct {
	Resources map[string]struct {
		Type       string         `yaml:"type"`
		Properties map[string]any `yaml:"properties"`
		Options    map[string]any `yaml:"options"`
	} `yaml:"resources"`
	Variables map[string]any `yaml:"variables"`
	Outputs   map[string]any `yaml:"outputs"`
}

var interpolation = regexp.MustCompile(`\$\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)`)

// checkYAMLProgram returns the problems of a Pulumi YAML program against spec.
func checkYAMLProgram(spec schema.PackageSpec, data []byte) ([]string, error) {
	var prog yamlProgram
	if err := yaml.Unmarshal(data, &prog); err != nil {
		return nil, fmt.Errorf("parsing the program: %w", err)
	}
	c := yamlChecker{spec: spec}
	typeOf := map[string]string{}
	for _, name := range sortedKeys(prog.Resources) {
		r := prog.Resources[name]
		where := "resources." + name
		typeOf[name] = r.Type
		if !strings.HasPrefix(r.Type, "orgtrust:") {
			c.walk(r.Properties, where)
			continue
		}
		res, ok := spec.Resources[r.Type]
		if !ok {
			c.add("%s: %s is not a resource of the schema", where, r.Type)
			continue
		}
		for _, req := range res.RequiredInputs {
			if _, ok := r.Properties[req]; !ok {
				c.add("%s: required input %q is not set", where, req)
			}
		}
		for _, k := range sortedKeys(r.Properties) {
			prop, ok := res.InputProperties[k]
			if !ok {
				c.add("%s.properties.%s: %s has no input %q", where, k, r.Type, k)
				continue
			}
			c.value(r.Properties[k], prop.TypeSpec, where+".properties."+k)
		}
		c.walk(r.Options, where+".options")
	}
	for _, name := range sortedKeys(prog.Variables) {
		c.walk(prog.Variables[name], "variables."+name)
	}
	for _, name := range sortedKeys(prog.Outputs) {
		c.walk(prog.Outputs[name], "outputs."+name)
	}
	// ${resource.output} references, anywhere in the program.
	for _, ref := range c.strings {
		for _, m := range interpolation.FindAllStringSubmatch(ref.s, -1) {
			typ, ok := typeOf[m[1]]
			if !ok || !strings.HasPrefix(typ, "orgtrust:") {
				continue
			}
			if res, ok := spec.Resources[typ]; ok {
				if _, ok := res.Properties[m[2]]; !ok && m[2] != "urn" && m[2] != "id" {
					c.add("%s: ${%s.%s}: %s has no output %q", ref.where, m[1], m[2], typ, m[2])
				}
			}
		}
	}
	return c.problems, nil
}

type yamlChecker struct {
	spec     schema.PackageSpec
	problems []string
	strings  []struct{ s, where string }
}

func (c *yamlChecker) add(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// walk visits v, checking every fn::invoke of an orgtrust function and
// collecting strings for the interpolation check.
func (c *yamlChecker) walk(v any, where string) {
	switch v := v.(type) {
	case string:
		c.strings = append(c.strings, struct{ s, where string }{v, where})
	case []any:
		for i, e := range v {
			c.walk(e, fmt.Sprintf("%s[%d]", where, i))
		}
	case map[string]any:
		if inv, ok := v["fn::invoke"].(map[string]any); ok {
			c.invoke(inv, where)
		}
		for _, k := range sortedKeys(v) {
			c.walk(v[k], where+"."+k)
		}
	}
}

func (c *yamlChecker) invoke(inv map[string]any, where string) {
	tok, _ := inv["function"].(string)
	if !strings.HasPrefix(tok, "orgtrust:") {
		return
	}
	fn, ok := c.spec.Functions[tok]
	if !ok {
		c.add("%s: %s is not a function of the schema", where, tok)
		return
	}
	args, _ := inv["arguments"].(map[string]any)
	for _, k := range sortedKeys(args) {
		var prop schema.PropertySpec
		if fn.Inputs != nil {
			prop, ok = fn.Inputs.Properties[k]
		}
		if fn.Inputs == nil || !ok {
			c.add("%s: %s has no input %q", where, tok, k)
			continue
		}
		c.value(args[k], prop.TypeSpec, where+".arguments."+k)
	}
	if fn.Inputs != nil {
		for _, req := range fn.Inputs.Required {
			if _, ok := args[req]; !ok {
				c.add("%s: required argument %q of %s is not set", where, req, tok)
			}
		}
	}
	if ret, ok := inv["return"].(string); ok {
		outputs := map[string]schema.PropertySpec{}
		if fn.Outputs != nil {
			outputs = fn.Outputs.Properties
		}
		if _, ok := outputs[ret]; !ok {
			c.add("%s: %s has no output %q", where, tok, ret)
		}
	}
}

// value checks that v fits typ. Interpolations and fn:: expressions are
// checked only for their references.
func (c *yamlChecker) value(v any, typ schema.TypeSpec, where string) {
	if s, ok := v.(string); ok && strings.Contains(s, "${") {
		c.walk(v, where)
		return
	}
	if m, ok := v.(map[string]any); ok && len(m) == 1 {
		for k := range m {
			if strings.HasPrefix(k, "fn::") {
				c.walk(v, where)
				return
			}
		}
	}
	if ref, ok := strings.CutPrefix(typ.Ref, "#/types/"); ok {
		t, ok := c.spec.Types[ref]
		if !ok {
			return
		}
		if len(t.Enum) > 0 {
			var vals []string
			for _, e := range t.Enum {
				vals = append(vals, fmt.Sprint(e.Value))
				if fmt.Sprint(e.Value) == fmt.Sprint(v) {
					return
				}
			}
			c.add("%s: %q is not one of %s's values %s", where, fmt.Sprint(v), ref, strings.Join(vals, ", "))
			return
		}
		obj, ok := v.(map[string]any)
		if !ok {
			c.add("%s: want an object of type %s, got %v", where, ref, v)
			return
		}
		for _, k := range sortedKeys(obj) {
			prop, ok := t.Properties[k]
			if !ok {
				c.add("%s.%s: %s has no property %q", where, k, ref, k)
				continue
			}
			c.value(obj[k], prop.TypeSpec, where+"."+k)
		}
		for _, req := range t.Required {
			if _, ok := obj[req]; !ok {
				c.add("%s: required property %q is not set", where, req)
			}
		}
		return
	}
	switch typ.Type {
	case "array":
		list, ok := v.([]any)
		if !ok {
			c.add("%s: want a list, got %v", where, v)
			return
		}
		for i, e := range list {
			if typ.Items != nil {
				c.value(e, *typ.Items, fmt.Sprintf("%s[%d]", where, i))
			}
		}
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			c.add("%s: want a map, got %v", where, v)
			return
		}
		for _, k := range sortedKeys(obj) {
			if typ.AdditionalProperties != nil {
				c.value(obj[k], *typ.AdditionalProperties, where+"."+k)
			}
		}
	case "string":
		switch v.(type) {
		case string, int, float64, bool:
		default:
			c.add("%s: want a string, got %v", where, v)
		}
	case "integer", "number":
		switch v.(type) {
		case int, float64:
		default:
			c.add("%s: want type %s, got %q", where, typ.Type, fmt.Sprint(v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			c.add("%s: want type boolean, got %q", where, fmt.Sprint(v))
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestPRWorkflows checks the shape of .github/workflows: a preview with a pull
// request comment on pull requests and an up on pushes to main, both of the
// root project, with AWS credentials from the OIDC role and the orgtrust
// plugin built from the commit.
func TestPRWorkflows(t *testing.T) {
	t.Parallel()
	type step struct {
		Uses string            `yaml:"uses"`
		Run  string            `yaml:"run"`
		With map[string]string `yaml:"with"`
	}
	type workflow struct {
		On          map[string]yaml.Node `yaml:"on"`
		Permissions map[string]string    `yaml:"permissions"`
		Jobs        map[string]struct {
			Steps []step `yaml:"steps"`
		} `yaml:"jobs"`
	}
	tests := []struct {
		file, event, command string
		with                 map[string]string
	}{
		{"preview.yml", "pull_request", "preview", map[string]string{"comment-on-pr": "true", "work-dir": "."}},
		{"up.yml", "push", "up", map[string]string{"work-dir": "."}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(repoPath(".github", "workflows", tt.file))
			require.NoError(t, err)
			var wf workflow
			require.NoError(t, yaml.Unmarshal(data, &wf))
			require.Contains(t, wf.On, tt.event)
			assert.Equal(t, "write", wf.Permissions["id-token"], "OIDC needs id-token: write")
			require.Len(t, wf.Jobs, 1)
			for _, job := range wf.Jobs {
				var order []string
				for _, s := range job.Steps {
					switch {
					case strings.Contains(s.Run, "make install"):
						order = append(order, "plugin")
					case strings.HasPrefix(s.Uses, "aws-actions/configure-aws-credentials@"):
						order = append(order, "aws")
						assert.Contains(t, s.With["role-to-assume"], "vars.", "the role comes from a repository variable")
					case strings.HasPrefix(s.Uses, "pulumi/actions@"):
						order = append(order, "pulumi")
						assert.Equal(t, tt.command, s.With["command"])
						for k, v := range tt.with {
							assert.Equal(t, v, s.With[k], k)
						}
					}
				}
				assert.Equal(t, []string{"plugin", "aws", "pulumi"}, order,
					"the plugin is installed and credentials are set before pulumi runs")
			}
		})
	}
	root, err := os.ReadFile(repoPath("Pulumi.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(root), "main: examples/baseline", "the workflows run the root project")

	// The test workflow runs what CI runs, on pull requests.
	data, err := os.ReadFile(repoPath(".github", "workflows", "test.yml"))
	require.NoError(t, err)
	var wf workflow
	require.NoError(t, yaml.Unmarshal(data, &wf))
	require.Contains(t, wf.On, "pull_request")
	var runs []string
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			runs = append(runs, s.Run)
		}
	}
	assert.Contains(t, runs, "bash .ci/run", "the test workflow runs .ci/run")
}
