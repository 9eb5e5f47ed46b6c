package plan_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
)

// TestPlanExampleShowsEveryOption checks that Pulumi.example.yaml shows every
// configuration key the baseline reads, down to the components' nested
// inputs, active or commented out.
func TestPlanExampleShowsEveryOption(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile(exampleStackConfig)
	require.NoError(t, err)
	example := string(text)

	var missing []string
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type)
	walk = func(path string, typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for f := range fields(typ) {
			name := f.name
			if !strings.Contains(example, name+":") {
				missing = append(missing, path+"."+name)
			}
			walk(path+"."+name, f.typ)
		}
	}
	for _, k := range baseline.Keys {
		require.Contains(t, example, "orgtrust-baseline:"+k+":")
	}
	walk("integrations[]", reflect.TypeFor[baseline.IntegrationConfig]())
	walk("identityCenter", reflect.TypeFor[components.IdentityCenterSetupArgs]())
	walk("serviceCatalog", reflect.TypeFor[components.ServiceCatalogSharingArgs]())
	assert.Empty(t, missing, "Pulumi.example.yaml does not show these keys")
}

type keyField struct {
	name string
	typ  reflect.Type
}

// fields yields the configuration keys of a struct type: the json tag, else
// the pulumi tag, of each field; embedded structs contribute theirs.
func fields(typ reflect.Type) func(func(keyField) bool) {
	return func(yield func(keyField) bool) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			tag, ok := f.Tag.Lookup("json")
			if !ok {
				tag = f.Tag.Get("pulumi")
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				for kf := range fields(f.Type) {
					if !yield(kf) {
						return
					}
				}
				continue
			}
			if name == "" || name == "-" {
				continue
			}
			if !yield(keyField{name: name, typ: f.Type}) {
				return
			}
		}
	}
}

// TestPlanProjectName checks that the root Pulumi.yaml is the project whose
// configuration namespace the baseline reads, and runs its program.
func TestPlanProjectName(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join(repoRoot, "Pulumi.yaml"))
	require.NoError(t, err)
	var project struct {
		Name    string `yaml:"name"`
		Runtime string `yaml:"runtime"`
		Main    string `yaml:"main"`
	}
	require.NoError(t, yaml.Unmarshal(b, &project))
	assert.Equal(t, baseline.Project, project.Name)
	assert.Equal(t, "go", project.Runtime)
	assert.Equal(t, "examples/baseline/", project.Main)
}
