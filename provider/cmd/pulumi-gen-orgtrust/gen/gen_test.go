package gen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testSchema is a small self-contained schema with one of each kind of member.
func testSchema(t *testing.T, mutate func(map[string]any)) []byte {
	t.Helper()
	spec := map[string]any{
		"name":              "orgtrust",
		"description":       "A test package.",
		"repository":        "https://github.com/orgtrust/pulumi-orgtrust",
		"pluginDownloadURL": "github://api.github.com/orgtrust/pulumi-orgtrust",
		"language": map[string]any{
			"nodejs": map[string]any{"packageName": "@orgtrust/pulumi-orgtrust", "respectSchemaVersion": true},
			"python": map[string]any{
				"packageName": "pulumi_orgtrust", "respectSchemaVersion": true,
				"pyproject": map[string]any{"enabled": true},
			},
			"go": map[string]any{
				"importBasePath":       "github.com/orgtrust/pulumi-orgtrust/sdk/go/orgtrust",
				"respectSchemaVersion": true,
			},
		},
		"types": map[string]any{
			"orgtrust:index:Target": map[string]any{
				"type": "object", "description": "A target.",
				"properties": map[string]any{"id": map[string]any{"type": "string", "description": "The ID."}},
			},
		},
		"resources": map[string]any{
			"orgtrust:index:Thing": map[string]any{
				"isComponent": true, "description": "A thing.",
				"inputProperties": map[string]any{
					"target": map[string]any{"$ref": "#/types/orgtrust:index:Target", "description": "Where."},
				},
				"properties": map[string]any{"ready": map[string]any{"type": "string", "description": "Ready."}},
				"required":   []any{"ready"},
			},
		},
		"functions": map[string]any{
			"orgtrust:index:getThing": map[string]any{
				"description": "Gets a thing.",
				"outputs": map[string]any{
					"properties": map[string]any{"name": map[string]any{"type": "string", "description": "Name."}},
				},
			},
		},
	}
	if mutate != nil {
		mutate(spec)
	}
	data, err := json.Marshal(spec)
	require.NoError(t, err)
	return data
}

func TestGenerateWritesEveryLanguage(t *testing.T) {
	t.Parallel()
	files, err := Generate(testSchema(t, nil), "")
	require.NoError(t, err)
	for _, want := range []string{
		"nodejs/package.json", "nodejs/thing.ts", "nodejs/getThing.ts", "nodejs/README.md",
		"python/pyproject.toml", "python/pulumi_orgtrust/thing.py", "python/README.md",
		"go/orgtrust/thing.go", "go/orgtrust/getThing.go", "go/orgtrust/pulumi-plugin.json",
	} {
		_, ok := files[want]
		assert.True(t, ok, "generated files lack %s", want)
	}
	var pkg struct {
		Name    string `json:"name"`
		Version string `json:"version"`
		Pulumi  struct {
			Server string `json:"server"`
		} `json:"pulumi"`
	}
	require.NoError(t, json.Unmarshal(files["nodejs/package.json"], &pkg))
	assert.Equal(t, "@orgtrust/pulumi-orgtrust", pkg.Name)
	assert.Equal(t, PlaceholderVersion, pkg.Version)
	assert.Equal(t, "github://api.github.com/orgtrust/pulumi-orgtrust", pkg.Pulumi.Server)
	assert.Contains(t, string(files["python/README.md"]), "A test package.")
}

func TestGenerateIsDeterministic(t *testing.T) {
	t.Parallel()
	first, err := Generate(testSchema(t, nil), "")
	require.NoError(t, err)
	second, err := Generate(testSchema(t, nil), "")
	require.NoError(t, err)
	require.Equal(t, len(first), len(second))
	for name, data := range first {
		assert.Equal(t, string(data), string(second[name]), name)
	}
}

func TestGenerateVersion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, version, want string
	}{
		{"placeholder by default", "", `"version": "0.1.0-dev"`},
		{"release version", "1.2.3", `"version": "1.2.3"`},
		{"leading v", "v2.0.0", `"version": "2.0.0"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			schema := testSchema(t, func(s map[string]any) { s["version"] = "9.9.9" })
			files, err := Generate(schema, tt.version)
			require.NoError(t, err)
			assert.Contains(t, string(files["nodejs/package.json"]), tt.want)
			assert.NotContains(t, string(files["go/orgtrust/pulumi-plugin.json"]), "9.9.9",
				"the schema's own version must not leak into the SDKs")
		})
	}
}

func TestGenerateErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		schema  func(t *testing.T) []byte
		version string
		want    string
	}{
		{
			name:   "not JSON",
			schema: func(*testing.T) []byte { return []byte("{not json") },
			want:   "decoding the schema",
		},
		{
			name:    "bad version",
			schema:  func(t *testing.T) []byte { return testSchema(t, nil) },
			version: "banana",
			want:    `version "banana" is not a semantic version`,
		},
		{
			name: "reference to an aws type",
			schema: func(t *testing.T) []byte {
				return testSchema(t, func(s map[string]any) {
					thing := s["resources"].(map[string]any)["orgtrust:index:Thing"].(map[string]any)
					thing["inputProperties"].(map[string]any)["tags"] = map[string]any{
						"$ref":        "/aws/v6.83.2/schema.json#/types/aws:index:Tag",
						"description": "Tags.",
					}
				})
			},
			want: `references package "aws" (version 6.83.2): the orgtrust schema must be self-contained`,
		},
		{
			name: "unknown type",
			schema: func(t *testing.T) []byte {
				return testSchema(t, func(s map[string]any) {
					thing := s["resources"].(map[string]any)["orgtrust:index:Thing"].(map[string]any)
					thing["inputProperties"].(map[string]any)["count"] = map[string]any{"type": "integr"}
				})
			},
			want: "binding the schema",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Generate(tt.schema(t), tt.version)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestWriteRemovesStaleFilesAndKeepsBuildOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files, err := Generate(testSchema(t, nil), "")
	require.NoError(t, err)

	// A previous generation left a module and a file that the schema no longer
	// produces; npm, tsc and Python left dependencies and build output.
	stale := []string{"nodejs/gone.ts", "go/orgtrust/gone/gone.go", "python/pulumi_orgtrust/gone.py"}
	kept := []string{"nodejs/node_modules/x/index.js", "nodejs/bin/index.js",
		"python/pulumi_orgtrust/__pycache__/x.pyc", "python/pulumi_orgtrust.egg-info/PKG-INFO"}
	for _, rel := range append(append([]string{}, stale...), kept...) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("old"), 0o644))
	}
	// A generated file with old content is rewritten.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "nodejs", "thing.ts"), []byte("old"), 0o644))

	diffs, err := Compare(dir, files)
	require.NoError(t, err)
	assert.Contains(t, diffs, "extra:   nodejs/gone.ts")
	assert.Contains(t, diffs, "changed: nodejs/thing.ts")
	assert.Contains(t, diffs, "missing: nodejs/package.json")
	for _, d := range diffs {
		assert.False(t, strings.Contains(d, "node_modules") || strings.Contains(d, "__pycache__"),
			"build output is not a difference: %s", d)
	}

	require.NoError(t, Write(dir, files))
	diffs, err = Compare(dir, files)
	require.NoError(t, err)
	assert.Empty(t, diffs)
	for _, rel := range stale {
		assert.NoFileExists(t, filepath.Join(dir, filepath.FromSlash(rel)))
	}
	assert.NoDirExists(t, filepath.Join(dir, "go", "orgtrust", "gone"), "emptied directories are removed")
	for _, rel := range kept {
		assert.FileExists(t, filepath.Join(dir, filepath.FromSlash(rel)))
	}
}

// TestCompareCoversOtherGeneratorsLanguages: files of a language that another
// generator writes (sdk/java) are compared too, extras included, without
// Maven's build output.
func TestCompareCoversOtherGeneratorsLanguages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string][]byte{"java/pom.xml": []byte("pom"), "java/src/A.java": []byte("a")}
	for rel, data := range map[string]string{
		"java/pom.xml": "old pom", "java/src/Gone.java": "gone", "java/target/classes/A.class": "built",
	} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	diffs, err := Compare(dir, files)
	require.NoError(t, err)
	assert.Equal(t, []string{"changed: java/pom.xml", "missing: java/src/A.java", "extra:   java/src/Gone.java"}, diffs)
}

func TestRefusingLoaderNamesThePackage(t *testing.T) {
	t.Parallel()
	_, err := RefusingLoader{}.LoadPackage("aws", nil)
	require.ErrorContains(t, err, `the schema references package "aws" (any version)`)
}
