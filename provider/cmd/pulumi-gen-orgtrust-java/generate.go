package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"strings"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi-java/pkg/codegen/java"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool names the generator in the header of every generated file, as in the
// other SDKs (provider/cmd/pulumi-gen-orgtrust/gen.Tool).
const tool = "pulumi-gen-orgtrust-java (make sdks)"

// generate binds schemaJSON with version as the package version and returns
// the Java SDK's files, keyed by slash-separated paths relative to its root.
func generate(schemaJSON []byte, version string) (files map[string][]byte, err error) {
	v, err := semver.ParseTolerant(version)
	if err != nil {
		return nil, fmt.Errorf("version %q is not a semantic version: give one such as %q", version, "1.2.3")
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(schemaJSON, &spec); err != nil {
		return nil, fmt.Errorf("decoding the schema: %w", err)
	}
	spec.Version = v.String()
	pkg, diags, err := schema.BindSpec(spec, refusingLoader{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("binding the schema: %w", err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("binding the schema: %w", diags)
	}
	if err := pkg.ImportLanguages(map[string]schema.Language{"java": java.Importer}); err != nil {
		return nil, fmt.Errorf("reading the schema's language.java: %w", err)
	}
	info, _ := pkg.Language["java"].(java.PackageInfo)
	// The generator adds its default dependencies to this map in place: the
	// pom takes the schema's own.
	info.Dependencies = maps.Clone(info.Dependencies)
	if !strings.HasPrefix(info.BasePackage, "com.") {
		// com.pulumi.bootstrap.internal.PulumiPlugins looks for plugin.json
		// only under com/, so the engine would not install the plugin.
		return nil, fmt.Errorf("language.java.basePackage is %q: it must start with \"com.\", "+
			"where the Java language host looks for the package's plugin.json", info.BasePackage)
	}

	// The generator reports some schema problems by panicking.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the java generator failed: %v", r)
		}
	}()
	// No local dependencies, not a local package, and the legacy build-file
	// mode: without buildFiles in the schema it writes no Gradle build, and
	// writes version.txt itself.
	generated, err := java.GeneratePackage(tool, pkg, nil, nil, false, true)
	if err != nil {
		return nil, fmt.Errorf("generating the Java SDK: %w", err)
	}
	files = map[string][]byte{}
	for name, data := range generated {
		files[path.Clean(strings.ReplaceAll(name, "\\", "/"))] = data
	}
	javaPackage := strings.TrimSuffix(info.BasePackage, ".") + "." + pkg.Name
	resources := "src/main/resources/" + strings.ReplaceAll(javaPackage, ".", "/")
	if _, ok := files[resources+"/version.txt"]; !ok {
		return nil, fmt.Errorf("the java generator wrote no %s/version.txt: is language.java.buildFiles set?", resources)
	}
	pluginJSON, err := pluginJSON(pkg)
	if err != nil {
		return nil, err
	}
	files[resources+"/plugin.json"] = pluginJSON
	pom, err := pomXML(pkg, info)
	if err != nil {
		return nil, err
	}
	files["pom.xml"] = pom
	files["README.md"] = readme(pkg, javaPackage)
	return files, nil
}

// pluginJSON is the resource that tells the Java language host which plugin
// the package needs, at which version and from where, so that the engine
// installs it before the program runs (pulumi's PulumiPluginJSON, read by
// com.pulumi.bootstrap.internal.PulumiPlugin).
func pluginJSON(pkg *schema.Package) ([]byte, error) {
	data, err := json.MarshalIndent(map[string]any{
		"resource": true,
		"name":     pkg.Name,
		"version":  pkg.Version.String(),
		"server":   pkg.PluginDownloadURL,
	}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// refusingLoader refuses every other package: the orgtrust schema is
// self-contained (as provider/cmd/pulumi-gen-orgtrust/gen.RefusingLoader).
type refusingLoader struct{}

var _ schema.ReferenceLoader = refusingLoader{}

func refuse(name string) error {
	return fmt.Errorf("the schema references package %q: the orgtrust schema must be self-contained", name)
}

func (refusingLoader) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, refuse(name)
}

func (refusingLoader) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, refuse(d.Name)
}

func (refusingLoader) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, refuse(name)
}

func (refusingLoader) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (
	schema.PackageReference, error,
) {
	return nil, refuse(d.Name)
}
