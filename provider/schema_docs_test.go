package provider_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// liveSchema is the schema the provider serves, from its code (the schema
// drift test keeps schema/schema.json equal to it).
func liveSchema(t *testing.T) schema.PackageSpec {
	t.Helper()
	resp, err := newServer(t, nil).GetSchema(p.GetSchemaRequest{})
	require.NoError(t, err)
	var spec schema.PackageSpec
	require.NoError(t, json.Unmarshal([]byte(resp.Schema), &spec))
	return spec
}

// undocumented lists every member of spec without a description: resources,
// components, functions, their inputs and outputs, the provider's
// configuration, object types with their properties, and enum values.
func undocumented(spec schema.PackageSpec) []string {
	var missing []string
	need := func(desc, where string) {
		if strings.TrimSpace(desc) == "" {
			missing = append(missing, where)
		}
	}
	props := func(ps map[string]schema.PropertySpec, where string) {
		for name, prop := range ps {
			need(prop.Description, fmt.Sprintf("%s.%s", where, name))
		}
	}

	need(spec.Description, "the package")
	for name, v := range spec.Config.Variables {
		need(v.Description, "config."+name)
	}
	if spec.Provider != nil {
		props(spec.Provider.InputProperties, "provider.inputProperties")
	}
	for tok, r := range spec.Resources {
		where := fmt.Sprintf("resources[%s]", tok)
		need(r.Description, where)
		props(r.InputProperties, where+".inputProperties")
		props(r.Properties, where+".properties")
	}
	for tok, f := range spec.Functions {
		where := fmt.Sprintf("functions[%s]", tok)
		need(f.Description, where)
		if f.Inputs != nil {
			props(f.Inputs.Properties, where+".inputs")
		}
		if f.Outputs != nil {
			props(f.Outputs.Properties, where+".outputs")
		}
		if f.ReturnType != nil && f.ReturnType.ObjectTypeSpec != nil {
			props(f.ReturnType.ObjectTypeSpec.Properties, where+".outputs")
		}
	}
	for tok, typ := range spec.Types {
		where := fmt.Sprintf("types[%s]", tok)
		// pulumi-go-provider v1.5.0's infer never writes an enum type's own
		// description (infer/types.go builds the spec from the values only),
		// so enums are checked by their values, which it does carry.
		if len(typ.Enum) == 0 {
			need(typ.Description, where)
		}
		props(typ.Properties, where+".properties")
		for _, e := range typ.Enum {
			need(e.Description, fmt.Sprintf("%s.enum[%v]", where, e.Value))
		}
	}
	slices.Sort(missing)
	return missing
}

// TestSchemaDocsAreComplete checks that nothing in the schema lacks a
// description: the registry docs and the SDKs' doc comments come from them.
func TestSchemaDocsAreComplete(t *testing.T) {
	t.Parallel()
	spec := liveSchema(t)
	require.NotEmpty(t, spec.Resources, "the schema has resources")
	require.NotEmpty(t, spec.Functions, "the schema has functions")
	missing := undocumented(spec)
	assert.Empty(t, missing, "these schema members have no description; describe them with Annotate "+
		"(a.Describe) in the Go type, then run `make schema sdks`:\n  %s", strings.Join(missing, "\n  "))
}

// TestSchemaDocsCheckFindsGaps shows that the check above can fail: it names
// each kind of member left without a description.
func TestSchemaDocsCheckFindsGaps(t *testing.T) {
	t.Parallel()
	str := schema.TypeSpec{Type: "string"}
	spec := schema.PackageSpec{
		Description: "ok",
		Config:      schema.ConfigSpec{Variables: map[string]schema.PropertySpec{"region": {TypeSpec: str}}},
		Resources: map[string]schema.ResourceSpec{"x:index:R": {
			InputProperties: map[string]schema.PropertySpec{"in": {TypeSpec: str}},
			ObjectTypeSpec:  schema.ObjectTypeSpec{Properties: map[string]schema.PropertySpec{"out": {TypeSpec: str}}},
		}},
		Functions: map[string]schema.FunctionSpec{"x:index:f": {
			Description: "ok",
			Inputs:      &schema.ObjectTypeSpec{Properties: map[string]schema.PropertySpec{"arg": {TypeSpec: str}}},
		}},
		Types: map[string]schema.ComplexTypeSpec{
			"x:index:E": {Enum: []schema.EnumValueSpec{{Value: "a"}}},
			"x:index:O": {ObjectTypeSpec: schema.ObjectTypeSpec{Type: "object",
				Properties: map[string]schema.PropertySpec{"p": {TypeSpec: str, Description: "ok"}}}},
		},
	}
	assert.Equal(t, []string{
		"config.region",
		"functions[x:index:f].inputs.arg",
		"resources[x:index:R]",
		"resources[x:index:R].inputProperties.in",
		"resources[x:index:R].properties.out",
		"types[x:index:E].enum[a]",
		"types[x:index:O]",
	}, undocumented(spec))
}
