package tests

// The Java SDK (sdk/java) and the Java examples (examples/*-java), built with
// Maven against com.pulumi:pulumi from Maven Central, and the examples run
// under the Java SDK's mocks (com.pulumi.test, tests/testdata/java). Maven
// runs offline, from the local repository that `make maven-repo` fills in the
// cache directory; each test binary installs the SDK into a private copy of
// it, so that runs from several checkouts never see each other's SDK.

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/cmd/pulumi-gen-orgtrust/gen"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
)

// javaGeneratorDir is the Go module of the Java SDK's generator.
var javaGeneratorDir = repoPath("provider", "cmd", "pulumi-gen-orgtrust-java")

var javaGenerator struct {
	sync.Mutex
	bin string
}

// buildJavaGenerator builds provider/cmd/pulumi-gen-orgtrust-java, once per
// test binary, and returns the binary.
func buildJavaGenerator(t *testing.T) string {
	t.Helper()
	javaGenerator.Lock()
	defer javaGenerator.Unlock()
	if javaGenerator.bin != "" {
		return javaGenerator.bin
	}
	dir, err := os.MkdirTemp("", "orgtrust-gen-java-")
	require.NoError(t, err)
	bin := filepath.Join(dir, "pulumi-gen-orgtrust-java")
	took := run(t, javaGeneratorDir, "go", "build", "-o", bin, ".")
	t.Logf("go build of the Java SDK generator took %s", took.Round(10*time.Millisecond))
	javaGenerator.bin = bin
	return bin
}

// generateJavaSDK runs the Java SDK's generator on schemaPath into out, as
// `make sdks` does.
func generateJavaSDK(t *testing.T, schemaPath, out string) {
	t.Helper()
	run(t, engine.RepoRoot(), buildJavaGenerator(t), "-schema", schemaPath, "-out", out, "-version", gen.PlaceholderVersion)
}

// TestSDKJavaGeneratorRefusesBadSchemas: the generator names what is wrong in
// language.java rather than writing an SDK that would not install its plugin
// or not compile.
func TestSDKJavaGeneratorRefusesBadSchemas(t *testing.T) {
	t.Parallel()
	_, spec := loadSchema(t)
	tests := []struct {
		name, want string
		java       map[string]any
	}{
		{"a base package outside com", `language.java.basePackage is "io.github.orgtrust": it must start with "com."`,
			map[string]any{"basePackage": "io.github.orgtrust",
				"dependencies": map[string]any{"com.pulumi:pulumi": "1.12.0"}}},
		{"no Java SDK dependency", "language.java.dependencies has no com.pulumi:pulumi",
			map[string]any{"basePackage": "com.orgtrust",
				"dependencies": map[string]any{"com.google.code.gson:gson": "2.10"}}},
		{"a dependency without a group", `language.java.dependencies: "gson": "2.10" is not groupId:artifactId`,
			map[string]any{"basePackage": "com.orgtrust",
				"dependencies": map[string]any{"com.pulumi:pulumi": "1.12.0", "gson": "2.10"}}},
	}
	bin := buildJavaGenerator(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := spec
			s.Language = map[string]schema.RawMessage{}
			for k, v := range spec.Language {
				s.Language[k] = v
			}
			java, err := json.Marshal(tt.java)
			require.NoError(t, err)
			s.Language["java"] = java
			dir := t.TempDir()
			data, err := json.Marshal(s)
			require.NoError(t, err)
			schemaPath := filepath.Join(dir, "schema.json")
			require.NoError(t, os.WriteFile(schemaPath, data, 0o644))
			out := runFails(t, dir, bin, "-schema", schemaPath, "-out", filepath.Join(dir, "java"), "-version", "1.0.0")
			require.Contains(t, out, tt.want)
			assert.NoDirExists(t, filepath.Join(dir, "java"), "nothing is written")
		})
	}
}

// mavenPOM is the part of a pom.xml that the tests read.
type mavenPOM struct {
	GroupID    string `xml:"groupId"`
	ArtifactID string `xml:"artifactId"`
	Version    string `xml:"version"`
	Properties struct {
		MainClass string `xml:"mainClass"`
	} `xml:"properties"`
	Dependencies []struct {
		GroupID    string `xml:"groupId"`
		ArtifactID string `xml:"artifactId"`
		Version    string `xml:"version"`
	} `xml:"dependencies>dependency"`
}

func readPOM(t *testing.T, path string) mavenPOM {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var pom mavenPOM
	require.NoError(t, xml.Unmarshal(data, &pom), path)
	return pom
}

// mavenRepo returns mvn and the local Maven repository of `make maven-repo`:
// $ORGTRUST_MAVEN_REPO, or <user cache>/orgtrust/m2 where the Makefile puts it,
// complete for the current pom.xml files.
func mavenRepo(t *testing.T) (mvn, repo string) {
	t.Helper()
	mvn, err := exec.LookPath("mvn")
	if err != nil {
		engine.NeedTool(t, "mvn is not installed: install Maven 3.6+ and a JDK 11+ to build the Java SDK and examples")
	}
	repo = os.Getenv("ORGTRUST_MAVEN_REPO")
	if repo == "" {
		cache, err := os.UserCacheDir()
		require.NoError(t, err)
		repo = filepath.Join(cache, "orgtrust", "m2")
	}
	if marker := filepath.Join(repo, ".complete-"+mavenKey(t)); !fileExists(marker) {
		engine.NeedTool(t, "the local Maven repository %s has not resolved the current pom.xml files (no %s): "+
			"run `make maven-repo` (make test does)", repo, filepath.Base(marker))
	}
	return mvn, repo
}

// mavenKey is the Makefile's MAVEN_KEY: the hash of sdk/java/pom.xml and the
// examples' pom.xml files, in that order.
func mavenKey(t *testing.T) string {
	t.Helper()
	poms, err := filepath.Glob(repoPath("examples", "*-java", "pom.xml"))
	require.NoError(t, err)
	h := sha256.New()
	for _, p := range append([]string{repoPath("sdk", "java", "pom.xml")}, poms...) {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// mvnOffline runs Maven offline in dir with the local repository repo.
func mvnOffline(t *testing.T, mvn, repo, dir string, args ...string) time.Duration {
	t.Helper()
	return run(t, dir, mvn, append([]string{"-B", "-q", "-o", "-Dmaven.repo.local=" + repo}, args...)...)
}

var javaSDK struct {
	sync.Mutex
	repo, jar string
	pom       mavenPOM
}

// installedJavaSDK compiles a copy of sdk/java and installs it into a private
// copy of the local repository, once per test binary, and returns that
// repository, the SDK's jar and its pom.
func installedJavaSDK(t *testing.T, mvn, cache string) (repo, jar string, pom mavenPOM) {
	t.Helper()
	javaSDK.Lock()
	defer javaSDK.Unlock()
	if javaSDK.repo != "" {
		return javaSDK.repo, javaSDK.jar, javaSDK.pom
	}
	work, err := os.MkdirTemp("", "orgtrust-java-sdk-")
	require.NoError(t, err)
	sdk := filepath.Join(work, "sdk")
	copyGenerated(t, repoPath("sdk", "java"), sdk)
	pom = readPOM(t, filepath.Join(sdk, "pom.xml"))
	repo = filepath.Join(work, "m2")
	own := filepath.Join(append([]string{cache}, strings.Split(pom.GroupID, ".")...)...)
	cloneTree(t, cache, repo, own)
	// The lifecycle's goals up to install, without the test phase, whose
	// plugin (surefire) the SDK has no use for.
	took := mvnOffline(t, mvn, repo, sdk, "resources:resources", "compiler:compile", "jar:jar", "install:install")
	t.Logf("mvn compile and install of the Java SDK took %s", took.Round(10*time.Millisecond))
	jar = filepath.Join(append(append([]string{repo}, strings.Split(pom.GroupID, ".")...),
		pom.ArtifactID, pom.Version, pom.ArtifactID+"-"+pom.Version+".jar")...)
	require.FileExists(t, jar, "mvn install:install put the SDK into the repository")
	javaSDK.repo, javaSDK.jar, javaSDK.pom = repo, jar, pom
	return repo, jar, pom
}

// cloneTree makes dst a copy of src, of hard links where it can, without the
// directory skip.
func cloneTree(t *testing.T, src, dst, skip string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == skip {
			return fs.SkipDir
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if err := os.Link(p, target); err == nil || !errors.Is(err, syscall.EXDEV) {
			return err
		}
		return copyRegular(p, target)
	})
	require.NoError(t, err)
}

func copyRegular(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// TestSDKJavaBuilds compiles the Java SDK with Maven against com.pulumi:pulumi
// and checks the jar a user gets: a class for each resource of the schema, and
// the plugin.json from which the Java language host tells the engine which
// plugin to install, from where.
func TestSDKJavaBuilds(t *testing.T) {
	t.Parallel()
	mvn, cache := mavenRepo(t)
	_, jarPath, pom := installedJavaSDK(t, mvn, cache)
	assert.Equal(t, gen.PlaceholderVersion, pom.Version, "sdk/java/pom.xml's version")

	jar, err := zip.OpenReader(jarPath)
	require.NoError(t, err)
	defer jar.Close()
	entries := map[string]*zip.File{}
	for _, f := range jar.File {
		entries[f.Name] = f
	}
	read := func(name string) string {
		f, ok := entries[name]
		require.True(t, ok, "the jar has %s", name)
		r, err := f.Open()
		require.NoError(t, err)
		defer r.Close()
		data, err := io.ReadAll(r)
		require.NoError(t, err)
		return string(data)
	}

	// The Java language host reads com/<namespace>/<name>/plugin.json.
	var plugin map[string]any
	require.NoError(t, json.Unmarshal([]byte(read("com/orgtrust/orgtrust/plugin.json")), &plugin))
	assert.Equal(t, map[string]any{
		"resource": true, "name": "orgtrust", "version": gen.PlaceholderVersion, "server": components.PluginDownloadURL,
	}, plugin)
	assert.Equal(t, gen.PlaceholderVersion, strings.TrimSpace(read("com/orgtrust/orgtrust/version.txt")))

	_, spec := loadSchema(t)
	require.NotEmpty(t, spec.Resources)
	for token := range spec.Resources {
		name := token[strings.LastIndex(token, ":")+1:]
		assert.Contains(t, entries, "com/orgtrust/orgtrust/"+name+".class", "the class of %s", token)
	}
	assert.Contains(t, entries, "com/orgtrust/orgtrust/OrgtrustFunctions.class", "the functions")
}

// javaExamples are the examples with a pom.xml.
func javaExamples(t *testing.T) []example {
	t.Helper()
	var out []example
	for _, e := range examples(t) {
		if e.lang == "java" {
			out = append(out, e)
		}
	}
	require.NotEmpty(t, out, "no examples/*-java")
	return out
}

// runJavaMocks runs mainClass's stack(Context), in the Maven project dir,
// under testdata/java/RunWithMocks.java.
func runJavaMocks(t *testing.T, mvn, repo, dir, mainClass, project string, config map[string]string, mocks mockSpec) (mockRun, error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "result.json")
	spec, err := json.Marshal(map[string]any{
		"mainClass": mainClass, "project": project, "stack": "test", "config": config,
		"outputs": mocks.Outputs, "results": mocks.Results, "out": out,
	})
	require.NoError(t, err)
	specFile := filepath.Join(t.TempDir(), "spec.json")
	require.NoError(t, os.WriteFile(specFile, spec, 0o644))
	copyFile(t, filepath.Join("testdata", "java", "RunWithMocks.java"),
		filepath.Join(dir, "src", "test", "java", "orgtrust", "testing", "RunWithMocks.java"))

	// test-compile: the program as `pulumi up` compiles it, and the runner with
	// the SDK's runtime dependencies (the test class path); exec:java, as
	// `pulumi up` runs the program, runs the runner instead.
	cmd := exec.CommandContext(t.Context(), mvn, "-B", "-q", "-o", "-Dmaven.repo.local="+repo,
		"test-compile", "exec:java", "-Dexec.classpathScope=test",
		"-DmainClass=orgtrust.testing.RunWithMocks", "-DmainArgs="+specFile)
	cmd.Dir = dir
	start := time.Now()
	output, err := cmd.CombinedOutput()
	if err != nil {
		return mockRun{}, &runError{err: err, output: string(output)}
	}
	t.Logf("mvn test-compile exec:java of %s took %s", filepath.Base(dir), time.Since(start).Round(10*time.Millisecond))
	data, err := os.ReadFile(out)
	require.NoError(t, err, "the runner wrote no result:\n%s", output)
	var result mockRun
	require.NoError(t, json.Unmarshal(data, &result), "%s", data)
	return result, nil
}

// TestJavaExamplesRunUnderMocks compiles each Java example as its pom.xml
// says, against the SDK, runs it with the configuration its comments tell users
// to set, and checks what it registers, invokes and exports.
func TestJavaExamplesRunUnderMocks(t *testing.T) {
	t.Parallel()
	mvn, cache := mavenRepo(t)
	repo, _, sdkPOM := installedJavaSDK(t, mvn, cache)
	exs := javaExamples(t)
	for _, ex := range exs {
		t.Run(ex.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), ex.name)
			copyExample(t, ex.dir, dir)
			pom := readPOM(t, filepath.Join(dir, "pom.xml"))
			checkJavaDependencies(t, pom, sdkPOM)
			require.NotEmpty(t, pom.Properties.MainClass, "the pom's mainClass property names the program, as `pulumi up` runs it")
			main := filepath.Join(dir, "src", "main", "java", filepath.FromSlash(strings.ReplaceAll(pom.Properties.MainClass, ".", "/"))+".java")
			project := projectName(t, dir)
			config := documentedConfig(t, main, project)
			run, err := runJavaMocks(t, mvn, repo, dir, pom.Properties.MainClass, project, config, exampleMocks)
			require.NoError(t, err)
			checkExampleRun(t, ex.name, config, run)
		})
	}

	t.Run("a failing program fails the run", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "failing")
		copyExample(t, exs[0].dir, dir)
		program := filepath.Join(dir, "src", "main", "java", "failing", "App.java")
		require.NoError(t, os.MkdirAll(filepath.Dir(program), 0o755))
		require.NoError(t, os.WriteFile(program, []byte(`package failing;

import com.orgtrust.orgtrust.TrustedServiceAccess;
import com.orgtrust.orgtrust.TrustedServiceAccessArgs;
import com.pulumi.Context;

public class App {
    public static void stack(Context ctx) {
        new TrustedServiceAccess("a", TrustedServiceAccessArgs.builder().build());
    }
}
`), 0o644))
		_, err := runJavaMocks(t, mvn, repo, dir, "failing.App", "failing", map[string]string{}, exampleMocks)
		require.ErrorContains(t, err, "servicePrincipal", "the SDK rejects a missing required input")
	})
}

// checkJavaDependencies fails when a Java example depends on something other
// than the Java SDK and com.pulumi:pulumi, at the versions sdk/java/pom.xml
// builds with, so that the example cannot pass here and fail for a user.
func checkJavaDependencies(t *testing.T, pom, sdk mavenPOM) {
	t.Helper()
	want := map[string]string{sdk.GroupID + ":" + sdk.ArtifactID: sdk.Version}
	for _, d := range sdk.Dependencies {
		if d.GroupID == "com.pulumi" && d.ArtifactID == "pulumi" {
			want["com.pulumi:pulumi"] = d.Version
		}
	}
	got := map[string]string{}
	for _, d := range pom.Dependencies {
		got[d.GroupID+":"+d.ArtifactID] = d.Version
	}
	assert.Equal(t, want, got, "the example depends on the SDK and com.pulumi:pulumi, at the SDK's versions")
}
