package plan_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
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
// inputs, active or commented out, each at its place: the key path
// (orgtrust-baseline:identityCenter.permissionSets[].sessionDuration), not
// the bare name anywhere in the file.
func TestPlanExampleShowsEveryOption(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile(exampleStackConfig)
	require.NoError(t, err)
	shown := yamlPaths(string(text))

	var missing []string
	var walk func(path string, typ reflect.Type, depth int)
	walk = func(path string, typ reflect.Type, depth int) {
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || depth > 8 {
			return
		}
		for f := range fields(typ) {
			if f.name == baseline.KeyManagementAccountID {
				// Given once at the top level: the baseline refuses it inside a section.
				continue
			}
			ft, key := f.typ, path+"."+f.name
			if !shown[key] {
				missing = append(missing, key)
			}
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Slice {
				ft, key = ft.Elem(), key+"[]"
			}
			walk(key, ft, depth+1)
		}
	}
	for _, k := range baseline.Keys {
		require.True(t, shown["orgtrust-baseline:"+k], "Pulumi.example.yaml shows orgtrust-baseline:%s", k)
	}
	walk("orgtrust-baseline:integrations[]", reflect.TypeFor[baseline.IntegrationConfig](), 0)
	walk("orgtrust-baseline:identityCenter", reflect.TypeFor[components.IdentityCenterSetupArgs](), 0)
	walk("orgtrust-baseline:serviceCatalog", reflect.TypeFor[components.ServiceCatalogSharingArgs](), 0)
	assert.Empty(t, missing, "Pulumi.example.yaml does not show these keys at their place")
}

// yamlKey matches a YAML block key, or a list item's first key, at the
// start of a line's content: "key: value", "key:", "- key: value".
var yamlKey = regexp.MustCompile(`^(- )?([A-Za-z][A-Za-z0-9_.:-]*):(\s|$)(.*)`)

// flowKey matches a key inside a flow mapping, such as {type: GROUP, name: x}.
var flowKey = regexp.MustCompile(`[{,]\s*([A-Za-z][A-Za-z0-9_-]*):`)

// yamlPaths returns the key paths of a YAML document, active or commented
// out: config.orgtrust-baseline:integrations[].service, list items marked
// with []. A commented-out line counts at the column of its "#", so that
// "      # enableVia: x" is a key of the list item above it, as it would be
// with the "# " removed; comment prose (no "key:" at its start) is skipped.
// Keys of flow mappings ({a: 1}, [{a: 1}]) count as children of their key.
func yamlPaths(doc string) map[string]bool {
	type level struct {
		indent int
		path   string
	}
	var stack []level
	out := map[string]bool{}
	for _, line := range strings.Split(doc, "\n") {
		content := strings.TrimLeft(line, " ")
		indent := len(line) - len(content)
		for {
			rest, ok := strings.CutPrefix(content, "#")
			if !ok {
				break
			}
			trimmed := strings.TrimLeft(rest, " ")
			if len(rest) == len(trimmed) {
				break
			}
			indent += len(rest) - len(trimmed) - 1 // as if "# " were not there
			content = trimmed
		}
		if strings.HasPrefix(content, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(content, "- {"); ok {
			// A list item that is a flow mapping: its keys are the item's.
			for len(stack) > 0 && stack[len(stack)-1].indent >= indent+2 {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				for _, fm := range flowKey.FindAllStringSubmatch("{"+rest, -1) {
					out[stack[len(stack)-1].path+"[]."+fm[1]] = true
				}
			}
			continue
		}
		m := yamlKey.FindStringSubmatch(content)
		if m == nil {
			continue
		}
		keyIndent := indent
		if m[1] != "" {
			keyIndent += 2
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= keyIndent {
			stack = stack[:len(stack)-1]
		}
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1].path
		}
		if m[1] != "" {
			// A list item: its keys are the item's, under parent[].
			if !strings.HasSuffix(parent, "[]") {
				parent += "[]"
			}
			stack = append(stack, level{indent: keyIndent - 1, path: parent})
		}
		path := m[2]
		if parent != "" {
			path = parent + "." + m[2]
		}
		out[path] = true
		value := m[4]
		if strings.HasPrefix(strings.TrimSpace(value), "[") {
			path += "[]"
		}
		for _, fm := range flowKey.FindAllStringSubmatch(value, -1) {
			out[path+"."+fm[1]] = true
		}
		stack = append(stack, level{indent: keyIndent, path: path})
	}
	// The configuration keys are under config: and are read without it.
	for k := range out {
		if rest, ok := strings.CutPrefix(k, "config."); ok {
			out[rest] = true
		}
	}
	return out
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
